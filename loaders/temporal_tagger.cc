#include "loaders/temporal_tagger.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "loaders/rules.h"

namespace etkg {
namespace {

// ---------------------------------------------------------------------------
// Bytes. The scanners look at every byte once, so the character tests are a
// table lookup rather than <cctype> (which also depends on the locale).

constexpr uint8_t kDigitBit = 1;
constexpr uint8_t kUpperBit = 2;
constexpr uint8_t kLowerBit = 4;

constexpr std::array<uint8_t, 256> MakeCharClasses() {
  std::array<uint8_t, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigitBit;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpperBit;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLowerBit;
  return table;
}
constexpr std::array<uint8_t, 256> kCharClasses = MakeCharClasses();

uint8_t ClassOf(char c) { return kCharClasses[static_cast<unsigned char>(c)]; }
bool IsDigit(char c) { return (ClassOf(c) & kDigitBit) != 0; }
bool IsAlpha(char c) { return (ClassOf(c) & (kUpperBit | kLowerBit)) != 0; }
bool IsAlnum(char c) { return ClassOf(c) != 0; }
bool IsUpper(char c) { return (ClassOf(c) & kUpperBit) != 0; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }
unsigned char ByteAt(std::string_view t, size_t i) { return static_cast<unsigned char>(t[i]); }

// `lower` must be lower-case ASCII.
bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (ToLower(word[i]) != lower[i]) return false;
  }
  return true;
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> lowers) {
  for (std::string_view lower : lowers) {
    if (EqualsLower(word, lower)) return true;
  }
  return false;
}

// Length of the white space character at `i`, 0 if there is none: ASCII
// blanks, U+00A0 NO-BREAK SPACE, U+2000..U+200A (thin, hair...), U+202F.
size_t SpaceAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  const unsigned char c = ByteAt(t, i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < t.size() && ByteAt(t, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < t.size() && ByteAt(t, i + 1) == 0x80) {
    const unsigned char d = ByteAt(t, i + 2);
    if (d <= 0x8A || d == 0xAF) return 3;  // Continuation bytes start at 0x80.
  }
  return 0;
}

// Length of the white space character that ends right before `i`.
size_t SpaceBefore(std::string_view t, size_t i) {
  if (i == 0) return 0;
  const unsigned char c = ByteAt(t, i - 1);
  if (c < 0x80) return SpaceAt(t, i - 1);
  if (i >= 2 && SpaceAt(t, i - 2) == 2) return 2;
  if (i >= 3 && SpaceAt(t, i - 3) == 3) return 3;
  return 0;
}

size_t SkipSpaces(std::string_view t, size_t i) {
  while (size_t n = SpaceAt(t, i)) i += n;
  return i;
}

size_t SkipSpacesBack(std::string_view t, size_t i) {
  while (size_t n = SpaceBefore(t, i)) i -= n;
  return i;
}

// Length of the dash at `i`: "-", U+2010..U+2015 (hyphens, figure dash, en
// and em dash, bar), U+2212 MINUS SIGN; 0 if none.
size_t DashAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  const unsigned char c = ByteAt(t, i);
  if (c == '-') return 1;
  if (c != 0xE2 || i + 2 >= t.size()) return 0;
  const unsigned char b1 = ByteAt(t, i + 1);
  const unsigned char b2 = ByteAt(t, i + 2);
  if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
  if (b1 == 0x88 && b2 == 0x92) return 3;
  return 0;
}

// Length of the apostrophe at `i`: "'" or U+2019; 0 if none.
size_t ApostropheAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '\'') return 1;
  if (i + 2 < t.size() && ByteAt(t, i) == 0xE2 && ByteAt(t, i + 1) == 0x80 &&
      ByteAt(t, i + 2) == 0x99) {
    return 3;
  }
  return 0;
}

bool ApostropheBefore(std::string_view t, size_t i) {
  if (i >= 1 && t[i - 1] == '\'') return true;
  return i >= 3 && ApostropheAt(t, i - 3) == 3;
}

size_t AlphaEnd(std::string_view t, size_t i) {
  while (i < t.size() && IsAlpha(t[i])) ++i;
  return i;
}

size_t DigitEnd(std::string_view t, size_t i) {
  while (i < t.size() && IsDigit(t[i])) ++i;
  return i;
}

size_t AlnumEnd(std::string_view t, size_t i) {
  while (i < t.size() && IsAlnum(t[i])) ++i;
  return i;
}

struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
};

std::string_view TextOf(std::string_view t, Span s) { return t.substr(s.begin, s.end - s.begin); }

// The letters-and-digits word after `i` and the white space there; empty
// when something else comes first.
Span NextWord(std::string_view t, size_t i) {
  const size_t b = SkipSpaces(t, i);
  return {b, AlnumEnd(t, b)};
}

// Like NextWord, but a hyphen may also separate: "90-minute", "hour-long".
Span NextWordOrHyphen(std::string_view t, size_t i) {
  size_t b = SkipSpaces(t, i);
  if (b < t.size() && t[b] == '-') b = SkipSpaces(t, b + 1);
  return {b, AlnumEnd(t, b)};
}

// The letters-and-digits word that ends before `i` and the white space
// there; empty when something else (punctuation) comes first.
Span PrevWord(std::string_view t, size_t i) {
  const size_t e = SkipSpacesBack(t, i);
  size_t b = e;
  while (b > 0 && IsAlnum(t[b - 1])) --b;
  return {b, e};
}

int DigitsValue(std::string_view t, size_t b, size_t e) {
  int value = 0;
  for (size_t i = b; i < e; ++i) value = value * 10 + (t[i] - '0');
  return value;
}

// ---------------------------------------------------------------------------
// Words.

struct MonthName {
  std::string_view name;
  int month;
  bool abbreviated;
};

constexpr MonthName kMonthNames[] = {
    {"january", 1, false},   {"jan", 1, true},     {"february", 2, false},  {"feb", 2, true},
    {"march", 3, false},     {"mar", 3, true},     {"april", 4, false},     {"apr", 4, true},
    {"may", 5, false},       {"june", 6, false},   {"jun", 6, true},        {"july", 7, false},
    {"jul", 7, true},        {"august", 8, false}, {"aug", 8, true},        {"september", 9, false},
    {"sept", 9, true},       {"sep", 9, true},     {"october", 10, false},  {"oct", 10, true},
    {"november", 11, false}, {"nov", 11, true},    {"december", 12, false}, {"dec", 12, true},
};

// 1..12 for a month name or abbreviation (any case), 0 otherwise.
int MonthFromWord(std::string_view word, bool* abbreviated) {
  if (word.size() < 3 || word.size() > 9) return 0;
  const char first = ToLower(word[0]);
  for (const MonthName& m : kMonthNames) {
    if (m.name[0] == first && EqualsLower(word, m.name)) {
      *abbreviated = m.abbreviated;
      return m.month;
    }
  }
  return 0;
}

constexpr std::string_view kWeekdayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

// 0 (Monday) .. 6 (Sunday) for a full weekday name (any case), -1 otherwise.
// Abbreviations are left out: "Sat", "Wed" and "Sun" are also words.
int WeekdayFromWord(std::string_view word) {
  if (word.size() < 6 || word.size() > 9) return -1;
  for (int i = 0; i < 7; ++i) {
    if (EqualsLower(word, kWeekdayNames[i])) return i;
  }
  return -1;
}

constexpr std::string_view kSmallNumbers[] = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                      "sixty",  "seventy", "eighty", "ninety"};

// 0..19 or 20, 30, ... 90 for a number word (any case), -1 otherwise.
int NumberWordValue(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return -1;
  for (int i = 0; i < 20; ++i) {
    if (EqualsLower(word, kSmallNumbers[i])) return i;
  }
  for (int i = 0; i < 8; ++i) {
    if (EqualsLower(word, kTens[i])) return 20 + 10 * i;
  }
  return -1;
}

