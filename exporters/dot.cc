#include "exporters/dot.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <vector>

namespace etkg {
namespace {

struct KindStyle {
  const char* shape;
  const char* fill;
};

KindStyle StyleOf(NodeKind kind) {
  switch (kind) {
    case NodeKind::kLeader:
      return {"ellipse", "#9ecae1"};
    case NodeKind::kCall:
      return {"box", "#fdae6b"};
    case NodeKind::kSummit:
      return {"octagon", "#fd8d3c"};
    case NodeKind::kEvent:
      return {"diamond", "#fdd0a2"};
    case NodeKind::kPlace:
      return {"house", "#a1d99b"};
    case NodeKind::kIssue:
      return {"note", "#dadaeb"};
    case NodeKind::kOrganization:
      return {"component", "#c7e9c0"};
    case NodeKind::kDocument:
      return {"folder", "#f0f0f0"};
  }
  return {"ellipse", "#ffffff"};
}

const char* EdgeColor(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kParticipant:
      return "#3182bd";
    case EdgeKind::kDiscussed:
      return "#756bb1";
    case EdgeKind::kHeldIn:
      return "#31a354";
    case EdgeKind::kRefersTo:
      return "#e6550d";
    case EdgeKind::kPrecedes:
      return "#636363";
    case EdgeKind::kReportedBy:
      return "#bdbdbd";
    default:
      return "#969696";
  }
}

// agwrite (Graphviz 2.42) escapes quotes but not backslashes, and a label
// reads "\n", "\l", "\N" as escapes: double every backslash ourselves.
std::string EscapeLabel(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

bool RanksInTimeline(EdgeKind kind) {
  return kind == EdgeKind::kParticipant || kind == EdgeKind::kDiscussed ||
         kind == EdgeKind::kHeldIn || kind == EdgeKind::kPrecedes;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

int PutString(void* chan, const char* str) {
  static_cast<std::string*>(chan)->append(str);
  return 0;
}
int Flush(void*) { return 0; }

Agiodisc_t* StringIoDisc() {
  static Agiodisc_t io = {AgIoDisc.afread, PutString, Flush};
  return &io;
}

Agdisc_t* StringDisc() {
  static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, StringIoDisc()};
  return &disc;
}

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

// cgraph keeps global state: one graph is built at a time.
std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// A cluster that shows each node kind the view holds in its own style.
void AddLegend(Agraph_t* g, const std::set<NodeKind>& kinds) {
  if (kinds.empty()) return;
  Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 1);
  Set(legend, "label", "legend");
  Set(legend, "style", "dashed");
  Set(legend, "color", "#bdbdbd");
  Agnode_t* previous = nullptr;
  for (NodeKind kind : kinds) {
    std::string name = "legend/" + std::string(NodeKindName(kind));
    Agnode_t* n = agnode(legend, const_cast<char*>(name.c_str()), 1);
    KindStyle style = StyleOf(kind);
    Set(n, "label", std::string(NodeKindName(kind)));
    Set(n, "shape", style.shape);
    Set(n, "fillcolor", style.fill);
    Set(n, "fontsize", "10");
    if (previous) {
      Agedge_t* e = agedge(g, previous, n, const_cast<char*>("legend"), 1);
      Set(e, "style", "invis");
    }
    previous = n;
  }
}

// An edge a diagram leaves out.
bool Hidden(const Edge& edge, const DotOptions& options) {
  if (edge.kind == EdgeKind::kMentions) return !options.show_mentions;
  // A timeline is about events: where issues lie and who leads what belong
  // to the network view.
  if (edge.kind == EdgeKind::kConcerns || edge.kind == EdgeKind::kLeads) {
    return options.timeline && !options.show_mentions;
  }
  return false;
}

Result<GraphPtr> BuildGraph(const GraphView& graph, const DotOptions& options) {
  GraphPtr g(agopen(const_cast<char*>(options.graph_name.c_str()), Agdirected, StringDisc()));
  if (!g) return Status::Internal("cgraph could not open a graph");
  Set(g.get(), "rankdir", "LR");
  Set(g.get(), "fontname", "Helvetica");
  Set(g.get(), "overlap", "false");
  agattr(g.get(), AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g.get(), AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));

