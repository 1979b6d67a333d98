// The five reference articles (../shared/seeds) must give what an analyst
// writes down after reading them: four Trump–Putin calls, the G20 summit
// and the Astana talks, the issues of each call, and the people mentioned
// in passing as leaders who took part in nothing. Skips when the folder is
// absent.
#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "exporters/native_json.h"
#include "graph/event_merge.h"
#include "graph/query.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"

namespace etkg {
namespace {

constexpr char kTrumpPutin[] = "donald-trump+vladimir-putin";
constexpr char kCall0128[] = "call/XXXX-01-28/donald-trump+vladimir-putin";
constexpr char kCall0502[] = "call/2017-05-02/donald-trump+vladimir-putin";
constexpr char kCall1121[] = "call/2017-11-21/donald-trump+vladimir-putin";
constexpr char kCall2025[] = "call/2025-03-18/donald-trump+vladimir-putin";
constexpr char kG20[] = "summit/g20/2017";
constexpr char kAstana[] = "summit/astana-talks/2017-05-03";

std::vector<Document> ReadSeeds() {
  std::vector<Document> docs;
  ReadDocuments(
      {ETKG_SEEDS_DIR}, {}, [&](Document d) { docs.push_back(std::move(d)); },
      [](const Status& s) { ADD_FAILURE() << s.ToString(); });
  return docs;
}

EventGraph Ingest(const std::vector<Document>& docs) {
  auto extractor = MakeExtractor(Gazetteer::Default());
  EXPECT_TRUE(extractor.ok());
  EventGraph graph;
  for (const Document& doc : docs) {
    Result<EventGraph> fragment = (*extractor)->Extract(doc);
    EXPECT_TRUE(fragment.ok()) << fragment.status().ToString();
    if (fragment.ok()) {
      EXPECT_TRUE(graph.Merge(*fragment).ok());
    }
  }
  EXPECT_TRUE(MergeEvents(&graph).ok());
  return graph;
}

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::is_directory(ETKG_SEEDS_DIR)) return;
    graph_ = new EventGraph(Ingest(ReadSeeds()));
  }
  static void TearDownTestSuite() {
    delete graph_;
    graph_ = nullptr;
  }
  void SetUp() override {
    if (!graph_) GTEST_SKIP() << "no reference articles in " << ETKG_SEEDS_DIR;
  }

  static std::set<std::string> Targets(const std::string& source, EdgeKind kind) {
    std::set<std::string> out;
    for (const Edge* e : graph_->OutEdges(source)) {
      if (e->kind == kind) out.insert(e->target);
    }
    return out;
  }
  static std::set<std::string> Sources(const std::string& target, EdgeKind kind) {
    std::set<std::string> out;
    for (const Edge* e : graph_->InEdges(target)) {
      if (e->kind == kind) out.insert(e->source);
    }
    return out;
  }

  static EventGraph* graph_;
};
EventGraph* SeedsTest::graph_ = nullptr;

TEST_F(SeedsTest, ExactlyFourTrumpPutinCalls) {
  std::set<std::string> calls;
  for (const Node* n : graph_->Nodes()) {
    if (n->kind == NodeKind::kCall) calls.insert(n->id);
  }
  EXPECT_EQ(calls, (std::set<std::string>{kCall0128, kCall0502, kCall1121, kCall2025}));
  for (const std::string& id : calls) {
    SCOPED_TRACE(id);
    EXPECT_EQ(Sources(id, EdgeKind::kParticipant),
              (std::set<std::string>{"leader/donald-trump", "leader/vladimir-putin"}));
    EXPECT_NE(id.find(kTrumpPutin), std::string::npos);
  }
}

TEST_F(SeedsTest, CallDatesCarryTheirRules) {
  struct Case {
    const char* id;
    const char* date;
    const char* rule;
  };
  const Case kCases[] = {
      {kCall0128, "XXXX-01-28", "partial"},  // No year in the text nor metadata.
      {kCall0502, "2017-05-02", "partial+anchor-year"},
      {kCall1121, "2017-11-21", "relative"},  // "Yesterday", published the 22nd.
      {kCall2025, "2025-03-18", "weekday"},   // "on Tuesday".
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.id);
    const Node* call = graph_->FindNode(c.id);
    ASSERT_NE(call, nullptr);
    EXPECT_EQ(call->date.ToString(), c.date);
    EXPECT_EQ(std::get<std::string>(call->attrs.at("date_rule")), c.rule);
    const Edge* p = graph_->FindEdge("leader/vladimir-putin", c.id, EdgeKind::kParticipant);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->date.ToString(), c.date);
    EXPECT_FALSE(p->evidence.empty());
  }
}

