// NameMatcher over a small gazetteer: word boundaries, longest match, case
// rules for names and cues, literals with several meanings, byte offsets.
#include "loaders/matcher.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/gazetteer.h"

namespace etkg {
namespace {

constexpr std::string_view kGazetteerJson = R"({
  "leaders": [
    {"id": "donald-trump", "name": "Donald Trump", "aliases": ["Trump"]},
    {"id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"]}
  ],
  "places": [
    {"id": "north-korea", "name": "North Korea", "type": "country", "aliases": ["DPRK"]},
    {"id": "south-korea", "name": "South Korea", "type": "country", "aliases": ["Korea"]},
    {"id": "united-states", "name": "United States", "type": "country",
     "aliases": ["US", "U.S."], "demonyms": ["American"]},
    {"id": "russia", "name": "Russia", "type": "country", "demonyms": ["Russian"]},
    {"id": "syria", "name": "Syria", "type": "country"},
    {"id": "moscow", "name": "Moscow", "type": "city", "country": "russia"},
    {"id": "alpha-beta", "name": "Alpha Beta", "type": "city"},
    {"id": "beta-gamma", "name": "Beta Gamma", "type": "city"}
  ],
  "institutions": [{"name": "White House", "country": "united-states"}],
  "summits": [{"id": "g20", "name": "G20", "aliases": ["G20 summit"]}],
  "organizations": [{"id": "un", "name": "United Nations", "aliases": ["UN"]}],
  "issues": [
    {"id": "syrian-civil-war", "name": "Syrian civil war", "cues": ["Syria", "civil war"],
     "places": ["syria"]}
  ]
})";

// Cue indexes the tests look for.
constexpr uint32_t kPhoneCall = 7;
constexpr uint32_t kPresident = 8;

class NameMatcherTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Gazetteer> parsed = Gazetteer::Parse(kGazetteerJson, "test-gazetteer.json");
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    gazetteer_ = new Gazetteer(std::move(*parsed));
    const std::vector<CueLiteral> cues = {
        {"phone call", kPhoneCall, true},
        {"president", kPresident, true},
    };
    Result<NameMatcher> matcher = NameMatcher::Build(*gazetteer_, cues);
    ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
    matcher_ = new NameMatcher(std::move(*matcher));
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete gazetteer_;
    matcher_ = nullptr;
    gazetteer_ = nullptr;
  }

  // The id of the gazetteer entry a target names, "cue:N" for cues.
  static std::string Describe(const MatchTarget& t) {
    const Gazetteer& g = *gazetteer_;
    switch (t.type) {
      case EntityType::kLeader:
        return "leader:" + g.leaders().at(t.index).id;
      case EntityType::kSummit:
        return "summit:" + g.summits().at(t.index).id;
      case EntityType::kOrganization:
        return "org:" + g.organizations().at(t.index).id;
      case EntityType::kPlace:
        return "place:" + g.places().at(t.index).id;
      case EntityType::kDemonym:
        return "demonym:" + g.places().at(t.index).id;
      case EntityType::kInstitution:
        return "institution:" + g.institutions().at(t.index).name;
      case EntityType::kIssue:
        return "issue:" + g.issues().at(t.index).id;
      case EntityType::kCue:
        return "cue:" + std::to_string(t.index);
    }
    return "?";
  }

  // "text=target" for each mention, the targets sorted and joined by "|".
  static std::vector<std::string> Found(std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : matcher_->Find(text)) {
      EXPECT_LT(m.begin, m.end);
      EXPECT_LE(m.end, text.size());
      std::vector<std::string> targets;
      for (uint32_t i = 0; i < m.num_targets; ++i) targets.push_back(Describe(m.targets[i]));
      std::sort(targets.begin(), targets.end());
      std::string joined;
      for (const std::string& t : targets) joined += (joined.empty() ? "" : "|") + t;
      out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + "=" + joined);
    }
    return out;
  }

  static Gazetteer* gazetteer_;
  static NameMatcher* matcher_;
};

Gazetteer* NameMatcherTest::gazetteer_ = nullptr;
NameMatcher* NameMatcherTest::matcher_ = nullptr;

