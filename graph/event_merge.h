// One real event, one node: merging the calls, summits and events that
// several documents (or several sentences) report.
#ifndef ETKG_GRAPH_EVENT_MERGE_H_
#define ETKG_GRAPH_EVENT_MERGE_H_

#include <string>

#include "graph/event_graph.h"
#include "graph/status.h"

namespace etkg {

// Events merge when their kind and identity (attrs "identity": the sorted
// participants, or the summit series) agree and their dates are compatible:
// equal, at most kMergeToleranceDays apart (readouts are dated in their
// senders' time zones), or one a partial date that contains the other. A
// merged event keeps every source and the best date: the most precise, then
// the one found by the strongest rule, then the most often reported, then
// the earliest. Every event then gets its canonical id
// ("call/2017-05-02/donald-trump+vladimir-putin") and `precedes` edges are
// rebuilt. Idempotent; the result does not depend on the order in which
// fragments were merged into `graph`. The graph is changed in place: only
// the event nodes and their edges are touched, and other nodes may change
// index. After an error (which no graph built by AddNode/AddEdge gives) it
// is left part-way.
inline constexpr int kMergeToleranceDays = 1;
Status MergeEvents(EventGraph* graph);

// The id an event node gets from its kind, date and attrs "identity" (and
// "format" for summits): "call/2017-05-02/donald-trump+vladimir-putin",
// "summit/g20/2017", "summit/astana-talks/2017-05-03".
std::string CanonicalEventId(const Node& event);

// True when date `a` (found by `rule_a`, reported by `support_a` sources)
// is a better date for an event than `b`; a strict total order.
bool BetterEventDate(const DateValue& a, const std::string& rule_a, int support_a,
                     const DateValue& b, const std::string& rule_b, int support_b);

// Strength of a date rule, higher is stronger: explicit beats
// partial+anchor-year beats weekday/relative beats document-date.
int DateRuleRank(const std::string& rule);

}  // namespace etkg

#endif  // ETKG_GRAPH_EVENT_MERGE_H_
