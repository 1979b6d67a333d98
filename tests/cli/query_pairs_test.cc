// `etkg query GRAPH path --pairs FILE`: one answer a pair, the same chain a
// single `path` query gives, and bad lines named by file and line.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

// Four leaders: Anna and Boris share a call, Boris and Chen another, Dora
// none.
constexpr char kGraph[] = R"({"schema": "etkg.graph/1", "nodes": [
  {"id": "call/2020-01-01/a+b", "kind": "call", "label": "Anna–Boris call", "date": "2020-01-01"},
  {"id": "call/2021-01-01/b+c", "kind": "call", "label": "Boris–Chen call", "date": "2021-01-01"},
  {"id": "leader/a", "kind": "leader", "label": "Anna Alpha"},
  {"id": "leader/b", "kind": "leader", "label": "Boris Beta"},
  {"id": "leader/c", "kind": "leader", "label": "Chen Gamma"},
  {"id": "leader/d", "kind": "leader", "label": "Dora Delta"}
], "edges": [
  {"source": "leader/a", "target": "call/2020-01-01/a+b", "kind": "participant"},
  {"source": "leader/b", "target": "call/2020-01-01/a+b", "kind": "participant"},
  {"source": "leader/b", "target": "call/2021-01-01/b+c", "kind": "participant"},
  {"source": "leader/c", "target": "call/2021-01-01/b+c", "kind": "participant"}
]})";

class QueryPairsTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    WriteFile(dir_ / "g.json", kGraph);
  }
  RunResult Pairs(const std::string& lines, std::vector<std::string> more = {}) {
    WriteFile(dir_ / "pairs.txt", lines);
    std::vector<std::string> args = {"query", Path("g.json"), "path", "--pairs", Path("pairs.txt")};
    args.insert(args.end(), more.begin(), more.end());
    return Etkg(args);
  }
};

TEST_F(QueryPairsTest, OneAnswerAPairInFileOrder) {
  RunResult r = Pairs(
      "# from\tto\n"
      "Anna Alpha\tChen Gamma\n"
      "\n"
      "leader/c   leader/a\n"
      "alpha delta\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const size_t first = r.out.find("Anna Alpha —participant→ Anna–Boris call");
  const size_t second = r.out.find("Chen Gamma —participant→ Boris–Chen call");
  const size_t none = r.out.find("none");
  ASSERT_NE(first, std::string::npos) << r.out;
  ASSERT_NE(second, std::string::npos) << r.out;
  ASSERT_NE(none, std::string::npos) << r.out;  // Dora has no chain: an answer, not an error.
  EXPECT_LT(first, second);
  EXPECT_LT(second, none);

  RunResult json = Pairs("Anna Alpha\tChen Gamma\nalpha delta\n", {"--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"line\": 1"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"line\": 2"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"to\": \"leader/d\",\n      \"path\": []"), std::string::npos)
      << json.out;
}

TEST_F(QueryPairsTest, EachAnswerIsTheChainOfASinglePathQuery) {
  for (bool forward : {false, true}) {
    SCOPED_TRACE(forward);
    std::vector<std::string> extra = {"--json"};
    if (forward) extra.push_back("--forward-in-time");
    RunResult batch = Pairs("leader/a\tleader/c\nleader/c\tleader/a\n", extra);
    ASSERT_EQ(batch.exit_code, 0) << batch.err;
    for (auto [from, to] : {std::pair{"leader/a", "leader/c"}, std::pair{"leader/c", "leader/a"}}) {
      std::vector<std::string> args = {"query", Path("g.json"), "path", from, to};
      args.insert(args.end(), extra.begin(), extra.end());
      RunResult single = Etkg(args);
      // Forward in time only a -> c runs: from c the 2021 call comes first.
      if (forward && std::string(from) == "leader/c") {
        EXPECT_EQ(single.exit_code, 1);
        EXPECT_NE(batch.out.find("\"path\": []"), std::string::npos) << batch.out;
        continue;
      }
      ASSERT_EQ(single.exit_code, 0) << single.err;
      // The same steps, indented two levels deeper in the batch.
      std::string steps = single.out.substr(single.out.find('['));
      steps = steps.substr(0, steps.rfind(']') + 1);
      std::string deeper;
      for (char c : steps) deeper += c == '\n' ? std::string("\n    ") : std::string(1, c);
      EXPECT_NE(batch.out.find(deeper), std::string::npos) << batch.out << "\nwants\n" << deeper;
    }
  }
}

TEST_F(QueryPairsTest, BadLinesAreNamedAndTheOthersAnswered) {
  RunResult r = Pairs(
      "leader/a\n"
      "leader/a leader/b leader/c\n"
      "Anna Alpha Boris Beta\n"
      "leader/a\tNobody\n"
      "leader/a\tleader/b\n");
  EXPECT_EQ(r.exit_code, 1);
  const std::string file = Path("pairs.txt");
  EXPECT_NE(r.err.find(file + ":1: expected two names"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":2: expected two names"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":3: expected two names"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":4: no node is named 'Nobody'"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(file + ":5:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Anna Alpha —participant→ Anna–Boris call ←participant— Boris Beta"),
            std::string::npos)
      << r.out;
}

TEST_F(QueryPairsTest, UsageAndMissingFile) {
  RunResult both =
      Etkg({"query", Path("g.json"), "path", "leader/a", "leader/b", "--pairs", Path("pairs.txt")});
  EXPECT_EQ(both.exit_code, 2) << both.err;
  RunResult one = Etkg({"query", Path("g.json"), "path", "leader/a"});
  EXPECT_EQ(one.exit_code, 2) << one.err;
  RunResult missing = Etkg({"query", Path("g.json"), "path", "--pairs", Path("nope.txt")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find(Path("nope.txt")), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace etkg
