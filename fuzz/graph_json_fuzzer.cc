// Fuzzes the native JSON reader, from text and from a file (parsed in
// place); a graph it accepts must write out, read back and write out again
// to the same bytes.
//
// Input: a graph.json.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "exporters/native_json.h"
#include "fuzz/fuzz_check.h"
#include "graph/event_graph.h"
#include "graph/status.h"
#include "loaders/graph_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  MemoryFile file(input);
  etkg::Result<etkg::EventGraph> graph = etkg::ParseGraphJson(input, file.path());
  // Read from a file, the graph is parsed in place: the same graph, or the
  // same error at the same place.
  etkg::Result<etkg::EventGraph> from_file = etkg::ReadGraphFile(file.path());
  ETKG_FUZZ_CHECK(graph.ok() == from_file.ok(), "a file reads as its text parses");
  if (!graph.ok()) {
    ETKG_FUZZ_CHECK(!graph.status().message().empty(), "an error says what is wrong");
    ETKG_FUZZ_CHECK(graph.status().ToString() == from_file.status().ToString(),
                    "a file gives the error its text gives");
    return 0;
  }
  std::string first = etkg::NativeJsonString(*graph);
  ETKG_FUZZ_CHECK(etkg::NativeJsonString(*from_file) == first, "a file reads as its text parses");
  etkg::Result<etkg::EventGraph> back = etkg::ParseGraphJson(first, "first.json");
  ETKG_FUZZ_CHECK(back.ok(), back.status().ToString().c_str());
  std::string second = etkg::NativeJsonString(*back);
  ETKG_FUZZ_CHECK(second == first, "the second write is the same as the first");
  return 0;
}
