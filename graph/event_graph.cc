#include "graph/event_graph.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/undirected_graph.hpp>

namespace etkg {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = Graph::vertex_descriptor;
using EdgeDesc = Graph::edge_descriptor;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Which of two labels a merged node keeps. The choice depends only on the
// two values, never on which came first: merging stays commutative.
bool BetterLabel(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() > b.size();
  return a < b;
}

// More precise first; then the earlier, so the pick is a total order.
bool BetterDate(const DateValue& a, const DateValue& b) {
  if (a.is_null() != b.is_null()) return !a.is_null();
  if (a.precision() != b.precision()) return a.precision() > b.precision();
  bool a_year = a.begin().has_year(), b_year = b.begin().has_year();
  if (a_year != b_year) return a_year;
  // A point beats an interval of the same precision only when shorter.
  auto span_a = a.SpanDays(), span_b = b.SpanDays();
  if (span_a && span_b && *span_a != *span_b) return *span_a < *span_b;
  return CompareDates(a, b) < 0;
}

void MergeAttributes(Attributes* into, const Attributes& from) {
  for (const auto& [key, value] : from) {
    auto it = into->find(key);
    if (it == into->end()) {
      into->emplace(key, value);
    } else if (it->second < value) {
      // Conflicting values: keep the greater, whatever the order of arrival.
      it->second = value;
    }
  }
}

}  // namespace

void MergeNodeFields(Node* into, Node from) {
  std::vector<std::string> names = std::move(into->aliases);
  names.insert(names.end(), std::make_move_iterator(from.aliases.begin()),
               std::make_move_iterator(from.aliases.end()));
  names.push_back(into->label);
  names.push_back(from.label);
  if (BetterLabel(from.label, into->label)) into->label = from.label;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::erase_if(names, [&](const std::string& n) { return n.empty() || n == into->label; });
  into->aliases = std::move(names);
  if (BetterDate(from.date, into->date)) into->date = from.date;
  MergeAttributes(&into->attrs, from.attrs);
}

namespace {

void NormalizeNode(Node* node) {
  std::sort(node->aliases.begin(), node->aliases.end());
  node->aliases.erase(std::unique(node->aliases.begin(), node->aliases.end()), node->aliases.end());
  std::erase_if(node->aliases, [&](const std::string& n) { return n.empty() || n == node->label; });
}

void NormalizeEdge(Edge* edge) {
  if (std::is_sorted(edge->evidence.begin(), edge->evidence.end()) &&
      std::adjacent_find(edge->evidence.begin(), edge->evidence.end()) == edge->evidence.end()) {
    return;
  }
  std::sort(edge->evidence.begin(), edge->evidence.end());
  edge->evidence.erase(std::unique(edge->evidence.begin(), edge->evidence.end()),
                       edge->evidence.end());
}

// Most edges keep a handful of evidence: their lists grow to the exact size
// (a reallocation of a few dozen bytes), and only long lists grow
// geometrically, so that lists hold little unused room.
constexpr size_t kExactEvidence = 16;

void ReserveEvidence(std::vector<Evidence>* list, size_t extra) {
  const size_t needed = list->size() + extra;
  if (needed <= list->capacity()) return;
  list->reserve(needed <= kExactEvidence ? needed
                                         : std::max(needed, list->size() + list->size() / 2));
}

// Both lists are sorted and unique: merge them in linear time. Documents
// usually arrive in order, so the new evidence most often goes at the end.
void MergeEvidence(std::vector<Evidence>* into, std::vector<Evidence> from) {
  if (from.empty()) return;
  ReserveEvidence(into, from.size());
  if (into->empty() || !(from.front() < into->back())) {
    // In order, or the same sentence again (a name twice in a sentence):
    // append without a pass over what is there.
    auto first = from.begin();
    if (!into->empty() && *first == into->back()) ++first;
    into->insert(into->end(), std::make_move_iterator(first), std::make_move_iterator(from.end()));
    return;
  }
  size_t middle = into->size();
  into->insert(into->end(), std::make_move_iterator(from.begin()),
               std::make_move_iterator(from.end()));
  std::inplace_merge(into->begin(), into->begin() + static_cast<std::ptrdiff_t>(middle),
                     into->end());
  into->erase(std::unique(into->begin(), into->end()), into->end());
}

void MergeEdgeInto(Edge* into, Edge from) {
  NormalizeEdge(&from);
  MergeEvidence(&into->evidence, std::move(from.evidence));
  if (from.date == into->date) {
    into->date_rule = std::min(into->date_rule, from.date_rule);
  } else if (BetterDate(from.date, into->date)) {
    into->date = from.date;
    into->date_rule = from.date_rule;
  }
  into->confidence = std::max(into->confidence, from.confidence);
  MergeAttributes(&into->attrs, from.attrs);
}

}  // namespace

