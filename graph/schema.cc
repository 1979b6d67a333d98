#include "graph/schema.h"

namespace etkg {
namespace {

struct RuleName {
  DateRule rule;
  std::string_view name;
};
constexpr RuleName kRuleNames[] = {
    {DateRule::kExplicit, kRuleExplicit},         {DateRule::kDateline, kRuleDateline},
    {DateRule::kAnchorYear, kRuleAnchorYear},     {DateRule::kWeekday, kRuleWeekday},
    {DateRule::kRelative, kRuleRelative},         {DateRule::kPartial, kRulePartial},
    {DateRule::kDocumentDate, kRuleDocumentDate},
};

}  // namespace

std::string_view DateRuleName(DateRule rule) {
  for (const RuleName& r : kRuleNames) {
    if (r.rule == rule) return r.name;
  }
  return "";
}

std::optional<DateRule> ParseDateRule(std::string_view name) {
  for (const RuleName& r : kRuleNames) {
    if (r.name == name) return r.rule;
  }
  return std::nullopt;
}

std::string_view IdPrefix(NodeKind kind) {
  switch (kind) {
    case NodeKind::kLeader:
      return "leader/";
    case NodeKind::kCall:
      return "call/";
    case NodeKind::kSummit:
      return "summit/";
    case NodeKind::kEvent:
      return "event/";
    case NodeKind::kPlace:
      return "place/";
    case NodeKind::kIssue:
      return "issue/";
    case NodeKind::kOrganization:
      return "organization/";
    case NodeKind::kDocument:
      return "doc/";
  }
  return "";
}

std::string NodeId(NodeKind kind, std::string_view slug) {
  std::string id(IdPrefix(kind));
  id += slug;
  return id;
}

}  // namespace etkg
