// The gazetteer: parsing and its errors, extension by a user's file, who
// held an office on a date, and the default file embedded in the binary.
#include "loaders/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/text_util.h"

namespace etkg {
namespace {

PartialDate Date(std::string_view iso) {
  if (iso.empty()) return PartialDate();
  auto date = PartialDate::Parse(iso);
  EXPECT_TRUE(date.has_value()) << "bad date in test: " << iso;
  return date.value_or(PartialDate());
}

Gazetteer MustParse(std::string_view json) {
  Result<Gazetteer> g = Gazetteer::Parse(json, "test.json");
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? std::move(*g) : Gazetteer();
}

// ---------------------------------------------------------------------------
// Parse

TEST(GazetteerParseTest, ReadsEverySection) {
  Gazetteer g = MustParse(R"({
    "leaders": [{"id": "vladimir-putin", "name": "Vladimir Putin",
                 "aliases": ["Putin", ""],
                 "roles": [{"role": "president", "country": "russia",
                            "from": "2012-05-07", "to": null},
                           {"role": "prime-minister", "country": "russia",
                            "from": "2008-05", "to": "2012"}]},
                {"id": "antonio-guterres", "name": "António Guterres", "aliases": null,
                 "roles": [{"role": "secretary-general", "organization": "un"}]}],
    "places": [{"id": "russia", "name": "Russia", "type": "country",
                "aliases": ["Russian Federation"], "demonyms": ["Russian"],
                "capital": "moscow"},
               {"id": "moscow", "name": "Moscow", "type": "city", "country": "russia"}],
    "institutions": [{"name": "Kremlin", "country": "russia"}],
    "summits": [{"id": "g20", "name": "G20", "aliases": ["G20 summit"],
                 "format": "multilateral", "place": ""}],
    "organizations": [{"id": "un", "name": "United Nations", "aliases": ["UN"]}],
    "issues": [{"id": "syria", "name": "Syrian civil war", "cues": ["Syria"],
                "places": ["syria"]}],
    "comment": "unknown top-level keys are ignored"
  })");
  ASSERT_EQ(g.leaders().size(), 2u);
  ASSERT_EQ(g.places().size(), 2u);
  ASSERT_EQ(g.institutions().size(), 1u);
  ASSERT_EQ(g.summits().size(), 1u);
  ASSERT_EQ(g.organizations().size(), 1u);
  ASSERT_EQ(g.issues().size(), 1u);

  const LeaderEntry* putin = g.FindLeader("vladimir-putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Putin");
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"Putin"}));  // "" is dropped.
  ASSERT_EQ(putin->roles.size(), 2u);
  EXPECT_EQ(putin->roles[0].role, "president");
  EXPECT_EQ(putin->roles[0].country, "russia");
  EXPECT_EQ(putin->roles[0].from, Date("2012-05-07"));
  EXPECT_TRUE(putin->roles[0].to.is_null());
  EXPECT_EQ(putin->roles[1].from, Date("2008-05"));
  EXPECT_EQ(putin->roles[1].to, Date("2012"));

  const LeaderEntry* guterres = g.FindLeader("antonio-guterres");
  ASSERT_NE(guterres, nullptr);
  EXPECT_EQ(guterres->name, "Ant\xC3\xB3nio Guterres");
  EXPECT_TRUE(guterres->aliases.empty());
  ASSERT_EQ(guterres->roles.size(), 1u);
  EXPECT_EQ(guterres->roles[0].organization, "un");
  EXPECT_EQ(guterres->roles[0].country, "");
  EXPECT_TRUE(guterres->roles[0].from.is_null());

  const PlaceEntry* russia = g.FindPlace("russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->type, "country");
  EXPECT_EQ(russia->aliases, (std::vector<std::string>{"Russian Federation"}));
  EXPECT_EQ(russia->demonyms, (std::vector<std::string>{"Russian"}));
  EXPECT_EQ(russia->capital, "moscow");
  EXPECT_EQ(g.FindPlace("moscow")->country, "russia");
  EXPECT_EQ(g.institutions()[0].name, "Kremlin");
  EXPECT_EQ(g.summits()[0].format, "multilateral");
  EXPECT_EQ(g.organizations()[0].aliases, (std::vector<std::string>{"UN"}));
  EXPECT_EQ(g.issues()[0].cues, (std::vector<std::string>{"Syria"}));

  EXPECT_EQ(g.FindLeader("nobody"), nullptr);
  EXPECT_EQ(g.FindPlace("atlantis"), nullptr);
}