bool EdgeLess(const Edge& a, const Edge& b) {
  return std::tie(a.source, a.target, a.kind) < std::tie(b.source, b.target, b.kind);
}

struct EventGraph::Impl {
  struct EdgeKey {
    Vertex source;
    Vertex target;
    EdgeKind kind;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const {
      return (k.source * 0x9E3779B97F4A7C15ULL) ^ (k.target * 0xC2B2AE3D27D4EB4FULL) ^
             static_cast<size_t>(k.kind);
    }
  };

  Graph graph;
  std::unordered_map<std::string, Vertex, StringHash, std::equal_to<>> index;
  std::unordered_map<EdgeKey, EdgeDesc, EdgeKeyHash> edge_index;

  std::optional<Vertex> Find(std::string_view id) const {
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
  }

  void RemoveEdge(EdgeDesc e) {
    edge_index.erase(EdgeKey{boost::source(e, graph), boost::target(e, graph), graph[e].kind});
    boost::remove_edge(e, graph);
  }

  // Moves every edge of `v` so that it joins map(source) to map(target)
  // instead, merging it into the edge already there, or dropping it if the
  // two are one node. The edges carry the ids of their new ends.
  template <typename Map>
  void MoveEdges(Vertex v, Map map) {
    struct Moving {
      Vertex source, target;
      Edge edge;
    };
    std::vector<Moving> moving;
    auto take = [&](EdgeDesc e) {
      Vertex s = boost::source(e, graph), t = boost::target(e, graph);
      edge_index.erase(EdgeKey{s, t, graph[e].kind});
      moving.push_back({map(s), map(t), std::move(graph[e])});
    };
    for (EdgeDesc e : boost::make_iterator_range(boost::out_edges(v, graph))) take(e);
    for (EdgeDesc e : boost::make_iterator_range(boost::in_edges(v, graph))) {
      if (boost::source(e, graph) != v) take(e);  // A loop was taken as an out-edge.
    }
    // One pass over v's own lists, instead of a search in them per edge.
    boost::clear_vertex(v, graph);
    for (Moving& m : moving) {
      if (m.source == m.target) continue;
      m.edge.source = graph[m.source].id;
      m.edge.target = graph[m.target].id;
      EdgeKey key{m.source, m.target, m.edge.kind};
      if (auto it = edge_index.find(key); it != edge_index.end()) {
        MergeEdgeInto(&graph[it->second], std::move(m.edge));
        continue;
      }
      auto [added, inserted] = boost::add_edge(m.source, m.target, std::move(m.edge), graph);
      (void)inserted;
      edge_index.emplace(key, added);
    }
  }
};

