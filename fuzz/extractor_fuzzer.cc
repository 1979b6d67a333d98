// Fuzzes extraction end to end with the default gazetteer: bytes, document,
// fragment, graph, event merging, native JSON and back.
//
// Input: a .txt document (front matter, dateline and all), read as
// `etkg ingest` reads one.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "exporters/native_json.h"
#include "fuzz/fuzz_check.h"
#include "graph/event_graph.h"
#include "graph/event_merge.h"
#include "graph/status.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "loaders/graph_reader.h"

namespace {

const etkg::Extractor& DefaultExtractor() {
  static const std::unique_ptr<etkg::Extractor> extractor = [] {
    etkg::Result<std::unique_ptr<etkg::Extractor>> made =
        etkg::MakeExtractor(etkg::Gazetteer::Default());
    ETKG_FUZZ_CHECK(made.ok(), made.status().ToString().c_str());
    return std::move(*made);
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  etkg::Result<etkg::Document> doc = etkg::ParseTextDocument(input, "fuzz.txt", nullptr);
  if (!doc.ok()) return 0;

  etkg::Result<etkg::EventGraph> fragment = DefaultExtractor().Extract(*doc);
  if (!fragment.ok()) {
    ETKG_FUZZ_CHECK(!fragment.status().message().empty(), "an error says what is wrong");
    return 0;
  }
  for (const etkg::Edge* edge : fragment->Edges()) {
    for (const etkg::Evidence& ev : edge->evidence) {
      ETKG_FUZZ_CHECK(size_t{ev.offset} + ev.length <= doc->text.size(),
                      "evidence lies inside the document text");
    }
  }
  etkg::EventGraph graph;
  etkg::Status status = graph.Merge(std::move(*fragment));
  ETKG_FUZZ_CHECK(status.ok(), status.ToString().c_str());
  status = etkg::MergeEvents(&graph);
  ETKG_FUZZ_CHECK(status.ok(), status.ToString().c_str());
  std::string json = etkg::NativeJsonString(graph);

  status = etkg::MergeEvents(&graph);
  ETKG_FUZZ_CHECK(status.ok(), status.ToString().c_str());
  ETKG_FUZZ_CHECK(etkg::NativeJsonString(graph) == json, "merging events is idempotent");

  etkg::Result<etkg::EventGraph> back = etkg::ParseGraphJson(json, "fuzz.json");
  ETKG_FUZZ_CHECK(back.ok(), back.status().ToString().c_str());
  ETKG_FUZZ_CHECK(etkg::NativeJsonString(*back) == json, "the graph reads back identical");
  return 0;
}
