#include "cli/commands.h"

#include <unistd.h>
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define ETKG_HAVE_MALLINFO2 1
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/output.h"
#include "cli/parse.h"
#include "cli/progress.h"
#include "cli/query.h"
#include "cli/table.h"
#include "exporters/dot.h"
#include "exporters/html.h"
#include "exporters/native_json.h"
#include "exporters/web_formats.h"
#include "graph/event_merge.h"
#include "graph/interned.h"
#include "graph/text.h"
#include "graph/version.h"
#include "graph/view.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "loaders/graph_reader.h"
#include "loaders/ingest.h"
#include "loaders/text_util.h"

namespace etkg::cli {
namespace {

void Report(const Status& status) { std::cerr << "etkg: " << status.ToString() << "\n"; }

int ExitFor(const Status& status) {
  return status.code() == StatusCode::kUsage ? kExitUsage : kExitBadInput;
}

// Says what went wrong and gives the exit code for it: 2 for wrong usage,
// 1 for the rest.
int Fail(const Status& status) {
  Report(status);
  return ExitFor(status);
}

std::optional<PartialDate> ParseDayOption(const std::string& text) {
  auto date = PartialDate::Parse(text);
  if (!date || date->precision() != DatePrecision::kDay) return std::nullopt;
  return date;
}

// ---------------------------------------------------------------------------

// The last steps of ingest and merge: events reported apart become one
// (not in a shard, whose events wait for the other shards), and the graph is
// written; each step shown on `bar` when there is one.
Status MergeAndWrite(EventGraph* graph, const std::string& output, ProgressBar* bar,
                     GraphStage stage, unsigned threads) {
  Status merged = Status::Ok();
  if (stage == GraphStage::kMerged) {
    if (bar) bar->Stage("merging events");
    merged = MergeEvents(graph);
  }
  if (bar) bar->Stage("writing " + (output.empty() ? std::string("the graph") : output));
  Status written = merged.ok() ? WriteOutput(output,
                                             [graph, stage, threads](const OutputSink& sink) {
                                               return WriteNativeJson(*graph, sink, stage, threads);
                                             })
                               : merged;
  if (bar) bar->Clear();
  return written;
}

// A shard grows only from documents and other shards: a graph whose events
// were merged has settled some of them on what it alone knew.
Status CheckShardInput(const std::string& file, GraphStage stage) {
  if (stage == GraphStage::kShard) return Status::Ok();
  return Status::Invalid(
      "its events are merged already, so it cannot go into a shard; make shards with "
      "'etkg ingest --shard'",
      {file});
}

int RunIngest(const std::vector<std::string>& args) {
  CLI::App app("Read documents and build (or extend) an event graph.", "etkg ingest");
  std::vector<std::string> paths;
  std::string output, into, date_text, gazetteer_path;
  bool quiet = false, shard = false;
  std::string files_from;
  app.add_option("paths", paths,
                 "Documents: .txt files (with NAME.meta.json, front matter or a dateline), "
                 ".jsonl files, directories (read recursively), or - for standard input");
  app.add_option("--files-from", files_from,
                 "Also read the paths listed in this file, one per line (- for standard input): "
                 "for a shard of a corpus too large for a command line");
  app.add_option("-o,--output", output, "Write the graph here (default: standard output)");
  app.add_option("--into", into,
                 "Add the documents to this graph file and write it back (created if absent)");
  app.add_option("--date", date_text,
                 "Date (YYYY-MM-DD) for documents that give none of their own");
  app.add_option("--gazetteer", gazetteer_path,
                 "Extra leaders, places, summits and issues (JSON, see docs/gazetteer.md)");
  std::string stdin_format = "auto";
  app.add_option("--stdin-format", stdin_format,
                 "What - holds: jsonl (read a line at a time, as a .jsonl file), text (one "
                 "document) or auto (the default: jsonl when its first line is a JSON object with "
                 "a \"text\" member)")
      ->check(CLI::IsMember({"auto", "jsonl", "text"}));
  int jobs = 0;
  app.add_option(
         "-j,--jobs", jobs,
         "Threads that extract and write (default: all cores); the graph is the same for any "
         "number")
      ->check(CLI::Range(0, 256));
  app.add_flag("--shard", shard,
               "Write a shard: a graph whose events are merged later, by 'etkg merge' with the "
               "other shards, into exactly the graph one ingest of all the documents gives");
  app.add_flag("-q,--quiet", quiet, "Print no summary or progress on standard error");
  app.footer(
      "Examples:\n  etkg ingest examples/docs -o graph.json\n"
      "  etkg ingest new-articles/ --into graph.json\n"
      "  etkg ingest corpus/part-1 --shard -o part-1.json   # then: etkg merge part-*.json\n"
      "  cat wire.jsonl | etkg ingest - --shard -q > part.json   # as Spark's rdd.pipe runs it");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  if (files_from == "-" && std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    std::cerr << "etkg ingest: standard input cannot give both documents and --files-from\n";
    return kExitUsage;
  }
  if (!files_from.empty()) {
    Result<std::string> list =
        files_from == "-" ? ReadStdin(SIZE_MAX) : ReadFileToString(files_from);
    if (!list.ok()) return Fail(list.status());
    std::istringstream lines(*list);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) paths.push_back(line);
    }
  }
  if (paths.empty()) {
    std::cerr << "etkg ingest: no documents given (paths, or --files-from)\n";
    return kExitUsage;
  }

