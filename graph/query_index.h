// QueryIndex: a compact snapshot of the walkable graph (the links queries
// follow: not the document table, not passing mentions), for paths and
// neighbourhoods at graph-library speed. Built once per loaded graph: the
// adjacency in compressed rows (CSR) in the graph's own edge order, node
// kinds and first days in flat arrays. Queries reuse its search buffers, so
// asking thousands of paths allocates little.
#ifndef ETKG_GRAPH_QUERY_INDEX_H_
#define ETKG_GRAPH_QUERY_INDEX_H_

#include <memory>
#include <vector>

#include "graph/event_graph.h"
#include "graph/query.h"

namespace etkg {

class QueryIndex {
 public:
  // Reads `graph`, which must outlive the index and stay unchanged while it
  // is used (results point into it).
  explicit QueryIndex(const EventGraph& graph);
  ~QueryIndex();
  QueryIndex(const QueryIndex&) = delete;
  QueryIndex& operator=(const QueryIndex&) = delete;

  const EventGraph& graph() const;

  // The chain ShortestPath (graph/query.h) returns, found by a
  // bidirectional search. Nodes that are not in the indexed graph give an
  // empty chain. Not for use from two threads at once (the buffers are
  // shared).
  std::vector<PathStep> ShortestPath(const Node& a, const Node& b, bool forward_in_time,
                                     const ViewFilter& filter);

  // What Neighbors (graph/query.h) returns.
  std::vector<Neighbor> Neighbors(const Node& start, int depth, const ViewFilter& filter);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace etkg

#endif  // ETKG_GRAPH_QUERY_INDEX_H_