// A count written as digits, a number word, or "a"/"an": "two days ago".
int CountValue(std::string_view word) {
  if (word.empty()) return -1;
  if (IsDigit(word[0])) {
    if (word.size() > 4) return -1;
    for (char c : word) {
      if (!IsDigit(c)) return -1;
    }
    return DigitsValue(word, 0, word.size());
  }
  if (IsOneOf(word, {"a", "an"})) return 1;
  return NumberWordValue(word);
}

// A filter over (length, first letter): bit (c - 'a') of mask[n] is set
// when some listed word of length n starts with c. The scanners see every
// word of the text; this one lookup turns most of them away before any
// string comparison.
using WordMask = std::array<uint32_t, 16>;

constexpr void AddToMask(WordMask& mask, std::string_view word) {
  mask[word.size()] |= 1u << (word[0] - 'a');
}

// `w` must start with a letter.
bool InMask(const WordMask& mask, std::string_view w) {
  return w.size() < mask.size() && ((mask[w.size()] >> (ToLower(w[0]) - 'a')) & 1u) != 0;
}

// Words that can start a date expression.
constexpr WordMask MakeDateWordMask() {
  WordMask mask{};
  for (const MonthName& m : kMonthNames) AddToMask(mask, m.name);
  for (std::string_view w : kWeekdayNames) AddToMask(mask, w);
  for (std::string_view w :
       {"today", "tonight", "tomorrow", "yesterday", "this", "last", "next", "ago"}) {
    AddToMask(mask, w);
  }
  return mask;
}
constexpr WordMask kDateWordMask = MakeDateWordMask();

// Words that can start a duration's count.
constexpr WordMask MakeQuantityWordMask() {
  WordMask mask{};
  for (std::string_view w : kSmallNumbers) AddToMask(mask, w);
  for (std::string_view w : kTens) AddToMask(mask, w);
  for (std::string_view w : {"a", "an", "half"}) AddToMask(mask, w);
  return mask;
}
constexpr WordMask kQuantityWordMask = MakeQuantityWordMask();

// ---------------------------------------------------------------------------
// Calendar dates as written: the pieces the text gives, not yet resolved.

struct RawDate {
  size_t begin = 0;  // Span in the text.
  size_t end = 0;
  int year = 0;  // 0 when the text gives none.
  int month = 0;
  int day = 0;
  bool range = false;  // The end_* fields hold the other end.
  int end_year = 0;
  int end_month = 0;
  int end_day = 0;
};

struct DayToken {
  int value = 0;
  size_t end = 0;
  bool ordinal = false;
};

struct YearToken {
  int value = 0;
  size_t end = 0;
};

struct MonthToken {
  int month = 0;
  size_t end = 0;
  bool abbreviated = false;
};

// True when the number ending at `e` goes on as a decimal, a thousands
// group, a time, a fraction, a percentage or a hyphenated unit ("30-day"):
// then it is not a day or a year.
bool NumberRunsOn(std::string_view t, size_t e) {
  if (e >= t.size()) return false;
  const char c = t[e];
  if (c == '%') return true;
  const bool next_digit = e + 1 < t.size() && IsDigit(t[e + 1]);
  if ((c == '.' || c == ',' || c == ':' || c == '/') && next_digit) return true;
  return c == '-' && e + 1 < t.size() && IsAlpha(t[e + 1]);
}

// True when the number starting at `b` is the tail of something else: a
// URL path ("/2017/05/02/"), a decimal or thousands group, a model or
// variant name ("Su-35", "COVID-19"), an amount ("$20"). "mid-2017" is
// the exception.
bool NumberGluedBefore(std::string_view t, size_t b) {
  if (b == 0) return false;
  switch (t[b - 1]) {
    case '/':
    case '\\':
    case '$':
    case '#':
    case '@':
    case '_':
    case '=':
    case '+':
    case '&':
      return true;
    case '.':
    case ',':
    case ':':
      return b >= 2 && IsDigit(t[b - 2]);
    case '-': {
      if (b < 2 || !IsAlnum(t[b - 2])) return false;
      const Span word = PrevWord(t, b - 1);
      return !EqualsLower(TextOf(t, word), "mid");
    }
    default:
      return false;
  }
}

// A day of the month at `i`: one or two digits, 1..31, with an optional
// ordinal suffix ("28th"), not running on into something else.
std::optional<DayToken> ReadDay(std::string_view t, size_t i) {
  const size_t e = DigitEnd(t, i);
  if (e == i || e - i > 2) return std::nullopt;
  DayToken day{DigitsValue(t, i, e), e, false};
  if (day.value < 1 || day.value > 31) return std::nullopt;
  if (e < t.size() && IsAlpha(t[e])) {
    const size_t s = AlnumEnd(t, e);
    std::string_view suffix = t.substr(e, s - e);
    if (!IsOneOf(suffix, {"st", "nd", "rd", "th"})) return std::nullopt;
    day.end = s;
    day.ordinal = true;
  }
  if (NumberRunsOn(t, day.end)) return std::nullopt;
  return day;
}

// A year at `i`: exactly four digits, 1900..2100, not "1990s" or "2,017".
std::optional<YearToken> ReadYear(std::string_view t, size_t i) {
  const size_t e = DigitEnd(t, i);
  if (e - i != 4) return std::nullopt;
  const int value = DigitsValue(t, i, e);
  if (value < 1900 || value > 2100) return std::nullopt;
  if (e < t.size() && IsAlpha(t[e])) return std::nullopt;
  if (NumberRunsOn(t, e)) return std::nullopt;
  return YearToken{value, e};
}

// A capitalised month name at the word starting at `i`, with the period of
// an abbreviation ("Jan.").
std::optional<MonthToken> ReadMonth(std::string_view t, size_t i) {
  if (i >= t.size() || !IsUpper(t[i])) return std::nullopt;
  if (i > 0 && IsAlnum(t[i - 1])) return std::nullopt;
  const size_t e = AlphaEnd(t, i);
  if (e < t.size() && IsDigit(t[e])) return std::nullopt;
  bool abbreviated = false;
  const int month = MonthFromWord(t.substr(i, e - i), &abbreviated);
  if (month == 0) return std::nullopt;
  MonthToken token{month, e, abbreviated};
  if (abbreviated && e < t.size() && t[e] == '.') token.end = e + 1;
  return token;
}

// A year after a date's day: "May 2, 2017", "2 May 2017".
std::optional<YearToken> ReadYearAfter(std::string_view t, size_t p) {
  size_t q = p;
  if (q < t.size() && t[q] == ',') ++q;
  q = SkipSpaces(t, q);
  if (q == p) return std::nullopt;
  return ReadYear(t, q);
}

// The month after a day: "28 January", "3rd of May" (only after an
// ordinal). At least one space must separate them.
std::optional<MonthToken> ReadMonthAfterDay(std::string_view t, const DayToken& day) {
  size_t q = SkipSpaces(t, day.end);
  if (q == day.end) return std::nullopt;
  if (day.ordinal) {
    const size_t e = AlphaEnd(t, q);
    if (EqualsLower(t.substr(q, e - q), "of")) {
      q = SkipSpaces(t, e);
      if (q == e) return std::nullopt;
    }
  }
  return ReadMonth(t, q);
}

constexpr size_t kNone = std::string_view::npos;

// What joins the two ends of a range: a dash, "to", "through", "until", and
// "and" when `allow_and` ("between 7 and 8 July"). Returns the position
// after it, kNone if there is none.
size_t ReadConnector(std::string_view t, size_t p, bool allow_and) {
  size_t q = SkipSpaces(t, p);
  if (size_t n = DashAt(t, q)) {
    q += n;
    if (q < t.size() && t[q] == '-') ++q;  // "--"
    return q;
  }
  const size_t e = AlphaEnd(t, q);
  if (e == q) return kNone;
  std::string_view word = t.substr(q, e - q);
  if (IsOneOf(word, {"to", "through", "thru", "until", "till"})) return e;
  if (allow_and && EqualsLower(word, "and")) return e;
  return kNone;
}

// Month-day key for ordering within one year.
int DayKey(int month, int day) { return month * 100 + day; }

