#include "loaders/world.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "graph/text.h"
#include "loaders/text_util.h"

namespace etkg {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

template <typename T>
bool ToNumber(std::string_view s, T* out) {
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return error == std::errc() && end == s.data() + s.size();
}

// Every name a curated entry is matched by: a world place of the same name
// must not take its mentions.
std::unordered_set<std::string> CuratedNames(const Gazetteer& g) {
  std::unordered_set<std::string> names;
  auto add = [&](const std::string& name, const std::vector<std::string>& aliases) {
    names.insert(name);
    names.insert(aliases.begin(), aliases.end());
  };
  for (const LeaderEntry& e : g.leaders()) add(e.name, e.aliases);
  for (const PlaceEntry& e : g.places()) {
    add(e.name, e.aliases);
    names.insert(e.demonyms.begin(), e.demonyms.end());
  }
  for (const SummitEntry& e : g.summits()) add(e.name, e.aliases);
  for (const OrganizationEntry& e : g.organizations()) add(e.name, e.aliases);
  for (const InstitutionEntry& e : g.institutions()) names.insert(e.name);
  return names;
}

// The first and family names of the curated leaders ("Vladimir" of
// Vladimir Putin, "Austin" of Lloyd Austin): a city of that name is read as
// a place only where the text puts a place ("Austin said" is the man).
std::unordered_set<std::string> PersonalNames(const Gazetteer& g) {
  std::unordered_set<std::string> names;
  for (const LeaderEntry& e : g.leaders()) {
    size_t first = e.name.find(' '), last = e.name.rfind(' ');
    if (first == std::string::npos) continue;
    if (first >= 3) names.insert(e.name.substr(0, first));
    if (e.name.size() - last > 3) names.insert(e.name.substr(last + 1));
  }
  return names;
}

}  // namespace

Result<WorldTable> ParseWorldTable(std::string_view text, const std::string& file) {
  WorldTable table;
  size_t line_number = 0;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    auto bad = [&](const char* what) {
      return Status::Invalid(std::string("world table: ") + what,
                             {file, static_cast<int>(line_number), 1});
    };
    if (f[0] == "C") {
      if (f.size() < 4) return bad("a country line has a code, flags and names");
      WorldCountry c{std::string(f[1]), {}, f[2] == "w"};
      for (size_t i = 3; i < f.size(); ++i) c.names.emplace_back(f[i]);
      table.countries.push_back(std::move(c));
    } else if (f[0] == "R") {
      if (f.size() != 5) return bad("a subdivision line has a code, a country, a name and flags");
      table.regions.push_back(
          {std::string(f[1]), std::string(f[2]), std::string(f[3]), f[4] == "w"});
    } else if (f[0] == "P") {
      WorldCity c;
      if (f.size() != 8 || !ToNumber(f[1], &c.id) || !ToNumber(f[4], &c.population)) {
        return bad(
            "a city line has an id, a country, a subdivision, a population, a name, "
            "flags and a feature code");
      }
      c.country = f[2];
      c.region = f[3];
      c.name = f[5];
      c.common_word = f[6] == "w";
      c.feature = f[7];
      table.cities.push_back(std::move(c));
    } else {
      return bad("a line starts with C, R or P");
    }
  }
  return table;
}