TEST_F(SeedsTest, TheMayCallIsOneNodeReportedByBothArticles) {
  std::set<std::string> docs = Targets(kCall0502, EdgeKind::kReportedBy);
  EXPECT_EQ(docs, (std::set<std::string>{"doc/000_2b971e3ba3df4c06", "doc/002_729c8627501baf57"}));
  // The two readouts stress different topics; each fact names its source.
  const Edge* korea =
      graph_->FindEdge(kCall0502, "issue/north-korea-nuclear-programme", EdgeKind::kDiscussed);
  ASSERT_NE(korea, nullptr);
  std::set<std::string> sources;
  for (const Evidence& ev : korea->evidence) sources.insert(ev.doc);
  EXPECT_EQ(sources.size(), 2u);
}

TEST_F(SeedsTest, DurationsWhereStated) {
  auto minutes = [](const char* id) -> int64_t {
    const Node* n = graph_->FindNode(id);
    if (!n || !n->attrs.count("duration_min")) return -1;
    return std::get<int64_t>(n->attrs.at("duration_min"));
  };
  EXPECT_EQ(minutes(kCall0128), 60);
  EXPECT_EQ(minutes(kCall1121), 90);
  EXPECT_EQ(minutes(kCall2025), 150);
}

TEST_F(SeedsTest, G20AndAstanaAreOneNodeEachWithPlacesAndLinkedFromTheCall) {
  const Node* g20 = graph_->FindNode(kG20);
  ASSERT_NE(g20, nullptr);
  EXPECT_EQ(g20->date.ToString(), "2017-07-07/2017-07-08");
  EXPECT_EQ(Targets(kG20, EdgeKind::kHeldIn), std::set<std::string>{"place/hamburg"});
  const Node* astana = graph_->FindNode(kAstana);
  ASSERT_NE(astana, nullptr);
  EXPECT_EQ(astana->date.ToString(), "2017-05-03/2017-05-04");
  EXPECT_EQ(Targets(kAstana, EdgeKind::kHeldIn), std::set<std::string>{"place/astana"});
  int summits_g20 = 0, summits_astana = 0;
  for (const Node* n : graph_->Nodes()) {
    summits_g20 += n->id.rfind("summit/g20/", 0) == 0;
    summits_astana += n->id.rfind("summit/astana-talks/", 0) == 0;
  }
  EXPECT_EQ(summits_g20, 1);
  EXPECT_EQ(summits_astana, 1);
  std::set<std::string> referred = Targets(kCall0502, EdgeKind::kRefersTo);
  EXPECT_TRUE(referred.count(kG20));
  EXPECT_TRUE(referred.count(kAstana));
  const Edge* plan = graph_->FindEdge(kCall0502, kG20, EdgeKind::kRefersTo);
  EXPECT_EQ(std::get<std::string>(plan->attrs.at("tense")), "planned");
  // Both articles of the May call look ahead to both.
  EXPECT_EQ(Targets(kG20, EdgeKind::kReportedBy).size(), 2u);
  EXPECT_EQ(Targets(kAstana, EdgeKind::kReportedBy).size(), 2u);
}

TEST_F(SeedsTest, IssuesOfEachCallWithTheirSentences) {
  struct Case {
    const char* call;
    std::vector<std::string> issues;
  };
  const Case kCases[] = {
      {kCall0128, {"syrian-civil-war"}},
      {kCall0502, {"syrian-civil-war", "north-korea-nuclear-programme", "terrorism", "ceasefire"}},
      {kCall1121,
       {"syrian-civil-war", "north-korea-nuclear-programme", "war-in-ukraine", "terrorism"}},
      {kCall2025,
       {"war-in-ukraine", "ceasefire", "energy-infrastructure-strikes", "prisoner-exchange",
        "black-sea-shipping"}},
  };
  for (const Case& c : kCases) {
    std::set<std::string> discussed = Targets(c.call, EdgeKind::kDiscussed);
    for (const std::string& issue : c.issues) {
      SCOPED_TRACE(std::string(c.call) + " discussed " + issue);
      ASSERT_TRUE(discussed.count("issue/" + issue));
      const Edge* e = graph_->FindEdge(c.call, "issue/" + issue, EdgeKind::kDiscussed);
      ASSERT_FALSE(e->evidence.empty());
      EXPECT_FALSE(e->evidence.front().text.empty());
    }
  }
}

TEST_F(SeedsTest, BackgroundPlacesAreNotTopics) {
  // Iraq and Libya in 000 are history, named as places only.
  EXPECT_NE(graph_->FindNode("place/iraq"), nullptr);
  EXPECT_NE(graph_->FindNode("place/libya"), nullptr);
  for (const Edge* e : graph_->Edges()) {
    if (e->kind != EdgeKind::kDiscussed) continue;
    SCOPED_TRACE(e->source + " -> " + e->target);
    EXPECT_EQ(e->target.find("iraq"), std::string::npos);
    EXPECT_EQ(e->target.find("libya"), std::string::npos);
  }
}

