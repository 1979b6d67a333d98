// QueryIndex: the bidirectional and the time-respecting searches on
// hand-made graphs (no path, a path only backwards in time, equal-length
// alternatives), and against the search it replaced on many random graphs.
#include "graph/query_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/graph/path_reference.h"

namespace etkg {
namespace {

void AddNode(EventGraph* g, const std::string& id, NodeKind kind, const char* date) {
  Node n{id, kind, id, {}, *DateValue::Parse(date), {}};
  ASSERT_TRUE(g->AddNode(n).ok()) << id;
}

void Link(EventGraph* g, const std::string& source, const std::string& target, EdgeKind kind) {
  Edge e;
  e.source = source;
  e.target = target;
  e.kind = kind;
  ASSERT_TRUE(g->AddEdge(e).ok()) << source << " -> " << target;
}

// A call of `date` between leaders (added first when missing).
void Call(EventGraph* g, const std::string& id, const char* date,
          const std::vector<std::string>& who) {
  AddNode(g, id, NodeKind::kCall, date);
  for (const std::string& w : who) {
    if (!g->FindNode(w)) AddNode(g, w, NodeKind::kLeader, "");
    Link(g, w, id, EdgeKind::kParticipant);
  }
}

std::vector<std::string> Ids(const std::vector<PathStep>& path) {
  std::vector<std::string> ids;
  for (const PathStep& step : path) ids.push_back(step.node->id);
  return ids;
}

std::vector<PathStep> Path(const EventGraph& g, const std::string& a, const std::string& b,
                           bool forward, const ViewFilter& filter = {}) {
  QueryIndex index(g);
  return index.ShortestPath(*g.FindNode(a), *g.FindNode(b), forward, filter);
}

TEST(QueryIndexTest, NoPathBetweenComponents) {
  EventGraph g;
  Call(&g, "call/1", "2020-01-01", {"leader/a", "leader/b"});
  Call(&g, "call/2", "2020-01-02", {"leader/c", "leader/d"});
  EXPECT_TRUE(Path(g, "leader/a", "leader/d", false).empty());
  EXPECT_TRUE(Path(g, "leader/a", "leader/d", true).empty());
  EXPECT_EQ(Ids(Path(g, "leader/a", "leader/b", false)),
            (std::vector<std::string>{"leader/a", "call/1", "leader/b"}));
}

TEST(QueryIndexTest, DocumentsAreNotPassedThroughButMayEndAChain) {
  EventGraph g;
  Call(&g, "call/1", "2020-01-01", {"leader/a"});
  Call(&g, "call/2", "2020-01-02", {"leader/b"});
  AddNode(&g, "doc/d", NodeKind::kDocument, "2020-01-03");
  // A document's own edges are not walked; give it a walkable one too.
  Link(&g, "call/1", "doc/d", EdgeKind::kRefersTo);
  Link(&g, "call/2", "doc/d", EdgeKind::kRefersTo);
  EXPECT_TRUE(Path(g, "leader/a", "leader/b", false).empty());
  EXPECT_EQ(Ids(Path(g, "leader/a", "doc/d", false)),
            (std::vector<std::string>{"leader/a", "call/1", "doc/d"}));
}

TEST(QueryIndexTest, APathOnlyBackwardsInTimeIsNoPathForwardInTime) {
  EventGraph g;
  Call(&g, "call/2021", "2021-05-05", {"leader/a", "leader/b"});
  Call(&g, "call/2020", "2020-05-05", {"leader/b", "leader/c"});
  const std::vector<std::string> chain = {"leader/a", "call/2021", "leader/b", "call/2020",
                                          "leader/c"};
  EXPECT_EQ(Ids(Path(g, "leader/a", "leader/c", false)), chain);
  EXPECT_TRUE(Path(g, "leader/a", "leader/c", true).empty());
  // The other way round the same chain runs forward.
  EXPECT_EQ(Path(g, "leader/c", "leader/a", true).size(), 5u);
  // An event of unknown year is never passed forward in time.
  Call(&g, "call/XXXX", "XXXX-06-01", {"leader/a", "leader/c"});
  EXPECT_EQ(Path(g, "leader/a", "leader/c", false).size(), 3u);
  EXPECT_TRUE(Path(g, "leader/a", "leader/c", true).empty());
}

TEST(QueryIndexTest, ForwardInTimeGoesRoundToReachANodeEarlier) {
  // a meets x on day 10, and x meets b on day 5: too late. Round through y
  // (days 1 and 2) a reaches x in time. A search that keeps one state per
  // node, the first that reaches it, misses this chain.
  EventGraph g;
  Call(&g, "call/10", "2020-01-10", {"leader/a", "leader/x"});
  Call(&g, "call/01", "2020-01-01", {"leader/a", "leader/y"});
  Call(&g, "call/02", "2020-01-02", {"leader/y", "leader/x"});
  Call(&g, "call/05", "2020-01-05", {"leader/x", "leader/b"});
  EXPECT_EQ(Ids(Path(g, "leader/a", "leader/b", true)),
            (std::vector<std::string>{"leader/a", "call/01", "leader/y", "call/02", "leader/x",
                                      "call/05", "leader/b"}));
  EXPECT_EQ(Path(g, "leader/a", "leader/b", false).size(), 5u);
  EXPECT_TRUE(
      ReferenceShortestPath(g, *g.FindNode("leader/a"), *g.FindNode("leader/b"), true, {}).empty());
}

TEST(QueryIndexTest, EqualChainsGoThroughTheNodeOfSmallerIndex) {
  // Two calls join a and b; whichever order the edges come in, the chain
  // takes the call added first (the smaller index).
  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed);
    EventGraph g;
    AddNode(&g, "leader/a", NodeKind::kLeader, "");
    AddNode(&g, "leader/b", NodeKind::kLeader, "");
    AddNode(&g, "call/second", NodeKind::kCall, "2020-01-01");
    AddNode(&g, "call/first", NodeKind::kCall, "2020-01-01");
    std::vector<std::pair<std::string, std::string>> links = {{"leader/a", "call/second"},
                                                              {"leader/b", "call/second"},
                                                              {"leader/a", "call/first"},
                                                              {"leader/b", "call/first"}};
    if (reversed) std::reverse(links.begin(), links.end());
    for (const auto& [s, t] : links) Link(&g, s, t, EdgeKind::kParticipant);
    for (bool forward : {false, true}) {
      EXPECT_EQ(Ids(Path(g, "leader/a", "leader/b", forward)),
                (std::vector<std::string>{"leader/a", "call/second", "leader/b"}));
      EXPECT_EQ(Ids(Path(g, "leader/b", "leader/a", forward)),
                (std::vector<std::string>{"leader/b", "call/second", "leader/a"}));
    }
  }
}