TEST(GazetteerParseTest, EmptyObjectIsAnEmptyGazetteer) {
  Gazetteer g = MustParse("{}");
  EXPECT_TRUE(g.leaders().empty());
  EXPECT_TRUE(g.places().empty());
}

struct SyntaxCase {
  std::string_view json;
  int line;
  int column;
};

TEST(GazetteerParseTest, SyntaxErrorNamesLineAndColumn) {
  const SyntaxCase kCases[] = {
      // A missing comma on line 3: the parser stops at "name".
      {"{\n  \"leaders\": [\n    {\"id\": \"a\" \"name\": \"A\"}\n  ]\n}\n", 3, 16},
      // A trailing comma.
      {"{\n  \"places\": [\n    {\"id\": \"x\", \"name\": \"X\"},\n  ]\n}\n", 4, 3},
      // An unterminated string runs to the end of the text.
      {"{\"leaders\": [{\"id\": \"a}", 1, 24},
      {"", 1, 1},
      {"{\"places\": []} trailing", 1, 16},
      // Invalid UTF-8 inside a string.
      {"{\n\"leaders\": [{\"id\": \"a\", \"name\": \"\xFF\"}]}", 2, 34},
  };
  for (const SyntaxCase& c : kCases) {
    SCOPED_TRACE(testing::PrintToString(std::string(c.json)));
    Result<Gazetteer> g = Gazetteer::Parse(c.json, "user.json");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(g.status().where().file, "user.json");
    EXPECT_EQ(g.status().where().line, c.line);
    EXPECT_EQ(g.status().where().column, c.column);
  }
}

struct WrongValueCase {
  std::string_view json;
  std::string_view path;  // The message starts with it.
};

TEST(GazetteerParseTest, WrongValueNamesItsJsonPath) {
  const WrongValueCase kCases[] = {
      {R"({"leaders": [{"id": "a", "name": "A", "roles": [{"role": "president", "from": 2017}]}]})",
       "leaders[0].roles[0].from"},
      {R"({"leaders": [{"id": "a", "name": "A", "roles": [{"role": "president", "from": "2017-13-01"}]}]})",
       "leaders[0].roles[0].from"},
      {R"({"leaders": [{"id": "a", "name": "A", "roles": [{"role": "president", "to": "XXXX-01-20"}]}]})",
       "leaders[0].roles[0].to"},
      {R"({"leaders": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "roles": [{}]}]})",
       "leaders[1].roles[0].role"},
      {R"({"leaders": [{"id": "a", "name": "A", "roles": [{"role": "president", "country": 7}]}]})",
       "leaders[0].roles[0].country"},
      {R"({"leaders": [{"id": "a", "name": "A", "roles": ["president"]}]})", "leaders[0].roles[0]"},
      {R"({"leaders": [{"id": "a", "name": "A", "roles": {}}]})", "leaders[0].roles"},
      {R"({"leaders": [{"name": "A"}]})", "leaders[0].id"},
      {R"({"leaders": [{"id": "", "name": "A"}]})", "leaders[0].id"},
      {R"({"leaders": [{"id": "a", "name": ["A"]}]})", "leaders[0].name"},
      {R"({"leaders": [{"id": "a", "name": "A", "aliases": "Ay"}]})", "leaders[0].aliases"},
      {R"({"leaders": [5]})", "leaders[0]"},
      {R"({"leaders": {}})", "leaders"},
      {R"({"places": [{"id": "x", "name": "X", "aliases": [1]}]})", "places[0].aliases"},
      {R"({"places": [{"id": "x", "name": "X", "demonyms": [null]}]})", "places[0].demonyms"},
      {R"({"places": [{"id": "x", "name": "X", "capital": false}]})", "places[0].capital"},
      {R"({"institutions": [{"name": "Kremlin"}]})", "institutions[0].country"},
      {R"({"summits": [{"id": "g20", "name": "G20", "format": 3}]})", "summits[0].format"},
      {R"({"organizations": [{"id": "un"}]})", "organizations[0].name"},
      {R"({"issues": [{"id": "i", "name": "I", "cues": [true]}]})", "issues[0].cues"},
      {R"({"issues": "none"})", "issues"},
      {R"({"leaders": [{"id": "a", "name": "A\udc00"}]})", "leaders[0].name"},
      {R"({"places": [{"id": "x", "name": "X", "aliases": ["\ude00"]}]})", "places[0].aliases"},
  };
  for (const WrongValueCase& c : kCases) {
    SCOPED_TRACE(c.json);
    Result<Gazetteer> g = Gazetteer::Parse(c.json, "user.json");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(g.status().where().file, "user.json");
    EXPECT_EQ(g.status().message().rfind(std::string(c.path) + ":", 0), 0u)
        << g.status().ToString();
    EXPECT_EQ(g.status().where().line, 1) << g.status().ToString();
    EXPECT_GT(g.status().where().column, 1) << g.status().ToString();
  }
}

