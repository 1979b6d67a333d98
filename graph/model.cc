#include "graph/model.h"

namespace etkg {
namespace {

constexpr std::string_view kNodeKindNames[] = {"leader", "call",  "summit",       "event",
                                               "place",  "issue", "organization", "document"};
constexpr std::string_view kEdgeKindNames[] = {"participant", "discussed", "held_in",
                                               "concerns",    "refers_to", "precedes",
                                               "reported_by", "leads",     "mentions"};

}  // namespace

std::string_view NodeKindName(NodeKind kind) { return kNodeKindNames[static_cast<int>(kind)]; }

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (NodeKind kind : kAllNodeKinds) {
    if (NodeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view EdgeKindName(EdgeKind kind) { return kEdgeKindNames[static_cast<int>(kind)]; }

std::optional<EdgeKind> ParseEdgeKind(std::string_view name) {
  for (EdgeKind kind : kAllEdgeKinds) {
    if (EdgeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool IsEventKind(NodeKind kind) {
  return kind == NodeKind::kCall || kind == NodeKind::kSummit || kind == NodeKind::kEvent;
}

}  // namespace etkg
