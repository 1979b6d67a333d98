// Sentence boundaries from ICU, on UTF-8 text without copying it.
#ifndef ETKG_LOADERS_SEGMENTER_H_
#define ETKG_LOADERS_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace etkg {

struct TextSpan {
  uint32_t begin = 0;  // Byte offsets.
  uint32_t end = 0;
};

// The sentences of `text`, trimmed of surrounding white space, in order.
// A line break ends a sentence (news text puts headlines and paragraphs on
// lines of their own); abbreviations such as "U.S." and "Mr." do not.
// No sentence is longer than kMaxSentenceBytes: longer runs are cut at a
// space. Thread-safe.
inline constexpr size_t kMaxSentenceBytes = 2000;
std::vector<TextSpan> SplitSentences(std::string_view text);

}  // namespace etkg

#endif  // ETKG_LOADERS_SEGMENTER_H_
