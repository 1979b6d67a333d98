// Extraction throughput, one core, on a generated corpus held in memory: the
// whole extractor, extraction plus merging into one graph, and the stages
// the extractor is built from, each over the same documents, so the figures
// show where the time goes.
//
//   etkg_extract_bench [--corpus_bytes=20M] [--corpus_seed=1] [benchmark flags]
#include <benchmark/benchmark.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/corpus_generator.h"
#include "graph/event_graph.h"
#include "graph/event_merge.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "loaders/matcher.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"

namespace etkg {
namespace {

size_t g_corpus_bytes = size_t{20} << 20;
uint64_t g_corpus_seed = 1;

struct Corpus {
  std::vector<Document> docs;
  size_t bytes = 0;  // Of all texts: what every benchmark reads once an iteration.
};

const Corpus& TheCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    c->docs = GenerateCorpus(g_corpus_bytes, g_corpus_seed);
    for (const Document& doc : c->docs) c->bytes += doc.text.size();
    return c;
  }();
  return *corpus;
}

// Bytes/s and documents/s over the iterations run.
void ReportThroughput(benchmark::State& state, const Corpus& corpus) {
  auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<int64_t>(corpus.bytes));
  state.SetItemsProcessed(iterations * static_cast<int64_t>(corpus.docs.size()));
}

// Built once, before the benchmarks run: compiling the gazetteer's names is
// a start-up cost of its own (reported as context), not part of extraction.
const Result<std::unique_ptr<Extractor>>& TheExtractorResult() {
  static const auto* extractor =
      new Result<std::unique_ptr<Extractor>>(MakeExtractor(Gazetteer::Default()));
  return *extractor;
}

const Extractor* TheExtractor(benchmark::State& state) {
  const Result<std::unique_ptr<Extractor>>& extractor = TheExtractorResult();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return nullptr;
  }
  return extractor->get();
}

