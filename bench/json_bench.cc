// Native JSON throughput on the query benchmark's generated graph (about
// 355,000 nodes and 1,070,000 edges, bench/query/graph_generator.h): writing
// the graph to a string and to a file, and reading it back, in MB/s (10^6
// bytes of JSON per second). Also reports the heap the graph takes, per
// node and per edge.
//
//   etkg_json_bench [--graph_seed=1] [--events=150000] [--repetitions=5]
//                   [--out=FILE]
//
// Each figure is the median of the repetitions; all are printed, by wall
// time and by the CPU time of the process (steadier on a shared machine:
// everything timed runs on one thread). With
// --out=FILE the JSON is also left in FILE (for bench/query/compare.py).
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/query/graph_generator.h"
#include "exporters/native_json.h"
#include "graph/event_graph.h"
#include "loaders/graph_reader.h"

namespace etkg {
namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Wall and CPU time of one call of `fn`, appended to `wall` and `cpu`.
template <typename Fn>
void Time(std::vector<double>* wall, std::vector<double>* cpu, Fn&& fn) {
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  fn();
  cpu->push_back(CpuSeconds() - cpu_start);
  wall->push_back(Seconds(start));
}

size_t HeapInUse() {
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void Report(const char* what, const std::vector<double>& seconds, size_t bytes) {
  std::vector<double> rates;
  std::printf("%-28s", what);
  for (double s : seconds) {
    rates.push_back(static_cast<double>(bytes) / s / 1e6);
    std::printf(" %7.1f", rates.back());
  }
  std::printf("  MB/s; median %.1f MB/s (%.0f ms)\n", Median(rates), Median(seconds) * 1e3);
}

int Main(int argc, char** argv) {
  GraphShape shape;
  int repetitions = 5;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string_view flag) -> const char* {
      if (!arg.starts_with(flag) || arg.size() <= flag.size() || arg[flag.size()] != '=') {
        return nullptr;
      }
      return argv[i] + flag.size() + 1;
    };
    if (const char* v = value("--graph_seed")) {
      shape.seed = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--events")) {
      shape.events = std::atoi(v);
    } else if (const char* v = value("--repetitions")) {
      repetitions = std::max(1, std::atoi(v));
    } else if (const char* v = value("--out")) {
      out_path = v;
    } else {
      std::fprintf(stderr, "etkg_json_bench: unknown argument '%s'\n", argv[i]);
      return 2;
    }
  }

  size_t heap_before = HeapInUse();
  auto start = std::chrono::steady_clock::now();
  Result<EventGraph> generated = GenerateEventGraph(shape);
  if (!generated.ok()) {
    std::fprintf(stderr, "etkg_json_bench: %s\n", generated.status().message().c_str());
    return 1;
  }
  EventGraph graph = std::move(*generated);
  malloc_trim(0);
  size_t heap = HeapInUse() - heap_before;
  std::printf("graph: %zu nodes, %zu edges, built in %.2f s; heap %.1f MiB\n", graph.num_nodes(),
              graph.num_edges(), Seconds(start), static_cast<double>(heap) / (1 << 20));

  std::string json;
  std::vector<double> to_string, to_file, parse, read_file;
  std::vector<double> to_string_cpu, to_file_cpu, parse_cpu, read_file_cpu;
  std::string file = out_path.empty() ? std::string("etkg_json_bench.json") : out_path;
  for (int r = 0; r < repetitions; ++r) {
    json.clear();
    json.shrink_to_fit();
    Time(&to_string, &to_string_cpu, [&] { json = NativeJsonString(graph); });

    Status written;
    Time(&to_file, &to_file_cpu, [&] {
      std::ofstream out(file, std::ios::binary);
      written = WriteNativeJson(graph, out);
    });
    if (!written.ok()) {
      std::fprintf(stderr, "etkg_json_bench: %s\n", written.message().c_str());
      return 1;
    }

    Result<EventGraph> parsed = EventGraph();
    Time(&parse, &parse_cpu, [&] { parsed = ParseGraphJson(json, "graph.json"); });
    if (!parsed.ok() || parsed->num_edges() != graph.num_edges()) {
      std::fprintf(stderr, "etkg_json_bench: reading back failed\n");
      return 1;
    }
    parsed = EventGraph();

    Result<EventGraph> read = EventGraph();
    Time(&read_file, &read_file_cpu, [&] { read = ReadGraphFile(file); });
    if (!read.ok()) return 1;
  }
  Result<EventGraph> back = ReadGraphFile(file);
  if (!back.ok()) {
    std::fprintf(stderr, "etkg_json_bench: %s\n", back.status().ToString().c_str());
    return 1;
  }
  if (NativeJsonString(*back) != json) {
    std::fprintf(stderr, "etkg_json_bench: the graph read back writes other bytes\n");
    return 1;
  }
  std::printf("JSON: %zu bytes (%.1f MB), %d repetitions\n", json.size(),
              static_cast<double>(json.size()) / 1e6, repetitions);
  Report("write to string", to_string, json.size());
  Report("write to file", to_file, json.size());
  Report("parse from string", parse, json.size());
  Report("read file", read_file, json.size());
  Report("write to string, CPU time", to_string_cpu, json.size());
  Report("write to file, CPU time", to_file_cpu, json.size());
  Report("parse from string, CPU time", parse_cpu, json.size());
  Report("read file, CPU time", read_file_cpu, json.size());
  if (out_path.empty()) std::remove(file.c_str());
  return 0;
}

}  // namespace
}  // namespace etkg

int main(int argc, char** argv) { return etkg::Main(argc, argv); }
