// End-to-end test of `etkg export --format html`: ingests the seed
// articles with the built etkg, exports the page, opens it from file:// in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core
// from web/node_modules) and uses it as a reader would: the expected nodes
// render, narrowing the time range hides the 2025 call, clicking the
// 2 May 2017 call lists both of its sources and compares them in a column
// each, and the timeline and the network follow each other's selection.
// Saves screenshots.
//
// Usage: node e2e.js ETKG_BINARY SEEDS_DIR OUT_DIR
// Exits 0 (passed), 1 (failed) or 77 (skipped: no chromium, no
// playwright-core, no seeds), which CTest reads as SKIP_RETURN_CODE.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');

const SKIP = 77;
const REPO = path.resolve(__dirname, '..', '..');
const [etkg, seeds, outDir] = process.argv.slice(2);

function skip(why) {
  console.log('skipped: ' + why);
  process.exit(SKIP);
}
function fail(why) {
  console.error('FAILED: ' + why);
  process.exitCode = 1;
  throw new Error(why);
}
function check(condition, what) {
  if (!condition) fail(what);
  console.log('ok: ' + what);
}

if (!etkg || !seeds || !outDir) {
  console.error('usage: node e2e.js ETKG_BINARY SEEDS_DIR OUT_DIR');
  process.exit(2);
}
if (!fs.existsSync(seeds) || !fs.readdirSync(seeds).some((f) => f.endsWith('.txt'))) {
  skip('no seed articles in ' + seeds + ' (they live in ../shared/seeds beside the checkout)');
}
const chromiumPath = [process.env.ETKG_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .find((p) => p && fs.existsSync(p));
if (!chromiumPath) {
  skip('no Chromium at /usr/bin/chromium (apt-get install chromium, or set ETKG_CHROMIUM)');
}
let chromium;
try {
  ({chromium} = require(require.resolve('playwright-core', {paths: [path.join(REPO, 'web')]})));
} catch (e) {
  skip('playwright-core is not installed (cd web && npm ci)');
}

// The seeds' graph and its page.
fs.mkdirSync(outDir, {recursive: true});
const graphFile = path.join(outDir, 'seeds.json');
const pageFile = path.join(outDir, 'seeds.html');
const run = (args) => childProcess.spawnSync(etkg, args, {encoding: 'utf8'});
let r = run(['ingest', seeds, '-o', graphFile, '-q']);
if (r.status !== 0) fail('etkg ingest ' + seeds + ' exited ' + r.status + ': ' + r.stderr);
r = run(['export', graphFile, '--format', 'html', '-o', pageFile]);
if (r.status !== 0 && /not built/.test(r.stderr)) skip(r.stderr.trim());
if (r.status !== 0) fail('etkg export --format html exited ' + r.status + ': ' + r.stderr);
console.log('page: ' + pageFile + ' (' + Math.round(fs.statSync(pageFile).size / 1024) + ' KB)');

const CALLS = {
  '2017-05-02': 'call/2017-05-02/donald-trump+vladimir-putin',
  '2017-11-21': 'call/2017-11-21/donald-trump+vladimir-putin',
  '2025-03-18': 'call/2025-03-18/donald-trump+vladimir-putin',
  'XXXX-01-28': 'call/XXXX-01-28/donald-trump+vladimir-putin',
};
const G20 = 'summit/g20/2017';
const ASTANA = 'summit/astana-talks/2017-05-03';
const SOURCES = ['doc/000_2b971e3ba3df4c06', 'doc/002_729c8627501baf57'];

async function main() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // As the machine notes say: no background traffic on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({viewport: {width: 1440, height: 900}});
    const errors = [];
    const fetched = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const pageUrl = url.pathToFileURL(pageFile).href;
    page.on('request', (req) => {
      if (req.url() !== pageUrl && !req.url().startsWith('data:')) fetched.push(req.url());
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.etkg && window.etkg.ready, null, {timeout: 30000});

    const visible = (id) => page.evaluate((id) => {
      const n = window.etkg.cy.getElementById(id);
      return n.nonempty() && n.visible();
    }, id);
    const inTimeline = (id) => page.locator('#timeline .item[data-id="' + id + '"]').count();
    const selectedIds = () => page.evaluate(() =>
      window.etkg.cy.$(':selected').map((e) => e.id()));

    // The expected nodes render, inside the network's box.
    for (const id of Object.values(CALLS).concat([G20, ASTANA])) {
      const box = await page.evaluate((id) => {
        const cy = window.etkg.cy;
        const n = cy.getElementById(id);
        if (n.empty() || !n.visible()) return null;
        const p = n.renderedPosition();
        return {x: p.x, y: p.y, w: cy.width(), h: cy.height()};
      }, id);
      check(box && box.x > 0 && box.y > 0 && box.x < box.w && box.y < box.h,
          id + ' renders in the network');
    }
    for (const id of [CALLS['2017-05-02'], CALLS['2017-11-21'], CALLS['2025-03-18'], G20,
      ASTANA]) {
      check(await inTimeline(id) === 1, id + ' is on the timeline');
    }
    check(await inTimeline(CALLS['XXXX-01-28']) === 0,
        'the call of unknown year is not on the timeline');
    check((await page.locator('#undated-events').innerText()).includes('28 Jan, year unknown'),
        'the call of unknown year is listed in the details');

    // Narrowing the time range hides the 2025 call, and its edges.
    await page.fill('#to-date', '2024-12-31');
    await page.waitForFunction((id) => !window.etkg.cy.getElementById(id).visible(),
        CALLS['2025-03-18']);
    check(!(await visible(CALLS['2025-03-18'])), 'to 2024-12-31: the 2025 call is hidden');
    check(await page.evaluate((id) => window.etkg.cy.getElementById(id).connectedEdges()
        .every((e) => !e.visible()), CALLS['2025-03-18']), 'and so are its edges');
    check(await inTimeline(CALLS['2025-03-18']) === 0, 'and its timeline item');
    check(await visible(CALLS['2017-05-02']) && await visible(CALLS['XXXX-01-28']),
        'the 2017 call and the call of unknown year stay');
    await page.click('#reset-time');
    await page.waitForFunction((id) => window.etkg.cy.getElementById(id).visible(),
        CALLS['2025-03-18']);
    check(await visible(CALLS['2025-03-18']) && await inTimeline(CALLS['2025-03-18']) === 1,
        'all dates again: the 2025 call is back');
    // The slider does the same.
    const endOf2017 = Math.round(Date.UTC(2017, 11, 31) / 86400000);
    await page.locator('#to-range').fill(String(endOf2017));
    await page.waitForFunction((id) => !window.etkg.cy.getElementById(id).visible(),
        CALLS['2025-03-18']);
    check(await page.inputValue('#to-date') === '2017-12-31',
        'the "to" slider at 2017-12-31 hides the 2025 call and moves the date field');
    await page.click('#reset-time');
    await page.waitForFunction((id) => window.etkg.cy.getElementById(id).visible(),
        CALLS['2025-03-18']);

    // Clicking the 2 May 2017 call in the network shows both its sources.
    const at = await page.evaluate((id) => {
      const cy = window.etkg.cy;
      const p = cy.getElementById(id).renderedPosition();
      const r = cy.container().getBoundingClientRect();
      return {x: r.left + p.x, y: r.top + p.y};
    }, CALLS['2017-05-02']);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => window.etkg.state.selected !== null);
    check(JSON.stringify(await selectedIds()) === JSON.stringify([CALLS['2017-05-02']]),
        'a click on the 2 May 2017 call selects it');
    const details = await page.locator('#details').innerText();
    for (const doc of SOURCES) check(details.includes(doc), 'the details list source ' + doc);
    check(details.includes('What Putin and Trump Discussed over the Phone'),
        'with its title');
    check(/Sources \(2\)/i.test(details), 'two sources in all');
    check(details.includes('2 May 2017') && details.includes('partial+anchor-year'),
        'the details give the date and its rule');
    check(details.includes('They also discussed at length working together to eradicate ' +
        'terrorism throughout the Middle East.'), 'and the sentences behind its facts');
    // And the call by source: a column each, what only one states under it.
    check(/By source \(2\)/i.test(details), 'the details compare the call by source');
    const columns = page.locator('#details .source-column');
    check(await columns.count() === 2, 'one column per source');
    const whiteHouse = columns.filter({has: page.locator('.title', {hasText: /^White House$/})});
    check(await whiteHouse.count() === 1, 'the White House readout is named by its issuer');
    const column = await whiteHouse.innerText();
    check(column.includes('topic: Terrorism') && column.includes('eradicate terrorism'),
        'terrorism, which only the White House states, is under it with its sentence');
    check(!column.includes('topic: Syrian civil war') &&
        (await page.locator('#details .shared-facts').innerText()).includes('Syrian civil war'),
        'Syria, which both state, is given once for all sources');
    check((await page.locator('#details .disagreements').innerText()).includes('1 day apart'),
        'the dates a day apart are shown as a disagreement');
    await page.locator('#details .source-columns').scrollIntoViewIfNeeded();
    await page.screenshot({path: path.join(outDir, 'web-e2e-by-source.png')});
    check(await page.locator('#timeline .item.selected[data-id="' + CALLS['2017-05-02'] + '"]')
        .count() === 1, 'the timeline highlights the call selected in the network');

    // Selecting in the timeline selects in the network.
    await page.locator('#timeline .item[data-id="' + G20 + '"] .mark').click();
    await page.waitForFunction((id) => window.etkg.state.selected === id, G20);
    check(JSON.stringify(await selectedIds()) === JSON.stringify([G20]),
        'a click on G20 in the timeline selects it in the network');
    check((await page.locator('#details h2').innerText()) === 'G20', 'and shows its details');

    // Clicking an edge shows its evidence.
    await page.evaluate((id) => window.etkg.select(id),
        'edge:' + CALLS['2017-05-02'] + '|refers_to|' + ASTANA);
    check((await page.locator('#details').innerText()).includes('Astana on May 3-4'),
        'an edge shows the sentences behind it');

    // Search: Enter selects the best match.
    await page.fill('#search', 'astana');
    await page.press('#search', 'Enter');
    await page.waitForFunction((id) => window.etkg.state.selected === id, ASTANA);
    check(true, 'searching "astana" and pressing Enter selects the Astana talks');
    // A place before the documents that name it.
    await page.fill('#search', 'hamburg');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => window.etkg.state.selected === 'place/hamburg');
    check(true, 'searching "hamburg" and pressing Enter selects the place, not a document');
    await page.fill('#search', '');
    await page.press('#search', 'Escape');

    // The screenshot: the 2 May 2017 call selected from the timeline.
    await page.locator('#timeline .item[data-id="' + CALLS['2017-05-02'] + '"] .mark').click();
    await page.waitForFunction((id) => window.etkg.state.selected === id, CALLS['2017-05-02']);
    await page.waitForTimeout(600);  // The network's centring animation.
    const shot = path.join(outDir, 'web-e2e.png');
    await page.screenshot({path: shot});
    console.log('screenshot: ' + shot);

    check(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join('; ') : ''));
    check(fetched.length === 0,
        'nothing fetched when viewed' + (fetched.length ? ': ' + fetched.join(', ') : ''));
  } finally {
    await browser.close();
  }
}

main().then(() => console.log('passed'), (e) => {
  if (!process.exitCode) console.error('FAILED: ' + (e && e.stack || e));
  process.exit(1);
});
