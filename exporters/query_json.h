// Query results as JSON, for programs that call `etkg query ... --json`.
#ifndef ETKG_EXPORTERS_QUERY_JSON_H_
#define ETKG_EXPORTERS_QUERY_JSON_H_

#include <string>
#include <vector>

#include "graph/query.h"
#include "graph/sources.h"

namespace etkg {

// {"events": [{"id","kind","label","date","partial","sources",
//   "participants": [{"id","label"}], "places": [...], "issues": [...]}]}
std::string TimelineJson(const std::vector<TimelineEntry>& entries);
// {"neighbors": [{"id","kind","label","date","depth","via"}]}
std::string NeighborsJson(const std::vector<Neighbor>& neighbors);
// {"path": [{"id","kind","label","date","edge": {"source","target","kind","date"}}]}
std::string PathJson(const std::vector<PathStep>& path);

// One answer of a batch of path queries: the pair on line `line` of the
// pairs file, and its chain (empty when none links them).
struct PairPath {
  int line = 0;
  const Node* from = nullptr;
  const Node* to = nullptr;
  std::vector<PathStep> path;
};
// {"paths": [{"line","from","to","path": [... as PathJson ...]}]}
std::string PathsJson(const std::vector<PairPath>& paths);
// {"pairs": [{"a","b","events": [{"id","label","date"}]}]}
std::string EncountersJson(const std::vector<Encounter>& encounters);
// {"nodes": {kind: n}, "edges": {kind: n}, "first", "last", "components",
//  "centrality", "leaders": [{"id","label","score"}], "issues": [...]}
std::string StatsJson(const GraphStats& stats);
// {"event": {"id","kind","label","date"},
//  "sources": [{"id","label","issuer","date","stated_date","stated_date_rule",
//               "stated_duration_min"}],
//  "facts": [{"kind","id","value","sources": [i...],"shared",
//             "evidence": [{"doc","offset","length","text"}]}],
//  "disagreements": [{"about","facts": [i...],"note"}]}
// `sources` and `facts` index those arrays. Compact with `pretty` false.
std::string SourcesJson(const EventSources& compared, bool pretty = true);
// {"events": [{"id","kind","label","date","sources","differences","partial",
//   "disagreements": [about...]}]}
std::string DivergenceJson(const std::vector<EventSources>& ranked);

}  // namespace etkg

#endif  // ETKG_EXPORTERS_QUERY_JSON_H_