TEST(GazetteerParseTest, WrongValueNamesItsLineAndColumn) {
  const std::string json = "{\"leaders\": [\n  {\"id\": \"a\",\n   \"name\": 5}\n]}";
  Result<Gazetteer> g = Gazetteer::Parse(json, "user.json");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().ToString(), "user.json:3:12: leaders[0].name: is not a string");
}

TEST(GazetteerParseTest, TopLevelMustBeAnObject) {
  Result<Gazetteer> g = Gazetteer::Parse("[]", "user.json");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(g.status().where().file, "user.json");
}

// ---------------------------------------------------------------------------
// Extend

TEST(GazetteerExtendTest, AddsNewEntriesAndUnitesAliases) {
  Gazetteer g = MustParse(R"({
    "leaders": [{"id": "vladimir-putin", "name": "Vladimir Putin", "aliases": ["Putin"],
                 "roles": [{"role": "president", "country": "russia", "from": "2012-05-07"}]}],
    "places": [{"id": "russia", "name": "Russia", "type": "country", "demonyms": ["Russian"],
                "capital": "moscow"}],
    "institutions": [{"name": "Kremlin", "country": "russia"}],
    "summits": [{"id": "g20", "name": "G20", "format": "multilateral"}],
    "organizations": [{"id": "un", "name": "United Nations", "aliases": ["UN"]}],
    "issues": [{"id": "syria", "name": "Syrian civil war", "cues": ["Syria"]}]
  })");
  const Gazetteer extra = MustParse(R"({
    "leaders": [{"id": "vladimir-putin", "name": "Vladimir V. Putin",
                 "aliases": ["V. Putin", "Putin"]},
                {"id": "xi-jinping", "name": "Xi Jinping", "aliases": ["Xi"],
                 "roles": [{"role": "president", "country": "china", "from": "2013-03-14"}]}],
    "places": [{"id": "russia", "name": "Russia", "aliases": ["Russian Federation"]},
               {"id": "china", "name": "China", "type": "country"}],
    "institutions": [{"name": "Zhongnanhai", "country": "china"}],
    "summits": [{"id": "g20", "name": "G20", "place": "hamburg"}],
    "organizations": [{"id": "un", "name": "United Nations", "aliases": ["U.N."]}],
    "issues": [{"id": "syria", "name": "Syria", "cues": ["civil war"], "places": ["syria"]},
               {"id": "ukraine", "name": "War in Ukraine", "cues": ["Donbas"]}]
  })");
  g.Extend(extra);

  // New entries, findable by id.
  ASSERT_EQ(g.leaders().size(), 2u);
  const LeaderEntry* xi = g.FindLeader("xi-jinping");
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->aliases, (std::vector<std::string>{"Xi"}));
  ASSERT_EQ(g.places().size(), 2u);
  ASSERT_NE(g.FindPlace("china"), nullptr);
  EXPECT_EQ(g.institutions().size(), 2u);
  ASSERT_EQ(g.issues().size(), 2u);

  // Known entries: aliases united, fields the extension sets replaced,
  // fields it leaves out kept.
  const LeaderEntry* putin = g.FindLeader("vladimir-putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir V. Putin");
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"Putin", "V. Putin"}));
  ASSERT_EQ(putin->roles.size(), 1u);
  EXPECT_EQ(putin->roles[0].country, "russia");
  EXPECT_EQ(g.CountryOf(*putin, Date("2017-05-02")), "russia");

  const PlaceEntry* russia = g.FindPlace("russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->aliases, (std::vector<std::string>{"Russian Federation"}));
  EXPECT_EQ(russia->type, "country");
  EXPECT_EQ(russia->demonyms, (std::vector<std::string>{"Russian"}));
  EXPECT_EQ(russia->capital, "moscow");

  ASSERT_EQ(g.summits().size(), 1u);
  EXPECT_EQ(g.summits()[0].format, "multilateral");
  EXPECT_EQ(g.summits()[0].place, "hamburg");
  ASSERT_EQ(g.organizations().size(), 1u);
  EXPECT_EQ(g.organizations()[0].aliases, (std::vector<std::string>{"U.N.", "UN"}));

  const IssueEntry& syria = g.issues()[0];
  EXPECT_EQ(syria.id, "syria");
  EXPECT_EQ(syria.cues, (std::vector<std::string>{"Syria", "civil war"}));
  EXPECT_EQ(syria.places, (std::vector<std::string>{"syria"}));
}

