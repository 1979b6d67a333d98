// The HTML page of `etkg export --format html`: self-contained (nothing
// loaded from the network), its data parses back to the graph, and no text
// in the graph can end the data's <script> element.
#include "exporters/html.h"

#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace etkg {
EventGraph SmallGraph();  // native_json_test.cc
namespace {

constexpr char kDataOpen[] = "<script type=\"application/json\" id=\"etkg-data\">";
constexpr char kHostileLabel[] = "</script><script>alert(1)</script>";

// SmallGraph, a document whose title tries to close the script element,
// and evidence with "<!--" and the two JavaScript line separators.
EventGraph HostileGraph() {
  EventGraph g = SmallGraph();
  Node doc{"doc/000", NodeKind::kDocument, kHostileLabel, {}, *DateValue::Parse("2017-05-03"), {}};
  doc.attrs["url"] = std::string("https://example.org/readout?a=1&b=</script>");
  EXPECT_TRUE(g.AddNode(doc).ok());
  Edge e;
  e.source = "call/2017-05-02/donald-trump+vladimir-putin";
  e.target = "doc/000";
  e.kind = EdgeKind::kReportedBy;
  e.evidence = {{"000", 0, 10, "<!-- <script> a\xE2\x80\xA8line\xE2\x80\xA9para </SCRIPT >"}};
  EXPECT_TRUE(g.AddEdge(e).ok());
  return g;
}

// The text of the data element, or "" if the page has none.
std::string DataOf(const std::string& page) {
  size_t open = page.find(kDataOpen);
  if (open == std::string::npos) return "";
  open += sizeof kDataOpen - 1;
  size_t close = page.find("</script>", open);
  return close == std::string::npos ? "" : page.substr(open, close - open);
}

// The page without the text of its data element.
std::string WithoutData(std::string page) {
  const std::string data = DataOf(page);
  page.replace(page.find(kDataOpen) + sizeof kDataOpen - 1, data.size(), "");
  return page;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class HtmlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HtmlViewerBuilt()) {
      GraphView view = WholeGraph(graph_);
      EXPECT_NE(HtmlPage(view, nullptr, "t").find("was not built"), std::string::npos);
      GTEST_SKIP() << "the HTML viewer was not built (no npm when etkg was configured)";
    }
  }
  EventGraph graph_ = HostileGraph();
};

TEST_F(HtmlTest, NoTextCanCloseTheDataScript) {
  GraphView view = WholeGraph(graph_);
  const std::string page = HtmlPage(view, nullptr, kHostileLabel);
  const std::string data = DataOf(page);
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(data.find("</"), std::string::npos);
  EXPECT_EQ(data.find("<!--"), std::string::npos);
  EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(data.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_NE(data.find(R"(<\/script><script>alert(1)<\/script>)"), std::string::npos);
  // The data, the library and the viewer, and no script element of the
  // data's: the text of the data ends where the data does.
  EXPECT_EQ(Count(WithoutData(page), "<script"), 3u);
  EXPECT_EQ(Count(page, "alert(1)</script>"), 0u);
  // The title is HTML, escaped as such.
  EXPECT_NE(page.find("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; — etkg</title>"),
            std::string::npos);
}

TEST_F(HtmlTest, DataReadsBackAsTheOriginalText) {
  GraphView view = WholeGraph(graph_);
  const std::string data = DataOf(HtmlPage(view, nullptr, "small"));
  rapidjson::Document doc;
  doc.Parse(data.c_str());
  ASSERT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
  EXPECT_STREQ(doc["schema"].GetString(), "etkg.html/1");
  EXPECT_STREQ(doc["title"].GetString(), "small");
  const auto& nodes = doc["elements"]["nodes"];
  const auto& edges = doc["elements"]["edges"];
  ASSERT_EQ(nodes.Size(), view.nodes.size());
  ASSERT_EQ(edges.Size(), view.edges.size());
  const auto& documents = doc["documents"];
  ASSERT_TRUE(documents.HasMember("000"));
  EXPECT_STREQ(documents["000"]["label"].GetString(), kHostileLabel);
  EXPECT_STREQ(documents["000"]["id"].GetString(), "doc/000");
  EXPECT_STREQ(documents["000"]["url"].GetString(), "https://example.org/readout?a=1&b=</script>");
  bool found = false;
  for (const auto& e : edges.GetArray()) {
    if (std::string(e["data"]["kind"].GetString()) != "reported_by") continue;
    EXPECT_STREQ(e["data"]["evidence"][0]["text"].GetString(),
                 "<!-- <script> a\xE2\x80\xA8line\xE2\x80\xA9para </SCRIPT >");
    found = true;
  }
  EXPECT_TRUE(found);
  for (const auto& n : nodes.GetArray()) {
    EXPECT_FALSE(n.HasMember("position"));
    EXPECT_FALSE(n["data"].HasMember("type"));
  }
}

TEST_F(HtmlTest, PositionsGoToEveryNode) {
  GraphView view = WholeGraph(graph_);
  ASSERT_GE(view.nodes.size(), 2u);  // Else the loop below checks nothing.
  Positions positions;
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    positions[view.nodes[i]->id] = {10.0 * static_cast<double>(i), 5.0};
  }
  rapidjson::Document doc;
  doc.Parse(DataOf(HtmlPage(view, &positions, "placed")).c_str());
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_EQ(doc["elements"]["nodes"].Size(), view.nodes.size());
  for (const auto& n : doc["elements"]["nodes"].GetArray()) {
    ASSERT_TRUE(n.HasMember("position")) << n["data"]["id"].GetString();
    EXPECT_EQ(n["position"]["y"].GetDouble(), 5.0);
  }
}

TEST_F(HtmlTest, LoadsNothingFromTheNetwork) {
  GraphView view = WholeGraph(graph_);
  // Addresses in the data are text for the reader, not resources.
  const std::string page = WithoutData(HtmlPage(view, nullptr, "small"));
  const std::regex remote(R"((src|href|action|poster)\s*=\s*["']?\s*(https?:)?//)",
                          std::regex::icase);
  EXPECT_FALSE(std::regex_search(page, remote));
  EXPECT_FALSE(std::regex_search(page, std::regex(R"(url\(\s*["']?\s*(https?:)?//)")));
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  // And says so to the browser, which then refuses any fetch.
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
}

TEST_F(HtmlTest, TextThatLooksLikeAMarkerIsNotFilled) {
  Node odd{"issue/odd", NodeKind::kIssue, "{{app}} {{data}} {{style}}", {}, {}, {}};
  ASSERT_TRUE(graph_.AddNode(odd).ok());
  GraphView view = WholeGraph(graph_);
  const std::string page = HtmlPage(view, nullptr, "{{cytoscape}}");
  EXPECT_NE(DataOf(page).find("{{app}} {{data}} {{style}}"), std::string::npos);
  EXPECT_NE(page.find("<title>{{cytoscape}} — etkg</title>"), std::string::npos);
  // One copy of the viewer's script, of the library and of the style.
  EXPECT_EQ(Count(page, "The etkg viewer: a Cytoscape.js network"), 1u);
  EXPECT_EQ(Count(page, "The etkg viewer: header, legend"), 1u);
  EXPECT_EQ(Count(WithoutData(page), "<script>"), 2u);
}

}  // namespace
}  // namespace etkg