TEST(QueryIndexTest, ForwardInTimeEqualChainsLeaveTheMostRoom) {
  // a and b share a June call (smaller index) and a January one; b leads a
  // place. Without the rule the June call wins by index; forward in time
  // the January one, whose chain leaves more room for what follows.
  EventGraph g;
  Call(&g, "call/june", "2020-06-01", {"leader/a", "leader/b"});
  Call(&g, "call/january", "2020-01-01", {"leader/a", "leader/b"});
  AddNode(&g, "place/p", NodeKind::kPlace, "");
  Link(&g, "leader/b", "place/p", EdgeKind::kLeads);
  EXPECT_EQ(Ids(Path(g, "leader/a", "place/p", false)),
            (std::vector<std::string>{"leader/a", "call/june", "leader/b", "place/p"}));
  EXPECT_EQ(Ids(Path(g, "leader/a", "place/p", true)),
            (std::vector<std::string>{"leader/a", "call/january", "leader/b", "place/p"}));
}

TEST(QueryIndexTest, TheLinkOfAStepIsTheFirstOfItsNode) {
  // Two links join a call and a summit, one each way. A step from the call
  // onto the summit takes the call's first (its own outgoing refers_to); the
  // last step of a chain takes the last node's first (the summit's own
  // outgoing precedes), as the search from `a` alone did.
  EventGraph g;
  Call(&g, "call/c", "2020-01-01", {"leader/a"});
  AddNode(&g, "summit/s", NodeKind::kSummit, "2020-01-02");
  AddNode(&g, "place/p", NodeKind::kPlace, "");
  Link(&g, "call/c", "summit/s", EdgeKind::kRefersTo);
  Link(&g, "summit/s", "call/c", EdgeKind::kPrecedes);
  Link(&g, "summit/s", "place/p", EdgeKind::kHeldIn);
  for (const char* to : {"place/p", "summit/s"}) {
    SCOPED_TRACE(to);
    std::vector<PathStep> path = Path(g, "leader/a", to, false);
    std::vector<PathStep> old =
        ReferenceShortestPath(g, *g.FindNode("leader/a"), *g.FindNode(to), false, {});
    ASSERT_GE(path.size(), 3u);
    EXPECT_EQ(path[2].edge->kind,
              std::string(to) == "place/p" ? EdgeKind::kRefersTo : EdgeKind::kPrecedes);
    ASSERT_EQ(path.size(), old.size());
    for (size_t i = 0; i < path.size(); ++i) EXPECT_EQ(path[i].edge, old[i].edge);
  }
}

