// The etkg viewer: a Cytoscape.js network and an SVG timeline of the same
// graph, linked. The data is the page's JSON script element "etkg-data",
// written by `etkg export --format html`; nothing is fetched.
(function () {
  'use strict';

  // ---------------------------------------------------------------------
  // Data

  // The palette and shapes of exporters/dot.cc (StyleOf, EdgeColor).
  const KINDS = {
    leader: {color: '#9ecae1', shape: 'ellipse', size: 26, title: 'leaders'},
    call: {color: '#fdae6b', shape: 'round-rectangle', size: 28, title: 'calls'},
    summit: {color: '#fd8d3c', shape: 'octagon', size: 30, title: 'summits'},
    event: {color: '#fdd0a2', shape: 'diamond', size: 28, title: 'events'},
    place: {color: '#a1d99b', shape: 'round-pentagon', size: 18, title: 'places'},
    issue: {color: '#dadaeb', shape: 'round-tag', size: 18, title: 'issues'},
    organization: {color: '#c7e9c0', shape: 'barrel', size: 18, title: 'organizations'},
    document: {color: '#f0f0f0', shape: 'rectangle', size: 14, title: 'documents'},
  };
  const EDGE_COLORS = {
    participant: '#3182bd',
    discussed: '#756bb1',
    held_in: '#31a354',
    refers_to: '#e6550d',
    precedes: '#636363',
    reported_by: '#bdbdbd',
  };
  const EVENT_KINDS = new Set(['call', 'summit', 'event']);
  // Kinds the time range filters; the others have no date of their own.
  const TIMED_KINDS = new Set(['call', 'summit', 'event', 'document']);
  const TIMELINE_LANES = ['call', 'summit', 'event'];
  // How an edge reads from either end, for the details panel.
  const RELATIONS = {
    participant: ['Takes part in', 'Participants'],
    discussed: ['Discussed', 'Discussed at'],
    held_in: ['Held in', 'Hosted'],
    concerns: ['Concerns', 'Issues about it'],
    refers_to: ['Refers to', 'Referred to by'],
    precedes: ['Next', 'Previous'],
    reported_by: ['Sources', 'Reports'],
    leads: ['Leads', 'Led by'],
    mentions: ['Mentions', 'Mentioned in'],
  };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
    'Dec'];
  const DAY_MS = 86400000;

  const data = JSON.parse(document.getElementById('etkg-data').textContent);
  const documents = data.documents || {};
  const comparisons = data.comparisons || {};
  const elements = data.elements || {nodes: [], edges: []};
  const nodeCount = elements.nodes.length;
  const edgeCount = elements.edges.length;
  const large = nodeCount + edgeCount > 1500;

  // Days since 1970-01-01 of an ISO day; null unless it is a real day.
  function toDay(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return null;
    const day = Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS);
    return isoOf(day) === iso ? day : null;
  }
  function isoOf(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  function formatOne(text) {
    let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(text);
    if (m) {
      const day = +m[3] + ' ' + (MONTHS[+m[2] - 1] || m[2]);
      return m[1] === 'XXXX' ? day + ', year unknown' : day + ' ' + m[1];
    }
    m = /^(\d{4}|XXXX)-(\d{2})$/.exec(text);
    if (m) return (MONTHS[+m[2] - 1] || m[2]) + ' ' + (m[1] === 'XXXX' ? '(year unknown)' : m[1]);
    return text;
  }
  // "2017-07-07/2017-07-08" -> "7–8 Jul 2017"; "XXXX-01-28" -> "28 Jan, year unknown".
  function formatDate(text) {
    if (!text) return '';
    const parts = text.split('/');
    if (parts.length === 2) {
      const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts[0]);
      const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts[1]);
      if (a && b && a[1] === b[1] && a[2] === b[2]) {
        return +a[3] + '–' + formatOne(parts[1]);
      }
      return formatOne(parts[0]) + ' – ' + formatOne(parts[1]);
    }
    return formatOne(text);
  }
  // "2 May", "7–8 Jul", "30 Jun – 2 Jul": the timeline's axis gives the year.
  function shortDate(first, last) {
    const a = new Date(first * DAY_MS);
    const b = new Date(last * DAY_MS);
    const day = (d) => d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()];
    if (first === last) return day(a);
    if (a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear()) {
      return a.getUTCDate() === 1 && new Date((last + 1) * DAY_MS).getUTCDate() === 1 ?
        MONTHS[a.getUTCMonth()] : a.getUTCDate() + '–' + day(b);
    }
    return day(a) + ' – ' + day(b);
  }
  function isPartial(text) {
    return !/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/.test(text || '');
  }

  // First and last day of every dated node; search text; display labels.
  const days = new Map();
  const haystack = new Map();
  for (const n of elements.nodes) {
    const d = n.data;
    const s = toDay(d.start);
    const e = toDay(d.end);
    if (s !== null && e !== null) days.set(d.id, {s: s, e: e});
    haystack.set(d.id, [d.label, d.id].concat(d.aliases || []).join('\n').toLowerCase());
    d.display = EVENT_KINDS.has(d.kind) && d.date ? d.label + '\n' + formatDate(d.date) : d.label;
  }
  const docLabel = (key) => (documents[key] && documents[key].label) || key;
  const docId = (key) => (documents[key] && documents[key].id) || 'doc/' + key;

  // ---------------------------------------------------------------------
  // The network

  function networkStyle() {
    const style = [
      {
        selector: 'node',
        style: {
          'label': 'data(display)',
          'font-size': 11,
          'color': '#24292f',
          'text-valign': 'bottom',
          'text-halign': 'center',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': 130,
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          'text-outline-opacity': 0.85,
          'min-zoomed-font-size': large ? 8 : 5,
          'border-width': 1,
          'border-color': '#6e7781',
          'border-opacity': 0.6,
          'width': 18,
          'height': 18,
        },
      },
    ];
    for (const [kind, k] of Object.entries(KINDS)) {
      style.push({
        selector: 'node[kind = "' + kind + '"]',
        style: {'background-color': k.color, 'shape': k.shape, 'width': k.size,
          'height': k.size},
      });
    }
    style.push(
        {selector: 'node[kind = "leader"]', style: {'font-size': 12.5, 'font-weight': 600}},
        {selector: 'node[kind = "call"], node[kind = "summit"], node[kind = "event"]',
          style: {'font-size': 12, 'font-weight': 600, 'width': 34}},
        {selector: 'node[kind = "document"]',
          style: {'font-size': 9.5, 'color': '#57606a', 'text-wrap': 'ellipsis',
            'text-max-width': 110}},
        {
          selector: 'edge',
          style: {
            'width': 1.4,
            'line-color': '#969696',
            'target-arrow-color': '#969696',
            'target-arrow-shape': large ? 'none' : 'triangle',
            'arrow-scale': 0.7,
            'curve-style': large ? 'haystack' : 'bezier',
            'opacity': 0.75,
          },
        });
    for (const [kind, color] of Object.entries(EDGE_COLORS)) {
      style.push({selector: 'edge[kind = "' + kind + '"]',
        style: {'line-color': color, 'target-arrow-color': color}});
    }
    style.push(
        {selector: 'edge[kind = "mentions"]',
          style: {'line-style': 'dotted', 'width': 1, 'line-color': '#c4c4c4', 'opacity': 0.6}},
        {selector: 'edge[kind = "reported_by"]', style: {'line-style': 'dashed'}},
        {selector: '.off-time, .off-kind, .off-mention', style: {'display': 'none'}},
        {selector: '.faded', style: {'opacity': 0.12, 'text-opacity': 0.25}},
        {selector: '.dim', style: {'opacity': 0.15, 'text-opacity': 0.2}},
        {selector: 'node.match',
          style: {'underlay-color': '#ffd54f', 'underlay-padding': 7, 'underlay-opacity': 0.9,
            'underlay-shape': 'ellipse'}},
        {selector: 'node:selected',
          style: {'z-index': 20, 'border-width': 3, 'border-color': '#d62728', 'border-opacity': 1,
            'underlay-color': '#d62728', 'underlay-padding': 6, 'underlay-opacity': 0.15}},
        {selector: 'edge:selected',
          style: {'width': 3.5, 'line-color': '#d62728', 'target-arrow-color': '#d62728',
            'opacity': 1, 'label': 'data(kind)', 'font-size': 9, 'color': '#d62728',
            'text-rotation': 'autorotate', 'text-background-color': '#fff',
            'text-background-opacity': 0.9, 'text-background-padding': 2}});
    return style;
  }

  const positioned = nodeCount > 0 && elements.nodes.every((n) => n.position);
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    style: networkStyle(),
    layout: {name: 'preset', fit: false},
    minZoom: 0.03,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
  });

  // Nodes that only passing mentions reach (not events): hidden with them.
  const mentionOnly = new Set();
  cy.nodes().forEach((n) => {
    if (EVENT_KINDS.has(n.data('kind'))) return;
    const edges = n.connectedEdges();
    if (edges.nonempty() && edges.every((e) => e.data('kind') === 'mentions')) {
      mentionOnly.add(n.id());
    }
  });
  const mentionEdges = cy.edges('[kind = "mentions"]').length;

  // ---------------------------------------------------------------------
  // State and filters

  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const [id, d] of days) {
    if (!TIMED_KINDS.has(cy.getElementById(id).data('kind'))) continue;
    minDay = Math.min(minDay, d.s);
    maxDay = Math.max(maxDay, d.e);
  }
  const hasTime = minDay <= maxDay;
  const state = {
    from: hasTime ? minDay : 0,
    to: hasTime ? maxDay : 0,
    kindsOff: new Set(),
    mentions: false,
    query: '',
    selected: null,
  };

  function hiddenByTime(id, kind) {
    const d = days.get(id);
    return !!d && TIMED_KINDS.has(kind) && (d.e < state.from || d.s > state.to);
  }
  function shown(ele) {
    return !ele.hasClass('off-time') && !ele.hasClass('off-kind') && !ele.hasClass('off-mention');
  }

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const kind = n.data('kind');
        n.toggleClass('off-time', hiddenByTime(n.id(), kind));
        n.toggleClass('off-kind', state.kindsOff.has(kind));
        n.toggleClass('off-mention', !state.mentions && mentionOnly.has(n.id()));
      });
      cy.edges().forEach((e) => {
        const off = !state.mentions && e.data('kind') === 'mentions';
        e.toggleClass('off-mention', off);
        // An edge goes with either end.
        e.toggleClass('off-time', e.source().hasClass('off-time') || e.target().hasClass('off-time'));
      });
    });
    const nodesShown = cy.nodes().filter(shown).length;
    const edgesShown = cy.edges().filter((e) => shown(e) && shown(e.source()) && shown(e.target()))
        .length;
    document.getElementById('counts').textContent = nodeCount + ' nodes, ' + edgeCount +
        ' edges' + (nodesShown < nodeCount || edgesShown < edgeCount ?
          ' · showing ' + nodesShown + ' and ' + edgesShown : '');
    placeNewlyShown();
    runSearch();
    timeline.render();
  }

  // ---------------------------------------------------------------------
  // Layout

  // A small seeded generator, so a page lays out the same way every time.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const placed = new Set();
  function layout() {
    if (positioned) {
      cy.nodes().forEach((n) => placed.add(n.id()));
      cy.fit(undefined, 30);
      return;
    }
    const eles = cy.elements().filter((e) => shown(e) &&
        (e.isNode() || (shown(e.source()) && shown(e.target()))));
    const random = Math.random;
    Math.random = seeded(20170502);
    try {
      eles.layout({
        name: 'cose',
        animate: false,
        randomize: true,
        fit: true,
        padding: 30,
        // Labels counted in make a sparse layout with small type once
        // fitted; the stretch below makes room for them instead.
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: () => 60,
        nodeRepulsion: () => 12000,
        nodeOverlap: 20,
        gravity: 1,
        numIter: nodeCount > 300 ? 600 : 1500,
        componentSpacing: 60,
      }).run();
    } finally {
      Math.random = random;
    }
    // A force layout comes out round; the network's box is wide. Stretch
    // it (a little) to the box, for larger labels once fitted.
    const bb = eles.nodes().boundingBox();
    const want = cy.width() / Math.max(1, cy.height());
    const have = bb.w / Math.max(1, bb.h);
    const sx = have < want ? Math.min(want / have, 1.8) : 1;
    const sy = have > want ? Math.min(have / want, 1.8) : 1;
    if (sx !== 1 || sy !== 1) {
      const cx = (bb.x1 + bb.x2) / 2;
      const cy0 = (bb.y1 + bb.y2) / 2;
      eles.nodes().positions((n) => ({x: cx + (n.position('x') - cx) * sx,
        y: cy0 + (n.position('y') - cy0) * sy}));
      cy.fit(eles, 30);
    }
    eles.nodes().forEach((n) => placed.add(n.id()));
  }
  // Nodes laid out while hidden (the passing mentions) go in a ring
  // around a neighbour that has a place.
  function placeNewlyShown() {
    const ring = new Map();
    cy.nodes().forEach((n) => {
      if (placed.has(n.id()) || !shown(n)) return;
      const anchor = n.neighborhood('node').filter((m) => placed.has(m.id()))[0];
      if (!anchor) return;
      const k = ring.get(anchor.id()) || 0;
      ring.set(anchor.id(), k + 1);
      const angle = k * 2.39996;  // The golden angle spreads them out.
      const r = 55 + 9 * Math.sqrt(k) * 3;
      const p = anchor.position();
      n.position({x: p.x + r * Math.cos(angle), y: p.y + r * Math.sin(angle)});
      placed.add(n.id());
    });
  }

  // ---------------------------------------------------------------------
  // Small DOM helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) el.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== undefined && c !== null) el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }
  function swatch(kind) {
    const k = KINDS[kind];
    return h('span', {class: 'swatch', style: 'background:' + (k ? k.color : '#fff')});
  }
  function link(ele, text) {
    return h('button', {class: 'link', type: 'button', 'data-id': ele.id(),
      onclick: () => select(ele, 'details')}, text || ele.data('label'));
  }
  // A URL the reader may follow; only web addresses become links.
  function safeUrl(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  // ---------------------------------------------------------------------
  // The timeline: one lane per event kind, a mark per dated event, the
  // time range as its window. Drag across it to narrow the range.

  const timeline = (function () {
    const box = document.getElementById('timeline');
    const LANE_X = 84;
    const AXIS_H = 24;
    const ROW_H = 22;
    const MAX_ROWS = 10;
    let scale = null;
    let itemEls = new Map();
    let selected = null;
    let related = new Set();

    function itemsIn() {
      const items = [];
      cy.nodes().forEach((n) => {
        const kind = n.data('kind');
        const d = days.get(n.id());
        if (!EVENT_KINDS.has(kind) || !d || !shown(n)) return;
        items.push({id: n.id(), kind: kind, s: d.s, e: d.e, date: n.data('date'),
          label: n.data('label') + ' · ' + shortDate(d.s, d.e)});
      });
      items.sort((a, b) => a.s - b.s || a.e - b.e || (a.id < b.id ? -1 : 1));
      return items;
    }

    function ticks(d0, d1, width) {
      const perDay = width / Math.max(1, d1 - d0);
      const y0 = new Date(d0 * DAY_MS).getUTCFullYear();
      const y1 = new Date(d1 * DAY_MS).getUTCFullYear();
      const out = [];
      for (const step of [1, 2, 5, 10, 20, 50, 100]) {
        if (365 * step * perDay < 60) continue;
        if (step === 1 && 365 * perDay > 600) break;  // Months read better.
        for (let y = Math.floor(y0 / step) * step; y <= y1 + 1; y += step) {
          out.push({day: Date.UTC(y, 0, 1) / DAY_MS, text: String(y), major: true});
        }
        return out;
      }
      for (const step of [1, 2, 3, 6]) {
        if (30.4 * step * perDay < 64) continue;
        if (step === 1 && 30.4 * perDay > 900) break;
        for (let y = y0; y <= y1; ++y) {
          for (let m = 0; m < 12; m += step) {
            const day = Date.UTC(y, m, 1) / DAY_MS;
            out.push({day: day, text: MONTHS[m] + (m === 0 || out.length === 0 ? ' ' + y : ''),
              major: m === 0});
          }
        }
        return out;
      }
      let step = 1;
      while (step * perDay < 44) step = step < 7 ? 7 : step * 2;
      for (let day = Math.floor(d0) - step; day <= d1 + 1; day += step) {
        const date = new Date(day * DAY_MS);
        out.push({day: day, text: date.getUTCDate() + ' ' + MONTHS[date.getUTCMonth()],
          major: date.getUTCDate() === 1});
      }
      return out;
    }

    function render() {
      box.textContent = '';
      itemEls = new Map();
      const width = Math.max(300, box.clientWidth);
      const items = hasTime ? itemsIn() : [];
      const span = Math.max(1, state.to - state.from + 1);
      const pad = Math.max(0.5, span * 0.03);
      const d0 = state.from - pad;
      const d1 = state.to + 1 + pad;
      const x = (day) => LANE_X + (day - d0) / (d1 - d0) * (width - LANE_X - 12);
      scale = {x: x, day: (px) => d0 + (px - LANE_X) / (width - LANE_X - 12) * (d1 - d0)};

      // Rows: an item takes the first row free at its start; its label
      // runs to the right of its mark.
      const lanes = TIMELINE_LANES.filter((k) => cy.nodes('[kind = "' + k + '"]').some(
          (n) => days.has(n.id())));
      const layoutOf = new Map();
      const rowsOf = new Map();
      for (const kind of lanes) {
        const ends = [];
        let overflow = false;
        for (const it of items.filter((i) => i.kind === kind)) {
          const x0 = x(it.s);
          const x1 = Math.max(x(it.e + 1), x0 + 10);
          const labelWidth = it.label.length * 6.3 + 6;
          const before = x1 + labelWidth > width - 6 && x0 - labelWidth > LANE_X;
          const left = before ? x0 - labelWidth : x0;
          const labelEnd = before ? x1 : x1 + labelWidth;
          let row = ends.findIndex((end) => end + 8 <= left);
          let labelled = true;
          if (row < 0 && ends.length < MAX_ROWS) {
            row = ends.length;
            ends.push(0);
          } else if (row < 0) {
            // Crowded: a last row of marks without labels (they have
            // tooltips), so that no mark covers a label.
            row = MAX_ROWS;
            labelled = false;
            overflow = true;
          }
          if (labelled) ends[row] = labelEnd;
          layoutOf.set(it.id, {row: row, x0: x0, x1: x1, labelled: labelled, before: before});
        }
        rowsOf.set(kind, Math.max(1, overflow ? MAX_ROWS + 1 : ends.length));
      }
      let height = AXIS_H;
      const laneTop = new Map();
      for (const kind of lanes) {
        laneTop.set(kind, height);
        height += rowsOf.get(kind) * ROW_H + 10;
      }
      height += 18;  // The hint line.
      const boxHeight = Math.min(Math.max(height, 110), 230);
      if (box.clientHeight !== boxHeight) {
        box.style.height = boxHeight + 'px';
        cy.resize();
      }

      const svg = s('svg', {width: width, height: height});
      const grid = s('g', {class: 'axis'});
      for (const kind of lanes) {
        svg.append(s('rect', {class: 'lane-bg', x: 0, y: laneTop.get(kind), width: width,
          height: rowsOf.get(kind) * ROW_H + 6}));
      }
      const marks = hasTime ? ticks(d0, d1, width - LANE_X) : [];
      // The period the strip starts in, named at its left edge.
      const firstShown = marks.find((t) => x(t.day) >= LANE_X);
      const before = marks.filter((t) => x(t.day) < LANE_X).pop();
      if (before && (!firstShown || x(firstShown.day) > LANE_X + 50)) {
        grid.append(s('text', {x: LANE_X + 3, y: 15}, before.text));
      }
      for (const t of marks) {
        const px = x(t.day);
        if (px < LANE_X || px > width - 4) continue;
        grid.append(s('line', {class: 'grid', x1: px, x2: px, y1: AXIS_H - 6, y2: height,
          'stroke-width': t.major ? 1.5 : 1}));
        grid.append(s('text', {x: px + 3, y: 15}, t.text));
      }
      svg.append(grid);
      for (const kind of lanes) {
        const label = s('text', {class: 'lane-label', x: 10, y: laneTop.get(kind) + 15},
            KINDS[kind].title);
        svg.append(s('rect', {x: 10, y: laneTop.get(kind) + 20, width: 26, height: 4, rx: 2,
          fill: KINDS[kind].color}));
        svg.append(label);
      }
      for (const it of items) {
        const p = layoutOf.get(it.id);
        if (!p) continue;
        const cyMid = laneTop.get(it.kind) + p.row * ROW_H + ROW_H / 2 + 2;
        const g = s('g', {class: 'item ' + it.kind + (isPartial(it.date) ? ' partial' : ''),
          'data-id': it.id});
        const k = KINDS[it.kind];
        g.append(s('title', {}, it.label + ' — ' + formatDate(it.date)));
        const w = p.x1 - p.x0;
        const labelWidth = p.labelled ? it.label.length * 6.3 + 8 : 0;
        g.append(s('rect', {class: 'halo', x: p.x0 - 4 - (p.before ? labelWidth : 0), y: cyMid - 9,
          height: 18, rx: 9, width: w + 8 + labelWidth}));
        if (it.e > it.s) {
          g.append(s('rect', {class: 'mark', x: p.x0, y: cyMid - 6, width: w, height: 12, rx: 6,
            fill: k.color}));
        } else {
          g.append(s('circle', {class: 'mark', cx: p.x0 + 5, cy: cyMid, r: 6, fill: k.color}));
        }
        if (p.labelled && p.before) {
          g.append(s('text', {x: p.x0 - 5, y: cyMid + 4, 'text-anchor': 'end'}, it.label));
        } else if (p.labelled) {
          g.append(s('text', {x: p.x1 + 5, y: cyMid + 4}, it.label));
        }
        svg.append(g);
        itemEls.set(it.id, g);
      }
      if (!hasTime) {
        svg.append(s('text', {class: 'empty-note', x: LANE_X, y: 50},
            'No event of this graph has a known date.'));
      } else if (items.length === 0) {
        svg.append(s('text', {class: 'empty-note', x: LANE_X, y: AXIS_H + 24},
            'No dated event in this range.'));
      }
      const undated = cy.nodes().filter((n) => EVENT_KINDS.has(n.data('kind')) &&
          !days.has(n.id())).length;
      svg.append(s('text', {class: 'hint', x: width - 10, y: height - 5, 'text-anchor': 'end'},
          (undated ? undated + ' event' + (undated === 1 ? '' : 's') +
            ' without a known year (listed in the details) · ' : '') +
          'drag across the timeline to narrow the dates · double-click for all'));
      box.append(svg);
      brush(svg, height);
      highlight(selected, related);
      markMatches();
    }

    function brush(svg, height) {
      let start = null;
      let rect = null;
      const px = (ev) => ev.clientX - svg.getBoundingClientRect().left;
      svg.addEventListener('mousedown', (ev) => {
        if (ev.button !== 0 || ev.target.closest('.item')) return;
        start = px(ev);
        ev.preventDefault();
      });
      svg.addEventListener('mousemove', (ev) => {
        if (start === null) return;
        const now = px(ev);
        if (!rect) {
          rect = s('rect', {class: 'brush', y: 0, height: height});
          svg.append(rect);
        }
        rect.setAttribute('x', Math.min(start, now));
        rect.setAttribute('width', Math.abs(now - start));
      });
      const end = (ev) => {
        if (start === null) return;
        const now = px(ev);
        const a = Math.min(start, now);
        const b = Math.max(start, now);
        start = null;
        if (rect) rect.remove();
        rect = null;
        if (b - a > 6) {
          setRange(Math.floor(scale.day(a)), Math.floor(scale.day(b)));
        } else if (ev.type === 'mouseup' && !ev.target.closest('.item')) {
          clearSelection();
        }
      };
      svg.addEventListener('mouseup', end);
      svg.addEventListener('mouseleave', end);
      svg.addEventListener('dblclick', () => setRange(minDay, maxDay));
      svg.addEventListener('click', (ev) => {
        const g = ev.target.closest('.item');
        if (g) select(cy.getElementById(g.getAttribute('data-id')), 'timeline');
      });
    }

    function highlight(id, ids) {
      selected = id;
      related = ids || new Set();
      box.classList.toggle('has-selection', !!id);
      for (const [key, g] of itemEls) {
        g.classList.toggle('selected', key === id);
        g.classList.toggle('related', related.has(key));
      }
      const g = id && itemEls.get(id);
      if (g) {
        // Bring it into the strip's view, vertically.
        const top = g.getBBox().y;
        if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 30) {
          box.scrollTop = Math.max(0, top - 40);
        }
      }
    }

    function markMatches() {
      const q = state.query.trim().toLowerCase();
      for (const [key, g] of itemEls) g.classList.toggle('match', !!q && haystack.get(key).includes(q));
    }

    return {render: render, highlight: highlight, markMatches: markMatches};
  })();

  // ---------------------------------------------------------------------
  // Selection: the network, the timeline and the details follow it.

  function reveal(ele) {
    const nodes = ele.isNode() ? ele : ele.connectedNodes();
    let changed = false;
    nodes.forEach((n) => {
      if (n.hasClass('off-time')) {
        setRange(minDay, maxDay, true);
        changed = true;
      }
      if (n.hasClass('off-kind')) {
        state.kindsOff.delete(n.data('kind'));
        changed = true;
      }
      if (n.hasClass('off-mention')) {
        state.mentions = true;
        changed = true;
      }
    });
    if (ele.isEdge() && ele.hasClass('off-mention')) {
      state.mentions = true;
      changed = true;
    }
    if (changed) {
      syncLegend();
      applyFilters();
    }
  }

  function relatedEvents(ele) {
    const ids = new Set();
    const add = (n) => {
      if (EVENT_KINDS.has(n.data('kind'))) ids.add(n.id());
    };
    if (ele.isEdge()) {
      ele.connectedNodes().forEach(add);
    } else {
      add(ele);
      ele.neighborhood('node').forEach(add);
    }
    return ids;
  }

  function select(ele, origin) {
    if (!ele || ele.empty()) {
      clearSelection();
      return;
    }
    reveal(ele);
    state.selected = ele.id();
    cy.batch(() => {
      cy.elements(':selected').not(ele).unselect();
      ele.select();
      const focus = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
      cy.elements().not(focus).addClass('faded');
      focus.removeClass('faded');
    });
    if (origin !== 'network') focusOn(ele);
    timeline.highlight(ele.id(), relatedEvents(ele));
    showDetails(ele);
    try {
      history.replaceState(null, '', '#' + encodeURIComponent(ele.id()));
    } catch (e) {
      // Some browsers refuse to change the address of a file: page.
    }
  }

  // Brings the selection and its neighbours into view: fitted when they
  // fit at a readable zoom, else centred on the selection.
  function focusOn(ele) {
    const target = ele.isNode() ? ele : ele.connectedNodes();
    const around = (ele.isNode() ? ele.closedNeighborhood() : target).filter(shown);
    const bb = around.nodes().boundingBox();
    const pad = 50;
    const w = cy.width();
    const ht = cy.height();
    let zoom = Math.min((w - 2 * pad) / Math.max(1, bb.w), (ht - 2 * pad) / Math.max(1, bb.h));
    let centre = {x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2};
    if (zoom < 0.45) {
      zoom = Math.max(cy.zoom(), 0.8);
      const bt = target.boundingBox();
      centre = {x: (bt.x1 + bt.x2) / 2, y: (bt.y1 + bt.y2) / 2};
    }
    zoom = Math.min(zoom, 1.4);
    cy.stop();
    cy.animate({zoom: zoom, pan: {x: w / 2 - zoom * centre.x, y: ht / 2 - zoom * centre.y}},
        {duration: 300});
  }

  function clearSelection() {
    state.selected = null;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      cy.elements().removeClass('faded');
    });
    timeline.highlight(null, null);
    showOverview();
    try {
      history.replaceState(null, '', location.pathname + location.search);
    } catch (e) {
      // As above.
    }
  }

  cy.on('tap', 'node, edge', (ev) => select(ev.target, 'network'));
  cy.on('tap', (ev) => {
    if (ev.target === cy) clearSelection();
  });
  cy.on('mouseover', 'node, edge', () => {
    cy.container().style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node, edge', () => {
    cy.container().style.cursor = '';
  });

  // ---------------------------------------------------------------------
  // Details

  const details = document.getElementById('details');

  // Sentences of `edges`, grouped by document, each once, with the facts
  // it supports.
  function evidenceByDocument(edges, from, order) {
    const groups = new Map();
    edges.forEach((e) => {
      const other = from && e.isEdge() ? (e.source().same(from) ? e.target() : e.source()) : null;
      const fact = other ? e.data('kind').replace('_', ' ') + ' ' + other.data('label') :
        e.data('kind').replace('_', ' ');
      for (const ev of e.data('evidence') || []) {
        if (!groups.has(ev.doc)) groups.set(ev.doc, new Map());
        const sentences = groups.get(ev.doc);
        const key = ev.offset + ':' + ev.length;
        if (!sentences.has(key)) sentences.set(key, {offset: ev.offset, text: ev.text, facts: []});
        const facts = sentences.get(key).facts;
        if (!facts.includes(fact)) facts.push(fact);
      }
    });
    const docs = [...groups.keys()].sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia !== ib) return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
      return a < b ? -1 : 1;
    });
    const out = [];
    let shownSentences = 0;
    for (const doc of docs) {
      const sentences = [...groups.get(doc).values()].sort((a, b) => a.offset - b.offset);
      const node = cy.getElementById(docId(doc));
      out.push(h('div', {class: 'doc-group', 'data-doc': doc},
          h('div', {class: 'title'}, node.nonempty() ? link(node, docLabel(doc)) : docLabel(doc),
              h('span', {class: 'date'}, docId(doc))),
          sentences.slice(0, 40).map((x) => h('blockquote', {}, x.text,
              from ? h('span', {class: 'facts'}, x.facts.join(' · ')) : null)),
          sentences.length > 40 ? h('div', {class: 'note'},
              '… and ' + (sentences.length - 40) + ' more sentences') : null));
      shownSentences += sentences.length;
    }
    if (out.length === 0) out.push(h('p', {class: 'empty'}, 'No sentence recorded.'));
    return {elements: out, count: shownSentences};
  }

  function fields(d, skip) {
    const rows = [];
    const add = (name, value) => {
      if (value === undefined || value === null || value === '') return;
      rows.push(h('dt', {}, name), h('dd', {}, value));
    };
    if (d.date) {
      add('Date', formatDate(d.date) + (formatDate(d.date) !== d.date ? '  (' + d.date + ')' : ''));
    }
    add('Date rule', d.date_rule);
    if (d.duration_min !== undefined) add('Duration', d.duration_min + ' min');
    if (d.confidence !== undefined) add('Confidence', String(d.confidence));
    if (d.aliases && d.aliases.length) add('Also', d.aliases.join(', '));
    const known = new Set(['id', 'label', 'kind', 'date', 'start', 'end', 'date_rule', 'aliases',
      'display', 'evidence', 'source', 'target', 'confidence', 'duration_min', 'identity']
        .concat(skip || []));
    for (const [k, v] of Object.entries(d)) {
      if (known.has(k) || typeof v === 'object') continue;
      const url = k === 'url' ? safeUrl(v) : null;
      const name = k.replace(/_/g, ' ');
      add(name.charAt(0).toUpperCase() + name.slice(1), url ?
        h('a', {href: url, target: '_blank', rel: 'noopener noreferrer'}, v) : String(v));
    }
    return rows.length ? h('dl', {}, rows) : null;
  }

  function sourceBox(docNode, key) {
    const meta = documents[key] || {};
    const url = safeUrl(meta.url);
    return h('div', {class: 'source', 'data-doc': key},
        h('div', {class: 'title'}, docNode && docNode.nonempty() ?
          link(docNode, docLabel(key)) : docLabel(key)),
        meta.issuer ? h('div', {class: 'issuer'}, 'Issued by ' + meta.issuer) : null,
        h('div', {class: 'id'}, docId(key) + (meta.date ? ' · ' + formatDate(meta.date) : '')),
        url ? h('div', {}, h('a', {href: url, target: '_blank', rel: 'noopener noreferrer'},
            url)) : null,
        !url && meta.path ? h('div', {class: 'id'}, meta.path) : null);
  }

  // An event's facts by source (graph/sources.h): those every source
  // states, once; then a column per source with what only some state, and
  // the sentences that say it; then where the sources disagree.
  function bySource(c) {
    const name = (i) => c.sources[i].issuer || docLabel(c.sources[i].id.replace(/^doc\//, ''));
    const factText = (f) => f.kind + ': ' + f.value;
    const shared = c.facts.filter((f) => f.shared);
    const partial = c.facts.filter((f) => !f.shared && f.sources.length);
    const parts = [h('h3', {}, 'By source (' + c.sources.length + ')'),
      h('p', {class: 'note'}, shared.length + (shared.length === 1 ? ' fact' : ' facts') +
        ' stated by every source, ' + partial.length + ' by some only.')];
    if (shared.length) {
      parts.push(h('div', {class: 'shared-facts'}, h('div', {class: 'title'}, 'All sources'),
          h('ul', {}, shared.map((f) => h('li', {}, factText(f))))));
    }
    parts.push(h('div', {class: 'source-columns',
      style: 'grid-template-columns: repeat(' + c.sources.length + ', minmax(9em, 1fr))'},
    c.sources.map((s, i) => h('div', {class: 'source-column', 'data-doc': s.id},
        h('div', {class: 'title'}, name(i)),
        h('div', {class: 'id'}, s.id + (s.stated_date ? ' · dates it ' + formatDate(s.stated_date) :
          '')),
        h('ul', {}, partial.filter((f) => f.sources.includes(i)).map((f) =>
          h('li', {class: 'fact'}, factText(f),
              f.evidence.filter((ev) => docId(ev.doc) === s.id)
                  .map((ev) => h('blockquote', {}, ev.text))))),
    ))));
    if (c.disagreements.length) {
      parts.push(h('div', {class: 'disagreements'}, h('div', {class: 'title'}, 'Where they differ'),
          h('ul', {}, c.disagreements.map((d) => h('li', {}, d.about + ': ' +
            d.facts.map((k) => c.facts[k].value + ' (' + c.facts[k].sources.map(name).join(', ') +
              ')').join(' / ') + (d.note ? '; ' + d.note : ''))))));
    }
    return parts;
  }

  function header(kind, label, id, extra) {
    return [
      h('div', {class: 'kind'}, swatch(kind), extra || kind),
      h('h2', {}, label),
      h('div', {class: 'id'}, id),
    ];
  }

  function showNode(n) {
    const d = n.data();
    const parts = header(d.kind, d.label, d.id);
    parts.push(fields(d));
    const edges = n.connectedEdges();
    // Sources first: the documents that report an event, or that a
    // document is.
    const sourceKeys = [];
    if (d.kind === 'document') {
      sourceKeys.push(d.id.replace(/^doc\//, ''));
    } else {
      edges.filter((e) => e.data('kind') === 'reported_by' && e.source().same(n)).forEach((e) => {
        sourceKeys.push(e.target().id().replace(/^doc\//, ''));
      });
      if (EVENT_KINDS.has(d.kind) || sourceKeys.length) {
        parts.push(h('h3', {}, 'Sources (' + sourceKeys.length + ')'));
        parts.push(sourceKeys.length ?
          sourceKeys.map((k) => sourceBox(cy.getElementById(docId(k)), k)) :
          h('p', {class: 'empty'}, 'No document reports it.'));
      }
      if (comparisons[d.id]) parts.push(bySource(comparisons[d.id]));
      if (!days.has(d.id) && EVENT_KINDS.has(d.kind)) {
        parts.push(h('p', {class: 'note'}, d.date ?
          'Its year is unknown, so it is not on the timeline.' :
          'It has no date, so it is not on the timeline.'));
      }
    }
    // Links, by relation.
    const groups = new Map();
    edges.forEach((e) => {
      const out = e.source().same(n);
      if (e.data('kind') === 'reported_by' && out) return;
      const names = RELATIONS[e.data('kind')] || [e.data('kind'), e.data('kind')];
      const name = out ? names[0] : names[1];
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push({edge: e, other: out ? e.target() : e.source()});
    });
    const order = [];
    for (const names of Object.values(RELATIONS)) order.push(names[0], names[1]);
    const rank = (name) => (order.indexOf(name) + 1) || order.length + 1;
    for (const [name, list] of [...groups].sort((a, b) => rank(a[0]) - rank(b[0]))) {
      list.sort((a, b) => {
        const da = days.get(a.other.id());
        const db = days.get(b.other.id());
        if (da && db && da.s !== db.s) return da.s - db.s;
        return a.other.data('label').localeCompare(b.other.data('label'));
      });
      parts.push(h('h3', {}, name + ' (' + list.length + ')'));
      parts.push(h('ul', {}, list.slice(0, 60).map(({edge, other}) => h('li', {},
          link(other, other.data('display').replace('\n', ', ')),
          edge.data('date') && edge.data('date') !== d.date &&
            edge.data('date') !== other.data('date') ?
            h('span', {class: 'date'}, formatDate(edge.data('date'))) : null,
          (edge.data('evidence') || []).length ?
            h('button', {class: 'link date', type: 'button', title: 'Show this link and its sentences',
              onclick: () => select(edge, 'details')},
            '· ' + edge.data('evidence').length + ' sentence' +
              (edge.data('evidence').length === 1 ? '' : 's')) : null)),
      list.length > 60 ? h('li', {class: 'note'}, '… and ' + (list.length - 60) + ' more') : null));
    }
    // Sentences behind its facts, by document.
    const factEdges = d.kind === 'document' ? edges.filter((e) => e.data('kind') === 'reported_by') :
      edges;
    const ev = evidenceByDocument(factEdges, n, sourceKeys);
    parts.push(h('h3', {}, 'Sentences, by document (' + ev.count + ')'));
    parts.push(ev.elements);
    details.replaceChildren(...parts.flat().filter(Boolean));
    details.scrollTop = 0;
  }

  function showEdge(e) {
    const d = e.data();
    const title = h('span', {}, link(e.source()), ' → ', link(e.target()));
    const parts = header(e.source().data('kind'), title, d.id, 'link · ' + d.kind.replace('_', ' '));
    parts.push(fields(d));
    const ev = evidenceByDocument(e, null, []);
    parts.push(h('h3', {}, 'Evidence (' + (d.evidence || []).length + ')'));
    parts.push(ev.elements);
    details.replaceChildren(...parts.flat().filter(Boolean));
    details.scrollTop = 0;
  }

  function showDetails(ele) {
    if (ele.isNode()) showNode(ele);
    else showEdge(ele);
  }

  // With nothing selected: what the graph holds, and its events in date
  // order, those of unknown year last (they are not on the timeline).
  function showOverview() {
    const counts = {};
    cy.nodes().forEach((n) => {
      counts[n.data('kind')] = (counts[n.data('kind')] || 0) + 1;
    });
    const events = cy.nodes().filter((n) => EVENT_KINDS.has(n.data('kind'))).toArray();
    const dated = events.filter((n) => days.has(n.id()))
        .sort((a, b) => days.get(a.id()).s - days.get(b.id()).s);
    const undated = events.filter((n) => !days.has(n.id()));
    const item = (n) => h('li', {}, link(n, n.data('label')),
        h('span', {class: 'date'}, n.data('date') ? formatDate(n.data('date')) : 'no date'));
    const parts = [
      h('div', {class: 'kind'}, 'graph'),
      h('h2', {}, data.title || 'etkg graph'),
      h('div', {class: 'id'}, data.generator || ''),
      h('dl', {},
          Object.keys(KINDS).filter((k) => counts[k]).map((k) => [h('dt', {}, KINDS[k].title),
            h('dd', {}, String(counts[k]))]),
          hasTime ? [h('dt', {}, 'dates'), h('dd', {}, isoOf(minDay) + ' to ' + isoOf(maxDay))] :
            []),
      h('p', {class: 'note'}, 'Click a node or a link for its dates, sources and the sentences ' +
        'behind it. Search by name; narrow the dates with the range above or by dragging ' +
        'across the timeline.'),
      h('h3', {}, 'Events in date order (' + dated.length + ')'),
      dated.length ? h('ul', {}, dated.slice(0, 300).map(item)) :
        h('p', {class: 'empty'}, 'None.'),
      dated.length > 300 ? h('p', {class: 'note'}, '… and ' + (dated.length - 300) + ' more') : null,
    ];
    if (undated.length) {
      parts.push(h('h3', {}, 'Events of unknown year (' + undated.length + ')'),
          h('p', {class: 'note'}, 'In the network, not on the timeline.'),
          h('ul', {id: 'undated-events'}, undated.map(item)));
    }
    details.replaceChildren(...parts.filter(Boolean));
  }

  // ---------------------------------------------------------------------
  // Search

  const searchBox = document.getElementById('search');
  const searchCount = document.getElementById('search-count');
  let matches = cy.collection();

  function runSearch() {
    const q = state.query.trim().toLowerCase();
    let hidden = 0;
    cy.batch(() => {
      cy.elements().removeClass('match dim');
      matches = cy.collection();
      if (!q) return;
      const all = cy.nodes().filter((n) => haystack.get(n.id()).includes(q));
      matches = all.filter(shown);
      hidden = all.length - matches.length;
      cy.elements().not(matches).not(matches.edgesWith(matches)).addClass('dim');
      matches.addClass('match');
    });
    searchCount.textContent = q ? matches.length + ' found' + (hidden ? ', ' + hidden +
      ' hidden by filters' : '') : '';
    timeline.markMatches();
  }

  let searchTimer = null;
  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.query = searchBox.value;
      runSearch();
    }, large ? 150 : 40);
  });
  searchBox.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      clearTimeout(searchTimer);
      state.query = searchBox.value;
      runSearch();
      // Events first, then leaders, places and issues, documents last; of
      // one rank the closer name ("astana" is Astana before Astana Times),
      // then the better linked.
      const rank = (n) => EVENT_KINDS.has(n.data('kind')) ? 0 :
        n.data('kind') === 'document' ? 3 : n.data('kind') === 'organization' ? 2 : 1;
      const q = state.query.trim().toLowerCase();
      const closeness = (n) => {
        const label = String(n.data('label') || '').toLowerCase();
        return label === q ? 0 : label.startsWith(q) ? 1 : 2;
      };
      const best = matches.toArray().sort((a, b) => (rank(a) - rank(b)) ||
        (closeness(a) - closeness(b)) || (b.degree() - a.degree()))[0];
      if (best) select(best, 'search');
    } else if (ev.key === 'Escape') {
      searchBox.value = '';
      state.query = '';
      runSearch();
    }
  });

  // ---------------------------------------------------------------------
  // Time range: two sliders on one track and two date fields.

  const fromRange = document.getElementById('from-range');
  const toRange = document.getElementById('to-range');
  const fromDate = document.getElementById('from-date');
  const toDate = document.getElementById('to-date');
  const fill = document.getElementById('range-fill');

  function syncTime() {
    fromRange.value = state.from;
    toRange.value = state.to;
    fromDate.value = isoOf(state.from);
    toDate.value = isoOf(state.to);
    const span = Math.max(1, maxDay - minDay);
    fill.style.left = ((state.from - minDay) / span * 100) + '%';
    fill.style.right = ((maxDay - state.to) / span * 100) + '%';
    const full = state.from === minDay && state.to === maxDay;
    document.getElementById('reset-time').disabled = full;
  }

  let frame = 0;
  function setRange(from, to, now) {
    if (!hasTime) return;
    from = Math.max(minDay, Math.min(maxDay, Math.round(from)));
    to = Math.max(minDay, Math.min(maxDay, Math.round(to)));
    if (from > to) [from, to] = [to, from];
    state.from = from;
    state.to = to;
    syncTime();
    if (now) return;  // The caller applies the filters.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => applyFilters());
  }

  if (hasTime) {
    for (const input of [fromRange, toRange]) {
      input.min = minDay;
      input.max = maxDay;
    }
    fromRange.addEventListener('input', () =>
      setRange(Math.min(+fromRange.value, state.to), state.to));
    toRange.addEventListener('input', () =>
      setRange(state.from, Math.max(+toRange.value, state.from)));
    // A field applies as soon as it holds a whole date; on leaving it (or
    // Enter) anything else is marked and put back.
    const field = (input, apply) => {
      input.addEventListener('input', () => {
        const day = toDay(input.value.trim());
        input.classList.toggle('invalid', day === null && input.value.trim().length >= 10);
        if (day !== null) apply(day);
      });
      input.addEventListener('change', () => {
        if (toDay(input.value.trim()) === null) {
          input.classList.remove('invalid');
          syncTime();
        }
      });
    };
    field(fromDate, (day) => setRange(day, Math.max(day, state.to)));
    field(toDate, (day) => setRange(Math.min(day, state.from), day));
    document.getElementById('reset-time').addEventListener('click',
        () => setRange(minDay, maxDay));
    syncTime();
  } else {
    document.getElementById('time').hidden = true;
  }

  // ---------------------------------------------------------------------
  // Legend: a chip per kind (click to hide or show), passing mentions.

  const legend = document.getElementById('legend');
  const chips = new Map();
  let mentionsBox = null;
  function buildLegend() {
    const counts = {};
    cy.nodes().forEach((n) => {
      counts[n.data('kind')] = (counts[n.data('kind')] || 0) + 1;
    });
    for (const kind of Object.keys(KINDS)) {
      if (!counts[kind]) continue;
      const chip = h('span', {class: 'chip', role: 'button', tabindex: '0', 'data-kind': kind,
        title: 'Show or hide ' + KINDS[kind].title},
      swatch(kind), kind, h('span', {class: 'n'}, String(counts[kind])));
      const toggle = () => {
        if (state.kindsOff.has(kind)) state.kindsOff.delete(kind);
        else state.kindsOff.add(kind);
        syncLegend();
        applyFilters();
      };
      chip.addEventListener('click', toggle);
      chip.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          toggle();
        }
      });
      chips.set(kind, chip);
      legend.append(chip);
    }
    if (mentionEdges) {
      legend.append(h('span', {class: 'legend-sep'}));
      mentionsBox = h('input', {type: 'checkbox', id: 'show-mentions'});
      mentionsBox.addEventListener('change', () => {
        state.mentions = mentionsBox.checked;
        applyFilters();
      });
      legend.append(h('label', {class: 'toggle', title: 'Documents naming things in passing'},
          mentionsBox, 'passing mentions', h('span', {class: 'muted'}, '(' + mentionEdges + ')')));
    }
    legend.append(h('span', {class: 'legend-hint'},
        positioned ? 'positions from sfdp' : ''));
  }
  function syncLegend() {
    for (const [kind, chip] of chips) chip.classList.toggle('off', state.kindsOff.has(kind));
    if (mentionsBox) mentionsBox.checked = state.mentions;
  }

  // ---------------------------------------------------------------------
  // Start

  buildLegend();
  applyFilters();
  layout();
  showOverview();
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !(ev.target instanceof HTMLInputElement)) clearSelection();
  });
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      cy.resize();
      timeline.render();
    }, 120);
  });
  const start = decodeURIComponent(location.hash.slice(1));
  if (start && cy.getElementById(start).nonempty()) select(cy.getElementById(start), 'address');

  // For tests and the console.
  window.etkg = {cy: cy, state: state, select: (id) => select(cy.getElementById(id), 'api'),
    clearSelection: clearSelection, setRange: (a, b) => setRange(toDay(a), toDay(b)),
    ready: true};
})();
