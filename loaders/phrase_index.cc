#include "loaders/phrase_index.h"

#include <algorithm>
#include <cctype>

namespace etkg {
namespace {}  // namespace

void PhraseIndex::Add(std::string phrase, size_t id) {
  size_t end = 0;
  while (end < phrase.size() && IsWordByte(phrase[end])) ++end;
  first_lengths_[static_cast<unsigned char>(phrase[0])] |= 1u << std::min<size_t>(end, 31);
  std::vector<Entry>& entries = by_first_word_[phrase.substr(0, end)];
  entries.push_back({std::move(phrase), id});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.phrase.size() > b.phrase.size();
  });
}

std::vector<PhraseIndex::Hit> PhraseIndex::Find(std::string_view lower) const {
  std::vector<Hit> hits;
  size_t i = 0;
  while (i < lower.size()) {
    if (!IsWordByte(lower[i]) || (i > 0 && IsWordByte(lower[i - 1]))) {
      ++i;
      continue;
    }
    size_t word_end = i;
    while (word_end < lower.size() && IsWordByte(lower[word_end])) ++word_end;
    size_t next = word_end;
    // Most words start no phrase: a byte and a length rule them out before
    // any hashing.
    const uint32_t length_bit = 1u << std::min<size_t>(word_end - i, 31);
    if ((first_lengths_[static_cast<unsigned char>(lower[i])] & length_bit) == 0) {
      i = next;
      continue;
    }
    auto it = by_first_word_.find(lower.substr(i, word_end - i));
    if (it != by_first_word_.end()) {
      for (const Entry& e : it->second) {
        size_t end = i + e.phrase.size();
        if (end > lower.size() || lower.compare(i, e.phrase.size(), e.phrase) != 0) continue;
        if (end < lower.size() && IsWordByte(lower[end]) && IsWordByte(e.phrase.back())) continue;
        hits.push_back({i, end, e.id});
        next = end;
        break;
      }
    }
    i = next;
  }
  return hits;
}

}  // namespace etkg
