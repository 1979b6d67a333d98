// One event by its sources, on hand-made graphs: two readouts of one call
// that share some facts, state others alone, and disagree on the date, the
// length and the name of a topic.
#include "graph/sources.h"

#include <gtest/gtest.h>

#include "graph/view.h"

namespace etkg {
namespace {

class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Add("leader/a", NodeKind::kLeader, "Anna Alpha");
    Add("leader/b", NodeKind::kLeader, "Boris Beta");
    Add("doc/kremlin", NodeKind::kDocument, "Telephone conversation", {{"issuer", "Kremlin"}});
    Add("doc/wh", NodeKind::kDocument, "Readout of the call", {{"issuer", "White House"}});
    Add("call/2017-05-02/a+b", NodeKind::kCall, "Alpha–Beta call");
    Add("issue/syria", NodeKind::kIssue, "Syrian civil war");
    Add("issue/terrorism", NodeKind::kIssue, "Terrorism");
    Add("issue/security-zones", NodeKind::kIssue, "Security zones");
    Add("issue/de-escalation-zones", NodeKind::kIssue, "De-escalation zones");
    Add("issue/nk-programme", NodeKind::kIssue, "North Korea nuclear programme");
    Add("issue/kr-us", NodeKind::kIssue, "South Korea–United States relations");
    Add("place/north-korea", NodeKind::kPlace, "North Korea");
    Add("place/south-korea", NodeKind::kPlace, "South Korea");
    Add("place/united-states", NodeKind::kPlace, "United States");
    Link("issue/nk-programme", "place/north-korea", EdgeKind::kConcerns, {});
    Link("issue/kr-us", "place/south-korea", EdgeKind::kConcerns, {});
    Link("issue/kr-us", "place/united-states", EdgeKind::kConcerns, {});

    const std::string call = "call/2017-05-02/a+b";
    Report(call, "doc/kremlin", "2017-05-02", 60);
    Report(call, "doc/wh", "2017-05-03", 90);
    Link("leader/a", call, EdgeKind::kParticipant, {"kremlin", "wh"});
    Link("leader/b", call, EdgeKind::kParticipant, {"kremlin", "wh"});
    Link(call, "issue/syria", EdgeKind::kDiscussed, {"wh", "kremlin"});
    Link(call, "issue/terrorism", EdgeKind::kDiscussed, {"wh"});
    Link(call, "issue/security-zones", EdgeKind::kDiscussed, {"kremlin"});
    Link(call, "issue/de-escalation-zones", EdgeKind::kDiscussed, {"wh"});
    Link(call, "issue/nk-programme", EdgeKind::kDiscussed, {"kremlin"});
    Link(call, "issue/kr-us", EdgeKind::kDiscussed, {"wh"});
  }

  void Add(const std::string& id, NodeKind kind, const std::string& label,
           std::initializer_list<Attributes::value_type> attrs = {}) {
    Node n;
    n.id = id;
    n.kind = kind;
    n.label = label;
    n.attrs = Attributes(attrs);
    // An event's date is in its id: "call/2017-05-02/a+b".
    if (IsEventKind(kind)) n.date = *DateValue::Parse(id.substr(5, id.rfind('/') - 5));
    ASSERT_TRUE(g_.AddNode(n).ok());
  }
  // An edge whose evidence is one sentence from each of `docs`.
  void Link(const std::string& source, const std::string& target, EdgeKind kind,
            const std::vector<std::string>& docs) {
    Edge e;
    e.source = source;
    e.target = target;
    e.kind = kind;
    for (const std::string& doc : docs) {
      e.evidence.push_back(Evidence{doc, 0, 10, "A sentence of " + doc + " on " + target + "."});
    }
    ASSERT_TRUE(g_.AddEdge(e).ok());
  }
  void Report(const std::string& event, const std::string& doc, const char* stated, int minutes) {
    Edge e;
    e.source = event;
    e.target = doc;
    e.kind = EdgeKind::kReportedBy;
    e.attrs["stated_date"] = std::string(stated);
    e.attrs["stated_date_rule"] = std::string("explicit");
    if (minutes > 0) e.attrs["stated_duration_min"] = static_cast<int64_t>(minutes);
    ASSERT_TRUE(g_.AddEdge(e).ok());
  }
  const SourcedFact* Fact(const EventSources& c, FactKind kind, const std::string& value) {
    for (const SourcedFact& f : c.facts) {
      if (f.kind == kind && f.value == value) return &f;
    }
    return nullptr;
  }

  EventGraph g_;
};

TEST_F(SourcesTest, SharedFactsAndFactsOfOneSideOnly) {
  EventSources c = CompareSources(g_, *g_.FindNode("call/2017-05-02/a+b"));
  ASSERT_EQ(c.sources.size(), 2u);
  EXPECT_EQ(c.sources[0].document->id, "doc/kremlin");
  EXPECT_EQ(c.sources[0].issuer, "Kremlin");
  EXPECT_EQ(c.sources[1].issuer, "White House");

  const SourcedFact* anna = Fact(c, FactKind::kParticipant, "Anna Alpha");
  ASSERT_NE(anna, nullptr);
  EXPECT_TRUE(c.Shared(*anna));
  const SourcedFact* syria = Fact(c, FactKind::kTopic, "Syrian civil war");
  ASSERT_NE(syria, nullptr);
  EXPECT_TRUE(c.Shared(*syria));
  // Its sentences in the order of the sources, whatever the edge's order.
  ASSERT_EQ(syria->evidence.size(), 2u);
  EXPECT_EQ(syria->evidence[0].doc, "kremlin");

  const SourcedFact* terrorism = Fact(c, FactKind::kTopic, "Terrorism");
  ASSERT_NE(terrorism, nullptr);
  EXPECT_TRUE(c.Partial(*terrorism));
  EXPECT_EQ(terrorism->sources, std::vector<size_t>({1}));
  ASSERT_EQ(terrorism->evidence.size(), 1u);
  EXPECT_EQ(terrorism->evidence[0].text, "A sentence of wh on issue/terrorism.");
}

