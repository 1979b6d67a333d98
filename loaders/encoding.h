// Text in UTF-16 or UTF-32, known by its byte-order mark, turned into UTF-8
// (with ICU's converters), whole or a chunk at a time.
#ifndef ETKG_LOADERS_ENCODING_H_
#define ETKG_LOADERS_ENCODING_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The encoding the byte-order mark at the start of `bytes` names, and the
// mark's size in bytes; kUtf8 (size 0, or 3 for a UTF-8 mark) otherwise.
// FF FE 00 00 is UTF-32LE: as UTF-16 it would begin with a NUL character.
struct ByteOrderMark {
  TextEncoding encoding = TextEncoding::kUtf8;
  size_t size = 0;
};
ByteOrderMark DetectByteOrderMark(std::string_view bytes);

// "UTF-16LE", "UTF-32BE"...
const char* EncodingName(TextEncoding encoding);

// Whether `bytes`, which hold a NUL byte, look like UTF-16 without a
// byte-order mark: ASCII text with a NUL byte beside every character. Names
// the likely encoding ("UTF-16LE") or returns nullptr.
const char* LooksLikeUnmarkedUtf16(std::string_view bytes);

// Converts a stream in `encoding` to UTF-8, a chunk at a time: a character
// cut between two chunks is whole in the output. The byte-order mark is the
// caller's to drop.
class Utf8Decoder {
 public:
  // `path` names the input in messages; `offset` is where in it the first
  // chunk begins (after the byte-order mark).
  Utf8Decoder(TextEncoding encoding, std::string path, uint64_t offset);
  ~Utf8Decoder();
  Utf8Decoder(const Utf8Decoder&) = delete;
  Utf8Decoder& operator=(const Utf8Decoder&) = delete;

  // Appends the UTF-8 of `chunk` to `out`; `last` for the end of the input,
  // where a cut character is an error. Returns InvalidInput at a sequence
  // that is no character (a lone surrogate, a value past U+10FFFF, a cut
  // character), naming its line (counted in the text decoded so far) and
  // its byte offset in the input, with all the text before it appended;
  // the decoder is then spent.
  Status Decode(std::string_view chunk, bool last, std::string* out);

 private:
  struct Converters;
  TextEncoding encoding_;
  std::string path_;
  uint64_t offset_;
  int line_ = 1;
  std::unique_ptr<Converters> converters_;
};

// `content` in UTF-8: decoded, without its mark, when it starts with a
// UTF-16 or UTF-32 byte-order mark; otherwise the same bytes. Errors as
// Utf8Decoder::Decode; the second form leaves the text before an error in
// `out`.
Result<std::string> DecodeToUtf8(std::string_view content, const std::string& path);
Status DecodeToUtf8(std::string_view content, const std::string& path, std::string* out);

}  // namespace etkg

#endif  // ETKG_LOADERS_ENCODING_H_
