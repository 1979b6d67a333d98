// DOT through Graphviz cgraph, and images (SVG, PNG, PDF) through gvc.
// cgraph and gvc are not thread-safe: call these from one thread at a time.
#ifndef ETKG_EXPORTERS_DOT_H_
#define ETKG_EXPORTERS_DOT_H_

#include <ostream>
#include <string>

#include "graph/event_graph.h"
#include "graph/status.h"

namespace etkg {

struct DotOptions {
  std::string graph_name = "etkg";
  // Events left to right in date order; otherwise a plain network.
  bool timeline = true;
  // Document -> name "mentions" edges, and the nodes only they reach. They
  // are the bulk of a graph and hide its events, so diagrams leave them out.
  bool show_mentions = false;
  // Longest a layout may run before it is given up (images only).
  int time_limit_seconds = 60;
};

// Writes `graph` as DOT: a shape and colour per node kind, dates on edges.
Status WriteDot(const EventGraph& graph, const DotOptions& options, std::ostream& out);

// Lays the graph out and renders it. `format` is "svg", "png" or "pdf".
// Uses `dot` up to kMaxDotNodes nodes and `sfdp` beyond, where `dot`
// layout time explodes. The layout runs in a child process under
// options.time_limit_seconds, so the caller must be single-threaded while
// it runs. Returns Usage for an unknown format, Internal when Graphviz
// fails, crashes or runs out of time.
inline constexpr size_t kMaxDotNodes = 400;
Status RenderImage(const EventGraph& graph, const DotOptions& options, const std::string& format,
                   std::ostream& out);

}  // namespace etkg

#endif  // ETKG_EXPORTERS_DOT_H_
