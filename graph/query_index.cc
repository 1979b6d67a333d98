#include "graph/query_index.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

namespace etkg {
namespace {

using Index = EventGraph::NodeIndex;

// Times of a search state, in days. Forward from `a`, a state holds the
// first day of the last dated event on the chain (kNoEvent before any);
// backward from `b`, the first day of the earliest event on the rest of the
// chain (kNoLater when none). An event whose year is unknown has kUnplaced.
constexpr int64_t kNoEvent = std::numeric_limits<int64_t>::min();
constexpr int64_t kNoLater = std::numeric_limits<int64_t>::max();
constexpr int64_t kUnplaced = std::numeric_limits<int64_t>::min();
constexpr int32_t kNone = -1;
constexpr int32_t kNoLength = std::numeric_limits<int32_t>::max();
// How far ahead of its use a row or a head is fetched from memory.
constexpr size_t kAhead = 4;
constexpr EventGraph::NodeIndex kAbsent = std::numeric_limits<EventGraph::NodeIndex>::max();

enum class Role : uint8_t { kOther, kEvent, kDocument };

// Links a query follows: not the document table, not passing mentions.
bool Walkable(const Edge& edge) {
  return edge.kind != EdgeKind::kMentions && edge.kind != EdgeKind::kReportedBy;
}

// One state of a search: `node` reached in `level` links with `time`. The
// states of a node form a list, newest first, each better in time than
// the ones before it (a later state that is no better is never kept).
struct Label {
  Index node;
  int32_t level;
  int64_t time;
  int32_t older;  // The node's previous label, or kNone.
};

// One direction of the bidirectional search. A search resets only the
// heads of the nodes the previous one labelled, so starting one costs
// nothing per node of the graph.
struct Side {
  std::vector<Label> labels;
  std::vector<int32_t> head;            // The node's newest label, or kNone.
  std::vector<int32_t> frontier, next;  // Labels of the last level.
  int32_t level = 0;
  size_t cost = 0;  // Links leaving the frontier.
  // Labels are made level by level: those of level L start at
  // level_begin[L], and level_cost[L] links leave their nodes.
  std::vector<int32_t> level_begin;
  std::vector<size_t> level_cost;

  void Resize(size_t n) { head.assign(n, kNone); }
  void Reset() {
    for (const Label& label : labels) head[label.node] = kNone;
    labels.clear();
    level_begin.clear();
    level_cost.clear();
    level = 0;
  }
  // Adds a label for `v`, better than its others; returns its index.
  int32_t Add(Index v, int32_t at_level, int64_t time) {
    const int32_t older = head[v];
    head[v] = static_cast<int32_t>(labels.size());
    labels.push_back({v, at_level, time, older});
    return head[v];
  }
  // Marks the start of a new level's labels.
  void BeginLevel() { level_begin.push_back(static_cast<int32_t>(labels.size())); }
  int32_t LevelEnd(int32_t at_level) const {
    return at_level + 1 < static_cast<int32_t>(level_begin.size())
               ? level_begin[at_level + 1]
               : static_cast<int32_t>(labels.size());
  }
};

}  // namespace

struct QueryIndex::Impl {
  const EventGraph* graph = nullptr;
  // The snapshot numbers its nodes apart: every node but the documents
  // that have no walkable link (most of a graph's nodes, never walked), in
  // the graph's index order, so that comparing numbers compares indexes.
  // The arrays of a search then stay small enough for the cache.
  std::vector<Index> local;   // By graph index: the node's number, or kAbsent.
  std::vector<Index> global;  // By number: the graph index.
  // Row v of the walkable adjacency is [offsets[v], offsets[v + 1]), in the
  // order of EventGraph::ForEachIncident.
  std::vector<uint32_t> offsets;
  std::vector<Index> adjacent;
  std::vector<const Edge*> links;
  std::vector<Role> role;
  std::vector<int64_t> day;  // Events: the first day, or kUnplaced.

  // The window of the last filter, for events.
  bool window_cached = false;
  DateValue window_from, window_to;
  std::vector<uint8_t> in_window;
  bool open_window = true;

  // Search buffers, reused.
  uint32_t generation = 0;
  Side forward, backward;
  std::vector<uint32_t> seen;  // Neighbors: the generation that saw a node.
  std::vector<const Edge*> first_via;
  std::vector<Index> reached;
  // The forward states the last backward expansion found for its frontier.
  std::vector<std::pair<Index, int64_t>> pulled;