struct FindCase {
  std::string_view text;
  std::vector<std::string> found;
};

void CheckFindCases(const std::vector<FindCase>& cases,
                    std::vector<std::string> (*found)(std::string_view)) {
  for (const FindCase& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(found(c.text), c.found);
  }
}

TEST_F(NameMatcherTest, MatchesOnlyWholeWords) {
  CheckFindCases(
      {
          {"Trump spoke.", {"Trump=leader:donald-trump"}},
          {"a Trumpet sounded", {}},
          {"ATrump", {}},
          {"Trump2 and 2Trump", {}},
          {"Trump_", {"Trump=leader:donald-trump"}},
          {"Trump\xE2\x80\x99s call", {"Trump=leader:donald-trump"}},
          {"Trump's call", {"Trump=leader:donald-trump"}},
          {"Trump-Putin call", {"Trump=leader:donald-trump", "Putin=leader:vladimir-putin"}},
          {"Trump\xE2\x80\x93Putin", {"Trump=leader:donald-trump", "Putin=leader:vladimir-putin"}},
          {"\xC2\xABPutin\xC2\xBB", {"Putin=leader:vladimir-putin"}},
          {"(Putin)", {"Putin=leader:vladimir-putin"}},
          // A letter of another script is a word character.
          {"\xC3\xA9Putin", {}},
          {"Putin\xD0\xB0", {}},
          {"Russians", {}},
          {"Russian troops", {"Russian=demonym:russia"}},
          {"American", {"American=demonym:united-states"}},
      },
      &Found);
}

TEST_F(NameMatcherTest, LongestMatchWins) {
  CheckFindCases(
      {
          {"North Korea fired", {"North Korea=place:north-korea"}},
          {"Korea and North Korea", {"Korea=place:south-korea", "North Korea=place:north-korea"}},
          {"Donald Trump and Putin",
           {"Donald Trump=leader:donald-trump", "Putin=leader:vladimir-putin"}},
          {"at the G20 summit in Hamburg", {"G20 summit=summit:g20"}},
          {"the United States and the United Nations",
           {"United States=place:united-states", "United Nations=org:un"}},
          {"the civil war in Syria",
           {"civil war=issue:syrian-civil-war", "Syria=issue:syrian-civil-war|place:syria"}},
          // Two overlapping literals of one length: the one further left.
          {"Alpha Beta Gamma", {"Alpha Beta=place:alpha-beta"}},
          {"Beta Gamma", {"Beta Gamma=place:beta-gamma"}},
      },
      &Found);
}

TEST_F(NameMatcherTest, NamesAreCaseSensitive) {
  CheckFindCases(
      {
          {"the US said", {"US=place:united-states"}},
          {"let us talk", {}},
          {"Us and them", {}},
          {"the U.S. President", {"U.S.=place:united-states", "President=cue:8"}},
          {"the UN said", {"UN=org:un"}},
          {"an unusual day", {}},
          {"trump card", {}},
          {"Moscow said", {"Moscow=place:moscow"}},
          {"moscow", {}},
          {"the white house", {}},
          {"the White House said", {"White House=institution:White House"}},
      },
      &Found);
}

TEST_F(NameMatcherTest, UpperCaseTwinsForDatelinesAndFamilyNames) {
  CheckFindCases(
      {
          {"MOSCOW, Nov. 22", {"MOSCOW=place:moscow"}},
          {"RUSSIA and SYRIA", {"RUSSIA=place:russia", "SYRIA=issue:syrian-civil-war|place:syria"}},
          // Names of four or more letters get a twin; so do one-word leader
          // aliases, which Japanese readouts write in capitals.
          {"TRUMP", {"TRUMP=leader:donald-trump"}},
          {"DONALD TRUMP", {"TRUMP=leader:donald-trump"}},
          {"NORTH KOREA", {"NORTH KOREA=place:north-korea"}},
      },
      &Found);
}

