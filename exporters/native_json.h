// The native JSON of a graph (schema "etkg.graph/2"): every evidence
// sentence once, in a table, then every node and edge, the edges naming
// their evidence by index in the table; all sorted, so the same graph always
// gives the same bytes. loaders/graph_reader.h reads it back into an identical graph.
#ifndef ETKG_EXPORTERS_NATIVE_JSON_H_
#define ETKG_EXPORTERS_NATIVE_JSON_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/event_graph.h"
#include "graph/schema.h"
#include "graph/status.h"
#include "graph/view.h"

namespace etkg {

// kGraphSchema and GraphStage are graph/schema.h's.

// Writes `graph` to `out`. Returns IoError if the stream fails.
Status WriteNativeJson(const EventGraph& graph, std::ostream& out);

// Writes `graph` (or a view of it) piece by piece, each piece (about 1 MiB)
// handed to `sink`, which returns false when it could not take it; then
// IoError is returned. The pieces together are NativeJsonString's bytes.
// A large graph is written on up to `threads` threads (0: one per core, at
// most 8); the bytes are the same for any number.
using JsonSink = std::function<bool(std::string_view piece)>;
Status WriteNativeJson(const EventGraph& graph, const JsonSink& sink,
                       GraphStage stage = GraphStage::kMerged, unsigned threads = 0);
Status WriteNativeJson(const GraphView& view, const JsonSink& sink,
                       GraphStage stage = GraphStage::kMerged, unsigned threads = 0);

// The same, into a string.
std::string NativeJsonString(const EventGraph& graph);
// A view of a graph: itself a graph that reads back.
std::string NativeJsonString(const GraphView& view);

}  // namespace etkg

#endif  // ETKG_EXPORTERS_NATIVE_JSON_H_
