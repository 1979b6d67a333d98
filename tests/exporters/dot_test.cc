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
  EXPECT_NE(dot.find("participant\\n2017-05-02"), std::string::npos);
  // A backslash in a label is doubled: cgraph 2.42 does not do it.
  EXPECT_NE(dot.find("\\\\ summit"), std::string::npos);
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
