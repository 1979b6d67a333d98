// Fuzzes the native JSON reader; a graph it accepts must write out, read
// back and write out again to the same bytes.
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
  etkg::Result<etkg::EventGraph> graph = etkg::ParseGraphJson(input, "fuzz.json");
  if (!graph.ok()) {
    ETKG_FUZZ_CHECK(!graph.status().message().empty(), "an error says what is wrong");
    return 0;
  }
  std::string first = etkg::NativeJsonString(*graph);
  etkg::Result<etkg::EventGraph> back = etkg::ParseGraphJson(first, "first.json");
  ETKG_FUZZ_CHECK(back.ok(), back.status().ToString().c_str());
  std::string second = etkg::NativeJsonString(*back);
  ETKG_FUZZ_CHECK(second == first, "the second write is the same as the first");
  return 0;
}
