#include "loaders/extractor.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "graph/event_merge.h"
#include "graph/text.h"
#include "loaders/genre.h"
#include "loaders/matcher.h"
#include "loaders/rules.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"
#include "loaders/topics.h"

namespace etkg {
namespace {

// ---------------------------------------------------------------------------
// The lexicon: cue phrases that signal events, discussion and titles. Each is
// matched by the same Hyperscan pass as the gazetteer's names.

enum class Cue : uint32_t {
  kCall,       // "phone call", "spoke with": a call, if two leaders are named.
  kCallWeak,   // "the call", "conversation": the call the text is about.
  kVideo,      // "video call", "virtual meeting": a call by video.
  kMeeting,    // "met", "summit", "held talks": an in-person meeting.
  kHost,       // "hosted", "received": a meeting when a leader follows at once.
  kCalled,     // "called": a call when a leader follows at once ("called President X").
  kVisit,      // "visit", "visited": a meeting when a place follows ("visit Washington").
  kReadout,    // "readout": of a call, unless the sentence names a meeting.
  kDuration,   // "lasted": the sentence says how long the event took.
  kTalks,      // "talks", "negotiations": a meeting if a venue is named.
  kDiscuss,    // "discussed", "agreed", "regarding": what an event was about.
  kNegative,   // "calls for", "called on": not a call.
  kPressCall,  // "on background", "conference call": a call with the press.
  kPlanning,   // "arranging", "prospects of": an event still to come.
  kFormer,     // "former", "late": a leader no longer in office.
  kPair,       // "the two presidents": the two leaders just named; also kDiscuss.
  kRole,       // "President", "Prime Minister": a title (loaders/rules/en/titles.tsv).
};

struct RoleWord {
  std::string text;
  std::string role;  // Gazetteer role slug.
};

// The cue of each name used in loaders/rules/<language>/cues.tsv.
constexpr std::pair<std::string_view, Cue> kCueNames[] = {
    {"call", Cue::kCall},         {"call-weak", Cue::kCallWeak},  {"video", Cue::kVideo},
    {"meeting", Cue::kMeeting},   {"host", Cue::kHost},           {"called", Cue::kCalled},
    {"visit", Cue::kVisit},       {"readout", Cue::kReadout},     {"talks", Cue::kTalks},
    {"discuss", Cue::kDiscuss},   {"not-a-call", Cue::kNegative}, {"press-call", Cue::kPressCall},
    {"planning", Cue::kPlanning}, {"former", Cue::kFormer},       {"pair", Cue::kPair},
    {"duration", Cue::kDuration},
};

constexpr uint32_t kRoleBase = 1000;
constexpr uint32_t kDomainBase = 100000;  // Offices' web addresses, pasted in a text.

// A government's or a body's web address (loaders/rules/offices.tsv).
struct Office {
  std::string domain;
  std::string country;  // Place id; "" for an international body.
  std::string role;     // "" when its readouts are no one office's.
};

// The rules of one language, read once from the embedded tables.
struct Lexicon {
  // Cues, titles at kRoleBase + i, offices' addresses at kDomainBase + i.
  std::vector<CueLiteral> literals;
  std::vector<RoleWord> roles;
  std::vector<Office> offices;
};

Result<Lexicon> LoadLexicon(std::string_view language) {
  Lexicon lexicon;
  const std::string cue_file = "loaders/rules/" + std::string(language) + "/cues.tsv";
  Result<std::vector<RuleLine>> cues =
      ParseRuleTable(EmbeddedRules(std::string(language) + "/cues.tsv"), cue_file, 2);
  if (!cues.ok()) return cues.status();
  for (const RuleLine& rule : *cues) {
    auto it = std::find_if(std::begin(kCueNames), std::end(kCueNames),
                           [&](const auto& c) { return c.first == rule.fields[0]; });
    if (it == std::end(kCueNames)) {
      return Status::Invalid("unknown cue '" + rule.fields[0] + "'", {cue_file, rule.line});
    }
    lexicon.literals.push_back({rule.fields[1], static_cast<uint32_t>(it->second), true});
  }
  const std::string title_file = "loaders/rules/" + std::string(language) + "/titles.tsv";
  Result<std::vector<RuleLine>> titles =
      ParseRuleTable(EmbeddedRules(std::string(language) + "/titles.tsv"), title_file, 2);
  if (!titles.ok()) return titles.status();
  for (const RuleLine& rule : *titles) {
    // Titles keep their case: "President Trump", "the president".
    lexicon.literals.push_back(
        {rule.fields[0], static_cast<uint32_t>(kRoleBase + lexicon.roles.size()), false});
    lexicon.roles.push_back({rule.fields[0], rule.fields[1]});
  }
  Result<std::vector<RuleLine>> offices =
      ParseRuleTable(EmbeddedRules("offices.tsv"), "loaders/rules/offices.tsv", 3);
  if (!offices.ok()) return offices.status();
  for (const RuleLine& rule : *offices) {
    lexicon.literals.push_back(
        {rule.fields[0], static_cast<uint32_t>(kDomainBase + lexicon.offices.size()), true});
    lexicon.offices.push_back({rule.fields[0], rule.fields[1] == "-" ? "" : rule.fields[1],
                               rule.fields[2] == "-" ? "" : rule.fields[2]});
  }
  return lexicon;
}

// Read once; MakeExtractor reports a broken table (tests/loaders/
// rules_test.cc checks every line, so none ships).
const Result<Lexicon>& English() {
  static const Result<Lexicon> lexicon = LoadLexicon("en");
  return lexicon;
}

// ---------------------------------------------------------------------------
// Helpers over text.

std::string_view Slice(std::string_view text, uint32_t begin, uint32_t end) {
  return text.substr(begin, end - begin);
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\xC2\xA0") == std::string_view::npos;
}

// Where reader comments and page furniture begin: the first line, in the
// second part of a page, that only such junk starts with. Extraction stops
// there, so "Log Out" and comments never become events.
size_t JunkStart(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {
      "leave a reply",
      "leave a comment",
      "comments on",
      "comment on",
      "share this",
      "share on",
      "fill in your details",
      "you are commenting",
      "related posts",
      "related articles",
      "read more",
      "click to share",
      "like this:",
      "sign up for",
      "subscribe to",
      "your email address will not",
      "reader comments",
      "comments (",
      "log in to reply",
      "posted by",
  };
  size_t pos = text.size() / 3;  // Junk sits at the end, not in a headline.
  pos = text.rfind('\n', pos);
  pos = pos == std::string_view::npos ? 0 : pos + 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.size() < 120) {
      std::string lower = AsciiLower(line);
      size_t start = lower.find_first_not_of(" \t0123456789");
      if (start != std::string::npos) {
        std::string_view head = std::string_view(lower).substr(start);
        for (std::string_view marker : kMarkers) {
          if (head.substr(0, marker.size()) == marker) return pos;
          // "2 comments on “...”"
          if (marker == "comments on" && head.find(marker) != std::string_view::npos &&
              head.find(marker) < 4) {
            return pos;
          }
        }
      }
    }
    pos = end + 1;
  }
  return text.size();
}

