#include "loaders/temporal_tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace etkg {
namespace {

constexpr Tense kPast = Tense::kPast;
constexpr Tense kPresent = Tense::kPresent;
constexpr Tense kFuture = Tense::kFuture;

PartialDate Anchor(std::string_view iso) {
  if (iso.empty()) return PartialDate();
  auto date = PartialDate::Parse(iso);
  EXPECT_TRUE(date.has_value()) << "bad anchor in test: " << iso;
  return date.value_or(PartialDate());
}

const char* TenseName(Tense tense) {
  switch (tense) {
    case Tense::kPast:
      return "past";
    case Tense::kPresent:
      return "present";
    case Tense::kFuture:
      return "future";
  }
  return "?";
}

// One sentence and the single expression Tag must find in it.
struct TagCase {
  std::string_view text;
  std::string_view anchor;  // ISO; "" for no anchor.
  Tense tense;
  std::string_view expression;  // The text tagged; "" when nothing may be.
  std::string_view value;       // DateValue::ToString(); "" for null.
  std::string_view rule;
};

void CheckTagCases(const std::vector<TagCase>& cases) {
  const TemporalTagger tagger;
  for (const TagCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "text: \"" << c.text << "\" anchor: \"" << c.anchor
                                    << "\" tense: " << TenseName(c.tense));
    const std::vector<TimeExpression> found = tagger.Tag(c.text, Anchor(c.anchor), c.tense);
    if (c.expression.empty()) {
      EXPECT_TRUE(found.empty()) << "tagged \"" << c.text.substr(found[0].offset, found[0].length)
                                 << "\" as " << found[0].value.ToString();
      continue;
    }
    ASSERT_EQ(found.size(), 1u);
    const TimeExpression& x = found[0];
    EXPECT_EQ(c.text.substr(x.offset, x.length), c.expression);
    EXPECT_EQ(x.value.ToString(), c.value);
    EXPECT_EQ(x.rule, c.rule);
    // The anchor is reported exactly when it was used.
    const bool uses_anchor = c.rule != kRuleExplicit && c.rule != kRulePartial && !c.value.empty();
    EXPECT_EQ(x.anchor, uses_anchor ? std::string(c.anchor) : std::string());
  }
}

constexpr std::string_view kExplicit = kRuleExplicit;
constexpr std::string_view kAnchorYear = kRuleAnchorYear;
constexpr std::string_view kPartial = kRulePartial;
constexpr std::string_view kRelative = kRuleRelative;
constexpr std::string_view kWeekday = kRuleWeekday;

TEST(TemporalTaggerTest, ExplicitDatesNeedNoAnchor) {
  CheckTagCases({
      {"The ministers met on May 2, 2017 in Geneva.", "", kPast, "May 2, 2017", "2017-05-02",
       kExplicit},
      {"Talks opened on 2 May 2017 at the ministry.", "", kPast, "2 May 2017", "2017-05-02",
       kExplicit},
      {"The treaty was signed Jan. 28, 2019, after months of work.", "", kPast, "Jan. 28, 2019",
       "2019-01-28", kExplicit},
      {"It took effect Sept 5 2018 without ceremony.", "", kPast, "Sept 5 2018", "2018-09-05",
       kExplicit},
      {"The envoy returned on January 28th, 2018.", "", kPast, "January 28th, 2018", "2018-01-28",
       kExplicit},
      {"He came back on the 3rd of May 2016.", "", kPast, "3rd of May 2016", "2016-05-03",
       kExplicit},
      {"A note dated 2016-11-09 was released.", "", kPast, "2016-11-09", "2016-11-09", kExplicit},
      // Slashed dates are month first unless the first number cannot be a month.
      {"A memo dated 05/03/2017 was leaked.", "", kPast, "05/03/2017", "2017-05-03", kExplicit},
      {"A memo dated 25/03/2017 was leaked.", "", kPast, "25/03/2017", "2017-03-25", kExplicit},
      {"Relations cooled in May 2017 after the strike.", "", kPast, "May 2017", "2017-05",
       kExplicit},
      {"Sanctions were first imposed in 2014 over Crimea.", "", kPast, "2014", "2014", kExplicit},
      {"Fighting flared again in mid-2015 near the border.", "", kPast, "2015", "2015", kExplicit},
      {"The summit opens Tuesday, 12 June 2018 in Singapore.", "", kPresent,
       "Tuesday, 12 June 2018", "2018-06-12", kExplicit},
      {"The call on Tuesday, May 2 went well.", "2017-05-03", kPast, "Tuesday, May 2", "2017-05-02",
       kAnchorYear},
      {"The plan covers the years from 2016 to 2018.", "", kPresent, "2016 to 2018", "2016/2018",
       kExplicit},
      {"NOVEMBER 22, 2017 is the date on the cable.", "", kPresent, "NOVEMBER 22, 2017",
       "2017-11-22", kExplicit},
  });
}

