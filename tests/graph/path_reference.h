// The shortest-path search graph/query.cc had before QueryIndex: a
// breadth-first search from `a` alone over the EventGraph, layer by layer.
// Without forward_in_time it returns the chain the contract of ShortestPath
// (graph/query.h) names, so the tests compare QueryIndex's bidirectional
// search with it on many graphs; ReferenceNeighbors is the old Neighbors. With forward_in_time it
// keeps one state per node (the first layer that reaches it), so it can miss a chain that must go
// round to reach a node earlier in time: there it is only an upper bound on the length.
#ifndef ETKG_TESTS_GRAPH_PATH_REFERENCE_H_
#define ETKG_TESTS_GRAPH_PATH_REFERENCE_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/event_graph.h"
#include "graph/query.h"

namespace etkg {

inline bool ReferenceWalkable(const Edge& edge) {
  return edge.kind != EdgeKind::kMentions && edge.kind != EdgeKind::kReportedBy;
}

inline std::vector<PathStep> ReferenceShortestPath(const EventGraph& graph, const Node& a,
                                                   const Node& b, bool forward_in_time,
                                                   const ViewFilter& filter) {
  using Index = EventGraph::NodeIndex;
  auto from = graph.IndexOf(a.id);
  auto to = graph.IndexOf(b.id);
  if (!from || !to) return {};
  // Breadth-first, layer by layer, in dense arrays. A node reached again in
  // the layer that first reached it keeps the parent whose chain leaves
  // most room in time (no event yet, else the earliest last event), then
  // the parent of smaller index, so the result does not depend on the
  // order edges are stored in.
  constexpr int64_t kNoDay = std::numeric_limits<int64_t>::min();
  const size_t n = graph.num_nodes();
  std::vector<int32_t> layer(n, -1);
  std::vector<Index> parent(n, 0);
  std::vector<const Edge*> via(n, nullptr);
  std::vector<int64_t> last_day(n, kNoDay);
  auto day_of = [&](Index v) -> int64_t {
    const Node& node = graph.NodeAt(v);
    if (!IsEventKind(node.kind)) return kNoDay;
    auto day = node.date.FirstDay();
    return day ? *day : kNoDay;
  };
  layer[*from] = 0;
  last_day[*from] = day_of(*from);
  std::vector<Index> frontier = {*from};
  bool found = *from == *to;
  // Whether a step from `v` onto `other` is allowed; sets the new last day.
  auto step = [&](Index v, Index other, const Edge& e, int64_t* last) {
    if (!ReferenceWalkable(e)) return false;
    const Node& o = graph.NodeAt(other);
    if (o.kind == NodeKind::kDocument && other != *to) return false;
    *last = last_day[v];
    if (IsEventKind(o.kind)) {
      if (!filter.InWindow(o.date)) return false;
      if (forward_in_time) {
        auto day = o.date.FirstDay();
        if (!day) return false;  // Year unknown: cannot be placed in time.
        if (*last != kNoDay && *day < *last) return false;
        *last = *day;
      }
    }
    return true;
  };
  for (int32_t level = 1; !frontier.empty() && !found; ++level) {
    // The last layer is by far the largest: before expanding one, look
    // from the target whether the frontier already touches it.
    bool touched = false;
    graph.ForEachIncident(*to, [&](Index u, const Edge& e, bool) {
      int64_t last = 0;
      if (layer[u] != level - 1 || !step(u, *to, e, &last)) return;
      if (touched && !(std::make_pair(last, u) < std::make_pair(last_day[*to], parent[*to]))) {
        return;
      }
      touched = true;
      parent[*to] = u;
      via[*to] = &e;
      last_day[*to] = last;
    });
    if (touched) {
      layer[*to] = level;
      found = true;
      break;
    }
    std::vector<Index> next;
    for (Index v : frontier) {
      graph.ForEachIncident(v, [&](Index other, const Edge& e, bool) {
        if (layer[other] >= 0 && layer[other] < level) return;
        int64_t last = 0;
        if (!step(v, other, e, &last)) return;
        if (layer[other] < 0) {
          layer[other] = level;
          next.push_back(other);
        } else if (!(std::make_pair(last, v) < std::make_pair(last_day[other], parent[other]))) {
          return;  // Reached again in this layer by a chain no better.
        }
        parent[other] = v;
        via[other] = &e;
        last_day[other] = last;
      });
    }
    found = layer[*to] >= 0;
    frontier = std::move(next);
  }
  if (!found) return {};
  std::vector<PathStep> path;
  for (Index v = *to;; v = parent[v]) {
    path.push_back({&graph.NodeAt(v), v == *from ? nullptr : via[v]});
    if (v == *from) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// Neighbors as graph/query.cc had it, with an unordered_map of visits.
inline std::vector<Neighbor> ReferenceNeighbors(const EventGraph& graph, const Node& start,
                                                int depth, const ViewFilter& filter) {
  using Index = EventGraph::NodeIndex;
  std::vector<Neighbor> found;
  auto origin = graph.IndexOf(start.id);
  if (!origin) return found;
  std::unordered_map<Index, int> seen = {{*origin, 0}};
  std::vector<Index> frontier = {*origin};
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<std::pair<Index, const Edge*>> reached;
    for (Index v : frontier) {
      graph.ForEachIncident(v, [&](Index other, const Edge& e, bool) {
        if (!ReferenceWalkable(e) || seen.count(other)) return;
        const Node& o = graph.NodeAt(other);
        if (o.kind == NodeKind::kDocument) return;
        if (IsEventKind(o.kind) && !filter.InWindow(o.date)) return;
        reached.push_back({other, &e});
      });
    }
    std::sort(reached.begin(), reached.end(), [&](const auto& x, const auto& y) {
      const Node& a = graph.NodeAt(x.first);
      const Node& b = graph.NodeAt(y.first);
      if (a.id != b.id) return a.id < b.id;
      return EdgeLess(*x.second, *y.second);
    });
    std::vector<Index> next;
    for (const auto& [index, edge] : reached) {
      if (seen.count(index)) continue;
      seen[index] = level;
      next.push_back(index);
      const Node& node = graph.NodeAt(index);
      if (filter.AcceptsKind(node.kind)) found.push_back({&node, level, edge});
    }
    frontier = std::move(next);
  }
  return found;
}

}  // namespace etkg

#endif  // ETKG_TESTS_GRAPH_PATH_REFERENCE_H_