// Gives both ends of a range the year that only one of them names: the
// year written at the end ("July 30 – August 2, 2017") applies to the
// start, one less when the range crosses New Year.
void ShareRangeYear(RawDate* d) {
  if (!d->range) return;
  const bool wraps = DayKey(d->end_month, d->end_day) < DayKey(d->month, d->day);
  if (d->year != 0 && d->end_year == 0) d->end_year = d->year + (wraps ? 1 : 0);
  if (d->year == 0 && d->end_year != 0) d->year = d->end_year - (wraps ? 1 : 0);
}

// "May 2", "Jan. 28th, 2017", "July 7–8", "July 7-8, 2017",
// "July 30 – August 2, 2017", "May 2017", "January of 2017".
bool ParseMonthFirst(std::string_view t, size_t i, RawDate* out) {
  const auto month = ReadMonth(t, i);
  if (!month) return false;
  const size_t p = SkipSpaces(t, month->end);
  if (p == month->end && t[month->end - 1] != '.') return false;
  RawDate d;
  d.begin = i;
  d.month = month->month;
  const auto day = ReadDay(t, p);
  if (!day) {
    size_t q = p;
    const size_t e = AlphaEnd(t, q);
    if (EqualsLower(t.substr(q, e - q), "of")) q = SkipSpaces(t, e);
    if (q == p && e != p) return false;
    const auto year = ReadYear(t, q);
    if (!year) return false;
    d.year = year->value;
    d.end = year->end;
    *out = d;
    return true;
  }
  d.day = day->value;
  d.end = day->end;
  if (const auto year = ReadYearAfter(t, d.end)) {
    d.year = year->value;
    d.end = year->end;
  }
  const size_t c = ReadConnector(t, d.end, /*allow_and=*/false);
  if (c != kNone) {
    const size_t q = SkipSpaces(t, c);
    int end_month = d.month;
    std::optional<DayToken> end_day;
    if (const auto month2 = ReadMonth(t, q)) {
      const size_t q2 = SkipSpaces(t, month2->end);
      if (q2 > month2->end || t[month2->end - 1] == '.') end_day = ReadDay(t, q2);
      end_month = month2->month;
    } else {
      end_day = ReadDay(t, q);
    }
    if (end_day) {
      d.range = true;
      d.end_month = end_month;
      d.end_day = end_day->value;
      d.end = end_day->end;
      if (const auto year = ReadYearAfter(t, d.end)) {
        d.end_year = year->value;
        d.end = year->end;
      }
      ShareRangeYear(&d);
    }
  }
  *out = d;
  return true;
}

// "2 May", "28th January 2017", "the 3rd of May", "7-8 July 2017",
// "between 7 and 8 July", "30 July – 2 August 2017".
bool ParseDayFirst(std::string_view t, size_t i, RawDate* out) {
  const auto day = ReadDay(t, i);
  if (!day) return false;
  RawDate d;
  d.begin = i;
  d.day = day->value;
  // Same-month range: both days before the month.
  size_t c = ReadConnector(t, day->end, /*allow_and=*/true);
  if (c != kNone) {
    if (const auto day2 = ReadDay(t, SkipSpaces(t, c))) {
      if (const auto month = ReadMonthAfterDay(t, *day2)) {
        d.month = d.end_month = month->month;
        d.end_day = day2->value;
        d.range = true;
        d.end = month->end;
        if (const auto year = ReadYearAfter(t, d.end)) {
          d.year = d.end_year = year->value;
          d.end = year->end;
        }
        *out = d;
        return true;
      }
    }
  }
  const auto month = ReadMonthAfterDay(t, *day);
  if (!month) return false;
  d.month = month->month;
  d.end = month->end;
  if (const auto year = ReadYearAfter(t, d.end)) {
    d.year = year->value;
    d.end = year->end;
  }
  // Cross-month range.
  c = ReadConnector(t, d.end, /*allow_and=*/false);
  if (c != kNone) {
    if (const auto day2 = ReadDay(t, SkipSpaces(t, c))) {
      if (const auto month2 = ReadMonthAfterDay(t, *day2)) {
        d.range = true;
        d.end_month = month2->month;
        d.end_day = day2->value;
        d.end = month2->end;
        if (const auto year = ReadYearAfter(t, d.end)) {
          d.end_year = year->value;
          d.end = year->end;
        }
        ShareRangeYear(&d);
      }
    }
  }
  *out = d;
  return true;
}

// "2017-05-03" (a time may follow: "2017-05-03T10:00").
bool ParseIso(std::string_view t, size_t i, RawDate* out) {
  if (i + 10 > t.size()) return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(t[i + k])) return false;
  }
  if (t[i + 4] != '-' || t[i + 7] != '-') return false;
  const size_t e = i + 10;
  if (e < t.size() && (IsDigit(t[e]) || (IsAlpha(t[e]) && t[e] != 'T'))) return false;
  if (e + 1 < t.size() && (t[e] == '-' || t[e] == '/') && IsDigit(t[e + 1])) return false;
  RawDate d;
  d.begin = i;
  d.end = e;
  d.year = DigitsValue(t, i, i + 4);
  d.month = DigitsValue(t, i + 5, i + 7);
  d.day = DigitsValue(t, i + 8, i + 10);
  if (d.year < 1900 || d.year > 2100) return false;
  *out = d;
  return true;
}

// "05/03/2017": month first, as the US sources in this domain write it,
// unless the first number cannot be a month ("25/03/2017").
bool ParseSlashed(std::string_view t, size_t i, RawDate* out) {
  const size_t e1 = DigitEnd(t, i);
  if (e1 == i || e1 - i > 2 || e1 >= t.size() || t[e1] != '/') return false;
  const size_t e2 = DigitEnd(t, e1 + 1);
  if (e2 == e1 + 1 || e2 - e1 - 1 > 2 || e2 >= t.size() || t[e2] != '/') return false;
  const size_t e3 = DigitEnd(t, e2 + 1);
  if (e3 - e2 - 1 != 4) return false;
  if (e3 < t.size() && (IsAlnum(t[e3]) || t[e3] == '/' || NumberRunsOn(t, e3))) return false;
  const int a = DigitsValue(t, i, e1);
  const int b = DigitsValue(t, e1 + 1, e2);
  RawDate d;
  d.begin = i;
  d.end = e3;
  d.year = DigitsValue(t, e2 + 1, e3);
  if (d.year < 1900 || d.year > 2100) return false;
  d.month = a > 12 ? b : a;
  d.day = a > 12 ? a : b;
  *out = d;
  return true;
}

// Any calendar date that needs no context, starting at the word at `i`.
bool ParseCalendarDate(std::string_view t, size_t i, RawDate* out) {
  if (i >= t.size()) return false;
  if (IsDigit(t[i])) {
    return ParseIso(t, i, out) || ParseSlashed(t, i, out) || ParseDayFirst(t, i, out);
  }
  return ParseMonthFirst(t, i, out);
}

// Words before a bare year that make it one: "in 2017", "mid-2017".
bool IsYearCue(std::string_view t, size_t year_begin) {
  Span prev;
  if (year_begin > 0 && t[year_begin - 1] == '-') {
    prev = PrevWord(t, year_begin - 1);
    return EqualsLower(TextOf(t, prev), "mid");
  }
  prev = PrevWord(t, year_begin);
  if (prev.empty() || prev.end == year_begin) return false;
  return IsOneOf(TextOf(t, prev),
                 {"in",         "since",  "until",  "till",   "by",   "during", "from",  "through",
                  "throughout", "of",     "early",  "late",   "mid",  "before", "after", "around",
                  "year",       "spring", "summer", "autumn", "fall", "winter"});
}

// Words before a bare "May" that make it the month: "in May".
bool IsMayCue(std::string_view word) {
  return IsOneOf(word, {"in", "since", "until", "till", "by", "during", "from", "through", "early",
                        "late", "mid", "before", "after", "of", "throughout"});
}

std::optional<DateValue> BuildValue(const RawDate& d, int year, int end_year) {
  const auto begin = PartialDate::Make(year, d.month, d.day);
  if (!begin) return std::nullopt;
  if (!d.range) return DateValue(*begin);
  const auto end = PartialDate::Make(end_year, d.end_month, d.end_day);
  if (!end) return std::nullopt;
  return DateValue::Interval(*begin, *end);
}