TEST(QueryIndexTest, WindowLeavesEventsOut) {
  EventGraph g;
  Call(&g, "call/2019", "2019-03-03", {"leader/a", "leader/b"});
  Call(&g, "call/2020", "2020-03-03", {"leader/a", "leader/m"});
  Call(&g, "call/2020b", "2020-04-04", {"leader/m", "leader/b"});
  ViewFilter window;
  window.from = *DateValue::Parse("2020");
  QueryIndex index(g);
  const Node& a = *g.FindNode("leader/a");
  const Node& b = *g.FindNode("leader/b");
  EXPECT_EQ(index.ShortestPath(a, b, false, {}).size(), 3u);
  EXPECT_EQ(index.ShortestPath(a, b, false, window).size(), 5u);
  EXPECT_EQ(index.ShortestPath(a, b, false, {}).size(), 3u);  // The window is not kept.
  EXPECT_TRUE(index.ShortestPath(a, *g.FindNode("call/2019"), false, window).empty());
}

// Random graphs of every kind, dated and undated, with documents and links
// both ways, for the comparisons below.
EventGraph RandomGraph(std::mt19937* rng) {
  EventGraph g;
  const int n = 4 + static_cast<int>((*rng)() % 20);
  const char* kDates[] = {"2020-01-01", "2020-01-05", "2020-02",
                          "2020",       "2021-03-03", "2019-12-31",
                          "XXXX-01-02", "",           "2020-01-05/2020-01-07"};
  const NodeKind kKinds[] = {NodeKind::kLeader, NodeKind::kCall,     NodeKind::kSummit,
                             NodeKind::kIssue,  NodeKind::kDocument, NodeKind::kPlace};
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    NodeKind kind = kKinds[(*rng)() % 6];
    const char* date = IsEventKind(kind) ? kDates[(*rng)() % 9] : "";
    // Ids in random order, so index order and id order differ.
    std::string id = std::string(NodeKindName(kind)) + "/" + std::to_string((*rng)() % 1000);
    if (g.FindNode(id)) continue;
    AddNode(&g, id, kind, date);
    ids.push_back(id);
  }
  const EdgeKind kEdges[] = {EdgeKind::kParticipant, EdgeKind::kRefersTo, EdgeKind::kDiscussed,
                             EdgeKind::kReportedBy, EdgeKind::kMentions};
  const size_t edges = ids.size() * (1 + (*rng)() % 3);
  for (size_t i = 0; i < edges; ++i) {
    const std::string& s = ids[(*rng)() % ids.size()];
    const std::string& t = ids[(*rng)() % ids.size()];
    if (s == t) continue;
    Link(&g, s, t, kEdges[(*rng)() % 5]);
  }
  return g;
}

// The fewest links of a chain the contract allows forward in time, by a
// plain breadth-first search over every (node, last day) state; -1 if none.
int ForwardLength(const EventGraph& g, EventGraph::NodeIndex a, EventGraph::NodeIndex b,
                  const ViewFilter& filter) {
  using Index = EventGraph::NodeIndex;
  constexpr int64_t kNone = std::numeric_limits<int64_t>::min();
  auto day_of = [&](Index v) {
    const Node& node = g.NodeAt(v);
    return IsEventKind(node.kind) ? node.date.FirstDay().value_or(kNone) : kNone;
  };
  std::set<std::pair<Index, int64_t>> seen = {{a, day_of(a)}};
  std::deque<std::pair<std::pair<Index, int64_t>, int>> queue = {{{a, day_of(a)}, 0}};
  while (!queue.empty()) {
    // Not a structured binding: lambdas may not capture one before C++20's
    // later compilers.
    const std::pair<Index, int64_t> state = queue.front().first;
    const int links = queue.front().second;
    queue.pop_front();
    if (state.first == b) return links;
    g.ForEachIncident(state.first, [&](Index v, const Edge& e, bool) {
      if (!ReferenceWalkable(e) || v == a) return;
      const Node& node = g.NodeAt(v);
      if (node.kind == NodeKind::kDocument && v != b) return;
      int64_t last = state.second;
      if (IsEventKind(node.kind)) {
        auto day = node.date.FirstDay();
        if (!filter.InWindow(node.date) || !day || (last != kNone && *day < last)) return;
        last = *day;
      }
      if (seen.insert({v, last}).second) queue.push_back({{v, last}, links + 1});
    });
  }
  return -1;
}

