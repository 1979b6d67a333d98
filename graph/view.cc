#include "graph/view.h"

#include <algorithm>
#include <unordered_set>

namespace etkg {
namespace {

bool Walkable(const Edge& edge) {
  return edge.kind != EdgeKind::kMentions && edge.kind != EdgeKind::kReportedBy;
}

}  // namespace

GraphView WholeGraph(const EventGraph& graph) {
  GraphView view;
  view.nodes = graph.Nodes();
  view.edges = graph.Edges();
  return view;
}

Result<GraphView> SelectView(const EventGraph& graph, const ViewOptions& options) {
  const ViewFilter& filter = options.filter;
  if (Status s = filter.Validate(); !s.ok()) return s;
  using Index = EventGraph::NodeIndex;
  const size_t n = graph.num_nodes();
  std::vector<char> keep(n, 1);
  const bool windowed = !filter.from.is_null() || !filter.to.is_null() || filter.min_sources > 0;

  // Events first: the window and the sources.
  for (Index v = 0; v < n; ++v) {
    const Node& node = graph.NodeAt(v);
    if (!IsEventKind(node.kind)) continue;
    if (!filter.InWindow(node.date)) keep[v] = 0;
    if (keep[v] && filter.min_sources > 0) {
      int sources = 0;
      graph.ForEachIncident(v, [&](Index, const Edge& e, bool outgoing) {
        if (outgoing && e.kind == EdgeKind::kReportedBy) ++sources;
      });
      if (sources < filter.min_sources) keep[v] = 0;
    }
  }
  // With a window, the rest only where a kept event reaches it.
  if (windowed) {
    std::vector<char> linked(n, 0);
    for (Index v = 0; v < n; ++v) {
      if (!IsEventKind(graph.NodeAt(v).kind) || !keep[v]) continue;
      linked[v] = 1;
      graph.ForEachIncident(v, [&](Index other, const Edge&, bool) { linked[other] = 1; });
    }
    // Issues of kept events bring the places they concern.
    for (Index v = 0; v < n; ++v) {
      if (!linked[v] || graph.NodeAt(v).kind != NodeKind::kIssue) continue;
      graph.ForEachIncident(v, [&](Index other, const Edge& e, bool) {
        if (e.kind == EdgeKind::kConcerns) linked[other] = 1;
      });
    }
    for (Index v = 0; v < n; ++v) {
      if (!IsEventKind(graph.NodeAt(v).kind)) keep[v] = linked[v];
    }
  }
  if (!filter.kinds.empty()) {
    for (Index v = 0; v < n; ++v) {
      if (!filter.AcceptsKind(graph.NodeAt(v).kind)) keep[v] = 0;
    }
  }
  if (!options.around.empty()) {
    auto start = graph.IndexOf(options.around);
    if (!start) return Status::NotFound("no node '" + options.around + "' to centre the view on");
    std::vector<int> depth(n, -1);
    depth[*start] = 0;
    std::vector<Index> frontier = {*start};
    for (int level = 1; level <= options.depth; ++level) {
      std::vector<Index> next;
      for (Index v : frontier) {
        graph.ForEachIncident(v, [&](Index other, const Edge& e, bool) {
          if (!Walkable(e) || depth[other] >= 0 || !keep[other]) return;
          if (graph.NodeAt(other).kind == NodeKind::kDocument) return;
          depth[other] = level;
          next.push_back(other);
        });
      }
      frontier = std::move(next);
    }
    for (Index v = 0; v < n; ++v) {
      if (depth[v] < 0) keep[v] = 0;
    }
  }

  GraphView view;
  std::unordered_set<std::string_view> kept_ids;
  for (const Node* node : graph.Nodes()) {
    if (keep[*graph.IndexOf(node->id)]) {
      view.nodes.push_back(node);
      kept_ids.insert(node->id);
    }
  }
  for (const Edge* edge : graph.Edges()) {
    if (kept_ids.count(edge->source) && kept_ids.count(edge->target)) view.edges.push_back(edge);
  }
  return view;
}

}  // namespace etkg
