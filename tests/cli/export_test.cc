// `etkg export`'s formats: one table gives the help, the check of --format,
// the format -o's extension names and the writer.
#include <set>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

TEST_F(CliTest, TheFormatFollowsTheOutputsExtension) {
  IngestExamples();
  struct Want {
    const char* file;
    const char* starts;  // What the file begins with.
  };
  for (const Want& w : {Want{"g.svg", "<?xml"}, Want{"G.SVG", "<?xml"}, Want{"g.dot", "digraph"},
                        Want{"g.graphml", "<?xml"}, Want{"g.pdf", "%PDF"}, Want{"g.png", "\x89PNG"},
                        Want{"copy.json", "{"}}) {
    RunResult r = Etkg({"export", Path("g.json"), "-o", Path(w.file), "-q"});
    ASSERT_EQ(r.exit_code, 0) << w.file << ": " << r.err;
    EXPECT_EQ(ReadFile(Path(w.file)).rfind(w.starts, 0), 0u) << w.file;
  }
  EXPECT_NE(ReadFile(Path("g.graphml")).find("<graphml"), std::string::npos);
  // No extension it knows: native JSON, as without -o.
  ASSERT_EQ(Etkg({"export", Path("g.json"), "-o", Path("g.out")}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("g.out")), ReadFile(Path("copy.json")));
}

TEST_F(CliTest, AFormatIsNamedInAnyCase) {
  IngestExamples();
  RunResult upper = Etkg({"export", Path("g.json"), "--format", "SVG", "-o", Path("u.svg"), "-q"});
  ASSERT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_EQ(ReadFile(Path("u.svg")).rfind("<?xml", 0), 0u);
  RunResult bad = Etkg({"export", Path("g.json"), "--format", "jpeg", "-o", Path("g.jpeg")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("graphml"), std::string::npos) << bad.err;  // The formats it knows.
}

TEST_F(CliTest, AFormatThatIsNotTheExtensionsIsSaid) {
  IngestExamples();
  RunResult r = Etkg({"export", Path("g.json"), "--format", "json", "-o", Path("g.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("whose extension says svg"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(Path("g.svg")).rfind("{", 0), 0u);  // What was asked for.
  // The JSON of a viewer goes in a .json without a word.
  RunResult viewer =
      Etkg({"export", Path("g.json"), "--format", "cytoscape", "-o", Path("c.json")});
  ASSERT_EQ(viewer.exit_code, 0) << viewer.err;
  EXPECT_EQ(viewer.err, "");
}

// A page too big for sfdp in the time given is written all the same,
// without positions: the page lays the graph out itself.
TEST_F(CliTest, APageIsWrittenWhenTheLayoutRunsOutOfTime) {
  std::string json = "{\"schema\": \"etkg.graph/1\", \"nodes\": [";
  const int nodes = 6000;
  for (int i = 0; i < nodes; ++i) {
    json += std::string(i ? "," : "") + "{\"id\": \"issue/i" + std::to_string(i) +
            "\", \"kind\": \"issue\", \"label\": \"Issue " + std::to_string(i) + "\"}";
  }
  json += "], \"edges\": [";
  uint32_t seed = 7;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  std::set<std::pair<uint32_t, uint32_t>> seen;
  while (seen.size() < 30000) {
    uint32_t a = next() % nodes, b = next() % nodes;
    if (a == b || !seen.insert({a, b}).second) continue;
    json += std::string(seen.size() > 1 ? "," : "") + "{\"source\": \"issue/i" + std::to_string(a) +
            "\", \"target\": \"issue/i" + std::to_string(b) + "\", \"kind\": \"concerns\"}";
  }
  json += "]}";
  WriteFile(Path("big.json"), json);
  RunResult r = Etkg({"export", Path("big.json"), "-o", Path("big.html"), "--time-limit", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("the page will lay the graph out itself"), std::string::npos) << r.err;
  EXPECT_NE(ReadFile(Path("big.html")).find("issue/i5999"), std::string::npos);
}

}  // namespace
}  // namespace etkg