TEST_F(SourcesTest, DatesLengthsAndNamesThatDisagree) {
  EventSources c = CompareSources(g_, *g_.FindNode("call/2017-05-02/a+b"));
  const SourcedFact* may2 = Fact(c, FactKind::kDate, "2017-05-02");
  const SourcedFact* may3 = Fact(c, FactKind::kDate, "2017-05-03");
  ASSERT_TRUE(may2 && may3);
  EXPECT_EQ(may2->sources, std::vector<size_t>({0}));
  EXPECT_EQ(may3->sources, std::vector<size_t>({1}));
  ASSERT_TRUE(Fact(c, FactKind::kDuration, "60 min") && Fact(c, FactKind::kDuration, "90 min"));

  std::vector<std::string> seen;
  for (const Disagreement& d : c.disagreements) {
    std::string sides;
    for (size_t f : d.facts) sides += " " + c.facts[f].value;
    seen.push_back(std::string(FactKindName(d.about)) + ":" + sides + " (" + d.note + ")");
  }
  // "zones" in both names; the Korean topics share only a place's word.
  EXPECT_EQ(seen, std::vector<std::string>(
                      {"date: 2017-05-02 2017-05-03 (1 day apart)",
                       "duration: 60 min 90 min (lengths differ)",
                       "topic: De-escalation zones Security zones (may name one topic two ways)"}));
  // Each fact stated by one side only counts (two dates, two lengths, five
  // topics), and so does each disagreement.
  EXPECT_EQ(c.Differences(), 12u);
}

TEST_F(SourcesTest, ADateThatContainsTheOtherIsNoDisagreement) {
  Add("call/2020-03/a+b", NodeKind::kCall, "Alpha–Beta call");
  Report("call/2020-03/a+b", "doc/kremlin", "2020-03", 0);
  Report("call/2020-03/a+b", "doc/wh", "2020-03-05", 0);
  EventSources c = CompareSources(g_, *g_.FindNode("call/2020-03/a+b"));
  EXPECT_TRUE(c.disagreements.empty());
  EXPECT_EQ(c.Differences(), 2u);  // Each date is one side's.
}

TEST_F(SourcesTest, DivergenceRanksEventsWhoseSourcesDiffer) {
  // One source: nothing to compare. Two that agree: no difference.
  Add("call/2018-01-01/a+b", NodeKind::kCall, "Alpha–Beta call");
  Report("call/2018-01-01/a+b", "doc/wh", "2018-01-01", 0);
  Link(g_.FindNode("call/2018-01-01/a+b")->id, "issue/terrorism", EdgeKind::kDiscussed, {"wh"});
  Add("call/2019-01-01/a+b", NodeKind::kCall, "Alpha–Beta call");
  Report("call/2019-01-01/a+b", "doc/wh", "2019-01-01", 0);
  Report("call/2019-01-01/a+b", "doc/kremlin", "2019-01-01", 0);
  Link("call/2019-01-01/a+b", "issue/syria", EdgeKind::kDiscussed, {"wh", "kremlin"});
  // Two that differ in one topic.
  Add("call/2019-06-01/a+b", NodeKind::kCall, "Alpha–Beta call");
  Report("call/2019-06-01/a+b", "doc/wh", "2019-06-01", 0);
  Report("call/2019-06-01/a+b", "doc/kremlin", "2019-06-01", 0);
  Link("call/2019-06-01/a+b", "issue/syria", EdgeKind::kDiscussed, {"kremlin"});

  std::vector<EventSources> ranked = RankDivergence(g_, ViewFilter());
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].event->id, "call/2017-05-02/a+b");
  EXPECT_EQ(ranked[1].event->id, "call/2019-06-01/a+b");
  EXPECT_EQ(ranked[1].Differences(), 1u);

  ViewFilter only_2019;
  only_2019.from = *DateValue::Parse("2019");
  only_2019.to = *DateValue::Parse("2019");
  ranked = RankDivergence(g_, only_2019);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].event->id, "call/2019-06-01/a+b");
}

TEST_F(SourcesTest, AViewComparesAsTheGraphDoes) {
  const Node& call = *g_.FindNode("call/2017-05-02/a+b");
  EventSources whole = CompareSources(g_, call);
  EventSources viewed = ViewSources(WholeGraph(g_)).Compare(call);
  ASSERT_EQ(viewed.facts.size(), whole.facts.size());
  for (size_t i = 0; i < whole.facts.size(); ++i) {
    EXPECT_EQ(viewed.facts[i].value, whole.facts[i].value);
    EXPECT_EQ(viewed.facts[i].sources, whole.facts[i].sources);
  }
  EXPECT_EQ(viewed.disagreements.size(), whole.disagreements.size());
  // A view without the White House's document has one source left.
  GraphView part = WholeGraph(g_);
  std::erase_if(part.nodes, [](const Node* n) { return n->id == "doc/wh"; });
  std::erase_if(part.edges, [](const Edge* e) { return e->target == "doc/wh"; });
  EventSources one = ViewSources(part).Compare(call);
  EXPECT_EQ(one.sources.size(), 1u);
  EXPECT_EQ(one.Differences(), 0u);
}

}  // namespace
}  // namespace etkg
