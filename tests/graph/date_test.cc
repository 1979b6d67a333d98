// The date model: parsing, formatting, precision, order, containment,
// compatibility and day arithmetic.
#include "graph/date.h"

#include <gtest/gtest.h>

namespace etkg {
namespace {

TEST(CivilDaysTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2017, 5, 2) - DaysFromCivil(2017, 1, 28), 94);
  int y, m, d;
  CivilFromDays(DaysFromCivil(2024, 2, 29), &y, &m, &d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240229);
  EXPECT_EQ(Weekday(DaysFromCivil(2025, 3, 18)), 1);  // A Tuesday.
  EXPECT_EQ(Weekday(DaysFromCivil(1970, 1, 1)), 3);   // A Thursday.
}

TEST(CivilDaysTest, RoundTripsEveryDayForFourHundredYears) {
  for (int64_t day = DaysFromCivil(1900, 1, 1); day < DaysFromCivil(2300, 1, 1); ++day) {
    int y, m, d;
    CivilFromDays(day, &y, &m, &d);
    ASSERT_EQ(DaysFromCivil(y, m, d), day);
  }
}

struct ParseCase {
  const char* text;
  const char* formatted;  // nullptr: must be rejected.
  DatePrecision precision;
};

TEST(PartialDateTest, ParsesAndFormats) {
  const ParseCase kCases[] = {
      {"2017-05-02", "2017-05-02", DatePrecision::kDay},
      {"2017-05", "2017-05", DatePrecision::kMonth},
      {"2017", "2017", DatePrecision::kYear},
      {"XXXX-01-28", "XXXX-01-28", DatePrecision::kDay},
      {"XXXX-01", "XXXX-01", DatePrecision::kMonth},
      {"2024-02-29", "2024-02-29", DatePrecision::kDay},
      {"XXXX-02-29", "XXXX-02-29", DatePrecision::kDay},
      {"0001-01-01", "0001-01-01", DatePrecision::kDay},
      {"2023-02-29", nullptr, DatePrecision::kNone},
      {"2017-13-01", nullptr, DatePrecision::kNone},
      {"2017-04-31", nullptr, DatePrecision::kNone},
      {"2017-00-10", nullptr, DatePrecision::kNone},
      {"2017-05-00", nullptr, DatePrecision::kNone},
      {"XXXX", nullptr, DatePrecision::kNone},
      {"17-05-02", nullptr, DatePrecision::kNone},
      {"2017/05/02", nullptr, DatePrecision::kNone},
      {"2017-5-2", nullptr, DatePrecision::kNone},
      {"0000", nullptr, DatePrecision::kNone},
      {"", nullptr, DatePrecision::kNone},
      {"2017-05-02T10", nullptr, DatePrecision::kNone},
      {"abcd-ef-gh", nullptr, DatePrecision::kNone},
      {"+201-05-02", nullptr, DatePrecision::kNone},
  };
  for (const ParseCase& c : kCases) {
    SCOPED_TRACE(c.text);
    auto date = PartialDate::Parse(c.text);
    if (c.formatted == nullptr) {
      EXPECT_FALSE(date.has_value());
      continue;
    }
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->ToString(), c.formatted);
    EXPECT_EQ(date->precision(), c.precision);
  }
}

TEST(PartialDateTest, MakeRejectsImpossibleDates) {
  EXPECT_FALSE(PartialDate::Make(2017, 0, 5).has_value());  // A day without a month.
  EXPECT_FALSE(PartialDate::Make(2017, 2, 29).has_value());
  EXPECT_TRUE(PartialDate::Make(2016, 2, 29).has_value());
  EXPECT_TRUE(PartialDate::Make(0, 0, 0)->is_null());
  EXPECT_EQ(PartialDate::Make(0, 1, 28)->ToString(), "XXXX-01-28");
}

TEST(PartialDateTest, FirstAndLastDay) {
  auto month = *PartialDate::Parse("2024-02");
  EXPECT_EQ(*month.FirstDay(), DaysFromCivil(2024, 2, 1));
  EXPECT_EQ(*month.LastDay(), DaysFromCivil(2024, 2, 29));
  auto year = *PartialDate::Parse("2017");
  EXPECT_EQ(*year.LastDay() - *year.FirstDay(), 364);
  EXPECT_FALSE(PartialDate::Parse("XXXX-01-28")->FirstDay().has_value());
}

struct ContainsCase {
  const char* outer;
  const char* inner;
  bool contains;
};

TEST(DateValueTest, Contains) {
  const ContainsCase kCases[] = {
      {"2017", "2017-05-02", true},
      {"2017-05", "2017-05-31", true},
      {"2017-05", "2017-06-01", false},
      {"2017-05-02", "2017-05", false},
      {"XXXX-01-28", "2017-01-28", true},
      {"XXXX-01-28", "2017-01-29", false},
      {"XXXX-01", "2025-01-09", true},
      {"2017-01-28", "XXXX-01-28", false},
      {"2017-07-07/2017-07-08", "2017-07-08", true},
      {"2017-07-07/2017-07-08", "2017-07-09", false},
      {"2017-07", "2017-07-07/2017-07-08", true},
      {"2017-07-07/2017-07-08", "2017-07", false},
      {"2017-12-30/2018-01-02", "2018-01-01", true},
      {"XXXX-05-03/XXXX-05-04", "XXXX-05-04", true},
      {"2017-05-02", "2017-05-02", true},
  };
  for (const ContainsCase& c : kCases) {
    SCOPED_TRACE(std::string(c.outer) + " contains " + c.inner);
    auto outer = DateValue::Parse(c.outer);
    auto inner = DateValue::Parse(c.inner);
    ASSERT_TRUE(outer && inner);
    EXPECT_EQ(outer->Contains(*inner), c.contains);
  }
}

