// Fuzzes the temporal tagger: date expressions, durations, datelines and
// the latest explicit date.
//
// Input: the first line is the anchor, a date as the graph writes it
// ("2017-05-03", "2017", "XXXX-01-28"; anything else is no anchor); the
// rest is the text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "graph/date.h"
#include "loaders/temporal_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view anchor_text = input.substr(0, newline);
  std::string_view text =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  etkg::PartialDate anchor = etkg::PartialDate::Parse(anchor_text).value_or(etkg::PartialDate());

  static const etkg::TemporalTagger tagger;
  etkg::Tense tense = etkg::DetectTense(text);
  size_t end_of_previous = 0;
  for (const etkg::TimeExpression& t : tagger.Tag(text, anchor, tense)) {
    ETKG_FUZZ_CHECK(t.offset >= end_of_previous, "expressions are in order, without overlaps");
    ETKG_FUZZ_CHECK(t.length > 0 && t.offset + t.length <= text.size(),
                    "an expression lies inside the text");
    ETKG_FUZZ_CHECK(!t.rule.empty(), "every expression has its rule");
    end_of_previous = t.offset + t.length;
    if (!t.value.is_null()) {
      std::optional<etkg::DateValue> back = etkg::DateValue::Parse(t.value.ToString());
      ETKG_FUZZ_CHECK(back && *back == t.value, "a tagged date reads back from its ISO form");
    }
  }
  for (const etkg::DurationExpression& d : tagger.FindDurations(text)) {
    ETKG_FUZZ_CHECK(d.offset + d.length <= text.size(), "a duration lies inside the text");
    ETKG_FUZZ_CHECK(d.minutes >= 0, "a duration is not negative");
  }
  if (std::optional<etkg::Dateline> dateline = etkg::FindDateline(text)) {
    ETKG_FUZZ_CHECK(dateline->offset + dateline->length <= text.size(),
                    "a dateline lies inside the text");
  }
  etkg::PartialDate latest = etkg::LatestExplicitDate(text);
  ETKG_FUZZ_CHECK(latest.is_null() || latest.has_year(), "the latest explicit date has a year");
  return 0;
}