TEST(TemporalTaggerTest, IntervalsKeepBothEnds) {
  CheckTagCases({
      {"Leaders gathered in Osaka, 28-29 June 2019.", "", kPast, "28-29 June 2019",
       "2019-06-28/2019-06-29", kExplicit},
      {"The forum runs September 11\u201313, 2019 in Vladivostok.", "", kPresent,
       "September 11\u201313, 2019", "2019-09-11/2019-09-13", kExplicit},
      {"Talks on a truce are planned for May 3-4.", "2017-04-20", kFuture, "May 3-4",
       "2017-05-03/2017-05-04", kAnchorYear},
      {"The ministers will meet between 7 and 8 July.", "2019-06-01", kFuture, "7 and 8 July",
       "2019-07-07/2019-07-08", kAnchorYear},
      {"The drills ran from 30 July \u2013 2 August 2018.", "", kPast,
       "30 July \u2013 2 August 2018", "2018-07-30/2018-08-02", kExplicit},
      {"The holiday truce lasts December 30 \u2013 January 2.", "2017-12-20", kPresent,
       "December 30 \u2013 January 2", "2017-12-30/2018-01-02", kAnchorYear},
      {"The truce held from December 28, 2016 to January 3, 2017.", "", kPast,
       "December 28, 2016 to January 3, 2017", "2016-12-28/2017-01-03", kExplicit},
  });
}

TEST(TemporalTaggerTest, YearlessDateTakesAnchorYear) {
  CheckTagCases({
      {"The envoy arrived on 28th January.", "2017-02-03", kPast, "28th January", "2017-01-28",
       kAnchorYear},
      {"The two leaders spoke on May 2.", "2017-05-03", kPast, "May 2", "2017-05-02", kAnchorYear},
      {"Putin talks to Xi on Nov 4.", "2019-11-10", kPresent, "Nov 4", "2019-11-04", kAnchorYear},
      // An anchor with only a year gives its year and no tense shift.
      {"The foreign ministers talked on March 9.", "2018", kPast, "March 9", "2018-03-09",
       kAnchorYear},
      {"The delegation flew home on Jan 31.", "2018-02-05", kPast, "Jan 31", "2018-01-31",
       kAnchorYear},
      {"Parliament debates the treaty in October.", "2018-02-05", kPresent, "October", "2018-10",
       kAnchorYear},
      {"The vote was held in May.", "2018-02-05", kPast, "May", "2017-05", kAnchorYear},
  });
}

TEST(TemporalTaggerTest, YearWrapsFollowTense) {
  CheckTagCases({
      // Written on 30 December about the coming talks: next January.
      {"Talks will resume January 9\u201310.", "2017-12-30", kFuture, "January 9\u201310",
       "2018-01-09/2018-01-10", kAnchorYear},
      {"A new round is expected on 15 February.", "2017-12-30", kFuture, "15 February",
       "2018-02-15", kAnchorYear},
      // Written in early January about December: last year.
      {"The presidents spoke on December 29.", "2018-01-04", kPast, "December 29", "2017-12-29",
       kAnchorYear},
      {"The presidents spoke on January 2.", "2017-12-30", kPast, "January 2", "2017-01-02",
       kAnchorYear},
      // No shift unless the tense asks for one (docs/design.md "Dates" rule 2).
      {"The presidents will speak on December 29.", "2018-01-04", kFuture, "December 29",
       "2018-12-29", kAnchorYear},
      {"The call on 30 December is cordial.", "2018-01-02", kPresent, "30 December", "2018-12-30",
       kAnchorYear},
  });
}