  // Edges a diagram leaves out, and the nodes only they reach.
  auto hidden = [&](const Edge& edge) { return Hidden(edge, options); };
  std::set<std::string> mentioned, linked;
  for (const Edge* edge : graph.edges) {
    auto& set = hidden(*edge) ? mentioned : linked;
    set.insert(edge->source);
    set.insert(edge->target);
  }
  std::vector<const Node*> events;
  std::set<NodeKind> drawn_kinds;
  for (const Node* node : graph.nodes) {
    if (!options.show_mentions && mentioned.count(node->id) && !linked.count(node->id)) continue;
    Agnode_t* n = agnode(g.get(), const_cast<char*>(node->id.c_str()), 1);
    if (!n) return Status::Internal("cgraph could not add node " + node->id);
    KindStyle style = StyleOf(node->kind);
    std::string label = node->label.empty() ? node->id : node->label;
    if (!node->date.is_null()) label += "\n" + node->date.ToString();
    Set(n, "label", EscapeLabel(label));
    Set(n, "shape", style.shape);
    Set(n, "fillcolor", style.fill);
    Set(n, "kind", std::string(NodeKindName(node->kind)));
    drawn_kinds.insert(node->kind);
    if (IsEventKind(node->kind) && !node->date.is_null()) events.push_back(node);
  }
  auto date_of = [&](std::string_view id) -> const DateValue* {
    auto it = std::lower_bound(graph.nodes.begin(), graph.nodes.end(), id,
                               [](const Node* n, std::string_view x) { return n->id < x; });
    return it != graph.nodes.end() && (*it)->id == id ? &(*it)->date : nullptr;
  };
  for (const Edge* edge : graph.edges) {
    if (hidden(*edge)) continue;
    std::string source = edge->source.str(), target = edge->target.str();  // NUL-terminated.
    Agnode_t* tail = agnode(g.get(), const_cast<char*>(source.c_str()), 0);
    Agnode_t* head = agnode(g.get(), const_cast<char*>(target.c_str()), 0);
    if (!tail || !head) return Status::Internal("edge between unknown nodes");
    std::string key(EdgeKindName(edge->kind));
    Agedge_t* e = agedge(g.get(), tail, head, const_cast<char*>(key.c_str()), 1);
    if (!e) return Status::Internal("cgraph could not add an edge");
    // The date only where it says more than the nodes do: most links of
    // an event carry the event's own date, which its node shows.
    std::string label = key;
    const DateValue* ends[] = {date_of(edge->source), date_of(edge->target)};
    bool told = std::any_of(std::begin(ends), std::end(ends),
                            [&](const DateValue* d) { return d && *d == edge->date; });
    if (!edge->date.is_null() && !told) label += "\n" + edge->date.ToString();
    Set(e, "label", EscapeLabel(label));
    Set(e, "color", EdgeColor(edge->kind));
    Set(e, "kind", key);
    if (!edge->date.is_null()) Set(e, "date", edge->date.ToString());
    // In a timeline only the links that follow time place nodes: leaders
    // before their events, events before what they discussed and where.
    if (options.timeline && !RanksInTimeline(edge->kind)) Set(e, "constraint", "false");
  }
  if (options.legend) AddLegend(g.get(), drawn_kinds);
  if (options.timeline && events.size() > 1) {
    // Invisible heavy edges between consecutive events keep them in date
    // order along the rank direction.
    std::stable_sort(events.begin(), events.end(), [](const Node* a, const Node* b) {
      return CompareDates(a->date, b->date) < 0;
    });
    for (size_t i = 1; i < events.size(); ++i) {
      Agnode_t* a = agnode(g.get(), const_cast<char*>(events[i - 1]->id.c_str()), 0);
      Agnode_t* b = agnode(g.get(), const_cast<char*>(events[i]->id.c_str()), 0);
      Agedge_t* e = agedge(g.get(), a, b, const_cast<char*>("timeline"), 1);
      Set(e, "style", "invis");
      Set(e, "weight", "10");
      Set(e, "label", "");
    }
  }
  return g;
}