EventGraph::EventGraph() : impl_(std::make_unique<Impl>()) {}
EventGraph::~EventGraph() = default;
EventGraph::EventGraph(EventGraph&&) noexcept = default;
EventGraph& EventGraph::operator=(EventGraph&&) noexcept = default;
EventGraph::EventGraph(const EventGraph& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
EventGraph& EventGraph::operator=(const EventGraph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}

Status EventGraph::AddNode(Node node) {
  if (node.id.empty()) return Status::Invalid("node without an id");
  if (auto v = impl_->Find(node.id)) {
    Node& existing = impl_->graph[*v];
    if (existing.kind != node.kind) {
      return Status::Invalid("node '" + node.id + "' is a " +
                             std::string(NodeKindName(existing.kind)) + ", not a " +
                             std::string(NodeKindName(node.kind)));
    }
    MergeNodeFields(&existing, std::move(node));
    return Status::Ok();
  }
  NormalizeNode(&node);
  std::string id = node.id;
  Vertex v = boost::add_vertex(std::move(node), impl_->graph);
  impl_->index.emplace(std::move(id), v);
  return Status::Ok();
}

Status EventGraph::AddEdge(Edge edge) {
  auto source = impl_->Find(edge.source);
  if (!source) return Status::NotFound("edge from unknown node '" + edge.source + "'");
  auto target = impl_->Find(edge.target);
  if (!target) return Status::NotFound("edge to unknown node '" + edge.target + "'");
  Impl::EdgeKey key{*source, *target, edge.kind};
  if (auto it = impl_->edge_index.find(key); it != impl_->edge_index.end()) {
    MergeEdgeInto(&impl_->graph[it->second], std::move(edge));
    return Status::Ok();
  }
  AddEdgeKnownNew(*source, *target, std::move(edge));
  return Status::Ok();
}

bool EventGraph::AddNewEdge(NodeIndex source, NodeIndex target, Edge edge) {
  if (impl_->edge_index.contains(Impl::EdgeKey{source, target, edge.kind})) return false;
  AddEdgeKnownNew(source, target, std::move(edge));
  return true;
}

void EventGraph::AddEdgeKnownNew(NodeIndex source, NodeIndex target, Edge edge) {
  const Impl::EdgeKey key{source, target, edge.kind};
  NormalizeEdge(&edge);
  // A new edge holds no spare room for evidence.
  if (edge.evidence.capacity() > edge.evidence.size()) edge.evidence.shrink_to_fit();
  // add_edge copies the property it is given: the edge is moved in after.
  // Parallel edges are allowed by vecS; the key map keeps one per kind.
  EdgeDesc e = boost::add_edge(source, target, impl_->graph).first;
  impl_->graph[e] = std::move(edge);
  impl_->edge_index.emplace(key, e);
}

void EventGraph::ReserveEdges(size_t edges) { impl_->edge_index.reserve(edges); }

Status EventGraph::Merge(const EventGraph& other) {
  for (const Node* node : other.Nodes()) {
    if (Status s = AddNode(*node); !s.ok()) return s;
  }
  for (const Edge* edge : other.Edges()) {
    if (Status s = AddEdge(*edge); !s.ok()) return s;
  }
  return Status::Ok();
}

Status EventGraph::Merge(EventGraph&& other) {
  if (num_nodes() == 0 && num_edges() == 0) {
    *this = std::move(other);
    other = EventGraph();
    return Status::Ok();
  }
  // Merging is commutative: storage order is as good as sorted order here.
  Graph& g = other.impl_->graph;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (Status s = AddNode(std::move(g[v])); !s.ok()) return s;
  }
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    if (Status s = AddEdge(std::move(g[e])); !s.ok()) return s;
  }
  other = EventGraph();
  return Status::Ok();
}

std::vector<Edge> EventGraph::TakeEdges() {
  Graph& g = impl_->graph;
  std::vector<Edge> edges;
  edges.reserve(num_edges());
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) edges.push_back(std::move(g[e]));
  // Vertices keep their indexes: vecS numbers them in insertion order.
  Graph nodes_only;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    boost::add_vertex(std::move(g[v]), nodes_only);
  }
  impl_->graph = std::move(nodes_only);
  impl_->edge_index.clear();
  return edges;
}

Status EventGraph::RenameNodes(const std::map<std::string, std::string>& renames) {
  auto rename = [&](const std::string& id) -> const std::string& {
    auto it = renames.find(id);
    return it == renames.end() ? id : it->second;
  };
  EventGraph rebuilt;
  for (const Node* node : Nodes()) {
    Node copy = *node;
    copy.id = rename(node->id);
    if (Status s = rebuilt.AddNode(std::move(copy)); !s.ok()) return s;
  }
  for (const Edge* edge : Edges()) {
    Edge copy = *edge;
    copy.source = rename(edge->source);
    copy.target = rename(edge->target);
    if (copy.source == copy.target) continue;
    if (Status s = rebuilt.AddEdge(std::move(copy)); !s.ok()) return s;
  }
  *this = std::move(rebuilt);
  return Status::Ok();
}

