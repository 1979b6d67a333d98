// Extraction: from one document to the graph fragment it supports — its
// leaders, calls, summits, places and issues, with resolved dates and the
// sentence behind every edge.
#ifndef ETKG_LOADERS_EXTRACTOR_H_
#define ETKG_LOADERS_EXTRACTOR_H_

#include <memory>

#include "graph/event_graph.h"
#include "graph/status.h"
#include "loaders/document.h"
#include "loaders/gazetteer.h"

namespace etkg {

class Extractor {
 public:
  virtual ~Extractor() = default;

  // Returns the fragment `doc` supports. Events keep document-local ids
  // until MergeEvents (graph/event_merge.h) gives them their final ones.
  // Thread-safe: one extractor serves every thread.
  virtual Result<EventGraph> Extract(const Document& doc) const = 0;
};

// The rule-based extractor over `gazetteer`, which must outlive it.
// Returns Internal if the gazetteer's names cannot be compiled.
Result<std::unique_ptr<Extractor>> MakeExtractor(const Gazetteer& gazetteer);

}  // namespace etkg

#endif  // ETKG_LOADERS_EXTRACTOR_H_
