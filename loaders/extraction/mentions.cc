// Stage 2: leaders, titles, places, issues and cues, sentence by sentence.
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
#include "loaders/rules.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"
#include "loaders/topics.h"

namespace etkg::extraction {

std::string DocumentExtraction::PlaceCountry(uint32_t place) const {
  const PlaceEntry& p = g_.places()[place];
  if (p.type == "country") return p.id;
  return p.country;
}

LeaderRef DocumentExtraction::RefFromEntry(const LeaderEntry& entry, uint32_t begin,
                                           uint32_t end) const {
  LeaderRef ref;
  ref.id = entry.id;
  ref.label = entry.name;
  ref.entry = &entry;
  ref.country = g_.CountryOf(entry, event_anchor_);
  ref.begin = begin;
  ref.end = end;
  return ref;
}

bool DocumentExtraction::InOffice(const LeaderRole& r) const {
  auto day = event_anchor_.FirstDay();
  if (!day) return true;
  if (!r.from.is_null() && *day < *r.from.FirstDay()) return false;
  return r.to.is_null() || *day < *r.to.LastDay();
}

bool DocumentExtraction::FormerBefore(const Sentence& s, uint32_t begin) const {
  // "former US President Barack Obama": a former-cue within a few words
  // before the name, in the same sentence.
  uint32_t from = std::max<uint32_t>(s.span.begin, begin > 40 ? begin - 40 : 0);
  // Lowered on the stack: this runs for every name.
  char lowered[40];
  const std::string_view raw = Slice(text_, from, begin);
  for (size_t i = 0; i < raw.size(); ++i) {
    lowered[i] = raw[i] >= 'A' && raw[i] <= 'Z' ? static_cast<char>(raw[i] + ('a' - 'A')) : raw[i];
  }
  const std::string_view window(lowered, raw.size());
  for (std::string_view cue : {"former ", "late ", "ex-", "then-"}) {
    size_t at = window.rfind(cue);
    if (at == std::string_view::npos) continue;
    // Nothing that ends a phrase between the cue and the name.
    std::string_view between = window.substr(at);
    if (between.find_first_of(",;:()") == std::string_view::npos) return true;
  }
  return false;
}

std::optional<LeaderRef> DocumentExtraction::ResolveByRole(const std::string& role,
                                                           const std::string& country,
                                                           uint32_t begin, uint32_t end) const {
  if (country.empty()) return std::nullopt;
  // Prefer a leader the text names elsewhere who holds (or held) this title:
  // "the Russian President" in an undated article about Putin is Putin.
  std::vector<const LeaderEntry*> named;
  for (const std::string& id : named_leaders_) {
    if (former_leaders_.count(id)) continue;
    const LeaderEntry* e = g_.FindLeader(id);
    if (!e) continue;
    bool holds = false;
    for (const LeaderRole& r : e->roles) {
      if (r.role != role || r.country != country) continue;
      holds = holds || InOffice(r);
    }
    if (holds) named.push_back(e);
  }
  const LeaderEntry* found = named.size() == 1 ? named.front() : nullptr;
  if (!found && named.empty() && event_anchor_.has_year()) {
    found = g_.HolderOf(role, country, event_anchor_);
  }
  if (!found) return std::nullopt;
  LeaderRef ref = RefFromEntry(*found, begin, end);
  ref.by_title = true;
  return ref;
}

std::optional<std::pair<uint32_t, uint32_t>> DocumentExtraction::UnknownNameAt(
    const Sentence& s, uint32_t pos, size_t mention_index) const {
  // One to three capitalised words after a single space (or ", "), none of
  // them a name the gazetteer knows, a month, a weekday or a function word.
  // One word may be the sentence's next word; real titles with an unknown
  // name give a first and a last name, so two are needed.
  if (pos + 1 < s.span.end && text_[pos] == ',') ++pos;
  uint32_t name_begin = 0, name_end = 0;
  int words = 0;
  while (pos < s.span.end && words < 3) {
    if (text_[pos] != ' ') break;
    uint32_t w = pos + 1;
    if (w >= s.span.end || !IsUpper(text_[w])) break;
    uint32_t e = w;
    while (e < s.span.end && (IsWordCharAt(text_, e) || text_[e] == '-' || text_[e] == '.')) {
      e += (static_cast<unsigned char>(text_[e]) < 0x80) ? 1 : 2;
      while (e < s.span.end && (static_cast<unsigned char>(text_[e]) & 0xC0) == 0x80) ++e;
    }
    std::string_view word = Slice(text_, w, e);
    static constexpr std::string_view kStop[] = {
        "The",       "And",      "Of",       "In",       "On",     "To",      "For",
        "At",        "With",     "But",      "Has",      "Had",    "Was",     "Is",
        "Said",      "Says",     "Told",     "Will",     "Who",    "Monday",  "Tuesday",
        "Wednesday", "Thursday", "Friday",   "Saturday", "Sunday", "January", "February",
        "March",     "April",    "May",      "June",     "July",   "August",  "September",
        "October",   "November", "December", "Mr.",      "Mrs.",   "Ms.",     "Dr."};
    bool stop = std::find(std::begin(kStop), std::end(kStop), word) != std::end(kStop);
    bool known = false;
    for (size_t k = mention_index + 1; k < mentions_.size() && mentions_[k].begin <= w; ++k) {
      if (mentions_[k].begin == w) known = true;
    }
    if (stop || known || word.empty() || word.back() == '.') break;
    if (words == 0) name_begin = w;
    name_end = e;
    ++words;
    pos = e;
  }
  if (words < 2) return std::nullopt;
  return std::make_pair(name_begin, name_end);
}

void DocumentExtraction::ResolveTitle(Sentence* s, const Mention& m, const RoleWord& role) {
  // Plural titles ("Presidents") are not one person.
  if (m.end < text_.size() && text_[m.end] == 's') return;
  size_t index = &m - mentions_.data();
  // A name right after the title: "President Vladimir Putin". The name is
  // its own mention; the title adds nothing.
  if (index + 1 < mentions_.size()) {
    const Mention& next = mentions_[index + 1];
    if (next.begin >= m.end && next.begin - m.end <= 2 && next.Has(EntityType::kLeader)) return;
  }
  // A capitalised name the gazetteer lacks: "President Emmerson Mnangagwa".
  if (IsUpper(text_[m.begin])) {
    if (auto name = UnknownNameAt(*s, m.end, index)) {
      LeaderRef ref;
      ref.label = std::string(Slice(text_, name->first, name->second));
      ref.id = Slugify(ref.label);
      ref.begin = m.begin;
      ref.end = name->second;
      ref.former = FormerBefore(*s, m.begin);
      // The country from a demonym right before the title.
      if (index > 0) {
        const Mention& prev = mentions_[index - 1];
        if (prev.end <= m.begin && m.begin - prev.end <= 2) {
          if (const MatchTarget* t = prev.Find(EntityType::kDemonym)) {
            ref.country = PlaceCountry(t->index);
          } else if (const MatchTarget* t2 = prev.Find(EntityType::kPlace)) {
            ref.country = PlaceCountry(t2->index);
          }
        }
      }
      s->leaders.push_back(std::move(ref));
      return;
    }
  }
  if (FormerBefore(*s, m.begin)) return;
  // Whose title: "Russian President", "the U.S. President", "President of
  // Russia", or a bare "the President" of the text's own government.
  std::string country;
  uint32_t begin = m.begin, end = m.end;
  if (index > 0) {
    const Mention& prev = mentions_[index - 1];
    std::string_view gap = prev.end <= m.begin ? Slice(text_, prev.end, m.begin) : "x";
    if (gap.size() <= 2 && IsBlank(gap)) {
      const MatchTarget* t = prev.Find(EntityType::kDemonym);
      if (!t) t = prev.Find(EntityType::kPlace);
      if (t) {
        country = PlaceCountry(t->index);
        begin = prev.begin;
      }
    }
  }
  if (country.empty() && index + 1 < mentions_.size()) {
    const Mention& next = mentions_[index + 1];
    std::string_view gap = next.begin >= m.end ? Slice(text_, m.end, next.begin) : "x";
    if (gap == " of " || gap == " of the ") {
      if (const MatchTarget* t = next.Find(EntityType::kPlace)) {
        country = PlaceCountry(t->index);
        end = next.end;
        // "the president of Malawi, Lazarus Chakwera": a name the gazetteer
        // lacks, after the country.
        if (next.end + 2 < s->span.end && text_[next.end] == ',') {
          bool named_next = index + 2 < mentions_.size() &&
                            mentions_[index + 2].begin == next.end + 2 &&
                            mentions_[index + 2].Has(EntityType::kLeader);
          if (named_next) return;  // "..., Mauricio Macri": a name of its own.
          if (auto name = UnknownNameAt(*s, next.end, index + 1)) {
            LeaderRef ref;
            ref.label = std::string(Slice(text_, name->first, name->second));
            ref.id = Slugify(ref.label);
            ref.country = country;
            ref.begin = m.begin;
            ref.end = name->second;
            s->leaders.push_back(std::move(ref));
            return;
          }
        }
      }
    }
  }
  if (country.empty()) {
    // A bare title needs "the" before it and the text's own government.
    std::string_view before = Slice(text_, m.begin >= 4 ? m.begin - 4 : 0, m.begin);
    if (AsciiLower(before) != "the ") return;
    if (std::string_view(role.role) == "secretary-general") {
      if (auto ref = ResolveOrgRole(role.role, begin, end)) s->leaders.push_back(*ref);
      return;
    }
    if (home_country_.empty()) return;
    country = home_country_;
  }
  if (auto ref = ResolveByRole(role.role, country, begin, end)) s->leaders.push_back(*ref);
}

void DocumentExtraction::Analyze(Sentence* s) {
  for (size_t i = s->first_mention; i < s->last_mention; ++i) {
    const Mention& m = mentions_[i];
    for (uint32_t t = 0; t < m.num_targets; ++t) {
      const MatchTarget& target = m.targets[t];
      switch (target.type) {
        case EntityType::kLeader: {
          const LeaderEntry& e = g_.leaders()[target.index];
          // One literal may name several people ("Kim"): only the first.
          if (t > 0 && m.targets[t - 1].type == EntityType::kLeader) break;
          LeaderRef ref = RefFromEntry(e, m.begin, m.end);
          ref.former = FormerBefore(*s, m.begin);
          s->leaders.push_back(std::move(ref));
          break;
        }
        case EntityType::kPlace:
        case EntityType::kDemonym:
          // "US$40 billion" is an amount, not the United States.
          if (m.end < text_.size() && text_[m.end] == '$') break;
          s->places.push_back(target.index);
          s->place_begins.push_back(m.begin);
          s->place_ends.push_back(m.end);
          s->place_in_issue.push_back(false);
          break;
        case EntityType::kInstitution: {
          // "at the Kremlin", "in the Oval Office": a venue, in the capital.
          std::string_view before = text_.substr(0, m.begin);
          while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
          if (before.ends_with(" the")) before.remove_suffix(4);
          if (!before.ends_with(" at") && !before.ends_with(" in")) break;
          const PlaceEntry* country = g_.FindPlace(g_.institutions()[target.index].country);
          if (country && !country->capital.empty()) s->seat_capitals.push_back(country->capital);
          break;
        }
        case EntityType::kOrganization:
          s->organizations.push_back(target.index);
          break;
        case EntityType::kSummit: {
          // "the first leader of a G7 country": membership, not a summit.
          std::string_view after = text_.substr(m.end, 12);
          bool membership = false;
          for (std::string_view word : {" country", " countries", " member", " nation", " state",
                                        " partner", " econom", " format"}) {
            membership = membership || after.starts_with(word);
          }
          if (!membership) s->summits.push_back({target.index, m.begin, m.end});
          break;
        }
        case EntityType::kIssue: {
          s->issues.push_back(target.index);
          // "the war in Ukraine" names Ukraine, though the issue's name
          // took the words.
          std::string_view words = Slice(text_, m.begin, m.end);
          for (const std::string& id : g_.issues()[target.index].places) {
            const PlaceEntry* place = g_.FindPlace(id);
            if (!place) continue;
            std::vector<std::string_view> names = {place->name};
            names.insert(names.end(), place->aliases.begin(), place->aliases.end());
            for (std::string_view name : names) {
              size_t at = words.find(name);
              if (at == std::string_view::npos) continue;
              uint32_t begin = m.begin + static_cast<uint32_t>(at);
              uint32_t end = begin + static_cast<uint32_t>(name.size());
              if (IsWordCharBefore(text_, begin) ||
                  (end < text_.size() && IsWordCharAt(text_, end))) {
                continue;
              }
              s->places.push_back(static_cast<uint32_t>(place - g_.places().data()));
              s->place_begins.push_back(begin);
              s->place_ends.push_back(end);
              s->place_in_issue.push_back(true);
              break;
            }
          }
          break;
        }
        case EntityType::kCue: {
          if (target.index >= kDomainBase) break;  // An address: FindHomeCountry's.
          if (target.index >= kRoleBase) {
            ResolveTitle(s, m, English()->roles[target.index - kRoleBase]);
            break;
          }
          switch (static_cast<Cue>(target.index)) {
            case Cue::kCall:
              s->call = true;
              s->call_positions.push_back(m.begin);
              break;
            case Cue::kVideo:
              s->call = s->video = true;
              s->call_positions.push_back(m.begin);
              break;
            case Cue::kCallWeak:
              s->call_weak = true;
              break;
            case Cue::kMeeting:
              // "the G20 Summit", "APEC Meeting": part of the summit's name.
              if (!s->summits.empty() && m.begin <= s->summits.back().end + 1 &&
                  m.begin >= s->summits.back().end) {
                break;
              }
              s->meeting = true;
              s->meeting_positions.push_back(m.begin);
              break;
            case Cue::kHost:
              // "Putin hosted German Chancellor Angela Merkel", not "whose
              // country hosted the World Cup".
              if (LeaderFollows(*s, m)) {
                s->meeting = true;
                s->meeting_positions.push_back(m.begin);
              }
              break;
            case Cue::kCalled:
              // "President Obama called President Medvedev yesterday".
              if (LeaderFollows(*s, m)) {
                s->call = true;
                s->call_positions.push_back(m.begin);
              }
              break;
            case Cue::kVisit: {
              // "invited President Lula to visit Washington", "the
              // President's visit to St Petersburg": where the visit goes.
              size_t k = static_cast<size_t>(&m - mentions_.data()) + 1;
              if (k < s->last_mention && mentions_[k].begin <= m.end + 5 &&
                  (mentions_[k].Has(EntityType::kPlace))) {
                std::string_view gap = Slice(text_, m.end, mentions_[k].begin);
                if (gap == " " || gap == " to ") {
                  s->meeting = s->visit = true;
                  s->meeting_positions.push_back(m.begin);
                }
              }
              break;
            }
            case Cue::kDuration:
              s->duration = true;
              break;
            case Cue::kReadout:
              s->readout = true;
              s->readout_positions.push_back(m.begin);
              break;
            case Cue::kTalks:
              s->talks = true;
              s->talks_positions.push_back(m.begin);
              break;
            case Cue::kDiscuss:
              s->discuss = true;
              break;
            case Cue::kPair:
              s->discuss = s->pair = true;
              break;
            case Cue::kPressCall:
              s->press_call = true;
              break;
            case Cue::kPlanning:
              s->planning = true;
              break;
            default:
              break;
          }
          break;
        }
      }
    }
  }
  FindRelations(s);
  // One person named twice in a sentence ("President Trump ... Trump") is
  // one participant.
  std::vector<LeaderRef> unique;
  for (LeaderRef& ref : s->leaders) {
    auto it = std::find_if(unique.begin(), unique.end(),
                           [&](const LeaderRef& u) { return u.id == ref.id; });
    if (it == unique.end()) {
      unique.push_back(std::move(ref));
    } else {
      it->former = it->former && ref.former;
    }
  }
  std::sort(unique.begin(), unique.end(),
            [](const LeaderRef& a, const LeaderRef& b) { return a.begin < b.begin; });
  s->leaders = std::move(unique);
}

// The office a page speaks for, from its address: a State Department page
// is the Secretary of State's, a Kremlin page the Russian President's. A
// page whose address names no office (a repost, an archive) may say whose
// words it carries in its source field: "reposting the White House
// readout", "President of Russia (en.kremlin.ru)".
void DocumentExtraction::FindPrincipal() {
  auto resolve = [&](const Office& office) {
    principal_ = office.country.empty() ? ResolveOrgRole(office.role, 0, 0)
                                        : ResolveByRole(office.role, office.country, 0, 0);
    if (principal_) principal_->by_title = true;
  };
  std::string url = AsciiLower(doc_.meta.url);
  for (const Office& office : English()->offices) {
    if (url.find(office.domain) == std::string::npos) continue;
    if (!office.role.empty()) resolve(office);
    return;
  }
  // The source: an address of an office it quotes, or the office's name;
  // the first one it names.
  const std::string source = AsciiLower(doc_.meta.source);
  const Office* first = nullptr;
  size_t first_at = std::string::npos;
  for (const std::vector<Office>* table : {&English()->offices, &English()->issuers}) {
    for (const Office& office : *table) {
      size_t at = source.find(office.domain);
      if (at == std::string::npos || office.role.empty() || at >= first_at) continue;
      first = &office;
      first_at = at;
    }
  }
  if (first) resolve(*first);
}

// The issuer: the office of the page's address when it speaks for one
// office; else the office the source field names first ("reposting the
// White House readout"); else the office of the address (gov.uk); else an
// office address pasted in the text; else the outlet the source field
// names before its first comma or parenthesis ("Voice of America (VOA),
// preview copy"); else the address's host.
std::pair<std::string, std::string> DocumentExtraction::Issuer() const {
  const std::vector<Office>& offices = English()->offices;
  auto of = [](const Office& office) { return std::pair(office.name, office.country); };
  const std::string url = AsciiLower(doc_.meta.url);
  const Office* by_url = nullptr;
  for (const Office& office : offices) {
    if (url.find(office.domain) != std::string::npos) {
      by_url = &office;
      break;
    }
  }
  if (by_url && !by_url->role.empty()) return of(*by_url);
  const std::string source = AsciiLower(doc_.meta.source);
  const Office* first = nullptr;
  size_t first_at = std::string::npos;
  for (const std::vector<Office>* table : {&offices, &English()->issuers}) {
    for (const Office& office : *table) {
      size_t at = source.find(office.domain);
      if (at < first_at) first = &office, first_at = at;
    }
  }
  if (first) return of(*first);
  if (by_url) return of(*by_url);
  for (const Mention& m : mentions_) {
    for (uint32_t t = 0; t < m.num_targets; ++t) {
      if (m.targets[t].type == EntityType::kCue && m.targets[t].index >= kDomainBase) {
        return of(offices[m.targets[t].index - kDomainBase]);
      }
    }
  }
  std::string_view outlet = doc_.meta.source;
  outlet = outlet.substr(0, std::min(outlet.find(" ("), outlet.find_first_of(",;")));
  outlet = Trim(outlet);
  if (!outlet.empty() && outlet.size() <= 60) return {std::string(outlet), ""};
  std::string_view host = url;
  if (size_t scheme = host.find("://"); scheme != std::string_view::npos) {
    host.remove_prefix(scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.starts_with("www.")) host.remove_prefix(4);
  return {std::string(host), ""};
}

std::optional<LeaderRef> DocumentExtraction::ResolveOrgRole(const std::string& role, uint32_t begin,
                                                            uint32_t end) const {
  // "the Secretary-General": of a body, not a country. The one the text
  // names who holds it on the day, else the one holder of it then.
  auto day = event_anchor_.FirstDay();
  if (!day) return std::nullopt;
  auto holds = [&](const LeaderEntry& e) {
    for (const LeaderRole& r : e.roles) {
      if (r.role != role || r.organization.empty()) continue;
      if (!r.from.is_null() && *day < *r.from.FirstDay()) continue;
      if (!r.to.is_null() && *day >= *r.to.LastDay()) continue;
      return true;
    }
    return false;
  };
  const LeaderEntry* found = nullptr;
  int count = 0;
  for (const std::string& id : named_leaders_) {
    const LeaderEntry* e = g_.FindLeader(id);
    if (e && holds(*e)) found = e, ++count;
  }
  if (count != 1) {
    found = nullptr;
    count = 0;
    if (role == "secretary-general") {
      // Without a name, the United Nations' office, the one the title
      // names most.
      for (const LeaderEntry& e : g_.leaders()) {
        for (const LeaderRole& r : e.roles) {
          if (r.role == role && r.organization == "un" && holds(e)) found = &e, ++count;
        }
      }
    }
    if (count != 1) return std::nullopt;
  }
  LeaderRef ref = RefFromEntry(*found, begin, end);
  ref.by_title = true;
  return ref;
}

// "Japanese-Korean relations", "Korea-U.S. ties", "US-China relationship":
// two countries (by name or demonym) joined by a dash, then the word for
// their relations.
void DocumentExtraction::FindRelations(Sentence* s) const {
  auto country_of = [&](const Mention& m) -> std::string {
    const MatchTarget* t = m.Find(EntityType::kDemonym);
    if (!t) t = m.Find(EntityType::kPlace);
    if (!t) return "";
    const PlaceEntry& p = g_.places()[t->index];
    return p.type == "country" ? p.id : "";
  };
  static constexpr std::string_view kSeparators[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "/"};
  static constexpr std::string_view kHeads[] = {" relations", " ties", " relationship",
                                                " alliance"};
  for (size_t i = s->first_mention; i + 1 < s->last_mention; ++i) {
    const Mention& a = mentions_[i];
    const Mention& b = mentions_[i + 1];
    if (b.begin < a.end) continue;
    std::string_view gap = Slice(text_, a.end, b.begin);
    if (std::find(std::begin(kSeparators), std::end(kSeparators), gap) == std::end(kSeparators)) {
      continue;
    }
    std::string first = country_of(a), second = country_of(b);
    if (first.empty() || second.empty() || first == second) continue;
    std::string_view after = text_.substr(b.end, 14);
    for (std::string_view head : kHeads) {
      if (!after.starts_with(head)) continue;
      uint32_t end = b.end + static_cast<uint32_t>(head.size());
      if (end < text_.size() && IsWordCharAt(text_, end)) continue;  // "tiesto"
      if (second < first) std::swap(first, second);
      s->relations.push_back({a.begin, end, first, second});
      break;
    }
  }
}

void DocumentExtraction::FindMentions() {
  for (Sentence& s : sentences_) Analyze(&s);
  FindPrincipal();
}

}  // namespace etkg::extraction
