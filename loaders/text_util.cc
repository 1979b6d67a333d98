#include "loaders/text_util.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

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

Result<std::string> ReadFileToString(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file", {path});
  if (std::filesystem::is_directory(path, ec)) return Status::Invalid("is a directory", {path});
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(std::string("cannot open: ") + std::strerror(errno), {path});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Io("read failed", {path});
  return buffer.str();
}

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

}  // namespace etkg