  ReadOptions options;
  options.stdin_format = stdin_format == "jsonl"  ? StdinFormat::kJsonLines
                         : stdin_format == "text" ? StdinFormat::kText
                                                  : StdinFormat::kAuto;
  if (!date_text.empty()) {
    auto date = ParseDayOption(date_text);
    if (!date) {
      std::cerr << "etkg ingest: --date '" << date_text << "' is not a date (YYYY-MM-DD)\n";
      return kExitUsage;
    }
    options.default_date = *date;
  }
  Gazetteer gazetteer = Gazetteer::Default();
  if (!gazetteer_path.empty()) {
    Result<std::string> text = ReadFileToString(gazetteer_path);
    if (!text.ok()) return Fail(text.status());
    Result<Gazetteer> extra = Gazetteer::Parse(*text, gazetteer_path);
    if (!extra.ok()) return Fail(extra.status());
    gazetteer.Extend(*extra);
  }
  Result<std::unique_ptr<Extractor>> extractor = MakeExtractor(gazetteer);
  if (!extractor.ok()) return Fail(extractor.status());

  EventGraph graph;
  // Held from reading the graph to writing it back: runs adding to the same
  // graph take turns, and none loses what another added.
  UpdateLock lock;
  if (!into.empty()) {
    Result<UpdateLock> locked = UpdateLock::Acquire(into, [&](const std::string& lock_file) {
      if (!quiet) {
        std::cerr << "etkg: waiting for " << lock_file << ": another etkg is adding to " << into
                  << "\n";
      }
    });
    if (!locked.ok()) return Fail(locked.status());
    lock = std::move(*locked);
    std::error_code ec;
    if (std::filesystem::exists(into, ec)) {
      GraphStage stage = GraphStage::kMerged;
      Result<EventGraph> existing = ReadGraphFile(into, &stage);
      if (!existing.ok()) return Fail(existing.status());
      if (Status s = CheckShardInput(into, stage); shard && !s.ok()) {
        return Fail(s);
      }
      graph = std::move(*existing);
    }
    if (output.empty()) output = into;
  }
  const bool progress = !quiet && ::isatty(STDERR_FILENO);
  ProgressBar bar(progress ? InputBytes(paths) : 0);
  auto on_error = [&](const Status& status) {
    if (progress) bar.Clear();
    Report(status);
  };
  IngestOptions ingest;
  ingest.jobs =
      jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  ingest.read = options;
  ingest.on_warning = on_error;
  if (progress) {
    ingest.on_progress = [&](size_t read, uint64_t bytes) { bar.Update(read, bytes); };
  }
  IngestCounts counts = Ingest(paths, **extractor, ingest, &graph, on_error);
  const size_t done = counts.documents, failed = counts.failed;
  if (progress) bar.Clear();
  if (done == 0) {
    // Nothing to add: leave any output as it was.
    std::cerr << "etkg: no documents read"
              << (failed > 0 ? "" : " (looked for .txt and .jsonl files)") << "; nothing written\n";
    return kExitBadInput;
  }
  const GraphStage stage = shard ? GraphStage::kShard : GraphStage::kMerged;
  if (Status s = MergeAndWrite(&graph, output, progress ? &bar : nullptr, stage,
                               static_cast<unsigned>(ingest.jobs));
      !s.ok()) {
    return Fail(s);
  }
  if (!quiet) {
    std::cerr << "etkg: " << done << " document" << (done == 1 ? "" : "s") << " read";
    if (failed > 0) std::cerr << ", " << failed << " skipped";
    if (counts.warned > 0) std::cerr << ", " << counts.warned << " with warnings";
    std::cerr << "; " << (shard ? "shard" : "graph") << " has " << graph.num_nodes()
              << " nodes and " << graph.num_edges() << " edges";
    if (!output.empty() && output != "-") std::cerr << " (" << output << ")";
    std::cerr << "\n";
  }
  return failed > 0 ? kExitBadInput : kExitOk;
}

