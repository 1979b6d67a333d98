#include "graph/event_merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/schema.h"

namespace etkg {
namespace {

std::string AttrString(const Node& node, const char* key) {
  auto it = node.attrs.find(key);
  if (it == node.attrs.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}

std::string DatePart(const DateValue& date) {
  return date.is_null() ? "undated" : date.begin().ToString();
}

struct Member {
  const Node* node;
  int support;  // Documents that report it.
};

// Index of the best-dated member.
size_t BestMember(const std::vector<Member>& members) {
  size_t best = 0;
  for (size_t i = 1; i < members.size(); ++i) {
    const Node& a = *members[i].node;
    const Node& b = *members[best].node;
    if (BetterEventDate(a.date, AttrString(a, "date_rule"), members[i].support, b.date,
                        AttrString(b, "date_rule"), members[best].support)) {
      best = i;
    }
  }
  return best;
}

// Splits the events of one identity into groups that are one real event.
std::vector<std::vector<Member>> Cluster(std::vector<Member> members) {
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    int c = CompareDates(a.node->date, b.node->date);
    return c != 0 ? c < 0 : a.node->id < b.node->id;
  });
  std::vector<std::vector<Member>> clusters;
  std::vector<Member> pending;  // Year unknown or undated.
  for (const Member& m : members) {
    if (!m.node->date.begin().has_year()) {
      pending.push_back(m);
      continue;
    }
    bool joined = false;
    if (!clusters.empty()) {
      for (const Member& other : clusters.back()) {
        if (m.node->date.CompatibleWith(other.node->date, kMergeToleranceDays)) {
          clusters.back().push_back(m);
          joined = true;
          break;
        }
      }
    }
    if (!joined) clusters.push_back({m});
  }
  // A partial or missing date joins the one dated event it fits, if only one.
  std::vector<std::vector<Member>> partial_clusters;
  for (const Member& m : pending) {
    std::vector<size_t> fits;
    for (size_t i = 0; i < clusters.size(); ++i) {
      bool fit = m.node->date.is_null() ||
                 std::any_of(clusters[i].begin(), clusters[i].end(),
                             [&](const Member& o) { return m.node->date.Contains(o.node->date); });
      if (fit) fits.push_back(i);
    }
    if (fits.size() == 1) {
      clusters[fits[0]].push_back(m);
      continue;
    }
    bool joined = false;
    for (auto& cluster : partial_clusters) {
      const DateValue& d = cluster.front().node->date;
      if (d == m.node->date || d.Contains(m.node->date) || m.node->date.Contains(d) ||
          m.node->date.is_null()) {
        cluster.push_back(m);
        joined = true;
        break;
      }
    }
    if (!joined) partial_clusters.push_back({m});
  }
  clusters.insert(clusters.end(), partial_clusters.begin(), partial_clusters.end());
  return clusters;
}

}  // namespace

int DateRuleRank(const std::string& rule) {
  std::optional<DateRule> parsed = ParseDateRule(rule);
  if (!parsed) return 0;  // No rule: an undated report.
  switch (*parsed) {
    case DateRule::kExplicit:
    case DateRule::kDateline:
      return 4;
    case DateRule::kAnchorYear:
      return 3;
    case DateRule::kWeekday:
    case DateRule::kRelative:
      return 2;
    case DateRule::kPartial:
    case DateRule::kDocumentDate:
      return 1;
  }
  return 0;
}

bool BetterEventDate(const DateValue& a, const std::string& rule_a, int support_a,
                     const DateValue& b, const std::string& rule_b, int support_b) {
  if (a.is_null() != b.is_null()) return !a.is_null();
  bool year_a = a.begin().has_year(), year_b = b.begin().has_year();
  if (year_a != year_b) return year_a;
  if (a.precision() != b.precision()) return a.precision() > b.precision();
  int rank_a = DateRuleRank(rule_a), rank_b = DateRuleRank(rule_b);
  if (rank_a != rank_b) return rank_a > rank_b;
  if (support_a != support_b) return support_a > support_b;
  // Reports come after the fact: of two equally good dates a day apart, the
  // earlier is the day of the event, the later the day of a report.
  int c = CompareDates(a, b);
  if (c != 0) return c < 0;
  return rule_a < rule_b;
}

std::string CanonicalEventId(const Node& event) {
  std::string identity = AttrString(event, "identity");
  std::string kind(NodeKindName(event.kind));
  constexpr std::string_view kSeries = "series:";
  if (identity.compare(0, kSeries.size(), kSeries) == 0) {
    std::string series = identity.substr(kSeries.size());
    // Annual multilateral summits are named by year: "summit/g20/2017".
    if (AttrString(event, "format") == "multilateral") {
      std::string year = event.date.begin().has_year() ? event.date.begin().ToString().substr(0, 4)
                                                       : DatePart(event.date);
      return kind + "/" + series + "/" + year;
    }
    return kind + "/" + series + "/" + DatePart(event.date);
  }
  return kind + "/" + DatePart(event.date) + "/" + identity;
}