// Evidence text is the sentence, cut (on a UTF-8 boundary) when very long.
std::string EvidenceText(std::string_view sentence) {
  constexpr size_t kMax = 600;
  if (sentence.size() <= kMax) return std::string(sentence);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  return std::string(sentence.substr(0, cut)) + "…";
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Letters and digits, lower-cased, every other run one space: "Obama, Abbas
// meet" and "OBAMA ABBAS MEET" read alike.
std::string FoldForCompare(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
      out += static_cast<char>(u);
      space = false;
    } else if (u >= 'A' && u <= 'Z') {
      out += static_cast<char>(u + ('a' - 'A'));
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A page's title names what the page is about ("Remarks ... Before Their
// Meeting"); it is read as the text's first line when the body does not
// open with it.
bool TitleMissingFrom(std::string_view title, std::string_view body) {
  std::string folded = FoldForCompare(title);
  if (folded.size() < 8) return false;
  // A title stands at the top: twice its length and a banner's worth.
  size_t head = std::min<size_t>(body.size(), 2 * title.size() + 400);
  return FoldForCompare(body.substr(0, head)).find(folded) == std::string::npos;
}

// ---------------------------------------------------------------------------
// What one document holds, sentence by sentence.

struct LeaderRef {
  std::string id;  // Without "leader/".
  std::string label;
  std::string country;                 // Place id, "" if unknown.
  const LeaderEntry* entry = nullptr;  // Null for a leader the gazetteer lacks.
  uint32_t begin = 0, end = 0;         // Where the name or title stands.
  bool former = false;
  bool by_title = false;  // Found from a title ("the Russian President").
};

struct Sentence {
  TextSpan span;
  size_t first_mention = 0, last_mention = 0;  // Range into Doc::mentions.
  std::vector<LeaderRef> leaders;
  std::vector<uint32_t> places, issues, organizations;
  std::vector<uint32_t> place_begins;  // Where each of `places` is named.
  std::vector<uint32_t> place_ends;
  std::vector<bool> place_in_issue;  // Named inside an issue's name: no venue.
  // Capitals of seats of government named as a venue: "met at the Kremlin".
  std::vector<std::string> seat_capitals;
  struct SummitRef {
    uint32_t index;  // Gazetteer summit.
    uint32_t begin;
    uint32_t end;
  };
  std::vector<SummitRef> summits;
  // "Japanese-Korean relations", "US-China ties": the relations of two
  // countries, a topic of its own.
  struct RelationsRef {
    uint32_t begin, end;
    std::string first, second;  // Place ids, in id order.
  };
  std::vector<RelationsRef> relations;
  std::vector<uint32_t> call_positions, meeting_positions, talks_positions;
  bool call = false, call_weak = false, video = false, meeting = false, talks = false;
  bool discuss = false, press_call = false, planning = false;
  bool visit = false;     // A meeting cue is "visit": a trip, dated or not.
  bool duration = false;  // "lasted": how long something took.
  bool readout = false;   // "Readout of ...": of what, the other cues say.
  std::vector<uint32_t> readout_positions;
  bool pair = false;  // "the two leaders": who, the sentences before tell.
};

struct EventMention {
  NodeKind kind = NodeKind::kCall;
  std::string identity;
  std::vector<LeaderRef> participants;
  DateValue date;
  std::string rule;
  std::string series;  // Gazetteer summit id.
  std::string format;  // Summits: bilateral, multilateral, talks.
  std::string label;
  bool video = false;
  std::vector<std::string> places;
  std::vector<double> durations;
  size_t sentence = 0;
  std::optional<size_t> sentence_extra;  // Another sentence it relies on (a memo's date line).
  bool primary = true;                   // The happening the sentence reports, not one it names.
  bool weak = false;                     // A pointer back at "the call" without a name.
};

struct DocEvent {
  Node node;
  std::vector<LeaderRef> participants;
  std::vector<size_t> sentences;  // Evidence.
  std::vector<double> durations;
  std::vector<std::string> places;
  bool primary = false;
  size_t first_sentence = 0;
};

bool FirstPerson(std::string_view sentence);

class DocumentExtraction {
 public:
  DocumentExtraction(const Gazetteer& g, const NameMatcher& matcher, const TemporalTagger& tagger,
                     const Document& doc)
      : g_(g), matcher_(matcher), tagger_(tagger), doc_(doc), text_(doc.text) {}

  Result<EventGraph> Run();

 private:
  void FindAnchor();
  PartialDate HeaderDate() const;
  void FindHomeCountry();
  void FindTitleSentences();
  void FindSpeakers();
  void FindPrincipal();
  void Analyze(Sentence* s);
  void ResolveTitle(Sentence* s, const Mention& m, const RoleWord& role);
  // The byte range of an unknown capitalised name starting after `pos`.
  std::optional<std::pair<uint32_t, uint32_t>> UnknownNameAt(const Sentence& s, uint32_t pos,
                                                             size_t mention_index) const;
  std::optional<LeaderRef> ResolveByRole(const std::string& role, const std::string& country,
                                         uint32_t begin, uint32_t end) const;
  std::optional<LeaderRef> ResolveOrgRole(const std::string& role, uint32_t begin,
                                          uint32_t end) const;
  LeaderRef RefFromEntry(const LeaderEntry& entry, uint32_t begin, uint32_t end) const;
  void DetectEvents(size_t index);
  bool IsSpeaker(const Sentence& s, size_t place) const;
  void FindRelations(Sentence* s) const;
  bool VenueWordBefore(const Sentence& s, size_t place) const;
  bool VenueOfMeetingCue(const Sentence& s, size_t place) const;
  bool LeaderFollows(const Sentence& s, const Mention& m) const;
  bool SummitIsTheSubject() const;
  struct NamedMeeting {
    uint32_t begin, end;
  };
  std::vector<NamedMeeting> NamedMeetings(const Sentence& s) const;
  bool NearestLeaderTakesPart(const Sentence& s, size_t place,
                              const std::vector<LeaderRef>& participants) const;
  void ClusterEvents();
  Result<EventGraph> Build();
  Status AddOpenTopics(size_t index, const std::vector<std::string>& event_ids,
                       EventGraph* graph) const;

  Evidence EvidenceFor(size_t sentence) const;
  std::string PlaceCountry(uint32_t place) const;
  bool FormerBefore(const Sentence& s, uint32_t begin) const;

  const Gazetteer& g_;
  const NameMatcher& matcher_;
  const TemporalTagger& tagger_;
  const Document& doc_;
  std::string_view text_;

  // The text analysed: the metadata's title, when the body does not open
  // with it, then the body. Offsets below body_begin_ are the title's.
  std::string analysis_;
  uint32_t body_begin_ = 0;
  size_t dateline_end_ = 0;   // doc_.dateline_end in analysis_.
  PartialDate issue_date_;    // The day the text was issued, when known.
  PartialDate anchor_;        // For the tagger.
  PartialDate event_anchor_;  // For leaders in office: a day when known.
  bool strong_anchor_ = false;
  std::string home_country_;
  std::vector<Mention> mentions_;
  std::vector<Sentence> sentences_;
  std::vector<EventMention> event_mentions_;
  std::vector<DocEvent> events_;
  std::vector<std::pair<size_t, size_t>> refers_;  // (from, to) event indexes.
  // Interned once per document and per sentence: a sentence is evidence for
  // many edges.
  mutable InternedString evidence_doc_;
  mutable std::vector<InternedString> evidence_text_;
  std::set<std::string> named_leaders_;  // Gazetteer ids named in the text.
  std::set<std::string> former_leaders_;
  std::map<size_t, size_t> sentence_event_;  // Sentence -> event it is about.
  // Sentences that name the document itself (its title or headline): an
  // event there is what the document is about.
  std::vector<bool> title_sentence_;
  // The office that issued the document ("the Secretary of State" of a
  // State Department page), for events whose other side the title names.
  std::optional<LeaderRef> principal_;
  // In a transcript, who says each sentence ("SECRETARY KERRY: ...").
  std::vector<std::optional<LeaderRef>> speaker_;
  int speaker_lines_ = 0;
  std::string genre_;  // loaders/genre.h
};

// The date a text was issued, when its header gives it on a line of its
// own ("OCTOBER 14, 2023", "New York, 24 September 2013", "Moscow, Russia /
// July 15, 2016"): a line of a few words that is mostly one full date.
PartialDate DocumentExtraction::HeaderDate() const {
  std::string_view body = text_.substr(body_begin_);
  size_t pos = 0;
  for (int lines = 0; lines < 16 && pos < body.size() && pos < 2000; ++lines) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() < 6 || line.size() > 60) continue;
    std::vector<TimeExpression> dates = tagger_.Tag(line, PartialDate(), Tense::kPast);
    if (dates.size() != 1 || dates[0].rule != kRuleExplicit ||
        dates[0].value.precision() != DatePrecision::kDay) {
      continue;
    }
    // Around the date, at most a place of three words: no sentence.
    std::string rest = std::string(line.substr(0, dates[0].offset)) + " " +
                       std::string(line.substr(dates[0].offset + dates[0].length));
    std::string folded = FoldForCompare(rest);
    if (std::count(folded.begin(), folded.end(), ' ') >= 3) continue;
    auto day = dates[0].value.FirstDay();
    if (!day) continue;
    return PartialDate::FromDays(*day);
  }
  return PartialDate();
}

