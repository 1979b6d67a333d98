// DOT through cgraph and SVG through gvc.
#include "exporters/dot.h"

#include <sstream>

#include <gtest/gtest.h>

#include "tests/golden.h"

namespace etkg {
EventGraph SmallGraph();  // native_json_test.cc
namespace {

TEST(DotTest, MatchesGoldenFile) {
  std::ostringstream out;
  ASSERT_TRUE(WriteDot(SmallGraph(), DotOptions(), out).ok());
  testing::ExpectGolden("exporters/golden/small.dot", out.str());
}

TEST(DotTest, StylesKindsAndDatesEdges) {
  std::ostringstream out;
  ASSERT_TRUE(WriteDot(SmallGraph(), DotOptions(), out).ok());
  std::string dot = out.str();
  EXPECT_NE(dot.find("digraph"), std::string::npos);
  EXPECT_NE(dot.find("shape=octagon"), std::string::npos);  // The summit.
  EXPECT_NE(dot.find("2017-07-07/2017-07-08"), std::string::npos);
  // A link dated as the event it joins says only its kind: the event's
  // node shows the date.
  EXPECT_EQ(dot.find("participant\\n2017-05-02"), std::string::npos);
  EXPECT_NE(dot.find("label=participant"), std::string::npos);
  // A backslash in a label is doubled: cgraph 2.42 does not do it.
  EXPECT_NE(dot.find("\\\\ summit"), std::string::npos);
}

TEST(DotTest, ALinkDatedOtherwiseThanItsEndsShowsItsDate) {
  EventGraph g = SmallGraph();
  Edge e;
  e.source = "leader/vladimir-putin";
  e.target = "summit/g20/2017";
  e.kind = EdgeKind::kParticipant;
  e.date = *DateValue::Parse("2017-07-08");
  ASSERT_TRUE(g.AddEdge(e).ok());
  std::ostringstream out;
  ASSERT_TRUE(WriteDot(g, DotOptions(), out).ok());
  EXPECT_NE(out.str().find("participant\\n2017-07-08"), std::string::npos) << out.str();
}

// Dense views go to sfdp, however few their nodes: dot's crossing
// minimisation grows with the links.
TEST(DotTest, TheEngineFollowsDensity) {
  EventGraph g;
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(
        g.AddNode({"leader/l" + std::to_string(i), NodeKind::kLeader, "L", {}, {}, {}}).ok());
  }
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) {
      if (i == j) continue;
      Edge e;
      e.source = "leader/l" + std::to_string(i);
      e.target = "leader/l" + std::to_string(j);
      e.kind = EdgeKind::kRefersTo;
      ASSERT_TRUE(g.AddEdge(e).ok());
    }
  }
  std::ostringstream out;
  std::string note;
  ASSERT_TRUE(RenderImage(WholeGraph(g), DotOptions(), "svg", out, &note).ok());
  EXPECT_NE(note.find("40 nodes and 1560 links: sfdp"), std::string::npos) << note;
  note.clear();
  ASSERT_TRUE(RenderImage(WholeGraph(SmallGraph()), DotOptions(), "svg", out, &note).ok());
  EXPECT_NE(note.find(": dot"), std::string::npos) << note;
}

// 400 nodes and 800 random links: within dot's limits, and more than dot
// lays out in seconds (sfdp takes a fraction of one). The diagram is drawn
// all the same, and the note says how.
TEST(DotTest, ADotLayoutOutOfTimeFallsBackToSfdp) {
  EventGraph g;
  for (int i = 0; i < 400; ++i) {
    Node n{"leader/l" + std::to_string(i),
           NodeKind::kLeader,
           "Leader " + std::to_string(i),
           {},
           {},
           {}};
    ASSERT_TRUE(g.AddNode(n).ok());
  }
  uint32_t seed = 3;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  while (g.num_edges() < 800) {
    Edge e;
    e.source = "leader/l" + std::to_string(next() % 400);
    e.target = "leader/l" + std::to_string(next() % 400);
    e.kind = EdgeKind::kParticipant;  // Links that rank.
    if (e.source != e.target) ASSERT_TRUE(g.AddEdge(e).ok());
  }
  DotOptions options;
  options.time_limit_seconds = 3;
  std::ostringstream out;
  std::string note;
  Status s = RenderImage(WholeGraph(g), options, "svg", out, &note);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(note.find("dot ran past the time limit of 3 s, so sfdp drew it"), std::string::npos)
      << note;
  EXPECT_NE(out.str().find("<svg"), std::string::npos);
}

TEST(DotTest, RendersSvg) {
  std::ostringstream out;
  Status s = RenderImage(SmallGraph(), DotOptions(), "svg", out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::string svg = out.str();
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Vladimir Putin"), std::string::npos);
  EXPECT_NE(svg.find("&lt;&amp;&gt;"), std::string::npos);  // XML-escaped label.
}

TEST(DotTest, RejectsUnknownImageFormat) {
  std::ostringstream out;
  EXPECT_EQ(RenderImage(SmallGraph(), DotOptions(), "bmpx", out).code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace etkg

namespace etkg {
namespace {

TEST(DotTest, ALayoutOverItsTimeLimitIsGivenUp) {
  DotOptions options;
  options.time_limit_seconds = 0;
  std::ostringstream out;
  Status s = RenderImage(SmallGraph(), options, "svg", out);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("longer than 0 s"), std::string::npos) << s.message();
  EXPECT_TRUE(out.str().empty());
}

TEST(DotTest, MentionsAreLeftOutUnlessAsked) {
  EventGraph g = SmallGraph();
  ASSERT_TRUE(g.AddNode({"doc/d", NodeKind::kDocument, "D", {}, {}, {}}).ok());
  ASSERT_TRUE(g.AddNode({"place/libya", NodeKind::kPlace, "Libya", {}, {}, {}}).ok());
  Edge m;
  m.source = "doc/d";
  m.target = "place/libya";
  m.kind = EdgeKind::kMentions;
  ASSERT_TRUE(g.AddEdge(m).ok());
  DotOptions options;
  std::ostringstream hidden, shown;
  ASSERT_TRUE(WriteDot(g, options, hidden).ok());
  EXPECT_EQ(hidden.str().find("Libya"), std::string::npos);
  options.show_mentions = true;
  ASSERT_TRUE(WriteDot(g, options, shown).ok());
  EXPECT_NE(shown.str().find("Libya"), std::string::npos);
}

}  // namespace
}  // namespace etkg