TEST_F(NameMatcherTest, CuesIgnoreCase) {
  CheckFindCases(
      {
          {"a phone call", {"phone call=cue:7"}},
          {"A Phone Call", {"Phone Call=cue:7"}},
          {"PHONE CALL", {"PHONE CALL=cue:7"}},
          {"phone calls", {}},
          {"President Putin", {"President=cue:8", "Putin=leader:vladimir-putin"}},
          {"the president said", {"president=cue:8"}},
          {"the vice-president", {"president=cue:8"}},
          {"the presidential palace", {}},
          {"a Civil War", {"Civil War=issue:syrian-civil-war"}},
      },
      &Found);
}

TEST_F(NameMatcherTest, PlaceThatIsAlsoAnIssueCueCarriesBoth) {
  const std::string_view text = "talks on Syria";
  const std::vector<Mention> mentions = matcher_->Find(text);
  ASSERT_EQ(mentions.size(), 1u);
  const Mention& m = mentions[0];
  EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "Syria");
  ASSERT_TRUE(m.Has(EntityType::kPlace));
  ASSERT_TRUE(m.Has(EntityType::kIssue));
  EXPECT_FALSE(m.Has(EntityType::kLeader));
  EXPECT_EQ(m.Find(EntityType::kLeader), nullptr);
  EXPECT_EQ(gazetteer_->places().at(m.Find(EntityType::kPlace)->index).id, "syria");
  EXPECT_EQ(gazetteer_->issues().at(m.Find(EntityType::kIssue)->index).id, "syrian-civil-war");

  // Lower case is only the caseless cue: the issue, not the place.
  EXPECT_EQ(Found("syria"), (std::vector<std::string>{"syria=issue:syrian-civil-war"}));
}

TEST_F(NameMatcherTest, EmptyTextHasNoMentions) {
  EXPECT_TRUE(matcher_->Find("").empty());
  EXPECT_TRUE(matcher_->Find(" \n ").empty());
}

TEST_F(NameMatcherTest, OffsetsAreBytesAfterMultibyteText) {
  // "Встреча — " (Cyrillic and an em dash), then names.
  const std::string text =
      "\xD0\x92\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x87\xD0\xB0 \xE2\x80\x94 "
      "Putin \xE2\x80\x9C"
      "and\xE2\x80\x9D Trump \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 in Moscow";
  const std::vector<Mention> mentions = matcher_->Find(text);
  ASSERT_EQ(mentions.size(), 3u);
  const std::string_view expected[] = {"Putin", "Trump", "Moscow"};
  for (size_t i = 0; i < mentions.size(); ++i) {
    SCOPED_TRACE(expected[i]);
    EXPECT_EQ(mentions[i].begin, text.find(expected[i]));
    EXPECT_EQ(mentions[i].end, text.find(expected[i]) + expected[i].size());
  }
}

TEST_F(NameMatcherTest, MentionsComeInTextOrder) {
  const std::string_view text = "Moscow, Putin, Donald Trump, North Korea, G20, Syria";
  const std::vector<Mention> mentions = matcher_->Find(text);
  ASSERT_EQ(mentions.size(), 6u);
  for (size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_LE(mentions[i - 1].end, mentions[i].begin);
  }
}

TEST_F(NameMatcherTest, CountsLiterals) {
  // Names, aliases, demonyms, upper-case twins, the institution, two issue
  // cues and two extra cues; one-letter literals are never compiled.
  EXPECT_GT(matcher_->num_literals(), 20u);
}

TEST(NameMatcherBuildTest, EmptyGazetteerWithoutCuesFails) {
  Result<Gazetteer> empty = Gazetteer::Parse("{}", "empty.json");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  Result<NameMatcher> matcher = NameMatcher::Build(*empty, {});
  ASSERT_FALSE(matcher.ok());
  EXPECT_EQ(matcher.status().code(), StatusCode::kInternal);
}