// The process group of the layout child while it runs (its pid), for
// RunningLayoutGroup; lock-free, so a signal handler may read it.
std::atomic<pid_t> g_layout_group{0};
static_assert(std::atomic<pid_t>::is_always_lock_free);

// In the layout child, before any work: it must not outlive the parent, nor
// run the parent's signal handlers (which clean up the parent's files).
void BecomeLayoutChild(pid_t parent, int time_limit_seconds) {
  // Killed when the parent dies, however it dies (SIGKILL included). A
  // parent that died before this line is caught by the getppid() check.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(5);
  // A group of its own: the parent kills the group when a signal ends it,
  // and a terminal's Ctrl-C goes to the parent alone, which decides.
  ::setpgid(0, 0);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old = {};
    if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) {
      std::signal(signal, SIG_DFL);
    }
  }
  // A limit on processor time as well as the parent's clock, should the
  // parent be stopped: SIGXCPU at the limit and a second, SIGKILL a second
  // later.
  const rlim_t limit = static_cast<rlim_t>(time_limit_seconds) + 1;
  struct rlimit cpu = {limit, limit + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
}

// Lays out and renders DOT text in a child process. A Graphviz layout
// cannot be interrupted in-process, and Graphviz 2.42 frees memory twice
// when cleaning up some dot layouts: in a child, a layout that runs too
// long is killed and a crash costs only the child. The caller must be the
// only thread that is running (the command line is).
Result<std::string> LayOutInChild(const std::string& dot, const char* engine,
                                  const std::string& format, int time_limit_seconds,
                                  bool* out_of_time = nullptr) {
  int fds[2];
  if (::pipe(fds) != 0) return Status::Internal("cannot create a pipe for Graphviz");
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::Internal("cannot start Graphviz");
  }
  if (child == 0) {
    BecomeLayoutChild(parent, time_limit_seconds);
    ::close(fds[0]);
    Agraph_t* g = agmemread(dot.c_str());
    GVC_t* gvc = gvContext();
    char* data = nullptr;
    unsigned int length = 0;
    // gvRenderData before gvLayout corrupts the context: lay out first.
    if (!g || !gvc || gvLayout(gvc, g, engine) != 0 ||
        gvRenderData(gvc, g, format.c_str(), &data, &length) != 0 || !data) {
      ::_exit(3);
    }
    size_t written = 0;
    while (written < length) {
      ssize_t n = ::write(fds[1], data + written, length - written);
      if (n <= 0) ::_exit(4);
      written += static_cast<size_t>(n);
    }
    // No cleanup: the process ends here, and cleanup is what crashes.
    ::_exit(0);
  }
  // Set here too, so the group exists whichever of the two runs first.
  ::setpgid(child, child);
  g_layout_group.store(child);
  ::close(fds[1]);
  std::string image;
  char buffer[1 << 16];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(time_limit_seconds);
  bool timed_out = false;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    image.append(buffer, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(-child, SIGKILL);
  int wait_status = 0;
  while (::waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
  }
  g_layout_group.store(0);
  if (timed_out || (WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGXCPU)) {
    if (out_of_time) *out_of_time = true;
    return Status::Internal(std::string("Graphviz '") + engine + "' layout took longer than " +
                            std::to_string(time_limit_seconds) +
                            " s; render a smaller view or raise the time limit");
  }
  if (WIFSIGNALED(wait_status)) {
    return Status::Internal(std::string("Graphviz crashed laying out with '") + engine +
                            "' (signal " + std::to_string(WTERMSIG(wait_status)) + ")");
  }
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    return Status::Internal(std::string("Graphviz could not lay out or render ") + format);
  }
  return image;
}

}  // namespace

int RunningLayoutGroup() { return g_layout_group.load(); }

const char* ChooseEngine(size_t nodes, size_t edges, const DotOptions& options, std::string* why) {
  const std::string size = std::to_string(nodes) + " nodes and " + std::to_string(edges) + " links";
  if (nodes <= kMaxDotNodes && edges <= kMaxDotEdges) {
    *why = size + ": dot, which ranks " +
           (options.timeline ? "events in date order" : "the links") + " (up to " +
           std::to_string(kMaxDotNodes) + " nodes and " + std::to_string(kMaxDotEdges) + " links)";
    return "dot";
  }
  *why = size + ": sfdp, since dot's layout time explodes beyond " + std::to_string(kMaxDotNodes) +
         " nodes or " + std::to_string(kMaxDotEdges) + " links";
  return "sfdp";
}

