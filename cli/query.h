// `etkg query`: questions about a graph.
#ifndef ETKG_CLI_QUERY_H_
#define ETKG_CLI_QUERY_H_

#include <ostream>
#include <string>
#include <vector>

#include "graph/query.h"

namespace etkg::cli {

// Runs `etkg query ARGS...`; returns the exit code.
int RunQuery(const std::vector<std::string>& args);

// The view that --from, --to, --kind and --min-sources ask for; Usage for a
// bad date or kind, or --from after --to.
Result<ViewFilter> MakeViewFilter(const std::string& from, const std::string& to,
                                  const std::string& kinds, int min_sources);

// Events as an aligned table, partial dates marked.
void PrintTimeline(const std::vector<TimelineEntry>& entries, std::ostream& out);

// Counts, date range, components and central nodes, as a human reads them.
void PrintStats(const GraphStats& stats, std::ostream& out);

}  // namespace etkg::cli

#endif  // ETKG_CLI_QUERY_H_
