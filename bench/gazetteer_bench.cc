// gazetteer_bench: how long a gazetteer of N leaders takes to become ready
// for extraction, by step: Gazetteer::Parse of its JSON, Extend of the
// default gazetteer with it (what `etkg ingest --gazetteer` does), and
// NameMatcher::Build over the result. The leaders are synthetic and
// deterministic: names from syllables, a surname alias and a title alias
// each, one or two roles in one of the default gazetteer's countries.
//
//   gazetteer_bench --leaders 10000,50000,100000 --runs 3
//
// prints min/median/max seconds of each step for each size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "loaders/gazetteer.h"
#include "loaders/matcher.h"

namespace {

std::string Name(uint64_t n) {
  static const char* kSyllables[] = {"ka", "lo", "mi",  "ra", "sen", "to", "vi", "dru",
                                     "an", "be", "cor", "el", "fa",  "gu", "ho", "ix"};
  std::string out;
  do {
    out += kSyllables[n % 16];
    n /= 16;
  } while (n);
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string SyntheticGazetteer(size_t leaders) {
  std::vector<std::string> countries;
  for (const etkg::PlaceEntry& p : etkg::Gazetteer::Curated().places()) {
    if (p.type == "country") countries.push_back(p.id);
  }
  std::string json = "{\"leaders\": [\n";
  for (size_t i = 0; i < leaders; ++i) {
    std::string given = Name(i * 7 + 3), family = Name(i);
    std::string id = "synthetic-" + std::to_string(i);
    const std::string& country = countries[i % countries.size()];
    int year = 1950 + static_cast<int>(i % 70);
    json += "{\"id\": \"" + id + "\", \"name\": \"" + given + " " + family +
            "\", \"aliases\": [\"" + family + "\", \"President " + family +
            "\"], \"roles\": [{\"role\": \"president\", \"country\": \"" + country +
            "\", \"from\": \"" + std::to_string(year) + "-01-20\", \"to\": \"" +
            std::to_string(year + 4) + "-01-20\"}";
    if (i % 3 == 0) {
      json += ", {\"role\": \"foreign-minister\", \"country\": \"" + country + "\", \"from\": \"" +
              std::to_string(year - 4) + "\", \"to\": \"" + std::to_string(year) + "\"}";
    }
    json += "]}";
    json += i + 1 < leaders ? ",\n" : "\n";
  }
  return json + "]}\n";
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void Report(const char* step, size_t leaders, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-8zu %-16s min %8.3f  median %8.3f  max %8.3f s\n", leaders, step, times.front(),
              times[times.size() / 2], times.back());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {10000, 50000, 100000};
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--runs") {
      runs = std::atoi(argv[i + 1]);
    } else if (flag == "--leaders") {
      sizes.clear();
      for (char* s = argv[i + 1]; *s;) {
        sizes.push_back(std::strtoull(s, &s, 10));
        if (*s == ',') ++s;
      }
    } else {
      std::fprintf(stderr, "usage: gazetteer_bench [--leaders N,N,...] [--runs R]\n");
      return 2;
    }
  }
  const etkg::Gazetteer& base = etkg::Gazetteer::Default();
  for (size_t n : sizes) {
    std::string json = SyntheticGazetteer(n);
    std::vector<double> parse, extend, build;
    for (int r = 0; r < runs; ++r) {
      auto start = std::chrono::steady_clock::now();
      etkg::Result<etkg::Gazetteer> extra = etkg::Gazetteer::Parse(json, "synthetic");
      parse.push_back(Seconds(start));
      if (!extra.ok()) {
        std::fprintf(stderr, "%s\n", extra.status().ToString().c_str());
        return 1;
      }
      etkg::Gazetteer g = base;
      start = std::chrono::steady_clock::now();
      g.Extend(*extra);
      extend.push_back(Seconds(start));
      start = std::chrono::steady_clock::now();
      etkg::Result<etkg::NameMatcher> matcher = etkg::NameMatcher::Build(g, {});
      build.push_back(Seconds(start));
      if (!matcher.ok()) return 1;
    }
    Report("Parse", n, parse);
    Report("Extend", n, extend);
    Report("Matcher::Build", n, build);
  }
  return 0;
}
