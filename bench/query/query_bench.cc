// Query latency on a generated event graph of about a million edges
// (bench/query/graph_generator.h): timelines, neighbours, shortest paths and
// the events between two leaders, as `etkg query` runs them. The graph is
// built once, before the benchmarks; its build time, size and the peak RSS
// are reported as context.
//
//   etkg_query_bench [--out=DIR] [--graph_seed=1] [benchmark flags]
//
// With --out=DIR (or ETKG_QUERY_BENCH_OUT=DIR), also writes, for
// bench/query/compare.py:
//   DIR/edges.tsv    source_id, target_id, kind: every edge of the graph
//   DIR/pairs.tsv    the 100 leader pairs of BM_ShortestPath, with etkg's
//                    path lengths (links; -1 when there is no path), written
//                    after the benchmarks from what the path benchmarks
//                    found (a filter that skips them makes this slower)
//   DIR/paths.tsv    the chains themselves, node ids by pair and mode, to
//                    compare two builds' answers node for node
//   DIR/queries.tsv  the leaders the other benchmarks ask about, and how
//                    many nodes Neighbors finds around the median one
//   DIR/graph.json   the whole graph in the native JSON, which compare.py
//                    loads and writes with networkx and igraph
#include <benchmark/benchmark.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "bench/query/graph_generator.h"
#include "exporters/native_json.h"
#include "graph/event_graph.h"
#include "graph/query.h"
#include "graph/query_index.h"
#include "loaders/graph_reader.h"

