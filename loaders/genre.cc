#include "loaders/genre.h"

#include <algorithm>
#include <vector>

#include "graph/text.h"
#include "loaders/phrase_index.h"
#include "loaders/rules.h"

namespace etkg {
namespace {

struct GenreRule {
  std::string genre;
  bool at_edge;  // Only as the first or the last words.
};

struct GenreRules {
  std::vector<GenreRule> rules;
  PhraseIndex index;  // Id: index in rules, the order of the file.
};

const GenreRules& Rules() {
  static const GenreRules rules = [] {
    GenreRules out;
    Result<std::vector<RuleLine>> lines =
        ParseRuleTable(EmbeddedRules("en/genres.tsv"), "loaders/rules/en/genres.tsv", 3);
    // tests/loaders/rules_test.cc parses every table; a broken one never
    // ships, and none would leave every document a report.
    if (!lines.ok()) return out;
    for (const RuleLine& line : *lines) {
      out.index.Add(AsciiLower(line.fields[1]), out.rules.size());
      out.rules.push_back({line.fields[0], line.fields[2] == "edge"});
    }
    return out;
  }();
  return rules;
}

// The heading of a text without a title: its first few lines, where a
// page's banner ("Welcome to the United Nations") may stand before it.
std::string_view Heading(std::string_view body) {
  size_t end = 0;
  for (int lines = 0; lines < 5 && end < body.size(); ++lines) {
    size_t start = body.find_first_not_of(" \t\n", end);
    if (start == std::string_view::npos) break;
    end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
  }
  return body.substr(0, std::min<size_t>(end, 400));
}

}  // namespace

std::string DetectGenre(std::string_view title, std::string_view body, int speaker_lines) {
  std::string_view head = body.substr(0, std::min<size_t>(body.size(), 1500));
  // A memorandum's header block names its parties.
  if (head.find("PARTICIPANTS:") != std::string_view::npos) return "memorandum";
  // The title first; a title that says nothing of the genre (a page's
  // banner read as one) leaves it to the heading.
  std::string found = "report";
  for (std::string_view words : {title, Heading(body)}) {
    size_t best = Rules().rules.size();
    std::string lower = AsciiLower(words);
    // The title's words without what trails them: "Declaration -".
    size_t first = lower.find_first_not_of(" \t\n");
    size_t last = lower.find_last_not_of(" \t\n-:|.");
    for (const PhraseIndex::Hit& hit : Rules().index.Find(lower)) {
      if (Rules().rules[hit.id].at_edge && hit.begin != first &&
          (last == std::string::npos || hit.end != last + 1)) {
        continue;
      }
      best = std::min(best, hit.id);
    }
    if (best < Rules().rules.size()) {
      found = Rules().rules[best].genre;
      break;
    }
  }
  // Speakers take turns: a transcript, whatever its title says, unless it
  // is a memorandum or a briefing, which have speakers of their own.
  if (speaker_lines >= 2 && !HasSpeakers(found)) found = "transcript";
  return found;
}

bool HasSpeakers(std::string_view genre) {
  return genre == "transcript" || genre == "memorandum" || genre == "briefing";
}

}  // namespace etkg
