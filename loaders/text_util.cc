#include "loaders/text_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "loaders/encoding.h"

namespace etkg {

SourceLocation LocateOffset(std::string_view text, size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  SourceLocation where{file, 1, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = static_cast<int>(offset - line_start) + 1;
  return where;
}

namespace {

// The C locale's classes, without a call per byte.
bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsAsciiPunct(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Frequent in any English prose, rare as words of other languages
// written in Latin letters. `word` is lower case.
bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kFunctionWords[] = {
      "after", "and",   "are",  "be", "but", "by",   "for",   "from", "had",  "has",
      "have",  "he",    "his",  "is", "it",  "its",  "not",   "of",   "said", "that",
      "the",   "their", "this", "to", "was", "were", "which", "will", "with", "would"};
  // By first letter: each word is compared with the few that could match.
  static const auto kByLetter = [] {
    std::array<uint32_t, 26> masks{};
    for (size_t i = 0; i < std::size(kFunctionWords); ++i) {
      masks[kFunctionWords[i][0] - 'a'] |= 1u << i;
    }
    return masks;
  }();
  if (word.size() < 2 || word[0] < 'a' || word[0] > 'z') return false;
  for (uint32_t m = kByLetter[word[0] - 'a']; m != 0; m &= m - 1) {
    if (kFunctionWords[std::countr_zero(m)] == word) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeEnglish(std::string_view text) {
  constexpr size_t kEnough = 30;
  size_t words = 0, function_words = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    while (i < n && IsAsciiSpace(s[i])) ++i;
    if (i == n) break;
    size_t begin = i;
    while (i < n && !IsAsciiSpace(s[i])) ++i;
    ++words;
    size_t end = i;
    while (end > begin && IsAsciiPunct(s[end - 1])) --end;
    if (end - begin > 6) continue;
    char lower[8] = {};
    for (size_t k = begin; k < end; ++k) {
      lower[k - begin] = static_cast<char>(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k]);
    }
    if (IsFunctionWord(std::string_view(lower, end - begin))) ++function_words;
  }
  return words < kEnough || function_words * 10 >= words;
}

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most text, and almost all JSON, is ASCII.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

namespace {

std::string SizeText(size_t bytes) {
  if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  return std::to_string(bytes) + " bytes";
}

// Reads `fd` to its end, failing past `max_bytes`.
Result<std::string> ReadAll(int fd, const std::string& path, size_t max_bytes) {
  std::string out;
  struct stat st;
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular) {
    if (static_cast<size_t>(st.st_size) > max_bytes) {
      return Status::Invalid("file of " + std::to_string(st.st_size) + " bytes; at most " +
                                 SizeText(max_bytes) + " is read as one document",
                             {path});
    }
    out.reserve(static_cast<size_t>(st.st_size));
  }
  char buffer[1 << 16];
  bool wide = false;  // UTF-16 or UTF-32, whose NUL bytes are characters.
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Io(std::string("read failed: ") + std::strerror(errno), {path});
    }
    if (n == 0) break;
    if (out.empty()) {
      wide = DetectByteOrderMark({buffer, static_cast<size_t>(n)}).encoding != TextEncoding::kUtf8;
    }
    // A pipe or a device may never end (/dev/zero): binary data stops it
    // at once, since neither documents nor graphs hold NUL bytes.
    if (!regular && !wide && std::memchr(buffer, '\0', static_cast<size_t>(n))) {
      return Status::Invalid("binary data (a NUL byte), not text", {path});
    }
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return Status::Invalid("more than " + SizeText(max_bytes) + " to read; stopped there",
                             {path});
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

Result<std::string> ReadFileToString(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file", {path});
  if (std::filesystem::is_directory(path, ec)) return Status::Invalid("is a directory", {path});
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Io(std::string("cannot open: ") + std::strerror(errno), {path});
  Result<std::string> text = ReadAll(fd, path, max_bytes);
  ::close(fd);
  return text;
}

Result<std::string> ReadStdin(size_t max_bytes) { return ReadAll(STDIN_FILENO, "-", max_bytes); }

std::string Slugify(std::string_view text) {
  std::string slug;
  slug.reserve(text.size());
  bool pending_hyphen = false;
  for (unsigned char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      keep = true;
    }
    if (!keep) {
      pending_hyphen = !slug.empty();
      continue;
    }
    if (pending_hyphen) slug += '-';
    pending_hyphen = false;
    slug += static_cast<char>(c);
  }
  return slug;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace etkg