// ---------------------------------------------------------------------------

int RunMerge(const std::vector<std::string>& args) {
  CLI::App app(
      "Merge graphs built from separate shards of a corpus into the graph one ingest of "
      "everything gives.",
      "etkg merge");
  std::vector<std::string> inputs;
  std::string output;
  bool quiet = false, shard = false;
  app.add_option("graphs", inputs,
                 "Shards written by 'etkg ingest --shard' (merged exactly), or graph.json files "
                 "(see below)")
      ->required();
  app.add_option("-o,--output", output, "Write the merged graph here (default: standard output)");
  app.add_flag("--shard", shard,
               "Write a shard again, with the events still unmerged: for merging in stages");
  app.add_flag("-q,--quiet", quiet, "Print no summary on standard error");
  app.footer(
      "Shards merge into the same bytes as one 'etkg ingest' of all their documents, in any "
      "order and in any grouping. Graphs whose events were merged already (written without "
      "--shard) merge too, but a report that gave no date, put on the one call of its leaders "
      "that its own graph knew, stays there even when the other graphs know more calls.\n\n"
      "Examples:\n  etkg merge part-1.json part-2.json -o all.json\n"
      "  etkg merge --shard part-1.json part-2.json -o part-1-2.json");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  const bool progress = !quiet && ::isatty(STDERR_FILENO);
  ProgressBar bar(0);
  EventGraph graph;
  std::vector<std::string> merged_inputs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string& input = inputs[i];
    if (progress) {
      bar.Stage("reading " + input + " (" + std::to_string(i + 1) + " of " +
                std::to_string(inputs.size()) + ")");
    }
    GraphStage stage = GraphStage::kMerged;
    Result<EventGraph> part = ReadGraphFile(input, &stage);
    if (progress) bar.Clear();
    if (!part.ok()) return Fail(part.status());
    if (Status s = CheckShardInput(input, stage); shard && !s.ok()) {
      return Fail(s);
    }
    if (stage == GraphStage::kMerged) merged_inputs.push_back(input);
    if (Status s = graph.Merge(std::move(*part)); !s.ok()) {
      return Fail(s.WithFile(input));
    }
  }
  if (!quiet && !merged_inputs.empty() && inputs.size() > 1) {
    std::cerr << "etkg: note: " << merged_inputs.front();
    if (merged_inputs.size() > 1) std::cerr << " and " << merged_inputs.size() - 1 << " more";
    std::cerr << (merged_inputs.size() > 1 ? " are graphs" : " is a graph")
              << " whose events were merged already: the result can differ from one ingest of "
                 "everything; for an exact merge, write shards with 'etkg ingest --shard'\n";
  }
  // Events reported in two shards become one here.
  const GraphStage stage = shard ? GraphStage::kShard : GraphStage::kMerged;
  if (Status s = MergeAndWrite(&graph, output, progress ? &bar : nullptr, stage, 0); !s.ok()) {
    return Fail(s);
  }
  if (!quiet) {
    std::cerr << "etkg: merged " << inputs.size() << " graphs into " << graph.num_nodes()
              << " nodes and " << graph.num_edges() << " edges" << (shard ? " (a shard)" : "")
              << "\n";
  }
  return kExitOk;
}

