#include "loaders/phrase_index.h"

#include <algorithm>
#include <cctype>

namespace etkg {
namespace {

bool WordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

void PhraseIndex::Add(std::string phrase, size_t id) {
  size_t end = 0;
  while (end < phrase.size() && WordChar(phrase[end])) ++end;
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
    if (!WordChar(lower[i]) || (i > 0 && WordChar(lower[i - 1]))) {
      ++i;
      continue;
    }
    size_t word_end = i;
    while (word_end < lower.size() && WordChar(lower[word_end])) ++word_end;
    auto it = by_first_word_.find(lower.substr(i, word_end - i));
    size_t next = word_end;
    if (it != by_first_word_.end()) {
      for (const Entry& e : it->second) {
        size_t end = i + e.phrase.size();
        if (end > lower.size() || lower.compare(i, e.phrase.size(), e.phrase) != 0) continue;
        if (end < lower.size() && WordChar(lower[end]) && WordChar(e.phrase.back())) continue;
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
