// `etkg query GRAPH QUERY ...`: a table of queries over graph/query.h,
// printed as aligned tables or, with --json, as JSON.
#include "cli/query.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/table.h"
#include "exporters/query_json.h"
#include "graph/query_index.h"
#include "graph/text.h"
#include "loaders/graph_reader.h"
#include "loaders/text_util.h"

namespace etkg::cli {
namespace {

struct QueryOptions {
  std::string from, to, kinds;
  int min_sources = 0;
  bool json = false;
};

void AddViewOptions(CLI::App& app, QueryOptions* o) {
  app.add_option("--from", o->from,
                 "Only events on or after this date (2017, 2017-05, 2017-05-02)");
  app.add_option("--to", o->to, "Only events on or before this date");
  app.add_option("--kind", o->kinds, "Only these node kinds, comma-separated (call,summit)");
  app.add_option("--min-sources", o->min_sources, "Only events reported by at least N documents")
      ->check(CLI::Range(0, 1000000));
  app.add_flag("--json", o->json, "Print JSON instead of a table");
}

Result<ViewFilter> MakeFilter(const QueryOptions& o) {
  return MakeViewFilter(o.from, o.to, o.kinds, o.min_sources);
}

}  // namespace

Result<ViewFilter> MakeViewFilter(const std::string& from_text, const std::string& to_text,
                                  const std::string& kinds_text, int min_sources) {
  ViewFilter filter;
  auto date = [](const std::string& text, const char* option) -> Result<DateValue> {
    if (text.empty()) return DateValue();
    auto parsed = DateValue::Parse(text);
    if (!parsed || parsed->is_null() || !parsed->begin().has_year()) {
      return Status::Usage(std::string(option) + " '" + text +
                           "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return *parsed;
  };
  Result<DateValue> from = date(from_text, "--from");
  if (!from.ok()) return from.status();
  Result<DateValue> to = date(to_text, "--to");
  if (!to.ok()) return to.status();
  filter.from = *from;
  filter.to = *to;
  filter.min_sources = min_sources;
  std::stringstream kinds(kinds_text);
  for (std::string kind; std::getline(kinds, kind, ',');) {
    if (kind.empty()) continue;
    auto parsed = ParseNodeKind(kind);
    if (!parsed) {
      return Status::Usage("--kind '" + kind +
                           "' is not a node kind (leader, call, summit, event, place, issue, "
                           "organization, document)");
    }
    filter.kinds.push_back(*parsed);
  }
  if (Status s = filter.Validate(); !s.ok()) return s;
  return filter;
}

namespace {

std::string DateText(const DateValue& date, bool partial) {
  if (date.is_null()) return "undated";
  return date.ToString() + (partial ? " *" : "");
}

std::vector<std::string> Labels(const std::vector<const Node*>& nodes) {
  std::vector<std::string> out;
  for (const Node* n : nodes) out.push_back(n->label);
  return out;
}

// What a query runs on: the graph read, and the snapshot that paths and
// neighbourhoods are found on, built once, when first asked for.
class Loaded {
 public:
  explicit Loaded(const EventGraph& graph) : graph(graph) {}
  const EventGraph& graph;
  QueryIndex& index() {
    if (!index_) index_ = std::make_unique<QueryIndex>(graph);
    return *index_;
  }

 private:
  std::unique_ptr<QueryIndex> index_;
};

// The query runs on a graph it was given; returns an exit code.
struct Query {
  const char* name;
  const char* summary;
  int (*run)(Loaded& loaded, const std::vector<std::string>& args);
  bool prints_evidence = false;  // Reads the evidence texts, which others leave unread.
};

int Fail(const Status& status) {
  std::cerr << "etkg query: " << status.ToString() << "\n";
  return status.code() == StatusCode::kUsage ? kExitUsage : kExitBadInput;
}

// Resolves names to nodes; prints why not and returns false on failure.
bool Resolve(const EventGraph& graph, const std::vector<std::string>& names,
             std::vector<const Node*>* nodes, int* code) {
  for (const std::string& name : names) {
    Result<const Node*> node = FindByName(graph, name);
    if (!node.ok()) {
      *code = Fail(node.status());
      return false;
    }
    nodes->push_back(*node);
  }
  return true;
}

// What every query does first: parse its options, turn them into a view,
// and find the nodes it names (`names` point at options that parsing fills;
// `more_names`, if any, is a list option). Returns -1 to go on, else the
// exit code.
int Prepare(CLI::App& app, const std::vector<std::string>& args, const QueryOptions& o,
            const EventGraph& graph, const std::vector<const std::string*>& names,
            const std::vector<std::string>* more_names, ViewFilter* filter,
            std::vector<const Node*>* nodes) {
  if (int code = ParseOptions(app, args); code >= 0) return code;
  Result<ViewFilter> made = MakeFilter(o);
  if (!made.ok()) return Fail(made.status());
  *filter = *made;
  std::vector<std::string> wanted;
  for (const std::string* name : names) wanted.push_back(*name);
  if (more_names) wanted.insert(wanted.end(), more_names->begin(), more_names->end());
  int code = kExitOk;
  if (!Resolve(graph, wanted, nodes, &code)) return code;
  return -1;
}

int RunTimeline(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app("Events in date order, with who took part, where, and what was discussed.",
               "etkg query GRAPH timeline");
  std::vector<std::string> names;
  QueryOptions o;
  app.add_option("nodes", names, "Only events linked to all of these (ids, labels or aliases)");
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> focus;
  if (int code = Prepare(app, args, o, graph, {}, &names, &filter, &focus); code >= 0) return code;
  std::vector<TimelineEntry> entries = Timeline(graph, focus, filter);
  if (o.json) {
    std::cout << TimelineJson(entries);
  } else {
    PrintTimeline(entries, std::cout);
  }
  return kExitOk;
}

int RunBetween(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app("Every event that links two nodes (two leaders, a leader and an issue or place).",
               "etkg query GRAPH between");
  std::string a, b;
  QueryOptions o;
  app.add_option("a", a, "A leader, issue or place")->required();
  app.add_option("b", b, "Another")->required();
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> nodes;
  if (int code = Prepare(app, args, o, graph, {&a, &b}, nullptr, &filter, &nodes); code >= 0)
    return code;
  std::vector<TimelineEntry> entries = Between(graph, *nodes[0], *nodes[1], filter);
  if (o.json) {
    std::cout << TimelineJson(entries);
  } else {
    std::cout << nodes[0]->label << " and " << nodes[1]->label << ":\n";
    PrintTimeline(entries, std::cout);
  }
  return kExitOk;
}

int RunNeighbors(Loaded& loaded, const std::vector<std::string>& args) {
  CLI::App app("Nodes within N links of a node, nearest first.", "etkg query GRAPH neighbors");
  std::string name;
  int depth = 1;
  QueryOptions o;
  app.add_option("node", name, "An id, label or alias")->required();
  app.add_option("--depth", depth, "How many links away (default 1)")->check(CLI::Range(1, 10));
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> nodes;
  if (int code = Prepare(app, args, o, loaded.graph, {&name}, nullptr, &filter, &nodes); code >= 0)
    return code;
  std::vector<Neighbor> found = loaded.index().Neighbors(*nodes[0], depth, filter);
  if (o.json) {
    std::cout << NeighborsJson(found);
    return kExitOk;
  }
  Table table({"depth", "kind", "node", "date", "via", "id"});
  for (const Neighbor& n : found) {
    table.AddRow({std::to_string(n.depth), std::string(NodeKindName(n.node->kind)), n.node->label,
                  n.node->date.is_null() ? "" : n.node->date.ToString(),
                  std::string(EdgeKindName(n.via->kind)), n.node->id});
  }
  table.PrintOr(std::cout, "no neighbours");
  return kExitOk;
}

// A step's link as the path table shows it: the kind, pointing the way
// the edge goes.
std::string LinkText(const PathStep& step) {
  if (!step.edge) return "";
  const std::string kind(EdgeKindName(step.edge->kind));
  return step.edge->target == step.node->id ? "—" + kind + "→" : "←" + kind + "—";
}

// The pairs of a --pairs file: two names a line, split at a tab when the
// line has one (names may hold spaces), else at runs of spaces. Blank lines
// and lines starting with '#' are skipped. Bad lines are reported as
// FILE:LINE and left out; `bad` says whether there were any.
std::vector<PairPath> ReadPairs(const EventGraph& graph, const std::string& file,
                                const std::string& text, bool* bad) {
  std::vector<PairPath> pairs;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::vector<std::string> names;
    const bool tabbed = line.find('\t') != std::string::npos;
    std::istringstream fields(line);
    for (std::string field; tabbed ? static_cast<bool>(std::getline(fields, field, '\t'))
                                   : static_cast<bool>(fields >> field);) {
      const size_t start = field.find_first_not_of(' ');
      if (start == std::string::npos) continue;
      names.push_back(field.substr(start, field.find_last_not_of(' ') - start + 1));
    }
    auto report = [&](const std::string& message) {
      *bad = true;
      std::cerr << "etkg: " << Status::Invalid(message, {file, number, 0}).ToString() << "\n";
    };
    if (names.size() != 2) {
      report("expected two names, separated by a tab (or by spaces when neither has one); found " +
             std::to_string(names.size()));
      continue;
    }
    PairPath pair;
    pair.line = number;
    bool resolved = true;
    for (const std::string& name : names) {
      Result<const Node*> node = FindByName(graph, name);
      if (!node.ok()) {
        report(node.status().message());
        resolved = false;
        break;
      }
      (pair.from ? pair.to : pair.from) = *node;
    }
    if (resolved) pairs.push_back(std::move(pair));
  }
  return pairs;
}

// `path --pairs FILE`: one answer a pair, in the file's order.
int RunPathPairs(Loaded& loaded, const std::string& file, bool forward, const ViewFilter& filter,
                 bool json) {
  Result<std::string> text = ReadFileToString(file);
  if (!text.ok()) {
    std::cerr << "etkg: " << text.status().WithFile(file).ToString() << "\n";
    return kExitBadInput;
  }
  bool bad = false;
  std::vector<PairPath> pairs = ReadPairs(loaded.graph, file, *text, &bad);
  for (PairPath& pair : pairs) {
    pair.path = loaded.index().ShortestPath(*pair.from, *pair.to, forward, filter);
  }
  if (json) {
    std::cout << PathsJson(pairs);
  } else {
    Table table({"line", "from", "to", "links", "chain"});
    for (const PairPath& pair : pairs) {
      std::string chain;
      for (const PathStep& step : pair.path) {
        chain += (step.edge ? " " + LinkText(step) + " " : "") + step.node->label;
      }
      table.AddRow({std::to_string(pair.line), pair.from->label, pair.to->label,
                    pair.path.empty() ? "none" : std::to_string(pair.path.size() - 1), chain});
    }
    table.PrintOr(std::cout, "no pairs");
  }
  return bad ? kExitBadInput : kExitOk;
}

int RunPath(Loaded& loaded, const std::vector<std::string>& args) {
  CLI::App app("The shortest chain of links between two nodes.", "etkg query GRAPH path");
  std::string a, b, pairs;
  bool forward = false;
  QueryOptions o;
  app.add_option("from", a, "An id, label or alias");
  app.add_option("to", b, "Another");
  app.add_option("--pairs", pairs,
                 "Instead of FROM TO, every pair of this file: two names a line, separated by a "
                 "tab (or by spaces when neither has one); one answer a pair");
  app.add_flag("--forward-in-time", forward,
               "Only through events whose dates never go backwards along the chain");
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> none;
  if (int code = Prepare(app, args, o, loaded.graph, {}, nullptr, &filter, &none); code >= 0) {
    return code;
  }
  if (!pairs.empty()) {
    if (!a.empty()) return Fail(Status::Usage("path takes FROM TO or --pairs FILE, not both"));
    return RunPathPairs(loaded, pairs, forward, filter, o.json);
  }
  if (b.empty()) return Fail(Status::Usage("path needs two nodes, FROM and TO (or --pairs FILE)"));
  std::vector<const Node*> nodes;
  int code = kExitOk;
  if (!Resolve(loaded.graph, {a, b}, &nodes, &code)) return code;
  std::vector<PathStep> path = loaded.index().ShortestPath(*nodes[0], *nodes[1], forward, filter);
  if (o.json) {
    std::cout << PathJson(path);
    return path.empty() ? kExitBadInput : kExitOk;
  }
  if (path.empty()) {
    std::cerr << "etkg query: no chain links " << nodes[0]->id << " to " << nodes[1]->id
              << (forward ? " forward in time" : "") << "\n";
    return kExitBadInput;
  }
  Table table({"step", "link", "kind", "node", "date"});
  for (size_t i = 0; i < path.size(); ++i) {
    const PathStep& step = path[i];
    table.AddRow({std::to_string(i), LinkText(step), std::string(NodeKindName(step.node->kind)),
                  step.node->label, step.node->date.is_null() ? "" : step.node->date.ToString()});
  }
  table.Print(std::cout);
  return kExitOk;
}

int RunWhoMet(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app("Leaders and the calls and summits they shared.", "etkg query GRAPH who-met");
  QueryOptions o;
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> none;
  if (int code = Prepare(app, args, o, graph, {}, nullptr, &filter, &none); code >= 0) return code;
  std::vector<Encounter> pairs = WhoMet(graph, filter);
  if (o.json) {
    std::cout << EncountersJson(pairs);
    return kExitOk;
  }
  Table table({"leader", "leader", "events", "when"});
  for (const Encounter& e : pairs) {
    std::vector<std::string> dates;
    for (const Node* event : e.events) {
      dates.push_back(event->date.is_null() ? "undated" : event->date.ToString());
    }
    table.AddRow({e.a->label, e.b->label, std::to_string(e.events.size()), Join(dates)});
  }
  table.PrintOr(std::cout, "no leaders met");
  return kExitOk;
}

int RunStatsQuery(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app("Counts per kind, date range, components and the most central leaders and issues.",
               "etkg query GRAPH stats");
  bool json = false;
  app.add_flag("--json", json, "Print JSON instead of a table");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  GraphStats stats = ComputeStats(graph);
  if (json) {
    std::cout << StatsJson(stats);
  } else {
    PrintStats(stats, std::cout);
  }
  return kExitOk;
}

// "[2] White House: Readout of ... (doc/...)": how a table names a source.
std::string SourceName(const SourceReport& s, size_t i) {
  std::string name = "[" + std::to_string(i + 1) + "] ";
  const Node& doc = *s.document;
  std::string title = doc.label == doc.id || doc.id == "doc/" + doc.label ? "" : doc.label;
  if (!s.issuer.empty()) name += s.issuer + (title.empty() ? "" : ": ");
  name += title;
  return name + (title.empty() && s.issuer.empty() ? "" : " ") + "(" + doc.id + ")";
}

std::string StatedBy(const EventSources& c, const SourcedFact& f) {
  if (c.Shared(f)) return "all";
  if (f.sources.empty()) return "none";
  std::vector<std::string> numbers;
  for (size_t s : f.sources) numbers.push_back(std::to_string(s + 1));
  return Join(numbers);
}

void PrintSources(const EventSources& c, std::ostream& out) {
  const Node& e = *c.event;
  out << e.label << " · " << (e.date.is_null() ? "undated" : e.date.ToString()) << " · " << e.id
      << "\n\nsources:\n";
  for (size_t i = 0; i < c.sources.size(); ++i) {
    const SourceReport& s = c.sources[i];
    out << "  " << SourceName(s, i);
    if (!s.document->date.is_null()) out << ", published " << s.document->date.ToString();
    out << "\n";
  }
  out << "\n";
  Table table({"fact", "what", "stated by"});
  for (const SourcedFact& f : c.facts) {
    std::string what = f.value;
    if (f.kind == FactKind::kDate) {
      for (size_t s : f.sources) {
        if (!c.sources[s].stated_date_rule.empty()) {
          what += " (" + c.sources[s].stated_date_rule + ")";
          break;
        }
      }
    }
    table.AddRow({std::string(FactKindName(f.kind)), what, StatedBy(c, f)});
  }
  table.PrintOr(out, "no facts recorded");
  if (!c.disagreements.empty()) {
    out << "\nwhere they differ:\n";
    for (const Disagreement& d : c.disagreements) {
      std::vector<std::string> sides;
      for (size_t f : d.facts) {
        sides.push_back(c.facts[f].value + " [" + StatedBy(c, c.facts[f]) + "]");
      }
      out << "  " << FactKindName(d.about) << ": " << Join(sides, " / ")
          << (d.note.empty() ? "" : "; " + d.note) << "\n";
    }
  }
  bool header = false;
  for (const SourcedFact& f : c.facts) {
    if (!c.Partial(f) || f.evidence.empty()) continue;
    if (!header) out << "\nstated by some sources only, with their sentences:\n";
    header = true;
    out << "  " << FactKindName(f.kind) << " " << f.value << " [" << StatedBy(c, f) << "]\n";
    for (const Evidence& ev : f.evidence) {
      size_t source = 0;
      for (size_t s = 0; s < c.sources.size(); ++s) {
        if (c.sources[s].document->id == "doc/" + ev.doc.str()) source = s;
      }
      out << "    [" << source + 1 << "] " << ev.text.view() << "\n";
    }
  }
}

// The event a user names; prints why not and returns false on failure.
bool ResolveEvent(const EventGraph& graph, const std::string& name, const Node** event, int* code) {
  std::vector<const Node*> nodes;
  if (!Resolve(graph, {name}, &nodes, code)) return false;
  if (!IsEventKind(nodes[0]->kind)) {
    *code =
        Fail(Status::Invalid("'" + name + "' is a " + std::string(NodeKindName(nodes[0]->kind)) +
                             " (" + nodes[0]->id + "), not a call, summit or event"));
    return false;
  }
  *event = nodes[0];
  return true;
}

int RunSources(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app(
      "One event's facts by the sources that state them: what all of them say, what only some "
      "say (with their sentences), and where they disagree.",
      "etkg query GRAPH sources");
  std::string name;
  bool json = false;
  app.add_option("event", name, "A call, summit or event (id, label or alias)")->required();
  app.add_flag("--json", json, "Print JSON instead of tables");
  if (int code = ParseOptions(app, args); code >= 0) return code;
  const Node* event = nullptr;
  int code = kExitOk;
  if (!ResolveEvent(graph, name, &event, &code)) return code;
  EventSources compared = CompareSources(graph, *event);
  if (json) {
    std::cout << SourcesJson(compared);
  } else {
    PrintSources(compared, std::cout);
  }
  return kExitOk;
}

int RunDivergence(Loaded& loaded, const std::vector<std::string>& args) {
  const EventGraph& graph = loaded.graph;
  CLI::App app(
      "Events reported by two or more sources whose reports differ, most differences first.",
      "etkg query GRAPH divergence");
  QueryOptions o;
  AddViewOptions(app, &o);
  ViewFilter filter;
  std::vector<const Node*> none;
  if (int code = Prepare(app, args, o, graph, {}, nullptr, &filter, &none); code >= 0) return code;
  std::vector<EventSources> ranked = RankDivergence(graph, filter);
  if (o.json) {
    std::cout << DivergenceJson(ranked);
    return kExitOk;
  }
  Table table({"date", "event", "sources", "differences", "disagree on", "id"});
  for (const EventSources& c : ranked) {
    std::vector<std::string> about;
    for (const Disagreement& d : c.disagreements) {
      std::string kind(FactKindName(d.about));
      if (std::find(about.begin(), about.end(), kind) == about.end()) about.push_back(kind);
    }
    table.AddRow({DateText(c.event->date, false), c.event->label, std::to_string(c.sources.size()),
                  std::to_string(c.Differences()), about.empty() ? "-" : Join(about), c.event->id});
  }
  table.PrintOr(std::cout, "no event has sources that differ");
  return kExitOk;
}

const std::vector<Query>& Queries() {
  static const std::vector<Query> kQueries = {
      {"timeline", "events in date order, optionally of some nodes", RunTimeline},
      {"neighbors", "nodes within N links of a node", RunNeighbors},
      {"path", "the shortest chain of links between two nodes", RunPath},
      {"between", "every event that links two nodes", RunBetween},
      {"who-met", "leaders and the events they shared", RunWhoMet},
      {"sources", "one event's facts by source, and where the sources differ", RunSources, true},
      {"divergence", "events whose sources' reports differ, most first", RunDivergence},
      {"stats", "counts, date range, components, central leaders and issues", RunStatsQuery},
  };
  return kQueries;
}

void PrintQueryUsage(std::ostream& out) {
  out << "usage: etkg query GRAPH QUERY [ARGS] [--from D] [--to D] [--kind K,...] [--json]\n\n"
         "queries:\n";
  for (const Query& q : Queries()) {
    out << "  " << q.name << std::string(12 - std::string(q.name).size(), ' ') << q.summary << "\n";
  }
  out << "\nNodes are named by id, label or alias, in any case (\"putin\", \"G20\").\n"
         "Example: etkg query graph.json between Trump Putin\n";
}

}  // namespace

void PrintTimeline(const std::vector<TimelineEntry>& entries, std::ostream& out) {
  Table table({"date", "kind", "event", "who", "where", "sources", "about"});
  bool any_partial = false;
  for (const TimelineEntry& e : entries) {
    any_partial = any_partial || e.partial;
    table.AddRow({DateText(e.event->date, e.partial), std::string(NodeKindName(e.event->kind)),
                  e.event->label, Join(Labels(e.participants)), Join(Labels(e.places)),
                  std::to_string(e.sources), Join(Labels(e.issues))});
  }
  if (table.empty()) {
    out << "no events\n";
    return;
  }
  table.Print(out);
  if (any_partial) {
    out << "* a partial date (a month, a year, or an unknown year), placed at its first day;"
           " unknown years last\n";
  }
}

void PrintStats(const GraphStats& stats, std::ostream& out) {
  size_t nodes = 0, edges = 0;
  for (const auto& [kind, n] : stats.nodes) nodes += n;
  for (const auto& [kind, n] : stats.edges) edges += n;
  out << nodes << " nodes, " << edges << " edges, " << stats.components
      << (stats.components == 1 ? " component" : " components") << "\n\nnodes:";
  for (const auto& [kind, n] : stats.nodes) out << "  " << NodeKindName(kind) << " " << n;
  out << "\nedges:";
  for (const auto& [kind, n] : stats.edges) out << "  " << EdgeKindName(kind) << " " << n;
  out << "\n";
  if (!stats.first.is_null()) {
    out << "dates: " << stats.first.begin().ToString() << " to " << stats.last.end().ToString()
        << "\n";
  }
  for (const auto* list : {&stats.leaders, &stats.issues}) {
    if (list->empty()) continue;
    out << "\nmost central " << (list == &stats.leaders ? "leaders" : "issues") << " ("
        << stats.centrality << "):\n";
    Table table({"", "score", "id"});
    for (const auto& [node, score] : *list) {
      std::ostringstream value;
      value.precision(4);
      value << score;
      table.AddRow({node->label, value.str(), node->id});
    }
    std::ostringstream body;
    table.Print(body);
    std::string text = body.str();
    out << text.substr(text.find('\n') + 1);  // Without the empty header.
  }
}

int RunQuery(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    PrintQueryUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args.size() < 2) {
    std::cerr << "etkg query: which query? (timeline, neighbors, path, between, who-met, sources, "
                 "divergence, stats)\n";
    return kExitUsage;
  }
  const Query* query = nullptr;
  for (const Query& q : Queries()) {
    if (args[1] == q.name || (args[1] == "neighbours" && std::string(q.name) == "neighbors")) {
      query = &q;
    }
  }
  if (!query) {
    std::cerr << "etkg query: unknown query '" << args[1] << "'";
    const Query* best = nullptr;
    size_t best_distance = 3;
    for (const Query& q : Queries()) {
      size_t d = EditDistance(args[1], q.name);
      if (d < best_distance) {
        best = &q;
        best_distance = d;
      }
    }
    if (best) std::cerr << "; did you mean '" << best->name << "'?";
    std::cerr << "\n";
    PrintQueryUsage(std::cerr);
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 2, args.end());
  for (const std::string& arg : rest) {
    if (arg == "-h" || arg == "--help") {
      EventGraph empty;
      Loaded nothing(empty);
      return query->run(nothing, {"--help"});
    }
  }
  // Sentences are read only for a query that prints them.
  GraphReadOptions options;
  options.evidence_texts = query->prints_evidence;
  Result<EventGraph> graph = ReadMergedGraphFile(args[0], options);
  if (!graph.ok()) {
    std::cerr << "etkg: " << graph.status().ToString() << "\n";
    return kExitBadInput;
  }
  Loaded loaded(*graph);
  return query->run(loaded, rest);
}

}  // namespace etkg::cli
