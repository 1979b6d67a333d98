// Small helpers over raw input text shared by the loaders.
#ifndef ETKG_LOADERS_TEXT_UTIL_H_
#define ETKG_LOADERS_TEXT_UTIL_H_

#include <cstddef>
#include <cstdint>
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

// The most etkg reads as one document: offsets into a document are 32-bit.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

// Reads a whole file. Returns NotFound or IoError naming the path, and
// InvalidInput for a file of more than `max_bytes` (checked before reading
// a regular file, while reading a pipe or a device) or for a pipe or a
// device that gives a NUL byte (/dev/zero: it would never end).
Result<std::string> ReadFileToString(const std::string& path, size_t max_bytes = SIZE_MAX);

// Reads standard input, up to `max_bytes`.
Result<std::string> ReadStdin(size_t max_bytes);

// Lower-case ASCII slug: "Vladimir Putin" -> "vladimir-putin". Non-ASCII
// letters are kept as they are (UTF-8), other characters become hyphens.
std::string Slugify(std::string_view text);

// `s` without the spaces, tabs and carriage returns at its ends.
std::string_view Trim(std::string_view s);

}  // namespace etkg

#endif  // ETKG_LOADERS_TEXT_UTIL_H_