Status EventGraph::ReplaceNodes(const std::map<std::string, std::string>& renames,
                                std::map<std::string, Node> nodes) {
  Graph& g = impl_->graph;
  // Everything is checked before anything changes.
  std::vector<std::pair<Vertex, const std::string*>> renamed;  // Vertex, new id.
  for (const auto& [from, to] : renames) {
    auto node = nodes.find(to);
    if (node == nodes.end()) return Status::Invalid("no node given for '" + to + "'");
    if (auto holder = impl_->Find(to); holder && !renames.contains(to)) {
      return Status::Invalid("node '" + to + "' is a " +
                             std::string(NodeKindName(g[*holder].kind)) + ", not a " +
                             std::string(NodeKindName(node->second.kind)));
    }
    if (auto v = impl_->Find(from)) renamed.emplace_back(*v, &to);
  }
  // The node of lowest index keeps each new id; the others are emptied of
  // their edges and then removed.
  std::sort(renamed.begin(), renamed.end());
  std::unordered_map<std::string_view, Vertex> keeper;
  std::unordered_map<Vertex, Vertex> forward;  // Removed node -> keeper.
  std::vector<Vertex> removed;
  for (const auto& [v, to] : renamed) {
    auto [it, first] = keeper.emplace(*to, v);
    if (!first) {
      forward.emplace(v, it->second);
      removed.push_back(v);
    }
  }
  for (const auto& [v, to] : renamed) impl_->index.erase(g[v].id);
  for (const auto& [id, v] : keeper) {
    auto node = nodes.find(std::string(id));
    g[v] = std::move(node->second);
    g[v].id = node->first;
    NormalizeNode(&g[v]);
    impl_->index.emplace(node->first, v);
  }
  auto follow = [&](Vertex v) {
    auto it = forward.find(v);
    return it == forward.end() ? v : it->second;
  };
  for (Vertex v : removed) impl_->MoveEdges(v, follow);
  // The kept nodes' edges stay where they are but carry the new ids.
  for (const auto& [id, v] : keeper) {
    for (EdgeDesc e : boost::make_iterator_range(boost::out_edges(v, g))) g[e].source = g[v].id;
    for (EdgeDesc e : boost::make_iterator_range(boost::in_edges(v, g))) g[e].target = g[v].id;
    // A loop the node had before it was renamed goes.
    if (boost::edge(v, v, g).second) impl_->MoveEdges(v, [](Vertex u) { return u; });
  }
  // vecS renumbers every edge when a vertex other than the last is removed,
  // so each removed node's slot takes the last node instead, whose edges
  // move with it; removing the last vertex renumbers nothing.
  std::sort(removed.rbegin(), removed.rend());
  for (Vertex hole : removed) {
    Vertex last = boost::num_vertices(g) - 1;
    if (hole != last) {
      g[hole] = std::move(g[last]);
      impl_->index[g[hole].id] = hole;
      impl_->MoveEdges(last, [&](Vertex v) { return v == last ? hole : v; });
    }
    boost::remove_vertex(last, g);
  }
  return Status::Ok();
}

void EventGraph::RemoveEdgesIfImpl(bool (*drop)(void*, const Edge&), void* context) {
  Graph& g = impl_->graph;
  std::vector<EdgeDesc> doomed;
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    if (drop(context, g[e])) doomed.push_back(e);
  }
  for (EdgeDesc e : doomed) impl_->RemoveEdge(e);
}

void EventGraph::SetEdgeDate(NodeIndex source, NodeIndex target, EdgeKind kind,
                             const DateValue& date, const std::string& date_rule) {
  auto it = impl_->edge_index.find(Impl::EdgeKey{source, target, kind});
  if (it == impl_->edge_index.end()) return;
  Edge& edge = impl_->graph[it->second];
  edge.date = date;
  edge.date_rule = date_rule;
}

const Node* EventGraph::FindNode(std::string_view id) const {
  auto v = impl_->Find(id);
  return v ? &impl_->graph[*v] : nullptr;
}

const Edge* EventGraph::FindEdge(std::string_view source, std::string_view target,
                                 EdgeKind kind) const {
  auto s = impl_->Find(source);
  auto t = impl_->Find(target);
  if (!s || !t) return nullptr;
  auto it = impl_->edge_index.find(Impl::EdgeKey{*s, *t, kind});
  return it == impl_->edge_index.end() ? nullptr : &impl_->graph[it->second];
}

size_t EventGraph::num_nodes() const { return boost::num_vertices(impl_->graph); }
size_t EventGraph::num_edges() const { return boost::num_edges(impl_->graph); }

std::vector<const Node*> EventGraph::Nodes() const {
  std::vector<const Node*> nodes;
  nodes.reserve(num_nodes());
  for (Vertex v : boost::make_iterator_range(boost::vertices(impl_->graph))) {
    nodes.push_back(&impl_->graph[v]);
  }
  std::sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) { return a->id < b->id; });
  return nodes;
}

