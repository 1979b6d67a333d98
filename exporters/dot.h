// DOT through Graphviz cgraph, and images (SVG, PNG, PDF) through gvc.
// cgraph and gvc are not thread-safe: call these from one thread at a time.
#ifndef ETKG_EXPORTERS_DOT_H_
#define ETKG_EXPORTERS_DOT_H_

#include <ostream>
#include <string>

#include <map>
#include <utility>

#include "graph/event_graph.h"
#include "graph/status.h"
#include "graph/view.h"

namespace etkg {

struct DotOptions {
  std::string graph_name = "etkg";
  // Events left to right in date order; otherwise a plain network.
  bool timeline = true;
  // Document -> name "mentions" edges (and in a timeline, issue -> place
  // "concerns" and leader -> country "leads"), with the nodes only they
  // reach. They are the bulk of a graph and hide its events, so diagrams
  // leave them out unless asked.
  bool show_mentions = false;
  // Longest a layout may run before it is given up (images only).
  int time_limit_seconds = 60;
  // A cluster showing the style of each node kind.
  bool legend = true;
};

// Writes `graph` as DOT: a shape and colour per node kind, a legend, dates
// on edges.
Status WriteDot(const GraphView& graph, const DotOptions& options, std::ostream& out);
Status WriteDot(const EventGraph& graph, const DotOptions& options, std::ostream& out);

// Lays the graph out and renders it. `format` is "svg", "png" or "pdf".
// Uses `dot` up to kMaxDotNodes nodes and kMaxDotEdges drawn links, and
// `sfdp` beyond, where `dot` layout time explodes; a `dot` layout that runs
// past the time limit is done again with `sfdp`. Each layout runs in a child
// process under options.time_limit_seconds, so the caller must be
// single-threaded while it runs. Returns Usage for an unknown format,
// Internal when Graphviz fails, crashes or runs out of time.
// `layout_note`, when given, says which layout was chosen and why.
inline constexpr size_t kMaxDotNodes = 400;
inline constexpr size_t kMaxDotEdges = 800;
Status RenderImage(const GraphView& graph, const DotOptions& options, const std::string& format,
                   std::ostream& out, std::string* layout_note);
Status RenderImage(const EventGraph& graph, const DotOptions& options, const std::string& format,
                   std::ostream& out);

// Node positions from an sfdp layout, in points with y growing downwards
// (as web canvases draw), for viewers that need x/y. Runs under the same
// time limit and process isolation as RenderImage.
using Positions = std::map<std::string, std::pair<double, double>>;
Result<Positions> ComputePositions(const GraphView& graph, int time_limit_seconds);

// The process group of the Graphviz layout child running now (its pid), or
// 0 when none is. Safe to call from a signal handler, whose process should
// kill the group (kill(-group, SIGKILL)) before it dies: the child runs in a
// group of its own, out of reach of a terminal's Ctrl-C. The child dies
// with its parent in any case (PR_SET_PDEATHSIG), and past the time limit
// and a second of processor time (RLIMIT_CPU).
int RunningLayoutGroup();

}  // namespace etkg

#endif  // ETKG_EXPORTERS_DOT_H_
