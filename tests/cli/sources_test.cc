// `etkg query GRAPH sources EVENT` and `divergence`: an event by the
// documents that report it, on the examples (two accounts of one call that
// differ, and a news story of it) and on the seeds (the White House readout
// and an article on the Russian one), which skip when absent.
#include <filesystem>

#include <rapidjson/document.h>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

constexpr char kCall2025[] = "call/2025-03-18/donald-trump+vladimir-putin";
constexpr char kCall2017[] = "call/2017-05-02/donald-trump+vladimir-putin";

// The facts whose "sources" are exactly `sources` (indexes into "sources").
std::vector<std::string> FactsStatedBy(const rapidjson::Document& d,
                                       const std::vector<int>& sources) {
  std::vector<std::string> facts;
  for (const auto& f : d["facts"].GetArray()) {
    std::vector<int> by;
    for (const auto& s : f["sources"].GetArray()) by.push_back(s.GetInt());
    if (by == sources)
      facts.push_back(std::string(f["kind"].GetString()) + ": " + f["value"].GetString());
  }
  return facts;
}

int SourceNamed(const rapidjson::Document& d, const std::string& issuer) {
  const auto& sources = d["sources"].GetArray();
  for (rapidjson::SizeType i = 0; i < sources.Size(); ++i) {
    if (issuer == sources[i]["issuer"].GetString()) return static_cast<int>(i);
  }
  return -1;
}

TEST_F(CliTest, SourcesOfACallSplitByTheSideThatStatesThem) {
  IngestExamples();
  RunResult r = Etkg({"query", Path("g.json"), "sources", kCall2025, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  ASSERT_EQ(d["sources"].Size(), 3u);
  int kremlin = SourceNamed(d, "Kremlin");
  int white_house = SourceNamed(d, "White House");
  ASSERT_GE(kremlin, 0);
  ASSERT_GE(white_house, 0);
  // Both accounts, and the story, name both leaders and the Black Sea.
  std::vector<std::string> shared = FactsStatedBy(d, {0, 1, 2});
  EXPECT_NE(std::find(shared.begin(), shared.end(), "participant: Vladimir Putin"), shared.end());
  // Only the Kremlin's tells of the end of military aid that Moscow asks.
  std::vector<std::string> only_kremlin = FactsStatedBy(d, {kremlin});
  EXPECT_NE(
      std::find(only_kremlin.begin(), only_kremlin.end(), "topic: Military aid and arms supplies"),
      only_kremlin.end())
      << ::testing::PrintToString(only_kremlin);
  std::vector<std::string> only_white_house = FactsStatedBy(d, {white_house});
  EXPECT_FALSE(only_white_house.empty());
  for (const auto& f : d["facts"].GetArray()) {
    for (const auto& ev : f["evidence"].GetArray()) {
      EXPECT_GT(ev["text"].GetStringLength(), 0u);  // Every fact has its sentences.
    }
  }

  RunResult table = Etkg({"query", Path("g.json"), "sources", kCall2025});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Kremlin: Kremlin account"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("stated by some sources only"), std::string::npos) << table.out;

  RunResult divergence = Etkg({"query", Path("g.json"), "divergence"});
  ASSERT_EQ(divergence.exit_code, 0) << divergence.err;
  EXPECT_NE(divergence.out.find(kCall2025), std::string::npos) << divergence.out;
  RunResult before = Etkg({"query", Path("g.json"), "divergence", "--to", "2024", "--json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out.find(kCall2025), std::string::npos) << before.out;
}

TEST_F(CliTest, SourcesWantsAnEvent) {
  IngestExamples();
  RunResult leader = Etkg({"query", Path("g.json"), "sources", "Putin"});
  EXPECT_EQ(leader.exit_code, 1);
  EXPECT_NE(leader.err.find("not a call, summit or event"), std::string::npos) << leader.err;
  RunResult none = Etkg({"query", Path("g.json"), "sources"});
  EXPECT_EQ(none.exit_code, 2);
}

// The first seed's point: the two readouts of 2 May 2017 differ. The White
// House's tells of terrorism and de-escalation zones; the article on the
// Russian one tells of the two countries' relations; they date the call a
// day apart.
TEST_F(CliTest, TheSeedsTwoReadoutsOfOneCallDiffer) {
  if (!std::filesystem::is_directory(ETKG_SEEDS_DIR)) {
    GTEST_SKIP() << "no reference articles in " << ETKG_SEEDS_DIR;
  }
  ASSERT_EQ(Etkg({"ingest", ETKG_SEEDS_DIR, "-o", Path("s.json")}).exit_code, 0);
  RunResult r = Etkg({"query", Path("s.json"), "sources", kCall2017, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_EQ(d["sources"].Size(), 2u);
  ASSERT_EQ(SourceNamed(d, "White House"), 1);  // doc/002, a repost with the address pasted.
  std::vector<std::string> both = FactsStatedBy(d, {0, 1});
  for (const char* fact : {"participant: Donald Trump", "topic: Syrian civil war",
                           "topic: North Korea nuclear programme", "related: planned: G20"}) {
    EXPECT_NE(std::find(both.begin(), both.end(), fact), both.end()) << fact;
  }
  std::vector<std::string> white_house = FactsStatedBy(d, {1});
  EXPECT_NE(std::find(white_house.begin(), white_house.end(), "topic: Terrorism"),
            white_house.end());
  std::vector<std::string> article = FactsStatedBy(d, {0});
  // "bilateral relations", in a call between two countries: theirs.
  EXPECT_NE(std::find(article.begin(), article.end(), "topic: Russia–United States relations"),
            article.end())
      << ::testing::PrintToString(article);
  bool dates = false;
  for (const auto& x : d["disagreements"].GetArray()) {
    dates = dates || (std::string(x["about"].GetString()) == "date" &&
                      std::string(x["note"].GetString()) == "1 day apart");
  }
  EXPECT_TRUE(dates) << r.out;
}

}  // namespace
}  // namespace etkg
