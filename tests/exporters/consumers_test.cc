// Every export format read back by a real consumer: Cytoscape.js (npm,
// headless), networkx (GraphML), Graphviz's dot (DOT), an XML parser (SVG);
// and a golden file per format on a small graph. A consumer that is not
// installed skips its test with the command that installs it.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "exporters/dot.h"
#include "exporters/native_json.h"
#include "exporters/web_formats.h"
#include "graph/event_merge.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "tests/golden.h"

namespace etkg {
EventGraph SmallGraph();  // native_json_test.cc
namespace {

namespace fs = std::filesystem;

// Debian's interpreter, for which run.sh installs python3-networkx; a
// python3 earlier on PATH (pyenv, a virtualenv) may lack it.
std::string Python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool Runs(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

class ConsumersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = new EventGraph();
    auto extractor = MakeExtractor(Gazetteer::Default());
    ASSERT_TRUE(extractor.ok());
    ReadDocuments(
        {std::string(ETKG_SOURCE_DIR) + "/examples/docs"}, {},
        [&](Document doc) {
          auto fragment = (*extractor)->Extract(doc);
          if (fragment.ok()) {
            EXPECT_TRUE(graph_->Merge(*fragment).ok());
          }
        },
        [](const Status& s) { ADD_FAILURE() << s.ToString(); });
    ASSERT_TRUE(MergeEvents(graph_).ok());
    dir_ =
        new fs::path(fs::temp_directory_path() / ("etkg-consumers-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete graph_;
  }

  static std::string Write(const std::string& name, const std::string& content) {
    std::string path = (*dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  static EventGraph* graph_;
  static fs::path* dir_;
};
EventGraph* ConsumersTest::graph_ = nullptr;
fs::path* ConsumersTest::dir_ = nullptr;

TEST_F(ConsumersTest, CytoscapeJsLoadsEveryElementAttached) {
  const std::string modules =
      std::string(ETKG_SOURCE_DIR) + "/tests/consumers/node_modules/cytoscape";
  if (!Runs("node --version") || !fs::exists(modules)) {
    GTEST_SKIP() << "Cytoscape.js is not installed: npm ci --prefix tests/consumers";
  }
  GraphView view = WholeGraph(*graph_);
  std::string file = Write("cy.json", CytoscapeJson(view, nullptr));
  std::string command = "node " + std::string(ETKG_SOURCE_DIR) +
                        "/tests/consumers/cytoscape_load.js " + file + " " +
                        std::to_string(view.nodes.size()) + " " + std::to_string(view.edges.size());
  EXPECT_TRUE(Runs(command)) << command;
  // With positions from sfdp, too.
  Result<Positions> positions = ComputePositions(view, 60);
  ASSERT_TRUE(positions.ok()) << positions.status().ToString();
  EXPECT_EQ(positions->size(), view.nodes.size());
  std::string placed = Write("cy-pos.json", CytoscapeJson(view, &*positions));
  EXPECT_TRUE(Runs("node " + std::string(ETKG_SOURCE_DIR) + "/tests/consumers/cytoscape_load.js " +
                   placed + " " + std::to_string(view.nodes.size()) + " " +
                   std::to_string(view.edges.size())));
}

TEST_F(ConsumersTest, NetworkxReadsTheGraphMlWithTheSameCounts) {
  if (!Runs(Python() + " -c 'import networkx'")) {
    GTEST_SKIP() << "networkx is not installed: apt-get install python3-networkx";
  }
  GraphView view = WholeGraph(*graph_);
  std::string file = Write("g.graphml", GraphMl(view));
  std::string check = Python() + " -c \"import networkx as nx, sys; g = nx.read_graphml('" + file +
                      "'); sys.exit(0 if (g.number_of_nodes(), g.number_of_edges()) == (" +
                      std::to_string(view.nodes.size()) + ", " + std::to_string(view.edges.size()) +
                      ") else 1)\"";
  EXPECT_TRUE(Runs(check)) << check;
  // Structured, as networkx reads them: documents keep their url and
  // issuer, reports their stated date, and every edge all its sentences.
  size_t urls = 0, sentences = 0;
  for (const Node* n : view.nodes) urls += n->attrs.contains("url");
  for (const Edge* e : view.edges) sentences += e->evidence.size();
  std::string fields =
      Python() + " -c \"import json, networkx as nx, sys; g = nx.read_graphml('" + file +
      "'); urls = sum(1 for _, d in g.nodes(data=True) if 'url' in d); "
      "said = sum(len(json.loads(d['evidence'])) for _, _, d in g.edges(data=True) "
      "if 'evidence' in d); "
      "counted = sum(d.get('evidence_count', 0) for _, _, d in g.edges(data=True)); "
      "issuers = sum(1 for _, d in g.nodes(data=True) if d.get('issuer') == 'Kremlin'); "
      "stated = sum(1 for _, _, d in g.edges(data=True) if 'stated_date' in d); "
      "sys.exit(0 if (urls, said, counted) == (" +
      std::to_string(urls) + ", " + std::to_string(sentences) + ", " + std::to_string(sentences) +
      ") and issuers >= 1 and stated >= 1 else 1)\"";
  EXPECT_GT(urls, 0u);
  EXPECT_TRUE(Runs(fields)) << fields;
}

TEST_F(ConsumersTest, DotAcceptsTheDotAndTheSvgIsXml) {
  std::ostringstream dot;
  ASSERT_TRUE(WriteDot(*graph_, DotOptions(), dot).ok());
  std::string dot_file = Write("g.dot", dot.str());
  if (Runs("dot -V")) {
    EXPECT_TRUE(Runs("dot -Tsvg " + dot_file + " -o " + (*dir_ / "cli.svg").string()));
  }
  std::ostringstream svg;
  std::string note;
  ASSERT_TRUE(RenderImage(WholeGraph(*graph_), DotOptions(), "svg", svg, &note).ok());
  EXPECT_NE(note.find("dot"), std::string::npos);
  std::string svg_file = Write("g.svg", svg.str());
  if (!Runs(Python() + " --version")) GTEST_SKIP() << "no python3 to parse the SVG";
  EXPECT_TRUE(
      Runs(Python() + " -c \"import xml.etree.ElementTree as E; E.parse('" + svg_file + "')\""));
}

TEST_F(ConsumersTest, D3AndVisTimelineLinkOnlyKnownIds) {
  if (!Runs(Python() + " --version")) GTEST_SKIP() << "no python3";
  GraphView view = WholeGraph(*graph_);
  std::string d3 = Write("d3.json", D3Json(view, nullptr));
  EXPECT_TRUE(Runs(Python() + " -c \"import json,sys; g=json.load(open('" + d3 +
                   "')); ids={n['id'] for n in g['nodes']}; sys.exit(0 if all(l['source'] in ids "
                   "and l['target'] in ids for l in g['links']) and len(ids)==len(g['nodes']) "
                   "else 1)\""));
  std::string vis = Write("vis.json", VisTimelineJson(view));
  EXPECT_TRUE(Runs(Python() + " -c \"import json,sys; t=json.load(open('" + vis +
                   "')); groups={g['id'] for g in t['groups']}; items=t['items']; "
                   "sys.exit(0 if items and all(i['group'] in groups and i['start'] and "
                   "('end' not in i or i['end'] > i['start']) for i in items) and "
                   "len({i['id'] for i in items})==len(items) else 1)\""));
  // What it cannot place is kept, with the reason.
  size_t yearless = 0;
  for (const Node* n : view.nodes) {
    yearless += IsEventKind(n->kind) && !n->date.FirstDay().has_value();
  }
  EXPECT_TRUE(Runs(Python() + " -c \"import json,sys; t=json.load(open('" + vis +
                   "')); u=t['unplaced']; sys.exit(0 if len(u)==" + std::to_string(yearless) +
                   " and all(x['reason'] in ('year unknown','no date') for x in u) else 1)\""));
}

TEST(WebFormatsTest, GoldenFiles) {
  // The small graph of native_json_test.cc: escaping, partial and interval
  // dates, attributes of every type.
  const EventGraph graph = SmallGraph();
  GraphView view = WholeGraph(graph);
  testing::ExpectGolden("exporters/golden/small.cytoscape.json", CytoscapeJson(view, nullptr));
  testing::ExpectGolden("exporters/golden/small.vis-timeline.json", VisTimelineJson(view));
  testing::ExpectGolden("exporters/golden/small.d3.json", D3Json(view, nullptr));
  testing::ExpectGolden("exporters/golden/small.graphml", GraphMl(view));
}

TEST(WebFormatsTest, EscapingIsRightInEveryFormat) {
  const EventGraph graph = SmallGraph();
  GraphView view = WholeGraph(graph);
  std::string graphml = GraphMl(view);
  EXPECT_NE(graphml.find("G20 &quot;Hamburg&quot; \\ summit\n&lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(graphml.find('\x01'), std::string::npos);  // Not allowed in XML 1.0.
  std::string cy = CytoscapeJson(view, nullptr);
  EXPECT_NE(cy.find(R"(G20 \"Hamburg\" \\ summit\n<&>)"), std::string::npos);
  EXPECT_NE(
      cy.find("\"edge:call/2017-05-02/donald-trump+vladimir-putin|refers_to|summit/g20/2017\""),
      std::string::npos);
  EXPECT_EQ(cy.find("\"type\""), std::string::npos);
}

}  // namespace
}  // namespace etkg