enum class WeekdayMode { kOnOrBefore, kBefore, kAfter, kOnOrAfter };

// ---------------------------------------------------------------------------
// The date scanner: one pass over the words of the text. Each word is
// classified by its first byte (digit, capital, lower case) and a short
// comparison; only the few that can start a date expression (numbers,
// month and weekday names, "today", "this", "last", "next", "ago"...) are
// parsed further, looking ahead and a word or two back.

class DateScanner {
 public:
  DateScanner(std::string_view text, const PartialDate& anchor, Tense tense,
              std::vector<TimeExpression>* out)
      : t_(text), anchor_(anchor), tense_(tense), out_(out) {
    // A year-unknown anchor ("XXXX-05-03") cannot place anything.
    if (anchor_.precision() == DatePrecision::kDay && anchor_.has_year()) {
      anchor_day_ = *anchor_.FirstDay();
    }
  }

  void Run() {
    const size_t n = t_.size();
    size_t i = 0;
    while (i < n) {
      const uint8_t cls = ClassOf(t_[i]);
      if (cls == 0) {
        ++i;
        continue;
      }
      const size_t e = AlnumEnd(t_, i);
      bool matched = false;
      if (cls & kDigitBit) {
        matched = TryNumber(i);
      } else if (InMask(kDateWordMask, t_.substr(i, e - i))) {
        matched = (cls & kUpperBit) ? TryCapitalised(i, e) : TryKeyword(i, e);
      }
      i = matched ? last_end_ : e;
    }
  }

 private:
  bool TryNumber(size_t b) {
    if (NumberGluedBefore(t_, b)) return false;
    RawDate d;
    if (ParseIso(t_, b, &d) || ParseSlashed(t_, b, &d) || ParseDayFirst(t_, b, &d)) {
      return EmitCalendar(d) || Consume(d.end);
    }
    const auto year = ReadYear(t_, b);
    if (!year || !IsYearCue(t_, b)) return false;
    d = RawDate();
    d.begin = b;
    d.end = year->end;
    d.year = year->value;
    // "from 2016 to 2018", "2016-2017".
    const size_t c = ReadConnector(t_, d.end, /*allow_and=*/false);
    if (c != kNone) {
      const auto year2 = ReadYear(t_, SkipSpaces(t_, c));
      if (year2 && year2->value > d.year) {
        d.range = true;
        d.end_year = year2->value;
        d.end = year2->end;
      }
    }
    return EmitCalendar(d);
  }

  bool TryCapitalised(size_t b, size_t e) {
    const size_t len = e - b;
    if (len < 3 || len > 9) return false;
    std::string_view word = t_.substr(b, len);
    bool abbreviated = false;
    if (const int month = MonthFromWord(word, &abbreviated)) {
      return TryMonth(b, e, month, abbreviated);
    }
    if (const int weekday = WeekdayFromWord(word); weekday >= 0) {
      return TryWeekday(b, e, weekday);
    }
    return TryKeyword(b, e);
  }

  // Lower-case (or sentence-initial) keywords that start a relative date.
  bool TryKeyword(size_t b, size_t e) {
    const size_t len = e - b;
    if (len < 3 || len > 9) return false;
    std::string_view word = t_.substr(b, len);
    switch (ToLower(word[0])) {
      case 't':
        if (EqualsLower(word, "today") || EqualsLower(word, "tonight")) {
          EmitDayOffset(ExtendOverModifier(b), e, 0);
          return true;
        }
        if (EqualsLower(word, "tomorrow")) {
          EmitDayOffset(ExtendOverModifier(b), e, 1);
          ExtendOverDayBeyond(b, "after", 1);
          return true;
        }
        if (EqualsLower(word, "this")) return TryShifted(b, e, 0);
        return false;
      case 'y':
        if (EqualsLower(word, "yesterday")) {
          EmitDayOffset(ExtendOverModifier(b), e, -1);
          ExtendOverDayBeyond(b, "before", -1);
          return true;
        }
        return false;
      case 'l':
        return EqualsLower(word, "last") && TryShifted(b, e, -1);
      case 'n':
        return EqualsLower(word, "next") && TryShifted(b, e, 1);
      case 'a':
        return EqualsLower(word, "ago") && TryAgo(b, e);
      default:
        return false;
    }
  }

  bool TryMonth(size_t b, size_t e, int month, bool abbreviated) {
    RawDate d;
    if (ParseMonthFirst(t_, b, &d)) return EmitCalendar(d) || Consume(d.end);
    if (abbreviated) return false;  // "Jan" alone is a name, "Mar-a-Lago" a place.
    // "November of last year", "January this year".
    size_t q = SkipSpaces(t_, e);
    Span word{q, AlphaEnd(t_, q)};
    if (q > e && EqualsLower(TextOf(t_, word), "of")) word = NextWord(t_, word.end);
    if (word.begin > e) {
      const int shift = ShiftOf(TextOf(t_, word));
      if (shift != kNoShift) {
        const Span unit = NextWord(t_, word.end);
        if (unit.begin > word.end && EqualsLower(TextOf(t_, unit), "year")) {
          EmitMonthOfYear(b, unit.end, month, shift);
          return true;
        }
      }
    }
    // A bare month. "May" is also a verb and a name: only after a
    // preposition, and not as a possessive ("confidence in May's team").
    if (month == 5 && (!IsMayCue(TextOf(t_, PrevWord(t_, b))) || ApostropheAt(t_, e) != 0)) {
      return false;
    }
    d = RawDate();
    d.begin = b;
    d.end = e;
    d.month = month;
    return EmitCalendar(d);
  }

  bool TryWeekday(size_t b, size_t e, int weekday) {
    const std::string_view prev = TextOf(t_, PrevWord(t_, b));
    // Feasts and shopping days, and "every Tuesday": not a date. "the last
    // Tuesday of the month" is not resolved either (TryShifted refused it).
    if (IsOneOf(prev, {"black", "super", "good", "bloody", "ash", "easter", "palm", "holy", "cyber",
                       "maundy", "shrove", "every", "each", "last", "next", "this"})) {
      return false;
    }
    // "Tuesday, May 2, 2017": the date decides.
    size_t p = e;
    if (p < t_.size() && t_[p] == ',') ++p;
    const size_t q = SkipSpaces(t_, p);
    RawDate d;
    if (q > e && ParseCalendarDate(t_, q, &d)) {
      d.begin = b;
      if (EmitCalendar(d)) return true;
    }
    const WeekdayMode mode =
        tense_ == Tense::kFuture ? WeekdayMode::kAfter : WeekdayMode::kOnOrBefore;
    EmitWeekday(b, e, weekday, mode);
    return true;
  }

  static constexpr int kNoShift = 99;
  static int ShiftOf(std::string_view word) {
    if (EqualsLower(word, "last")) return -1;
    if (EqualsLower(word, "this")) return 0;
    if (EqualsLower(word, "next")) return 1;
    return kNoShift;
  }

