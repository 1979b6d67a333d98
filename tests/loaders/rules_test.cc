// The rule tables of loaders/rules: each parses, each line says one thing
// once, and each rule fires on a sentence that uses it: matched in the text
// as its own literal, not swallowed by a longer one. (A rule that loses to
// a longer phrase on purpose, "call" inside "calls for", is a line of its
// own that fires where it stands alone.)
#include "loaders/rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "loaders/genre.h"
#include "loaders/matcher.h"
#include "loaders/temporal_tagger.h"

namespace etkg {
namespace {

std::vector<RuleLine> Table(const std::string& name, size_t columns = 2) {
  Result<std::vector<RuleLine>> rules =
      ParseRuleTable(EmbeddedRules(name), "loaders/rules/" + name, columns);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : std::vector<RuleLine>();
}

// Every rule of `name`, whose phrase is field `phrase_field`, is found at
// its place in "Officials said that PHRASE was noted." by a matcher of all
// the table's phrases.
void ExpectEveryRuleFires(const std::string& name, size_t phrase_field, bool caseless,
                          size_t columns = 2) {
  std::vector<RuleLine> rules = Table(name, columns);
  ASSERT_FALSE(rules.empty());
  std::vector<CueLiteral> literals;
  std::set<std::string> seen;
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string& phrase = rules[i].fields[phrase_field];
    EXPECT_TRUE(seen.insert(phrase).second)
        << name << ":" << rules[i].line << ": '" << phrase << "' given twice";
    literals.push_back({phrase, static_cast<uint32_t>(i), caseless});
  }
  Result<Gazetteer> empty = Gazetteer::Parse("{}", "empty.json");
  ASSERT_TRUE(empty.ok());
  Result<NameMatcher> matcher = NameMatcher::Build(*empty, literals);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string& phrase = rules[i].fields[phrase_field];
    const std::string prefix = "Officials said that ";
    const std::string text = prefix + phrase + " was noted.";
    bool fired = false;
    for (const Mention& m : matcher->Find(text)) {
      if (m.begin != prefix.size() || m.end != prefix.size() + phrase.size()) continue;
      for (uint32_t t = 0; t < m.num_targets; ++t) fired = fired || m.targets[t].index == i;
    }
    EXPECT_TRUE(fired) << name << ":" << rules[i].line << ": '" << phrase
                       << "' is not found in: " << text;
  }
}

TEST(RulesTest, EveryCueFiresOnItsOwn) { ExpectEveryRuleFires("en/cues.tsv", 1, true); }

TEST(RulesTest, EveryTitleFiresOnItsOwn) { ExpectEveryRuleFires("en/titles.tsv", 0, false); }

TEST(RulesTest, EveryOfficesAddressFiresOnItsOwn) {
  ExpectEveryRuleFires("offices.tsv", 0, true, 4);
  for (const RuleLine& rule : Table("offices.tsv", 4)) {
    const std::string& country = rule.fields[1];
    EXPECT_TRUE(country == "-" || Gazetteer::Default().FindPlace(country))
        << "loaders/rules/offices.tsv:" << rule.line << ": no place '" << country << "'";
  }
}

// Each issuing office's name is given once, and names a country and an
// office that some leader of the gazetteer holds.
TEST(RulesTest, EveryIssuerIsAnOfficeOfTheGazetteer) {
  std::vector<RuleLine> rules = Table("en/issuers.tsv", 4);
  ASSERT_FALSE(rules.empty());
  std::set<std::string> seen;
  for (const RuleLine& rule : rules) {
    const std::string where = "loaders/rules/en/issuers.tsv:" + std::to_string(rule.line);
    EXPECT_TRUE(seen.insert(rule.fields[0]).second) << where << ": given twice";
    const std::string country = rule.fields[1] == "-" ? "" : rule.fields[1];
    EXPECT_TRUE(country.empty() || Gazetteer::Default().FindPlace(country))
        << where << ": no place '" << country << "'";
    bool held = false;
    for (const LeaderEntry& leader : Gazetteer::Default().leaders()) {
      for (const LeaderRole& role : leader.roles) {
        held = held || (role.role == rule.fields[2] &&
                        (country.empty() ? !role.organization.empty() : role.country == country));
      }
    }
    EXPECT_TRUE(held) << where << ": no leader is " << rule.fields[2] << " of '" << country << "'";
  }
}

// The first line whose phrase a title holds decides: each line must be
// reachable, not shadowed by a shorter phrase above it.
TEST(RulesTest, EveryGenreFiresOnItsOwn) {
  for (const RuleLine& rule : Table("en/genres.tsv", 3)) {
    std::string title = rule.fields[2] == "edge" ? rule.fields[1] + " of the leaders"
                                                 : "About the " + rule.fields[1] + " of today";
    EXPECT_EQ(DetectGenre(title, "", 0), rule.fields[0])
        << "loaders/rules/en/genres.tsv:" << rule.line << ": " << title;
  }
}

