// Extraction of one document, as stages over a shared analysis: the
// document's structure and genre, mentions, event frames, document-level
// resolution and the graph fragment (see README, "How extraction reads a
// document"). Internal to loaders/: loaders/extractor.h is the interface.
#ifndef ETKG_LOADERS_EXTRACTION_DOCUMENT_EXTRACTION_H_
#define ETKG_LOADERS_EXTRACTION_DOCUMENT_EXTRACTION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/event_graph.h"
#include "graph/interned.h"
#include "graph/status.h"
#include "loaders/document.h"
#include "loaders/gazetteer.h"
#include "loaders/matcher.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"

namespace etkg::extraction {

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

constexpr uint32_t kRoleBase = 1000;
constexpr uint32_t kDomainBase = 100000;  // Offices' web addresses, pasted in a text.

// A government's or a body's web address (loaders/rules/offices.tsv).
struct Office {
  std::string domain;
  std::string country;  // Place id; "" for an international body.
  std::string role;     // "" when its readouts are no one office's.
  std::string name;     // The issuer as a reader names it: "White House".
};

// The rules of one language, read once from the embedded tables.
struct Lexicon {
  // Cues, titles at kRoleBase + i, offices' addresses at kDomainBase + i.
  std::vector<CueLiteral> literals;
  std::vector<RoleWord> roles;
  std::vector<Office> offices;
  // Offices by the names a source field gives them (en/issuers.tsv); the
  // domain holds the lower-case name.
  std::vector<Office> issuers;
};

// The English rules (loaders/rules/en/, loaders/rules/offices.tsv), read
// once. An error names the table and the line.
const Result<Lexicon>& English();

// ---------------------------------------------------------------------------
// Helpers over text.

inline std::string_view Slice(std::string_view text, uint32_t begin, uint32_t end) {
  return text.substr(begin, end - begin);
}
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsBlank(std::string_view s);
// Where reader comments and page furniture begin; the text's size if
// nowhere.
size_t JunkStart(std::string_view text);
// The sentence as evidence: cut on a UTF-8 boundary when very long.
std::string EvidenceText(std::string_view sentence);
// Letters and digits, lower-cased, every other run one space.
std::string FoldForCompare(std::string_view text);
// True when the body does not open with the title.
bool TitleMissingFrom(std::string_view title, std::string_view body);

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
  // "represented the EU at the summit": those named take part in the
  // document's one named summit, if it has one.
  bool at_the_summit = false;
};

// One side of "met A on June 5 and B on June 7", with its own date.
struct DatedConjunct {
  std::vector<LeaderRef> participants;
  const TimeExpression* date = nullptr;  // Into the sentence's dates.
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

// A place where leaders can meet: a city or a region, not a country.
bool IsVenueType(std::string_view type);

// "we", "I", "our": the speaker takes part.
bool FirstPerson(std::string_view sentence);
// Participants' ids, sorted and joined by '+': an event's identity.
std::string IdentityOf(const std::vector<LeaderRef>& participants);

class DocumentExtraction {
 public:
  DocumentExtraction(const Gazetteer& g, const NameMatcher& matcher, const TemporalTagger& tagger,
                     const Document& doc)
      : g_(g), matcher_(matcher), tagger_(tagger), doc_(doc), text_(doc.text) {}

  // The stages, in order; each reads what the ones before found and adds
  // to it, so a test can run the first few and look.
  //  1. The text read (the title first when the body lacks it), its date,
  //     whose government it is, sentences and mentions, the title's
  //     sentences, speakers and the genre.
  void ReadStructure();
  //  2. Leaders, titles, places, issues and cues per sentence; the office
  //     that issued the page.
  void FindMentions();
  //  3. Event frames per sentence: calls, meetings, visits, summits, with
  //     date, venue, tense and duration.
  void FindFrames();
  //  4. One event per happening within the document, the main event, what
  //     each sentence is about, refers_to links.
  void ResolveDocument();
  //  5. The graph fragment, with the sentence behind every node and edge.
  Result<EventGraph> Build();
  // All five.
  Result<EventGraph> Run();

  // What the stages found.
  std::string_view text() const { return text_; }
  const std::string& genre() const { return genre_; }
  const PartialDate& anchor() const { return anchor_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<bool>& title_sentences() const { return title_sentence_; }
  const std::vector<std::optional<LeaderRef>>& speakers() const { return speaker_; }
  const std::optional<LeaderRef>& principal() const { return principal_; }
  const std::vector<EventMention>& event_mentions() const { return event_mentions_; }
  const std::vector<DocEvent>& events() const { return events_; }

 private:
  void FindAnchor();
  PartialDate HeaderDate() const;
  void FindHomeCountry();
  void FindTitleSentences();
  void FindSpeakers();
  void FindPrincipal();
  // The issue "A–B relations" of two countries' place ids, added to `graph`
  // with `surface` as an alias; its id, or "" if a country is unknown.
  Result<std::string> AddRelationsIssue(const std::string& first, const std::string& second,
                                        std::string_view surface, EventGraph* graph) const;
  std::optional<std::pair<std::string, std::string>> SidesCountries(const DocEvent& e) const;
  // Who issued the document, as a reader names it ("White House",
  // "Voice of America"), and the country it speaks for ("" if none).
  std::pair<std::string, std::string> Issuer() const;
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
  std::vector<DatedConjunct> DatedConjuncts(const Sentence& s, const std::vector<LeaderRef>& actors,
                                            uint32_t cue,
                                            const std::vector<TimeExpression>& dates) const;
  // Both serve one country's government on the document's date.
  bool SameGovernment(const LeaderRef& a, const LeaderRef& b) const;
  // The role is held on the day the document's events are dated by.
  bool InOffice(const LeaderRole& r) const;
  // The meeting word at `cue` is "the summit", with no name of its own.
  bool DefiniteSummit(uint32_t cue) const;
  bool LeaderFollows(const Sentence& s, const Mention& m) const;
  bool SummitIsTheSubject() const;
  struct NamedMeeting {
    uint32_t begin, end;
  };
  std::vector<NamedMeeting> NamedMeetings(const Sentence& s) const;
  bool NearestLeaderTakesPart(const Sentence& s, size_t place,
                              const std::vector<LeaderRef>& participants) const;
  void ClusterEvents();
  bool SaysWhatTheEventWasAbout(size_t sentence, size_t event) const;
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
  // Where a speaker label ("FOREIGN MINISTER LAVROV:") ends in a sentence
  // that starts with it; 0 for the others.
  std::vector<uint32_t> speaker_label_end_;
  int speaker_lines_ = 0;
  std::string genre_;  // loaders/genre.h
};

}  // namespace etkg::extraction

#endif  // ETKG_LOADERS_EXTRACTION_DOCUMENT_EXTRACTION_H_
