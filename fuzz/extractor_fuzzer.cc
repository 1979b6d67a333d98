// Fuzzes extraction end to end with the default gazetteer: bytes, document,
// fragment, graph, event merging, native JSON and back. Checks that evidence
// lies inside the text, that merging events twice changes nothing, and, for
// one input in eight, that the graph's JSON reads back to the same graph.
//
// Input: a .txt document (front matter, dateline and all), read as
// `etkg ingest` reads one, of at most kMaxInputBytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// Inputs past this many bytes are passed over: a few thousand bytes hold
// every sentence, date and name pattern a document can, and what a run
// costs (libFuzzer's bookkeeping of the features it touches above all)
// grows with its length.
constexpr size_t kMaxInputBytes = 4096;

// Built once: compiling the gazetteer's names for Hyperscan takes far longer
// than extracting a document.
const etkg::Extractor& DefaultExtractor() {
  static const std::unique_ptr<etkg::Extractor> extractor = [] {
    etkg::Result<std::unique_ptr<etkg::Extractor>> made =
        etkg::MakeExtractor(etkg::Gazetteer::Default());
    ETKG_FUZZ_CHECK(made.ok(), made.status().ToString().c_str());
    return std::move(*made);
  }();
  return *extractor;
}

// A graph's nodes and edges, copied, to compare it field by field with what
// it becomes: cheaper than writing its JSON each time, and as strict (every
// field, doubles and attribute types exactly).
struct Records {
  std::vector<etkg::Node> nodes;
  std::vector<etkg::Edge> edges;

  explicit Records(const etkg::EventGraph& graph) {
    for (const etkg::Node* node : graph.Nodes()) nodes.push_back(*node);
    for (const etkg::Edge* edge : graph.Edges()) edges.push_back(*edge);
  }

  bool SameAs(const etkg::EventGraph& graph) const {
    const std::vector<const etkg::Node*> other_nodes = graph.Nodes();
    const std::vector<const etkg::Edge*> other_edges = graph.Edges();
    if (other_nodes.size() != nodes.size() || other_edges.size() != edges.size()) return false;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const etkg::Node& a = nodes[i];
      const etkg::Node& b = *other_nodes[i];
      if (a.id != b.id || a.kind != b.kind || a.label != b.label || a.aliases != b.aliases ||
          !(a.date == b.date) || !(a.attrs == b.attrs)) {
        return false;
      }
    }
    for (size_t i = 0; i < edges.size(); ++i) {
      const etkg::Edge& a = edges[i];
      const etkg::Edge& b = *other_edges[i];
      if (a.source != b.source || a.target != b.target || a.kind != b.kind || !(a.date == b.date) ||
          a.evidence != b.evidence || a.date_rule != b.date_rule || a.confidence != b.confidence ||
          !(a.attrs == b.attrs)) {
        return false;
      }
    }
    return true;
  }
};

// The JSON round trip is checked for one input in eight, picked by a hash of
// the input, so that an input is always checked or never and a crash
// replays. Reading a graph back costs more than extracting it (its JSON
// repeats each sentence for every edge it supports); graph_json_fuzzer
// fuzzes the reader itself in depth.
constexpr uint32_t kReadBackOneIn = 8;

bool ReadBackChecked(std::string_view input) {
  uint32_t hash = 2166136261u;  // FNV-1a.
  for (unsigned char c : input) hash = (hash ^ c) * 16777619u;
  return hash % kReadBackOneIn == 0;
}

}  // namespace

// libFuzzer's entropic schedule searches its list of rare features for every
// feature of every run; this target's runs touch thousands, and that
// bookkeeping took longer than the runs themselves. The plain schedule
// reached as much coverage in a minute, with twice the runs, so it is this
// target's default: "-entropic=0" goes first, and an -entropic flag given on
// the command line, parsed after it, wins.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  static char plain_schedule[] = "-entropic=0";
  static std::vector<char*> args;
  args.assign(*argv, *argv + *argc);
  args.insert(args.begin() + (args.empty() ? 0 : 1), plain_schedule);
  args.push_back(nullptr);
  *argc = static_cast<int>(args.size()) - 1;
  *argv = args.data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
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
  const Records merged(graph);

  status = etkg::MergeEvents(&graph);
  ETKG_FUZZ_CHECK(status.ok(), status.ToString().c_str());
  ETKG_FUZZ_CHECK(merged.SameAs(graph), "merging events is idempotent");

  if (!ReadBackChecked(input)) return 0;
  const std::string json = etkg::NativeJsonString(graph);
  etkg::Result<etkg::EventGraph> back = etkg::ParseGraphJson(json, "fuzz.json");
  ETKG_FUZZ_CHECK(back.ok(), back.status().ToString().c_str());
  ETKG_FUZZ_CHECK(merged.SameAs(*back), "the graph reads back identical");
  return 0;
}