void DocumentExtraction::FindAnchor() {
  const PartialDate& published = doc_.meta.published;
  issue_date_ = HeaderDate();
  if (published.has_year()) {
    anchor_ = published;
    strong_anchor_ = true;
    // A page published after its text was issued (a repost, a page put up
    // days later): "today" is the day the text itself gives.
    auto issued = issue_date_.FirstDay();
    auto page = published.FirstDay();
    if (issued && page && published.precision() == DatePrecision::kDay && *issued <= *page &&
        *page - *issued <= 7) {
      anchor_ = issue_date_;
    }
  } else if (issue_date_.FirstDay()) {
    anchor_ = issue_date_;
    strong_anchor_ = true;
  } else {
    // No date of its own: the latest explicit year in the text gives the
    // year, but not a day that "today" or "on Tuesday" could count from.
    PartialDate latest = LatestExplicitDate(text_);
    if (latest.has_year()) anchor_ = *PartialDate::Make(latest.year());
  }
  event_anchor_ = anchor_;
  if (anchor_.precision() == DatePrecision::kYear) {
    event_anchor_ = *PartialDate::Make(anchor_.year(), 7, 1);
  }
}

void DocumentExtraction::FindHomeCountry() {
  // The government a readout speaks for: the first seat of government named
  // ("the White House"), else the country of the dateline's place.
  for (const Mention& m : mentions_) {
    if (const MatchTarget* t = m.Find(EntityType::kInstitution)) {
      home_country_ = g_.institutions()[t->index].country;
      return;
    }
  }
  // A readout's own web address: in its metadata, or pasted in its text
  // (found by the matcher's one pass).
  const std::vector<Office>& offices = English()->offices;
  std::string url = AsciiLower(doc_.meta.url);
  for (const Office& office : offices) {
    if (!office.country.empty() && url.find(office.domain) != std::string::npos &&
        g_.FindPlace(office.country)) {
      home_country_ = office.country;
      return;
    }
  }
  for (const Mention& m : mentions_) {
    for (uint32_t t = 0; t < m.num_targets; ++t) {
      if (m.targets[t].type != EntityType::kCue || m.targets[t].index < kDomainBase) continue;
      const Office& office = offices[m.targets[t].index - kDomainBase];
      if (!office.country.empty() && g_.FindPlace(office.country)) {
        home_country_ = office.country;
        return;
      }
    }
  }
  if (!doc_.dateline_place.empty()) {
    std::string wanted = AsciiLower(doc_.dateline_place);
    for (size_t i = 0; i < g_.places().size(); ++i) {
      const PlaceEntry& p = g_.places()[i];
      bool hit = AsciiLower(p.name) == wanted;
      for (const auto& a : p.aliases) hit = hit || AsciiLower(a) == wanted;
      if (hit) {
        home_country_ = PlaceCountry(static_cast<uint32_t>(i));
        return;
      }
    }
  }
}

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

