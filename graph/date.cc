#include "graph/date.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace etkg {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Parses exactly `width` ASCII digits.
std::optional<int> ParseDigits(std::string_view text, size_t width) {
  if (text.size() != width) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
int64_t DaysFromCivil(int year, int month, int day) {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t days, int* year, int* month, int* day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  *month = m;
  *day = d;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year == 0 || IsLeap(year))) return 29;  // Year unknown: allow Feb 29.
  return kDays[month - 1];
}

int Weekday(int64_t days) {
  // 1970-01-01 was a Thursday (3).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::optional<PartialDate> PartialDate::Make(int year, int month, int day) {
  if (year < 0 || year > 9999) return std::nullopt;
  if (month < 0 || month > 12 || day < 0) return std::nullopt;
  if (day != 0 && month == 0) return std::nullopt;
  if (year == 0 && month == 0) return PartialDate();
  if (day != 0 && day > DaysInMonth(year, month)) return std::nullopt;
  return PartialDate(year, month, day);
}

PartialDate PartialDate::FromDays(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  if (y < 1 || y > 9999) return PartialDate();  // Not writable as YYYY.
  return PartialDate(y, m, d);
}

std::optional<PartialDate> PartialDate::Parse(std::string_view text) {
  // YYYY | YYYY-MM | YYYY-MM-DD, with XXXX for an unknown year (not alone).
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  int year = 0;
  std::string_view year_text = text.substr(0, 4);
  if (year_text == "XXXX") {
    if (text.size() == 4) return std::nullopt;
  } else {
    auto y = ParseDigits(year_text, 4);
    if (!y || *y == 0) return std::nullopt;
    year = *y;
  }
  int month = 0;
  int day = 0;
  if (text.size() >= 7) {
    if (text[4] != '-') return std::nullopt;
    auto m = ParseDigits(text.substr(5, 2), 2);
    if (!m || *m == 0) return std::nullopt;
    month = *m;
  }
  if (text.size() == 10) {
    if (text[7] != '-') return std::nullopt;
    auto d = ParseDigits(text.substr(8, 2), 2);
    if (!d || *d == 0) return std::nullopt;
    day = *d;
  }
  return Make(year, month, day);
}

DatePrecision PartialDate::precision() const {
  if (day_ != 0) return DatePrecision::kDay;
  if (month_ != 0) return DatePrecision::kMonth;
  if (year_ != 0) return DatePrecision::kYear;
  return DatePrecision::kNone;
}

std::string PartialDate::ToString() const {
  char buffer[kMaxText];
  return std::string(buffer, Format(buffer));
}

char* PartialDate::Format(char* buffer) const {
  if (is_null()) return buffer;
  int n = 0;
  if (year_ == 0) {
    n = std::snprintf(buffer, kMaxText, "XXXX");
  } else if (year_ > 0 && year_ <= 9999) {
    // By hand: the JSON writer formats millions of dates, and snprintf was
    // a fifth of its time.
    for (int i = 3, y = year_; i >= 0; --i, y /= 10) buffer[i] = static_cast<char>('0' + y % 10);
    n = 4;
  } else {
    n = std::snprintf(buffer, kMaxText, "%04d", year_);
  }
  for (int part : {static_cast<int>(month_), static_cast<int>(day_)}) {
    if (part == 0) continue;
    buffer[n++] = '-';
    buffer[n++] = static_cast<char>('0' + part / 10 % 10);
    buffer[n++] = static_cast<char>('0' + part % 10);
  }
  return buffer + n;
}

