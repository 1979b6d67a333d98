// A deterministic generator of a large event graph shaped like a news
// archive, for benchmarking the queries of graph/query.h at the scale of a
// million edges: a few leaders in thousands of calls and summits, most in a
// handful; dates spread over the years, some known only to the month, a few
// without a year; every event with its participants, what it discussed,
// where summits were held and the documents that report it.
#ifndef ETKG_BENCH_QUERY_GRAPH_GENERATOR_H_
#define ETKG_BENCH_QUERY_GRAPH_GENERATOR_H_

#include <cstdint>

#include "graph/event_graph.h"
#include "graph/status.h"

namespace etkg {

// The defaults give about 355,000 nodes and 1,070,000 edges.
struct GraphShape {
  uint64_t seed = 1;
  int leaders = 2000;
  int countries = 190;
  int cities = 60;  // One per country, in the most prominent countries.
  int issues = 80;
  int events = 150000;  // Calls and summits, the yearly series summits included.
  int first_year = 2000;
  int last_year = 2025;
};

// Returns a graph of `shape`, built through the public EventGraph API with
// ids as the extractor and MergeEvents give them: "leader/amara-velin",
// "place/ostravia", "issue/trade", "call/2017-05-02/amara-velin+tomas-orel",
// "summit/g20/2017", "doc/2017-05-03-wire-000042".
//
// Nodes: leaders, countries and their cities, issues, calls and summits,
// documents. Edges: participant (leader -> event), discussed (event ->
// 1-4 issues), held_in (summit -> city), concerns (issue -> countries),
// refers_to (about 1 event in 10 -> an earlier or later event of one of its
// participants), precedes (consecutive dated events of the same
// participants, as MergeEvents builds them), leads (leader -> country, over
// the leader's term), reported_by (event -> 1-3 documents) and mentions
// (document -> a leader named in passing, for 2 documents in 5; the
// extractor also links every leader a document names, which would double
// the edge count without changing any query's walk).
//
// Leaders' popularity follows a power law, (rank + 40)^-1.5, and a leader
// mostly meets others in office in the same year: with the default shape
// the busiest leader takes part in about 12,800 events, 50 leaders in over
// 1,000, the median one in 27 and a tenth in 7 or fewer.
//
// The same shape gives the same graph on every machine: the random numbers
// come from a seeded xorshift, never the clock, no std:: distribution is
// used, and the weights need only integer arithmetic and sqrt (which IEEE
// rounds exactly). Returns InvalidInput for a shape too small to fill (fewer
// than 6 leaders, or no country, city or issue, or first_year after
// last_year).
Result<EventGraph> GenerateEventGraph(const GraphShape& shape);

}  // namespace etkg

#endif  // ETKG_BENCH_QUERY_GRAPH_GENERATOR_H_