TEST(TemporalTaggerTest, MonthEndsAndLeapYears) {
  CheckTagCases({
      {"They met on Jan 31, 2017.", "", kPast, "Jan 31, 2017", "2017-01-31", kExplicit},
      {"They met on February 29, 2016.", "", kPast, "February 29, 2016", "2016-02-29", kExplicit},
      {"The accord lapses on 29 February 2020.", "", kPresent, "29 February 2020", "2020-02-29",
       kExplicit},
      {"They met on February 29.", "2016-03-10", kPast, "February 29", "2016-02-29", kAnchorYear},
      // No 29 February in the anchor's year: the year stays unknown.
      {"They met on February 29.", "2017-03-10", kPast, "February 29", "XXXX-02-29", kPartial},
      {"They met on February 29, 2017.", "", kPast, "", "", ""},
      {"They met on February 30.", "2016-03-05", kPast, "", "", ""},
      {"They met on 31 April 2018.", "", kPast, "", "", ""},
  });
}

TEST(TemporalTaggerTest, RelativeDaysResolveAgainstAnchor) {
  CheckTagCases({
      {"Yesterday the two leaders spoke.", "2016-03-01", kPast, "Yesterday", "2016-02-29",
       kRelative},
      {"The leaders spoke yesterday.", "2017-03-01", kPast, "yesterday", "2017-02-28", kRelative},
      {"The presidents spoke today by phone.", "2017-11-22", kPast, "today", "2017-11-22",
       kRelative},
      {"The envoys meet tomorrow in Ankara.", "2017-12-31", kFuture, "tomorrow", "2018-01-01",
       kRelative},
      {"He briefed reporters this morning.", "2018-07-16", kPast, "this morning", "2018-07-16",
       kRelative},
      {"The call came late last night.", "2018-07-16", kPast, "late last night", "2018-07-15",
       kRelative},
      {"They spoke two days ago.", "2017-05-03", kPast, "two days ago", "2017-05-01", kRelative},
      {"The offer came 10 days ago.", "2017-05-03", kPast, "10 days ago", "2017-04-23", kRelative},
      {"Putin arrived the day before yesterday.", "2017-05-03", kPast, "day before yesterday",
       "2017-05-01", kRelative},
      {"Late yesterday the Kremlin confirmed the call.", "2017-03-01", kPast, "Late yesterday",
       "2017-02-28", kRelative},
  });
}

TEST(TemporalTaggerTest, WeeksRunMondayToSunday) {
  CheckTagCases({
      // 2017-05-03 is a Wednesday.
      {"The ministers met last week.", "2017-05-03", kPast, "last week", "2017-04-24/2017-04-30",
       kRelative},
      {"Last week the envoys met in Oman.", "2017-05-01", kPast, "Last week",
       "2017-04-24/2017-04-30", kRelative},
      {"The talks go on this week.", "2017-05-07", kPresent, "this week", "2017-05-01/2017-05-07",
       kRelative},
      {"They will meet next week.", "2017-05-03", kFuture, "next week", "2017-05-08/2017-05-14",
       kRelative},
      {"The letter arrived three weeks ago.", "2017-05-03", kPast, "three weeks ago",
       "2017-04-10/2017-04-16", kRelative},
  });
}

TEST(TemporalTaggerTest, MonthsAndYearsKeepTheirPrecision) {
  CheckTagCases({
      {"Sanctions were tightened last month.", "2017-01-15", kPast, "last month", "2016-12",
       kRelative},
      {"The summit is planned for next month.", "2017-12-15", kFuture, "next month", "2018-01",
       kRelative},
      {"Trade grows this year.", "2017-06-01", kPresent, "this year", "2017", kRelative},
      {"Trade fell last year.", "2017-06-01", kPast, "last year", "2016", kRelative},
      {"Trade fell last year.", "2017", kPast, "last year", "2016", kRelative},
      {"The two met earlier this year in Davos.", "2018-06-01", kPast, "earlier this year", "2018",
       kRelative},
      {"The deal was signed in November of last year.", "2018-03-01", kPast,
       "November of last year", "2017-11", kRelative},
      {"The accord was signed last January.", "2018-03-01", kPast, "last January", "2018-01",
       kRelative},
      {"The accord was signed last March.", "2018-03-01", kPast, "last March", "2017-03",
       kRelative},
      // "last month" needs an anchor month.
      {"Sanctions were tightened last month.", "2017", kPast, "last month", "", kRelative},
  });
}