// What an export writes from: the view, its diagram options, and sfdp
// positions where the format takes them.
struct ExportInput {
  const GraphView& view;
  const DotOptions& dot;
  const Positions* positions;
  std::string title;
};

// The export formats, each once: the help, the check of --format, the
// format an -o extension implies and the dispatch all read this table.
struct ExportFormat {
  const char* name;
  // That -o implies it by, in lower case; none for the JSON of a viewer,
  // which is written to a .json.
  std::vector<std::string_view> extensions;
  bool positions;  // Takes --positions.
  bool binary;     // Never to a terminal.
  Status (*write)(const ExportInput& in, std::ostream& out);
};

Status WriteText(std::ostream& out, const std::string& text) {
  out << text;
  return Status::Ok();
}

const std::vector<ExportFormat>& ExportFormats() {
  static const std::vector<ExportFormat> kFormats = {
      {"json",
       {".json"},
       false,
       false,
       [](const ExportInput& in, std::ostream& out) {
         return WriteText(out, NativeJsonString(in.view));
       }},
      {"dot",
       {".dot", ".gv"},
       false,
       false,
       [](const ExportInput& in, std::ostream& out) { return WriteDot(in.view, in.dot, out); }},
      {"svg", {".svg"}, false, true, nullptr},
      {"png", {".png"}, false, true, nullptr},
      {"pdf", {".pdf"}, false, true, nullptr},
      {"html",
       {".html", ".htm"},
       true,
       false,
       [](const ExportInput& in, std::ostream& out) {
         return WriteText(out, HtmlPage(in.view, in.positions, in.title));
       }},
      {"cytoscape",
       {},
       true,
       false,
       [](const ExportInput& in, std::ostream& out) {
         return WriteText(out, CytoscapeJson(in.view, in.positions));
       }},
      {"vis-timeline",
       {},
       false,
       false,
       [](const ExportInput& in, std::ostream& out) {
         return WriteText(out, VisTimelineJson(in.view));
       }},
      {"d3",
       {},
       true,
       false,
       [](const ExportInput& in, std::ostream& out) {
         return WriteText(out, D3Json(in.view, in.positions));
       }},
      {"graphml",
       {".graphml"},
       false,
       false,
       [](const ExportInput& in, std::ostream& out) { return WriteText(out, GraphMl(in.view)); }},
  };
  return kFormats;
}

const ExportFormat* FindExportFormat(std::string_view name) {
  for (const ExportFormat& f : ExportFormats()) {
    if (AsciiLower(name) == f.name) return &f;
  }
  return nullptr;
}

// The format `path`'s extension names, compared without case; null if none.
const ExportFormat* FormatOfPath(const std::string& path) {
  std::string extension = AsciiLower(std::filesystem::path(path).extension().string());
  for (const ExportFormat& f : ExportFormats()) {
    for (std::string_view e : f.extensions) {
      if (extension == e) return &f;
    }
  }
  return nullptr;
}