// Whether `path` is a chain from a to b the contract allows.
void ExpectAllowed(const std::vector<PathStep>& path, bool forward, const ViewFilter& filter) {
  constexpr int64_t kNone = std::numeric_limits<int64_t>::min();
  int64_t last = kNone;
  for (size_t i = 0; i < path.size(); ++i) {
    const Node& node = *path[i].node;
    if (i > 0) {
      ASSERT_NE(path[i].edge, nullptr);
      const Edge& e = *path[i].edge;
      const std::string& before = path[i - 1].node->id;
      EXPECT_TRUE((e.source == before && e.target == node.id) ||
                  (e.target == before && e.source == node.id));
      EXPECT_TRUE(ReferenceWalkable(e));
      if (i + 1 < path.size()) {
        EXPECT_NE(node.kind, NodeKind::kDocument);
      }
      if (IsEventKind(node.kind)) {
        EXPECT_TRUE(filter.InWindow(node.date)) << node.id;
      }
    }
    if (forward && IsEventKind(node.kind)) {
      auto day = node.date.FirstDay();
      if (i > 0) {
        ASSERT_TRUE(day.has_value()) << node.id;
      }
      if (day) {
        EXPECT_GE(*day, last) << node.id;
        last = *day;
      }
    }
  }
}

TEST(QueryIndexTest, AgreesWithTheBreadthFirstSearchOnRandomGraphs) {
  std::mt19937 rng(7);
  int joined = 0, forward_joined = 0, rounds = 0;
  for (int round = 0; round < 300; ++round) {
    EventGraph g = RandomGraph(&rng);
    QueryIndex index(g);  // One index for every query: its buffers are reused.
    ViewFilter window;
    if (round % 3 == 0) window.from = *DateValue::Parse("2020-01-03");
    if (round % 5 == 0) window.to = *DateValue::Parse("2020-12");
    for (EventGraph::NodeIndex a = 0; a < g.num_nodes(); ++a) {
      for (EventGraph::NodeIndex b = 0; b < g.num_nodes(); ++b) {
        const Node& x = g.NodeAt(a);
        const Node& y = g.NodeAt(b);
        SCOPED_TRACE("round " + std::to_string(round) + ": " + x.id + " -> " + y.id);
        std::vector<PathStep> plain = index.ShortestPath(x, y, false, window);
        std::vector<PathStep> expected = ReferenceShortestPath(g, x, y, false, window);
        ASSERT_EQ(Ids(plain), Ids(expected));
        for (size_t i = 0; i < plain.size(); ++i) ASSERT_EQ(plain[i].edge, expected[i].edge);
        joined += !plain.empty();

        std::vector<PathStep> forward = index.ShortestPath(x, y, true, window);
        ASSERT_EQ(static_cast<int>(forward.size()) - 1, ForwardLength(g, a, b, window));
        ExpectAllowed(forward, true, window);
        std::vector<PathStep> old = ReferenceShortestPath(g, x, y, true, window);
        if (!old.empty()) {
          EXPECT_LE(forward.size(), old.size());
        }
        // Where the old search found a shortest chain, the same one.
        if (old.size() == forward.size()) {
          EXPECT_EQ(Ids(forward), Ids(old));
        }
        forward_joined += !forward.empty();
      }
      for (int depth : {1, 2, 3}) {
        std::vector<Neighbor> found = index.Neighbors(g.NodeAt(a), depth, window);
        std::vector<Neighbor> expected = ReferenceNeighbors(g, g.NodeAt(a), depth, window);
        ASSERT_EQ(found.size(), expected.size());
        for (size_t i = 0; i < found.size(); ++i) {
          EXPECT_EQ(found[i].node, expected[i].node);
          EXPECT_EQ(found[i].depth, expected[i].depth);
          EXPECT_EQ(found[i].via, expected[i].via);
        }
      }
    }
    ++rounds;
  }
  // The graphs are not all disconnected: chains of every kind were compared.
  EXPECT_EQ(rounds, 300);
  EXPECT_GT(joined, 3000);
  EXPECT_GT(forward_joined, 1000);
}

}  // namespace
}  // namespace etkg