TEST(GazetteerExtendTest, ExtendingWithItselfChangesNothing) {
  constexpr std::string_view kJson = R"({
    "leaders": [{"id": "a", "name": "A", "aliases": ["Ay", "Aa"],
                 "roles": [{"role": "president", "country": "x", "from": "2001"}]}],
    "places": [{"id": "x", "name": "X", "aliases": ["Ex"]}]
  })";
  Gazetteer g = MustParse(kJson);
  g.Extend(MustParse(kJson));
  ASSERT_EQ(g.leaders().size(), 1u);
  EXPECT_EQ(g.leaders()[0].aliases, (std::vector<std::string>{"Aa", "Ay"}));
  EXPECT_EQ(g.leaders()[0].roles.size(), 1u);
  ASSERT_EQ(g.places().size(), 1u);
  EXPECT_EQ(g.places()[0].aliases, (std::vector<std::string>{"Ex"}));
}

// ---------------------------------------------------------------------------
// HolderOf and CountryOf

constexpr std::string_view kOfficesJson = R"({
  "leaders": [
    {"id": "barack-obama", "name": "Barack Obama", "roles": [
      {"role": "president", "country": "united-states", "from": "2009-01-20", "to": "2017-01-20"}]},
    {"id": "donald-trump", "name": "Donald Trump", "roles": [
      {"role": "president", "country": "united-states", "from": "2017-01-20", "to": "2021-01-20"},
      {"role": "president", "country": "united-states", "from": "2025-01-20", "to": null}]},
    {"id": "joe-biden", "name": "Joe Biden", "roles": [
      {"role": "vice-president", "country": "united-states", "from": "2009-01-20", "to": "2017-01-20"},
      {"role": "president", "country": "united-states", "from": "2021-01-20", "to": "2025-01-20"}]},
    {"id": "vladimir-putin", "name": "Vladimir Putin", "roles": [
      {"role": "president", "country": "russia", "from": "2000-05-07", "to": "2008-05-07"},
      {"role": "prime-minister", "country": "russia", "from": "2008-05-08", "to": "2012-05-07"},
      {"role": "president", "country": "russia", "from": "2012-05-07"}]},
    {"id": "dmitry-medvedev", "name": "Dmitry Medvedev", "roles": [
      {"role": "president", "country": "russia", "from": "2008-05-07", "to": "2012-05-07"},
      {"role": "prime-minister", "country": "russia", "from": "2012-05-08", "to": "2020-01-16"}]},
    {"id": "antonio-guterres", "name": "Antonio Guterres", "roles": [
      {"role": "prime-minister", "country": "portugal", "from": "1995-10-28", "to": "2002-04-06"},
      {"role": "secretary-general", "organization": "un", "from": "2017-01-01"}]},
    {"id": "first-rival", "name": "First Rival", "roles": [
      {"role": "prime-minister", "country": "ruritania", "from": "2010-01-01"}]},
    {"id": "second-rival", "name": "Second Rival", "roles": [
      {"role": "prime-minister", "country": "ruritania", "from": "2012-01-01", "to": "2014-01-01"}]},
    {"id": "long-timer", "name": "Long Timer", "roles": [
      {"role": "foreign-minister", "country": "ruritania", "from": "2001-01-01", "to": "2020-01-01"},
      {"role": "prime-minister", "country": "ruritania", "from": "2005-01-01", "to": "2006-01-01"}]},
    {"id": "newest-first", "name": "Newest First", "roles": [
      {"role": "foreign-minister", "country": "b-land", "from": "2015-01-01"},
      {"role": "foreign-minister", "country": "a-land", "from": "2001-01-01", "to": "2005-01-01"}]},
    {"id": "no-roles", "name": "No Roles"}
  ]
})";

