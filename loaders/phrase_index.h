// Finds which of a set of lower-case phrases occur in a lower-case text,
// at word boundaries, in one pass over its words: the phrases are indexed
// by their first word, so the cost is the text's length, not its length
// times the number of phrases.
#ifndef ETKG_LOADERS_PHRASE_INDEX_H_
#define ETKG_LOADERS_PHRASE_INDEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace etkg {

// A byte of a word: an ASCII letter or digit, or any byte of a UTF-8
// sequence. No locale, so it is cheap enough for every byte of a text.
inline bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

class PhraseIndex {
 public:
  // Adds `phrase` (lower case, words separated by single spaces) as number
  // `id`.
  void Add(std::string phrase, size_t id);

  struct Hit {
    size_t begin, end;  // Bytes of the text.
    size_t id;
  };
  // The phrases found in `lower`, left to right; where several start at
  // one word, the longest. Hits do not overlap.
  std::vector<Hit> Find(std::string_view lower) const;

 private:
  struct Entry {
    std::string phrase;
    size_t id;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // By first word; longest phrase first.
  std::unordered_map<std::string, std::vector<Entry>, Hash, std::equal_to<>> by_first_word_;
  // For each first byte, the lengths of first words that start with it
  // (bit 31: 31 bytes or more).
  std::array<uint32_t, 256> first_lengths_{};
};

}  // namespace etkg

#endif  // ETKG_LOADERS_PHRASE_INDEX_H_