TEST(TemporalTaggerTest, WeekdaysFollowTense) {
  // 2025-03-18 is a Tuesday.
  CheckTagCases({
      {"The leaders held a call on Tuesday.", "2025-03-18", kPast, "Tuesday", "2025-03-18",
       kWeekday},
      {"The swap took place on Monday.", "2025-03-18", kPast, "Monday", "2025-03-17", kWeekday},
      {"The swap took place on Wednesday.", "2025-03-18", kPast, "Wednesday", "2025-03-12",
       kWeekday},
      {"The swap will take place on Wednesday.", "2025-03-18", kFuture, "Wednesday", "2025-03-19",
       kWeekday},
      {"The swap will take place on Tuesday.", "2025-03-18", kFuture, "Tuesday", "2025-03-25",
       kWeekday},
      {"The leaders spoke last Tuesday.", "2025-03-18", kPast, "last Tuesday", "2025-03-11",
       kWeekday},
      {"The leaders will speak next Tuesday.", "2025-03-18", kFuture, "next Tuesday", "2025-03-25",
       kWeekday},
      {"Tuesday\u2019s call covers energy.", "2025-03-18", kPresent, "Tuesday", "2025-03-18",
       kWeekday},
      {"The ministers meet on Sunday.", "2025-03-18", kPresent, "Sunday", "2025-03-16", kWeekday},
      {"The envoy will land this Friday.", "2025-03-18", kFuture, "this Friday", "2025-03-21",
       kWeekday},
      {"The envoy landed this Friday.", "2025-03-18", kPast, "this Friday", "2025-03-14", kWeekday},
  });
}

TEST(TemporalTaggerTest, NoAnchorLeavesRelativeDatesOpen) {
  CheckTagCases({
      {"The envoy arrived on 28th January.", "", kPast, "28th January", "XXXX-01-28", kPartial},
      {"Talks resume in July.", "", kPresent, "July", "XXXX-07", kPartial},
      {"The talks are set for July 7\u20138.", "", kFuture, "July 7\u20138",
       "XXXX-07-07/XXXX-07-08", kPartial},
      {"They spoke yesterday.", "", kPast, "yesterday", "", kRelative},
      {"The call was on Tuesday.", "", kPast, "Tuesday", "", kWeekday},
      // A year is not enough for a day or a week.
      {"They spoke last week.", "2017", kPast, "last week", "", kRelative},
      {"They spoke two days ago.", "2017", kPast, "two days ago", "", kRelative},
      // Nor is a day whose year is unknown.
      {"They spoke yesterday.", "XXXX-05-03", kPast, "yesterday", "", kRelative},
  });
}

TEST(TemporalTaggerTest, NonDatesAreNotTagged) {
  CheckTagCases({
      {"Leaders may meet again soon.", "2017-05-03", kPresent, "", "", ""},
      {"Leaders may 2 weeks from now meet again.", "2017-05-03", kPresent, "", "", ""},
      {"Protesters march on the embassy.", "2017-05-03", kPresent, "", "", ""},
      {"Theresa May spoke to the press.", "2017-05-03", kPast, "", "", ""},
      {"There is confidence in May\u2019s leadership.", "2017-05-03", kPresent, "", "", ""},
      {"The sides agreed to exchange 175 prisoners each.", "2017-05-03", kPast, "", "", ""},
      {"Trump proposed a 30-day ceasefire.", "2017-05-03", kPast, "", "", ""},
      {"They cited Resolution 2254 on Syria.", "2017-05-03", kPast, "", "", ""},
      {"The G20 leaders met in Hamburg.", "2017-05-03", kPast, "", "", ""},
      {"COVID-19 slowed diplomacy.", "2017-05-03", kPast, "", "", ""},
      {"The 1990s were turbulent.", "2017-05-03", kPast, "", "", ""},
      {"Every second counts in a crisis.", "2017-05-03", kPresent, "", "", ""},
      {"He arrived at 10:30 and left at 11.", "2017-05-03", kPast, "", "", ""},
      {"The last time they met was cordial.", "2017-05-03", kPast, "", "", ""},
      {"The hall seats 2,018 delegates.", "2017-05-03", kPresent, "", "", ""},
      {"Read it at https://example.org/2017/05/02/readout-call", "2017-05-03", kPresent, "", "",
       ""},
      {"Mar-a-Lago hosted the talks.", "2017-05-03", kPast, "", "", ""},
      {"Jan Kowalski chaired the session.", "2017-05-03", kPast, "", "", ""},
      {"The year 2200 plan is ambitious.", "2017-05-03", kPresent, "", "", ""},
      {"Sales on Black Friday rose.", "2017-05-03", kPast, "", "", ""},
      {"They talked for the next 30 days.", "2017-05-03", kPast, "", "", ""},
  });
}

