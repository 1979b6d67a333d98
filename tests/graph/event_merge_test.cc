// MergeEvents: one real event, one node, whatever the order of reports.
#include "graph/event_merge.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "exporters/native_json.h"

namespace etkg {
namespace {

// One document's report of a call between a and b.
EventGraph Report(const std::string& doc, const char* date, const std::string& rule,
                  int64_t duration = 0) {
  EventGraph g;
  Node call;
  call.kind = NodeKind::kCall;
  call.date = *DateValue::Parse(date);
  call.label = "A–B call";
  call.attrs["identity"] = std::string("a+b");
  call.attrs["date_rule"] = rule;
  if (duration) call.attrs["duration_min"] = duration;
  call.id = CanonicalEventId(call);
  Node doc_node{"doc/" + doc, NodeKind::kDocument, doc, {}, {}, {}};
  EXPECT_TRUE(g.AddNode(call).ok());
  EXPECT_TRUE(g.AddNode(doc_node).ok());
  for (const char* leader : {"leader/a", "leader/b"}) {
    EXPECT_TRUE(g.AddNode({leader, NodeKind::kLeader, leader, {}, {}, {}}).ok());
    Edge p;
    p.source = leader;
    p.target = call.id;
    p.kind = EdgeKind::kParticipant;
    p.date = call.date;
    p.date_rule = rule;
    p.evidence = {{doc, 0, 5, "text"}};
    EXPECT_TRUE(g.AddEdge(p).ok());
  }
  Edge r;
  r.source = call.id;
  r.target = doc_node.id;
  r.kind = EdgeKind::kReportedBy;
  r.evidence = {{doc, 0, 5, "text"}};
  EXPECT_TRUE(g.AddEdge(r).ok());
  return g;
}

std::vector<const Node*> Calls(const EventGraph& g) {
  std::vector<const Node*> calls;
  for (const Node* n : g.Nodes()) {
    if (n->kind == NodeKind::kCall) calls.push_back(n);
  }
  return calls;
}

TEST(EventMergeTest, CanonicalIds) {
  Node call;
  call.kind = NodeKind::kCall;
  call.date = *DateValue::Parse("2017-05-02");
  call.attrs["identity"] = std::string("donald-trump+vladimir-putin");
  EXPECT_EQ(CanonicalEventId(call), "call/2017-05-02/donald-trump+vladimir-putin");
  Node g20;
  g20.kind = NodeKind::kSummit;
  g20.date = *DateValue::Parse("2017-07-07/2017-07-08");
  g20.attrs["identity"] = std::string("series:g20");
  g20.attrs["format"] = std::string("multilateral");
  EXPECT_EQ(CanonicalEventId(g20), "summit/g20/2017");
  g20.attrs["format"] = std::string("talks");
  EXPECT_EQ(CanonicalEventId(g20), "summit/g20/2017-07-07");
  call.date = DateValue();
  EXPECT_EQ(CanonicalEventId(call), "call/undated/donald-trump+vladimir-putin");
}

TEST(EventMergeTest, ReportsADayApartAreOneCallWithTheBetterDate) {
  EventGraph g = Report("a", "2017-05-02", "partial+anchor-year");
  ASSERT_TRUE(g.Merge(Report("b", "2017-05-03", "relative", 90)).ok());
  ASSERT_TRUE(MergeEvents(&g).ok());
  auto calls = Calls(g);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]->id, "call/2017-05-02/a+b");
  EXPECT_EQ(std::get<int64_t>(calls[0]->attrs.at("duration_min")), 90);
  const Edge* p = g.FindEdge("leader/a", calls[0]->id, EdgeKind::kParticipant);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->evidence.size(), 2u);
  EXPECT_EQ(p->date.ToString(), "2017-05-02");
  EXPECT_NE(g.FindEdge(calls[0]->id, "doc/a", EdgeKind::kReportedBy), nullptr);
  EXPECT_NE(g.FindEdge(calls[0]->id, "doc/b", EdgeKind::kReportedBy), nullptr);
}

