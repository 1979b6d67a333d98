// InternedString: text stored once per process and shared by every value
// that holds it. Evidence names its document and quotes its sentence with
// these, so a sentence that supports forty edges is kept once, not forty
// times; edges name their ends with them, so an id is eight bytes however
// many edges it has.
#ifndef ETKG_GRAPH_INTERNED_H_
#define ETKG_GRAPH_INTERNED_H_

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace etkg {

class InternedString {
 public:
  // The empty string; costs nothing.
  InternedString() : text_(kEmptyRecord + kHeader) {}
  // Looks `text` up in the process-wide pool, adding it if new. Thread-safe.
  InternedString(std::string_view text);  // NOLINT: implicit, as std::string.
  InternedString(const std::string& text) : InternedString(std::string_view(text)) {}  // NOLINT
  InternedString(const char* text) : InternedString(std::string_view(text)) {}         // NOLINT

  std::string_view view() const { return {text_, size()}; }
  operator std::string_view() const { return view(); }          // NOLINT
  operator std::string() const { return std::string(view()); }  // NOLINT
  std::string str() const { return std::string(view()); }
  const char* data() const { return text_; }
  size_t size() const {
    uint32_t size;
    std::memcpy(&size, text_ - sizeof size, sizeof size);
    return size;
  }
  bool empty() const { return size() == 0; }
  size_t find(std::string_view what, size_t pos = 0) const { return view().find(what, pos); }

  // Equal texts are one pool entry, so equality compares pointers; order is
  // the order of the texts.
  friend bool operator==(InternedString a, InternedString b) { return a.text_ == b.text_; }
  friend std::strong_ordering operator<=>(InternedString a, InternedString b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return a.view() <=> b.view();
  }
  template <typename T>
  requires(std::convertible_to<const T&, std::string_view> &&
           !std::same_as<T, InternedString>) friend bool
  operator==(InternedString a, const T& b) {
    return a.view() == std::string_view(b);
  }
  template <typename T>
  requires(std::convertible_to<const T&, std::string_view> &&
           !std::same_as<T, InternedString>) friend std::strong_ordering
  operator<=>(InternedString a, const T& b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const std::string& a, InternedString b) {
    std::string out = a;
    out += b.view();
    return out;
  }
  friend std::string operator+(InternedString a, const std::string& b) {
    std::string out(a.view());
    out += b;
    return out;
  }
  friend std::ostream& operator<<(std::ostream& out, InternedString s) { return out << s.view(); }

  // What the pool holds: distinct strings and the bytes they take, counting
  // its tables. For memory reports.
  struct PoolStats {
    size_t strings = 0;
    size_t text_bytes = 0;
    size_t total_bytes = 0;
  };
  static PoolStats Stats();

  // A pool entry is a record: the text's hash and size (four bytes each),
  // then the text.
  static constexpr size_t kHeader = 8;

 private:
  static constexpr char kEmptyRecord[kHeader + 4] = {};
  const char* text_;  // Into the pool, just after the record's header; never freed.
};

}  // namespace etkg

template <>
struct std::hash<etkg::InternedString> {
  size_t operator()(etkg::InternedString s) const {
    return std::hash<std::string_view>{}(s.view());
  }
};

#endif  // ETKG_GRAPH_INTERNED_H_
