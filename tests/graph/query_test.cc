// Queries over a small hand-made graph: three calls and a summit between
// three leaders, with issues and places.
#include "graph/query.h"

#include <gtest/gtest.h>

namespace etkg {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Leader("a", "Anna Alpha", {"Alpha"});
    Leader("b", "Boris Beta", {"Beta"});
    Leader("c", "Chen Gamma", {"Gamma"});
    AddNode("place/rome", NodeKind::kPlace, "Rome", "");
    AddNode("place/land", NodeKind::kPlace, "Land", "");
    AddNode("issue/trade", NodeKind::kIssue, "Trade", "");
    AddNode("issue/war", NodeKind::kIssue, "War", "");
    AddNode("doc/d1", NodeKind::kDocument, "Trade talks report", "2020-01-02");
    Event("call/2020-01-01/a+b", NodeKind::kCall, "2020-01-01", {"a", "b"}, {"issue/trade"});
    Event("call/2020-06-01/a+b", NodeKind::kCall, "2020-06", {"a", "b"}, {"issue/war"});
    Event("call/2021-03-03/b+c", NodeKind::kCall, "2021-03-03", {"b", "c"}, {"issue/war"});
    Event("summit/2020-09-09/a+b+c", NodeKind::kSummit, "2020-09-09", {"a", "b", "c"}, {});
    Event("call/XXXX-02-02/a+c", NodeKind::kCall, "XXXX-02-02", {"a", "c"}, {});
    Link("summit/2020-09-09/a+b+c", "place/rome", EdgeKind::kHeldIn);
    Link("issue/war", "place/land", EdgeKind::kConcerns);
    Link("call/2020-06-01/a+b", "summit/2020-09-09/a+b+c", EdgeKind::kRefersTo);
    Link("call/2020-01-01/a+b", "doc/d1", EdgeKind::kReportedBy);
    Link("call/2021-03-03/b+c", "doc/d1", EdgeKind::kReportedBy);
  }

  void AddNode(const std::string& id, NodeKind kind, const std::string& label, const char* date) {
    Node n{id, kind, label, {}, *DateValue::Parse(date), {}};
    ASSERT_TRUE(g_.AddNode(n).ok());
  }
  void Leader(const std::string& slug, const std::string& label, std::vector<std::string> aliases) {
    Node n{"leader/" + slug, NodeKind::kLeader, label, std::move(aliases), {}, {}};
    ASSERT_TRUE(g_.AddNode(n).ok());
  }
  void Link(const std::string& source, const std::string& target, EdgeKind kind) {
    Edge e;
    e.source = source;
    e.target = target;
    e.kind = kind;
    ASSERT_TRUE(g_.AddEdge(e).ok());
  }
  void Event(const std::string& id, NodeKind kind, const char* date,
             const std::vector<std::string>& who, const std::vector<std::string>& issues) {
    AddNode(id, kind, id, date);
    for (const std::string& w : who) Link("leader/" + w, id, EdgeKind::kParticipant);
    for (const std::string& i : issues) Link(id, i, EdgeKind::kDiscussed);
  }
  const Node* N(const std::string& id) { return g_.FindNode(id); }
  static std::vector<std::string> Ids(const std::vector<TimelineEntry>& entries) {
    std::vector<std::string> ids;
    for (const TimelineEntry& e : entries) ids.push_back(e.event->id);
    return ids;
  }

  EventGraph g_;
};

TEST_F(QueryTest, FindsNodesByIdLabelOrAliasInAnyCase) {
  struct Case {
    const char* name;
    const char* id;  // nullptr: not found or ambiguous.
  };
  const Case kCases[] = {
      {"leader/a", "leader/a"}, {"anna alpha", "leader/a"}, {"ALPHA", "leader/a"},
      {"beta", "leader/b"},     {"a", "leader/a"},          {"rome", "place/rome"},
      {"trade", "issue/trade"},                     // Not the document whose title has "Trade".
      {"nobody", nullptr},      {"call", nullptr},  // Five calls answer to "call".
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<const Node*> found = FindByName(g_, c.name);
    if (c.id == nullptr) {
      EXPECT_FALSE(found.ok());
    } else {
      ASSERT_TRUE(found.ok()) << found.status().ToString();
      EXPECT_EQ((*found)->id, c.id);
    }
  }
}

