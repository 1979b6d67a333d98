// `etkg export`'s formats: one table gives the help, the check of --format,
// the format -o's extension names and the writer.
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

}  // namespace
}  // namespace etkg