  // "this week", "last month", "next year", "last night", "this morning",
  // "last Tuesday", "next January". `shift` is -1, 0 or 1.
  bool TryShifted(size_t b, size_t e, int shift) {
    const size_t q = SkipSpaces(t_, e);
    if (q == e) return false;
    const size_t qe = AlphaEnd(t_, q);
    if (qe == q || (qe < t_.size() && IsDigit(t_[qe]))) return false;
    std::string_view word = t_.substr(q, qe - q);
    // "the last week" and "the next month" are spans of time counted from
    // the anchor, not calendar units.
    if (EqualsLower(TextOf(t_, PrevWord(t_, b)), "the")) return false;
    const size_t begin = ExtendOverModifier(b);
    if (EqualsLower(word, "week")) {
      EmitWeek(begin, qe, shift);
      return true;
    }
    if (EqualsLower(word, "month")) {
      EmitMonthOffset(begin, qe, shift);
      return true;
    }
    if (EqualsLower(word, "year")) {
      EmitYearOffset(begin, qe, shift);
      return true;
    }
    if (shift == -1 && EqualsLower(word, "night")) {
      EmitDayOffset(begin, qe, -1);
      return true;
    }
    if (shift == 0 && IsOneOf(word, {"morning", "afternoon", "evening"})) {
      EmitDayOffset(begin, qe, 0);
      return true;
    }
    if (!IsUpper(word[0])) return false;
    if (const int weekday = WeekdayFromWord(word); weekday >= 0) {
      WeekdayMode mode = WeekdayMode::kOnOrBefore;
      if (shift < 0) mode = WeekdayMode::kBefore;
      if (shift > 0) mode = WeekdayMode::kAfter;
      if (shift == 0 && tense_ == Tense::kFuture) mode = WeekdayMode::kOnOrAfter;
      EmitWeekday(begin, qe, weekday, mode);
      return true;
    }
    bool abbreviated = false;
    const int month = MonthFromWord(word, &abbreviated);
    if (month == 0 || abbreviated) return false;
    // "last May 2" is the date "May 2"; leave it to the month.
    RawDate d;
    if (ParseMonthFirst(t_, q, &d)) return false;
    EmitNamedMonth(begin, qe, month, shift);
    return true;
  }

  // "two days ago", "three weeks ago", "a year ago".
  bool TryAgo(size_t b, size_t e) {
    const Span unit = PrevWord(t_, b);
    if (unit.empty() || unit.end == b) return false;
    const Span count = PrevWord(t_, unit.begin);
    if (count.empty() || count.end == unit.begin || count.begin < last_end_) return false;
    const int n = CountValue(TextOf(t_, count));
    if (n < 0) return false;
    std::string_view u = TextOf(t_, unit);
    if (IsOneOf(u, {"day", "days"})) {
      EmitDayOffset(count.begin, e, -n);
    } else if (IsOneOf(u, {"week", "weeks"})) {
      EmitWeek(count.begin, e, -n);
    } else if (IsOneOf(u, {"month", "months"})) {
      EmitMonthOffset(count.begin, e, -n);
    } else if (IsOneOf(u, {"year", "years"})) {
      EmitYearOffset(count.begin, e, -n);
    } else {
      return false;
    }
    return true;
  }

  // Turns the "yesterday" (`step` -1) or "tomorrow" (+1) just emitted at
  // `b` into "the day before yesterday" or "the day after tomorrow" when
  // the text says so.
  void ExtendOverDayBeyond(size_t b, std::string_view joiner, int step) {
    const Span link = PrevWord(t_, b);
    if (link.end == b || !EqualsLower(TextOf(t_, link), joiner)) return;
    const Span day = PrevWord(t_, link.begin);
    if (day.end == link.begin || day.begin < previous_end_ ||
        !EqualsLower(TextOf(t_, day), "day")) {
      return;
    }
    TimeExpression& x = out_->back();
    x.length += x.offset - day.begin;
    x.offset = day.begin;
    if (anchor_day_) x.value = PartialDate::FromDays(*anchor_day_ + 2 * step);
  }

  // Takes "earlier" in "earlier this year" into the span; the value stays
  // that of "this year".
  size_t ExtendOverModifier(size_t b) const {
    const Span prev = PrevWord(t_, b);
    if (prev.empty() || prev.end == b || prev.begin < last_end_) return b;
    if (IsOneOf(TextOf(t_, prev), {"earlier", "later", "early", "late"})) return prev.begin;
    return b;
  }

  // Resolves a calendar date. Returns false (and emits nothing) when the
  // date does not exist: "February 30", a range that ends before it starts.
  bool EmitCalendar(const RawDate& d) {
    if (d.year != 0) {
      const auto value = BuildValue(d, d.year, d.end_year);
      if (!value) return false;
      Emit(d.begin, d.end, *value, kRuleExplicit, false);
      return true;
    }
    if (!PartialDate::Make(0, d.month, d.day)) return false;
    if (d.range && !PartialDate::Make(0, d.end_month, d.end_day)) return false;
    const bool wraps = d.range && DayKey(d.end_month, d.end_day) < DayKey(d.month, d.day);
    if (anchor_.has_year()) {
      // docs/design.md "Dates" rule 2, decided on the month alone, as HeidelTime
      // does: a past-tense "May 20" in a May 3 article is this May.
      int year = anchor_.year();
      if (anchor_.month() != 0) {
        if (tense_ == Tense::kPast && d.month > anchor_.month()) --year;
        if (tense_ == Tense::kFuture && d.month < anchor_.month()) ++year;
      }
      if (const auto value = BuildValue(d, year, year + (wraps ? 1 : 0))) {
        Emit(d.begin, d.end, *value, kRuleAnchorYear, true);
        return true;
      }
      // 29 February in a common year: fall through to the honest partial.
    }
    auto value = BuildValue(d, 0, 0);
    // A year-unknown range cannot cross New Year; keep its start.
    if (!value) value = DateValue(*PartialDate::Make(0, d.month, d.day));
    Emit(d.begin, d.end, *value, kRulePartial, false);
    return true;
  }

  // Skips a date that does not exist, "31 April 2018", so that its tail is
  // not read as another date ("April 2018").
  bool Consume(size_t end) {
    last_end_ = end;
    return true;
  }

  void EmitDayOffset(size_t b, size_t e, int64_t days) {
    if (!anchor_day_) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    Emit(b, e, PartialDate::FromDays(*anchor_day_ + days), kRuleRelative, true);
  }

  // The calendar week (Monday to Sunday) `weeks` weeks from the anchor's.
  void EmitWeek(size_t b, size_t e, int64_t weeks) {
    if (!anchor_day_) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    const int64_t monday = *anchor_day_ - Weekday(*anchor_day_) + 7 * weeks;
    const auto week =
        DateValue::Interval(PartialDate::FromDays(monday), PartialDate::FromDays(monday + 6));
    Emit(b, e, week.value_or(DateValue()), kRuleRelative, true);
  }

  void EmitMonthOffset(size_t b, size_t e, int months) {
    if (!anchor_.has_year() || anchor_.month() == 0) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    const int index = anchor_.year() * 12 + anchor_.month() - 1 + months;
    EmitMadeDate(b, e, index / 12, index % 12 + 1, kRuleRelative);
  }

  void EmitYearOffset(size_t b, size_t e, int years) {
    if (!anchor_.has_year()) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    EmitMadeDate(b, e, anchor_.year() + years, 0, kRuleRelative);
  }

  // "November of last year".
  void EmitMonthOfYear(size_t b, size_t e, int month, int years) {
    if (!anchor_.has_year()) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    EmitMadeDate(b, e, anchor_.year() + years, month, kRuleRelative);
  }

  // "last January" is the latest January before the anchor's month, "next
  // January" the first after it, "this January" the anchor year's.
  void EmitNamedMonth(size_t b, size_t e, int month, int shift) {
    if (!anchor_.has_year() || (shift != 0 && anchor_.month() == 0)) {
      Emit(b, e, DateValue(), kRuleRelative, false);
      return;
    }
    int year = anchor_.year();
    if (shift < 0 && month >= anchor_.month()) --year;
    if (shift > 0 && month <= anchor_.month()) ++year;
    EmitMadeDate(b, e, year, month, kRuleRelative);
  }

  void EmitMadeDate(size_t b, size_t e, int year, int month, std::string_view rule) {
    const auto date = PartialDate::Make(year, month);
    if (!date || !date->has_year()) {  // Beyond year 1..9999.
      Emit(b, e, DateValue(), rule, false);
      return;
    }
    Emit(b, e, *date, rule, true);
  }

