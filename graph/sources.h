// Which side said what: the facts of one event by the documents that state
// them, what only some of them state, and where they disagree. A call
// reported by both governments merges into one node; this is the view that
// takes it apart again, source by source.
#ifndef ETKG_GRAPH_SOURCES_H_
#define ETKG_GRAPH_SOURCES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/event_graph.h"
#include "graph/query.h"
#include "graph/view.h"

namespace etkg {

// One document that reports the event, and what it says of its date and
// length (the attributes its `reported_by` edge keeps).
struct SourceReport {
  const Node* document = nullptr;
  std::string issuer;  // The document's "issuer" ("White House"); "" when unknown.
  DateValue stated_date;
  std::string stated_date_rule;
  int64_t stated_duration_min = 0;  // 0: it gives none.
};

enum class FactKind { kParticipant, kDate, kDuration, kPlace, kTopic, kRelated };
// "participant", "date", "duration", "place", "topic", "related".
std::string_view FactKindName(FactKind kind);

struct SourcedFact {
  FactKind kind = FactKind::kTopic;
  // The participant, place, topic or related event; null for a date or a
  // length.
  const Node* node = nullptr;
  // What is stated, as a reader says it: a label, "2017-05-02", "90 min",
  // "planned: Astana talks".
  std::string value;
  std::vector<size_t> sources;     // Into EventSources::sources, ascending.
  std::vector<Evidence> evidence;  // Its sentences, in the order of the sources.
};

// Reports that cannot both be right, or that may name one thing twice.
struct Disagreement {
  FactKind about = FactKind::kDate;
  std::vector<size_t> facts;  // Into EventSources::facts, ascending.
  std::string note;           // "1 day apart", "may name one topic".
};

struct EventSources {
  const Node* event = nullptr;
  std::vector<SourceReport> sources;  // By document id.
  std::vector<SourcedFact> facts;     // By kind, then value.
  std::vector<Disagreement> disagreements;

  // Stated by every source.
  bool Shared(const SourcedFact& fact) const { return fact.sources.size() == sources.size(); }
  // Stated by some sources and not by others.
  bool Partial(const SourcedFact& fact) const {
    return !fact.sources.empty() && fact.sources.size() < sources.size();
  }
  // How far the reports differ: facts only some state, and disagreements.
  size_t Differences() const;
};

// The event's facts by source. `event` is a call, summit or event of
// `graph`; a fact's sources are the documents of its sentences.
EventSources CompareSources(const EventGraph& graph, const Node& event);

// The same within a view, where only its nodes and edges count: its links
// indexed once, for comparing many of its events.
class ViewSources {
 public:
  explicit ViewSources(const GraphView& view);
  // `event` is one of the view's nodes.
  EventSources Compare(const Node& event) const;

 private:
  struct Link {
    const Node* other;
    const Edge* edge;
    bool outgoing;
  };
  std::unordered_map<std::string_view, std::vector<Link>> links_;  // By node id.
};

// The events of the view reported by two or more sources whose reports
// differ, most differences first (then date and id).
std::vector<EventSources> RankDivergence(const EventGraph& graph, const ViewFilter& filter);

}  // namespace etkg

#endif  // ETKG_GRAPH_SOURCES_H_
