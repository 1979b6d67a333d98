#include "loaders/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <utility>

namespace etkg {

ByteOrderMark DetectByteOrderMark(std::string_view bytes) {
  auto starts = [&](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
  using namespace std::string_view_literals;
  // UTF-32LE before UTF-16LE: its mark begins with UTF-16LE's.
  if (starts("\xFF\xFE\x00\x00"sv)) return {TextEncoding::kUtf32Le, 4};
  if (starts("\x00\x00\xFE\xFF"sv)) return {TextEncoding::kUtf32Be, 4};
  if (starts("\xFF\xFE"sv)) return {TextEncoding::kUtf16Le, 2};
  if (starts("\xFE\xFF"sv)) return {TextEncoding::kUtf16Be, 2};
  if (starts("\xEF\xBB\xBF"sv)) return {TextEncoding::kUtf8, 3};
  return {};
}

const char* EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kUtf32Le:
      return "UTF-32LE";
    case TextEncoding::kUtf32Be:
      return "UTF-32BE";
  }
  return "UTF-8";
}

const char* LooksLikeUnmarkedUtf16(std::string_view bytes) {
  // In the first 64 characters, one byte of nearly every pair (the others
  // may be letters past ASCII) is NUL and the other printable ASCII or a
  // line end.
  const size_t pairs = std::min<size_t>(bytes.size() / 2, 64);
  if (pairs < 4) return nullptr;
  auto is_text = [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r'; };
  size_t little = 0, big = 0;
  for (size_t i = 0; i < pairs; ++i) {
    const auto a = static_cast<unsigned char>(bytes[2 * i]);
    const auto b = static_cast<unsigned char>(bytes[2 * i + 1]);
    little += is_text(a) && b == 0;
    big += a == 0 && is_text(b);
  }
  if (little * 8 >= pairs * 7) return "UTF-16LE";
  if (big * 8 >= pairs * 7) return "UTF-16BE";
  return nullptr;
}

// The UTF-8 target, the source, and the UTF-16 pivot between them, which
// carries what one call leaves to the next.
struct Utf8Decoder::Converters {
  UConverter* source = nullptr;
  UConverter* target = nullptr;
  static constexpr size_t kPivot = 4096;
  UChar pivot[kPivot];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  bool started = false;
  bool spent = false;

  ~Converters() {
    if (source) ucnv_close(source);
    if (target) ucnv_close(target);
  }
};

Utf8Decoder::Utf8Decoder(TextEncoding encoding, std::string path, uint64_t offset)
    : encoding_(encoding),
      path_(std::move(path)),
      offset_(offset),
      converters_(std::make_unique<Converters>()) {
  UErrorCode status = U_ZERO_ERROR;
  converters_->source = ucnv_open(EncodingName(encoding), &status);
  converters_->target = ucnv_open("UTF-8", &status);
  // Stop at a sequence that is no character instead of putting U+FFFD in
  // its place: a document is read as it is or not at all.
  if (U_SUCCESS(status)) {
    ucnv_setToUCallBack(converters_->source, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  }
  if (U_FAILURE(status)) converters_->spent = true;
}

Utf8Decoder::~Utf8Decoder() = default;

Status Utf8Decoder::Decode(std::string_view chunk, bool last, std::string* out) {
  Converters& c = *converters_;
  const std::string name = EncodingName(encoding_);
  if (c.spent) return Status::Internal("ICU cannot convert " + name);
  // A null limit would mean a NUL-terminated source: never give one.
  static constexpr char kNothing[1] = {};
  const char* source = chunk.empty() ? kNothing : chunk.data();
  const char* const source_start = source;
  const char* const source_limit = source + chunk.size();
  char buffer[1 << 16];
  for (;;) {
    char* target = buffer;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(c.target, c.source, &target, buffer + sizeof buffer, &source, source_limit,
                   c.pivot, &c.pivot_source, &c.pivot_target, c.pivot + Converters::kPivot,
                   /*reset=*/!c.started, /*flush=*/last, &status);
    c.started = true;
    const std::string_view produced(buffer, static_cast<size_t>(target - buffer));
    line_ += static_cast<int>(std::count(produced.begin(), produced.end(), '\n'));
    out->append(produced);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      c.spent = true;
      // The text before the error, part of which the pivot still holds, is
      // given as well.
      const int32_t held = static_cast<int32_t>(c.pivot_target - c.pivot_source);
      if (held > 0) {
        int32_t length = 0;
        UErrorCode ignored = U_ZERO_ERROR;
        u_strToUTF8(buffer, sizeof buffer, &length, c.pivot_source, held, &ignored);
        if (U_SUCCESS(ignored) && length <= static_cast<int32_t>(sizeof buffer)) {
          const std::string_view rest(buffer, static_cast<size_t>(length));
          line_ += static_cast<int>(std::count(rest.begin(), rest.end(), '\n'));
          out->append(rest);
        }
      }
      char bad[32];
      int8_t bad_length = sizeof bad;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(c.source, bad, &bad_length, &ignored);
      if (U_FAILURE(ignored)) bad_length = 0;
      const uint64_t at = offset_ + static_cast<uint64_t>(source - source_start) -
                          static_cast<uint64_t>(bad_length);
      const std::string what = status == U_TRUNCATED_CHAR_FOUND ? "a character cut off at the end"
                                                                : "a sequence that is no character";
      return Status::Invalid("invalid " + name + ": " + what + " at byte " + std::to_string(at),
                             {path_, line_, 0});
    }
    break;
  }
  offset_ += chunk.size();
  return Status::Ok();
}

Status DecodeToUtf8(std::string_view content, const std::string& path, std::string* out) {
  const ByteOrderMark mark = DetectByteOrderMark(content);
  if (mark.encoding == TextEncoding::kUtf8) {
    out->assign(content);
    return Status::Ok();
  }
  Utf8Decoder decoder(mark.encoding, path, mark.size);
  out->clear();
  out->reserve(content.size());
  // The end apart, so that an error there comes after all the text before.
  if (Status s = decoder.Decode(content.substr(mark.size), false, out); !s.ok()) return s;
  return decoder.Decode({}, true, out);
}

Result<std::string> DecodeToUtf8(std::string_view content, const std::string& path) {
  std::string out;
  if (Status s = DecodeToUtf8(content, path, &out); !s.ok()) return s;
  return out;
}

}  // namespace etkg
