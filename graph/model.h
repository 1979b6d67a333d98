// The kinds of nodes and edges of an event graph, and the records that carry
// them. See DESIGN.md "The model".
#ifndef ETKG_GRAPH_MODEL_H_
#define ETKG_GRAPH_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
// Sorted by key, so every writer sees one order.
using Attributes = std::map<std::string, AttrValue, std::less<>>;

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

struct Edge {
  std::string source;  // Node ids.
  std::string target;
  EdgeKind kind = EdgeKind::kMentions;
  DateValue date;
  std::vector<Evidence> evidence;  // Sorted, unique.
  std::string date_rule;           // How `date` was found; "" when undated.
  double confidence = 1.0;         // 0..1.
  Attributes attrs;
};

}  // namespace etkg

#endif  // ETKG_GRAPH_MODEL_H_