TEST(TemporalTaggerTest, ReportsEveryExpressionWithItsOffset) {
  // A no-break space inside "2\u00a0May", an en dash, curly quotes.
  const std::string text =
      "\u201cOn 2\u00a0May 2017 the presidents spoke,\u201d the aide said; they met "
      "yesterday and will meet on July 7\u20138 in Hamburg.";
  const auto found = TemporalTagger().Tag(text, Anchor("2017-05-03"), kPast);
  ASSERT_EQ(found.size(), 3u);
  const std::vector<std::string> want_text = {"2\u00a0May 2017", "yesterday", "July 7\u20138"};
  const std::vector<std::string> want_value = {"2017-05-02", "2017-05-02", "2016-07-07/2016-07-08"};
  for (size_t i = 0; i < found.size(); ++i) {
    SCOPED_TRACE(testing::Message() << "expression " << i);
    EXPECT_EQ(text.substr(found[i].offset, found[i].length), want_text[i]);
    EXPECT_EQ(found[i].value.ToString(), want_value[i]);
  }
  EXPECT_EQ(found[0].offset, text.find("2\u00a0May"));
  EXPECT_EQ(found[2].anchor, "2017-05-03");
}

struct DurationCase {
  std::string_view text;
  std::string_view expression;  // "" when no duration may be found.
  double minutes;
  DurationUnit unit;
};

TEST(TemporalTaggerTest, DurationsAreMeasuredInMinutes) {
  const std::vector<DurationCase> cases = {
      {"The call lasted for two and a half hours.", "two and a half hours", 150,
       DurationUnit::kHour},
      {"He had just finished a 90 minute phone call.", "90 minute", 90, DurationUnit::kMinute},
      {"It was a 90-minute call.", "90-minute", 90, DurationUnit::kMinute},
      {"We had a call that lasted almost an hour and a half.", "almost an hour and a half", 90,
       DurationUnit::kHour},
      {"He spoke with Putin for more than one hour.", "more than one hour", 60,
       DurationUnit::kHour},
      {"The meeting lasted for about 60 minutes.", "about 60 minutes", 60, DurationUnit::kMinute},
      {"They talked for half an hour.", "half an hour", 30, DurationUnit::kHour},
      {"The session ran 1.5 hours.", "1.5 hours", 90, DurationUnit::kHour},
      {"The talks took an hour and 15 minutes.", "an hour and 15 minutes", 75, DurationUnit::kHour},
      {"It was an hour-long call.", "an hour-long", 60, DurationUnit::kHour},
      {"Trump proposed a 30-day ceasefire.", "30-day", 30 * 24 * 60, DurationUnit::kDay},
      {"They spoke two days ago.", "", 0, DurationUnit::kMinute},
      {"The envoys meet once a day.", "", 0, DurationUnit::kMinute},
      {"Three hours later they agreed.", "", 0, DurationUnit::kMinute},
  };
  const TemporalTagger tagger;
  for (const DurationCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "text: \"" << c.text << "\"");
    const auto found = tagger.FindDurations(c.text);
    if (c.expression.empty()) {
      EXPECT_TRUE(found.empty());
      continue;
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(c.text.substr(found[0].offset, found[0].length), c.expression);
    EXPECT_DOUBLE_EQ(found[0].minutes, c.minutes);
    EXPECT_EQ(found[0].unit, c.unit);
  }
}

TEST(TemporalTaggerTest, DurationsAreNotDates) {
  const std::string text = "Trump proposed a 30-day ceasefire lasting for 30 days.";
  EXPECT_TRUE(TemporalTagger().Tag(text, Anchor("2025-03-18"), kPast).empty());
  EXPECT_EQ(TemporalTagger().FindDurations(text).size(), 2u);
}

struct DatelineCase {
  std::string_view text;
  std::string_view dateline;  // The text it spans; "" when there is none.
  std::string_view date;
  std::string_view place;
};