struct HolderCase {
  std::string_view role;
  std::string_view country;
  std::string_view date;    // ISO; "" for null.
  std::string_view holder;  // Leader id; "" for nullptr.
};

TEST(GazetteerHolderOfTest, FindsTheRoleInForceOnADate) {
  const Gazetteer g = MustParse(kOfficesJson);
  const HolderCase kCases[] = {
      {"president", "united-states", "2017-01-19", "barack-obama"},
      // The hand-over day belongs to the incoming holder.
      {"president", "united-states", "2017-01-20", "donald-trump"},
      {"president", "united-states", "2021-01-19", "donald-trump"},
      {"president", "united-states", "2021-01-20", "joe-biden"},
      {"president", "united-states", "2025-01-19", "joe-biden"},
      {"president", "united-states", "2025-01-20", "donald-trump"},
      {"president", "united-states", "2031-06-01", "donald-trump"},
      // A coarser date counts from its first day.
      {"president", "united-states", "2021-01", "donald-trump"},
      {"president", "united-states", "2022", "joe-biden"},
      {"president", "united-states", "2009", ""},  // Before the first known holder.
      {"president", "united-states", "XXXX-01-20", ""},
      {"president", "united-states", "", ""},
      {"vice-president", "united-states", "2010-03-01", "joe-biden"},
      {"president", "russia", "2008-05-06", "vladimir-putin"},
      {"president", "russia", "2008-05-07", "dmitry-medvedev"},
      {"president", "russia", "2012-05-06", "dmitry-medvedev"},
      {"president", "russia", "2012-05-07", "vladimir-putin"},
      {"prime-minister", "russia", "2010-07-01", "vladimir-putin"},
      {"prime-minister", "russia", "2012-05-07", ""},  // A day with nobody in office.
      {"prime-minister", "russia", "2012-05-08", "dmitry-medvedev"},
      {"president", "france", "2017-05-02", ""},
      {"chancellor", "russia", "2017-05-02", ""},
      {"prime-minister", "portugal", "2000", "antonio-guterres"},
      // Two holders at once: ambiguous.
      {"prime-minister", "ruritania", "2011-06-01", "first-rival"},
      {"prime-minister", "ruritania", "2013-06-01", ""},
      {"prime-minister", "ruritania", "2014-01-01", "first-rival"},
      {"foreign-minister", "ruritania", "2005-06-01", "long-timer"},
  };
  for (const HolderCase& c : kCases) {
    SCOPED_TRACE(std::string(c.role) + " of " + std::string(c.country) + " on '" +
                 std::string(c.date) + "'");
    const LeaderEntry* holder = g.HolderOf(c.role, c.country, Date(c.date));
    EXPECT_EQ(holder ? holder->id : "", c.holder);
  }
}

struct CountryCase {
  std::string_view leader;
  std::string_view date;  // ISO; "" for null.
  std::string_view country;
};