int RunExport(const std::vector<std::string>& args) {
  std::vector<std::string> names;
  for (const ExportFormat& f : ExportFormats()) names.push_back(f.name);
  CLI::App app(
      "Write a graph, or a view of it, as native JSON, DOT, SVG, PNG, PDF, a self-contained "
      "HTML page (network and timeline), Cytoscape.js elements, vis-timeline items, D3 "
      "node-link JSON or GraphML.",
      "etkg export");
  std::string input, format, output, layout = "timeline", from, to, kinds, around;
  int depth = 1, min_sources = 0, time_limit = 60;
  bool mentions = false, positions = false, quiet = false;
  app.add_option("graph", input, "A graph.json written by 'etkg ingest'")->required();
  app.add_option("-f,--format", format,
                 "The format, in any case (default: what -o's extension names, else json)")
      ->transform(CLI::IsMember(names, CLI::ignore_case));
  app.add_option("-o,--output", output, "Write here (default: standard output)");
  app.add_option("--from", from, "Only events on or after this date (2017, 2017-05, 2017-05-02)");
  app.add_option("--to", to, "Only events on or before this date");
  app.add_option("--kind", kinds, "Only these node kinds, comma-separated (leader,call,summit)");
  app.add_option("--around", around, "Only nodes near this one (id, label or alias)");
  app.add_option("--depth", depth, "With --around: how many links away (default 1)")
      ->check(CLI::Range(1, 10));
  app.add_option("--min-sources", min_sources, "Only events reported by at least N documents")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--layout", layout,
                 "Diagrams: timeline (events left to right in date order) or network")
      ->check(CLI::IsMember({"timeline", "network"}));
  app.add_flag("--mentions", mentions,
               "Diagrams: also draw 'mentions' (and in a timeline 'concerns' and 'leads') edges");
  app.add_flag("--positions", positions,
               "cytoscape, d3, html: add x/y from an sfdp layout, for viewers that need them "
               "(html does for views of more than 300 nodes)");
  app.add_option("--time-limit", time_limit,
                 "Seconds a Graphviz layout may take before it is given up (default 60)")
      ->check(CLI::Range(1, 86400));
  app.add_flag("-q,--quiet", quiet, "Do not say which layout was chosen");
  app.footer(
      "Examples:\n  etkg export graph.json -o graph.svg          (the format from the extension)\n"
      "  etkg export graph.json --format html -o graph.html\n"
      "  etkg export graph.json --format cytoscape --from 2017 --to 2017-12 -o 2017.json\n"
      "  etkg export graph.json --format dot --around Putin --depth 2 -o putin.dot");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  const ExportFormat* by_path = output.empty() || output == "-" ? nullptr : FormatOfPath(output);
  const ExportFormat* chosen =
      format.empty() ? (by_path ? by_path : FindExportFormat("json")) : FindExportFormat(format);
  const bool json_of_a_viewer = by_path == FindExportFormat("json") && chosen->extensions.empty();
  if (!quiet && by_path && by_path != chosen && !json_of_a_viewer) {
    std::cerr << "etkg export: writing " << chosen->name << " into " << output
              << ", whose extension says " << by_path->name << "\n";
  }
  format = chosen->name;
  if (format == "html" && !HtmlViewerBuilt()) {
    std::cerr << "etkg export: the html viewer was not built into this etkg (npm was missing "
                 "when it was configured): install nodejs and npm, then configure and build "
                 "again\n";
    return kExitBadInput;
  }

  Result<EventGraph> graph = ReadMergedGraphFile(input);
  if (!graph.ok()) return Fail(graph.status());
  ViewOptions view_options;
  Result<ViewFilter> filter = MakeViewFilter(from, to, kinds, min_sources);
  if (!filter.ok()) return Fail(filter.status());
  view_options.filter = *filter;
  view_options.depth = depth;
  if (!around.empty()) {
    Result<const Node*> centre = FindByName(*graph, around);
    if (!centre.ok()) return Fail(centre.status());
    view_options.around = (*centre)->id;
  }
  Result<GraphView> view = SelectView(*graph, view_options);
  if (!view.ok()) return Fail(view.status());

  DotOptions dot;
  dot.timeline = layout == "timeline";
  dot.show_mentions = mentions;
  dot.time_limit_seconds = time_limit;
  // The page lays small graphs out itself; a force layout of thousands of
  // elements in the browser is slow, so large views come placed.
  constexpr size_t kHtmlPlacedAbove = 300;
  if (format == "html" && !positions && view->nodes.size() > kHtmlPlacedAbove) {
    positions = true;
    if (!quiet) {
      std::cerr << "etkg: layout: sfdp positions for the page (" << view->nodes.size()
                << " nodes, more than " << kHtmlPlacedAbove << ")\n";
    }
  }
  Positions layout_positions;
  if (positions) {
    if (!chosen->positions) {
      std::cerr << "etkg export: --positions applies to cytoscape, d3 and html only\n";
      return kExitUsage;
    }
    Result<Positions> computed = ComputePositions(*view, time_limit);
    if (computed.ok()) {
      layout_positions = std::move(*computed);
    } else if (format == "html") {
      // The page lays itself out when sfdp cannot: slower to open, but a
      // page all the same.
      positions = false;
      if (!quiet) {
        std::cerr << "etkg: layout: " << computed.status().message()
                  << "; the page will lay the graph out itself\n";
      }
    } else {
      return Fail(computed.status());
    }
  }
  if (chosen->binary && (output.empty() || output == "-") && ::isatty(STDOUT_FILENO)) {
    std::cerr << "etkg export: " << format << " is binary or long; give -o FILE\n";
    return kExitUsage;
  }
  std::string note;  // What the layout did, for images.
  ExportInput in{*view, dot, positions ? &layout_positions : nullptr,
                 std::filesystem::path(input).stem().string()};
  std::ostringstream out;
  Status status =
      chosen->write ? chosen->write(in, out) : RenderImage(*view, dot, format, out, &note);
  if (!quiet && !note.empty()) std::cerr << "etkg: layout: " << note << "\n";
  if (!status.ok()) return Fail(status);
  if (Status s = WriteOutput(output, out.str()); !s.ok()) return Fail(s);
  return kExitOk;
}