  void EmitWeekday(size_t b, size_t e, int weekday, WeekdayMode mode) {
    if (!anchor_day_) {
      Emit(b, e, DateValue(), kRuleWeekday, false);
      return;
    }
    const int64_t anchor = *anchor_day_;
    const int today = Weekday(anchor);
    const int back = (today - weekday + 7) % 7;
    const int ahead = (weekday - today + 7) % 7;
    int64_t day = anchor;
    switch (mode) {
      case WeekdayMode::kOnOrBefore:
        day = anchor - back;
        break;
      case WeekdayMode::kBefore:
        day = anchor - (back == 0 ? 7 : back);
        break;
      case WeekdayMode::kAfter:
        day = anchor + (ahead == 0 ? 7 : ahead);
        break;
      case WeekdayMode::kOnOrAfter:
        day = anchor + ahead;
        break;
    }
    Emit(b, e, PartialDate::FromDays(day), kRuleWeekday, true);
  }

  void Emit(size_t b, size_t e, const DateValue& value, std::string_view rule, bool used_anchor) {
    previous_end_ = last_end_;
    TimeExpression& x = out_->emplace_back();
    x.offset = b;
    x.length = e - b;
    x.value = value;
    x.rule = rule;
    if (used_anchor) {
      // Formatted on first use: most sentences have no relative date.
      if (anchor_text_.empty()) anchor_text_ = anchor_.ToString();
      x.anchor = anchor_text_;
    }
    last_end_ = e;
  }

  std::string_view t_;
  const PartialDate& anchor_;
  Tense tense_;
  std::vector<TimeExpression>* out_;
  std::optional<int64_t> anchor_day_;
  std::string anchor_text_;  // anchor_.ToString(), once needed.
  size_t last_end_ = 0;      // End of the last expression emitted (or skipped).
  size_t previous_end_ = 0;  // last_end_ before that expression.
};

// ---------------------------------------------------------------------------
// Durations.

struct Quantity {
  double value = 0;
  size_t end = 0;
  bool article = false;  // "a", "an", "half an": not enough for "a day".
  bool half = false;     // Already has its "and a half".
};

// "and a half" right after `p`; returns the position after it or kNone.
size_t ReadAndAHalf(std::string_view t, size_t p) {
  const Span w1 = NextWordOrHyphen(t, p);
  if (!EqualsLower(TextOf(t, w1), "and")) return kNone;
  const Span w2 = NextWordOrHyphen(t, w1.end);
  if (!EqualsLower(TextOf(t, w2), "a")) return kNone;
  const Span w3 = NextWordOrHyphen(t, w2.end);
  if (!EqualsLower(TextOf(t, w3), "half")) return kNone;
  return w3.end;
}

// A count at the word [b, e): "90", "1.5", "two", "twenty-five", "a", "an",
// "half an", with a trailing "and a half".
std::optional<Quantity> ReadQuantity(std::string_view t, size_t b, size_t e) {
  Quantity q;
  if (IsDigit(t[b])) {
    if (DigitEnd(t, b) != e || e - b > 5 || NumberGluedBefore(t, b)) return std::nullopt;
    q.value = DigitsValue(t, b, e);
    q.end = e;
    if (e + 1 < t.size() && t[e] == '.' && IsDigit(t[e + 1])) {  // "1.5 hours"
      const size_t f = DigitEnd(t, e + 1);
      double scale = 0.1;
      for (size_t i = e + 1; i < f; ++i, scale /= 10) q.value += (t[i] - '0') * scale;
      q.end = f;
      if (f < t.size() && IsAlpha(t[f])) return std::nullopt;
    }
    // "2,000", "10:30", "24/7", "50%"; "90-minute" is fine.
    const char c = q.end < t.size() ? t[q.end] : ' ';
    const bool digit_next = q.end + 1 < t.size() && IsDigit(t[q.end + 1]);
    if (c == '%' || ((c == ',' || c == ':' || c == '/' || c == '.') && digit_next)) {
      return std::nullopt;
    }
  } else {
    std::string_view word = t.substr(b, e - b);
    if (!InMask(kQuantityWordMask, word)) return std::nullopt;
    if (IsOneOf(word, {"a", "an"})) {
      q.value = 1;
      q.end = e;
      q.article = true;
    } else if (EqualsLower(word, "half")) {
      const Span next = NextWord(t, e);
      if (!IsOneOf(TextOf(t, next), {"a", "an"})) return std::nullopt;
      q.value = 0.5;
      q.end = next.end;
      q.article = true;
      q.half = true;
      return q;
    } else {
      const int value = NumberWordValue(word);
      if (value <= 0) return std::nullopt;
      q.value = value;
      q.end = e;
      if (value >= 20) {  // "twenty-five", "forty five"
        const Span units = NextWordOrHyphen(t, e);
        const int unit_value = NumberWordValue(TextOf(t, units));
        if (unit_value >= 1 && unit_value <= 9) {
          q.value += unit_value;
          q.end = units.end;
        }
      }
    }
  }
  if (!q.article) {
    if (const size_t after = ReadAndAHalf(t, q.end); after != kNone) {
      q.value += 0.5;
      q.end = after;
      q.half = true;
    }
  }
  return q;
}

// Minutes in the unit `word` names, 0 if it is not a unit.
int UnitMinutes(std::string_view word, DurationUnit* unit) {
  if (IsOneOf(word, {"minute", "minutes", "min", "mins"})) {
    *unit = DurationUnit::kMinute;
    return 1;
  }
  if (IsOneOf(word, {"hour", "hours", "hr", "hrs"})) {
    *unit = DurationUnit::kHour;
    return 60;
  }
  if (IsOneOf(word, {"day", "days"})) {
    *unit = DurationUnit::kDay;
    return 24 * 60;
  }
  if (IsOneOf(word, {"week", "weeks"})) {
    *unit = DurationUnit::kWeek;
    return 7 * 24 * 60;
  }
  return 0;
}

// Qualifiers taken into a duration's span: "almost", "more than", "at least".
size_t ExtendOverQualifier(std::string_view t, size_t b, size_t floor) {
  const Span prev = PrevWord(t, b);
  if (prev.empty() || prev.end == b || prev.begin < floor) return b;
  std::string_view word = TextOf(t, prev);
  if (IsOneOf(word, {"almost", "about", "around", "nearly", "roughly", "approximately", "some",
                     "approx"})) {
    return prev.begin;
  }
  const Span before = PrevWord(t, prev.begin);
  const bool has_before = !before.empty() && before.end != prev.begin && before.begin >= floor;
  std::string_view before_word = has_before ? TextOf(t, before) : std::string_view();
  if (EqualsLower(word, "than")) {
    return has_before && IsOneOf(before_word, {"more", "less", "fewer"}) ? before.begin : b;
  }
  if (EqualsLower(word, "least")) {
    return has_before && EqualsLower(before_word, "at") ? before.begin : b;
  }
  if (EqualsLower(word, "to")) {
    return has_before && EqualsLower(before_word, "up") ? before.begin : b;
  }
  if (IsOneOf(word, {"over", "under"})) {
    return has_before && IsOneOf(before_word, {"just", "well"}) ? before.begin : prev.begin;
  }
  return b;
}

std::optional<DurationExpression> ParseDuration(std::string_view t, size_t b, size_t e,
                                                size_t floor) {
  const auto quantity = ReadQuantity(t, b, e);
  if (!quantity || quantity->value <= 0) return std::nullopt;
  const Span unit_word = NextWordOrHyphen(t, quantity->end);
  DurationUnit unit = DurationUnit::kMinute;
  const int factor = UnitMinutes(TextOf(t, unit_word), &unit);
  if (factor == 0) return std::nullopt;
  // "once a day", "a week after": rates and shifts, not lengths.
  if (quantity->article && factor >= 24 * 60) return std::nullopt;
  double minutes = quantity->value * factor;
  size_t end = unit_word.end;
  if (const size_t after = ReadAndAHalf(t, end); after != kNone && !quantity->half) {
    minutes += 0.5 * factor;  // "an hour and a half"
    end = after;
  } else {
    // "an hour and 15 minutes", "1 hour 30 minutes".
    size_t p = end;
    const Span joiner = NextWord(t, p);
    if (EqualsLower(TextOf(t, joiner), "and")) p = joiner.end;
    const Span word2 = NextWord(t, p);
    if (!word2.empty()) {
      const auto quantity2 = ReadQuantity(t, word2.begin, word2.end);
      if (quantity2 && !quantity2->article) {
        const Span unit_word2 = NextWordOrHyphen(t, quantity2->end);
        DurationUnit unit2 = DurationUnit::kMinute;
        const int factor2 = UnitMinutes(TextOf(t, unit_word2), &unit2);
        if (factor2 != 0 && factor2 < factor) {
          minutes += quantity2->value * factor2;
          end = unit_word2.end;
        }
      }
    }
  }
  const Span long_word = NextWordOrHyphen(t, end);
  if (EqualsLower(TextOf(t, long_word), "long")) end = long_word.end;
  // A shift from another date, not a length: "two days ago", "an hour later".
  const Span next = NextWord(t, end);
  if (IsOneOf(TextOf(t, next), {"ago", "later", "earlier", "before", "after"})) {
    return std::nullopt;
  }
  DurationExpression d;
  d.offset = ExtendOverQualifier(t, b, floor);
  d.length = end - d.offset;
  d.minutes = minutes;
  d.unit = unit;
  return d;
}

