// Query results as JSON, for programs that call `etkg query ... --json`.
#ifndef ETKG_EXPORTERS_QUERY_JSON_H_
#define ETKG_EXPORTERS_QUERY_JSON_H_

#include <string>
#include <vector>

#include "graph/query.h"

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

}  // namespace etkg

#endif  // ETKG_EXPORTERS_QUERY_JSON_H_