std::optional<int64_t> PartialDate::FirstDay() const {
  if (year_ == 0) return std::nullopt;
  return DaysFromCivil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

std::optional<int64_t> PartialDate::LastDay() const {
  if (year_ == 0) return std::nullopt;
  if (month_ == 0) return DaysFromCivil(year_, 12, 31);
  if (day_ == 0) return DaysFromCivil(year_, month_, DaysInMonth(year_, month_));
  return DaysFromCivil(year_, month_, day_);
}

bool PartialDate::Contains(const PartialDate& other) const {
  if (is_null() || other.is_null()) return false;
  if (year_ != 0) {
    if (other.year_ == 0) return false;
    return *FirstDay() <= *other.FirstDay() && *other.LastDay() <= *LastDay();
  }
  // Year unknown: the other's month (and day) must be pinned to ours.
  if (other.month_ != month_) return false;
  return day_ == 0 || other.day_ == day_;
}

std::optional<DateValue> DateValue::Interval(PartialDate begin, PartialDate end) {
  if (begin.is_null() != end.is_null()) return std::nullopt;
  if (begin == end) return DateValue(begin);
  if (begin.has_year() != end.has_year()) return std::nullopt;
  if (begin.has_year()) {
    // Both ends move forward: "2017-05/2017-05-03" runs backwards at its end.
    if (*begin.FirstDay() > *end.FirstDay() || *begin.LastDay() > *end.LastDay()) {
      return std::nullopt;
    }
  } else if (begin.month() > end.month() ||
             (begin.month() == end.month() && begin.day() > end.day())) {
    return std::nullopt;
  }
  DateValue value;
  value.begin_ = begin;
  value.end_ = end;
  return value;
}

std::optional<DateValue> DateValue::Parse(std::string_view text) {
  if (text.empty() || text == "null") return DateValue();
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    auto point = PartialDate::Parse(text);
    if (!point) return std::nullopt;
    return DateValue(*point);
  }
  auto begin = PartialDate::Parse(text.substr(0, slash));
  auto end = PartialDate::Parse(text.substr(slash + 1));
  if (!begin || !end || *begin == *end) return std::nullopt;
  return Interval(*begin, *end);
}

DatePrecision DateValue::precision() const {
  return std::max(begin_.precision(), end().precision());
}

std::string DateValue::ToString() const {
  char buffer[kMaxText];
  return std::string(buffer, Format(buffer));
}

char* DateValue::Format(char* out) const {
  out = begin_.Format(out);
  if (!is_interval()) return out;
  *out++ = '/';
  return end_.Format(out);
}

std::optional<int64_t> DateValue::SpanDays() const {
  auto first = FirstDay();
  auto last = LastDay();
  if (!first || !last) return std::nullopt;
  return *last - *first + 1;
}

bool DateValue::Contains(const DateValue& other) const {
  if (is_null() || other.is_null()) return false;
  if (!is_interval()) {
    return begin_.Contains(other.begin_) && begin_.Contains(other.end());
  }
  if (begin_.has_year()) {
    auto first = other.FirstDay();
    auto last = other.LastDay();
    return first && last && *FirstDay() <= *first && *last <= *LastDay();
  }
  // Year-unknown interval: compare (month, day) pairs within one year.
  auto key = [](const PartialDate& d, bool low) {
    return d.month() * 100 + (d.day() != 0 ? d.day() : (low ? 0 : 99));
  };
  if (other.begin_.has_year()) return false;
  return key(begin_, true) <= key(other.begin_, true) &&
         key(other.end(), false) <= key(end(), false);
}

bool DateValue::CompatibleWith(const DateValue& other, int tolerance_days) const {
  if (is_null() || other.is_null()) return false;
  if (*this == other || Contains(other) || other.Contains(*this)) return true;
  auto a_first = FirstDay(), a_last = LastDay();
  auto b_first = other.FirstDay(), b_last = other.LastDay();
  if (!a_first || !b_first) return false;
  // Gap between the two day ranges; negative or zero when they overlap.
  int64_t gap = std::max(*a_first - *b_last, *b_first - *a_last);
  return gap <= tolerance_days;
}

std::optional<int64_t> DaysBetween(const DateValue& a, const DateValue& b) {
  auto first_a = a.FirstDay();
  auto first_b = b.FirstDay();
  if (!first_a || !first_b) return std::nullopt;
  return *first_b - *first_a;
}

int CompareDates(const DateValue& a, const DateValue& b) {
  auto group = [](const DateValue& d) {
    if (d.is_null()) return 2;
    return d.begin().has_year() ? 0 : 1;
  };
  int ga = group(a), gb = group(b);
  if (ga != gb) return ga < gb ? -1 : 1;
  if (ga == 0) {
    int64_t fa = *a.FirstDay(), fb = *b.FirstDay();
    if (fa != fb) return fa < fb ? -1 : 1;
    int64_t la = *a.LastDay(), lb = *b.LastDay();
    if (la != lb) return la < lb ? -1 : 1;
  } else if (ga == 1) {
    auto key = [](const PartialDate& d) { return d.month() * 100 + d.day(); };
    int ka = key(a.begin()), kb = key(b.begin());
    if (ka != kb) return ka < kb ? -1 : 1;
    ka = key(a.end());
    kb = key(b.end());
    if (ka != kb) return ka < kb ? -1 : 1;
  }
  std::string sa = a.ToString(), sb = b.ToString();
  return sa < sb ? -1 : (sa > sb ? 1 : 0);
}

}  // namespace etkg
