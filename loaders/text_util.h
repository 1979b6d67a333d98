// Small helpers over raw input text shared by the loaders.
#ifndef ETKG_LOADERS_TEXT_UTIL_H_
#define ETKG_LOADERS_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg {

// 1-based line and column (in bytes) of `offset` within `text`.
SourceLocation LocateOffset(std::string_view text, size_t offset, const std::string& file);

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view text);

// Whether `text` reads as English: at least one word in ten is a common
// English function word ("the", "of", "with"...). Texts of fewer than 30
// words are too short to tell and count as English. The extractor's cues
// are English; a document in another language yields mentions at most.
bool LooksLikeEnglish(std::string_view text);

// Reads a whole file. Returns NotFound or IoError naming the path.
Result<std::string> ReadFileToString(const std::string& path);

// Lower-case ASCII slug: "Vladimir Putin" -> "vladimir-putin". Non-ASCII
// letters are kept as they are (UTF-8), other characters become hyphens.
std::string Slugify(std::string_view text);

}  // namespace etkg

#endif  // ETKG_LOADERS_TEXT_UTIL_H_