// ---------------------------------------------------------------------------

std::string Pad(const std::string& s, size_t width) {
  // Width in code points, so "Trump–Putin" lines up.
  size_t points = 0;
  for (unsigned char c : s) points += (c & 0xC0) != 0x80;
  return points >= width ? s + " " : s + std::string(width - points, ' ');
}

// Bytes of heap in use, from glibc's allocator; 0 elsewhere.
size_t HeapInUse() {
#ifdef ETKG_HAVE_MALLINFO2
  struct mallinfo2 info = ::mallinfo2();
  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

// What a graph read into this process takes: the heap it grew by (`bytes`),
// split by building a copy of its nodes alone. Edges are charged with the
// adjacency lists and the interned evidence texts.
void PrintMemory(const EventGraph& graph, size_t bytes, std::ostream& out) {
  const size_t before = HeapInUse();
  size_t node_bytes = 0;
  {
    EventGraph nodes_only;
    for (const Node* node : graph.Nodes()) (void)nodes_only.AddNode(*node);
    node_bytes = HeapInUse() - before;
  }
  const size_t edge_bytes = bytes > node_bytes ? bytes - node_bytes : 0;
  const InternedString::PoolStats pool = InternedString::Stats();
  auto mib = [](size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(n) / (1 << 20));
    return std::string(text);
  };
  auto per = [](size_t total, size_t count) { return count == 0 ? 0 : total / count; };
  out << "memory (heap in use, glibc's count):\n"
      << "  graph     " << mib(bytes) << "\n"
      << "  per node  " << per(node_bytes, graph.num_nodes()) << " bytes (" << graph.num_nodes()
      << " nodes, " << mib(node_bytes) << ")\n"
      << "  per edge  " << per(edge_bytes, graph.num_edges()) << " bytes (" << graph.num_edges()
      << " edges, " << mib(edge_bytes) << ")\n"
      << "  of which interned evidence texts and document ids: " << pool.strings << " strings, "
      << mib(pool.text_bytes) << " of text, " << mib(pool.total_bytes) << " with their tables\n";
}