TEST(NameMatcherBuildTest, CueOnlyMatcherWorks) {
  Result<Gazetteer> empty = Gazetteer::Parse("{}", "empty.json");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  Result<NameMatcher> matcher = NameMatcher::Build(*empty, {{"summit", 1, true}, {"G7", 2, false}});
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  const std::vector<Mention> mentions = matcher->Find("the SUMMIT of the G7, not g7");
  ASSERT_EQ(mentions.size(), 2u);
  ASSERT_TRUE(mentions[0].Has(EntityType::kCue));
  EXPECT_EQ(mentions[0].Find(EntityType::kCue)->index, 1u);
  EXPECT_EQ(mentions[1].Find(EntityType::kCue)->index, 2u);
}

struct WordCharCase {
  std::string_view text;
  size_t pos;
  bool before;
  bool at;
};

TEST(WordCharTest, ClassifiesCodePointsAroundAPosition) {
  const WordCharCase kCases[] = {
      {"ab", 1, true, true},
      {"a b", 1, true, false},
      {"", 0, false, false},
      {"x", 1, true, false},
      {"\xC3\xA9x", 2, true, true},        // After "é".
      {"\xE2\x80\x94x", 3, false, true},   // After an em dash.
      {"a\xE2\x80\x99s", 1, true, false},  // At a curly apostrophe.
      {"a\xC2\xA0"
       "b",
       1, true, false},              // At a no-break space.
      {"9\xD0\x96", 1, true, true},  // At a Cyrillic letter.
  };
  for (const WordCharCase& c : kCases) {
    SCOPED_TRACE(testing::PrintToString(std::string(c.text)) + " at " + std::to_string(c.pos));
    EXPECT_EQ(IsWordCharBefore(c.text, c.pos), c.before);
    EXPECT_EQ(IsWordCharAt(c.text, c.pos), c.at);
  }
}

void WriteBytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The compiled database is kept in the cache directory and read back; a
// broken cache file only means compiling again, with the same matches.
TEST(NameMatcherCacheTest, ACachedDatabaseMatchesAsACompiledOne) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("etkg-matcher-cache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const char* previous = std::getenv("ETKG_CACHE_DIR");
  const std::string saved = previous ? previous : "";
  ::setenv("ETKG_CACHE_DIR", dir.c_str(), 1);
  const std::vector<CueLiteral> cues = {{"phone call", 1, true}, {"met with", 2, true}};
  const std::string text = "President Obama met with Medvedev in Moscow after a phone call.";
  auto spans = [&](const NameMatcher& m) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (const Mention& mention : m.Find(text)) out.push_back({mention.begin, mention.end});
    return out;
  };
  auto files = [&] {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::exists(dir)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) out.push_back(entry.path());
    return out;
  };
  Result<NameMatcher> compiled = NameMatcher::Build(Gazetteer::Default(), cues);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  ASSERT_EQ(files().size(), 1u);  // Written, and no temporary file left.
  const auto expected = spans(*compiled);
  EXPECT_GE(expected.size(), 4u);
  Result<NameMatcher> cached = NameMatcher::Build(Gazetteer::Default(), cues);
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(spans(*cached), expected);
  // Truncated: compiled again, and written whole again.
  const std::filesystem::path file = files().front();
  std::filesystem::resize_file(file, 100);
  Result<NameMatcher> again = NameMatcher::Build(Gazetteer::Default(), cues);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(spans(*again), expected);
  EXPECT_GT(std::filesystem::file_size(file), 100u);
  // Other literals, another file.
  Result<NameMatcher> other = NameMatcher::Build(Gazetteer::Default(), {{"phone call", 1, true}});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(files().size(), 2u);
  // Many old files: the oldest go, the new one stays.
  for (int i = 0; i < 20; ++i) {
    const std::filesystem::path old = dir / ("matcher-old" + std::to_string(i) + ".hsdb");
    WriteBytes(old, "stale");
    std::filesystem::last_write_time(
        old, std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 + i));
  }
  std::filesystem::remove(file);
  Result<NameMatcher> pruned = NameMatcher::Build(Gazetteer::Default(), cues);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(files().size(), 16u);
  EXPECT_TRUE(std::filesystem::exists(file));
  if (previous) {
    ::setenv("ETKG_CACHE_DIR", saved.c_str(), 1);
  } else {
    ::unsetenv("ETKG_CACHE_DIR");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace etkg