TEST_F(QueryTest, UnknownNameSuggestsCloseOnes) {
  Result<const Node*> found = FindByName(g_, "Alpah");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kNotFound);
  EXPECT_NE(found.status().message().find("did you mean"), std::string::npos);
  EXPECT_NE(found.status().message().find("leader/a"), std::string::npos);
  Result<const Node*> ambiguous = FindByName(g_, "call");
  EXPECT_EQ(ambiguous.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(ambiguous.status().message().find("call/2020-01-01/a+b"), std::string::npos);
}

// Events of one name, told apart by the date a person adds to it, and
// typed with a hyphen for the dash.
TEST_F(QueryTest, ANameAndADateTellEventsApart) {
  AddNode("call/2022-05-02/x", NodeKind::kCall,
          "Alpha\xE2\x80\x93"
          "Beta call",
          "2022-05-02");
  AddNode("call/2022-11-21/x", NodeKind::kCall,
          "Alpha\xE2\x80\x93"
          "Beta call",
          "2022-11-21");
  AddNode("summit/g7/2022", NodeKind::kSummit, "G7", "2022-06-26/2022-06-28");
  AddNode("summit/g7/2023", NodeKind::kSummit, "G7", "2023-05-19/2023-05-21");
  struct Case {
    const char* name;
    const char* id;
  };
  const Case kCases[] = {
      {"Alpha\xE2\x80\x93"
       "Beta call, 2 May 2022",
       "call/2022-05-02/x"},
      {"alpha-beta call 2022-11-21", "call/2022-11-21/x"},
      {"Alpha-Beta call of November 21, 2022", "call/2022-11-21/x"},
      {"G7 2023", "summit/g7/2023"},
      {"g7, June 2022", "summit/g7/2022"},
      {"G7 27 Jun 2022", "summit/g7/2022"},
  };
  for (const Case& c : kCases) {
    Result<const Node*> found = FindByName(g_, c.name);
    ASSERT_TRUE(found.ok()) << c.name << ": " << found.status().ToString();
    EXPECT_EQ((*found)->id, c.id) << c.name;
  }
  Result<const Node*> both = FindByName(g_, "Alpha-Beta call 2022");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("call/2022-05-02/x (Alpha\xE2\x80\x93"
                                         "Beta call, 2022-05-02)"),
            std::string::npos)
      << both.status().message();
  EXPECT_NE(both.status().message().find("the name with its date"), std::string::npos);
  EXPECT_EQ(FindByName(g_, "Alpha-Beta call 2019").status().code(), StatusCode::kNotFound);
}

TEST_F(QueryTest, TimelineIsInDateOrderWithPartialDatesMarked) {
  std::vector<TimelineEntry> all = Timeline(g_, {}, ViewFilter());
  EXPECT_EQ(Ids(all), (std::vector<std::string>{"call/2020-01-01/a+b", "call/2020-06-01/a+b",
                                                "summit/2020-09-09/a+b+c", "call/2021-03-03/b+c",
                                                "call/XXXX-02-02/a+c"}));
  EXPECT_FALSE(all[0].partial);
  EXPECT_TRUE(all[1].partial);  // A month.
  EXPECT_TRUE(all[4].partial);  // Year unknown.
  EXPECT_EQ(all[2].places.size(), 1u);
  EXPECT_EQ(all[2].participants.size(), 3u);
  EXPECT_EQ(all[0].sources, 1);
}

TEST_F(QueryTest, TimelineOfNodesAndWindows) {
  ViewFilter open;
  EXPECT_EQ(Ids(Timeline(g_, {N("leader/c")}, open)),
            (std::vector<std::string>{"summit/2020-09-09/a+b+c", "call/2021-03-03/b+c",
                                      "call/XXXX-02-02/a+c"}));
  ViewFilter window;
  window.from = *DateValue::Parse("2020-05");
  window.to = *DateValue::Parse("2020-12-31");
  EXPECT_EQ(Ids(Timeline(g_, {N("leader/a")}, window)),
            (std::vector<std::string>{"call/2020-06-01/a+b", "summit/2020-09-09/a+b+c"}));
  // A place reaches the events whose issues concern it.
  EXPECT_EQ(Ids(Timeline(g_, {N("place/land")}, open)),
            (std::vector<std::string>{"call/2020-06-01/a+b", "call/2021-03-03/b+c"}));
  window.kinds = {NodeKind::kSummit};
  EXPECT_EQ(Ids(Timeline(g_, {}, window)), (std::vector<std::string>{"summit/2020-09-09/a+b+c"}));
  ViewFilter sourced;
  sourced.min_sources = 1;
  EXPECT_EQ(Timeline(g_, {}, sourced).size(), 2u);
}

