// Reads the native JSON (schema "etkg.graph/2", or the older "etkg.graph/1")
// back into an EventGraph.
#ifndef ETKG_LOADERS_GRAPH_READER_H_
#define ETKG_LOADERS_GRAPH_READER_H_

#include <string>
#include <string_view>

#include "graph/event_graph.h"
#include "graph/schema.h"
#include "graph/status.h"

namespace etkg {

// What a reader keeps of the file.
struct GraphReadOptions {
  // Evidence texts, the sentences, are much of a graph's bytes, and queries
  // never print them. Without them every evidence keeps its document,
  // offset and length, and an empty text.
  bool evidence_texts = true;
};

// Parses `text`. Returns InvalidInput naming `file_name` and the line and
// column of a syntax error or invalid UTF-8; or of a value of the wrong
// type, an unknown kind, a duplicate id or an edge whose end is not a node,
// whose message starts with its JSON path ("nodes[3].kind: ...").
// When `stage` is given, it is set to what the file says it holds (a
// shard, or by default a graph whose events are merged).
Result<EventGraph> ParseGraphJson(std::string_view text, const std::string& file_name,
                                  GraphStage* stage = nullptr,
                                  const GraphReadOptions& options = {});

// Reads and parses a file. Returns NotFound / IoError when it cannot be read.
Result<EventGraph> ReadGraphFile(const std::string& path, GraphStage* stage = nullptr,
                                 const GraphReadOptions& options = {});

// Reads a graph to look at (export, query, stats): the events of a shard
// are merged on the way, as `etkg merge` would merge them.
Result<EventGraph> ReadMergedGraphFile(const std::string& path,
                                       const GraphReadOptions& options = {});

}  // namespace etkg

#endif  // ETKG_LOADERS_GRAPH_READER_H_
