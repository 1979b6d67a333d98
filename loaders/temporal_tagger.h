// Finding and resolving dates in English news text: explicit dates
// ("May 2, 2017"), partial ones ("28th January", "July 7–8"), relative ones
// ("yesterday", "last week", "on Tuesday"), datelines and call durations.
//
// Nothing here reads the clock. A relative or year-less date is resolved
// against an anchor the caller passes (the document date); without one it
// stays unresolved, or year-unknown ("XXXX-01-28").
//
// Text is UTF-8. Comparisons are ASCII case-insensitive, except that month
// and weekday names must be capitalised ("May 2" is a date, "may 2" is not).
// Non-breaking and thin spaces count as spaces; "-", "–" and "—" as dashes;
// "'" and "’" as apostrophes.
//
// All functions are thread-safe and allocate only for their results.
#ifndef ETKG_LOADERS_TEMPORAL_TAGGER_H_
#define ETKG_LOADERS_TEMPORAL_TAGGER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.h"
#include "graph/schema.h"

namespace etkg {

// The rules a resolved date may carry are graph/schema.h's kRule* names.

enum class Tense { kPast, kPresent, kFuture };

// Guesses the tense of one sentence from its verbs.
//  - Future when it has a future marker: "will", "shall", "'ll", "won't",
//    "is/are set to", "scheduled for/to", "plans to", "expected to",
//    "upcoming", "tomorrow", "next" (not "next to"), and "agreed / decided /
//    pledged to <verb>" ("agreed to meet on July 7–8" dates a meeting to
//    come; "agreed to a truce" is past). "the will of the people" and
//    "political will" are not markers.
//  - Else past when it has a past form: "said", "told", "had", "spoke",
//    "was", ..., a lower-case "-ed" verb ("discussed"; not "so-called",
//    "a detailed plan", "United"), "ago", "yesterday".
//  - Else present.
// A future marker wins over a past form: in "the Kremlin said the talks
// will begin on Wednesday" the date is that of the talks.
Tense DetectTense(std::string_view sentence);

struct TimeExpression {
  size_t offset = 0;  // Byte offset of the expression within the text given to Tag.
  size_t length = 0;  // Byte length.
  // Null when it could not be resolved (a relative date without an anchor
  // of the precision it needs).
  DateValue value;
  std::string rule;    // One of the kRule* names above.
  std::string anchor;  // The anchor date used, ISO; "" when none was used.
};

enum class DurationUnit { kMinute, kHour, kDay, kWeek };

struct DurationExpression {
  size_t offset = 0;  // Byte offset within the text given to FindDurations.
  size_t length = 0;
  double minutes = 0;
  // The largest unit named, so a caller after a call's length can skip
  // "a 30-day ceasefire" (kDay).
  DurationUnit unit = DurationUnit::kMinute;
};

struct Dateline {
  size_t offset = 0;  // Start of the dateline within the text.
  // Up to and including its closing ":" or dash when it has one, so the
  // body starts at offset + length.
  size_t length = 0;
  PartialDate date;   // Year 0 when the dateline gives none ("May 3 (Reuters)").
  std::string place;  // As written ("WASHINGTON", "Washington DC"), "" if none.
};

class TemporalTagger {
 public:
  // Finds and resolves every date expression in `text` (one sentence or a
  // paragraph), in text order, without overlaps. `anchor` is the document
  // date (may be null or partial, e.g. only a year); `tense` the text's.
  //
  // Recognised, with the value each gets:
  //  - explicit (rule "explicit", anchor ""): "May 2, 2017", "2 May 2017",
  //    "Jan. 28th, 2017", "2017-05-03", "05/03/2017" (month first, as US
  //    sources write it, unless the first number is over 12: "25/03/2017"),
  //    "May 2017" (month), "in 2017" / "since 2014" / "mid-2017" (a year
  //    needs such a preposition before it), "from 2016 to 2018".
  //  - intervals: "July 7-8", "July 7–8, 2017", "7-8 July 2017", "between 7
  //    and 8 July", "30 July – 2 August", "December 30 – January 2". The
  //    year given at the end applies to both ends.
  //  - a day or month without a year ("May 2", "28th January", "on the 3rd
  //    of May", "Sept 5", "in January"): the anchor's year, one year back
  //    when `tense` is past and the month lies after the anchor's month, one
  //    forward when future and it lies before; "January 9–10" written on 30
  //    December in future tense is next January. Rule
  //    "partial+anchor-year". Without an anchor year: "XXXX-01-28", rule
  //    "partial" (also for 29 February when the anchor year is not a leap
  //    year). A bare "May" needs a preposition before it ("in May").
  //  - needing an anchor at day precision (rule "relative"): "today",
  //    "tonight", "this morning", "yesterday", "late yesterday", "last
  //    night", "tomorrow", "the day before yesterday", "two days ago" (a
  //    day); "this week", "last week", "next week", "earlier this week",
  //    "three weeks ago" (the calendar week, Monday to Sunday, as an
  //    interval: "last week" in a Wednesday 2017-05-03 text is
  //    2017-04-24/2017-04-30).
  //  - needing an anchor month: "this month", "last month", "next month",
  //    "two months ago" (a month); "last January" (the latest January
  //    before the anchor's month), "next January", "this January".
  //  - needing an anchor year: "this year", "last year", "next year",
  //    "earlier this year", "a year ago" (a year); "November of last year",
  //    "January this year" (a month).
  //  - weekdays (rule "weekday", anchor at day precision): a bare "Tuesday"
  //    ("on Tuesday", "Tuesday's call") is the latest Tuesday on or before
  //    the anchor (the anchor day itself counts), or when `tense` is future
  //    the first one after it; "last Tuesday" is strictly before the anchor,
  //    "next Tuesday" strictly after; "this Tuesday" on or before (on or
  //    after in future tense). "Tuesday, May 2" is the explicit date.
  //    "Black Friday", "every Tuesday" and "the last Tuesday of the month"
  //    are not tagged.
  //
  // Spans cover the date words only: "on" and "the" stay outside, a
  // qualifier ("earlier this year", "late last night") is inside.
  //
  // Not tagged: "may" and "march" as verbs, numbers that are not days
  // ("175 prisoners", "a 30-day ceasefire", "Resolution 2254", "G20",
  // "COVID-19", "the 2016 election"), decades ("the 1990s"), years outside
  // 1900-2100, dates that do not exist ("February 30": nothing is tagged,
  // not even "February"), numbers inside URLs ("/2017/05/02/").
  std::vector<TimeExpression> Tag(std::string_view text, const PartialDate& anchor,
                                  Tense tense) const;