Status WriteDot(const GraphView& graph, const DotOptions& options, std::ostream& out) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  Result<GraphPtr> g = BuildGraph(graph, options);
  if (!g.ok()) return g.status();
  std::string text;
  if (agwrite(g->get(), &text) != 0) return Status::Internal("cgraph could not write DOT");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) return Status::Io("cannot write DOT");
  return Status::Ok();
}

Status WriteDot(const EventGraph& graph, const DotOptions& options, std::ostream& out) {
  return WriteDot(WholeGraph(graph), options, out);
}

Status RenderImage(const GraphView& graph, const DotOptions& options, const std::string& format,
                   std::ostream& out, std::string* layout_note) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::Usage("unknown image format '" + format + "'");
  }
  std::string text;
  {
    std::lock_guard<std::mutex> lock(GraphvizMutex());
    Result<GraphPtr> built = BuildGraph(graph, options);
    if (!built.ok()) return built.status();
    if (agwrite(built->get(), &text) != 0) return Status::Internal("cgraph could not write DOT");
  }
  std::string why;
  // Links as drawn: not those the options hide.
  size_t edges = 0;
  for (const Edge* edge : graph.edges) edges += !Hidden(*edge, options);
  const char* engine = ChooseEngine(graph.num_nodes(), edges, options, &why);
  bool out_of_time = false;
  Result<std::string> image =
      LayOutInChild(text, engine, format, options.time_limit_seconds, &out_of_time);
  if (!image.ok() && out_of_time && std::string_view(engine) == "dot") {
    // A layout that never ends is no diagram: the faster one, and say so.
    why += "; dot ran past the time limit of " + std::to_string(options.time_limit_seconds) +
           " s, so sfdp drew it instead (no date order)";
    image = LayOutInChild(text, "sfdp", format, options.time_limit_seconds);
  }
  if (layout_note) *layout_note = why;
  if (!image.ok()) return image.status();
  out.write(image->data(), static_cast<std::streamsize>(image->size()));
  if (!out) return Status::Io("cannot write the image");
  return Status::Ok();
}

Status RenderImage(const EventGraph& graph, const DotOptions& options, const std::string& format,
                   std::ostream& out) {
  return RenderImage(WholeGraph(graph), options, format, out, nullptr);
}

Result<Positions> ComputePositions(const GraphView& graph, int time_limit_seconds) {
  DotOptions options;
  options.timeline = false;
  options.legend = false;
  options.show_mentions = true;
  std::string text;
  {
    std::lock_guard<std::mutex> lock(GraphvizMutex());
    Result<GraphPtr> built = BuildGraph(graph, options);
    if (!built.ok()) return built.status();
    if (agwrite(built->get(), &text) != 0) return Status::Internal("cgraph could not write DOT");
  }
  // "plain" output: "node NAME X Y W H ..." in inches; NAME quoted when it
  // needs to be, which ids with "/" always do.
  Result<std::string> plain = LayOutInChild(text, "sfdp", "plain", time_limit_seconds);
  if (!plain.ok()) return plain.status();
  Positions positions;
  std::istringstream lines(*plain);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("node ", 0) != 0) continue;
    size_t pos = 5;
    std::string name;
    if (pos < line.size() && line[pos] == '"') {
      size_t end = pos + 1;
      while (end < line.size() && line[end] != '"') {
        if (line[end] == '\\' && end + 1 < line.size()) ++end;
        name += line[end++];
      }
      pos = end + 1;
    } else {
      size_t end = line.find(' ', pos);
      name = line.substr(pos, end - pos);
      pos = end;
    }
    std::istringstream rest(line.substr(pos));
    double x = 0, y = 0;
    if (rest >> x >> y) positions[name] = {x * 72.0, -y * 72.0};  // Points, y down.
  }
  return positions;
}

}  // namespace etkg
