// Loads Cytoscape.js elements written by `etkg export --format cytoscape`
// in a headless Cytoscape instance and checks that every edge is attached
// and every dated element carries ISO start/end days.
// Usage: node cytoscape_load.js ELEMENTS.json EXPECTED_NODES EXPECTED_EDGES
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const [file, nodes, edges] = process.argv.slice(2);
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
const cy = cytoscape({headless: true, elements: json.elements});
const fail = (message) => {
  console.error(message);
  process.exit(1);
};
if (cy.nodes().length !== Number(nodes)) fail(`nodes: ${cy.nodes().length} != ${nodes}`);
if (cy.edges().length !== Number(edges)) fail(`edges: ${cy.edges().length} != ${edges}`);
cy.edges().forEach((e) => {
  if (e.source().empty() || e.target().empty()) fail(`edge ${e.id()} is not attached`);
});
const iso = /^\d{4}-\d{2}-\d{2}$/;
cy.elements().forEach((el) => {
  const d = el.data();
  if (d.type !== undefined) fail(`${el.id()} has a "type" field`);
  if (d.date && !d.date.startsWith('XXXX') && !(iso.test(d.start) && iso.test(d.end))) {
    fail(`${el.id()} is dated ${d.date} without ISO start/end`);
  }
});
// Time filtering as a viewer does it.
const in2017 = cy.nodes().filter((n) => n.data('start') && n.data('start').startsWith('2017'));
console.log(`ok ${cy.nodes().length} nodes, ${cy.edges().length} edges, ${in2017.length} in 2017`);
