// Small text helpers shared by the library and the command line.
#ifndef ETKG_GRAPH_TEXT_H_
#define ETKG_GRAPH_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace etkg {

// ASCII letters in lower case; other bytes (UTF-8 too) as they are.
std::string AsciiLower(std::string_view text);

// Levenshtein distance in bytes, for "did you mean".
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace etkg

#endif  // ETKG_GRAPH_TEXT_H_