namespace etkg {
namespace {

constexpr int kPairCount = 100;
constexpr uint64_t kPairSeed = 42;
constexpr int kWindowYear = 2017;  // BM_TimelineOneYear's window.

struct Fixture {
  EventGraph graph;
  // The snapshot `etkg query` builds once per loaded graph, built after the
  // graph; the path and neighbour benchmarks ask it.
  std::unique_ptr<QueryIndex> index;
  double build_ms = 0;
  const Node* busy = nullptr;    // The leader in most events.
  const Node* second = nullptr;  // The next busiest.
  const Node* median = nullptr;  // The leader of median event count.
  size_t busy_events = 0, second_events = 0, median_events = 0;
  std::vector<std::pair<const Node*, const Node*>> pairs;
  // Path lengths in links (-1: no path), by pair; filled by the first
  // iteration of the path benchmarks, or by WritePairs when they did not run.
  std::vector<int> lengths;
  std::vector<int> forward_lengths;
};

Fixture* g_fixture = nullptr;

// splitmix64: the pairs depend only on kPairSeed and the graph.
uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Picks the leaders the benchmarks ask about: by number of events, and 100
// pairs drawn uniformly from all leaders.
void PickQueries(Fixture* f) {
  std::vector<std::pair<size_t, const Node*>> leaders;
  for (const Node* node : f->graph.Nodes()) {
    if (node->kind != NodeKind::kLeader) continue;
    size_t events = 0;
    f->graph.ForEachIncident(*f->graph.IndexOf(node->id), [&](auto, const Edge& e, bool outgoing) {
      if (outgoing && e.kind == EdgeKind::kParticipant) ++events;
    });
    leaders.push_back({events, node});
  }
  std::vector<const Node*> by_id;  // Nodes() sorts by id.
  for (const auto& [events, node] : leaders) by_id.push_back(node);
  std::stable_sort(leaders.begin(), leaders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::tie(f->busy_events, f->busy) = leaders[0];
  std::tie(f->second_events, f->second) = leaders[1];
  std::tie(f->median_events, f->median) = leaders[leaders.size() / 2];
  uint64_t state = kPairSeed;
  while (f->pairs.size() < kPairCount) {
    const Node* a = by_id[SplitMix(&state) % by_id.size()];
    const Node* b = by_id[SplitMix(&state) % by_id.size()];
    if (a != b) f->pairs.push_back({a, b});
  }
}

// Peak resident set size so far, in MiB, from /proc/self/status (VmHWM).
double PeakRssMib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

// Opens DIR/NAME for writing; says why when it cannot.
bool Open(const std::string& dir, const char* name, std::ofstream* out) {
  out->open(dir + "/" + name);
  if (!*out) std::fprintf(stderr, "etkg_query_bench: cannot write %s/%s\n", dir.c_str(), name);
  return static_cast<bool>(*out);
}

bool Close(const std::string& dir, const char* name, std::ofstream* out) {
  out->close();
  if (!*out) std::fprintf(stderr, "etkg_query_bench: writing %s/%s failed\n", dir.c_str(), name);
  return static_cast<bool>(*out);
}

// edges.tsv and queries.tsv. Returns false, having said why, when one
// cannot be written.
bool WriteGraph(const Fixture& f, const std::string& dir) {
  std::ofstream edges, queries;
  if (!Open(dir, "edges.tsv", &edges) || !Open(dir, "queries.tsv", &queries)) return false;
  edges << "source\ttarget\tkind\n";
  for (const Edge* e : f.graph.Edges()) {
    edges << e->source << '\t' << e->target << '\t' << EdgeKindName(e->kind) << '\n';
  }
  queries << "query\tnode\tvalue\n"
          << "busy\t" << f.busy->id << '\t' << f.busy_events << '\n'
          << "second\t" << f.second->id << '\t' << f.second_events << '\n'
          << "median\t" << f.median->id << '\t' << f.median_events << '\n';
  for (int depth : {1, 2}) {
    queries << "neighbors_" << depth << '\t' << f.median->id << '\t'
            << f.index->Neighbors(*f.median, depth, {}).size() << '\n';
  }
  if (!Close(dir, "edges.tsv", &edges) || !Close(dir, "queries.tsv", &queries)) return false;
  std::ofstream json;
  if (!Open(dir, "graph.json", &json)) return false;
  if (Status s = WriteNativeJson(f.graph, json); !s.ok()) {
    std::fprintf(stderr, "etkg_query_bench: %s\n", s.message().c_str());
    return false;
  }
  return Close(dir, "graph.json", &json);
}

std::vector<int> PathLengths(const Fixture& f, bool forward) {
  std::vector<int> lengths;
  for (const auto& [a, b] : f.pairs) {
    lengths.push_back(static_cast<int>(f.index->ShortestPath(*a, *b, forward, {}).size()) - 1);
  }
  return lengths;
}

// pairs.tsv, once the path benchmarks have found the lengths (a path query
// takes long enough that finding them twice would double the run).
bool WritePairs(Fixture* f, const std::string& dir) {
  if (f->lengths.empty()) f->lengths = PathLengths(*f, false);
  if (f->forward_lengths.empty()) f->forward_lengths = PathLengths(*f, true);
  std::ofstream pairs;
  if (!Open(dir, "pairs.tsv", &pairs)) return false;
  pairs << "a\tb\tlength\tforward_length\n";
  for (size_t i = 0; i < f->pairs.size(); ++i) {
    pairs << f->pairs[i].first->id << '\t' << f->pairs[i].second->id << '\t' << f->lengths[i]
          << '\t' << f->forward_lengths[i] << '\n';
  }
  if (!Close(dir, "pairs.tsv", &pairs)) return false;
  std::ofstream paths;
  if (!Open(dir, "paths.tsv", &paths)) return false;
  paths << "a\tb\tforward\tchain\n";
  for (const auto& [a, b] : f->pairs) {
    for (bool forward : {false, true}) {
      paths << a->id << '\t' << b->id << '\t' << forward << '\t';
      for (const PathStep& step : f->index->ShortestPath(*a, *b, forward, {})) {
        paths << step.node->id << ' ';
      }
      paths << '\n';
    }
  }
  return Close(dir, "paths.tsv", &paths);
}

void RunTimeline(benchmark::State& state, const Node& leader, const ViewFilter& filter) {
  size_t events = 0;
  for (auto _ : state) {
    std::vector<TimelineEntry> entries = Timeline(g_fixture->graph, {&leader}, filter);
    events = entries.size();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["events"] = static_cast<double>(events);
}

// Every call and summit of the busiest leader.
void BM_TimelineBusy(benchmark::State& state) { RunTimeline(state, *g_fixture->busy, {}); }
BENCHMARK(BM_TimelineBusy)->Unit(benchmark::kMillisecond);

void BM_TimelineMedian(benchmark::State& state) { RunTimeline(state, *g_fixture->median, {}); }
BENCHMARK(BM_TimelineMedian)->Unit(benchmark::kMillisecond);

// The busiest leader's events of one year (--from 2017 --to 2017).
void BM_TimelineOneYear(benchmark::State& state) {
  ViewFilter filter;
  filter.from = *PartialDate::Make(kWindowYear);
  filter.to = *PartialDate::Make(kWindowYear);
  RunTimeline(state, *g_fixture->busy, filter);
}
BENCHMARK(BM_TimelineOneYear)->Unit(benchmark::kMillisecond);

// Nodes within 1 and 2 links of the median leader.
void BM_NeighborsMedian(benchmark::State& state) {
  const int depth = static_cast<int>(state.range(0));
  size_t found = 0;
  for (auto _ : state) {
    std::vector<Neighbor> neighbors = g_fixture->index->Neighbors(*g_fixture->median, depth, {});
    found = neighbors.size();
    benchmark::DoNotOptimize(neighbors);
  }
  state.counters["nodes"] = static_cast<double>(found);
}
BENCHMARK(BM_NeighborsMedian)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// One iteration runs all 100 pairs; ms_per_path is the mean of one path.
void RunPaths(benchmark::State& state, bool forward) {
  Fixture& f = *g_fixture;
  std::vector<int>& lengths = forward ? f.forward_lengths : f.lengths;
  size_t found = 0, links = 0;
  auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    found = links = 0;
    const bool record = lengths.empty();
    for (const auto& [a, b] : f.pairs) {
      std::vector<PathStep> path = f.index->ShortestPath(*a, *b, forward, {});
      if (!path.empty()) {
        ++found;
        links += path.size() - 1;
      }
      if (record) lengths.push_back(static_cast<int>(path.size()) - 1);
      benchmark::DoNotOptimize(path);
    }
  }
  std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  state.counters["ms_per_path"] =
      elapsed.count() / static_cast<double>(state.iterations() * f.pairs.size());
  state.counters["found"] = static_cast<double>(found);
  state.counters["mean_links"] = found ? static_cast<double>(links) / found : 0.0;
}

void BM_ShortestPath(benchmark::State& state) { RunPaths(state, false); }
BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMillisecond);

// --forward-in-time: dated events along the chain never go back.
void BM_ShortestPathForward(benchmark::State& state) { RunPaths(state, true); }
BENCHMARK(BM_ShortestPathForward)->Unit(benchmark::kMillisecond);

// Building the snapshot the path and neighbour queries use (once per
// loaded graph in `etkg query`).
void BM_BuildQueryIndex(benchmark::State& state) {
  for (auto _ : state) {
    QueryIndex index(g_fixture->graph);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_BuildQueryIndex)->Unit(benchmark::kMillisecond);

// The events the two busiest leaders share.
void BM_BetweenBusy(benchmark::State& state) {
  size_t events = 0;
  for (auto _ : state) {
    std::vector<TimelineEntry> entries =
        Between(g_fixture->graph, *g_fixture->busy, *g_fixture->second, {});
    events = entries.size();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_BetweenBusy)->Unit(benchmark::kMillisecond);

// The native JSON of the whole graph (what `etkg ingest` writes), into a
// string; bytes_per_second is bytes of JSON.
void BM_WriteNativeJson(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = NativeJsonString(g_fixture->graph);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["json_mb"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_WriteNativeJson)->Unit(benchmark::kMillisecond);

// Reading that JSON back into an EventGraph, from memory.
void BM_ReadNativeJson(benchmark::State& state) {
  const std::string json = NativeJsonString(g_fixture->graph);
  for (auto _ : state) {
    Result<EventGraph> graph = ParseGraphJson(json, "graph.json");
    if (!graph.ok() || graph->num_edges() != g_fixture->graph.num_edges()) {
      state.SkipWithError("the graph did not read back");
      break;
    }
    benchmark::DoNotOptimize(graph);
  }
  state.SetBytesProcessed(static_cast<int64_t>(json.size() * state.iterations()));
}
BENCHMARK(BM_ReadNativeJson)->Unit(benchmark::kMillisecond);

// The same as `etkg query` reads it: evidence texts left unread.
void BM_ReadNativeJsonForQuery(benchmark::State& state) {
  const std::string json = NativeJsonString(g_fixture->graph);
  GraphReadOptions options;
  options.evidence_texts = false;
  for (auto _ : state) {
    Result<EventGraph> graph = ParseGraphJson(json, "graph.json", nullptr, options);
    if (!graph.ok() || graph->num_edges() != g_fixture->graph.num_edges()) {
      state.SkipWithError("the graph did not read back");
      break;
    }
    benchmark::DoNotOptimize(graph);
  }
  state.SetBytesProcessed(static_cast<int64_t>(json.size() * state.iterations()));
}
BENCHMARK(BM_ReadNativeJsonForQuery)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace etkg

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // Our own flags, from what Google Benchmark left.
  std::string out_dir;
  if (const char* env = std::getenv("ETKG_QUERY_BENCH_OUT")) out_dir = env;
  etkg::GraphShape shape;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--out=")) {
      out_dir = arg.substr(6);
    } else if (arg.starts_with("--graph_seed=")) {
      std::string_view seed = arg.substr(13);
      auto [end, error] = std::from_chars(seed.data(), seed.data() + seed.size(), shape.seed);
      if (error != std::errc() || end != seed.data() + seed.size()) {
        std::fprintf(stderr, "etkg_query_bench: bad --graph_seed '%s' (expected a number)\n",
                     argv[i] + 13);
        return 2;
      }
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  auto* fixture = new etkg::Fixture;
  auto start = std::chrono::steady_clock::now();
  etkg::Result<etkg::EventGraph> graph = etkg::GenerateEventGraph(shape);
  auto built = std::chrono::steady_clock::now();
  if (!graph.ok()) {
    std::fprintf(stderr, "etkg_query_bench: %s\n", graph.status().message().c_str());
    return 1;
  }
  fixture->graph = std::move(graph).value();
  fixture->build_ms = std::chrono::duration<double, std::milli>(built - start).count();
  fixture->index = std::make_unique<etkg::QueryIndex>(fixture->graph);
  etkg::PickQueries(fixture);
  etkg::g_fixture = fixture;

  auto count = [](size_t n) { return std::to_string(n); };
  benchmark::AddCustomContext("graph_seed", std::to_string(shape.seed));
  benchmark::AddCustomContext("graph_nodes", count(fixture->graph.num_nodes()));
  benchmark::AddCustomContext("graph_edges", count(fixture->graph.num_edges()));
  benchmark::AddCustomContext("graph_build_ms", std::to_string(fixture->build_ms));
  benchmark::AddCustomContext("peak_rss_mib", std::to_string(etkg::PeakRssMib()));
  benchmark::AddCustomContext("busy_leader",
                              fixture->busy->id + " (" + count(fixture->busy_events) + " events)");
  benchmark::AddCustomContext(
      "second_leader", fixture->second->id + " (" + count(fixture->second_events) + " events)");
  benchmark::AddCustomContext(
      "median_leader", fixture->median->id + " (" + count(fixture->median_events) + " events)");
  if (!out_dir.empty() && !etkg::WriteGraph(*fixture, out_dir)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!out_dir.empty() && !etkg::WritePairs(fixture, out_dir)) return 1;
  return 0;
}