TEST_F(QueryTest, FromAfterToIsAUsageError) {
  ViewFilter bad;
  bad.from = *DateValue::Parse("2021");
  bad.to = *DateValue::Parse("2020");
  EXPECT_EQ(bad.Validate().code(), StatusCode::kUsage);
}

TEST_F(QueryTest, BetweenTwoLeadersOrALeaderAndAnIssue) {
  EXPECT_EQ(Ids(Between(g_, *N("leader/a"), *N("leader/b"), ViewFilter())),
            (std::vector<std::string>{"call/2020-01-01/a+b", "call/2020-06-01/a+b",
                                      "summit/2020-09-09/a+b+c"}));
  EXPECT_EQ(Ids(Between(g_, *N("leader/b"), *N("issue/war"), ViewFilter())),
            (std::vector<std::string>{"call/2020-06-01/a+b", "call/2021-03-03/b+c"}));
}

TEST_F(QueryTest, NeighborsByDepth) {
  std::vector<Neighbor> one = Neighbors(g_, *N("issue/trade"), 1, ViewFilter());
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].node->id, "call/2020-01-01/a+b");
  std::vector<Neighbor> two = Neighbors(g_, *N("issue/trade"), 2, ViewFilter());
  EXPECT_EQ(two.size(), 3u);  // The call, then its two leaders; never the document.
  for (const Neighbor& n : two) EXPECT_NE(n.node->kind, NodeKind::kDocument);
  ViewFilter leaders;
  leaders.kinds = {NodeKind::kLeader};
  EXPECT_EQ(Neighbors(g_, *N("issue/trade"), 2, leaders).size(), 2u);
}

TEST_F(QueryTest, ShortestPathAndForwardInTime) {
  std::vector<PathStep> path = ShortestPath(g_, *N("issue/trade"), *N("place/rome"), false, {});
  ASSERT_EQ(path.size(), 5u);  // trade - call - leader - summit - rome.
  EXPECT_EQ(path.front().node->id, "issue/trade");
  EXPECT_EQ(path.back().node->id, "place/rome");
  EXPECT_EQ(path[0].edge, nullptr);
  // From the 2021 call to Rome forward in time: the 2020 summit lies behind.
  EXPECT_FALSE(ShortestPath(g_, *N("call/2021-03-03/b+c"), *N("place/rome"), false, {}).empty());
  EXPECT_TRUE(ShortestPath(g_, *N("call/2021-03-03/b+c"), *N("place/rome"), true, {}).empty());
  EXPECT_FALSE(ShortestPath(g_, *N("call/2020-01-01/a+b"), *N("place/rome"), true, {}).empty());
  EXPECT_EQ(ShortestPath(g_, *N("leader/a"), *N("leader/a"), false, {}).size(), 1u);
}

TEST_F(QueryTest, WhoMetCountsSharedEvents) {
  std::vector<Encounter> pairs = WhoMet(g_, ViewFilter());
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].a->id, "leader/a");
  EXPECT_EQ(pairs[0].b->id, "leader/b");
  EXPECT_EQ(pairs[0].events.size(), 3u);
}

TEST_F(QueryTest, Stats) {
  GraphStats stats = ComputeStats(g_);
  EXPECT_EQ(stats.nodes[NodeKind::kCall], 4u);
  EXPECT_EQ(stats.first.ToString(), "2020-01-01");
  EXPECT_EQ(stats.last.ToString(), "2021-03-03");
  EXPECT_EQ(stats.components, 1u);
  EXPECT_EQ(stats.centrality, "betweenness");
  ASSERT_EQ(stats.leaders.size(), 3u);
  for (size_t i = 1; i < stats.leaders.size(); ++i) {
    EXPECT_GE(stats.leaders[i - 1].second, stats.leaders[i].second);
  }
  EXPECT_GT(stats.leaders[0].second, 0.0);
  EXPECT_EQ(stats.issues.size(), 2u);
}

}  // namespace
}  // namespace etkg
