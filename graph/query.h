// Questions about how events link: timelines, neighbours, paths, the events
// between two nodes, who met whom, and summary statistics. Every query works
// on a view (a time window, node kinds) of the graph, never on a copy.
#ifndef ETKG_GRAPH_QUERY_H_
#define ETKG_GRAPH_QUERY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/event_graph.h"
#include "graph/status.h"

namespace etkg {

// Which part of the graph a query sees.
struct ViewFilter {
  DateValue from;  // Null: open. Events overlapping [from, to] pass.
  DateValue to;
  std::vector<NodeKind> kinds;  // Empty: every kind.
  int min_sources = 0;          // Events reported by at least this many documents.

  // Returns Usage when `from` lies after `to`.
  Status Validate() const;
  // True when `date` may fall in the window (null and year-unknown dates
  // pass only an open window).
  bool InWindow(const DateValue& date) const;
  bool AcceptsKind(NodeKind kind) const;
};

// The node a user names: its id, or a label or alias compared without
// case ("putin", "G20"). Returns NotFound with up to five close names
// ("did you mean ...?"), or InvalidInput listing the candidates when the
// name fits several nodes.
Result<const Node*> FindByName(const EventGraph& graph, std::string_view name);

struct TimelineEntry {
  const Node* event = nullptr;
  // The date is coarser than a day, or its year is unknown: placed at its
  // first possible day, year-unknown dates last.
  bool partial = false;
  std::vector<const Node*> participants;
  std::vector<const Node*> places;
  std::vector<const Node*> issues;
  int sources = 0;  // Documents that report it.
};

// Calls, summits and events in date order. With `focus` nodes, only the
// events linked to every one of them: as participant, as the place it was
// held in, as an issue it discussed, as a place such an issue concerns, or
// as the event itself.
std::vector<TimelineEntry> Timeline(const EventGraph& graph, const std::vector<const Node*>& focus,
                                    const ViewFilter& filter);

// The events that link `a` and `b` (two leaders, or a leader and an issue or
// place), in date order, with what was discussed.
std::vector<TimelineEntry> Between(const EventGraph& graph, const Node& a, const Node& b,
                                   const ViewFilter& filter);

struct Neighbor {
  const Node* node = nullptr;
  int depth = 0;              // Links from the start.
  const Edge* via = nullptr;  // The edge that first reached it.
};

// Nodes within `depth` links of `start` (edges followed both ways), nearest
// first, then by id; documents and passing mentions are left out. `via` is
// the smallest (in Edges() order) of the edges that reach the node from the
// level before. Builds a QueryIndex, as ShortestPath does.
std::vector<Neighbor> Neighbors(const EventGraph& graph, const Node& start, int depth,
                                const ViewFilter& filter);

struct PathStep {
  const Node* node = nullptr;
  const Edge* edge = nullptr;  // The edge from the step before; null first.
};

// A shortest chain of links from `a` to `b` (edges followed both ways),
// leaving out documents (`b` may be one), passing mentions and events
// outside the window. With `forward_in_time`, the first days of the dated
// events along the chain (`a` included) never go back in time, and events of
// unknown year are not passed through: the chain is the shortest of those,
// which may be longer than the shortest chain without the rule. Of chains
// equally short, the one built back from `b` this way wins: each step goes
// to the neighbour one link nearer `a` whose chain from `a` leaves the most
// room in time (no dated event yet, else the earliest last one), then to
// the node that comes first in index order (for a graph read from its
// native JSON, id order), among the neighbours from which the steps already
// chosen can still be taken; the link is the first in edge storage order of
// the node the step leaves from (for the last step, of `b`). So the same
// graph file always gives the same chain. Empty when none exists.
//
// Each call builds a QueryIndex (graph/query_index.h) first; to ask many,
// build one and ask it.
std::vector<PathStep> ShortestPath(const EventGraph& graph, const Node& a, const Node& b,
                                   bool forward_in_time, const ViewFilter& filter);

struct Encounter {
  const Node* a = nullptr;  // a->id < b->id
  const Node* b = nullptr;
  std::vector<const Node*> events;  // In date order.
};

// Pairs of leaders who took part in the same calls and summits, most
// shared events first.
std::vector<Encounter> WhoMet(const EventGraph& graph, const ViewFilter& filter);

struct GraphStats {
  std::map<NodeKind, size_t> nodes;
  std::map<EdgeKind, size_t> edges;
  DateValue first;  // The earliest and latest dated events.
  DateValue last;
  size_t components = 0;
  // Most central leaders and issues with their score: betweenness when the
  // graph has at most kBetweennessLimit nodes (Brandes is O(V·E)), else
  // degree. `centrality` names which.
  std::string centrality;
  std::vector<std::pair<const Node*, double>> leaders;
  std::vector<std::pair<const Node*, double>> issues;
};
inline constexpr size_t kBetweennessLimit = 5000;
GraphStats ComputeStats(const EventGraph& graph, size_t top = 5);

}  // namespace etkg

#endif  // ETKG_GRAPH_QUERY_H_
