// Dates with their precision, written TIMEX3 / ISO 8601 style.
//
//   2017-05-02             a day
//   2017-05                a month
//   2017                   a year
//   XXXX-01-28, XXXX-01    a day or month whose year is unknown
//   2017-07-07/2017-07-08  an interval of any two of the above
//   (null)                 unknown
#ifndef ETKG_GRAPH_DATE_H_
#define ETKG_GRAPH_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace etkg {

enum class DatePrecision { kNone, kYear, kMonth, kDay };

// Days since 1970-01-01 in the proleptic Gregorian calendar.
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int* year, int* month, int* day);
// 0 for a month outside 1..12; 29 for February when the year is 0 (unknown).
int DaysInMonth(int year, int month);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days);

// One calendar point at day, month or year precision. The year may be unknown
// while month (and day) are known: "28th January" with no year anywhere.
class PartialDate {
 public:
  PartialDate() = default;  // Null: nothing known.

  // Returns nullopt when the fields do not name a real date (month 13, Feb 30,
  // a day without a month). year == 0 means "year unknown".
  static std::optional<PartialDate> Make(int year, int month = 0, int day = 0);
  // A day; null when its year lies outside 1..9999.
  static PartialDate FromDays(int64_t days);

  // Parses "2017-05-02", "2017-05", "2017", "XXXX-01-28", "XXXX-01".
  static std::optional<PartialDate> Parse(std::string_view text);

  int year() const { return year_; }    // 0 when unknown.
  int month() const { return month_; }  // 0 when unknown.
  int day() const { return day_; }      // 0 when unknown.
  bool is_null() const { return month_ == 0 && year_ == 0; }
  bool has_year() const { return year_ != 0; }
  DatePrecision precision() const;

  // "" for a null date.
  std::string ToString() const;
  // Writes ToString()'s text to `out`, which has room for kMaxText bytes;
  // returns the end of what was written.
  static constexpr size_t kMaxText = 16;
  char* Format(char* out) const;

  // First and last day covered; nullopt when the year is unknown.
  std::optional<int64_t> FirstDay() const;
  std::optional<int64_t> LastDay() const;

  // True when every day this date may stand for is also one `other` may
  // stand for: 2017 contains 2017-05-02; XXXX-01-28 contains 2017-01-28.
  bool Contains(const PartialDate& other) const;

  friend bool operator==(const PartialDate&, const PartialDate&) = default;

 private:
  PartialDate(int y, int m, int d)
      : year_(static_cast<int16_t>(y)),
        month_(static_cast<uint8_t>(m)),
        day_(static_cast<uint8_t>(d)) {}
  // Four bytes: years are 0..9999, so a date value is eight and every edge
  // and node carries one.
  int16_t year_ = 0;
  uint8_t month_ = 0;
  uint8_t day_ = 0;
};

// A date value as the graph stores it: null, one partial date, or an
// interval between two partial dates (begin <= end).
class DateValue {
 public:
  DateValue() = default;                           // Null.
  DateValue(PartialDate point) : begin_(point) {}  // NOLINT: a point is a value.
  // Returns nullopt when end starts or ends before begin does, or only one
  // side is null.
  static std::optional<DateValue> Interval(PartialDate begin, PartialDate end);

  // Parses a point, "A/B", or "" / "null" as null.
  static std::optional<DateValue> Parse(std::string_view text);

  const PartialDate& begin() const { return begin_; }
  // Equal to begin() for a point.
  const PartialDate& end() const { return end_.is_null() ? begin_ : end_; }
  bool is_null() const { return begin_.is_null(); }
  bool is_interval() const { return !end_.is_null(); }
  // The finer of the two ends' precision.
  DatePrecision precision() const;

  // "" for null, "2017-05-02", "2017-07-07/2017-07-08".
  std::string ToString() const;
  // Writes ToString()'s text to `out`, which has room for kMaxText bytes;
  // returns the end of what was written.
  static constexpr size_t kMaxText = 2 * PartialDate::kMaxText + 1;
  char* Format(char* out) const;

  std::optional<int64_t> FirstDay() const { return begin_.FirstDay(); }
  std::optional<int64_t> LastDay() const { return end().LastDay(); }
  // Number of days covered, nullopt when the year is unknown.
  std::optional<int64_t> SpanDays() const;

  // True when every day `other` may stand for lies within this value.
  bool Contains(const DateValue& other) const;

  // True when the two values may name the same happening: equal, one
  // contains the other, or their day ranges overlap or lie at most
  // `tolerance_days` apart.
  bool CompatibleWith(const DateValue& other, int tolerance_days) const;

  friend bool operator==(const DateValue&, const DateValue&) = default;

 private:
  PartialDate begin_;
  PartialDate end_;  // Null for a point.
};

// Days from the first day of `a` to the first day of `b`; nullopt when
// either year is unknown.
std::optional<int64_t> DaysBetween(const DateValue& a, const DateValue& b);

// A total order for timelines: dated values by first day, the shorter span
// first on a tie; then year-unknown values by month and day; null last.
// Returns <0, 0 or >0.
int CompareDates(const DateValue& a, const DateValue& b);

}  // namespace etkg

#endif  // ETKG_GRAPH_DATE_H_
