// A view of a graph for export: the nodes and edges a filter lets through,
// as pointers into the graph (a view, not a copy).
#ifndef ETKG_GRAPH_VIEW_H_
#define ETKG_GRAPH_VIEW_H_

#include <string>
#include <vector>

#include "graph/event_graph.h"
#include "graph/query.h"

namespace etkg {

struct ViewOptions {
  ViewFilter filter;   // Time window, kinds, minimum sources.
  std::string around;  // A node id; "" for the whole graph.
  int depth = 1;       // Links from `around`.
};

struct GraphView {
  std::vector<const Node*> nodes;  // Sorted by id.
  std::vector<const Edge*> edges;  // Sorted by (source, target, kind); both ends in `nodes`.
  size_t num_nodes() const { return nodes.size(); }
};

// Everything.
GraphView WholeGraph(const EventGraph& graph);

// The view `options` selects:
//  - events (calls, summits, events) outside the window, or reported by
//    fewer than min_sources documents, are left out;
//  - with a window, other nodes stay only when a kept event links to them;
//  - with kinds, only nodes of those kinds;
//  - with `around`, only nodes within `depth` links of it (documents and
//    passing mentions are not followed);
//  - an edge stays when both its ends do.
// Returns NotFound if `around` names no node.
Result<GraphView> SelectView(const EventGraph& graph, const ViewOptions& options);

}  // namespace etkg

#endif  // ETKG_GRAPH_VIEW_H_
