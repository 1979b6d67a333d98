#include "loaders/segmenter.h"

#include <algorithm>
#include <iterator>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace etkg {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The "ss=standard" keyword turns on ICU's list of abbreviations after
// which a full stop does not end a sentence.
std::unique_ptr<icu::BreakIterator> MakeIterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) it.reset();
  return it;
}

// Creating a break iterator costs far more than using one: one per thread.
icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = MakeIterator();
  return iterator.get();
}

// ICU's list leaves out initials and the abbreviations news text is full
// of: a sentence never ends after "J." in "Donald J. Trump", nor after
// "U.S." before "President". Wrongly joining two sentences costs less than
// cutting a name in two.
bool EndsWithAbbreviation(std::string_view text, size_t begin, size_t end) {
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (end == begin || text[end - 1] != '.') return false;
  size_t word = end - 1;
  while (word > begin && !IsSpace(text[word - 1]) && text[word - 1] != '(' &&
         text[word - 1] != '"') {
    --word;
  }
  std::string_view token = text.substr(word, end - word);
  // "J." and "U.S.", "U.N.", "D.C.": capitals each followed by a full stop.
  bool initials = token.size() >= 2;
  for (size_t i = 0; i < token.size() && initials; i += 2) {
    initials = token[i] >= 'A' && token[i] <= 'Z' && i + 1 < token.size() && token[i + 1] == '.';
  }
  if (initials) return true;
  static constexpr std::string_view kAbbreviations[] = {
      "Mr.",   "Mrs.", "Ms.",  "Dr.",   "St.",   "Gen.",  "Sen.",  "Rep.",  "Gov.",
      "Lt.",   "Col.", "Maj.", "Capt.", "Adm.",  "Jr.",   "Sr.",   "Prof.", "Rev.",
      "Jan.",  "Feb.", "Mar.", "Apr.",  "Aug.",  "Sep.",  "Sept.", "Oct.",  "Nov.",
      "Dec.",  "No.",  "Nos.", "vs.",   "Inc.",  "Ltd.",  "Co.",   "Corp.", "approx.",
      "Pres.", "Amb.", "Sec.", "Min.",  "Dept.", "Gov't."};
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), token) !=
         std::end(kAbbreviations);
}

void AddOne(std::string_view text, size_t begin, size_t end, std::vector<TextSpan>* out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  // A no-break space (U+00A0) or other trailing junk is left as it is.
  if (end > begin) out->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
}

// Adds text[begin, end) as one sentence, or as several when it is longer
// than kMaxSentenceBytes: text without full stops (a table, a list, a
// document on one line) is cut at the last space before the limit, or at
// a character boundary when there is none, so no sentence is unbounded.
void AddTrimmed(std::string_view text, size_t begin, size_t end, std::vector<TextSpan>* out) {
  while (end - begin > kMaxSentenceBytes) {
    size_t limit = begin + kMaxSentenceBytes;
    size_t cut = limit;
    while (cut > begin && !IsSpace(text[cut])) --cut;
    if (cut == begin) {
      cut = limit;
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut == begin) cut = limit;  // Not UTF-8 at all: cut anywhere, but go on.
    }
    AddOne(text, begin, cut, out);
    begin = cut;
  }
  AddOne(text, begin, end, out);
}

// Splits one line (no '\n' inside) into sentences.
void SplitLine(std::string_view text, size_t begin, size_t end, icu::BreakIterator* it,
               std::vector<TextSpan>* out) {
  bool has_stop = false;
  for (size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (c == '.' || c == '!' || c == '?') {
      has_stop = true;
      break;
    }
  }
  // A line without a full stop is one sentence: no need to ask ICU.
  if (!has_stop || it == nullptr) return AddTrimmed(text, begin, end, out);
  // ICU reads UTF-16 far faster than UTF-8 through a UText: the line is
  // converted once, with the byte offset of each UTF-16 unit kept to map
  // ICU's breaks back to the text.
  thread_local icu::UnicodeString line;
  thread_local std::vector<uint32_t> byte_at;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // A line's UTF-16 is never longer than its UTF-8.
  UChar* units = line.getBuffer(static_cast<int32_t>(end - begin));
  if (units == nullptr) return AddTrimmed(text, begin, end, out);
  byte_at.resize(end - begin + 1);
  int32_t length = 0;
  for (int32_t i = static_cast<int32_t>(begin), n = static_cast<int32_t>(end); i < n;) {
    const uint32_t at = static_cast<uint32_t>(i);
    if (bytes[i] < 0x80) {
      byte_at[length] = at;
      units[length++] = bytes[i++];
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) c = 0xFFFD;  // Ill-formed UTF-8: one replacement, as ICU's UTF-8 UText reads it.
    byte_at[length] = at;
    if (c <= 0xFFFF) {
      units[length++] = static_cast<UChar>(c);
    } else {
      units[length++] = U16_LEAD(c);
      byte_at[length] = at;
      units[length++] = U16_TRAIL(c);
    }
  }
  byte_at[length] = static_cast<uint32_t>(end);
  line.releaseBuffer(length);
  it->setText(line);
  it->first();
  size_t start = begin;
  for (int32_t stop = it->next(); stop != icu::BreakIterator::DONE; stop = it->next()) {
    const size_t stop_byte = byte_at[static_cast<size_t>(stop)];
    if (stop_byte < end && EndsWithAbbreviation(text, start, stop_byte)) continue;
    AddTrimmed(text, start, stop_byte, out);
    start = stop_byte;
  }
}

}  // namespace

std::vector<TextSpan> SplitSentences(std::string_view text) {
  std::vector<TextSpan> sentences;
  icu::BreakIterator* it = ThreadIterator();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    SplitLine(text, pos, end, it, &sentences);
    pos = end + 1;
  }
  return sentences;
}

}  // namespace etkg