int RunStats(const std::vector<std::string>& args) {
  CLI::App app("Summarise a graph: counts per kind, date range, events in date order.",
               "etkg stats");
  std::string input;
  bool memory = false;
  app.add_option("graph", input, "A graph.json written by 'etkg ingest'")->required();
  app.add_flag("--memory", memory,
               "Instead of the events, report the memory the graph takes once read: in all, "
               "per node and per edge");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  const size_t heap_before = HeapInUse();
  Result<EventGraph> graph = ReadMergedGraphFile(input);
  if (!graph.ok()) return Fail(graph.status());
  const size_t graph_bytes = HeapInUse() - heap_before;

  PrintStats(ComputeStats(*graph), std::cout);
  if (memory) {
    std::cout << "\n";
    PrintMemory(*graph, graph_bytes, std::cout);
    return kExitOk;
  }
  std::cout << "\nevents in date order:\n";
  PrintTimeline(Timeline(*graph, {}, ViewFilter()), std::cout);
  return kExitOk;
}

int RunHelp(const std::vector<std::string>& args);

int RunVersion(const std::vector<std::string>&) {
  std::cout << kGeneratorName << "\n";
  return kExitOk;
}

void PrintUsage(std::ostream& out) {
  out << "etkg: an event-timeline knowledge graph of diplomacy.\n\n"
         "usage: etkg COMMAND [OPTIONS]\n\ncommands:\n";
  for (const Command& c : Commands()) {
    out << "  " << Pad(c.name, 10) << c.summary << "\n";
  }
  out << "\nRun 'etkg COMMAND --help' for a command's options.\n";
}

int RunHelp(const std::vector<std::string>& args) {
  if (!args.empty()) {
    for (const Command& c : Commands()) {
      if (args[0] == c.name) return c.run({"--help"});
    }
  }
  PrintUsage(std::cout);
  return kExitOk;
}

}  // namespace

int ParseOptions(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\n"
              << "Run '" << app.get_name() << " --help' for the options.\n";
    return kExitUsage;
  }
  return -1;
}

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"ingest", "read documents into a graph (graph.json)", RunIngest},
      {"merge", "merge graphs of separate shards into one", RunMerge},
      {"export", "write a graph or a view: json dot svg png pdf cytoscape d3 graphml html",
       RunExport},
      {"stats", "counts per kind and the events in date order", RunStats},
      {"query", "timeline, neighbors, path, between, who-met, stats", RunQuery},
      {"help", "show this help, or a command's", RunHelp},
      {"version", "print the version", RunVersion},
  };
  return kCommands;
}

int Main(const std::vector<std::string>& args) {
  InstallSignalCleanup();
  if (args.empty()) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  const std::string& name = args[0];
  if (name == "-h" || name == "--help") return RunHelp({});
  if (name == "--version") return RunVersion({});
  std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const Command& c : Commands()) {
    if (name == c.name) return c.run(rest);
  }
  std::cerr << "etkg: unknown command '" << name << "'";
  const Command* best = nullptr;
  size_t best_distance = 3;
  for (const Command& c : Commands()) {
    size_t d = EditDistance(name, c.name);
    if (d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  if (best) std::cerr << "; did you mean '" << best->name << "'?";
  std::cerr << "\nRun 'etkg --help' for the commands.\n";
  return kExitUsage;
}

}  // namespace etkg::cli