TEST(GazetteerCountryOfTest, RoleInForceElseLatestRole) {
  const Gazetteer g = MustParse(kOfficesJson);
  const CountryCase kCases[] = {
      {"donald-trump", "2018-01-01", "united-states"},
      {"donald-trump", "2023-01-01", "united-states"},  // Between terms: the latest role.
      {"donald-trump", "", "united-states"},
      {"vladimir-putin", "2010", "russia"},
      {"antonio-guterres", "2000", "portugal"},
      // The UN role names no country: the latest role with one.
      {"antonio-guterres", "2020-01-01", "portugal"},
      {"newest-first", "2003-01-01", "a-land"},
      {"newest-first", "2016-01-01", "b-land"},
      // No role in force: the latest by start date, wherever it is listed.
      {"newest-first", "2010-01-01", "b-land"},
      {"newest-first", "", "b-land"},
      {"no-roles", "2017", ""},
  };
  for (const CountryCase& c : kCases) {
    SCOPED_TRACE(std::string(c.leader) + " on '" + std::string(c.date) + "'");
    const LeaderEntry* leader = g.FindLeader(c.leader);
    ASSERT_NE(leader, nullptr);
    EXPECT_EQ(g.CountryOf(*leader, Date(c.date)), c.country);
  }
}

// ---------------------------------------------------------------------------
// The default gazetteer.

std::string DefaultFilePath() {
  return std::string(ETKG_SOURCE_DIR) + "/loaders/data/gazetteer.json";
}

TEST(GazetteerDefaultTest, IsNotEmpty) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_FALSE(g.leaders().empty());
  EXPECT_FALSE(g.places().empty());
  EXPECT_EQ(&g, &Gazetteer::Default());
}

TEST(GazetteerDefaultTest, RealFileParsesAndIsLarge) {
  const std::string path = DefaultFilePath();
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing from the tree";
  Result<std::string> text = ReadFileToString(path);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Result<Gazetteer> parsed = Gazetteer::Parse(*text, path);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_GE(parsed->leaders().size(), 100u);
  EXPECT_GE(parsed->places().size(), 200u);

  // The binary embeds the same file (a build configured before the file
  // existed embeds a stand-in: reconfigure).
  const Gazetteer& embedded = Gazetteer::Curated();
  EXPECT_EQ(embedded.leaders().size(), parsed->leaders().size());
  EXPECT_EQ(embedded.places().size(), parsed->places().size());
  EXPECT_GE(embedded.leaders().size(), 100u);
  EXPECT_GE(embedded.places().size(), 200u);
}

// Gazetteer::Parse does not check references itself (a user's file names
// places of the default one), so the default file is checked here.
TEST(GazetteerDefaultTest, IdsAreUniqueAndPlaceReferencesResolve) {
  const std::string path = DefaultFilePath();
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing from the tree";
  Result<std::string> text = ReadFileToString(path);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Result<Gazetteer> parsed = Gazetteer::Parse(*text, path);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const Gazetteer& g = *parsed;
  std::set<std::string> leader_ids, place_ids;
  for (const LeaderEntry& l : g.leaders()) {
    EXPECT_TRUE(leader_ids.insert(l.id).second) << "duplicate leader id " << l.id;
  }
  for (const PlaceEntry& p : g.places()) {
    EXPECT_TRUE(place_ids.insert(p.id).second) << "duplicate place id " << p.id;
  }
  auto known = [&](const std::string& id) { return id.empty() || place_ids.count(id) > 0; };
  for (const LeaderEntry& l : g.leaders()) {
    for (const LeaderRole& r : l.roles) {
      EXPECT_TRUE(known(r.country)) << "leader " << l.id << " names place " << r.country;
    }
  }
  for (const PlaceEntry& p : g.places()) {
    EXPECT_TRUE(known(p.capital)) << "place " << p.id << " names capital " << p.capital;
    EXPECT_TRUE(known(p.country)) << "place " << p.id << " names country " << p.country;
  }
  for (const InstitutionEntry& i : g.institutions()) {
    EXPECT_TRUE(known(i.country)) << "institution " << i.name << " names " << i.country;
  }
  for (const SummitEntry& s : g.summits()) {
    EXPECT_TRUE(known(s.place)) << "summit " << s.id << " names place " << s.place;
  }
  for (const IssueEntry& i : g.issues()) {
    for (const std::string& p : i.places) {
      EXPECT_TRUE(known(p)) << "issue " << i.id << " names place " << p;
    }
  }
}

}  // namespace
}  // namespace etkg
