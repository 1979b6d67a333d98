#include "bench/corpus_generator.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "bench/rng.h"
#include "graph/date.h"
#include "loaders/gazetteer.h"

namespace etkg {
namespace {

using bench::Rng;

// ---------------------------------------------------------------------------
// Calendar words.

constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
// As wire services abbreviate them in datelines.
constexpr std::string_view kMonthsShort[] = {"Jan",  "Feb", "March", "April", "May", "June",
                                             "July", "Aug", "Sept",  "Oct",   "Nov", "Dec"};
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kSmallNumbers[] = {"no",  "one",   "two",   "three", "four", "five",
                                              "six", "seven", "eight", "nine",  "ten"};

struct Ymd {
  int year = 0, month = 0, day = 0;
};

Ymd ToYmd(int64_t days) {
  Ymd d;
  CivilFromDays(days, &d.year, &d.month, &d.day);
  return d;
}

std::string Month(int64_t days) { return std::string(kMonths[ToYmd(days).month - 1]); }

std::string Ordinal(int n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string IsoDate(int64_t days) {
  Ymd d = ToYmd(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// "May 2, 2017"
std::string UsDate(int64_t days) {
  Ymd d = ToYmd(days);
  return Month(days) + " " + std::to_string(d.day) + ", " + std::to_string(d.year);
}

// "2 May 2017"
std::string UkDate(int64_t days) {
  Ymd d = ToYmd(days);
  return std::to_string(d.day) + " " + Month(days) + " " + std::to_string(d.year);
}

// A day without its year: "May 2", "2 May", "28th January", "January 28th".
std::string PartialDay(Rng& rng, int64_t days) {
  Ymd d = ToYmd(days);
  switch (rng.Below(4)) {
    case 0:
      return Month(days) + " " + std::to_string(d.day);
    case 1:
      return std::to_string(d.day) + " " + Month(days);
    case 2:
      return Ordinal(d.day) + " " + Month(days);
    default:
      return Month(days) + " " + Ordinal(d.day);
  }
}

// A day with its year, in one of the styles news text uses.
std::string ExplicitDay(Rng& rng, int64_t days) {
  switch (rng.Below(4)) {
    case 0:
    case 1:
      return UsDate(days);
    case 2:
      return UkDate(days);
    default:
      return std::string(kWeekdays[Weekday(days)]) + ", " + UsDate(days);
  }
}

// Two consecutive days: "July 7–8", "7-8 July 2017", "June 30 – July 1, 2017".
std::string DayPair(Rng& rng, int64_t first, bool with_year, std::string_view dash) {
  Ymd a = ToYmd(first), b = ToYmd(first + 1);
  std::string year = with_year ? std::to_string(b.year) : "";
  bool us = rng.Percent(60);
  if (a.month == b.month) {
    std::string days = std::to_string(a.day) + std::string(dash) + std::to_string(b.day);
    if (us) return Month(first) + " " + days + (with_year ? ", " + year : "");
    return days + " " + Month(first) + (with_year ? " " + year : "");
  }
  std::string sep = " " + std::string(dash) + " ";
  if (us) {
    return Month(first) + " " + std::to_string(a.day) + sep + Month(first + 1) + " " +
           std::to_string(b.day) + (with_year ? ", " + year : "");
  }
  return std::to_string(a.day) + " " + Month(first) + sep + std::to_string(b.day) + " " +
         Month(first + 1) + (with_year ? " " + year : "");
}

// How long ago, in words: "ten days", "three weeks", "two months".
std::string Span(int64_t days) {
  auto words = [](int64_t n, const char* unit) {
    std::string count = n <= 10 ? std::string(kSmallNumbers[n]) : std::to_string(n);
    return count + " " + unit + (n == 1 ? "" : "s");
  };
  if (days <= 10) return words(days, "day");
  if (days <= 45) return words((days + 3) / 7, "week");
  return words((days + 15) / 30, "month");
}

int64_t MondayOf(int64_t days) { return days - Weekday(days); }

// When a past happening took place, as seen from the document's date
// `published`; relative words only when the reader knows that date.
std::string WhenPast(Rng& rng, int64_t day, int64_t published, bool anchored) {
  std::string weekday = "on " + std::string(kWeekdays[Weekday(day)]);
  if (!anchored) return "on " + ExplicitDay(rng, day);
  int64_t diff = published - day;
  if (diff == 0) {
    constexpr std::string_view kToday[] = {"today", "today", "earlier today", "this morning"};
    return rng.Percent(80) ? std::string(rng.Pick(kToday)) : weekday;
  }
  if (diff == 1) {
    constexpr std::string_view kYesterday[] = {"yesterday", "yesterday", "late yesterday",
                                               "last night"};
    return rng.Percent(70) ? std::string(rng.Pick(kYesterday)) : weekday;
  }
  if (diff <= 6) {
    if (diff <= 3 && rng.Percent(20)) return std::string(kSmallNumbers[diff]) + " days ago";
    return rng.Percent(75) ? weekday : "on " + PartialDay(rng, day);
  }
  if (day >= MondayOf(published) - 7 && day < MondayOf(published) && rng.Percent(50)) {
    return "last week";
  }
  return rng.Percent(60) ? "on " + PartialDay(rng, day) : "on " + ExplicitDay(rng, day);
}

// When a later happening is due: "on July 7–8", "on 7-8 July 2017",
// "next week", "in September".
std::string WhenNext(Rng& rng, int64_t first, int64_t published, bool anchored,
                     std::string_view dash) {
  if (anchored) {
    int64_t diff = first - published;
    if (diff > 0 && first >= MondayOf(published) + 7 && first < MondayOf(published) + 14 &&
        rng.Percent(40)) {
      return "next week";
    }
    if (rng.Percent(15)) return "in " + Month(first);
    return "on " + DayPair(rng, first, rng.Percent(40), dash);
  }
  return "on " + DayPair(rng, first, true, dash);
}

// ---------------------------------------------------------------------------
// The world the articles are about, drawn from the gazetteer once.

struct TitleWord {
  std::string_view role;
  std::string_view title;
  bool head;  // Head of state or government: the people who call each other.
};

constexpr TitleWord kTitles[] = {
    {"president", "President", true},
    {"prime-minister", "Prime Minister", true},
    {"chancellor", "Chancellor", true},
    {"king", "King", true},
    {"emir", "Emir", true},
    {"crown-prince", "Crown Prince", true},
    {"supreme-leader", "Supreme Leader", true},
    {"foreign-minister", "Foreign Minister", false},
    {"secretary-of-state", "Secretary of State", false},
    {"defense-minister", "Defense Minister", false},
    {"national-security-adviser", "National Security Adviser", false},
};

// Most diplomatic news involves a few powers: most articles have one of
// them on one side.
constexpr std::string_view kMajorCountries[] = {
    "united-states", "russia", "china",  "france",  "germany", "united-kingdom",
    "japan",         "india",  "turkey", "ukraine", "israel",  "saudi-arabia"};

// How a government is named by its seat, where that is idiomatic. Each is
// checked against the gazetteer's institutions before use.
constexpr std::pair<std::string_view, std::string_view> kSeats[] = {
    {"united-states", "the White House"},
    {"russia", "the Kremlin"},
    {"france", "the Élysée"},
    {"united-kingdom", "Downing Street"},
    {"germany", "the Chancellery"},
    {"japan", "the Kantei"},
    {"ukraine", "Bankova"},
    {"italy", "Palazzo Chigi"},
    {"south-korea", "the Blue House"},
    {"argentina", "the Casa Rosada"},
};

// Organizations as articles name them; checked against the gazetteer too.
constexpr std::string_view kOrganizations[] = {
    "the United Nations",      "NATO",     "the European Union",
    "the UN Security Council", "the IAEA", "the OSCE",
    "the African Union",       "ASEAN",    "the Arab League",
    "the World Bank",          "the IMF",  "the International Committee of the Red Cross"};

// First words that make a cue a verb phrase ("join NATO"), not the noun
// phrase our sentences need after "discussed".
constexpr std::string_view kVerbStarts[] = {"join ",    "joining ",   "buy ",
                                            "acquire ", "annex ",     "stop ",
                                            "lifting ", "restoring ", "rebuilding "};

struct Office {
  const LeaderEntry* leader = nullptr;
  const PlaceEntry* country = nullptr;
  std::string_view title;
  int64_t from = 0, to = 0;  // Days, [from, to).
  bool head = false;
  bool major = false;
};

struct Topic {
  const IssueEntry* issue = nullptr;
  std::vector<std::string> phrases;
};

struct SummitVenue {
  std::string phrase;                 // "the G20 summit", "the Astana talks".
  const PlaceEntry* fixed = nullptr;  // Its place, when it has one.
};

// Everything an article may name, indexed once.
struct World {
  explicit World(const Gazetteer& gazetteer);

  const Gazetteer& g;
  std::vector<Office> offices;
  std::vector<Topic> topics;
  std::vector<SummitVenue> summits;
  std::vector<const PlaceEntry*> cities;  // Cities that lie in a known country.
  std::vector<std::string> organizations;
  int64_t first_day = 0, last_day = 0;  // The span events are drawn from.
};

World::World(const Gazetteer& gazetteer) : g(gazetteer) {
  first_day = DaysFromCivil(1995, 1, 1);
  last_day = DaysFromCivil(2025, 6, 30);
  int64_t open_end = DaysFromCivil(2100, 1, 1);
  for (const LeaderEntry& leader : g.leaders()) {
    for (const LeaderRole& role : leader.roles) {
      const TitleWord* title = nullptr;
      for (const TitleWord& t : kTitles) {
        if (t.role == role.role) title = &t;
      }
      const PlaceEntry* country = g.FindPlace(role.country);
      std::optional<int64_t> from = role.from.FirstDay();
      if (!title || !country || !from) continue;
      Office office;
      office.leader = &leader;
      office.country = country;
      office.title = title->title;
      office.from = *from;
      office.to = role.to.is_null() ? open_end : role.to.FirstDay().value_or(open_end);
      office.head = title->head;
      for (std::string_view m : kMajorCountries) office.major = office.major || m == country->id;
      if (office.to > office.from) offices.push_back(office);
    }
  }
  for (const IssueEntry& issue : g.issues()) {
    Topic topic{&issue, {}};
    for (const std::string& cue : issue.cues) {
      bool verb = false;
      for (std::string_view v : kVerbStarts) verb = verb || cue.rfind(v, 0) == 0;
      bool fragment = cue.size() < 3 || cue.ends_with("’s nuclear") ||
                      cue.ends_with("'s nuclear") || cue.ends_with("-like");
      if (!verb && !fragment) topic.phrases.push_back(cue);
    }
    if (!topic.phrases.empty()) topics.push_back(std::move(topic));
  }
  for (const SummitEntry& s : g.summits()) {
    if (s.format == "bilateral") continue;  // Named after one past meeting.
    SummitVenue venue;
    venue.fixed = s.place.empty() ? nullptr : g.FindPlace(s.place);
    if (s.format == "talks" && !venue.fixed) continue;
    // "the G20 summit", but "the Astana talks", "the Munich Security Conference".
    bool named = false;
    for (std::string_view word :
         {"ummit", "talks", "Forum", "Conference", "Dialogue", "Assembly", "Council", "format"}) {
      named = named || s.name.find(word) != std::string::npos;
    }
    venue.phrase = "the " + s.name + (named ? "" : " summit");
    summits.push_back(std::move(venue));
  }
  for (const PlaceEntry& p : g.places()) {
    if (p.type == "city" && g.FindPlace(p.country)) cities.push_back(&p);
  }
  for (std::string_view phrase : kOrganizations) {
    std::string_view name = phrase.starts_with("the ") ? phrase.substr(4) : phrase;
    for (const OrganizationEntry& o : g.organizations()) {
      if (o.name == name) organizations.emplace_back(phrase);
    }
  }
  assert(!offices.empty() && !topics.empty() && !summits.empty() && !cities.empty());
}

const World& TheWorld() {
  static const World* world = new World(Gazetteer::Default());
  return *world;
}

// ---------------------------------------------------------------------------
// People as an article names them.

struct Person {
  const Office* office = nullptr;
  std::string name;     // "Vladimir Putin"
  std::string surname;  // A one-word alias, "Putin"; the name when it has none.
  std::string title;    // "President"
  std::string country;  // "Russia", "the United States"
  std::string demonym;  // "Russian", "U.S."; the country's name when it has none.
  std::string capital;  // "Moscow"
  std::string seat;     // "the Kremlin", "the Russian government".
};

std::string CountryName(const PlaceEntry& place) {
  constexpr std::string_view kWithThe[] = {"Bahamas",     "Comoros",          "Gambia",
                                           "Maldives",    "Marshall Islands", "Netherlands",
                                           "Philippines", "Seychelles",       "Solomon Islands"};
  bool the = place.name.starts_with("United ") || place.name.find("Republic") != std::string::npos;
  for (std::string_view n : kWithThe) the = the || place.name == n;
  return (the ? "the " : "") + place.name;
}

Person MakePerson(const World& world, const Office& office) {
  Person p;
  p.office = &office;
  const LeaderEntry& leader = *office.leader;
  const PlaceEntry& country = *office.country;
  p.name = leader.name;
  // The short form is a one-word alias that is part of the name ("Putin",
  // "Xi"), the last word first; not a nickname ("Bibi", "MBS").
  p.surname = leader.name;
  std::string_view last_word = std::string_view(leader.name).substr(leader.name.rfind(' ') + 1);
  for (const std::string& alias : leader.aliases) {
    bool one_word = alias.find(' ') == std::string::npos && alias.find('.') == std::string::npos;
    if (!one_word || leader.name.find(alias) == std::string::npos) continue;
    if (alias == last_word || p.surname == leader.name) p.surname = alias;
  }
  p.title = std::string(office.title);
  p.country = CountryName(country);
  if (country.id == "united-states") {
    p.demonym = "U.S.";
  } else {
    p.demonym = country.demonyms.empty() ? country.name : country.demonyms.front();
  }
  const PlaceEntry* capital = world.g.FindPlace(country.capital);
  p.capital = capital ? capital->name : country.name;
  p.seat = "the " + p.demonym + " government";
  for (const auto& [id, seat] : kSeats) {
    if (id != country.id) continue;
    std::string_view name = seat.starts_with("the ") ? seat.substr(4) : seat;
    for (const InstitutionEntry& inst : world.g.institutions()) {
      if (inst.name == name) p.seat = std::string(seat);
    }
  }
  return p;
}

// A first mention: "Russian President Vladimir Putin", "President Vladimir
// Putin of Russia", "President Vladimir Putin".
std::string FullMention(Rng& rng, const Person& p) {
  switch (rng.Below(5)) {
    case 0:
    case 1:
      return p.demonym + " " + p.title + " " + p.name;
    case 2:
      return p.title + " " + p.name + " of " + p.country;
    case 3:
      return p.title + " " + p.name;
    default:
      return p.demonym + " " + p.title + " " + p.name;
  }
}

// A later mention: "Putin" or "President Putin".
std::string ShortMention(Rng& rng, const Person& p) {
  return rng.Percent(60) ? p.surname : p.title + " " + p.surname;
}

// "the Russian president"
std::string RoleMention(const Person& p) {
  std::string title = p.title;
  for (char& c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return "the " + p.demonym + " " + title;
}

// ---------------------------------------------------------------------------
// Templates: sentences with {name} slots, filled from an article's Vars.

class Vars {
 public:
  void Set(std::string_view key, std::string value) {
    for (auto& [k, v] : vars_) {
      if (k == key) {
        v = std::move(value);
        return;
      }
    }
    vars_.emplace_back(key, std::move(value));
  }
  const std::string& Get(std::string_view key) const {
    for (const auto& [k, v] : vars_) {
      if (k == key) return v;
    }
    assert(false && "template names an unset slot");
    static const std::string kEmpty;
    return kEmpty;
  }

 private:
  std::vector<std::pair<std::string_view, std::string>> vars_;
};

// Fills the slots and starts the sentence with a capital letter, as a slot
// such as "{when}, ..." or "{aseat} said ..." needs.
std::string Fill(std::string_view tmpl, const Vars& vars) {
  std::string out;
  out.reserve(tmpl.size() + 64);
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(pos));
      break;
    }
    size_t close = tmpl.find('}', open);
    assert(close != std::string_view::npos);
    out.append(tmpl.substr(pos, open - pos));
    out += vars.Get(tmpl.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Draws sentences from template pools for one article, each template at
// most once while its pool has unused ones, so paragraphs do not repeat.
class SentencePicker {
 public:
  SentencePicker(Rng& rng, const Vars& vars) : rng_(rng), vars_(vars) {}

  // `count` different sentences of `pool`, filled, joined by spaces.
  template <size_t N>
  std::string operator()(const std::string_view (&pool)[N], size_t count) {
    std::vector<const std::string_view*> fresh;
    for (const std::string_view& t : pool) {
      if (std::find(used_.begin(), used_.end(), &t) == used_.end()) fresh.push_back(&t);
    }
    if (fresh.size() < count) {
      fresh.clear();
      for (const std::string_view& t : pool) fresh.push_back(&t);
    }
    std::string out;
    for (size_t i = 0; i < count && i < fresh.size(); ++i) {
      std::swap(fresh[i], fresh[i + rng_.Below(fresh.size() - i)]);
      if (!out.empty()) out += ' ';
      out += Fill(*fresh[i], vars_);
      used_.push_back(fresh[i]);
    }
    return out;
  }

 private:
  Rng& rng_;
  const Vars& vars_;
  std::vector<const std::string_view*> used_;
};

// Readouts: the official record of one call or meeting.
constexpr std::string_view kReadoutCall[] = {
    "{A} spoke {when} with {B}.",
    "{A} held a telephone conversation with {B} {when}.",
    "{A} spoke by phone {when} with {B}.",
    "{when}, {A} had a phone call with {B}.",
    "At the request of the {bdem} side, {A} had a telephone conversation {when} with {B}.",
};
constexpr std::string_view kReadoutVideo[] = {
    "{A} held a video call with {B} {when}.",
    "{A} and {B} held a virtual meeting {when}.",
    "{A} spoke with {B} {when} by video link.",
};
constexpr std::string_view kReadoutMeeting[] = {
    "{A} met with {B} in {venue} {when}.",
    "{A} held talks with {B} in {venue} {when}.",
    "{A} received {B} in {venue} {when} for bilateral talks.",
    "{A} and {B} sat down for talks in {venue} {when}.",
};
constexpr std::string_view kReadoutDiscuss[] = {
    "The leaders discussed {topics}.",
    "The two leaders discussed {t1} and agreed to stay in close contact on {t2}.",
    "They exchanged views on {topics}.",
    "{a} and {b} also discussed {t2}, with an emphasis on {t3}.",
    "{a} underlined the importance of progress on {t1}.",
    "A wide range of current issues was discussed, including {topics}.",
    "Particular attention was paid to {t1}.",
    "The sides noted the need for further joint work on {t2}.",
    "{a} briefed {brole} on the latest developments regarding {t3}.",
    "Both leaders reaffirmed their commitment to working together on {t1}.",
    "The {adem} side stressed that {t2} could only be settled through dialogue.",
    "The two leaders also touched on {t3} and on the state of relations between {acountry} and "
    "{bcountry}.",
};
constexpr std::string_view kReadoutClose[] = {
    "The two leaders agreed to meet on the sidelines of {nsummit} in {ncity} {nwhen}.",
    "{a} and {b} agreed to continue their telephone contacts.",
    "They spoke in favour of arranging a personal meeting during {nsummit} in {ncity} {nwhen}.",
    "The conversation was businesslike and constructive.",
    "The conversation lasted {dur}.",
    "The leaders agreed to instruct their foreign ministers to continue work on {t3}.",
    "The two leaders agreed that their teams would remain in close contact.",
};

// News reports.
constexpr std::string_view kNewsCall[] = {
    "{A} and {B} held a lengthy telephone conversation {when}, talking {dur} about {topics}, "
    "according to readouts from both capitals.",
    "{A} and {B} spoke by phone {when} in what officials on both sides described as a frank "
    "exchange on {topics}.",
    "In a {duradj} phone call {when}, {A} and {B} discussed {topics}.",
    "{A} spoke {dur} with {B} {when}, the two governments said, with {t1} high on the agenda.",
};
constexpr std::string_view kNewsVideo[] = {
    "{A} and {B} held a virtual summit {when}, talking {dur} about {topics}.",
    "{A} and {B} spoke by video link {when}, their first conversation in months, and discussed "
    "{topics}.",
};
constexpr std::string_view kNewsMeeting[] = {
    "{A} and {B} met in {venue} {when} for talks dominated by {t1}.",
    "{A} hosted {B} in {venue} {when}, their first face-to-face meeting in more than a year.",
    "{A} and {B} held talks in {venue} {when} that lasted {dur}, officials said.",
};
constexpr std::string_view kNewsDetail[] = {
    "{aseat} said the conversation lasted {dur}.",
    "{aseat} described the talks as “businesslike and constructive”.",
    "According to {bseat}, the two sides also touched on {t3}.",
    "{a} briefed {brole} on {adem} efforts to settle {t2}.",
    "The {bdem} readout made no mention of {t3}, which the {adem} side had put first.",
    "Officials said {a} raised {t2} and pressed for a timetable.",
    "The two leaders also discussed how to make progress on {t2} and {t3}.",
    "{a} and {b} agreed that their foreign ministers would follow up on {t1}.",
    "{bseat} said {b} had stressed the need for a lasting settlement of {t1}.",
};
constexpr std::string_view kNewsQuote[] = {
    "“We had a very good conversation about {t1},” {a} told reporters afterwards. “There is a "
    "lot of work still to do.”",
    "“The situation around {t2} remains difficult,” {bseat} said in a statement.",
    "Asked about {t3}, a spokesperson for {a} said only that “all options remain on the table.”",
    "“Nobody expects a breakthrough on {t1} overnight,” said one diplomat familiar with the "
    "conversation.",
    "“It’s a start,” a senior official in {acap} said of the talks.",
    "“We’re talking about peace – very important,” {a} said. “We’re talking about {t1}.”",
};
constexpr std::string_view kNewsBackground[] = {
    "The conversation came {ago} after the two leaders met on the sidelines of {psummit} in "
    "{pcity}.",
    "{a} and {b} last met {pwhen} at {psummit} in {pcity}.",
    "Relations between {acountry} and {bcountry} have been strained since {year}.",
    "{cwhen}, {C} travelled to {ccap} for talks on {t4}.",
    "During the tenure of {F}, relations between the two countries were often tense.",
    "{org} has called for restraint over {t2}.",
    "Analysts in {acap} said the call was a sign that both sides wanted to keep channels open.",
    "{C} has also spoken with {b} about {t4} in recent weeks.",
    "The {bdem} side has long insisted that any deal on {t1} must take its interests into "
    "account.",
};
constexpr std::string_view kNewsNext[] = {
    "The two leaders are expected to meet at {nsummit} in {ncity} {nwhen}.",
    "{a} and {b} agreed to continue contacts and could meet in person at {nsummit} {nwhen}.",
    "Their foreign ministers will meet in {ncity} {nwhen} to prepare a possible summit.",
    "{a} is due to attend {nsummit} in {ncity} {nwhen}, where {t1} is set to dominate the "
    "agenda.",
};

constexpr std::string_view kNewsContext[] = {
    "The contacts took place against the backdrop of {t2}, which has weighed on relations "
    "between {acountry} and {bcountry} for months.",
    "Diplomats in {ccap} said they were watching the contacts between {acap} and {bcap} closely.",
    "Markets barely reacted to the news, though traders said {t3} remained a risk.",
    "At home, {a} faces criticism from opponents who say the government has been too soft on "
    "{t2}.",
    "Critics in {bcap} argued that the official account glossed over {t3}.",
    "{org} welcomed the contacts and urged both sides to build on them.",
    "Officials on both sides cautioned against expecting quick results on {t1}.",
    "The {adem} foreign ministry later published a longer account, which listed {topics}.",
    "Neither side gave details of what had been agreed on {t2}.",
    "A joint statement is expected to follow, a source in {acap} said.",
    "Opposition figures in {acap} called the talks a distraction from {t4}.",
};

// Commentary: background, history and opinion around one event.
constexpr std::string_view kCommentOpen[] = {
    "On {pd}, {A} had a telephone conversation with {B}.",
    "The conversation between {A} and {B} on {pd} was, on the face of it, routine.",
    "When {A} and {B} spoke on {pd}, few expected much.",
};
constexpr std::string_view kCommentOpenMeeting[] = {
    "On {pd}, {A} met {B} in {venue}.",
    "The meeting between {A} and {B} in {venue} on {pd} was, on the face of it, routine.",
};
constexpr std::string_view kCommentBody[] = {
    "It is noteworthy that this is only the third such conversation between the {adem} and "
    "{bdem} leaders since {a} took office.",
    "During the talks, the parties discussed the most urgent issues: {topics}.",
    "It is curious that the press releases issued by the two sides have some essential "
    "differences.",
    "In particular, the {adem} report stresses {t1}, while the {bdem} side spoke mostly of {t2}.",
    "The {bdem} media especially drew attention to the absence of any mention of {t3}.",
    "The strong pressure on {a} over {t2} contributed to the restraint both sides showed.",
    "It is obvious that {acountry} and {bcountry} have different emphases in this matter.",
    "The {adem} side treats such projects with a healthy dose of skepticism.",
};
constexpr std::string_view kCommentHistory[] = {
    "During the tenure of {F}, the bilateral relations were extremely strained.",
    "Back in {year}, {f} had tried a similar approach, with little to show for it.",
    "Relations between {acountry} and {bcountry} have not recovered since {year}.",
    "Such initiatives have been tried before, and the record is mixed.",
    "The role of {org} in all this remains unclear.",
    "{C}, whose government has its own stake in {t4}, has so far kept quiet.",
};
constexpr std::string_view kCommentAnalysis[] = {
    "Much will depend on how the two sides handle {t2} in the coming months.",
    "The history of the past decade suggests caution.",
    "Both capitals have an interest in keeping the dialogue going, if only to manage {t3}.",
    "The readouts are, as usual, written for domestic audiences.",
    "Whether the conversation will change anything on {t1} is another matter.",
    "What is missing from both accounts is any mention of {t4}.",
    "It would be naive to expect {acountry} to change course on {t2} overnight.",
    "Several experts have pointed out that {org} was left out of the discussion entirely.",
    "The rhetoric has softened, but the positions have not.",
    "In {acap}, the conversation was presented as a success; in {bcap}, the tone was more "
    "restrained.",
};
constexpr std::string_view kCommentPlans[] = {
    "The leaders also discussed prospects of further contacts, including a personal meeting at "
    "{nsummit} in {ncity}, {nfull}.",
    "Negotiations on {t2}, which will take place in {ncity} {nwhen}, may show whether anything "
    "has changed.",
    "If the level of representation increases, this may improve the effectiveness of the "
    "process.",
    "Of course, much depends on whether {acountry} will seek a constructive line on {t1}.",
};
constexpr std::string_view kCommentBullets[] = {
    "♦{a} wants {b} to move on {t1} before anything else is agreed.",
    "♦{b} would prefer to keep a position of influence on {t2}.",
    "♦It would appear there is some deal-making in the works on {t3}.",
};

// Reader comments, for the page junk at the end.
constexpr std::string_view kComments[] = {
    "Wow. Some good news at last.",
    "Who writes these readouts? Not a word about {t3} again.",
    "{b} will say anything for the cameras.",
    "Don’t hold your breath – nothing will change on {t2}.",
    "I remember when {f} tried the same thing. It ended badly.",
    "Great article, thanks for the detail on {t1}.",
    "So who is going to sign any of it?",
    "Two hours on the phone and not one word about {t3}…",
    "Can it be that there is a tiny bit of hope for us all?",
    "{a} again. Same promises, same result.",
};

// ---------------------------------------------------------------------------
// One article.

enum class Kind { kReadout, kNews, kCommentary };
enum class Happening { kCall, kVideo, kMeeting };
// Where a reader (and the loaders) find the article's date.
enum class Carrier { kSidecar, kFrontMatter, kDateline, kJsonLines, kNone };

struct Duration {
  std::string_view adverbial;  // "for about 90 minutes"
  std::string_view adjective;  // "90-minute"
};

constexpr Duration kDurations[] = {
    {"for about 90 minutes", "90-minute"},       {"for more than an hour", "hour-long"},
    {"for nearly two hours", "two-hour"},        {"for about 45 minutes", "45-minute"},
    {"for two and a half hours", "150-minute"},  {"for almost an hour and a half", "90-minute"},
    {"for half an hour", "30-minute"},           {"for about an hour", "one-hour"},
    {"for more than three hours", "three-hour"}, {"for 40 minutes", "40-minute"},
};

constexpr std::string_view kSources[] = {"Example Diplomatic Monitor", "etkg wire",
                                         "The Daily Ledger", "Capital Dispatch",
                                         "World Affairs Review"};

struct Article {
  Carrier carrier = Carrier::kNone;
  std::string headline;
  std::string text;  // What the .txt holds, without front matter.
  int64_t published = 0;
  std::string url;
  std::string source;
  std::string slug;
};

// Leaders of two countries in office on one day.
struct Pair {
  const Office* a = nullptr;
  const Office* b = nullptr;
  int64_t day = 0;
};

Pair PickPair(Rng& rng, const World& world, bool heads) {
  std::vector<const Office*> in_office, major;
  for (;;) {
    int64_t day =
        world.first_day +
        static_cast<int64_t>(rng.Below(static_cast<size_t>(world.last_day - world.first_day)));
    in_office.clear();
    major.clear();
    for (const Office& o : world.offices) {
      if (o.head != heads || day < o.from || day >= o.to) continue;
      in_office.push_back(&o);
      if (o.major) major.push_back(&o);
    }
    if (in_office.size() < 2) continue;
    const Office* a = rng.Percent(60) && !major.empty() ? rng.Pick(major) : rng.Pick(in_office);
    for (int tries = 0; tries < 20; ++tries) {
      const Office* b = rng.Percent(40) && !major.empty() ? rng.Pick(major) : rng.Pick(in_office);
      if (b->country != a->country && b->leader != a->leader) return {a, b, day};
    }
  }
}

// Someone else in office on `day`, for background sentences.
const Office* Bystander(Rng& rng, const World& world, const Pair& pair) {
  for (int tries = 0; tries < 200; ++tries) {
    const Office& o = rng.Pick(world.offices);
    if (pair.day >= o.from && pair.day < o.to && o.country != pair.a->country &&
        o.country != pair.b->country) {
      return &o;
    }
  }
  return pair.b;
}

// Someone who held office in one of the two countries before `day`.
const Office* Predecessor(Rng& rng, const World& world, const Pair& pair) {
  std::vector<const Office*> former;
  for (const Office& o : world.offices) {
    if (o.to <= pair.day && o.head &&
        (o.country == pair.a->country || o.country == pair.b->country)) {
      former.push_back(&o);
    }
  }
  if (former.empty()) {
    for (int tries = 0; tries < 200; ++tries) {
      const Office& o = rng.Pick(world.offices);
      if (o.to <= pair.day) return &o;
    }
    return pair.a;
  }
  return rng.Pick(former);
}

std::string JoinList(const std::vector<std::string>& items, bool oxford) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? (oxford && items.size() > 2 ? ", and " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// A dateline for the document date, in one of the styles wires and
// newspapers use: "MOSCOW, November 22, 2017 —", " date 2017-05-03
// Washington DC:", "July 16, 2018, Helsinki", "BEIJING, Nov 4 (etkg wire)
// -", "Helsinki, 16 July 2018 -". Returns the dateline and whether the
// first paragraph continues on its line.
std::pair<std::string, bool> Dateline(Rng& rng, const std::string& place, int64_t published) {
  Ymd d = ToYmd(published);
  std::string caps = IsAscii(place) ? Upper(place) : place;
  switch (rng.Below(5)) {
    case 0:
      return {caps + ", " + UsDate(published) + " —", true};
    case 1:
      return {" date " + IsoDate(published) + " " + place + ":", false};
    case 2:
      return {UsDate(published) + ", " + place, false};
    case 3:
      return {caps + ", " + std::string(kMonthsShort[d.month - 1]) + " " + std::to_string(d.day) +
                  " (etkg wire) -",
              true};
    default:
      return {place + ", " + UkDate(published) + " -", true};
  }
}

std::string Junk(Rng& rng, const Vars& vars, const std::string& headline) {
  SentencePicker pick(rng, vars);
  std::string out = "\n\n";
  switch (rng.Below(5)) {
    case 0: {
      int n = rng.Between(2, 4);
      out += std::to_string(n) + " comments on “" + headline + "”\n\n";
      for (int i = 1; i <= n; ++i) {
        out += "  " + std::to_string(i) + ". " + pick(kComments, 2) + "\n\n";
      }
      out +=
          "Leave a Reply\n\nYour email address will not be published. Required fields are "
          "marked *\n";
      break;
    }
    case 1:
      out += "Share this article\nFacebook Twitter Email WhatsApp\n\nRelated articles\n" +
             Fill("What next for {t1}?", vars) + "\n" + Fill("{b} under pressure over {t2}", vars) +
             "\n";
      break;
    case 2:
      out += "Reader comment: " + pick(kComments, 2) + "\n";
      break;
    case 3:
      out +=
          "Click to share on Twitter (Opens in new window)\nClick to share on Facebook (Opens "
          "in new window)\nLike this:\nLike Loading...\n";
      break;
    default:
      out += "Sign up for our daily briefing\n" +
             Fill("Subscribe to get the latest on {t1}", vars) + "\nRead more\n";
      break;
  }
  return out;
}

Carrier PickCarrier(Rng& rng, Kind kind) {
  // Percentages of sidecar, front matter, dateline and JSON lines; the rest
  // date themselves from their text.
  constexpr int kShares[3][4] = {{30, 35, 30, 5}, {20, 15, 55, 10}, {25, 15, 10, 5}};
  const int* share = kShares[static_cast<int>(kind)];
  int roll = static_cast<int>(rng.Below(100));
  for (int i = 0; i < 4; ++i) {
    if (roll < share[i]) return static_cast<Carrier>(i);
    roll -= share[i];
  }
  return Carrier::kNone;
}

Article WriteArticle(Rng& rng, const World& world) {
  Article art;
  Kind kind = static_cast<Kind>(rng.Below(100) < 30 ? 0 : rng.Percent(64) ? 1 : 2);
  int roll = static_cast<int>(rng.Below(100));
  Happening what = roll < 55   ? Happening::kCall
                   : roll < 65 ? Happening::kVideo
                               : Happening::kMeeting;
  art.carrier = PickCarrier(rng, kind);
  bool anchored = art.carrier != Carrier::kNone;

  // Heads of state or government mostly; foreign ministers hold talks too.
  Pair pair = PickPair(rng, world, what != Happening::kMeeting || rng.Percent(80));
  Person a = MakePerson(world, *pair.a);
  Person b = MakePerson(world, *pair.b);
  Person c = MakePerson(world, *Bystander(rng, world, pair));
  Person f = MakePerson(world, *Predecessor(rng, world, pair));

  int64_t day = pair.day;
  switch (kind) {
    case Kind::kReadout:
      art.published = day + (rng.Percent(15) ? 1 : 0);
      break;
    case Kind::kNews:
      art.published = day + rng.Between(0, 9);
      break;
    case Kind::kCommentary:
      art.published = day + rng.Between(3, 40);
      break;
  }
  std::string_view dash = rng.Percent(60) ? "–" : "-";

  // What they discussed: two to four topics, one phrase each.
  std::vector<std::string> topics;
  std::vector<const Topic*> chosen;
  while (chosen.size() < 4) {
    const Topic* t = &rng.Pick(world.topics);
    bool seen = false;
    for (const Topic* u : chosen) seen = seen || u == t;
    if (!seen) chosen.push_back(t);
  }
  for (const Topic* t : chosen) {
    // "discussed the peace process", but "discussed Syria" and "discussed
    // sanctions".
    const std::string& phrase = rng.Pick(t->phrases);
    bool common = phrase[0] >= 'a' && phrase[0] <= 'z' && phrase.find(' ') != std::string::npos &&
                  phrase.back() != 's';
    topics.push_back(common ? "the " + phrase : phrase);
  }
  size_t listed = static_cast<size_t>(rng.Between(2, 4));

  const PlaceEntry* venue_city = world.g.FindPlace(pair.a->country->capital);
  if (!venue_city || rng.Percent(30)) venue_city = world.cities[rng.Below(world.cities.size())];
  auto summit_city = [&](const SummitVenue& s) {
    return s.fixed ? s.fixed->name : world.cities[rng.Below(world.cities.size())]->name;
  };
  const SummitVenue& next = rng.Pick(world.summits);
  const SummitVenue& past = rng.Pick(world.summits);
  int64_t next_day = day + rng.Between(14, 120);
  int64_t past_day = day - rng.Between(5, 200);

  Vars v;
  v.Set("A", FullMention(rng, a));
  v.Set("B", FullMention(rng, b));
  v.Set("a", ShortMention(rng, a));
  v.Set("b", ShortMention(rng, b));
  v.Set("C", FullMention(rng, c));
  v.Set("F", "former " + f.title + " " + f.name);
  v.Set("f", f.surname);
  v.Set("brole", RoleMention(b));
  v.Set("acountry", a.country);
  v.Set("bcountry", b.country);
  v.Set("adem", a.demonym);
  v.Set("bdem", b.demonym);
  v.Set("acap", a.capital);
  v.Set("bcap", b.capital);
  v.Set("ccap", c.capital);
  v.Set("aseat", a.seat);
  v.Set("bseat", b.seat);
  v.Set("when", WhenPast(rng, day, art.published, anchored));
  v.Set("pd", rng.Percent(50) || !anchored ? ExplicitDay(rng, day) : PartialDay(rng, day));
  const Duration& dur = rng.Pick(kDurations);
  v.Set("dur", std::string(dur.adverbial));
  v.Set("duradj", std::string(dur.adjective));
  std::vector<std::string> listed_topics(topics.begin(),
                                         topics.begin() + static_cast<long>(listed));
  v.Set("topics", JoinList(listed_topics, rng.Percent(40)));
  v.Set("t1", topics[0]);
  v.Set("t2", topics[1]);
  v.Set("t3", topics[2]);
  v.Set("t4", topics[3]);
  v.Set("venue", venue_city->name);
  v.Set("nsummit", next.phrase);
  v.Set("ncity", summit_city(next));
  v.Set("nwhen", WhenNext(rng, next_day, art.published, anchored, dash));
  v.Set("nfull", DayPair(rng, next_day, true, dash));
  v.Set("psummit", past.phrase);
  v.Set("pcity", summit_city(past));
  v.Set("pwhen", "in " + Month(past_day) + " " + std::to_string(ToYmd(past_day).year));
  v.Set("ago", Span(day - past_day));
  v.Set("cwhen", anchored && rng.Percent(60)
                     ? "last week"
                     : "in " + Month(past_day) + " " + std::to_string(ToYmd(past_day).year));
  v.Set("year", std::to_string(ToYmd(day).year - rng.Between(1, 8)));
  v.Set("org", world.organizations.empty() ? "the United Nations" : rng.Pick(world.organizations));

  SentencePicker pick(rng, v);
  std::vector<std::string> paragraphs;
  switch (kind) {
    case Kind::kReadout: {
      // Readouts speak of today; a few are dated the next morning.
      v.Set("when", art.published == day && rng.Percent(85)
                        ? "today"
                        : WhenPast(rng, day, art.published, anchored));
      constexpr std::string_view kHeadlines[] = {
          "Readout of {atitle} {asur}’s Call with {btitle} {bname} of {bcountry}",
          "Telephone conversation with {btitle} of {bcountry} {bname}",
          "{atitle} {asur} meets {btitle} {bsur}",
          "Statement on the conversation between {asur} and {bsur}",
      };
      v.Set("atitle", a.title);
      v.Set("btitle", b.title);
      v.Set("asur", a.surname);
      v.Set("bsur", b.surname);
      v.Set("bname", b.name);
      art.headline = Fill(rng.Pick(kHeadlines), v);
      std::string open = what == Happening::kCall    ? pick(kReadoutCall, 1)
                         : what == Happening::kVideo ? pick(kReadoutVideo, 1)
                                                     : pick(kReadoutMeeting, 1);
      paragraphs.push_back(open + " " + pick(kReadoutDiscuss, rng.Between(1, 3)));
      paragraphs.push_back(pick(kReadoutDiscuss, rng.Between(2, 4)));
      if (rng.Percent(50)) paragraphs.push_back(pick(kReadoutDiscuss, rng.Between(1, 3)));
      paragraphs.push_back(pick(kReadoutClose, rng.Between(1, 3)));
      if (rng.Percent(30)) {
        Ymd d = ToYmd(day);
        char path[64];
        std::snprintf(path, sizeof path, "%04d/%02d/%02d", d.year, d.month, d.day);
        paragraphs.push_back("https://www.example.gov/briefing-room/" + std::string(path) +
                             "/readout-" + pair.a->leader->id + "-" + pair.b->leader->id);
      }
      if (rng.Percent(30)) {
        // The other government's readout of the same conversation.
        paragraphs.push_back(b.capital + ":");
        paragraphs.push_back(pick(kReadoutDiscuss, rng.Between(2, 3)));
        paragraphs.push_back(pick(kReadoutClose, rng.Between(1, 2)));
      }
      break;
    }
    case Kind::kNews: {
      constexpr std::string_view kCallHeadlines[] = {
          "{asur} and {bsur} discuss {t1} in phone call",
          "{asur}, {bsur} hold {duradj} call on {t1} and {t2}",
          "{asur}–{bsur} call: key takeaways",
          "Long conversation – {asur} talks to {bsur} about {t1}",
      };
      constexpr std::string_view kMeetingHeadlines[] = {
          "{asur} hosts {bsur} in {venue} as talks focus on {t1}",
          "{asur} and {bsur} meet in {venue}",
          "{asur}, {bsur} vow to co-operate on {t1}",
      };
      v.Set("asur", a.surname);
      v.Set("bsur", b.surname);
      art.headline = Fill(
          what == Happening::kMeeting ? rng.Pick(kMeetingHeadlines) : rng.Pick(kCallHeadlines), v);
      std::string lead = what == Happening::kCall    ? pick(kNewsCall, 1)
                         : what == Happening::kVideo ? pick(kNewsVideo, 1)
                                                     : pick(kNewsMeeting, 1);
      paragraphs.push_back(lead + " " + pick(kNewsDetail, 1));
      paragraphs.push_back(pick(kNewsDetail, rng.Between(2, 3)));
      paragraphs.push_back(pick(kNewsQuote, rng.Between(1, 2)));
      paragraphs.push_back(pick(kNewsContext, rng.Between(2, 4)));
      paragraphs.push_back(pick(kNewsDetail, rng.Between(2, 3)));
      paragraphs.push_back(pick(kNewsBackground, rng.Between(2, 4)));
      if (rng.Percent(60)) paragraphs.push_back(pick(kNewsQuote, rng.Between(1, 2)));
      paragraphs.push_back(pick(kNewsContext, rng.Between(2, 4)));
      paragraphs.push_back(pick(kNewsBackground, rng.Between(2, 3)));
      if (rng.Percent(50)) paragraphs.push_back(pick(kNewsContext, rng.Between(1, 3)));
      paragraphs.push_back(pick(kNewsNext, rng.Between(1, 2)));
      break;
    }
    case Kind::kCommentary: {
      constexpr std::string_view kHeadlines[] = {
          "What {asur} and {bsur} discussed over the phone",
          "Why the {asur}–{bsur} talks matter for {t1}",
          "{asur} and {bsur}: a conversation worth watching",
          "After the {asur}–{bsur} call, what next for {t1}?",
      };
      constexpr std::string_view kSubtitles[] = {
          "Should we expect any progress on {t1}?",
          "The two sides’ readouts tell different stories.",
          "Behind the polite readouts, old disagreements over {t2} remain.",
      };
      v.Set("asur", a.surname);
      v.Set("bsur", b.surname);
      art.headline = Fill(rng.Pick(kHeadlines), v);
      paragraphs.push_back(Fill(rng.Pick(kSubtitles), v));
      std::string open =
          what == Happening::kMeeting ? pick(kCommentOpenMeeting, 1) : pick(kCommentOpen, 1);
      paragraphs.push_back(open + " " + pick(kCommentBody, rng.Between(1, 2)));
      paragraphs.push_back(pick(kCommentBody, rng.Between(2, 4)));
      paragraphs.push_back(pick(kCommentAnalysis, rng.Between(2, 4)));
      paragraphs.push_back(pick(kCommentHistory, rng.Between(2, 3)));
      paragraphs.push_back(pick(kCommentAnalysis, rng.Between(2, 4)));
      paragraphs.push_back(pick(kCommentPlans, rng.Between(2, 3)));
      paragraphs.push_back(pick(kCommentAnalysis, rng.Between(1, 3)));
      if (rng.Percent(40)) {
        paragraphs.push_back(pick(kCommentBullets, 1));
        paragraphs.push_back(pick(kCommentBullets, 1));
      }
      paragraphs.push_back(pick(kCommentHistory, rng.Between(1, 2)));
      if (rng.Percent(50)) paragraphs.push_back(a.surname + " " + b.surname + " " + a.country);
      break;
    }
  }

  // Assemble: headline, dateline, paragraphs, junk.
  std::string_view gap = rng.Percent(80) ? "\n\n" : "\n";
  std::string body;
  bool headline_in_text = art.carrier != Carrier::kJsonLines && rng.Percent(75);
  if (art.carrier == Carrier::kDateline) {
    const std::string& place = kind == Kind::kReadout ? a.capital
                               : rng.Percent(50)      ? a.capital
                                                      : b.capital;
    auto [dateline, runs_on] = Dateline(rng, place, art.published);
    if (runs_on) {
      paragraphs.front() = dateline + " " + paragraphs.front();
    } else {
      paragraphs.insert(paragraphs.begin(), dateline);
    }
    // A dateline opens the page; the headline, if any, stays in metadata.
    headline_in_text = false;
  }
  if (headline_in_text) body += art.headline + std::string(gap);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) body += gap;
    body += paragraphs[i];
  }
  if (kind != Kind::kReadout && rng.Percent(45)) {
    Vars junk = v;
    junk.Set("b", b.surname);
    body += Junk(rng, junk, art.headline);
  } else {
    body += '\n';
  }
  // Typography differs between sources: some flatten quotes and dashes,
  // some glue numbers to units with a no-break space.
  if (rng.Percent(20)) {
    ReplaceAll(&body, "“", "\"");
    ReplaceAll(&body, "”", "\"");
    ReplaceAll(&body, "’", "'");
  }
  if (rng.Percent(10)) ReplaceAll(&body, " minutes", "\xC2\xA0minutes");
  art.text = std::move(body);

  Ymd d = ToYmd(art.published);
  char date_path[16];
  std::snprintf(date_path, sizeof date_path, "%04d/%02d/%02d", d.year, d.month, d.day);
  constexpr std::string_view kKindSlug[] = {"readout", "news", "comment"};
  constexpr std::string_view kWhatSlug[] = {"call", "video-call", "meeting"};
  art.slug = std::string(kWhatSlug[static_cast<int>(what)]) + "-" + pair.a->leader->id + "-" +
             pair.b->leader->id;
  art.url = "https://example.org/" + std::string(kKindSlug[static_cast<int>(kind)]) + "/" +
            date_path + "/" + art.slug;
  art.source = std::string(rng.Pick(kSources));
  return art;
}

}  // namespace

void GenerateCorpus(size_t target_bytes, uint64_t seed,
                    const std::function<void(Document)>& on_document) {
  const World& world = TheWorld();
  Rng rng(seed);
  size_t total = 0;
  int jsonl_line = 0;
  for (size_t n = 0; total < target_bytes; ++n) {
    Article art = WriteArticle(rng, world);
    char number[16];
    std::snprintf(number, sizeof number, "%06zu", n);
    std::string path = std::string(number) + "-" + art.slug + ".txt";
    DocumentMeta meta;
    meta.title = art.headline;
    meta.published = PartialDate::FromDays(art.published);
    meta.url = art.url;
    meta.source = art.source;
    // Through the real parser, so datelines, titles and the text are what
    // an ingest of the written files would see.
    Result<Document> doc = Status::Internal("unreached");
    switch (art.carrier) {
      case Carrier::kSidecar:
        doc = ParseTextDocument(art.text, path, &meta);
        break;
      case Carrier::kFrontMatter: {
        std::string content = "title: " + art.headline + "\npublished: " + IsoDate(art.published) +
                              "\nurl: " + art.url + "\nsource: " + art.source + "\n\n" + art.text;
        doc = ParseTextDocument(content, path, nullptr);
        break;
      }
      case Carrier::kDateline:
      case Carrier::kNone:
        doc = ParseTextDocument(art.text, path, nullptr);
        break;
      case Carrier::kJsonLines:
        doc = ParseTextDocument(art.text, "wire.jsonl", &meta);
        if (doc.ok()) {
          doc->id = "wire-" + std::string(number);
          doc->first_line = ++jsonl_line;
        }
        break;
    }
    assert(doc.ok() && "generated text the loaders reject");
    if (!doc.ok()) continue;
    total += doc->text.size();
    on_document(std::move(*doc));
  }
}

std::optional<size_t> ParseByteCount(std::string_view text) {
  size_t digits = 0, value = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (value > (SIZE_MAX - 9) / 10) return std::nullopt;
    value = value * 10 + static_cast<size_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string_view unit = text.substr(digits);
  int shift = 0;
  if (unit == "K" || unit == "k") {
    shift = 10;
  } else if (unit == "M" || unit == "m") {
    shift = 20;
  } else if (unit == "G" || unit == "g") {
    shift = 30;
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  if (value == 0 || value > (SIZE_MAX >> shift)) return std::nullopt;
  return value << shift;
}

std::vector<Document> GenerateCorpus(size_t target_bytes, uint64_t seed) {
  std::vector<Document> docs;
  GenerateCorpus(target_bytes, seed, [&](Document doc) { docs.push_back(std::move(doc)); });
  return docs;
}

}  // namespace etkg
