// Stage 3: event frames, clause by clause.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/event_merge.h"
#include "graph/text.h"
#include "loaders/extraction/document_extraction.h"
#include "loaders/genre.h"
#include "loaders/matcher.h"
#include "loaders/phrase_index.h"
#include "loaders/rules.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"
#include "loaders/topics.h"

namespace etkg::extraction {

// "met Chancellor Scholz on June 5 and Prime Minister Meloni on June 7",
// "spoke with Zelenskyy on June 2 and with Sunak on June 3": one side named
// before the cue at `cue`, two or more after it, each followed by a date of
// its own before the next: one event with each, on its date. Empty when the
// sentence is not so built.
std::vector<DatedConjunct> DocumentExtraction::DatedConjuncts(
    const Sentence& s, const std::vector<LeaderRef>& actors, uint32_t cue,
    const std::vector<TimeExpression>& dates) const {
  std::vector<LeaderRef> hosts, guests;
  for (const LeaderRef& l : actors) (l.begin < cue ? hosts : guests).push_back(l);
  if (hosts.size() != 1 || guests.size() < 2) return {};
  std::sort(guests.begin(), guests.end(),
            [](const LeaderRef& a, const LeaderRef& b) { return a.begin < b.begin; });
  std::vector<DatedConjunct> out;
  for (size_t g = 0; g < guests.size(); ++g) {
    const uint32_t from = guests[g].end;
    const uint32_t to = g + 1 < guests.size() ? guests[g + 1].begin : s.span.end;
    const TimeExpression* own = nullptr;
    for (const TimeExpression& d : dates) {
      const uint32_t at = s.span.begin + static_cast<uint32_t>(d.offset);
      if (at < from || at >= to || d.value.is_null()) continue;
      if (own) return {};  // Two dates for one side: not this shape.
      own = &d;
    }
    if (!own) return {};
    if (g + 1 < guests.size()) {
      // The next side is joined by "and" after this side's date.
      const uint32_t date_end = s.span.begin + static_cast<uint32_t>(own->offset + own->length);
      std::string gap = " " + AsciiLower(Slice(text_, date_end, std::max(to, date_end))) + " ";
      if (gap.find(" and ") == std::string::npos) return {};
    }
    out.push_back({{hosts.front(), guests[g]}, own});
  }
  return out;
}

bool IsVenueType(std::string_view type) {
  return type == "city" || type == "capital" || type == "region";
}

void DocumentExtraction::DetectEvents(size_t index) {
  Sentence& s = sentences_[index];
  std::string_view sentence = Slice(text_, s.span.begin, s.span.end);
  // "Readout of the Secretary-General's meeting with ...": a readout is of
  // a call only when nothing else is named.
  if (s.readout && !s.call && !s.meeting && !s.talks && s.summits.empty()) {
    s.call = true;
    s.call_positions.insert(s.call_positions.end(), s.readout_positions.begin(),
                            s.readout_positions.end());
  }
  bool call = s.call && !s.press_call;
  const std::vector<NamedMeeting> named = NamedMeetings(s);
  bool wants_dates = call || s.meeting || s.talks || !s.summits.empty() || !named.empty();
  // "It lasted some forty minutes", "For nearly two hours the two leaders
  // ...": how long the call took, whichever sentence says it.
  const bool about_duration = s.duration || s.pair;
  if (!wants_dates && !s.call_weak && !about_duration) return;

  Tense tense = DetectTense(sentence);
  std::vector<TimeExpression> dates;
  if (wants_dates) dates = tagger_.Tag(sentence, anchor_, tense);
  // One tense for a whole sentence misreads "met on Saturday and agreed to
  // restart talks": a date before every future marker takes the tense of
  // the words up to it.
  if (tense == Tense::kFuture) {
    for (TimeExpression& d : dates) {
      std::string_view prefix = sentence.substr(0, d.offset + d.length);
      Tense local = DetectTense(prefix);
      if (local == Tense::kFuture) continue;
      for (const TimeExpression& again : tagger_.Tag(prefix, anchor_, local)) {
        if (again.offset == d.offset && again.length == d.length) d = again;
      }
    }
  }
  // The dateline's date dates the document, not what the sentence reports.
  std::erase_if(dates, [&](const TimeExpression& d) {
    return s.span.begin + d.offset >= body_begin_ && s.span.begin + d.offset < dateline_end_;
  });
  std::vector<double> durations;
  if (call || s.call_weak || about_duration) {
    for (const DurationExpression& d : tagger_.FindDurations(sentence)) {
      if (d.unit == DurationUnit::kMinute || d.unit == DurationUnit::kHour) {
        durations.push_back(d.minutes);
      }
    }
  }
  // Each date goes to the nearest thing that can happen on a date.
  struct Anchor {
    uint32_t pos;
    int owner;  // 0 = the call, 1 = the meeting, 2+k = the k-th summit.
  };
  std::vector<Anchor> anchors;
  for (uint32_t p : s.call_positions) anchors.push_back({p - s.span.begin, 0});
  for (uint32_t p : s.meeting_positions) anchors.push_back({p - s.span.begin, 1});
  for (size_t k = 0; k < s.summits.size(); ++k) {
    anchors.push_back({s.summits[k].begin - s.span.begin, static_cast<int>(2 + k)});
  }
  const int named_owner = static_cast<int>(2 + s.summits.size());
  for (size_t k = 0; k < named.size(); ++k) {
    anchors.push_back({named[k].end - 1 - s.span.begin, static_cast<int>(named_owner + k)});
  }
  std::map<int, const TimeExpression*> date_of;
  for (const TimeExpression& d : dates) {
    if (d.value.is_null() || anchors.empty()) continue;
    const Anchor* best = nullptr;
    int64_t best_distance = 0;
    for (const Anchor& a : anchors) {
      int64_t distance = std::abs(static_cast<int64_t>(a.pos) - static_cast<int64_t>(d.offset));
      if (!best || distance < best_distance) {
        best = &a;
        best_distance = distance;
      }
    }
    date_of.emplace(best->owner, &d);
  }
  auto take_date = [&](int owner, EventMention* e) {
    auto it = date_of.find(owner);
    if (it == date_of.end()) return;
    e->date = it->second->value;
    e->rule = it->second->rule;
  };

  // A speaker's label names who speaks, not who met: the speaker takes
  // part when saying "we" or "I" (below).
  std::vector<LeaderRef> actors;
  for (const LeaderRef& l : s.leaders) {
    if (!l.former && l.begin >= speaker_label_end_[index]) actors.push_back(l);
  }
  // "The two presidents met on Monday": the nearest of the three sentences
  // before that names exactly two leaders says who.
  bool borrowed = false;  // Actors from the sentences before: no new event without a date.
  if (s.pair && actors.size() < 2) {
    // The two sides of the event the document is about, when that event
    // is already known and the one named here, if any, is one of them.
    for (const EventMention& main : event_mentions_) {
      if (!main.primary || main.weak || main.participants.size() != 2) continue;
      bool fits = std::all_of(actors.begin(), actors.end(), [&](const LeaderRef& a) {
        return std::any_of(main.participants.begin(), main.participants.end(),
                           [&](const LeaderRef& p) { return p.id == a.id; });
      });
      if (!fits) break;
      actors = main.participants;
      for (LeaderRef& l : actors) l.begin = l.end = s.span.begin;
      borrowed = true;
      break;
    }
  }
  if (s.pair && actors.size() < 2) {
    for (size_t back = 1; back <= 3 && back <= index; ++back) {
      std::vector<LeaderRef> before;
      for (const LeaderRef& l : sentences_[index - back].leaders) {
        if (!l.former) before.push_back(l);
      }
      if (before.size() == 2) {
        for (LeaderRef& l : before) l.begin = l.end = s.span.begin;  // Named by the phrase.
        actors = std::move(before);
        borrowed = true;
        break;
      }
    }
  }

  // "SUBJECT: Telephone Conversation with President Zelenskyy" and then
  // "PARTICIPANTS: The President; President Zelenskyy": a memo names the
  // call and its parties in lines of their own.
  size_t looked_ahead = 0;  // Sentences read for the parties: they may hold the date too.
  if (call && actors.size() == 1) {
    for (size_t ahead = index + 1; ahead <= index + 3 && ahead < sentences_.size(); ++ahead) {
      looked_ahead = ahead - index;
      const Sentence& next = sentences_[ahead];
      if (next.call || next.meeting || next.talks) break;
      for (const LeaderRef& l : next.leaders) {
        bool seen = std::any_of(actors.begin(), actors.end(),
                                [&](const LeaderRef& a) { return a.id == l.id; });
        if (!seen && !l.former) actors.push_back(l);
      }
      if (actors.size() >= 2) break;
    }
  }

  // "During the visit, he will meet President Lula": "he" is the leader
  // the sentence before named first, when that is someone else.
  if ((call || s.meeting) && actors.size() == 1 && index > 0) {
    uint32_t cue =
        s.call_positions.empty() ? std::numeric_limits<uint32_t>::max() : s.call_positions.front();
    if (!s.meeting_positions.empty()) cue = std::min(cue, s.meeting_positions.front());
    std::string before = " " + AsciiLower(Slice(text_, s.span.begin, std::min(cue, s.span.end)));
    bool pronoun =
        before.find(" he ") != std::string::npos || before.find(" she ") != std::string::npos;
    for (size_t back = 1; pronoun && back <= 2 && back <= index; ++back) {
      const std::vector<LeaderRef>& named = sentences_[index - back].leaders;
      auto subject = std::find_if(named.begin(), named.end(), [&](const LeaderRef& l) {
        return !l.former && l.id != actors.front().id;
      });
      if (subject == named.end()) continue;
      LeaderRef antecedent = *subject;
      antecedent.begin = antecedent.end = s.span.begin;
      actors.push_back(antecedent);
      break;
    }
  }

  // One side named: the other is the page's own office when the title
  // names the event ("Remarks With Foreign Minister Lavrov Before Their
  // Meeting"), or the speaker of a transcript who says "we" or "I".
  if ((call || s.meeting) && actors.size() == 1) {
    std::optional<LeaderRef> other;
    if (title_sentence_[index]) other = principal_;
    if (!other && speaker_[index] && FirstPerson(sentence)) {
      other = speaker_[index];
      // "We'll continue the dialogue launched yesterday in the meeting with
      // the President", said by that president's own minister to a guest:
      // the guest met the president.
      if (principal_ && principal_->id != other->id && principal_->id != actors.front().id &&
          SameGovernment(*other, actors.front())) {
        other = principal_;
      }
    }
    if (other && other->id != actors.front().id) {
      other->begin = other->end = s.span.begin;
      actors.push_back(*other);
    }
  }

  // A call still to come ("agreed to speak again by telephone") is an
  // event only when the text gives its date.
  bool planned = s.planning || tense == Tense::kFuture;
  const std::vector<DatedConjunct> call_conjuncts =
      call && !borrowed && !s.call_positions.empty()
          ? DatedConjuncts(s, actors, s.call_positions.front(), dates)
          : std::vector<DatedConjunct>{};
  if (call && !call_conjuncts.empty()) {
    for (const DatedConjunct& c : call_conjuncts) {
      EventMention e;
      e.kind = NodeKind::kCall;
      e.participants = c.participants;
      e.video = s.video;
      e.sentence = index;
      e.primary = !planned;
      e.date = c.date->value;
      e.rule = c.date->rule;
      event_mentions_.push_back(std::move(e));
    }
  } else if (call && actors.size() >= 2) {
    EventMention e;
    e.kind = NodeKind::kCall;
    e.participants = actors;
    e.video = s.video;
    e.sentence = index;
    e.durations = durations;
    e.primary = !planned;
    take_date(0, &e);
    // "DATE, TIME AND PLACE: July 25, 2019" a line or two below the subject.
    for (size_t k = 1; looked_ahead > 0 && k <= looked_ahead + 3 && e.date.is_null(); ++k) {
      if (index + k >= sentences_.size()) break;
      const Sentence& next = sentences_[index + k];
      std::string_view text = Slice(text_, next.span.begin, next.span.end);
      for (const TimeExpression& d : tagger_.Tag(text, anchor_, DetectTense(text))) {
        if (d.rule == kRuleExplicit && d.value.precision() == DatePrecision::kDay) {
          e.date = d.value;
          e.rule = d.rule;
          e.sentence_extra = index + k;
          break;
        }
      }
    }
    if (borrowed && e.date.is_null()) e.weak = true;
    if (!planned || !e.date.is_null()) event_mentions_.push_back(std::move(e));
  } else if ((call || s.call_weak || (about_duration && !durations.empty())) && !planned) {
    EventMention e;
    e.kind = NodeKind::kCall;
    e.participants = actors;
    e.weak = true;
    e.sentence = index;
    e.durations = durations;
    event_mentions_.push_back(std::move(e));
  }

  // An in-person meeting of two named leaders that has happened. Its tense
  // is that of the words up to the meeting: "met ... and agreed to restart".
  bool meeting_planned = planned;
  if (meeting_planned && !s.planning && !s.meeting_positions.empty()) {
    uint32_t cue = s.meeting_positions.front() - s.span.begin;
    size_t end = sentence.find_first_of(" ,.;", cue);
    meeting_planned = DetectTense(sentence.substr(0, end)) == Tense::kFuture;
  }
  // A meeting still to come is an event when the text dates it ("invited
  // President Lula to visit Washington in early February"), unless it is a
  // summit's sideline, which the summit stands for.
  bool to_come = meeting_planned && s.summits.empty() && named.empty() && date_of.count(1) != 0;
  // "The Secretary-General will visit Brazil from 2 to 4 May. During the
  // visit, he will meet President Lula": the date of a planned meeting may
  // stand in the sentence before or after, with a meeting word of its own.
  std::optional<TimeExpression> nearby_date;
  size_t nearby_sentence = 0;
  if (meeting_planned && !call && s.meeting && actors.size() >= 2 && s.summits.empty() &&
      named.empty() && date_of.count(1) == 0) {
    for (size_t other : {index - 1, index + 1}) {
      if (other >= sentences_.size()) continue;  // index - 1 wraps at the first sentence.
      const Sentence& o = sentences_[other];
      if (!o.meeting && !o.talks) continue;
      std::string_view text = Slice(text_, o.span.begin, o.span.end);
      std::vector<TimeExpression> found = tagger_.Tag(text, anchor_, Tense::kFuture);
      std::erase_if(found, [](const TimeExpression& d) { return d.value.is_null(); });
      if (found.size() != 1) continue;
      nearby_date = found.front();
      nearby_sentence = other;
      to_come = true;
      break;
    }
  }
  // "Tusk and Juncker represented the EU at the summit", "attended the G20
  // summit": when every meeting word is a summit's own name, or "the
  // summit" the document has named, those named take part in the summit;
  // they did not meet each other.
  auto in_summit_name = [&](uint32_t cue) {
    return std::any_of(s.summits.begin(), s.summits.end(),
                       [&](const auto& sm) { return cue >= sm.begin && cue < sm.end; });
  };
  const bool attends_summit =
      !s.meeting_positions.empty() &&
      std::all_of(s.meeting_positions.begin(), s.meeting_positions.end(),
                  [&](uint32_t cue) { return in_summit_name(cue) || DefiniteSummit(cue); });
  const bool attends_named =
      attends_summit && std::all_of(s.meeting_positions.begin(), s.meeting_positions.end(),
                                    [&](uint32_t cue) { return in_summit_name(cue); });
  if (attends_summit && !attends_named && !planned && actors.size() >= 2) {
    EventMention e;
    e.kind = NodeKind::kSummit;
    e.participants = actors;
    e.sentence = index;
    e.primary = false;
    e.at_the_summit = true;
    event_mentions_.push_back(std::move(e));
  }
  bool met =
      !call && s.meeting && actors.size() >= 2 && (!meeting_planned || to_come) && !attends_summit;
  if (met) {
    EventMention e;
    e.kind = NodeKind::kSummit;
    e.participants = actors;
    // Three or more named: "Macron arrived in Kyiv for talks with
    // Zelenskyy, a day after five hours with Putin" met Zelenskyy. Those
    // named before the meeting word meet the first named after it, and
    // those joined to that one by "and".
    if (actors.size() >= 3 && !borrowed) {
      uint32_t cue = s.meeting_positions.front();
      std::vector<LeaderRef> met_with;
      size_t after = 0;
      for (const LeaderRef& l : actors) {
        if (l.begin < cue) {
          met_with.push_back(l);
        } else if (after == 0 ||
                   (l.begin > met_with.back().end &&
                    AsciiLower(Slice(text_, met_with.back().end, l.begin)).find(" and ") !=
                        std::string::npos &&
                    l.begin - met_with.back().end < 90)) {
          met_with.push_back(l);
          ++after;
        } else {
          break;
        }
      }
      if (met_with.size() >= 2) e.participants = met_with;
    }
    // "will meet Chancellor Scholz and later Prime Minister Meloni": one
    // meeting with each, in turn.
    std::vector<DatedConjunct> separate;
    if (e.participants.size() >= 3 && !borrowed && !s.meeting_positions.empty()) {
      separate = DatedConjuncts(s, e.participants, s.meeting_positions.front(), dates);
    }
    if (separate.empty() && e.participants.size() >= 3 && !borrowed &&
        !s.meeting_positions.empty()) {
      uint32_t cue = s.meeting_positions.front();
      std::vector<LeaderRef> hosts, guests;
      for (const LeaderRef& l : e.participants) (l.begin < cue ? hosts : guests).push_back(l);
      bool in_turn = hosts.size() == 1 && guests.size() >= 2;
      for (size_t g = 1; in_turn && g < guests.size(); ++g) {
        std::string gap = " " +
                          AsciiLower(Slice(text_, guests[g - 1].end,
                                           std::max(guests[g].begin, guests[g - 1].end))) +
                          " ";
        in_turn = gap.find(" later ") != std::string::npos ||
                  gap.find(" then ") != std::string::npos ||
                  gap.find(" afterwards ") != std::string::npos ||
                  gap.find(" separately ") != std::string::npos;
      }
      if (in_turn) {
        for (const LeaderRef& guest : guests) separate.push_back({{hosts.front(), guest}, nullptr});
      }
    }
    e.format = "bilateral";
    e.sentence = index;
    // A visit named in passing ("thanked him for Secretary Kerry's visit
    // to Paris") is an event of its own only when dated.
    bool visit_only = s.visit && s.meeting_positions.size() == 1;
    e.primary = !meeting_planned && (!visit_only || title_sentence_[index]);
    take_date(1, &e);
    if (e.date.is_null() && nearby_date) {
      e.date = nearby_date->value;
      e.rule = nearby_date->rule;
      e.sentence_extra = nearby_sentence;
    }
    // "met on the sidelines of the G20 summit in July 2017": the date the
    // sentence gives went to the summit, and is the meeting's too.
    for (size_t k = 0; k < s.summits.size() && e.date.is_null(); ++k) {
      take_date(static_cast<int>(2 + k), &e);
    }
    for (size_t k = 0; k < s.places.size(); ++k) {
      const PlaceEntry& place = g_.places()[s.places[k]];
      // A city or a region ("met on 9 May in Bali"), not a country.
      if (!IsVenueType(place.type)) continue;
      if (s.place_in_issue[k] || !VenueWordBefore(s, k)) continue;
      if (IsSpeaker(s, k) || !NearestLeaderTakesPart(s, k, e.participants)) continue;
      if (!VenueOfMeetingCue(s, k)) continue;
      // "the Quad summit in Tokyo": the summit's city, not the meeting's.
      bool summit_city = std::any_of(s.summits.begin(), s.summits.end(), [&](const auto& sm) {
        return s.place_begins[k] >= sm.end && s.place_begins[k] - sm.end <= 12;
      });
      if (!summit_city || s.summits.size() == 0) e.places.push_back(place.id);
    }
    // "met on Monday at the Kremlin": in the capital of that government,
    // whatever other city the sentence names ("... before his visit to
    // Kyiv").
    if (!s.seat_capitals.empty()) e.places = s.seat_capitals;
    // "held their first formal summit today at the Presidential Palace":
    // a meeting on the dateline's day is in the dateline's city.
    if (e.places.empty() && !doc_.dateline_place.empty() && e.date == doc_.meta.published &&
        doc_.date_source == "dateline") {
      std::string wanted = AsciiLower(doc_.dateline_place);
      for (const PlaceEntry& place : g_.places()) {
        if (place.type == "city" && AsciiLower(place.name) == wanted) e.places.push_back(place.id);
      }
    }
    if (!borrowed || !e.date.is_null()) {
      if (separate.empty()) {
        event_mentions_.push_back(std::move(e));
      } else {
        for (DatedConjunct& c : separate) {
          EventMention one = e;
          one.participants = std::move(c.participants);
          if (c.date) {
            one.date = c.date->value;
            one.rule = c.date->rule;
          }
          event_mentions_.push_back(std::move(one));
        }
      }
    }
  }

  // Summits and talks of a known series: named ("the G20 summit"), or talks
  // at a series' fixed venue ("negotiations ... in Astana").
  std::vector<std::pair<uint32_t, int>> series;  // Summit index, date owner.
  for (size_t k = 0; k < s.summits.size(); ++k) {
    series.push_back({s.summits[k].index, static_cast<int>(2 + k)});
  }
  // Only talks ("negotiations in Astana"), not two leaders meeting there.
  if (s.talks && !met) {
    for (uint32_t p : s.places) {
      for (size_t k = 0; k < g_.summits().size(); ++k) {
        if (g_.summits()[k].place != g_.places()[p].id) continue;
        bool seen =
            std::any_of(series.begin(), series.end(), [&](const auto& x) { return x.first == k; });
        // The date nearest the talks cue belongs to the talks.
        if (!seen) series.push_back({static_cast<uint32_t>(k), -1});
      }
    }
  }
  for (auto [k, owner] : series) {
    const SummitEntry& entry = g_.summits()[k];
    EventMention e;
    e.kind = NodeKind::kSummit;
    e.series = entry.id;
    e.identity = "series:" + entry.id;
    e.format = entry.format.empty() ? "multilateral" : entry.format;
    e.label = entry.name;
    // Named in the title of a declaration, a joint statement or a note
    // ("G20 New Delhi Leaders' Declaration"), it is what the document is
    // about; a readout's title names a summit only as a setting or an office
    // ("President of the European Council").
    e.primary = title_sentence_[index] && SummitIsTheSubject();
    e.sentence = index;
    if (attends_named && !planned && series.size() == 1) e.participants = actors;
    if (owner >= 0) take_date(owner, &e);
    // "a meeting during the G20 summit on July 7-8": the date went to the
    // meeting, which is no event of its own when it is still planned.
    if (e.date.is_null() && planned) take_date(1, &e);
    if (e.date.is_null() && dates.size() == 1 && !dates.front().value.is_null()) {
      e.date = dates.front().value;
      e.rule = dates.front().rule;
    }
    if (!entry.place.empty()) e.places.push_back(entry.place);
    // Its city is named with it: "the COP26 conference in Glasgow", "the
    // Hamburg G20 summit"; another city of the sentence is another's.
    for (size_t k = 0; owner >= 2 && k < s.places.size(); ++k) {
      const PlaceEntry& place = g_.places()[s.places[k]];
      if (place.type != "city" || place.id == entry.place || IsSpeaker(s, k) ||
          s.place_in_issue[k] || !VenueWordBefore(s, k)) {
        continue;
      }
      const Sentence::SummitRef& named = s.summits[owner - 2];
      bool before = s.place_ends[k] <= named.begin && named.begin - s.place_ends[k] <= 2;
      bool after = false;
      if (s.place_begins[k] >= named.end && s.place_begins[k] - named.end <= 30) {
        std::string gap = AsciiLower(Slice(text_, named.end, s.place_begins[k]));
        // "the G20 summit in Hamburg", "Leaders of the G20, met in New
        // Delhi", "the G20 New Delhi Leaders' Declaration"; not "the G20
        // summit, days after a plenum in Beijing".
        after = gap == " " || gap.ends_with(" in ") || gap.ends_with(" at ") ||
                gap.ends_with(" in the city of ");
        after = after && gap.find(';') == std::string::npos;
        for (std::string_view word : {"after", "before", "since", "following", "ahead"}) {
          if (gap.find(word) != std::string::npos) after = false;
        }
      }
      if (before || after) e.places.push_back(place.id);
    }
    event_mentions_.push_back(std::move(e));
  }

  // Meetings named by their form: "the Global Nuclear Summit", "the
  // Washington Summit Declaration".
  for (size_t k = 0; k < named.size(); ++k) {
    const NamedMeeting& nm = named[k];
    EventMention e;
    e.kind = NodeKind::kSummit;
    e.label = std::string(Slice(text_, nm.begin, nm.end));
    e.series = Slugify(e.label);
    e.identity = "series:" + e.series;
    e.format = "multilateral";
    // Named in the title, it is what the document is about, as above.
    e.primary = title_sentence_[index] && SummitIsTheSubject();
    e.sentence = index;
    take_date(named_owner + static_cast<int>(k), &e);
    if (e.date.is_null() && dates.size() == 1 && !dates.front().value.is_null()) {
      e.date = dates.front().value;
      e.rule = dates.front().rule;
    }
    for (size_t p = 0; p < s.places.size(); ++p) {
      const PlaceEntry& place = g_.places()[s.places[p]];
      bool inside = s.place_begins[p] >= nm.begin && s.place_ends[p] <= nm.end;
      bool after = s.place_begins[p] >= nm.end && s.place_begins[p] - nm.end <= 4;  // "... in X"
      if (IsVenueType(place.type) && (inside || after) && !s.place_in_issue[p]) {
        e.places.push_back(place.id);
      }
    }
    event_mentions_.push_back(std::move(e));
  }
}

bool DocumentExtraction::SummitIsTheSubject() const {
  return genre_ == "declaration" || genre_ == "joint-statement" || genre_ == "note";
}

// "the Global Nuclear Summit", "the Camp David Summit", "the Munich
// Security Conference": capitalised words before a capitalised Summit,
// Conference or Forum, where no series of the gazetteer is named.
std::vector<DocumentExtraction::NamedMeeting> DocumentExtraction::NamedMeetings(
    const Sentence& s) const {
  static constexpr std::string_view kHeads[] = {"Summit", "Conference", "Forum"};
  static constexpr std::string_view kSmall[] = {"of", "on", "for", "and"};
  std::vector<NamedMeeting> out;
  std::string_view sentence = Slice(text_, s.span.begin, s.span.end);
  for (std::string_view head : kHeads) {
    for (size_t at = sentence.find(head); at != std::string_view::npos;
         at = sentence.find(head, at + head.size())) {
      uint32_t end = s.span.begin + static_cast<uint32_t>(at + head.size());
      if (end < s.span.end && IsWordCharAt(text_, end)) continue;  // "Summitry"
      bool series = std::any_of(s.summits.begin(), s.summits.end(), [&](const auto& sm) {
        return sm.begin <= end && sm.end + 2 >= s.span.begin + at;
      });
      // "the United Nations Climate Change Conference (COP28)": the series.
      std::string_view next = text_.substr(end, 3);
      if (next.starts_with(" (")) {
        series = std::any_of(s.summits.begin(), s.summits.end(), [&](const auto& sm) {
          return sm.begin >= end && sm.begin <= end + 3;
        });
      }
      if (series) continue;
      // Back over capitalised words, and small words between them.
      uint32_t begin = s.span.begin + static_cast<uint32_t>(at);
      int words = 0;
      uint32_t cursor = begin;
      while (cursor > s.span.begin + 1 && text_[cursor - 1] == ' ' && words < 5) {
        uint32_t w = cursor - 1;
        while (w > s.span.begin && text_[w - 1] != ' ' && text_[w - 1] != '\n') --w;
        std::string_view word = Slice(text_, w, cursor - 1);
        if (word.empty()) break;
        bool small = std::find(std::begin(kSmall), std::end(kSmall), word) != std::end(kSmall);
        bool capital = IsUpper(word[0]) && word.find_first_of("'’,.;:") == std::string_view::npos &&
                       word != "The" && word != "A" && word != "An";
        if (!capital && !small) break;
        cursor = w;
        if (capital) {
          begin = w;
          ++words;
        }
      }
      if (words == 0) continue;
      // Not a title or a person: "President Summit" is nobody's meeting.
      bool person = false;
      for (size_t i = s.first_mention; i < s.last_mention; ++i) {
        const Mention& m = mentions_[i];
        if (m.begin >= begin && m.end <= end && m.Has(EntityType::kLeader)) person = true;
      }
      // "the Japan-Australia Summit Meeting" with both leaders named is
      // their bilateral meeting, named by its sides: no series of its own.
      std::string rest(Slice(text_, begin, s.span.begin + static_cast<uint32_t>(at)));
      for (size_t i = s.first_mention; i < s.last_mention; ++i) {
        const Mention& m = mentions_[i];
        if (m.begin < begin || m.end > s.span.begin + at) continue;
        if (!m.Has(EntityType::kPlace) && !m.Has(EntityType::kDemonym)) continue;
        for (uint32_t k = m.begin; k < m.end; ++k) rest[k - begin] = ' ';
      }
      bool sides_only = rest.find_first_not_of(" -/\xE2\x80\x93\x94") == std::string::npos;
      if (sides_only && s.leaders.size() >= 2) continue;
      if (!person) out.push_back({begin, end});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const NamedMeeting& a, const NamedMeeting& b) { return a.begin < b.begin; });
  return out;
}

// "we", "I", "our": the speaker takes part.
bool FirstPerson(std::string_view sentence) {
  std::string folded = " " + FoldForCompare(sentence) + " ";
  for (std::string_view word : {" we ", " i ", " our ", " us ", " me "}) {
    if (folded.find(word) != std::string::npos) return true;
  }
  return false;
}

// A leader right after the cue `m`, with at most a demonym, a country or a
// title between and no punctuation.
bool DocumentExtraction::LeaderFollows(const Sentence& s, const Mention& m) const {
  size_t k = static_cast<size_t>(&m - mentions_.data()) + 1;
  while (k < s.last_mention && mentions_[k].Has(EntityType::kCue) == false &&
         !mentions_[k].Has(EntityType::kLeader) && mentions_[k].begin < m.end + 40) {
    ++k;  // A demonym or a country before the title.
  }
  for (; k < s.last_mention && mentions_[k].begin < m.end + 60; ++k) {
    std::string_view gap = Slice(text_, m.end, mentions_[k].begin);
    if (gap.find_first_of(",;:.") != std::string_view::npos) return false;
    if (mentions_[k].Has(EntityType::kLeader)) return true;
  }
  return false;
}

// "a dispute between Tokyo and Beijing", "relations with Moscow",
// "pressure on Beijing": a city after such a word is a party, not where
// anyone met. False when the words before the place say so.
bool DocumentExtraction::VenueWordBefore(const Sentence& s, size_t place) const {
  uint32_t begin = s.place_begins[place];
  uint32_t from = std::max<uint32_t>(s.span.begin, begin > 60 ? begin - 60 : 0);
  std::string before = AsciiLower(Slice(text_, from, begin));
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.pop_back();
  size_t space = before.find_last_of(' ');
  std::string_view last = space == std::string::npos ? std::string_view(before)
                                                     : std::string_view(before).substr(space + 1);
  static constexpr std::string_view kParty[] = {"between", "with", "from", "against", "toward",
                                                "towards", "over", "by",   "on",      "than",
                                                "versus",  "vs",   "and",  "or"};
  if (std::find(std::begin(kParty), std::end(kParty), last) == std::end(kParty)) return true;
  // "in Kyiv and Warsaw": a list of venues; "between Tokyo and Beijing": parties.
  if (last == "and" || last == "or") return before.find("between ") == std::string::npos;
  return false;
}

// "After his talks in Kyiv, Mr. Macron is due to travel to Berlin to meet
// Scholz": Kyiv is where the talks were. "Macron moves on to Kyiv after
// marathon talks with Putin": Kyiv comes after them. A city is the
// meeting's venue when no other trigger is nearer to it and no word of
// sequence stands between it and the meeting's cue.
bool DocumentExtraction::DefiniteSummit(uint32_t cue) const {
  if (cue < 4 || cue + 6 > text_.size()) return false;
  if (AsciiLower(Slice(text_, cue - 4, cue + 6)) != "the summit") return false;
  return cue + 6 == text_.size() || !IsWordByte(text_[cue + 6]);
}

bool DocumentExtraction::SameGovernment(const LeaderRef& a, const LeaderRef& b) const {
  if (!a.entry || !b.entry) return false;
  for (const LeaderRole& x : a.entry->roles) {
    for (const LeaderRole& y : b.entry->roles) {
      if (x.country.empty() || x.country != y.country || !InOffice(x) || !InOffice(y)) continue;
      return true;
    }
  }
  return false;
}

bool DocumentExtraction::VenueOfMeetingCue(const Sentence& s, size_t place) const {
  const uint32_t begin = s.place_begins[place], end = s.place_ends[place];
  auto distance = [&](uint32_t cue) {
    return cue >= end ? cue - end : begin - std::min(cue, begin);
  };
  uint32_t nearest_meeting = 0, best = std::numeric_limits<uint32_t>::max();
  for (uint32_t cue : s.meeting_positions) {
    if (distance(cue) < best) best = distance(cue), nearest_meeting = cue;
  }
  if (best == std::numeric_limits<uint32_t>::max()) return true;
  for (uint32_t cue : s.talks_positions) {
    bool also_meeting = std::find(s.meeting_positions.begin(), s.meeting_positions.end(), cue) !=
                        s.meeting_positions.end();
    if (!also_meeting && distance(cue) < best) return false;
  }
  uint32_t from = std::min(nearest_meeting, begin), to = std::max(nearest_meeting, end);
  std::string between = " " + AsciiLower(Slice(text_, from, to)) + " ";
  for (std::string_view word : {" after ", " before ", " following ", " ahead of ", " since "}) {
    if (between.find(word) != std::string::npos) return false;
  }
  return true;
}

// "Washington said ...", "Moscow's envoy": a capital standing for its
// government speaks; it is no venue.
bool DocumentExtraction::IsSpeaker(const Sentence& s, size_t place) const {
  std::string_view after = text_.substr(std::min<size_t>(s.place_ends[place], text_.size()));
  if (after.substr(0, 2) == "'s" || after.substr(0, 4) == "\xE2\x80\x99s") return true;
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  static constexpr std::string_view kVerbs[] = {
      "said",     "says",     "has said", "announced", "announces", "warned",  "warns",
      "insisted", "insists",  "accused",  "accuses",   "denied",    "denies",  "responded",
      "replied",  "retorted", "rejected", "rejects",   "welcomed",  "welcomes"};
  for (std::string_view verb : kVerbs) {
    if (after.substr(0, verb.size()) == verb &&
        (after.size() == verb.size() ||
         !std::isalpha(static_cast<unsigned char>(after[verb.size()])))) {
      return true;
    }
  }
  return false;
}

// "arrived in Kyiv for talks with Zelenskyy, a day after five hours with
// Putin in Moscow": a city is where the leader named nearest to it was.
// False when that leader is not one of `participants`.
bool DocumentExtraction::NearestLeaderTakesPart(const Sentence& s, size_t place,
                                                const std::vector<LeaderRef>& participants) const {
  const uint32_t begin = s.place_begins[place], end = s.place_ends[place];
  const LeaderRef* nearest = nullptr;
  uint32_t best = std::numeric_limits<uint32_t>::max();
  for (const LeaderRef& l : s.leaders) {
    uint32_t distance = l.end <= begin ? begin - l.end : l.begin >= end ? l.begin - end : 0;
    if (distance < best) best = distance, nearest = &l;
  }
  if (!nearest) return true;
  return std::any_of(participants.begin(), participants.end(),
                     [&](const LeaderRef& p) { return p.id == nearest->id; });
}

void DocumentExtraction::FindFrames() {
  for (size_t i = 0; i < sentences_.size(); ++i) DetectEvents(i);
}

}  // namespace etkg::extraction
