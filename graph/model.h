// The kinds of nodes and edges of an event graph, and the records that carry
// them. See docs/design.md "The model".
#ifndef ETKG_GRAPH_MODEL_H_
#define ETKG_GRAPH_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "graph/date.h"
#include "graph/interned.h"

namespace etkg {

enum class NodeKind {
  kLeader,
  kCall,
  kSummit,
  kEvent,
  kPlace,
  kIssue,
  kOrganization,
  kDocument,
};
inline constexpr NodeKind kAllNodeKinds[] = {
    NodeKind::kLeader, NodeKind::kCall,  NodeKind::kSummit,       NodeKind::kEvent,
    NodeKind::kPlace,  NodeKind::kIssue, NodeKind::kOrganization, NodeKind::kDocument};

enum class EdgeKind {
  kParticipant,  // leader -> call/summit/event
  kDiscussed,    // call/summit -> issue
  kHeldIn,       // summit/event -> place
  kConcerns,     // issue -> place
  kRefersTo,     // event -> event (a call that plans or recalls another)
  kPrecedes,     // event -> next event with the same participants
  kReportedBy,   // call/summit/event -> document
  kLeads,        // leader -> place
  kMentions,     // document -> node named in passing (not an event fact)
};
inline constexpr EdgeKind kAllEdgeKinds[] = {
    EdgeKind::kParticipant, EdgeKind::kDiscussed, EdgeKind::kHeldIn,
    EdgeKind::kConcerns,    EdgeKind::kRefersTo,  EdgeKind::kPrecedes,
    EdgeKind::kReportedBy,  EdgeKind::kLeads,     EdgeKind::kMentions};

// "leader", "call", ...; and back. Parse returns nullopt for unknown names.
std::string_view NodeKindName(NodeKind kind);
std::optional<NodeKind> ParseNodeKind(std::string_view name);
std::string_view EdgeKindName(EdgeKind kind);
std::optional<EdgeKind> ParseEdgeKind(std::string_view name);
// Calls, summits and events: the nodes that stand on a timeline.
bool IsEventKind(NodeKind kind);

// An attribute value: text, integer, real or flag.
using AttrValue = std::variant<std::string, int64_t, double, bool>;

// Attributes by key, with the part of std::map's interface the graph needs.
// Iteration is sorted by key, so every writer sees one order. Nearly every
// edge has none: an empty set is one null pointer, and a non-empty one keeps
// its pairs in one sorted array. Keys are interned: a few names are shared
// by every node.
class Attributes {
 public:
  using value_type = std::pair<InternedString, AttrValue>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  Attributes() = default;
  Attributes(std::initializer_list<value_type> items);
  Attributes(const Attributes& other);
  Attributes& operator=(const Attributes& other);
  Attributes(Attributes&&) noexcept = default;
  Attributes& operator=(Attributes&&) noexcept = default;
  ~Attributes() = default;

  bool empty() const { return items_ == nullptr || items_->empty(); }
  size_t size() const { return items_ == nullptr ? 0 : items_->size(); }
  iterator begin() { return items_ == nullptr ? nullptr : items_->data(); }
  iterator end() { return begin() + size(); }
  const_iterator begin() const { return items_ == nullptr ? nullptr : items_->data(); }
  const_iterator end() const { return begin() + size(); }

  // end() if there is no such key.
  iterator find(std::string_view key);
  const_iterator find(std::string_view key) const;
  size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }
  bool contains(std::string_view key) const { return find(key) != end(); }
  // Throws std::out_of_range if there is no such key.
  AttrValue& at(std::string_view key);
  const AttrValue& at(std::string_view key) const;
  // The value of `key`, added (empty text) if there is none.
  AttrValue& operator[](std::string_view key);
  // Adds `key` unless it is there; returns where it is and whether it was
  // added, as std::map does.
  template <typename Value>
  std::pair<iterator, bool> emplace(std::string_view key, Value&& value) {
    auto [it, added] = Insert(key);
    if (added) it->second = AttrValue(std::forward<Value>(value));
    return {it, added};
  }
  // Returns 1 if `key` was there, else 0.
  size_t erase(std::string_view key);
  void clear() { items_.reset(); }

  friend bool operator==(const Attributes& a, const Attributes& b);

 private:
  // Where `key` is, or where it goes; true if it was added (as empty text).
  std::pair<iterator, bool> Insert(std::string_view key);

  std::unique_ptr<std::vector<value_type>> items_;  // Null when empty.
};

// The text that supports a fact: which document, and where in it. The
// document id and the sentence are interned: a sentence that supports many
// edges is stored once, and evidence is 24 bytes.
struct Evidence {
  InternedString doc;   // Document node id without the "doc/" prefix.
  uint32_t offset = 0;  // Byte offset of the sentence in the document text.
  uint32_t length = 0;  // Byte length of the sentence.
  InternedString text;  // The sentence itself, for readers of the graph.

  friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

struct Node {
  std::string id;  // Stable slug: "leader/vladimir-putin", "summit/g20/2017".
  NodeKind kind = NodeKind::kEvent;
  std::string label;
  std::vector<std::string> aliases;  // Sorted, unique, never the label.
  DateValue date;
  Attributes attrs;
};

// Node ids and the date rule are interned: ends shared by many edges, and a
// handful of rules, are each stored once.
struct Edge {
  InternedString source;  // Node ids.
  InternedString target;
  EdgeKind kind = EdgeKind::kMentions;
  DateValue date;
  std::vector<Evidence> evidence;  // Sorted, unique.
  InternedString date_rule;        // How `date` was found; "" when undated.
  double confidence = 1.0;         // 0..1.
  Attributes attrs;
};

}  // namespace etkg

#endif  // ETKG_GRAPH_MODEL_H_
