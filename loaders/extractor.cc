#include "loaders/extractor.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "graph/text.h"
#include "loaders/extraction/document_extraction.h"
#include "loaders/matcher.h"
#include "loaders/rules.h"
#include "loaders/temporal_tagger.h"

namespace etkg {
namespace extraction {

// The cue of each name used in loaders/rules/<language>/cues.tsv.
constexpr std::pair<std::string_view, Cue> kCueNames[] = {
    {"call", Cue::kCall},         {"call-weak", Cue::kCallWeak},  {"video", Cue::kVideo},
    {"meeting", Cue::kMeeting},   {"host", Cue::kHost},           {"called", Cue::kCalled},
    {"visit", Cue::kVisit},       {"readout", Cue::kReadout},     {"talks", Cue::kTalks},
    {"discuss", Cue::kDiscuss},   {"not-a-call", Cue::kNegative}, {"press-call", Cue::kPressCall},
    {"planning", Cue::kPlanning}, {"former", Cue::kFormer},       {"pair", Cue::kPair},
    {"duration", Cue::kDuration},
};

Result<Lexicon> LoadLexicon(std::string_view language) {
  Lexicon lexicon;
  const std::string cue_file = "loaders/rules/" + std::string(language) + "/cues.tsv";
  Result<std::vector<RuleLine>> cues =
      ParseRuleTable(EmbeddedRules(std::string(language) + "/cues.tsv"), cue_file, 2);
  if (!cues.ok()) return cues.status();
  for (const RuleLine& rule : *cues) {
    auto it = std::find_if(std::begin(kCueNames), std::end(kCueNames),
                           [&](const auto& c) { return c.first == rule.fields[0]; });
    if (it == std::end(kCueNames)) {
      return Status::Invalid("unknown cue '" + rule.fields[0] + "'", {cue_file, rule.line});
    }
    lexicon.literals.push_back({rule.fields[1], static_cast<uint32_t>(it->second), true});
  }
  const std::string title_file = "loaders/rules/" + std::string(language) + "/titles.tsv";
  Result<std::vector<RuleLine>> titles =
      ParseRuleTable(EmbeddedRules(std::string(language) + "/titles.tsv"), title_file, 2);
  if (!titles.ok()) return titles.status();
  for (const RuleLine& rule : *titles) {
    // Titles keep their case: "President Trump", "the president".
    lexicon.literals.push_back(
        {rule.fields[0], static_cast<uint32_t>(kRoleBase + lexicon.roles.size()), false});
    lexicon.roles.push_back({rule.fields[0], rule.fields[1]});
  }
  Result<std::vector<RuleLine>> offices =
      ParseRuleTable(EmbeddedRules("offices.tsv"), "loaders/rules/offices.tsv", 4);
  if (!offices.ok()) return offices.status();
  for (const RuleLine& rule : *offices) {
    lexicon.literals.push_back(
        {rule.fields[0], static_cast<uint32_t>(kDomainBase + lexicon.offices.size()), true});
    lexicon.offices.push_back({rule.fields[0], rule.fields[1] == "-" ? "" : rule.fields[1],
                               rule.fields[2] == "-" ? "" : rule.fields[2], rule.fields[3]});
  }
  const std::string issuer_file = "loaders/rules/" + std::string(language) + "/issuers.tsv";
  Result<std::vector<RuleLine>> issuers =
      ParseRuleTable(EmbeddedRules(std::string(language) + "/issuers.tsv"), issuer_file, 4);
  if (!issuers.ok()) return issuers.status();
  for (const RuleLine& rule : *issuers) {
    lexicon.issuers.push_back({AsciiLower(rule.fields[0]),
                               rule.fields[1] == "-" ? "" : rule.fields[1], rule.fields[2],
                               rule.fields[3]});
  }
  return lexicon;
}

// Read once; MakeExtractor reports a broken table (tests/loaders/
// rules_test.cc checks every line, so none ships).
const Result<Lexicon>& English() {
  static const Result<Lexicon> lexicon = LoadLexicon("en");
  return lexicon;
}

// ---------------------------------------------------------------------------
// Helpers over text.

Result<EventGraph> DocumentExtraction::Run() {
  ReadStructure();
  FindMentions();
  FindFrames();
  ResolveDocument();
  return Build();
}

}  // namespace extraction

namespace {

using extraction::DocumentExtraction;
using extraction::English;
using extraction::Lexicon;

class RuleExtractor : public Extractor {
 public:
  RuleExtractor(const Gazetteer& gazetteer, NameMatcher matcher)
      : gazetteer_(gazetteer), matcher_(std::move(matcher)) {}

  Result<EventGraph> Extract(const Document& doc) const override {
    DocumentExtraction extraction(gazetteer_, matcher_, tagger_, doc);
    Result<EventGraph> graph = extraction.Run();
    if (!graph.ok()) return graph.status().WithFile(doc.path);
    return graph;
  }

 private:
  const Gazetteer& gazetteer_;
  NameMatcher matcher_;
  TemporalTagger tagger_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeExtractor(const Gazetteer& gazetteer) {
  const Result<Lexicon>& lexicon = English();
  if (!lexicon.ok()) return lexicon.status();
  Result<NameMatcher> matcher = NameMatcher::Build(gazetteer, lexicon->literals);
  if (!matcher.ok()) return matcher.status();
  return std::unique_ptr<Extractor>(new RuleExtractor(gazetteer, std::move(*matcher)));
}

}  // namespace etkg