  // Per search.
  Index from = 0, to = 0;
  bool timed = false;  // forward_in_time.
  int64_t from_day = kNoEvent, to_day = kNoLater;

  explicit Impl(const EventGraph& g);
  const Node& NodeOf(Index v) const { return graph->NodeAt(global[v]); }
  void UseWindow(const ViewFilter& filter);
  bool InWindow(Index v) const { return open_window || in_window[v]; }
  uint32_t NextGeneration();

  // Whether the search of `side` may step onto `v` from a state of `time`;
  // sets the time of the new state.
  bool EnterForward(Index v, int64_t time, int64_t* next) const;
  bool EnterBackward(Index v, int64_t time, int64_t* next) const;
  // Expands the frontier of one side by a level; returns the shortest
  // length of a chain found where the new states meet the other side.
  int32_t Expand(bool is_forward);
  // The forward label of `v` of at most `level` links (its best time so
  // far), or kNone.
  int32_t ForwardAtMost(Index v, int32_t level) const;
  void Continue(int32_t length, bool backward_last);
  std::vector<PathStep> Reconstruct(int32_t length) const;
};

QueryIndex::Impl::Impl(const EventGraph& g) : graph(&g) {
  const size_t n = g.num_nodes();
  std::vector<uint32_t> degree(n, 0);
  local.assign(n, kAbsent);
  for (Index v = 0; v < n; ++v) {
    g.ForEachIncident(v, [&](Index, const Edge& e, bool) { degree[v] += Walkable(e); });
    if (degree[v] > 0 || g.NodeAt(v).kind != NodeKind::kDocument) {
      local[v] = static_cast<Index>(global.size());
      global.push_back(v);
    }
  }
  const size_t kept = global.size();
  offsets.assign(kept + 1, 0);
  for (Index v = 0; v < kept; ++v) offsets[v + 1] = offsets[v] + degree[global[v]];
  adjacent.resize(offsets[kept]);
  links.resize(offsets[kept]);
  role.assign(kept, Role::kOther);
  day.assign(kept, kNoEvent);
  for (Index v = 0; v < kept; ++v) {
    const Node& node = g.NodeAt(global[v]);
    if (node.kind == NodeKind::kDocument) role[v] = Role::kDocument;
    if (IsEventKind(node.kind)) {
      role[v] = Role::kEvent;
      day[v] = node.date.FirstDay().value_or(kUnplaced);
    }
    uint32_t at = offsets[v];
    g.ForEachIncident(global[v], [&](Index other, const Edge& e, bool) {
      if (!Walkable(e)) return;
      adjacent[at] = local[other];  // Kept: it has this walkable link.
      links[at++] = &e;
    });
  }
  forward.Resize(kept);
  backward.Resize(kept);
  seen.assign(kept, 0);
  first_via.assign(kept, nullptr);
}

void QueryIndex::Impl::UseWindow(const ViewFilter& filter) {
  open_window = filter.from.is_null() && filter.to.is_null();
  if (open_window) return;
  if (window_cached && window_from == filter.from && window_to == filter.to) return;
  in_window.assign(role.size(), 1);
  for (Index v = 0; v < role.size(); ++v) {
    if (role[v] == Role::kEvent) in_window[v] = filter.InWindow(NodeOf(v).date);
  }
  window_cached = true;
  window_from = filter.from;
  window_to = filter.to;
}

uint32_t QueryIndex::Impl::NextGeneration() {
  if (++generation == 0) {  // Wrapped: forget every old stamp.
    std::fill(seen.begin(), seen.end(), 0);
    generation = 1;
  }
  return generation;
}

bool QueryIndex::Impl::EnterForward(Index v, int64_t time, int64_t* next) const {
  *next = time;
  if (v == from) return false;
  if (role[v] == Role::kDocument) return v == to;
  if (role[v] != Role::kEvent) return true;
  if (!InWindow(v)) return false;
  if (!timed) return true;
  // Unplaced events cannot be passed; nor can one after `b`'s own day,
  // since no later step may go back before it.
  if (day[v] == kUnplaced || day[v] < time || day[v] > to_day) return false;
  *next = day[v];
  return true;
}

bool QueryIndex::Impl::EnterBackward(Index v, int64_t time, int64_t* next) const {
  *next = time;
  if (v == to) return false;
  if (v == from) return true;  // Its own day is checked where the sides meet.
  if (role[v] == Role::kDocument) return false;
  if (role[v] != Role::kEvent) return true;
  if (!InWindow(v)) return false;
  if (!timed) return true;
  if (day[v] == kUnplaced || day[v] > time || day[v] < from_day) return false;
  *next = day[v];
  return true;
}

int32_t QueryIndex::Impl::Expand(bool is_forward) {
  Side& side = is_forward ? forward : backward;
  const Side& other = is_forward ? backward : forward;
  const int32_t level = side.level + 1;
  side.next.clear();
  side.cost = 0;
  side.BeginLevel();
  pulled.clear();
  // The rows of a frontier lie anywhere in memory, and so do the heads of
  // their nodes: fetch them a few ahead of their use.
  auto row_of = [&](size_t i) { return offsets[side.labels[side.frontier[i]].node]; };
  for (size_t i = 0; i < std::min(kAhead, side.frontier.size()); ++i) {
    __builtin_prefetch(adjacent.data() + row_of(i));  // May be one past the end.
  }
  for (size_t i = 0; i < side.frontier.size(); ++i) {
    if (i + kAhead < side.frontier.size()) __builtin_prefetch(adjacent.data() + row_of(i + kAhead));
    const Label state = side.labels[side.frontier[i]];
    const uint32_t end = offsets[state.node + 1];
    // Backward, the same row gives the forward state this node would have
    // one level past the forward frontier (see Continue).
    const bool pull = !is_forward && state.node != to;
    int64_t pulled_time = kNoLater;
    bool any_pulled = false;
    for (uint32_t e = offsets[state.node]; e < end; ++e) {
      const Index v = adjacent[e];
      if (e + kAhead < end) __builtin_prefetch(&side.head[adjacent[e + kAhead]]);
      int64_t time;
      if (pull && forward.head[v] != kNone &&
          EnterForward(state.node, forward.labels[forward.head[v]].time, &time)) {
        pulled_time = any_pulled ? std::min(pulled_time, time) : time;
        any_pulled = true;
      }
      if (!(is_forward ? EnterForward(v, state.time, &time)
                       : EnterBackward(v, state.time, &time))) {
        continue;
      }
      const int32_t head = side.head[v];
      if (head != kNone) {
        Label& best = side.labels[head];
        // Forward, an earlier time leaves more room; backward, a later one.
        if (is_forward ? time >= best.time : time <= best.time) continue;
        if (best.level == level) {
          best.time = time;
          continue;
        }
      }
      side.next.push_back(side.Add(v, level, time));
      side.cost += offsets[v + 1] - offsets[v];
    }
    if (any_pulled) pulled.push_back({state.node, pulled_time});
  }
  side.level_cost.push_back(side.cost);
  side.frontier.swap(side.next);
  side.level = level;
  // Where a new state meets a state of the other side that leaves room
  // for it (forward time no later than backward time), a chain is found.
  int32_t shortest = kNoLength;
  for (int32_t at : side.frontier) {
    const Label& mine = side.labels[at];
    for (int32_t o = other.head[mine.node]; o != kNone; o = other.labels[o].older) {
      const Label& theirs = other.labels[o];
      const bool fits = is_forward ? mine.time <= theirs.time : theirs.time <= mine.time;
      if (fits) shortest = std::min(shortest, level + theirs.level);
    }
  }
  return shortest;
}

int32_t QueryIndex::Impl::ForwardAtMost(Index v, int32_t level) const {
  int32_t at = forward.head[v];
  while (at != kNone && forward.labels[at].level > level) at = forward.labels[at].older;
  return at;
}

// The forward search stopped at forward.level; the nodes of a shortest
// chain further on all lie in the backward search's states, close to `b`.
// Their forward states are pulled from their neighbours, level by level, so
// that Reconstruct knows, for every node of every shortest chain, the best
// time it can be reached in with the links before it.
void QueryIndex::Impl::Continue(int32_t length, bool backward_last) {
  int32_t level = forward.level + 1;
  // When the backward search took the last step, the first level to pull
  // is its old frontier (a node of a shortest chain at this level has a
  // backward state of exactly the links left, else a shorter chain would
  // exist), whose rows it has just read: Expand kept what they give.
  if (backward_last && level < length && length == forward.level + backward.level) {
    forward.BeginLevel();
    size_t cost = 0;
    for (const auto& [v, time] : pulled) {
      const int32_t head = forward.head[v];
      if (head != kNone && time >= forward.labels[head].time) continue;
      forward.Add(v, level, time);
      cost += offsets[v + 1] - offsets[v];
    }
    forward.level_cost.push_back(cost);
    ++level;
  }
  for (; level < length; ++level) {
    const int32_t rest = length - level;
    size_t cost = 0;
    forward.BeginLevel();
    const size_t labels = backward.labels.size();
    for (size_t at = 0; at < labels; ++at) {
      if (at + kAhead < labels)
        __builtin_prefetch(adjacent.data() + offsets[backward.labels[at + kAhead].node]);
      const Label& state = backward.labels[at];
      // A node's first backward label has its fewest links.
      if (state.older != kNone || state.level > rest || state.node == to) continue;
      const Index v = state.node;
      int64_t best = kNoLater;
      bool any = false;
      const uint32_t end = offsets[v + 1];
      for (uint32_t e = offsets[v]; e < end; ++e) {
        if (e + kAhead < end) __builtin_prefetch(&forward.head[adjacent[e + kAhead]]);
        const int32_t before = ForwardAtMost(adjacent[e], level - 1);
        int64_t time;
        if (before == kNone || !EnterForward(v, forward.labels[before].time, &time)) continue;
        if (!any || time < best) best = time;
        any = true;
      }
      if (!any) continue;
      const int32_t head = forward.head[v];
      if (head != kNone && best >= forward.labels[head].time) continue;
      forward.Add(v, level, best);
      cost += offsets[v + 1] - offsets[v];
    }
    forward.level_cost.push_back(cost);
  }
}

// Back from `b`: each step goes to the neighbour one link nearer `a` whose
// chain leaves the most room in time (no dated event yet, else the earliest
// last one), then to the one of smaller index, among those that can still
// be followed by the steps already chosen. The link is the first in the
// graph's edge order of the node the step comes from (for `b`, of `b`).
std::vector<PathStep> QueryIndex::Impl::Reconstruct(int32_t length) const {
  std::vector<PathStep> path;
  Index x = to;
  int64_t room = kNoLater;  // The earliest day on the chain after x.
  for (int32_t k = length; k > 0; --k) {
    bool any = false;
    Index pick = 0;
    int64_t pick_time = 0;
    auto consider = [&](Index u, int32_t at) {
      int64_t time;
      if (u == x || !EnterForward(x, forward.labels[at].time, &time) || time > room) return;
      if (!any || std::make_pair(time, u) < std::make_pair(pick_time, pick)) {
        pick = u;
        pick_time = time;
        any = true;
      }
    };
    // The step before x comes from a node of level k - 1 (one of a lower
    // level would make a shorter chain). Look from whichever side has fewer
    // links to follow: x's own (a busy leader or an issue has thousands),
    // or those of the nodes of that level.
    if (offsets[x + 1] - offsets[x] <= forward.level_cost[k - 1]) {
      for (uint32_t e = offsets[x]; e < offsets[x + 1]; ++e) {
        const int32_t at = ForwardAtMost(adjacent[e], k - 1);
        if (at != kNone) consider(adjacent[e], at);
      }
    } else {
      for (int32_t at = forward.level_begin[k - 1]; at < forward.LevelEnd(k - 1); ++at) {
        const Index u = forward.labels[at].node;
        for (uint32_t e = offsets[u]; e < offsets[u + 1]; ++e) {
          if (adjacent[e] != x) continue;
          consider(u, at);
          break;
        }
      }
    }
    // Always found: x lies on a shortest chain, so one of its neighbours
    // starts the rest of it.
    if (!any) return {};
    const Edge* link = nullptr;
    const Index owner = x == to ? x : pick;
    const Index target = x == to ? pick : x;
    for (uint32_t e = offsets[owner]; e < offsets[owner + 1] && !link; ++e) {
      if (adjacent[e] == target) link = links[e];
    }
    path.push_back({&NodeOf(x), link});
    if (timed && role[x] == Role::kEvent) room = day[x];
    x = pick;
  }
  path.push_back({&NodeOf(from), nullptr});
  std::reverse(path.begin(), path.end());
  return path;
}

QueryIndex::QueryIndex(const EventGraph& graph) : impl_(std::make_unique<Impl>(graph)) {}
QueryIndex::~QueryIndex() = default;

const EventGraph& QueryIndex::graph() const { return *impl_->graph; }

std::vector<PathStep> QueryIndex::ShortestPath(const Node& a, const Node& b, bool forward_in_time,
                                               const ViewFilter& filter) {
  Impl& m = *impl_;
  auto from_index = m.graph->IndexOf(a.id);
  auto to_index = m.graph->IndexOf(b.id);
  if (!from_index || !to_index) return {};
  if (*from_index == *to_index) return {{&m.graph->NodeAt(*from_index), nullptr}};
  // A document without walkable links is linked to nothing.
  const Index from = m.local[*from_index], to = m.local[*to_index];
  if (from == kAbsent || to == kAbsent) return {};
  m.UseWindow(filter);
  m.from = from;
  m.to = to;
  m.timed = forward_in_time;
  // `b` ends the chain: an event must be in the window, and forward in
  // time it must have a known year.
  if (m.role[to] == Role::kEvent && (!m.InWindow(to) || (m.timed && m.day[to] == kUnplaced))) {
    return {};
  }
  const bool dated_from = m.timed && m.role[from] == Role::kEvent && m.day[from] != kUnplaced;
  const bool dated_to = m.timed && m.role[to] == Role::kEvent;
  m.from_day = dated_from ? m.day[from] : kNoEvent;
  m.to_day = dated_to ? m.day[to] : kNoLater;

  auto start = [&](Side& side, Index v, int64_t time) {
    side.Reset();
    side.cost = m.offsets[v + 1] - m.offsets[v];
    side.BeginLevel();
    side.frontier.assign(1, side.Add(v, 0, time));
    side.level_cost.push_back(side.cost);
  };
  start(m.forward, from, m.from_day);
  start(m.backward, to, m.to_day);

  // Whole levels, the side with fewer links to follow first. A chain of
  // length L is found once the levels sum to L, so when they reach the
  // shortest found, it is the shortest there is.
  int32_t length = kNoLength;
  bool go_forward = true;
  while (m.forward.level + m.backward.level < length) {
    const bool forward_done = m.forward.frontier.empty();
    const bool backward_done = m.backward.frontier.empty();
    if (forward_done && backward_done) break;
    if (length == kNoLength && (forward_done || backward_done)) break;  // Closed off.
    go_forward = !forward_done && (backward_done || m.forward.cost <= m.backward.cost);
    length = std::min(length, m.Expand(go_forward));
  }
  if (length == kNoLength) return {};
  m.Continue(length, !go_forward);
  return m.Reconstruct(length);
}

std::vector<Neighbor> QueryIndex::Neighbors(const Node& start, int depth,
                                            const ViewFilter& filter) {
  Impl& m = *impl_;
  std::vector<Neighbor> found;
  auto index = m.graph->IndexOf(start.id);
  if (!index || m.local[*index] == kAbsent) return found;
  const Index origin = m.local[*index];
  m.UseWindow(filter);
  const uint32_t generation = m.NextGeneration();
  m.seen[origin] = generation;
  m.first_via[origin] = nullptr;
  std::vector<Index> frontier = {origin};
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    // Nodes first reached in this level get the smallest of the edges that
    // reach them (in the native JSON's order), whichever node they come from.
    m.reached.clear();
    for (Index v : frontier) {
      for (uint32_t e = m.offsets[v]; e < m.offsets[v + 1]; ++e) {
        const Index other = m.adjacent[e];
        const Edge* link = m.links[e];
        if (m.seen[other] == generation) {
          // Reached before: only this level's nodes still take a better edge
          // (earlier ones are printed already, the start has none).
          if (m.first_via[other] != nullptr && EdgeLess(*link, *m.first_via[other])) {
            m.first_via[other] = link;
          }
          continue;
        }
        if (m.role[other] == Role::kDocument) continue;
        if (m.role[other] == Role::kEvent && !m.InWindow(other)) continue;
        m.seen[other] = generation;
        m.first_via[other] = link;
        m.reached.push_back(other);
      }
    }
    std::sort(m.reached.begin(), m.reached.end(),
              [&](Index x, Index y) { return m.NodeOf(x).id < m.NodeOf(y).id; });
    for (Index v : m.reached) {
      const Node& node = m.NodeOf(v);
      if (filter.AcceptsKind(node.kind)) found.push_back({&node, level, m.first_via[v]});
    }
    frontier.assign(m.reached.begin(), m.reached.end());
  }
  return found;
}

}  // namespace etkg