TEST(EventMergeTest, OfTwoEqualRelativeDatesTheEarlierWins) {
  EventGraph g = Report("a", "2017-11-22", "relative");
  ASSERT_TRUE(g.Merge(Report("b", "2017-11-21", "relative")).ok());
  ASSERT_TRUE(MergeEvents(&g).ok());
  ASSERT_EQ(Calls(g).size(), 1u);
  EXPECT_EQ(Calls(g)[0]->date.ToString(), "2017-11-21");
}

TEST(EventMergeTest, CallsFarApartStaySeparateAndArePrecededInOrder) {
  EventGraph g = Report("a", "2017-05-02", "explicit");
  ASSERT_TRUE(g.Merge(Report("b", "2017-11-21", "explicit")).ok());
  ASSERT_TRUE(g.Merge(Report("c", "2025-03-18", "weekday")).ok());
  ASSERT_TRUE(MergeEvents(&g).ok());
  EXPECT_EQ(Calls(g).size(), 3u);
  EXPECT_NE(g.FindEdge("call/2017-05-02/a+b", "call/2017-11-21/a+b", EdgeKind::kPrecedes), nullptr);
  EXPECT_NE(g.FindEdge("call/2017-11-21/a+b", "call/2025-03-18/a+b", EdgeKind::kPrecedes), nullptr);
  EXPECT_EQ(g.FindEdge("call/2017-05-02/a+b", "call/2025-03-18/a+b", EdgeKind::kPrecedes), nullptr);
}

TEST(EventMergeTest, YearlessDateJoinsTheOneCallItFits) {
  EventGraph g = Report("a", "XXXX-01-28", "partial");
  ASSERT_TRUE(g.Merge(Report("b", "2017-01-28", "explicit")).ok());
  ASSERT_TRUE(MergeEvents(&g).ok());
  ASSERT_EQ(Calls(g).size(), 1u);
  EXPECT_EQ(Calls(g)[0]->date.ToString(), "2017-01-28");
  // Two candidate years: the yearless report stays apart.
  EventGraph h = Report("a", "XXXX-01-28", "partial");
  ASSERT_TRUE(h.Merge(Report("b", "2017-01-28", "explicit")).ok());
  ASSERT_TRUE(h.Merge(Report("c", "2018-01-28", "explicit")).ok());
  ASSERT_TRUE(MergeEvents(&h).ok());
  EXPECT_EQ(Calls(h).size(), 3u);
}

TEST(EventMergeTest, OrderBatchesAndRepetitionNeverShow) {
  std::vector<EventGraph> reports = {Report("a", "2017-05-02", "partial+anchor-year"),
                                     Report("b", "2017-05-03", "relative"),
                                     Report("c", "2017-05", "explicit"),
                                     Report("d", "2017-11-21", "relative"),
                                     Report("e", "2017-11-22", "relative", 60),
                                     Report("f", "XXXX-11-21", "partial"),
                                     Report("g", "2025-03-18", "weekday", 150)};
  auto build = [&](std::vector<size_t> order, size_t batch) {
    EventGraph g;
    for (size_t i = 0; i < order.size(); ++i) {
      EXPECT_TRUE(g.Merge(reports[order[i]]).ok());
      if ((i + 1) % batch == 0) {
        EXPECT_TRUE(MergeEvents(&g).ok());
      }
    }
    EXPECT_TRUE(MergeEvents(&g).ok());
    return NativeJsonString(g);
  };
  std::vector<size_t> order(reports.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::string expected = build(order, order.size());
  std::mt19937 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t batch : {1, 2, 3, 7}) {
      SCOPED_TRACE("trial " + std::to_string(trial) + " batch " + std::to_string(batch));
      ASSERT_EQ(build(order, batch), expected);
    }
  }
  // Twice the same reports: the same graph.
  std::vector<size_t> twice = order;
  twice.insert(twice.end(), order.begin(), order.end());
  EXPECT_EQ(build(twice, 4), expected);
}

}  // namespace
}  // namespace etkg