TEST(GenreTest, LayoutAndHeadingDecideWhereTheTitleIsSilent) {
  EXPECT_EQ(DetectGenre("Obama, Abbas meet at the White House", "Text.", 0), "report");
  EXPECT_EQ(DetectGenre("Camp David", "PRESIDENT BIDEN: Welcome.\nPRESIDENT YOON: Thank you.", 2),
            "transcript");
  EXPECT_EQ(DetectGenre("", "SUBJECT: Telephone Conversation\nPARTICIPANTS: The President", 0),
            "memorandum");
  EXPECT_EQ(DetectGenre("Welcome to the United Nations.",
                        "Welcome to the United Nations.\n\nReadout of the Secretary-General's "
                        "meeting with President Obama\n",
                        0),
            "readout");
  // A report about a statement is a report.
  EXPECT_EQ(DetectGenre("Trump and Kim sign joint statement at Singapore summit", "", 0), "report");
  EXPECT_EQ(DetectGenre("Washington Summit Declaration -", "", 0), "declaration");
  // A briefing keeps its genre however many officials speak in it.
  EXPECT_EQ(DetectGenre("Background Press Call on the President's Call", "", 4), "briefing");
}

// Each word of loaders/rules/en/tense.tsv gives its sentence the tense its
// cue says, in a sentence made for the cue.
TEST(RulesTest, EveryTenseWordFiresOnItsOwn) {
  const std::map<std::string, std::pair<std::string, Tense>> kCarriers = {
      {"past", {"The leaders W.", Tense::kPast}},
      {"not-past", {"The leaders W.", Tense::kPresent}},
      {"future", {"The W meeting.", Tense::kFuture}},
      {"will", {"They W meet.", Tense::kFuture}},
      {"would", {"They said they W meet.", Tense::kFuture}},
      {"won", {"They W't meet.", Tense::kFuture}},
      {"next", {"They meet W week.", Tense::kFuture}},
      {"be-set-to", {"They are W to meet.", Tense::kFuture}},
      {"scheduled", {"It is W for Monday.", Tense::kFuture}},
      {"plan-to", {"They W to meet.", Tense::kFuture}},
      {"agreed-to", {"They W to meet.", Tense::kFuture}},
      {"forward", {"They look W to meeting.", Tense::kFuture}},
      {"invited", {"She W him to visit Paris.", Tense::kFuture}},
  };
  for (const RuleLine& rule : Table("en/tense.tsv")) {
    std::string where = "loaders/rules/en/tense.tsv:" + std::to_string(rule.line);
    const std::string& word = rule.fields[1];
    EXPECT_TRUE(word.size() <= 12 && std::all_of(word.begin(), word.end(), ::isalpha))
        << where << ": '" << word << "' is not a word of at most 12 letters";
    auto carrier = kCarriers.find(rule.fields[0]);
    ASSERT_NE(carrier, kCarriers.end()) << where << ": unknown cue '" << rule.fields[0] << "'";
    std::string sentence = carrier->second.first;
    sentence.replace(sentence.find('W'), 1, word);
    EXPECT_EQ(DetectTense(sentence), carrier->second.second) << where << ": " << sentence;
  }
}

TEST(RulesTest, TheExtractorLoadsTheTables) {
  Result<std::unique_ptr<Extractor>> extractor = MakeExtractor(Gazetteer::Default());
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
}

TEST(RulesTest, UnknownFileIsEmpty) { EXPECT_TRUE(EmbeddedRules("xx/none.tsv").empty()); }

TEST(RulesTest, TableErrorsNameTheLine) {
  Result<std::vector<RuleLine>> ok = ParseRuleTable("# comment\n\ncall\tphone call\n", "t.tsv", 2);
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].line, 3);
  EXPECT_EQ((*ok)[0].fields[1], "phone call");

  Result<std::vector<RuleLine>> short_line = ParseRuleTable("call\tphone\nmeeting\n", "t.tsv", 2);
  ASSERT_FALSE(short_line.ok());
  EXPECT_EQ(short_line.status().ToString(), "t.tsv:2: expected 2 tab-separated fields, got 1");

  Result<std::vector<RuleLine>> empty_field = ParseRuleTable("call\t\n", "t.tsv", 2);
  ASSERT_FALSE(empty_field.ok());
  EXPECT_EQ(empty_field.status().ToString(), "t.tsv:1: empty field");
}

}  // namespace
}  // namespace etkg