// ---------------------------------------------------------------------------
// Datelines.

constexpr int kDatelineLines = 3;
constexpr size_t kMaxPlaceBytes = 60;
constexpr int kMaxPlaceWords = 5;
constexpr size_t kMaxSourceBytes = 40;  // "(Reuters)", "(etkg wire)".

// A place of capitalised words at `b`: "MOSCOW", "Washington DC",
// "Washington, D.C." stops at the comma. Empty if none.
Span ReadPlace(std::string_view line, size_t b) {
  size_t p = b;
  size_t end = b;
  for (int words = 0; words < kMaxPlaceWords; ++words) {
    if (p >= line.size() || !IsUpper(line[p])) break;
    size_t q = p;
    while (q < line.size()) {
      const char c = line[q];
      const bool inner_hyphen = c == '-' && q + 1 < line.size() && IsAlpha(line[q + 1]);
      if (IsAlpha(c) || c == '.' || c == '\'' || c == '/' || inner_hyphen) {
        ++q;
      } else if (ByteAt(line, q) >= 0x80 && SpaceAt(line, q) == 0 && DashAt(line, q) == 0) {
        ++q;  // Letters beyond ASCII: "SÃO PAULO".
      } else {
        break;
      }
    }
    end = q;
    const size_t space = SpaceAt(line, q);
    if (space == 0 || line[q] == '\n') break;
    p = q + space;
  }
  if (end - b > kMaxPlaceBytes) return {b, b};
  return {b, end};
}

// Completes a dateline whose date (and place) end at `p`: takes in a
// "(Reuters)" and a closing ":" or dash, and refuses a line that goes on
// as a sentence.
std::optional<Dateline> FinishDateline(std::string_view line, size_t b, const RawDate& d,
                                       Span place, size_t p) {
  const auto date = PartialDate::Make(d.year, d.month, d.day);
  if (!date || date->month() == 0) return std::nullopt;
  size_t end = p;
  size_t q = SkipSpaces(line, p);
  if (q < line.size() && line[q] == '(') {
    const size_t close = line.find(')', q);
    if (close == std::string_view::npos || close - q > kMaxSourceBytes) return std::nullopt;
    end = close + 1;
    q = SkipSpaces(line, end);
  }
  if (q < line.size() && line[q] == ':') {
    end = q + 1;
  } else if (DashAt(line, q) != 0) {
    while (size_t n = DashAt(line, q)) q += n;
    end = q;
  } else if (q < line.size() && IsAlnum(line[q])) {
    return std::nullopt;
  }
  Dateline dateline;
  dateline.offset = b;
  dateline.length = end - b;
  dateline.date = *date;
  dateline.place = std::string(TextOf(line, place));
  return dateline;
}

std::optional<Dateline> DatelineAt(std::string_view line, size_t b) {
  RawDate d;
  // "date 2017-05-03 Washington DC:"
  const size_t word_end = AlphaEnd(line, b);
  if (EqualsLower(line.substr(b, word_end - b), "date")) {
    size_t p = word_end;
    if (p < line.size() && line[p] == ':') ++p;
    const size_t q = SkipSpaces(line, p);
    if (q == word_end || !ParseCalendarDate(line, q, &d)) return std::nullopt;
    size_t after = SkipSpaces(line, d.end);
    if (after < line.size() && line[after] == ',') after = SkipSpaces(line, after + 1);
    const Span place = after > d.end ? ReadPlace(line, after) : Span{after, after};
    return FinishDateline(line, b, d, place, place.empty() ? d.end : place.end);
  }
  // "July 16, 2018, Helsinki"
  if (ParseCalendarDate(line, b, &d)) {
    size_t after = d.end;
    Span place{after, after};
    if (after < line.size() && line[after] == ',') {
      place = ReadPlace(line, SkipSpaces(line, after + 1));
      if (!place.empty()) after = place.end;
    }
    return FinishDateline(line, b, d, place, after);
  }
  // "MOSCOW, November 22, 2017 —"
  const Span place = ReadPlace(line, b);
  if (place.empty() || place.end >= line.size() || line[place.end] != ',') return std::nullopt;
  const size_t q = SkipSpaces(line, place.end + 1);
  if (!ParseCalendarDate(line, q, &d)) return std::nullopt;
  return FinishDateline(line, b, d, place, d.end);
}

// ---------------------------------------------------------------------------
// Tense.

// What a word says about a sentence's tense.
enum class Cue : uint8_t {
  kNeutral,
  kPast,       // "said", "spoke", "ago".
  kNotPast,    // Ends in "-ed" but is no verb: "indeed", "hundred", "United".
  kFuture,     // "upcoming", "tomorrow".
  kWill,       // "will", "shall": unless a noun ("political will").
  kWould,      // "said it would send": the future seen from the past.
  kWon,        // "won" is past, "won't" future.
  kNext,       // Unless "next to".
  kBeSetTo,    // "is set to", "are due to", "is going to".
  kScheduled,  // "scheduled for", "scheduled to".
  kPlanTo,     // "plans to", "expected to".
  kAgreedTo,   // "agreed to <verb>"; past otherwise.
  kForward,    // "look forward to": what follows is still to come.
  kInvited,    // "invited X to visit": the visit is still to come.
};

// The cue of each name used in loaders/rules/en/tense.tsv.
constexpr std::pair<std::string_view, Cue> kCueNames[] = {
    {"past", Cue::kPast},       {"not-past", Cue::kNotPast},   {"future", Cue::kFuture},
    {"will", Cue::kWill},       {"would", Cue::kWould},        {"won", Cue::kWon},
    {"next", Cue::kNext},       {"be-set-to", Cue::kBeSetTo},  {"scheduled", Cue::kScheduled},
    {"plan-to", Cue::kPlanTo},  {"agreed-to", Cue::kAgreedTo}, {"forward", Cue::kForward},
    {"invited", Cue::kInvited},
};

// A word of up to 12 ASCII letters packed into 60 bits, 5 a letter, case
// folded: equal keys are equal words, so one integer comparison decides.
constexpr size_t kMaxKeyLetters = 12;
constexpr uint64_t WordKey(std::string_view w) {
  uint64_t key = 0;
  for (char c : w) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    key = key * 32 + static_cast<uint64_t>(lower - 'a' + 1);
  }
  return key;
}

