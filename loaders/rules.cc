#include "loaders/rules.h"

#include "graph/embed.h"

#ifndef ETKG_RULES_DIR
#error "ETKG_RULES_DIR must name loaders/rules"
#endif

// Each table embedded as the gazetteer is (graph/embed.h).
#define ETKG_EMBED(symbol, file) ETKG_EMBED_FILE(symbol, ETKG_RULES_DIR "/" file)

ETKG_EMBED(etkg_rules_en_cues, "en/cues.tsv")
ETKG_EMBED(etkg_rules_en_titles, "en/titles.tsv")
ETKG_EMBED(etkg_rules_en_genres, "en/genres.tsv")
ETKG_EMBED(etkg_rules_en_topics, "en/topics.tsv")
ETKG_EMBED(etkg_rules_offices, "offices.tsv")
ETKG_EMBED(etkg_rules_en_tense, "en/tense.tsv")
ETKG_EMBED(etkg_rules_en_issuers, "en/issuers.tsv")

namespace etkg {

std::string_view EmbeddedRules(std::string_view name) {
  struct File {
    std::string_view name;
    const char* begin;
    const char* end;
  };
  static const File kFiles[] = {
      {"en/cues.tsv", etkg_rules_en_cues_begin, etkg_rules_en_cues_end},
      {"en/titles.tsv", etkg_rules_en_titles_begin, etkg_rules_en_titles_end},
      {"en/genres.tsv", etkg_rules_en_genres_begin, etkg_rules_en_genres_end},
      {"en/topics.tsv", etkg_rules_en_topics_begin, etkg_rules_en_topics_end},
      {"offices.tsv", etkg_rules_offices_begin, etkg_rules_offices_end},
      {"en/tense.tsv", etkg_rules_en_tense_begin, etkg_rules_en_tense_end},
      {"en/issuers.tsv", etkg_rules_en_issuers_begin, etkg_rules_en_issuers_end},
  };
  for (const File& f : kFiles) {
    if (f.name == name) return std::string_view(f.begin, static_cast<size_t>(f.end - f.begin));
  }
  return {};
}

Result<std::vector<RuleLine>> ParseRuleTable(std::string_view text, const std::string& file,
                                             size_t columns) {
  std::vector<RuleLine> rules;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    RuleLine rule;
    rule.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      rule.fields.emplace_back(
          line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (rule.fields.back().empty()) {
        return Status::Invalid("empty field", {file, number});
      }
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (rule.fields.size() != columns) {
      return Status::Invalid("expected " + std::to_string(columns) + " tab-separated fields, got " +
                                 std::to_string(rule.fields.size()),
                             {file, number});
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace etkg