  // Lengths of time: "for two and a half hours" (150), "a 90 minute phone
  // call", "a 90-minute call", "almost an hour and a half" (90), "for more
  // than one hour" (60), "lasted for about 60 minutes", "half an hour",
  // "1.5 hours", "an hour and 15 minutes", "a 30-day ceasefire" (43200, unit
  // kDay). The span starts at a qualifier ("almost", "about", "more than")
  // when there is one, but not at "for". Not durations: "two days ago",
  // "three hours later", and "a day" / "a week" (which are usually rates
  // or idioms: "once a day").
  std::vector<DurationExpression> FindDurations(std::string_view text) const;
};

// A dateline in the first three non-empty lines of a document:
//   "date 2017-05-03 Washington DC:"   "July 16, 2018, Helsinki"
//   "MOSCOW, November 22, 2017 —"      "WASHINGTON, May 3 (Reuters) -"
//   "BEIJING, Nov 4 (etkg wire) -"     "Helsinki, 16 July 2018 -"
// The line must start (after white space) with the date, with "date", or
// with a place of capitalised words followed by a comma and the date; after
// the date and place only a parenthesised source and ":" or a dash may
// follow, so a sentence that starts with a date is not a dateline. A date
// without a year gets year 0: the caller resolves it. Returns nullopt when
// none of those lines is a dateline.
std::optional<Dateline> FindDateline(std::string_view text);

// The latest explicit date that carries a year anywhere in `text` ("April
// 7, 2017", "7-8 July 2017" counts as 2017-07-08, "2017-05-03", "in 2019"),
// the fallback anchor of a document without metadata or dateline. Dates are
// compared by their first day, the more precise one winning a tie. Null
// when there is none.
//
// Articles also name dates still to come ("the G20 summit on 7-8 July
// 2017" in a May article), so this can lie after the real publication
// date; callers that use it to shift year-less dates by tense may prefer
// to keep only its year.
PartialDate LatestExplicitDate(std::string_view text);

}  // namespace etkg

#endif  // ETKG_LOADERS_TEMPORAL_TAGGER_H_