size_t CueSlot(uint64_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

// Open addressing over the words' keys, built once from the table of
// loaders/rules/en/tense.tsv (tests/loaders/rules_test.cc checks each line).
struct CueTable {
  std::vector<uint64_t> keys;  // 0: empty (no word has key 0).
  std::vector<Cue> cues;
  size_t mask = 0;
};

const CueTable& Cues() {
  static const CueTable table = [] {
    CueTable t;
    Result<std::vector<RuleLine>> rules =
        ParseRuleTable(EmbeddedRules("en/tense.tsv"), "loaders/rules/en/tense.tsv", 2);
    std::vector<std::pair<uint64_t, Cue>> words;
    if (rules.ok()) {
      for (const RuleLine& rule : *rules) {
        const std::string& word = rule.fields[1];
        auto it = std::find_if(std::begin(kCueNames), std::end(kCueNames),
                               [&](const auto& c) { return c.first == rule.fields[0]; });
        bool letters = word.size() <= kMaxKeyLetters &&
                       std::all_of(word.begin(), word.end(), [](char c) { return IsAlpha(c); });
        if (it != std::end(kCueNames) && letters) words.push_back({WordKey(word), it->second});
      }
    }
    size_t slots = 16;
    while (slots < 2 * words.size()) slots *= 2;
    t.keys.assign(slots, 0);
    t.cues.assign(slots, Cue::kNeutral);
    t.mask = slots - 1;
    for (const auto& [key, cue] : words) {
      size_t slot = CueSlot(key, t.mask);
      while (t.keys[slot] != 0 && t.keys[slot] != key) slot = (slot + 1) & t.mask;
      t.keys[slot] = key;
      t.cues[slot] = cue;
    }
    return t;
  }();
  return table;
}

// `w` holds letters only.
Cue CueOf(std::string_view w) {
  if (w.size() > kMaxKeyLetters) return Cue::kNeutral;
  const CueTable& table = Cues();
  const uint64_t key = WordKey(w);
  for (size_t slot = CueSlot(key, table.mask);; slot = (slot + 1) & table.mask) {
    if (table.keys[slot] == key) return table.cues[slot];
    if (table.keys[slot] == 0) return Cue::kNeutral;
  }
}

bool EndsWithEd(std::string_view w) {
  return w.size() >= 4 && ToLower(w[w.size() - 2]) == 'e' && ToLower(w[w.size() - 1]) == 'd';
}

// True when the word [b, e) of `s`, whose cue is `cue`, marks the future
// tense. `prev` is the word before it, "" if none.
bool MarksFuture(Cue cue, std::string_view s, size_t e, std::string_view prev) {
  const auto next_is = [&](std::initializer_list<std::string_view> words) {
    return IsOneOf(TextOf(s, NextWord(s, e)), words);
  };
  switch (cue) {
    case Cue::kFuture:
      return true;
    case Cue::kWill:
      // "the will of the people", "political will".
      return !IsOneOf(prev, {"the", "political", "good", "free", "own", "his", "her", "their",
                             "our", "its", "a", "ill"});
    case Cue::kWould:
      return !next_is({"have"});  // "would have met" looks back.
    case Cue::kWon:
      return ApostropheAt(s, e) != 0;  // "won't"
    case Cue::kNext:
      return !next_is({"to"});
    case Cue::kBeSetTo:
      return IsOneOf(prev, {"is", "are", "am", "s", "re"}) && next_is({"to"});
    case Cue::kScheduled:
      return next_is({"for", "to"});
    case Cue::kPlanTo:
      return next_is({"to"});
    case Cue::kAgreedTo: {
      // "agreed to meet on July 7–8": the date belongs to the meeting still
      // to come. "agreed to a ceasefire" reports a past agreement.
      const Span to = NextWord(s, e);
      if (!EqualsLower(TextOf(s, to), "to")) return false;
      const Span verb = NextWord(s, to.end);
      return !verb.empty() && IsAlpha(s[verb.begin]) &&
             !IsOneOf(TextOf(s, verb), {"a", "an", "the", "this", "that", "these", "those", "their",
                                        "his", "her", "its", "our", "all", "any"});
    }
    case Cue::kForward:
      // "looks forward to meeting in June"; "moving forward" is no tense.
      return IsOneOf(prev, {"look", "looks", "looking", "looked"}) && next_is({"to"});
    case Cue::kInvited: {
      // "invited President Lula to visit Washington in early February": a
      // "to" and a verb of coming within a few words.
      size_t at = e;
      for (int words = 0; words < 8; ++words) {
        const Span w = NextWord(s, at);
        if (w.empty()) return false;
        if (EqualsLower(TextOf(s, w), "to")) {
          return IsOneOf(TextOf(s, NextWord(s, w.end)),
                         {"visit", "meet", "attend", "come", "travel", "join", "hold", "take"});
        }
        at = w.end;
      }
      return false;
    }
    default:
      return false;
  }
}

}  // namespace

Tense DetectTense(std::string_view s) {
  bool past = false;
  bool first_word = true;
  std::string_view prev;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (!IsAlpha(s[i])) {
      ++i;
      continue;
    }
    const size_t b = i;
    const size_t e = AlnumEnd(s, b);
    i = e;
    const bool is_first = first_word;
    first_word = false;
    const std::string_view p = prev;
    const std::string_view w = s.substr(b, e - b);
    prev = w;
    if (AlphaEnd(s, b) != e) continue;  // "G20"
    if (ApostropheBefore(s, b)) {
      // "we'll"; "'s", "'t", "'re" are not verbs of their own.
      if (EqualsLower(w, "ll")) return Tense::kFuture;
      continue;
    }
    const Cue cue = CueOf(w);
    if (cue == Cue::kNeutral || cue == Cue::kNotPast) {
      if (past || cue == Cue::kNotPast || !EndsWithEd(w)) continue;
      // A capitalised "-ed" word mid-sentence is a name or a headline
      // ("Ahmed"); one after a hyphen or an article an adjective
      // ("so-called", "a detailed plan").
      const bool capitalised = IsUpper(s[b]);
      const bool after_hyphen = b > 0 && s[b - 1] == '-';
      const bool adjective = IsOneOf(p, {"the", "a", "an", "very", "most", "more", "so"});
      if ((!capitalised || is_first) && !after_hyphen && !adjective) past = true;
      continue;
    }
    if (MarksFuture(cue, s, e, p)) return Tense::kFuture;
    // A cue that does not mark the future is a past form ("said", "won",
    // "agreed to a truce", "was expected"), except "will" as a noun, "next
    // to", "set", "due", "going" and present forms ("plans").
    if (cue != Cue::kWill && cue != Cue::kWould && cue != Cue::kNext && cue != Cue::kBeSetTo &&
        cue != Cue::kForward && !IsOneOf(w, {"agreement", "invitation"}) &&
        (cue != Cue::kPlanTo || EndsWithEd(w))) {
      past = true;
    }
  }
  return past ? Tense::kPast : Tense::kPresent;
}

std::vector<TimeExpression> TemporalTagger::Tag(std::string_view text, const PartialDate& anchor,
                                                Tense tense) const {
  std::vector<TimeExpression> out;
  DateScanner(text, anchor, tense, &out).Run();
  return out;
}

std::vector<DurationExpression> TemporalTagger::FindDurations(std::string_view text) const {
  std::vector<DurationExpression> out;
  size_t floor = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t e = AlnumEnd(text, i);
    if (auto duration = ParseDuration(text, i, e, floor)) {
      floor = duration->offset + duration->length;
      out.push_back(*duration);
      i = floor;
      continue;
    }
    i = e;
  }
  return out;
}

std::optional<Dateline> FindDateline(std::string_view text) {
  size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  int lines = 0;
  while (pos < text.size() && lines < kDatelineLines) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    // Offsets stay those of `text`; the parsers cannot see past the line.
    std::string_view line = text.substr(0, eol);
    const size_t b = SkipSpaces(line, pos);
    if (b < eol) {
      ++lines;
      if (auto dateline = DatelineAt(line, b)) return dateline;
    }
    pos = eol + 1;
  }
  return std::nullopt;
}

PartialDate LatestExplicitDate(std::string_view text) {
  PartialDate best;
  auto later = [](const PartialDate& a, const PartialDate& b) {
    if (b.is_null()) return true;
    const int64_t fa = *a.FirstDay();
    const int64_t fb = *b.FirstDay();
    if (fa != fb) return fa > fb;
    return a.precision() > b.precision();
  };
  for (const TimeExpression& x : TemporalTagger().Tag(text, PartialDate(), Tense::kPresent)) {
    if (x.rule != kRuleExplicit || x.value.is_null()) continue;
    for (const PartialDate& point : {x.value.begin(), x.value.end()}) {
      if (point.has_year() && later(point, best)) best = point;
    }
  }
  return best;
}

}  // namespace etkg