TEST(DateValueTest, ParsesIntervalsAndNull) {
  auto interval = DateValue::Parse("2017-07-07/2017-07-08");
  ASSERT_TRUE(interval);
  EXPECT_TRUE(interval->is_interval());
  EXPECT_EQ(interval->ToString(), "2017-07-07/2017-07-08");
  EXPECT_EQ(*interval->SpanDays(), 2);
  EXPECT_EQ(DateValue::Parse("2017-12/2018-01")->ToString(), "2017-12/2018-01");
  EXPECT_TRUE(DateValue::Parse("")->is_null());
  EXPECT_TRUE(DateValue::Parse("null")->is_null());
  EXPECT_EQ(DateValue().ToString(), "");
  // Backwards, half-open, or mixing known and unknown years.
  EXPECT_FALSE(DateValue::Parse("2017-07-08/2017-07-07"));
  EXPECT_FALSE(DateValue::Parse("2017-07-08/"));
  EXPECT_FALSE(DateValue::Parse("2017-07-08/XXXX-07-09"));
  EXPECT_FALSE(DateValue::Parse("2017-07-08/2017-07-08"));
  EXPECT_FALSE(DateValue::Parse("2017-05/2017-05-03"));  // Its end runs backwards.
  EXPECT_FALSE(DateValue::Parse("2017/2017-03"));
  EXPECT_FALSE(DateValue::Parse("2017-07-08/2017-07-09/2017-07-10"));
}

struct CompatibleCase {
  const char* a;
  const char* b;
  bool compatible;
};

TEST(DateValueTest, CompatibleWithinOneDayOrContainment) {
  const CompatibleCase kCases[] = {
      {"2017-05-02", "2017-05-03", true},  // Readouts in two time zones.
      {"2017-05-02", "2017-05-04", false},
      {"2017-05-02", "2017-05", true},
      {"2017-05-31", "2017-06-01", true},  // Across a month end.
      {"2017-12-31", "2018-01-01", true},  // Across a year end.
      {"XXXX-01-28", "2017-01-28", true},
      {"XXXX-01-28", "2017-01-29", false},  // Year unknown: no tolerance.
      {"2017-07-07/2017-07-08", "2017-07-09", true},
      {"2017-07-07/2017-07-08", "2017-07-10", false},
      {"2017", "2018-01-01", true},
      {"", "2017-05-02", false},
  };
  for (const CompatibleCase& c : kCases) {
    SCOPED_TRACE(std::string(c.a) + " ~ " + c.b);
    auto a = *DateValue::Parse(c.a);
    auto b = *DateValue::Parse(c.b);
    EXPECT_EQ(a.CompatibleWith(b, 1), c.compatible);
    EXPECT_EQ(b.CompatibleWith(a, 1), c.compatible);  // Symmetric.
  }
}

TEST(DateValueTest, DaysBetween) {
  EXPECT_EQ(*DaysBetween(*DateValue::Parse("2017-01-28"), *DateValue::Parse("2017-05-02")), 94);
  EXPECT_EQ(*DaysBetween(*DateValue::Parse("2017-05-02"), *DateValue::Parse("2017-01-28")), -94);
  EXPECT_EQ(*DaysBetween(*DateValue::Parse("2016-02-28"), *DateValue::Parse("2016-03-01")), 2);
  EXPECT_FALSE(DaysBetween(*DateValue::Parse("XXXX-01-28"), *DateValue::Parse("2017-05-02")));
  EXPECT_FALSE(DaysBetween(DateValue(), *DateValue::Parse("2017-05-02")));
}

TEST(DateValueTest, TimelineOrder) {
  // In order: dated by first day (shorter first on a tie), year unknown by
  // month and day, null last.
  const char* kOrdered[] = {"2017-01-01",
                            "2017-01",
                            "2017",
                            "2017-01-28",
                            "2017-05",
                            "2017-05-02",
                            "2017-05-03",
                            "2017-05-03/2017-05-04",
                            "2025-03-18",
                            "XXXX-01",
                            "XXXX-01-28",
                            "XXXX-05-03",
                            ""};
  for (size_t i = 0; i < std::size(kOrdered); ++i) {
    for (size_t j = 0; j < std::size(kOrdered); ++j) {
      SCOPED_TRACE(std::string(kOrdered[i]) + " vs " + kOrdered[j]);
      int c = CompareDates(*DateValue::Parse(kOrdered[i]), *DateValue::Parse(kOrdered[j]));
      EXPECT_EQ(c < 0, i < j);
      EXPECT_EQ(c == 0, i == j);
    }
  }
}

}  // namespace
}  // namespace etkg