Status MergeEvents(EventGraph* graph) {
  std::map<std::tuple<NodeKind, std::string>, std::vector<Member>> groups;
  for (EventGraph::NodeIndex i = 0; i < graph->num_nodes(); ++i) {
    const Node& node = graph->NodeAt(i);
    if (!IsEventKind(node.kind)) continue;
    int support = 0;  // Documents that report it.
    graph->ForEachIncident(i, [&](EventGraph::NodeIndex, const Edge& e, bool outgoing) {
      support += outgoing && e.kind == EdgeKind::kReportedBy;
    });
    groups[{node.kind, AttrString(node, "identity")}].push_back({&node, support});
  }
  std::map<std::string, std::string> renames;
  std::map<std::string, Node> merged;  // By new id: the node to keep.
  for (auto& [key, members] : groups) {
    for (std::vector<Member>& cluster : Cluster(std::move(members))) {
      const Node& best = *cluster[BestMember(cluster)].node;
      Node keep = *cluster.front().node;
      for (size_t i = 1; i < cluster.size(); ++i) MergeNodeFields(&keep, *cluster[i].node);
      keep.date = best.date;
      keep.attrs["date_rule"] = AttrString(best, "date_rule");
      keep.id = CanonicalEventId(keep);
      for (const Member& m : cluster) renames[m.node->id] = keep.id;
      std::string id = keep.id;
      merged.insert_or_assign(std::move(id), std::move(keep));
    }
  }

  // The graph is changed in place: the old `precedes` edges go, the event
  // nodes become their clusters' nodes (their edges following them), and
  // the rest of the graph stays where it is. A loop anywhere goes too, as
  // renaming would drop it. Edges merge commutatively, so the order in
  // which they are moved does not show.
  graph->RemoveEdgesIf(
      [](const Edge& e) { return e.kind == EdgeKind::kPrecedes || e.source == e.target; });
  std::vector<std::string> ids;
  ids.reserve(merged.size());
  for (const auto& [id, node] : merged) ids.push_back(id);
  if (Status s = graph->ReplaceNodes(renames, std::move(merged)); !s.ok()) return s;
  // Facts about an event carry the event's date: what it states and whom it
  // gathers, but not who reported or mentioned it.
  struct Redate {
    EventGraph::NodeIndex source, target;
    EdgeKind kind;
  };
  std::vector<Redate> redates;
  std::vector<const Node*> event_nodes;
  event_nodes.reserve(ids.size());
  for (const std::string& id : ids) {
    EventGraph::NodeIndex event = *graph->IndexOf(id);
    const Node& node = graph->NodeAt(event);
    event_nodes.push_back(&node);
    redates.clear();
    graph->ForEachIncident(event, [&](EventGraph::NodeIndex other, const Edge& e, bool outgoing) {
      if (outgoing && e.kind != EdgeKind::kReportedBy && e.kind != EdgeKind::kMentions) {
        redates.push_back({event, other, e.kind});
      } else if (!outgoing && e.kind == EdgeKind::kParticipant &&
                 !IsEventKind(graph->NodeAt(other).kind)) {
        redates.push_back({other, event, e.kind});
      }
    });
    std::string rule = AttrString(node, "date_rule");
    for (const Redate& r : redates) graph->SetEdgeDate(r.source, r.target, r.kind, node.date, rule);
  }
  // precedes: consecutive dated events of the same participants.
  std::map<std::string, std::vector<const Node*>> by_identity;
  for (const Node* node : event_nodes) {
    if (!node->date.begin().has_year()) continue;
    std::string identity = AttrString(*node, "identity");
    if (identity.rfind("series:", 0) == 0) continue;
    by_identity[identity].push_back(node);
  }
  for (auto& [identity, events] : by_identity) {
    std::sort(events.begin(), events.end(), [](const Node* a, const Node* b) {
      int c = CompareDates(a->date, b->date);
      return c != 0 ? c < 0 : a->id < b->id;
    });
    for (size_t i = 1; i < events.size(); ++i) {
      Edge e;
      e.source = events[i - 1]->id;
      e.target = events[i]->id;
      e.kind = EdgeKind::kPrecedes;
      e.date = events[i - 1]->date;
      e.date_rule = AttrString(*events[i - 1], "date_rule");
      if (Status s = graph->AddEdge(std::move(e)); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace etkg
