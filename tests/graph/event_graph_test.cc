// EventGraph: adding and merging nodes and edges, and that merging does
// not depend on the order of additions.
#include "graph/event_graph.h"

#include <algorithm>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "exporters/native_json.h"

namespace etkg {
namespace {

Node MakeNode(std::string id, NodeKind kind, std::string label, const char* date = "") {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.label = std::move(label);
  n.date = *DateValue::Parse(date);
  return n;
}

Edge MakeEdge(std::string source, std::string target, EdgeKind kind, const char* date,
              std::string doc, uint32_t offset) {
  Edge e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.kind = kind;
  e.date = *DateValue::Parse(date);
  e.date_rule = e.date.is_null() ? "" : "explicit";
  e.evidence.push_back({std::move(doc), offset, 10, "a sentence"});
  return e;
}

TEST(EventGraphTest, AddsAndFindsNodesAndEdges) {
  EventGraph g;
  ASSERT_TRUE(g.AddNode(MakeNode("leader/a", NodeKind::kLeader, "A")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/x", NodeKind::kCall, "X", "2017-05-02")).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05-02", "d1", 0))
          .ok());
  EXPECT_EQ(g.num_nodes(), 2u);
  EXPECT_EQ(g.num_edges(), 1u);
  ASSERT_NE(g.FindNode("call/x"), nullptr);
  EXPECT_EQ(g.FindNode("call/x")->date.ToString(), "2017-05-02");
  EXPECT_EQ(g.FindNode("nope"), nullptr);
  EXPECT_NE(g.FindEdge("leader/a", "call/x", EdgeKind::kParticipant), nullptr);
  EXPECT_EQ(g.FindEdge("leader/a", "call/x", EdgeKind::kDiscussed), nullptr);
  EXPECT_EQ(g.OutEdges("leader/a").size(), 1u);
  EXPECT_EQ(g.InEdges("call/x").size(), 1u);
  EXPECT_TRUE(g.OutEdges("unknown").empty());
}

TEST(EventGraphTest, RejectsBadNodesAndDanglingEdges) {
  EventGraph g;
  EXPECT_EQ(g.AddNode(MakeNode("", NodeKind::kLeader, "A")).code(), StatusCode::kInvalidInput);
  ASSERT_TRUE(g.AddNode(MakeNode("leader/a", NodeKind::kLeader, "A")).ok());
  EXPECT_EQ(g.AddNode(MakeNode("leader/a", NodeKind::kPlace, "A")).code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(g.AddEdge(MakeEdge("leader/a", "nope", EdgeKind::kLeads, "", "d", 0)).code(),
            StatusCode::kNotFound);
}

TEST(EventGraphTest, MergingKeepsAllEvidenceAndTheBetterDate) {
  EventGraph g;
  ASSERT_TRUE(g.AddNode(MakeNode("leader/a", NodeKind::kLeader, "A")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/x", NodeKind::kCall, "X", "2017-05")).ok());
  Node again = MakeNode("call/x", NodeKind::kCall, "X call", "2017-05-02");
  again.aliases = {"X"};
  again.attrs["duration_min"] = int64_t{60};
  ASSERT_TRUE(g.AddNode(again).ok());
  const Node* x = g.FindNode("call/x");
  EXPECT_EQ(x->label, "X call");                         // The longer label.
  EXPECT_EQ(x->date.ToString(), "2017-05-02");           // The more precise date.
  EXPECT_EQ(x->aliases, std::vector<std::string>{"X"});  // The other label stays findable.
  EXPECT_EQ(std::get<int64_t>(x->attrs.at("duration_min")), 60);
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05", "d1", 5)).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05-02", "d2", 9))
          .ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05-02", "d2", 9))
          .ok());
  const Edge* e = g.FindEdge("leader/a", "call/x", EdgeKind::kParticipant);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(g.num_edges(), 1u);
  EXPECT_EQ(e->evidence.size(), 2u);  // d1 and d2, the duplicate once.
  EXPECT_EQ(e->date.ToString(), "2017-05-02");
}

TEST(EventGraphTest, RenameMergesNodesAndDropsSelfLoops) {
  EventGraph g;
  ASSERT_TRUE(g.AddNode(MakeNode("call/a", NodeKind::kCall, "A", "2017-05-02")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/b", NodeKind::kCall, "B", "2017-05-03")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("leader/p", NodeKind::kLeader, "P")).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/p", "call/a", EdgeKind::kParticipant, "2017-05-02", "d1", 0))
          .ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/p", "call/b", EdgeKind::kParticipant, "2017-05-03", "d2", 0))
          .ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("call/a", "call/b", EdgeKind::kRefersTo, "2017-05-02", "d1", 0)).ok());
  ASSERT_TRUE(g.RenameNodes({{"call/b", "call/a"}}).ok());
  EXPECT_EQ(g.num_nodes(), 2u);
  EXPECT_EQ(g.num_edges(), 1u);
  EXPECT_EQ(g.FindEdge("leader/p", "call/a", EdgeKind::kParticipant)->evidence.size(), 2u);
}

