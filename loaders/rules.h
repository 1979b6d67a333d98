// Rules as data: the cue phrases and titles extraction reads, kept in
// loaders/rules/<language>/*.tsv and embedded in the binary at build time,
// so that a new cue or title is a line of a file, not a change of code.
#ifndef ETKG_LOADERS_RULES_H_
#define ETKG_LOADERS_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace etkg {

// One line of a rule table: its tab-separated fields and where it stands.
struct RuleLine {
  std::vector<std::string> fields;
  int line = 0;
};

// The embedded text of a rule file, by its path under loaders/rules
// ("en/cues.tsv"); empty when there is no such file.
std::string_view EmbeddedRules(std::string_view name);

// Parses a rule table: one rule a line, `columns` fields separated by tabs;
// blank lines and lines starting with '#' are comments. Returns
// Invalid naming `file` and the line when a line has another number of
// fields or an empty one.
Result<std::vector<RuleLine>> ParseRuleTable(std::string_view text, const std::string& file,
                                             size_t columns);

}  // namespace etkg

#endif  // ETKG_LOADERS_RULES_H_