TEST_F(SeedsTest, PeopleMentionedInPassingAreLeadersButNotParticipants) {
  for (const char* id :
       {"leader/saddam-hussein", "leader/muammar-gaddafi", "leader/barack-obama",
        "leader/bashar-al-assad", "leader/rex-tillerson", "leader/volodymyr-zelensky"}) {
    SCOPED_TRACE(id);
    const Node* n = graph_->FindNode(id);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->kind, NodeKind::kLeader);
    for (const Edge* e : graph_->OutEdges(id)) EXPECT_NE(e->kind, EdgeKind::kParticipant);
  }
}

TEST_F(SeedsTest, NoEventsFromCommentsOrJunk) {
  for (const Node* n : graph_->Nodes()) {
    if (!IsEventKind(n->kind)) continue;
    for (const Edge* e : graph_->OutEdges(n->id)) {
      for (const Evidence& ev : e->evidence) {
        SCOPED_TRACE(n->id + ": " + ev.text);
        EXPECT_EQ(ev.text.find("Log Out"), std::string::npos);
        EXPECT_EQ(ev.text.find("Valium"), std::string::npos);
      }
    }
  }
}

TEST_F(SeedsTest, SameGraphInAnyOrderInBatchesOrTwice) {
  std::vector<Document> docs = ReadSeeds();
  const std::string expected = NativeJsonString(*graph_);
  std::mt19937 rng(11);
  for (int trial = 0; trial < 5; ++trial) {
    std::shuffle(docs.begin(), docs.end(), rng);
    SCOPED_TRACE(trial);
    EXPECT_EQ(NativeJsonString(Ingest(docs)), expected);
  }
  // Two batches, the second merged into the graph of the first.
  EventGraph first = Ingest({docs.begin(), docs.begin() + 2});
  EventGraph second = Ingest({docs.begin() + 2, docs.end()});
  ASSERT_TRUE(first.Merge(second).ok());
  ASSERT_TRUE(MergeEvents(&first).ok());
  EXPECT_EQ(NativeJsonString(first), expected);
  // Everything twice.
  std::vector<Document> twice = docs;
  twice.insert(twice.end(), docs.begin(), docs.end());
  EXPECT_EQ(NativeJsonString(Ingest(twice)), expected);
}

}  // namespace
}  // namespace etkg

// The questions users ask of the seeds' graph.

namespace etkg {
namespace {

TEST_F(SeedsTest, TimelineOfPutinListsTheFourCallsInOrder) {
  Result<const Node*> putin = FindByName(*graph_, "putin");
  ASSERT_TRUE(putin.ok());
  std::vector<std::string> calls;
  for (const TimelineEntry& e : Timeline(*graph_, {*putin}, ViewFilter())) {
    if (e.event->kind == NodeKind::kCall) calls.push_back(e.event->id);
  }
  EXPECT_EQ(calls, (std::vector<std::string>{kCall0502, kCall1121, kCall2025, kCall0128}));
}

TEST_F(SeedsTest, PathFromAstanaToG20GoesThroughTheMayCall) {
  Result<const Node*> astana = FindByName(*graph_, "Astana");
  Result<const Node*> g20 = FindByName(*graph_, "G20");
  ASSERT_TRUE(astana.ok() && g20.ok());
  std::vector<PathStep> path = ShortestPath(*graph_, **astana, **g20, false, ViewFilter());
  ASSERT_FALSE(path.empty());
  bool through_call = false;
  for (const PathStep& step : path) through_call = through_call || step.node->id == kCall0502;
  EXPECT_TRUE(through_call);
  EXPECT_EQ(path.back().node->id, kG20);
}

TEST_F(SeedsTest, BetweenTrumpAndPutinListsTheFourCallsWithTheirIssues) {
  Result<const Node*> trump = FindByName(*graph_, "Trump");
  Result<const Node*> putin = FindByName(*graph_, "Putin");
  ASSERT_TRUE(trump.ok() && putin.ok());
  std::vector<TimelineEntry> entries = Between(*graph_, **trump, **putin, ViewFilter());
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].event->id, kCall0502);
  EXPECT_EQ(entries[3].event->id, kCall0128);
  EXPECT_TRUE(entries[3].partial);
  for (const TimelineEntry& e : entries) {
    SCOPED_TRACE(e.event->id);
    EXPECT_FALSE(e.issues.empty());
  }
}

}  // namespace
}  // namespace etkg