TEST(EventGraphTest, ReplaceNodesMergesInPlaceAndKeepsIndexesDense) {
  EventGraph g;
  ASSERT_TRUE(g.AddNode(MakeNode("call/a", NodeKind::kCall, "A", "2017-05-02")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/b", NodeKind::kCall, "B", "2017-05-03")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/c", NodeKind::kCall, "C", "2017-05-02")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("leader/p", NodeKind::kLeader, "P")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("leader/q", NodeKind::kLeader, "Q")).ok());
  for (const char* call : {"call/a", "call/c"}) {
    ASSERT_TRUE(
        g.AddEdge(MakeEdge("leader/p", call, EdgeKind::kParticipant, "2017-05-02", call, 0)).ok());
  }
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("call/b", "leader/q", EdgeKind::kParticipant, "2017-05-03", "d", 0)).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("call/a", "call/c", EdgeKind::kRefersTo, "2017-05-02", "d", 0)).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("call/c", "call/b", EdgeKind::kRefersTo, "2017-05-02", "d", 0)).ok());

  std::map<std::string, Node> nodes;
  nodes["call/x"] = MakeNode("call/x", NodeKind::kCall, "X", "2017-05-02");
  nodes["call/y"] = MakeNode("call/y", NodeKind::kCall, "Y", "2017-05-03");
  std::map<std::string, std::string> renames = {
      {"call/a", "call/x"}, {"call/b", "call/y"}, {"call/c", "call/x"}};
  EXPECT_FALSE(g.ReplaceNodes({{"call/a", "call/z"}}, nodes).ok());
  EXPECT_FALSE(g.ReplaceNodes({{"call/a", "leader/p"}}, {{"leader/p", Node()}}).ok());
  EXPECT_EQ(g.num_nodes(), 5u);
  ASSERT_TRUE(g.ReplaceNodes(renames, nodes).ok());

  EXPECT_EQ(g.num_nodes(), 4u);
  EXPECT_EQ(g.num_edges(), 3u);
  EXPECT_EQ(g.FindNode("call/a"), nullptr);
  EXPECT_EQ(g.FindNode("call/x")->label, "X");
  EXPECT_EQ(g.FindEdge("leader/p", "call/x", EdgeKind::kParticipant)->evidence.size(), 2u);
  EXPECT_NE(g.FindEdge("call/y", "leader/q", EdgeKind::kParticipant), nullptr);
  EXPECT_NE(g.FindEdge("call/x", "call/y", EdgeKind::kRefersTo), nullptr);
  for (const Node* node : g.Nodes()) {
    auto index = g.IndexOf(node->id);
    ASSERT_TRUE(index.has_value()) << node->id;
    ASSERT_LT(*index, g.num_nodes());
    EXPECT_EQ(&g.NodeAt(*index), node);
    g.ForEachIncident(*index, [&](EventGraph::NodeIndex other, const Edge& e, bool outgoing) {
      EXPECT_EQ(outgoing ? e.source : e.target, node->id);
      EXPECT_EQ(outgoing ? e.target : e.source, g.NodeAt(other).id);
    });
  }
}

// Builds the same small graph from its pieces in a shuffled order.
std::string BuildShuffled(unsigned seed) {
  std::vector<Node> nodes = {
      MakeNode("leader/a", NodeKind::kLeader, "A"),
      MakeNode("leader/b", NodeKind::kLeader, "Bee"),
      MakeNode("leader/b", NodeKind::kLeader, "B"),
      MakeNode("call/x", NodeKind::kCall, "X", "2017"),
      MakeNode("call/x", NodeKind::kCall, "X", "2017-05-02"),
      MakeNode("call/x", NodeKind::kCall, "X", "2017-05"),
      MakeNode("issue/s", NodeKind::kIssue, "S"),
  };
  nodes[0].attrs["country"] = std::string("russia");
  nodes[5].attrs["duration_min"] = int64_t{90};
  nodes[4].attrs["duration_min"] = int64_t{60};
  std::vector<Edge> edges = {
      MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05-02", "d1", 1),
      MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05", "d2", 2),
      MakeEdge("leader/b", "call/x", EdgeKind::kParticipant, "2017-05-02", "d1", 3),
      MakeEdge("call/x", "issue/s", EdgeKind::kDiscussed, "2017-05-02", "d2", 4),
      MakeEdge("call/x", "issue/s", EdgeKind::kDiscussed, "2017-05-02", "d1", 4),
  };
  std::mt19937 rng(seed);
  std::shuffle(nodes.begin(), nodes.end(), rng);
  std::shuffle(edges.begin(), edges.end(), rng);
  EventGraph g;
  for (const Node& n : nodes) EXPECT_TRUE(g.AddNode(n).ok());
  for (const Edge& e : edges) EXPECT_TRUE(g.AddEdge(e).ok());
  return NativeJsonString(g);
}

TEST(EventGraphTest, OrderOfAdditionNeverShows) {
  std::string first = BuildShuffled(0);
  for (unsigned seed = 1; seed < 50; ++seed) {
    SCOPED_TRACE(seed);
    ASSERT_EQ(BuildShuffled(seed), first);
  }
}

TEST(EventGraphTest, MergeIsIdempotent) {
  EventGraph g;
  ASSERT_TRUE(g.AddNode(MakeNode("leader/a", NodeKind::kLeader, "A")).ok());
  ASSERT_TRUE(g.AddNode(MakeNode("call/x", NodeKind::kCall, "X", "2017-05-02")).ok());
  ASSERT_TRUE(
      g.AddEdge(MakeEdge("leader/a", "call/x", EdgeKind::kParticipant, "2017-05-02", "d", 0)).ok());
  std::string before = NativeJsonString(g);
  EventGraph copy = g;
  ASSERT_TRUE(g.Merge(copy).ok());
  EXPECT_EQ(NativeJsonString(g), before);
}

}  // namespace
}  // namespace etkg
