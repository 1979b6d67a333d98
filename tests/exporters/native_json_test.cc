// The native JSON: its exact bytes (golden file), and the round trip
// through the reader, which must give back the same bytes.
#include "exporters/native_json.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "loaders/graph_reader.h"
#include "tests/golden.h"

namespace etkg {
namespace {

// A small graph that uses every field, with text that needs escaping.
}  // namespace

EventGraph SmallGraph() {
  EventGraph g;
  Node putin{"leader/vladimir-putin", NodeKind::kLeader, "Vladimir Putin", {"Putin"}, {}, {}};
  putin.attrs["country"] = std::string("russia");
  Node trump{"leader/donald-trump", NodeKind::kLeader, "Donald Trump", {}, {}, {}};
  Node call{"call/2017-05-02/donald-trump+vladimir-putin",
            NodeKind::kCall,
            "Trump–Putin call",
            {},
            *DateValue::Parse("2017-05-02"),
            {}};
  call.attrs["duration_min"] = int64_t{90};
  call.attrs["medium"] = std::string("phone");
  call.attrs["weight"] = 0.25;
  call.attrs["confirmed"] = true;
  call.attrs["bad"] = std::nan("");  // Never written: NaN would corrupt JSON.
  Node g20{"summit/g20/2017",
           NodeKind::kSummit,
           "G20 \"Hamburg\" \\ summit\n<&>",
           {},
           *DateValue::Parse("2017-07-07/2017-07-08"),
           {}};
  Node issue{"issue/x", NodeKind::kIssue, "Yearless", {}, *DateValue::Parse("XXXX-01-28"), {}};
  for (Node* n : {&putin, &trump, &call, &g20, &issue}) EXPECT_TRUE(g.AddNode(*n).ok());
  Edge p;
  p.source = "leader/vladimir-putin";
  p.target = call.id;
  p.kind = EdgeKind::kParticipant;
  p.date = call.date;
  p.date_rule = "partial+anchor-year";
  p.confidence = 0.95;
  p.evidence = {{"000", 120, 88,
                 "On May 2, Russian President Vladimir Putin had a “telephone conversation”."},
                {"002", 1, 10, "tab\there \x01 control"}};
  EXPECT_TRUE(g.AddEdge(p).ok());
  Edge r;
  r.source = call.id;
  r.target = g20.id;
  r.kind = EdgeKind::kRefersTo;
  r.date = call.date;
  r.date_rule = "explicit";
  r.attrs["tense"] = std::string("planned");
  EXPECT_TRUE(g.AddEdge(r).ok());
  return g;
}

namespace {

TEST(NativeJsonTest, MatchesGoldenFile) {
  // tests/exporters/golden/small.json: every node and edge field, escaping
  // of quotes, backslashes, newlines and control characters, NaN left out.
  testing::ExpectGolden("exporters/golden/small.json", NativeJsonString(SmallGraph()));
}

TEST(NativeJsonTest, RoundTripIsByteIdentical) {
  std::string first = NativeJsonString(SmallGraph());
  Result<EventGraph> back = ParseGraphJson(first, "small.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(NativeJsonString(*back), first);
}

TEST(NativeJsonTest, RoundTripKeepsEveryField) {
  EventGraph g = SmallGraph();
  Result<EventGraph> back = ParseGraphJson(NativeJsonString(g), "small.json");
  ASSERT_TRUE(back.ok());
  const Node* call = back->FindNode("call/2017-05-02/donald-trump+vladimir-putin");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(std::get<int64_t>(call->attrs.at("duration_min")), 90);
  EXPECT_EQ(std::get<double>(call->attrs.at("weight")), 0.25);
  EXPECT_EQ(std::get<bool>(call->attrs.at("confirmed")), true);
  EXPECT_EQ(call->attrs.count("bad"), 0u);
  const Node* g20 = back->FindNode("summit/g20/2017");
  EXPECT_EQ(g20->label, "G20 \"Hamburg\" \\ summit\n<&>");
  EXPECT_EQ(g20->date.ToString(), "2017-07-07/2017-07-08");
  EXPECT_EQ(back->FindNode("issue/x")->date.ToString(), "XXXX-01-28");
  const Edge* p = back->FindEdge("leader/vladimir-putin", call->id, EdgeKind::kParticipant);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->evidence.size(), 2u);
  EXPECT_EQ(p->evidence[0].offset, 120u);
  EXPECT_EQ(p->confidence, 0.95);
  EXPECT_EQ(p->date_rule, "partial+anchor-year");
}

TEST(NativeJsonTest, EscapesEveryControlCharacterWhereverItSits) {
  // Long runs, so that each character lands in the middle of a string, past
  // any short-string or alignment special case.
  for (int c = 0; c < 0x20; ++c) {
    EventGraph g;
    Node node;
    node.id = "issue/x";
    node.kind = NodeKind::kIssue;
    node.label = std::string(40, 'a') + std::string(40, static_cast<char>(c)) + "z";
    ASSERT_TRUE(g.AddNode(node).ok());
    std::string json = NativeJsonString(g);
    for (char raw : json) {
      if (raw != '\n') {
        EXPECT_GE(static_cast<unsigned char>(raw), 0x20) << "character " << c;
      }
    }
    Result<EventGraph> back = ParseGraphJson(json, "control.json");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->FindNode("issue/x")->label, node.label) << "character " << c;
  }
}

// What the array `key` holds in `json`, between its brackets.
std::string ArrayBody(const std::string& json, const std::string& key) {
  size_t open = json.find("\"" + key + "\": [\n    ");
  size_t first = json.find('\n', open) + 5;
  size_t close = json.find("\n  ]", first);
  return json.substr(first, close - first);
}

// Large arrays are written in blocks on several threads, and very large
// items by the thread that writes the output; the bytes must be those of
// items written one by one, in order.
TEST(NativeJsonTest, LargeGraphsWriteTheBytesOfEachItemInOrder) {
  auto make_node = [](int i) {
    Node node;
    char id[32];
    std::snprintf(id, sizeof id, "leader/n%06d", i);
    node.id = id;
    node.kind = NodeKind::kLeader;
    node.label = "Leader " + std::to_string(i);
    if (i % 7 == 0) node.attrs["rank"] = int64_t{i};
    return node;
  };
  auto make_edge = [&](int i) {
    Edge edge;
    edge.source = make_node(i).id;
    edge.target = make_node(i + 1).id;
    edge.kind = EdgeKind::kLeads;
    edge.confidence = i % 3 == 0 ? 0.5 : 1.0;
    edge.evidence.push_back(
        {"doc-" + std::to_string(i), 0, 5, "Leader " + std::to_string(i) + " said \"so\"."});
    // Now and then an edge with more evidence than a block holds, as a
    // leader's `leads` edge gathers from every document.
    for (int k = 1; i % 5000 == 17 && k <= 3000; ++k) {
      edge.evidence.push_back({"doc-" + std::to_string(i), static_cast<uint32_t>(k), 5, "More."});
    }
    return edge;
  };
  constexpr int kNodes = 30'000, kEdges = 25'000;
  EventGraph g;
  for (int i = 0; i < kNodes; ++i) ASSERT_TRUE(g.AddNode(make_node(i)).ok());
  for (int i = 0; i < kEdges; ++i) ASSERT_TRUE(g.AddEdge(make_edge(i)).ok());
  const std::string json = NativeJsonString(g);

  std::string nodes, edges;
  for (int i = 0; i < kNodes; ++i) {
    EventGraph one;
    ASSERT_TRUE(one.AddNode(make_node(i)).ok());
    if (i > 0) nodes += ",\n    ";
    nodes += ArrayBody(NativeJsonString(one), "nodes");
  }
  // Edges name their sentences by index in the whole graph's table, so
  // they are compared with the writer on one thread.
  std::string one_thread;
  ASSERT_TRUE(WriteNativeJson(
                  g, [&](std::string_view piece) { return one_thread.append(piece), true; },
                  GraphStage::kMerged, 1)
                  .ok());
  EXPECT_TRUE(testing::SameBytes(ArrayBody(json, "nodes"), nodes));
  EXPECT_TRUE(testing::SameBytes(json, one_thread));
  EXPECT_NE(ArrayBody(json, "edges").find("\"evidence\": [0]"), std::string::npos);
  EXPECT_EQ(json.substr(json.size() - 7), "\n  ]\n}\n");
  std::string streamed;
  ASSERT_TRUE(WriteNativeJson(g, [&](std::string_view piece) {
                return streamed.append(piece), true;
              }).ok());
  EXPECT_TRUE(testing::SameBytes(streamed, json));
}

TEST(NativeJsonTest, EmptyGraph) {
  std::string json = NativeJsonString(EventGraph());
  Result<EventGraph> back = ParseGraphJson(json, "empty.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->num_nodes(), 0u);
  EXPECT_EQ(NativeJsonString(*back), json);
}

}  // namespace
}  // namespace etkg