std::vector<PlaceEntry> WorldPlaces(const WorldTable& table, const Gazetteer& curated) {
  std::unordered_set<std::string> curated_names = CuratedNames(curated);
  std::unordered_set<std::string> personal_names = PersonalNames(curated);
  std::unordered_set<std::string> ids;
  for (const PlaceEntry& p : curated.places()) ids.insert(p.id);
  std::vector<PlaceEntry> out;

  // Countries: the curated entry of the same name, else a new place.
  std::unordered_map<std::string, std::string> country_by_name;  // Lower-case name -> id.
  for (const PlaceEntry& p : curated.places()) {
    if (p.type != "country") continue;
    country_by_name.emplace(AsciiLower(p.name), p.id);
    for (const std::string& a : p.aliases) country_by_name.emplace(AsciiLower(a), p.id);
  }
  std::unordered_map<std::string, std::string> country_id, country_name;  // By alpha-2.
  for (const WorldCountry& c : table.countries) {
    for (const std::string& name : c.names) {
      auto it = country_by_name.find(AsciiLower(name));
      if (it == country_by_name.end()) continue;
      country_id[c.code] = it->second;
      country_name[c.code] = curated.FindPlace(it->second)->name;
      break;
    }
    if (country_id.count(c.code)) continue;
    // ISO writes some names inverted ("Korea, Republic of"); the common
    // name, listed second, reads as news does.
    const std::string& name = c.names.size() > 1 ? c.names[1] : c.names[0];
    std::string id = Slugify(name);
    if (name.find(',') != std::string::npos || curated_names.count(name) ||
        !ids.insert(id).second) {
      continue;
    }
    PlaceEntry p;
    p.id = id;
    p.name = name;
    p.type = "country";
    p.world = true;
    p.common_word = c.common_word;
    country_id[c.code] = id;
    country_name[c.code] = name;
    out.push_back(std::move(p));
  }

  // Subdivisions and cities together, the most populous first: of several
  // places of one name, that one is the plain name. A subdivision counts
  // the people of its cities in the table.
  struct Candidate {
    const WorldRegion* region = nullptr;
    const WorldCity* city = nullptr;
    uint64_t population = 0;
  };
  std::unordered_map<std::string, uint64_t> region_population;
  std::unordered_map<std::string, const WorldRegion*> region_by_code;
  for (const WorldRegion& r : table.regions) region_by_code.emplace(r.code, &r);
  for (const WorldCity& c : table.cities) region_population[c.region] += c.population;
  std::vector<Candidate> candidates;
  for (const WorldRegion& r : table.regions) {
    candidates.push_back({&r, nullptr, region_population[r.code]});
  }
  for (const WorldCity& c : table.cities) candidates.push_back({nullptr, &c, c.population});
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.population != b.population) return a.population > b.population;
                     // Subdivisions before cities, then the table's order.
                     return a.region && !b.region;
                   });
  // A region comes before its cities (it counts their people), so its id
  // is known when they are placed in it.
  std::unordered_map<std::string, std::string> region_id;  // By ISO code.
  std::unordered_set<std::string> plain_taken(curated_names.begin(), curated_names.end());
  for (const Candidate& c : candidates) {
    const std::string& name = c.region ? c.region->name : c.city->name;
    const std::string& code = c.region ? c.region->country : c.city->country;
    PlaceEntry p;
    p.type = c.region ? "region" : "city";
    p.world = true;
    p.population = c.population;
    p.common_word =
        (c.region ? c.region->common_word : c.city->common_word) || personal_names.count(name) > 0;
    auto country = country_id.find(code);
    if (country != country_id.end()) p.country = country->second;
    std::string within;  // What a second place of the name is told apart by.
    if (c.city) {
      auto region = region_by_code.find(c.city->region);
      if (region != region_by_code.end() && region->second->name != name) {
        within = region->second->name;
        auto id = region_id.find(c.city->region);
        if (id != region_id.end()) p.region = id->second;
      }
    }
    if (within.empty() && country_name.count(code)) within = country_name[code];
    if (plain_taken.insert(name).second) {
      p.name = name;
    } else if (!within.empty()) {
      p.name = name + ", " + within;
      p.aliases.push_back(name);
    } else {
      continue;  // Nothing to tell it apart by: one name, one place.
    }
    p.id = Slugify(p.name);
    if (!ids.insert(p.id).second) {
      p.id += "-" + (c.region ? AsciiLower(c.region->code) : std::to_string(c.city->id));
      if (!ids.insert(p.id).second) continue;
    }
    if (c.region) region_id[c.region->code] = p.id;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace etkg
