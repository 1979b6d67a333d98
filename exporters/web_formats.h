// Formats for other tools: Cytoscape.js elements, vis-timeline items, D3
// node-link JSON, and GraphML (Gephi, yEd, Cytoscape desktop, networkx).
// The domain field is "kind", never "type" (graphology, Sigma and
// vis-timeline reserve "type"). Dated elements carry ISO "start"/"end" days
// so a viewer can filter by time; dates of unknown year keep only "date".
#ifndef ETKG_EXPORTERS_WEB_FORMATS_H_
#define ETKG_EXPORTERS_WEB_FORMATS_H_

#include <string>
#include <string_view>

#include "exporters/dot.h"
#include "graph/view.h"

namespace etkg {

// `positions` (may be null) adds "position": {"x", "y"} to each node.
// {"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}
// Edge ids are "edge:SOURCE|KIND|TARGET", never equal to a node id.
std::string CytoscapeJson(const GraphView& view, const Positions* positions);

// {"groups": [{"id", "content"}], "items": [{"id", "content", "start",
// "end"?, "group", "className", "title"}], "unplaced": [{"id", "content",
// "group", "date", "reason"}]}: one item per dated event of known year,
// grouped by kind; "end" (exclusive, the day after) for events of more
// than one day. Events of unknown year or without a date, which
// vis-timeline cannot place, are in "unplaced" with the reason.
std::string VisTimelineJson(const GraphView& view);

// {"nodes": [{"id", "label", "kind", ...}], "links": [{"source", "target",
// "kind", ...}]} as d3-force reads it with .id(d => d.id).
std::string D3Json(const GraphView& view, const Positions* positions);

// Text escaped for XML and HTML content and attribute values; control
// characters XML 1.0 forbids become spaces.
std::string XmlEscape(std::string_view text);

// GraphML with typed keys: label, kind, aliases, date, start, end on
// nodes; kind, date, start, end, date_rule, confidence on edges; every
// attribute of the view's nodes and edges under its own name and type (a
// document's url, an event's date_rule). An edge's evidence is every
// sentence, as a JSON array of {doc, offset, length, text} in `evidence`,
// with `evidence_count` and the documents in `sources`.
std::string GraphMl(const GraphView& view);

}  // namespace etkg

#endif  // ETKG_EXPORTERS_WEB_FORMATS_H_
