// Ingesting documents on several threads: read, extract, merge.
#ifndef ETKG_LOADERS_INGEST_H_
#define ETKG_LOADERS_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/event_graph.h"
#include "graph/status.h"
#include "loaders/document.h"
#include "loaders/extractor.h"

namespace etkg {

struct IngestOptions {
  int jobs = 1;  // Threads that extract; a reading thread comes on top, and the
                 // calling thread merges. 1: the calling thread does it all.
  ReadOptions read;
  // Called now and then (under a lock, from any thread) with the documents
  // extracted so far and the bytes of input they came from
  // (Document::input_bytes).
  std::function<void(size_t documents, uint64_t bytes)> on_progress;
  // Called (under a lock, from any thread) for a document that is read but
  // little can come of: one that is not in English.
  std::function<void(const Status&)> on_warning;
};

struct IngestCounts {
  size_t documents = 0;  // Read and extracted.
  size_t failed = 0;     // Reported through on_error and skipped.
  size_t warned = 0;     // Read, and reported through on_warning.
};

// Reads every document under `paths` (as ReadDocuments does: streaming, a
// few documents in memory at a time), extracts each with `extractor` on
// `options.jobs` threads, and merges what they support into `graph`. Bad
// documents go to `on_error` (called under a lock, from any thread) and are
// skipped. Merging is commutative, so the graph is the same whatever the
// number of jobs; callers finish with MergeEvents.
IngestCounts Ingest(const std::vector<std::string>& paths, const Extractor& extractor,
                    const IngestOptions& options, EventGraph* graph,
                    const std::function<void(const Status&)>& on_error);

}  // namespace etkg

#endif  // ETKG_LOADERS_INGEST_H_
