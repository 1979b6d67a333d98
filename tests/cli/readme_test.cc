// The README's query examples, run as written on the graph they describe
// (the examples' own): each must answer, not fail on an ambiguous name or
// find no chain.
#include <fstream>
#include <sstream>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

// Shell words of `line`: spaces part them, double quotes group them, and a
// '#' outside quotes starts a comment.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted, any = true;
    } else if (c == '#' && !quoted) {
      break;
    } else if (c == ' ' && !quoted) {
      if (any) words.push_back(word);
      word.clear(), any = false;
    } else {
      word += c, any = true;
    }
  }
  if (any) words.push_back(word);
  return words;
}

TEST_F(CliTest, TheReadmesQueriesAnswerOnTheExamples) {
  IngestExamples();
  WriteFile(Path("pairs.tsv"), "Astana talks\tG20 2017\nPutin\tHelsinki\n");
  std::ifstream readme(std::string(ETKG_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(readme) << "no README.md";
  const std::string prefix = "build/etkg query graph.json ";
  int run = 0;
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::vector<std::string> args = Words(line.substr(std::string("build/etkg ").size()));
    ASSERT_GE(args.size(), 3u) << line;
    args[1] = Path("g.json");
    for (std::string& arg : args) {
      if (arg == "pairs.tsv") arg = Path("pairs.tsv");
    }
    RunResult r = Etkg(args);
    EXPECT_EQ(r.exit_code, 0) << line << "\n" << r.err;
    EXPECT_FALSE(r.out.empty()) << line;
    ++run;
  }
  EXPECT_GE(run, 8);
}

}  // namespace
}  // namespace etkg