TEST(TemporalTaggerTest, FindsDatelinesInTheFirstLines) {
  const std::vector<DatelineCase> cases = {
      {" date 2018-02-14 Washington DC:\n\nThe two leaders spoke.",
       "date 2018-02-14 Washington DC:", "2018-02-14", "Washington DC"},
      {"June 12, 2018, Singapore\nThe two leaders met.", "June 12, 2018, Singapore", "2018-06-12",
       "Singapore"},
      {"MOSCOW, December 14, 2017 \u2014 The Kremlin said the call was useful.",
       "MOSCOW, December 14, 2017 \u2014", "2017-12-14", "MOSCOW"},
      {"WASHINGTON, Jan 28 (Reuters) - The president spoke.", "WASHINGTON, Jan 28 (Reuters) -",
       "XXXX-01-28", "WASHINGTON"},
      {"ANKARA, Oct 9 (etkg wire) - Talks began.", "ANKARA, Oct 9 (etkg wire) -", "XXXX-10-09",
       "ANKARA"},
      {"Singapore, 12 June 2018 - The summit opened.", "Singapore, 12 June 2018 -", "2018-06-12",
       "Singapore"},
      {"Leaders Meet Again\n\nGENEVA, 3 March 2019 \u2013 Talks resumed.",
       "GENEVA, 3 March 2019 \u2013", "2019-03-03", "GENEVA"},
      {"\xEF\xBB\xBFNEW DELHI, September 9, 2023: The summit ended.",
       "NEW DELHI, September 9, 2023:", "2023-09-09", "NEW DELHI"},
      // Sentences that start with a date or a place are not datelines.
      {"On May 2, the two presidents spoke by phone.", "", "", ""},
      {"May 2, 2017 was a busy day for diplomats.", "", "", ""},
      {"Moscow, Washington agree on talks\nThe text.", "", "", ""},
      {"One\nTwo\nThree\nMOSCOW, May 3 - Too late to be a dateline.", "", "", ""},
      {"", "", "", ""},
  };
  for (const DatelineCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "text: \"" << c.text << "\"");
    const auto found = FindDateline(c.text);
    if (c.dateline.empty()) {
      EXPECT_FALSE(found.has_value());
      continue;
    }
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(c.text.substr(found->offset, found->length), c.dateline);
    EXPECT_EQ(found->date.ToString(), c.date);
    EXPECT_EQ(found->place, c.place);
  }
}

TEST(TemporalTaggerTest, LatestExplicitDateIsTheAnchorOfLastResort) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"After the strike of April 7, 2017 the leaders planned to meet at the summit in "
       "Hamburg, 7-8 July 2017.",
       "2017-07-08"},
      {"Sanctions date from 2014; talks on May 3, 2019 led to plans in 2019.", "2019-05-03"},
      {"Updated 2018-02-01; first published 2018-01-15.", "2018-02-01"},
      {"They spoke on Tuesday and again on May 2, yesterday.", ""},
      {"", ""},
  };
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(testing::Message() << "text: \"" << text << "\"");
    EXPECT_EQ(LatestExplicitDate(text).ToString(), want);
  }
}

TEST(TemporalTaggerTest, DetectsTenseFromVerbs) {
  const std::vector<std::pair<std::string_view, Tense>> cases = {
      {"The United States will send an envoy to the talks.", kFuture},
      {"The two sides are set to exchange prisoners.", kFuture},
      {"A swap is scheduled for Wednesday, the Kremlin said.", kFuture},
      {"Moscow plans to respond in kind.", kFuture},
      {"The leaders meet again next month.", kFuture},
      {"We\u2019ll see what happens.", kFuture},
      {"They agreed to meet in Helsinki.", kFuture},
      {"Washington said it would send an observer to the talks.", kFuture},
      {"Aides said he would have met Putin in May.", kPast},
      {"Putin said the call was useful.", kPast},
      {"The presidents discussed Syria.", kPast},
      {"Trump spoke with Putin for an hour.", kPast},
      {"They had a long call.", kPast},
      {"They agreed to a ceasefire.", kPast},
      {"The United States supports the process.", kPresent},
      {"The talks are constructive.", kPresent},
      {"The political will of both sides is strong.", kPresent},
      {"The embassy is next to the park.", kPresent},
      {"The so-called zones remain a concern.", kPresent},
  };
  for (const auto& [sentence, want] : cases) {
    SCOPED_TRACE(testing::Message() << "sentence: \"" << sentence << "\"");
    EXPECT_EQ(TenseName(DetectTense(sentence)), std::string(TenseName(want)));
  }
}

}  // namespace
}  // namespace etkg
