// EventGraph: the nodes and dated edges of docs/design.md on a Boost.Graph
// adjacency list, behind domain operations. Boost descriptors never leave
// this class.
#ifndef ETKG_GRAPH_EVENT_GRAPH_H_
#define ETKG_GRAPH_EVENT_GRAPH_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace etkg {

class EventGraph {
 public:
  EventGraph();
  ~EventGraph();
  EventGraph(EventGraph&&) noexcept;
  EventGraph& operator=(EventGraph&&) noexcept;
  EventGraph(const EventGraph&);
  EventGraph& operator=(const EventGraph&);

  // Adds `node`, or merges it into the node that has its id: aliases and
  // attributes are united, the better label and date are kept. Merging is
  // commutative, associative and idempotent, so the order of additions never
  // shows in the result. Returns InvalidInput if the id is empty or names a
  // node of another kind.
  Status AddNode(Node node);

  // Adds `edge`, or merges it into the edge with the same (source, target,
  // kind): evidence is united, the better date and highest confidence kept.
  // Returns NotFound if either end is not a node.
  Status AddEdge(Edge edge);

  // Adds every node and edge of `other`.
  Status Merge(const EventGraph& other);
  // The same, moving what `other` holds (which is left empty).
  Status Merge(EventGraph&& other);

  // Moves every edge out, in storage order; the graph keeps its nodes (with
  // the same indexes) and has no edges left.
  std::vector<Edge> TakeEdges();

  // Renames nodes: each key becomes its value; nodes that end up with one id
  // merge, and so do their edges. Edges that would join a node to itself
  // are dropped. Returns InvalidInput if two merged nodes differ in kind.
  Status RenameNodes(const std::map<std::string, std::string>& renames);

  // Replaces nodes in place: every node whose id is a key of `renames`
  // becomes the node of `nodes` keyed by its value (fields replaced, not
  // merged); nodes that end up with one id become one, and their edges
  // merge as AddEdge does. Edges that would join a node to itself are
  // dropped. Only the renamed nodes and their edges are touched; the other
  // nodes may change index. Returns InvalidInput, with the graph unchanged,
  // if a value is not a key of `nodes` or is the id of a node that is not
  // renamed.
  Status ReplaceNodes(const std::map<std::string, std::string>& renames,
                      std::map<std::string, Node> nodes);

  // Removes every edge for which drop(edge) is true.
  template <typename Fn>
  void RemoveEdgesIf(Fn&& drop) {
    using F = std::remove_reference_t<Fn>;
    RemoveEdgesIfImpl(
        [](void* context, const Edge& edge) { return (*static_cast<F*>(context))(edge); }, &drop);
  }

  // Returns nullptr if no node has this id.
  const Node* FindNode(std::string_view id) const;
  // Returns nullptr if there is no such edge.
  const Edge* FindEdge(std::string_view source, std::string_view target, EdgeKind kind) const;

  size_t num_nodes() const;
  size_t num_edges() const;

  // Nodes sorted by id; edges sorted by (source, target, kind).
  std::vector<const Node*> Nodes() const;
  std::vector<const Edge*> Edges() const;
  // The edges leaving / entering a node, sorted as Edges(). Empty for an
  // unknown id.
  std::vector<const Edge*> OutEdges(std::string_view id) const;
  std::vector<const Edge*> InEdges(std::string_view id) const;

  // Dense indexes 0..num_nodes()-1 for algorithms that keep per-node arrays.
  // They stay valid until the next AddNode, Merge, RenameNodes or
  // ReplaceNodes.
  using NodeIndex = uint32_t;
  std::optional<NodeIndex> IndexOf(std::string_view id) const;
  const Node& NodeAt(NodeIndex index) const;
  // Sets the date of the edge (source, target, kind), if there is one.
  void SetEdgeDate(NodeIndex source, NodeIndex target, EdgeKind kind, const DateValue& date,
                   const std::string& date_rule);
  // Adds `edge` between the nodes of index `source` and `target`, whose ids
  // the edge must carry, as AddEdge adds a new edge: for readers that have
  // resolved the ends already. Returns false, and leaves the graph as it
  // was, if the graph has an edge of those ends and kind.
  bool AddNewEdge(NodeIndex source, NodeIndex target, Edge edge);
  // The same for an edge the caller knows to be new (the graph has no edge
  // of its ends and kind), which is not checked.
  void AddEdgeKnownNew(NodeIndex source, NodeIndex target, Edge edge);
  // Makes room for `edges` edges in all, so that adding up to that many
  // rehashes nothing.
  void ReserveEdges(size_t edges);

  // Calls fn(other, edge, outgoing) for every edge of `index`, in storage
  // order (callers that need a stable order sort what they collect).
  template <typename Fn>
  void ForEachIncident(NodeIndex index, Fn&& fn) const {
    VisitIncident(
        index,
        [](void* context, NodeIndex other, const Edge& edge, bool outgoing) {
          (*static_cast<Fn*>(context))(other, edge, outgoing);
        },
        &fn);
  }

  // Number of weakly connected components.
  size_t CountComponents() const;
  // Brandes betweenness centrality of every node, over edges taken as
  // undirected. O(V·E): callers guard the size.
  std::vector<double> Betweenness() const;

 private:
  void VisitIncident(NodeIndex index, void (*fn)(void*, NodeIndex, const Edge&, bool),
                     void* context) const;
  void RemoveEdgesIfImpl(bool (*drop)(void*, const Edge&), void* context);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Merges the fields of `from` into `into` as AddNode does for two nodes of
// one id (the ids themselves are left alone).
void MergeNodeFields(Node* into, Node from);

// Orders edges as the native JSON does: by (source, target, kind).
bool EdgeLess(const Edge& a, const Edge& b);

}  // namespace etkg

#endif  // ETKG_GRAPH_EVENT_GRAPH_H_