bool DocumentExtraction::FormerBefore(const Sentence& s, uint32_t begin) const {
  // "former US President Barack Obama": a former-cue within a few words
  // before the name, in the same sentence.
  uint32_t from = std::max<uint32_t>(s.span.begin, begin > 40 ? begin - 40 : 0);
  std::string window = AsciiLower(Slice(text_, from, begin));
  for (std::string_view cue : {"former ", "late ", "ex-", "then-"}) {
    size_t at = window.rfind(cue);
    if (at == std::string::npos) continue;
    // Nothing that ends a phrase between the cue and the name.
    std::string_view between = std::string_view(window).substr(at);
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
      bool in_office = true;
      if (auto day = event_anchor_.FirstDay()) {
        if (!r.from.is_null() && *day < *r.from.FirstDay()) in_office = false;
        if (!r.to.is_null() && *day >= *r.to.LastDay()) in_office = false;
      }
      holds = holds || in_office;
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

void DocumentExtraction::FindTitleSentences() {
  title_sentence_.assign(sentences_.size(), false);
  if (body_begin_ > 0) {
    for (size_t i = 0; i < sentences_.size() && sentences_[i].span.begin < body_begin_; ++i) {
      title_sentence_[i] = true;
    }
    return;
  }
  std::string title = FoldForCompare(doc_.meta.title);
  if (title.size() < 8) return;
  // The headline that repeats the title, among the first lines.
  for (size_t i = 0; i < sentences_.size() && i < 6 && sentences_[i].span.begin < 1200; ++i) {
    std::string sentence =
        FoldForCompare(Slice(text_, sentences_[i].span.begin, sentences_[i].span.end));
    if (sentence.size() >= 8 &&
        (sentence.find(title) != std::string::npos || title.find(sentence) != std::string::npos)) {
      title_sentence_[i] = true;
      return;
    }
  }
}

// "PRESIDENT BIDEN:  Well, welcome", "FOREIGN MINISTER LAVROV: (Via
// interpretation)", "President of Russia Vladimir Putin: Mr Secretary":
// a line that opens with a short label naming a leader the text names,
// then a colon, starts what that leader says.
void DocumentExtraction::FindSpeakers() {
  speaker_.assign(sentences_.size(), std::nullopt);
  std::optional<LeaderRef> current;
  size_t next_sentence = 0;
  size_t pos = body_begin_;
  while (pos < text_.size()) {
    size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(pos, end - pos);
    size_t colon = line.find(':');
    // "United States Secretary of State John Kerry" with the colon on the
    // next line.
    if (colon == std::string_view::npos && end + 1 < text_.size() && text_[end + 1] == ':') {
      colon = line.size();
    }
    std::optional<LeaderRef> speaker;
    if (colon != std::string_view::npos && colon >= 4 && colon <= 70) {
      std::string_view label = line.substr(0, colon);
      bool words_only = label.find_first_of(".;,!?\"“”()") == std::string_view::npos ||
                        label.find("Mr.") != std::string_view::npos;
      size_t spaces = std::count(label.begin(), label.end(), ' ');
      if (words_only && spaces <= 8) {
        uint32_t lb = static_cast<uint32_t>(pos), le = static_cast<uint32_t>(pos + colon);
        auto first = std::lower_bound(mentions_.begin(), mentions_.end(), lb,
                                      [](const Mention& m, uint32_t at) { return m.begin < at; });
        for (auto m_it = first; m_it != mentions_.end() && m_it->begin < le; ++m_it) {
          const Mention& m = *m_it;
          if (const MatchTarget* t = m.Find(EntityType::kLeader)) {
            speaker = RefFromEntry(g_.leaders()[t->index], m.begin, m.end);
          }
        }
        // "SECRETARY KERRY": the last word, in any case, is the surname of
        // a leader the text names.
        if (!speaker) {
          size_t last = label.find_last_of(' ');
          std::string surname =
              AsciiLower(last == std::string_view::npos ? label : label.substr(last + 1));
          for (const std::string& id : named_leaders_) {
            const LeaderEntry* e = g_.FindLeader(id);
            if (!e || surname.size() < 3) continue;
            std::string name = AsciiLower(e->name);
            if (name.size() > surname.size() && name.ends_with(surname) &&
                name[name.size() - surname.size() - 1] == ' ') {
              speaker = RefFromEntry(*e, lb, le);
            }
          }
        }
      }
    }
    if (speaker) {
      current = speaker;
      ++speaker_lines_;
    }
    while (next_sentence < sentences_.size() && sentences_[next_sentence].span.begin < end) {
      if (sentences_[next_sentence].span.begin >= pos) speaker_[next_sentence] = current;
      ++next_sentence;
    }
    pos = end + 1;
  }
}

// The office a page speaks for, from its address: a State Department page
// is the Secretary of State's, a Kremlin page the Russian President's.
void DocumentExtraction::FindPrincipal() {
  std::string url = AsciiLower(doc_.meta.url);
  for (const Office& office : English()->offices) {
    if (url.find(office.domain) == std::string::npos) continue;
    if (office.role.empty()) return;
    principal_ = office.country.empty() ? ResolveOrgRole(office.role, 0, 0)
                                        : ResolveByRole(office.role, office.country, 0, 0);
    if (principal_) principal_->by_title = true;
    return;
  }
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

std::string IdentityOf(const std::vector<LeaderRef>& participants) {
  std::vector<std::string> ids;
  for (const LeaderRef& p : participants) ids.push_back(p.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string identity;
  for (const std::string& id : ids) identity += (identity.empty() ? "" : "+") + id;
  return identity;
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

  std::vector<LeaderRef> actors;
  for (const LeaderRef& l : s.leaders) {
    if (!l.former) actors.push_back(l);
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
    if (!other && speaker_[index] && FirstPerson(sentence)) other = speaker_[index];
    if (other && other->id != actors.front().id) {
      other->begin = other->end = s.span.begin;
      actors.push_back(*other);
    }
  }

  // A call still to come ("agreed to speak again by telephone") is an
  // event only when the text gives its date.
  bool planned = s.planning || tense == Tense::kFuture;
  if (call && actors.size() >= 2) {
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
  bool met = !call && s.meeting && actors.size() >= 2 && (!meeting_planned || to_come);
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
    std::vector<std::vector<LeaderRef>> separate;
    if (e.participants.size() >= 3 && !borrowed && !s.meeting_positions.empty()) {
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
        for (const LeaderRef& guest : guests) separate.push_back({hosts.front(), guest});
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
      if (place.type != "city" && place.type != "capital") continue;
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
        for (std::vector<LeaderRef>& pair : separate) {
          EventMention one = e;
          one.participants = std::move(pair);
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
      if ((place.type == "city" || place.type == "capital") && (inside || after) &&
          !s.place_in_issue[p]) {
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

void DocumentExtraction::ClusterEvents() {
  // Strong mentions first: they make events. Mentions of one kind and
  // identity with compatible dates are one event; an undated one joins the
  // only dated event it can be.
  for (EventMention& m : event_mentions_) {
    if (m.identity.empty()) m.identity = IdentityOf(m.participants);
  }
  auto date_rule_better = [](const EventMention& m, const DocEvent& e) {
    std::string rule;
    if (auto it = e.node.attrs.find("date_rule"); it != e.node.attrs.end()) {
      rule = std::get<std::string>(it->second);
    }
    return BetterEventDate(m.date, m.rule, 1, e.node.date, rule, 1);
  };
  auto add_to = [&](DocEvent& e, const EventMention& m) {
    e.sentences.push_back(m.sentence);
    if (m.sentence_extra) e.sentences.push_back(*m.sentence_extra);
    e.durations.insert(e.durations.end(), m.durations.begin(), m.durations.end());
    e.places.insert(e.places.end(), m.places.begin(), m.places.end());
    for (const LeaderRef& p : m.participants) {
      bool seen = std::any_of(e.participants.begin(), e.participants.end(),
                              [&](const LeaderRef& q) { return q.id == p.id; });
      if (!seen && !m.weak) e.participants.push_back(p);
    }
    if (!m.weak && date_rule_better(m, e)) {
      e.node.date = m.date;
      e.node.attrs["date_rule"] = m.rule;
    }
    if (m.video) e.node.attrs["medium"] = std::string("video");
    e.primary = e.primary || m.primary;
    e.first_sentence = std::min(e.first_sentence, m.sentence);
  };
  // The events of each kind and identity, so that a mention is compared
  // with its own kind of event only: a long digest of many calls stays
  // linear in its length.
  std::map<std::pair<NodeKind, std::string>, std::vector<size_t>> by_identity;
  // Dated mentions found first make the events; then the undated ones join.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < event_mentions_.size(); ++i) {
      const EventMention& m = event_mentions_[i];
      if (m.weak) continue;
      if ((pass == 0) == m.date.is_null()) continue;
      std::vector<size_t>& same = by_identity[{m.kind, m.identity}];
      std::vector<size_t> fits;
      for (size_t k : same) {
        const DocEvent& e = events_[k];
        if (m.date.is_null() || e.node.date.is_null() ||
            m.date.CompatibleWith(e.node.date, kMergeToleranceDays) ||
            e.node.date.Contains(m.date)) {
          fits.push_back(k);
        }
      }
      if (fits.size() == 1) {
        add_to(events_[fits[0]], m);
      } else if (fits.empty() && (!m.date.is_null() || m.primary)) {
        DocEvent e;
        e.node.kind = m.kind;
        e.node.attrs["identity"] = m.identity;
        e.node.attrs["date_rule"] = m.rule;
        e.node.date = m.date;
        if (m.kind == NodeKind::kSummit) e.node.attrs["format"] = m.format;
        if (m.kind == NodeKind::kCall) e.node.attrs["medium"] = std::string("phone");
        if (!m.series.empty()) e.node.attrs["series"] = m.series;
        e.node.label = m.label;
        e.first_sentence = m.sentence;
        add_to(e, m);
        same.push_back(events_.size());
        events_.push_back(std::move(e));
      }
    }
  }
  // A call with no date in its sentences takes the document's own date when
  // the document is a dated report (a readout says "spoke with", no "today").
  for (DocEvent& e : events_) {
    if (e.node.date.is_null() && e.primary && strong_anchor_ &&
        anchor_.precision() == DatePrecision::kDay) {
      e.node.date = anchor_;
      e.node.attrs["date_rule"] = std::string(kRuleDocumentDate);
    }
  }
  // A headline's word for the event is loose: "Sunak holds talks with
  // Modi" over the readout of a phone call is that call. An event named
  // only in the title joins the body's event of the same sides and a
  // compatible date, whatever its kind.
  std::vector<bool> merged(events_.size(), false);
  for (size_t k = 0; k < events_.size(); ++k) {
    DocEvent& headline = events_[k];
    bool title_only = std::all_of(headline.sentences.begin(), headline.sentences.end(),
                                  [&](size_t i) { return title_sentence_[i]; });
    if (!title_only || headline.node.attrs.count("series")) continue;
    for (size_t j = 0; j < events_.size(); ++j) {
      DocEvent& body = events_[j];
      if (j == k || merged[j] || body.node.kind == headline.node.kind) continue;
      if (body.node.attrs.count("series") ||
          body.participants.size() != headline.participants.size()) {
        continue;
      }
      if (IdentityOf(body.participants) != IdentityOf(headline.participants)) continue;
      bool dates_fit = headline.node.date.is_null() || body.node.date.is_null() ||
                       headline.node.date.CompatibleWith(body.node.date, kMergeToleranceDays);
      if (!dates_fit) continue;
      body.sentences.insert(body.sentences.end(), headline.sentences.begin(),
                            headline.sentences.end());
      body.primary = body.primary || headline.primary;
      body.first_sentence = std::min(body.first_sentence, headline.first_sentence);
      merged[k] = true;
      break;
    }
  }
  if (std::find(merged.begin(), merged.end(), true) != merged.end()) {
    std::vector<DocEvent> kept;
    for (size_t k = 0; k < events_.size(); ++k) {
      if (!merged[k]) kept.push_back(std::move(events_[k]));
    }
    events_ = std::move(kept);
  }
  // Weak mentions ("the call lasted two and a half hours") go to the call
  // they follow, or the first one after them.
  std::vector<size_t> calls;
  for (size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].node.kind == NodeKind::kCall) calls.push_back(k);
  }
  for (const EventMention& m : event_mentions_) {
    if (!m.weak || calls.empty()) continue;
    std::optional<size_t> target;
    for (size_t k : calls) {
      // A weak mention naming someone who is not in a call is not about it.
      bool consistent =
          std::all_of(m.participants.begin(), m.participants.end(), [&](const LeaderRef& p) {
            return std::any_of(events_[k].participants.begin(), events_[k].participants.end(),
                               [&](const LeaderRef& q) { return q.id == p.id; });
          });
      if (!consistent) continue;
      if (!target || events_[k].first_sentence <= m.sentence) target = k;
    }
    if (target) add_to(events_[*target], m);
  }
  // The event each sentence is about: the last primary event at or before it,
  // else the first after it.
  std::vector<std::pair<size_t, size_t>> primary;  // (first sentence, event)
  for (size_t k = 0; k < events_.size(); ++k) {
    if (!events_[k].primary) continue;
    for (size_t sentence : events_[k].sentences) primary.push_back({sentence, k});
  }
  std::sort(primary.begin(), primary.end());
  for (size_t i = 0; i < sentences_.size(); ++i) {
    std::optional<size_t> about;
    for (const auto& [sentence, k] : primary) {
      if (sentence <= i) about = k;
    }
    if (!about && !primary.empty()) about = primary.front().second;
    if (about) sentence_event_[i] = *about;
  }
  // Events named from within another's sentences: "a personal meeting
  // during the G20 summit" in a call's readout.
  for (size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].primary) continue;
    for (size_t sentence : events_[k].sentences) {
      auto it = sentence_event_.find(sentence);
      if (it != sentence_event_.end() && it->second != k) refers_.push_back({it->second, k});
    }
  }
  std::sort(refers_.begin(), refers_.end());
  refers_.erase(std::unique(refers_.begin(), refers_.end()), refers_.end());
}

Evidence DocumentExtraction::EvidenceFor(size_t sentence) const {
  const TextSpan& span = sentences_[sentence].span;
  if (evidence_text_.empty()) {
    evidence_doc_ = doc_.id;
    evidence_text_.resize(sentences_.size());
  }
  InternedString& text = evidence_text_[sentence];
  if (text.empty()) text = EvidenceText(Slice(text_, span.begin, span.end));
  Evidence ev;
  ev.doc = evidence_doc_;
  // The title comes from the metadata, not from the text: no offset.
  if (span.begin >= body_begin_) {
    ev.offset = span.begin - body_begin_;
    ev.length = span.end - span.begin;
  }
  ev.text = text;
  return ev;
}

// How a label names a person: the shortest one-word alias the gazetteer
// gives ("Putin", "Xi", "Lula"), else the full name ("Kim Jong Un").
std::string ShortName(const LeaderRef& leader) {
  std::string best;
  if (leader.entry) {
    for (const std::string& alias : leader.entry->aliases) {
      if (alias.find(' ') != std::string::npos || alias.size() < 2) continue;
      if (leader.label.find(alias) == std::string::npos) continue;
      if (best.empty() || alias.size() < best.size()) best = alias;
    }
  }
  return best.empty() ? leader.label : best;
}

// The most common value, the largest on a tie.
double Mode(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double best = values.front();
  size_t best_count = 0;
  for (size_t i = 0; i < values.size();) {
    size_t j = i;
    while (j < values.size() && values[j] == values[i]) ++j;
    if (j - i >= best_count) {
      best = values[i];
      best_count = j - i;
    }
    i = j;
  }
  return best;
}

// What a discussing clause is about, in its own words, where no issue of
// the gazetteer names it: "discussed pandemic preparedness".
Status DocumentExtraction::AddOpenTopics(size_t index, const std::vector<std::string>& event_ids,
                                         EventGraph* graph) const {
  const Sentence& s = sentences_[index];
  auto it = sentence_event_.find(index);
  if (it == sentence_event_.end()) return Status::Ok();
  const DocEvent& e = events_[it->second];
  // Only a sentence that says what an event was about ("discussed",
  // "exchanged views", "condolences"): the cue pass has found its verb.
  if (!s.discuss) return Status::Ok();
  for (const Sentence::RelationsRef& r : s.relations) {
    const PlaceEntry* first = g_.FindPlace(r.first);
    const PlaceEntry* second = g_.FindPlace(r.second);
    if (!first || !second) continue;
    const std::string id = "issue/" + r.first + "-" + r.second + "-relations";
    if (!graph->FindNode(id)) {
      Node n;
      n.id = id;
      n.kind = NodeKind::kIssue;
      n.label = first->name + "\xE2\x80\x93" + second->name + " relations";
      n.attrs["vocabulary"] = std::string("relations");
      if (Status st = graph->AddNode(std::move(n)); !st.ok()) return st;
    }
    // The surface form is a name people use: "Korea-U.S. relations".
    Node alias;
    alias.id = id;
    alias.kind = NodeKind::kIssue;
    alias.label = graph->FindNode(id)->label;
    alias.aliases = {std::string(Slice(text_, r.begin, r.end))};
    if (Status st = graph->AddNode(std::move(alias)); !st.ok()) return st;
    Edge edge;
    edge.source = event_ids[it->second];
    edge.target = id;
    edge.kind = EdgeKind::kDiscussed;
    edge.date = e.node.date;
    edge.date_rule = edge.date.is_null() ? "" : std::get<std::string>(e.node.attrs.at("date_rule"));
    edge.confidence = 0.8;
    edge.evidence = {EvidenceFor(index)};
    if (Status st = graph->AddEdge(std::move(edge)); !st.ok()) return st;
    // Both countries are named in the sentence.
    for (const std::string& place : {r.first, r.second}) {
      Edge concerns;
      concerns.source = id;
      concerns.target = "place/" + place;
      concerns.kind = EdgeKind::kConcerns;
      concerns.date = e.node.date;
      concerns.date_rule = edge.date_rule;
      concerns.evidence = {EvidenceFor(index)};
      if (!graph->FindNode(concerns.target)) continue;
      if (Status st = graph->AddEdge(std::move(concerns)); !st.ok()) return st;
    }
  }
  std::string_view sentence = Slice(text_, s.span.begin, s.span.end);
  // An issue of the gazetteer inside a phrase says it better; a name alone
  // ("discussed Ukraine") is that issue or no topic; the relations of two
  // countries are a topic of their own.
  auto keep = [&](size_t topic_begin, size_t topic_end) {
    const uint32_t begin = s.span.begin + static_cast<uint32_t>(topic_begin);
    const uint32_t end = s.span.begin + static_cast<uint32_t>(topic_end);
    uint32_t named = 0;
    for (size_t k = s.first_mention; k < s.last_mention; ++k) {
      const Mention& m = mentions_[k];
      if (m.end <= begin || m.begin >= end) continue;
      if (m.Has(EntityType::kIssue)) return false;
      if (m.begin >= begin && m.end <= end) named += m.end - m.begin;
    }
    bool relations = std::any_of(s.relations.begin(), s.relations.end(),
                                 [&](const auto& r) { return r.begin < end && begin < r.end; });
    return !relations && named * 10 < (end - begin) * 7;
  };
  for (const Topic& topic : FindTopics(sentence, keep)) {
    const uint32_t begin = s.span.begin + static_cast<uint32_t>(topic.begin);
    const uint32_t end = s.span.begin + static_cast<uint32_t>(topic.end);
    // "7-8 July 2017" is when, not what.
    if (!tagger_.Tag(Slice(text_, begin, end), anchor_, Tense::kPast).empty()) continue;
    std::string id = "issue/" + topic.key;
    if (!graph->FindNode(id)) {
      Node n;
      n.id = id;
      n.kind = NodeKind::kIssue;
      n.label = topic.label;
      n.attrs["vocabulary"] = std::string("open");
      if (Status st = graph->AddNode(std::move(n)); !st.ok()) return st;
    }
    Edge edge;
    edge.source = event_ids[it->second];
    edge.target = id;
    edge.kind = EdgeKind::kDiscussed;
    edge.date = e.node.date;
    edge.date_rule = edge.date.is_null() ? "" : std::get<std::string>(e.node.attrs.at("date_rule"));
    edge.confidence = 0.6;
    edge.evidence = {EvidenceFor(index)};
    if (Status st = graph->AddEdge(std::move(edge)); !st.ok()) return st;
  }
  return Status::Ok();
}

Result<EventGraph> DocumentExtraction::Build() {
  EventGraph graph;
  const std::string doc_id = "doc/" + doc_.id;
  Node doc_node;
  doc_node.id = doc_id;
  doc_node.kind = NodeKind::kDocument;
  doc_node.label = doc_.meta.title.empty() ? doc_.id : doc_.meta.title;
  doc_node.date = doc_.meta.published;
  if (!doc_.path.empty()) doc_node.attrs["path"] = doc_.path;
  if (!doc_.meta.url.empty()) doc_node.attrs["url"] = doc_.meta.url;
  if (!doc_.meta.source.empty()) doc_node.attrs["source"] = doc_.meta.source;
  if (!doc_.date_source.empty()) doc_node.attrs["date_source"] = doc_.date_source;
  doc_node.attrs["genre"] = genre_;
  if (Status s = graph.AddNode(std::move(doc_node)); !s.ok()) return s;

  auto add_node = [&](Node node) -> Status { return graph.AddNode(std::move(node)); };
  auto add_edge = [&](const std::string& source, const std::string& target, EdgeKind kind,
                      const DateValue& date, const std::string& rule, double confidence,
                      std::vector<Evidence> evidence) -> Status {
    Edge e;
    e.source = source;
    e.target = target;
    e.kind = kind;
    e.date = date;
    e.date_rule = date.is_null() ? "" : rule;
    e.confidence = confidence;
    e.evidence = std::move(evidence);
    return graph.AddEdge(std::move(e));
  };
  // A node is made once per document, however often it is named.
  std::set<std::string> made;
  auto leader_node = [&](const LeaderRef& ref) -> std::string {
    if (!made.insert("leader/" + ref.id).second) return "leader/" + ref.id;
    Node n;
    n.id = "leader/" + ref.id;
    n.kind = NodeKind::kLeader;
    n.label = ref.label;
    if (ref.entry) {
      n.aliases = ref.entry->aliases;
      std::string country = g_.CountryOf(*ref.entry, PartialDate());
      if (!country.empty()) n.attrs["country"] = country;
    } else if (!ref.country.empty()) {
      n.attrs["country"] = ref.country;
    }
    (void)add_node(std::move(n));
    return "leader/" + ref.id;
  };
  auto place_node = [&](const std::string& id) -> std::string {
    if (!made.insert("place/" + id).second) return "place/" + id;
    const PlaceEntry* p = g_.FindPlace(id);
    Node n;
    n.id = "place/" + id;
    n.kind = NodeKind::kPlace;
    n.label = p ? p->name : id;
    if (p) {
      n.aliases = p->aliases;
      if (!p->type.empty()) n.attrs["type"] = p->type;
    }
    (void)add_node(std::move(n));
    return "place/" + id;
  };

  // Everything named, as nodes the document mentions.
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const Sentence& s = sentences_[i];
    for (const LeaderRef& l : s.leaders) {
      std::string id = leader_node(l);
      if (Status st =
              add_edge(doc_id, id, EdgeKind::kMentions, DateValue(), "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
      // What the gazetteer knows of their office at the time.
      if (l.entry) {
        for (const LeaderRole& r : l.entry->roles) {
          if (r.country.empty() || r.from.is_null()) continue;
          auto day = event_anchor_.FirstDay();
          if (!day || *day < *r.from.FirstDay() || (!r.to.is_null() && *day >= *r.to.LastDay())) {
            continue;
          }
          std::string place = place_node(r.country);
          DateValue term = r.to.is_null() ? DateValue(r.from)
                                          : DateValue::Interval(r.from, r.to).value_or(r.from);
          Edge e;
          e.source = id;
          e.target = place;
          e.kind = EdgeKind::kLeads;
          e.date = term;
          e.date_rule = "gazetteer";
          e.attrs["role"] = r.role;
          e.evidence = {EvidenceFor(i)};
          if (Status st = graph.AddEdge(std::move(e)); !st.ok()) return st;
        }
      }
    }
    for (uint32_t p : s.places) {
      std::string id = place_node(g_.places()[p].id);
      if (Status st =
              add_edge(doc_id, id, EdgeKind::kMentions, DateValue(), "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
    }
    for (uint32_t o : s.organizations) {
      const OrganizationEntry& entry = g_.organizations()[o];
      Node n;
      n.id = "organization/" + entry.id;
      n.kind = NodeKind::kOrganization;
      n.label = entry.name;
      n.aliases = entry.aliases;
      (void)add_node(std::move(n));
      if (Status st = add_edge(doc_id, "organization/" + entry.id, EdgeKind::kMentions, DateValue(),
                               "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
    }
  }

  // Events, with what supports them.
  std::vector<std::string> event_ids(events_.size());
  for (size_t k = 0; k < events_.size(); ++k) {
    DocEvent& e = events_[k];
    std::sort(e.participants.begin(), e.participants.end(),
              [](const LeaderRef& a, const LeaderRef& b) { return a.id < b.id; });
    if (e.node.kind == NodeKind::kSummit && e.node.attrs.count("series") == 0) {
      e.node.attrs["identity"] = IdentityOf(e.participants);
    }
    if (!e.durations.empty() && e.node.kind == NodeKind::kCall) {
      e.node.attrs["duration_min"] = static_cast<int64_t>(Mode(e.durations) + 0.5);
    }
    if (e.node.label.empty()) {
      std::string names;
      for (const LeaderRef& p : e.participants) names += (names.empty() ? "" : "–") + ShortName(p);
      e.node.label = names + (e.node.kind == NodeKind::kCall ? " call" : " meeting");
    }
    e.node.id = CanonicalEventId(e.node);
    event_ids[k] = e.node.id;
    const std::string rule = std::get<std::string>(e.node.attrs["date_rule"]);
    const DateValue date = e.node.date;
    std::sort(e.sentences.begin(), e.sentences.end());
    e.sentences.erase(std::unique(e.sentences.begin(), e.sentences.end()), e.sentences.end());
    if (Status st = add_node(e.node); !st.ok()) return st;
    std::vector<Evidence> all;
    for (size_t sentence : e.sentences) all.push_back(EvidenceFor(sentence));
    if (Status st =
            add_edge(e.node.id, doc_id, EdgeKind::kReportedBy, doc_.meta.published,
                     doc_.date_source.empty() ? "" : std::string(kRuleDocumentDate), 1.0, all);
        !st.ok()) {
      return st;
    }
    for (const LeaderRef& p : e.participants) {
      std::string leader = leader_node(p);
      std::vector<Evidence> evidence;
      for (size_t sentence : e.sentences) {
        const Sentence& s = sentences_[sentence];
        bool named = std::any_of(s.leaders.begin(), s.leaders.end(),
                                 [&](const LeaderRef& l) { return l.id == p.id; });
        if (named) evidence.push_back(EvidenceFor(sentence));
      }
      // Named only through "the two presidents": the event's sentences.
      if (evidence.empty()) evidence = all;
      if (Status st = add_edge(leader, e.node.id, EdgeKind::kParticipant, date, rule,
                               p.by_title ? 0.8 : 0.95, evidence);
          !st.ok()) {
        return st;
      }
    }
    std::sort(e.places.begin(), e.places.end());
    e.places.erase(std::unique(e.places.begin(), e.places.end()), e.places.end());
    for (const std::string& place : e.places) {
      std::string id = place_node(place);
      if (Status st = add_edge(e.node.id, id, EdgeKind::kHeldIn, date, rule, 0.9,
                               {EvidenceFor(e.sentences.front())});
          !st.ok()) {
        return st;
      }
    }
  }

  // Issues: topics named in the sentences about an event.
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const Sentence& s = sentences_[i];
    if (Status st = AddOpenTopics(i, event_ids, &graph); !st.ok()) return st;
    if (s.issues.empty()) continue;
    auto it = sentence_event_.find(i);
    if (it == sentence_event_.end()) continue;
    const DocEvent& e = events_[it->second];
    bool in_event = std::find(e.sentences.begin(), e.sentences.end(), i) != e.sentences.end();
    // Background sentences name topics too; only those that say what the
    // event was about count.
    if (!in_event && !s.discuss) continue;
    const std::string rule = std::get<std::string>(e.node.attrs.at("date_rule"));
    for (uint32_t issue_index : s.issues) {
      const IssueEntry& issue = g_.issues()[issue_index];
      Node n;
      n.id = "issue/" + issue.id;
      n.kind = NodeKind::kIssue;
      n.label = issue.name;
      if (Status st = add_node(std::move(n)); !st.ok()) return st;
      if (Status st = add_edge(event_ids[it->second], "issue/" + issue.id, EdgeKind::kDiscussed,
                               e.node.date, rule, in_event ? 0.9 : 0.75, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
      // Where the issue lies, only as far as this sentence names it: what
      // the gazetteer knows of an issue's usual places is no source.
      for (const std::string& place : issue.places) {
        bool named = std::any_of(s.places.begin(), s.places.end(),
                                 [&](uint32_t p) { return g_.places()[p].id == place; });
        if (!named || !g_.FindPlace(place)) continue;
        std::string pid = place_node(place);
        if (Status st = add_edge("issue/" + issue.id, pid, EdgeKind::kConcerns, e.node.date, rule,
                                 1.0, {EvidenceFor(i)});
            !st.ok()) {
          return st;
        }
      }
    }
  }

  for (const auto& [from, to] : refers_) {
    const DocEvent& a = events_[from];
    const DocEvent& b = events_[to];
    Edge edge;
    edge.source = event_ids[from];
    edge.target = event_ids[to];
    edge.kind = EdgeKind::kRefersTo;
    edge.date = a.node.date;
    edge.date_rule = edge.date.is_null() ? "" : std::get<std::string>(a.node.attrs.at("date_rule"));
    edge.confidence = 0.8;
    bool later = CompareDates(b.node.date, a.node.date) > 0 && !a.node.date.is_null();
    edge.attrs["tense"] = std::string(later ? "planned" : "recalled");
    for (size_t sentence : b.sentences) {
      auto it = sentence_event_.find(sentence);
      if (it != sentence_event_.end() && it->second == from)
        edge.evidence.push_back(EvidenceFor(sentence));
    }
    if (Status st = graph.AddEdge(std::move(edge)); !st.ok()) return st;
  }
  return graph;
}

Result<EventGraph> DocumentExtraction::Run() {
  std::string_view body = std::string_view(doc_.text).substr(0, JunkStart(doc_.text));
  if (TitleMissingFrom(doc_.meta.title, body)) {
    analysis_.reserve(doc_.meta.title.size() + 2 + body.size());
    analysis_ = doc_.meta.title;
    analysis_ += "\n\n";
    body_begin_ = static_cast<uint32_t>(analysis_.size());
    analysis_ += body;
    text_ = analysis_;
  } else {
    text_ = body;
  }
  dateline_end_ = doc_.dateline_end + body_begin_;
  mentions_ = matcher_.Find(text_);
  FindAnchor();
  FindHomeCountry();
  for (const TextSpan& span : SplitSentences(text_)) {
    Sentence s;
    s.span = span;
    sentences_.push_back(std::move(s));
  }
  size_t m = 0;
  for (Sentence& s : sentences_) {
    while (m < mentions_.size() && mentions_[m].begin < s.span.begin) ++m;
    s.first_mention = m;
    while (m < mentions_.size() && mentions_[m].end <= s.span.end) ++m;
    s.last_mention = m;
  }
  // Names first, so that titles can point at people the text names.
  for (const Mention& mention : mentions_) {
    if (const MatchTarget* t = mention.Find(EntityType::kLeader)) {
      named_leaders_.insert(g_.leaders()[t->index].id);
    }
  }
  for (Sentence& s : sentences_) {
    for (size_t i = s.first_mention; i < s.last_mention; ++i) {
      if (const MatchTarget* t = mentions_[i].Find(EntityType::kLeader)) {
        if (FormerBefore(s, mentions_[i].begin)) former_leaders_.insert(g_.leaders()[t->index].id);
      }
    }
  }
  FindTitleSentences();
  FindSpeakers();
  genre_ = DetectGenre(doc_.meta.title, text_.substr(body_begin_), speaker_lines_);
  // Labels are speakers only where the genre has them: "Note: ..." in a
  // readout is nobody's turn.
  if (!HasSpeakers(genre_)) speaker_.assign(sentences_.size(), std::nullopt);
  for (Sentence& s : sentences_) Analyze(&s);
  FindPrincipal();
  for (size_t i = 0; i < sentences_.size(); ++i) DetectEvents(i);
  ClusterEvents();
  return Build();
}

class RuleExtractor : public Extractor {
 public:
  RuleExtractor(const Gazetteer& gazetteer, NameMatcher matcher)
      : gazetteer_(gazetteer), matcher_(std::move(matcher)) {}

  Result<EventGraph> Extract(const Document& doc) const override {
    DocumentExtraction extraction(gazetteer_, matcher_, tagger_, doc);
    Result<EventGraph> graph = extraction.Run();
    if (!graph.ok()) return graph.status().WithFile(doc.path);
    return graph;
  }

 private:
  const Gazetteer& gazetteer_;
  NameMatcher matcher_;
  TemporalTagger tagger_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeExtractor(const Gazetteer& gazetteer) {
  const Result<Lexicon>& lexicon = English();
  if (!lexicon.ok()) return lexicon.status();
  Result<NameMatcher> matcher = NameMatcher::Build(gazetteer, lexicon->literals);
  if (!matcher.ok()) return matcher.status();
  return std::unique_ptr<Extractor>(new RuleExtractor(gazetteer, std::move(*matcher)));
}

}  // namespace etkg