namespace {
void SortEdges(std::vector<const Edge*>* edges) {
  std::sort(edges->begin(), edges->end(),
            [](const Edge* a, const Edge* b) { return EdgeLess(*a, *b); });
}
}  // namespace

std::vector<const Edge*> EventGraph::Edges() const {
  // Ids are unique, so ranking the nodes by id once and sorting the edges
  // by the ranks of their ends gives EdgeLess's order while comparing
  // integers instead of strings.
  const Graph& g = impl_->graph;
  std::vector<Vertex> by_id(boost::num_vertices(g));
  for (Vertex v = 0; v < by_id.size(); ++v) by_id[v] = v;
  std::sort(by_id.begin(), by_id.end(), [&g](Vertex a, Vertex b) { return g[a].id < g[b].id; });
  std::vector<uint32_t> rank(by_id.size());
  for (size_t i = 0; i < by_id.size(); ++i) rank[by_id[i]] = static_cast<uint32_t>(i);
  struct Keyed {
    uint64_t ends;  // Source rank, then target rank.
    EdgeKind kind;
    const Edge* edge;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(num_edges());
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    uint64_t ends = (uint64_t{rank[boost::source(e, g)]} << 32) | rank[boost::target(e, g)];
    keyed.push_back({ends, g[e].kind, &g[e]});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.ends != b.ends ? a.ends < b.ends : a.kind < b.kind;
  });
  std::vector<const Edge*> edges;
  edges.reserve(keyed.size());
  for (const Keyed& k : keyed) edges.push_back(k.edge);
  return edges;
}

std::vector<const Edge*> EventGraph::OutEdges(std::string_view id) const {
  std::vector<const Edge*> edges;
  if (auto v = impl_->Find(id)) {
    for (EdgeDesc e : boost::make_iterator_range(boost::out_edges(*v, impl_->graph))) {
      edges.push_back(&impl_->graph[e]);
    }
  }
  SortEdges(&edges);
  return edges;
}

std::vector<const Edge*> EventGraph::InEdges(std::string_view id) const {
  std::vector<const Edge*> edges;
  if (auto v = impl_->Find(id)) {
    for (EdgeDesc e : boost::make_iterator_range(boost::in_edges(*v, impl_->graph))) {
      edges.push_back(&impl_->graph[e]);
    }
  }
  SortEdges(&edges);
  return edges;
}

std::optional<EventGraph::NodeIndex> EventGraph::IndexOf(std::string_view id) const {
  auto v = impl_->Find(id);
  if (!v) return std::nullopt;
  return static_cast<NodeIndex>(*v);
}

const Node& EventGraph::NodeAt(NodeIndex index) const { return impl_->graph[index]; }

void EventGraph::VisitIncident(NodeIndex index, void (*fn)(void*, NodeIndex, const Edge&, bool),
                               void* context) const {
  const Graph& g = impl_->graph;
  for (EdgeDesc e : boost::make_iterator_range(boost::out_edges(index, g))) {
    fn(context, static_cast<NodeIndex>(boost::target(e, g)), g[e], true);
  }
  for (EdgeDesc e : boost::make_iterator_range(boost::in_edges(index, g))) {
    fn(context, static_cast<NodeIndex>(boost::source(e, g)), g[e], false);
  }
}

namespace {
// The same vertices with every edge taken both ways, for the algorithms
// that want an undirected graph.
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
Undirected ToUndirected(const Graph& g) {
  Undirected u(boost::num_vertices(g));
  for (EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    boost::add_edge(boost::source(e, g), boost::target(e, g), u);
  }
  return u;
}
}  // namespace

size_t EventGraph::CountComponents() const {
  Undirected u = ToUndirected(impl_->graph);
  std::vector<int> component(boost::num_vertices(u));
  if (component.empty()) return 0;
  return static_cast<size_t>(boost::connected_components(u, component.data()));
}

std::vector<double> EventGraph::Betweenness() const {
  Undirected u = ToUndirected(impl_->graph);
  std::vector<double> centrality(boost::num_vertices(u), 0.0);
  if (centrality.empty()) return centrality;
  boost::brandes_betweenness_centrality(
      u, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, u)));
  return centrality;
}

}  // namespace etkg