// Extraction only, document by document, as `etkg ingest` calls it.
void BM_Extract(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  const Extractor* extractor = TheExtractor(state);
  if (!extractor) return;
  int64_t failed = 0, nodes = 0;
  for (auto _ : state) {
    for (const Document& doc : corpus.docs) {
      Result<EventGraph> fragment = extractor->Extract(doc);
      if (fragment.ok()) {
        nodes += static_cast<int64_t>(fragment->num_nodes());
      } else {
        ++failed;
      }
      benchmark::DoNotOptimize(fragment);
    }
  }
  ReportThroughput(state, corpus);
  state.counters["failed"] = static_cast<double>(failed);
  state.counters["nodes/doc"] =
      benchmark::Counter(static_cast<double>(nodes) / static_cast<double>(corpus.docs.size()),
                         benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// The whole ingest after reading: every fragment merged into one graph,
// then MergeEvents once at the end.
void BM_ExtractAndMerge(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  const Extractor* extractor = TheExtractor(state);
  if (!extractor) return;
  EventGraph last;
  for (auto _ : state) {
    EventGraph graph;
    for (const Document& doc : corpus.docs) {
      Result<EventGraph> fragment = extractor->Extract(doc);
      if (!fragment.ok()) continue;
      if (Status s = graph.Merge(*fragment); !s.ok()) {
        state.SkipWithError(s.message().c_str());
        break;
      }
    }
    if (Status s = MergeEvents(&graph); !s.ok()) {
      state.SkipWithError(s.message().c_str());
      break;
    }
    benchmark::DoNotOptimize(graph);
    last = std::move(graph);
  }
  ReportThroughput(state, corpus);
  size_t events = 0;
  for (const Node* node : last.Nodes()) events += IsEventKind(node->kind) ? 1 : 0;
  state.counters["nodes"] = static_cast<double>(last.num_nodes());
  state.counters["edges"] = static_cast<double>(last.num_edges());
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_ExtractAndMerge)->Unit(benchmark::kMillisecond);

// A stand-in for the extractor's cue lexicon, which is private to
// loaders/extractor.cc: the same kinds of short phrases (calls, meetings,
// "discussed", titles kept in case), so the matcher reports a comparable
// stream of hits. The profile of BM_Extract gives the exact share.
std::vector<CueLiteral> BenchCues() {
  // One line per kind of cue, as the extractor's lexicon groups them.
  // clang-format off
  constexpr std::string_view kCaseless[] = {
      "phone call", "telephone call", "phone conversation", "telephone conversation", "by phone",
      "spoke with", "spoke to", "spoke today", "talked with", "call with", "readout",
      "video call", "virtual meeting",
      "call", "conversation", "phone",
      "calls for", "called on", "conference call",
      "met", "met with", "meet", "meeting", "summit", "held talks",
      "talks", "negotiations", "conference",
      "discussed", "discussion", "discuss", "regarding", "agreed", "affirmed", "stressed",
      "raised", "exchanged views", "briefed", "welcomed", "expressed",
      "the leaders", "the two leaders", "both leaders", "the two sides",
      "arranging", "prospects", "planned", "upcoming", "future", "possible", "will take place",
      "former", "late", "ex-"};
  constexpr std::string_view kCased[] = {
      "President", "president", "Prime Minister", "prime minister", "Chancellor", "King",
      "Crown Prince", "Emir", "Supreme Leader", "Foreign Minister", "foreign minister",
      "Secretary of State", "Defense Minister", "National Security Adviser", "Vice President",
      "Secretary-General"};
  // clang-format on
  std::vector<CueLiteral> cues;
  uint32_t index = 0;
  for (std::string_view text : kCaseless) cues.push_back({std::string(text), index++, true});
  for (std::string_view text : kCased) cues.push_back({std::string(text), index++, false});
  return cues;
}

void BM_NameMatcher(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  Result<NameMatcher> matcher = NameMatcher::Build(Gazetteer::Default(), BenchCues());
  if (!matcher.ok()) {
    state.SkipWithError(matcher.status().message().c_str());
    return;
  }
  int64_t mentions = 0;
  for (auto _ : state) {
    for (const Document& doc : corpus.docs) {
      std::vector<Mention> found = matcher->Find(doc.text);
      mentions += static_cast<int64_t>(found.size());
      benchmark::DoNotOptimize(found);
    }
  }
  ReportThroughput(state, corpus);
  state.counters["literals"] = static_cast<double>(matcher->num_literals());
  state.counters["mentions/KiB"] =
      benchmark::Counter(static_cast<double>(mentions) * 1024.0 / static_cast<double>(corpus.bytes),
                         benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_NameMatcher)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  int64_t sentences = 0;
  for (auto _ : state) {
    for (const Document& doc : corpus.docs) {
      std::vector<TextSpan> spans = SplitSentences(doc.text);
      sentences += static_cast<int64_t>(spans.size());
      benchmark::DoNotOptimize(spans);
    }
  }
  ReportThroughput(state, corpus);
  state.counters["sentences/doc"] =
      benchmark::Counter(static_cast<double>(sentences) / static_cast<double>(corpus.docs.size()),
                         benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// Tense, dates and durations of every sentence, against the document's
// date. The sentences are split beforehand, outside the timing. The
// extractor tags only the sentences that may report an event, so this is
// an upper bound on the tagger's share.
void BM_TemporalTagger(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  std::vector<std::vector<TextSpan>> sentences;
  sentences.reserve(corpus.docs.size());
  for (const Document& doc : corpus.docs) sentences.push_back(SplitSentences(doc.text));
  TemporalTagger tagger;
  int64_t dates = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.docs.size(); ++i) {
      std::string_view text = corpus.docs[i].text;
      const PartialDate& anchor = corpus.docs[i].meta.published;
      for (const TextSpan& span : sentences[i]) {
        std::string_view sentence = text.substr(span.begin, span.end - span.begin);
        Tense tense = DetectTense(sentence);
        std::vector<TimeExpression> found = tagger.Tag(sentence, anchor, tense);
        std::vector<DurationExpression> durations = tagger.FindDurations(sentence);
        dates += static_cast<int64_t>(found.size());
        benchmark::DoNotOptimize(found);
        benchmark::DoNotOptimize(durations);
      }
    }
  }
  ReportThroughput(state, corpus);
  state.counters["dates/doc"] =
      benchmark::Counter(static_cast<double>(dates) / static_cast<double>(corpus.docs.size()),
                         benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_TemporalTagger)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace etkg

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // Our own flags, from what Google Benchmark left.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--corpus_bytes=")) {
      std::optional<size_t> bytes = etkg::ParseByteCount(arg.substr(15));
      if (!bytes) {
        std::fprintf(stderr, "etkg_extract_bench: bad --corpus_bytes '%s' (expected e.g. 20M)\n",
                     argv[i] + 15);
        return 2;
      }
      etkg::g_corpus_bytes = *bytes;
    } else if (arg.starts_with("--corpus_seed=")) {
      std::string_view seed = arg.substr(14);
      auto [end, error] =
          std::from_chars(seed.data(), seed.data() + seed.size(), etkg::g_corpus_seed);
      if (error != std::errc() || end != seed.data() + seed.size()) {
        std::fprintf(stderr, "etkg_extract_bench: bad --corpus_seed '%s' (expected a number)\n",
                     argv[i] + 14);
        return 2;
      }
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  auto start = std::chrono::steady_clock::now();
  const etkg::Corpus& corpus = etkg::TheCorpus();
  auto generated = std::chrono::steady_clock::now();
  bool extractor_ok = etkg::TheExtractorResult().ok();
  auto compiled = std::chrono::steady_clock::now();
  auto ms = [](auto from, auto to) {
    return std::to_string(
               std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count()) +
           " ms";
  };
  benchmark::AddCustomContext("corpus", std::to_string(corpus.docs.size()) + " documents, " +
                                            std::to_string(corpus.bytes) + " bytes, seed " +
                                            std::to_string(etkg::g_corpus_seed) +
                                            ", generated in " + ms(start, generated));
  benchmark::AddCustomContext("MakeExtractor", extractor_ok ? ms(generated, compiled) : "failed");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
