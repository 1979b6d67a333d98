#include "graph/query.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "graph/query_index.h"
#include "graph/text.h"

namespace etkg {
namespace {

using Index = EventGraph::NodeIndex;

// A name as typed and as stored, compared alike: lower case, and the dashes
// a keyboard lacks ("Trump–Putin call") as hyphens.
std::string FoldName(std::string_view name) {
  std::string folded = AsciiLower(name);
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
    for (size_t at = folded.find(dash); at != std::string::npos; at = folded.find(dash, at + 1)) {
      folded.replace(at, dash.size(), "-");
    }
  }
  return folded;
}

// The names a node answers to, folded.
std::vector<std::string> NamesOf(const Node& node) {
  std::vector<std::string> names = {FoldName(node.id), FoldName(node.label)};
  size_t slash = node.id.find('/');
  if (slash != std::string::npos) names.push_back(FoldName(node.id.substr(slash + 1)));
  for (const std::string& alias : node.aliases) names.push_back(FoldName(alias));
  return names;
}

bool StartsWord(const std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    if (at == 0 || text[at - 1] == ' ' || text[at - 1] == '-' || text[at - 1] == '/') return true;
  }
  return false;
}

std::string Describe(const Node& node) {
  return node.id + " (" + node.label + (node.date.is_null() ? "" : ", " + node.date.ToString()) +
         ")";
}

// "G20 2017", "Trump–Putin call, 2 May 2017", "Astana talks 2017-05-03",
// "the call of May 2017": the name before the date it ends with, and the
// date; nullopt when it ends with none.
std::optional<std::pair<std::string_view, DateValue>> SplitTrailingDate(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  auto month_of = [](std::string_view word) {
    std::string w = AsciiLower(word);
    if (w.ends_with(".")) w.pop_back();
    for (int m = 0; m < 12; ++m) {
      if (w == kMonths[m] || (w.size() >= 3 && kMonths[m].starts_with(w) && w.size() <= 4)) {
        return m + 1;
      }
    }
    return 0;
  };
  auto number = [](std::string_view word, int digits_min, int digits_max) {
    if (word.ends_with(",")) word.remove_suffix(1);
    if (word.size() < static_cast<size_t>(digits_min) ||
        word.size() > static_cast<size_t>(digits_max) ||
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return 0;
    }
    return std::stoi(std::string(word));
  };
  // The words, with where each starts.
  std::vector<std::pair<size_t, std::string_view>> words;
  for (size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    if (j > i) words.push_back({i, name.substr(i, j - i)});
    i = j;
  }
  const size_t n = words.size();
  if (n < 2) return std::nullopt;
  auto word = [&](size_t back) { return words[n - back].second; };
  std::optional<DateValue> date;
  size_t used = 0;
  if (auto iso = DateValue::Parse(word(1)); iso && !iso->is_null() && iso->begin().has_year() &&
                                            word(1).find('-') != std::string_view::npos) {
    date = *iso, used = 1;
  } else if (int year = number(word(1), 4, 4)) {
    int month = n >= 3 ? month_of(word(2)) : 0;
    int day_before = n >= 4 && month ? number(word(3), 1, 2) : 0;  // 2 May 2017
    int day_after = n >= 4 && !month ? number(word(2), 1, 2) : 0;  // May 2, 2017
    int month_before = day_after && n >= 4 ? month_of(word(3)) : 0;
    std::optional<PartialDate> point;
    if (month && day_before) {
      point = PartialDate::Make(year, month, day_before), used = 3;
    } else if (month_before) {
      point = PartialDate::Make(year, month_before, day_after), used = 3;
    } else if (month) {
      point = PartialDate::Make(year, month), used = 2;
    } else {
      point = PartialDate::Make(year), used = 1;
    }
    if (point) date = DateValue(*point);
  }
  if (!date || used >= n) return std::nullopt;
  std::string_view base = name.substr(0, words[n - used].first);
  while (!base.empty() && (base.back() == ' ' || base.back() == ',')) base.remove_suffix(1);
  for (std::string_view tail : {" of", " on", " in"}) {
    if (base.ends_with(tail)) base.remove_suffix(tail.size());
  }
  if (base.empty()) return std::nullopt;
  return std::pair(base, *date);
}

// Links a query follows: not the document table, not passing mentions.
bool Walkable(const Edge& edge) {
  return edge.kind != EdgeKind::kMentions && edge.kind != EdgeKind::kReportedBy;
}

int SourcesOf(const EventGraph& graph, Index event) {
  int sources = 0;
  graph.ForEachIncident(event, [&](Index, const Edge& e, bool outgoing) {
    if (outgoing && e.kind == EdgeKind::kReportedBy) ++sources;
  });
  return sources;
}

bool EventPasses(const EventGraph& graph, Index index, const ViewFilter& filter) {
  const Node& node = graph.NodeAt(index);
  if (!IsEventKind(node.kind)) return false;
  if (!filter.AcceptsKind(node.kind)) return false;
  if (!filter.InWindow(node.date)) return false;
  if (filter.min_sources > 0 && SourcesOf(graph, index) < filter.min_sources) return false;
  return true;
}

// The events a node stands in: itself, the events it took part in, was the
// place or the topic of, and for a place the events whose topics concern it.
// Sorted and unique.
std::vector<Index> EventsTouching(const EventGraph& graph, Index x) {
  std::vector<Index> events;
  const Node& node = graph.NodeAt(x);
  if (IsEventKind(node.kind)) return {x};
  graph.ForEachIncident(x, [&](Index other, const Edge& e, bool) {
    const Node& o = graph.NodeAt(other);
    if (IsEventKind(o.kind) &&
        (e.kind == EdgeKind::kParticipant || e.kind == EdgeKind::kHeldIn ||
         e.kind == EdgeKind::kDiscussed || e.kind == EdgeKind::kReportedBy)) {
      events.push_back(other);
    }
    // A place: the events that discussed an issue concerning it.
    if (node.kind == NodeKind::kPlace && e.kind == EdgeKind::kConcerns &&
        o.kind == NodeKind::kIssue) {
      graph.ForEachIncident(other, [&](Index event, const Edge& d, bool) {
        if (d.kind == EdgeKind::kDiscussed && IsEventKind(graph.NodeAt(event).kind)) {
          events.push_back(event);
        }
      });
    }
  });
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

// The timeline order of CompareDates, computed once per event: dated by
// first and last day, then year-unknown by month and day, null last.
struct DateKey {
  int group;
  int64_t first;
  int64_t last;
  bool operator<(const DateKey& o) const {
    return std::tie(group, first, last) < std::tie(o.group, o.first, o.last);
  }
  bool operator==(const DateKey& o) const {
    return std::tie(group, first, last) == std::tie(o.group, o.first, o.last);
  }
};

DateKey KeyOf(const DateValue& date) {
  if (date.is_null()) return {2, 0, 0};
  if (!date.begin().has_year()) {
    return {1, date.begin().month() * 100 + date.begin().day(),
            date.end().month() * 100 + date.end().day()};
  }
  return {0, *date.FirstDay(), *date.LastDay()};
}

void SortByDate(const EventGraph& graph, std::vector<Index>* events) {
  std::vector<std::pair<DateKey, Index>> keyed;
  keyed.reserve(events->size());
  for (Index v : *events) keyed.push_back({KeyOf(graph.NodeAt(v).date), v});
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (!(a.first == b.first)) return a.first < b.first;
    // The same days: by id (a day's text and an interval's are the same days).
    return graph.NodeAt(a.second).id < graph.NodeAt(b.second).id;
  });
  for (size_t i = 0; i < keyed.size(); ++i) (*events)[i] = keyed[i].second;
}

TimelineEntry MakeEntry(const EventGraph& graph, Index index) {
  TimelineEntry entry;
  entry.event = &graph.NodeAt(index);
  entry.partial =
      entry.event->date.precision() != DatePrecision::kDay || !entry.event->date.begin().has_year();
  graph.ForEachIncident(index, [&](Index other, const Edge& e, bool outgoing) {
    const Node* o = &graph.NodeAt(other);
    if (!outgoing && e.kind == EdgeKind::kParticipant) entry.participants.push_back(o);
    if (outgoing && e.kind == EdgeKind::kHeldIn) entry.places.push_back(o);
    if (outgoing && e.kind == EdgeKind::kDiscussed) entry.issues.push_back(o);
    if (outgoing && e.kind == EdgeKind::kReportedBy) ++entry.sources;
  });
  auto by_label = [](const Node* a, const Node* b) {
    return a->label != b->label ? a->label < b->label : a->id < b->id;
  };
  std::sort(entry.participants.begin(), entry.participants.end(), by_label);
  std::sort(entry.places.begin(), entry.places.end(), by_label);
  std::sort(entry.issues.begin(), entry.issues.end(), by_label);
  return entry;
}

bool DateOrder(const Node* a, const Node* b) {
  int c = CompareDates(a->date, b->date);
  return c != 0 ? c < 0 : a->id < b->id;
}

}  // namespace

Status ViewFilter::Validate() const {
  if (!from.is_null() && !to.is_null() && from.FirstDay() && to.LastDay() &&
      *from.FirstDay() > *to.LastDay()) {
    return Status::Usage("--from " + from.ToString() + " is after --to " + to.ToString());
  }
  return Status::Ok();
}

bool ViewFilter::InWindow(const DateValue& date) const {
  if (from.is_null() && to.is_null()) return true;
  auto first = date.FirstDay();
  auto last = date.LastDay();
  if (!first || !last) return false;
  if (!from.is_null() && from.FirstDay() && *last < *from.FirstDay()) return false;
  if (!to.is_null() && to.LastDay() && *first > *to.LastDay()) return false;
  return true;
}

bool ViewFilter::AcceptsKind(NodeKind kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

namespace {

// The nodes `wanted` (in lower case) names: those it is a name of, else
// those with a name one of whose words it starts; documents only when
// nothing else fits. `near` gets every node with its edit distance.
std::vector<const Node*> Candidates(const EventGraph& graph, const std::string& wanted,
                                    std::vector<std::pair<size_t, const Node*>>* near) {
  std::vector<const Node*> exact, words;
  for (const Node* node : graph.Nodes()) {
    bool hit = false, word = false;
    size_t best = std::string::npos;
    for (const std::string& n : NamesOf(*node)) {
      hit = hit || n == wanted;
      word = word || StartsWord(n, wanted);
      best = std::min(best, EditDistance(n, wanted));
    }
    if (hit) exact.push_back(node);
    if (word) words.push_back(node);
    if (near) near->push_back({best, node});
  }
  // A document shares its title's words with everything; prefer the rest.
  auto drop_documents = [](std::vector<const Node*>* nodes) {
    std::vector<const Node*> kept;
    for (const Node* n : *nodes) {
      if (n->kind != NodeKind::kDocument) kept.push_back(n);
    }
    if (!kept.empty()) *nodes = kept;
  };
  drop_documents(&exact);
  drop_documents(&words);
  return !exact.empty() ? exact : words;
}

}  // namespace

Result<const Node*> FindByName(const EventGraph& graph, std::string_view name) {
  if (name.find_first_not_of(" \t") == std::string_view::npos) {
    return Status::Invalid("an empty name names no node");
  }
  const std::string wanted = FoldName(name);
  if (const Node* exact = graph.FindNode(name)) return exact;
  std::vector<std::pair<size_t, const Node*>> near;
  std::vector<const Node*> found = Candidates(graph, wanted, &near);
  // "G20 2017", "Trump–Putin call, 2 May 2017": a name and a date tell
  // events of one name apart.
  if (found.size() != 1) {
    if (auto split = SplitTrailingDate(name)) {
      std::vector<const Node*> dated;
      for (const Node* n : Candidates(graph, FoldName(split->first), nullptr)) {
        if (!n->date.is_null() &&
            (split->second.Contains(n->date) || n->date.Contains(split->second))) {
          dated.push_back(n);
        }
      }
      if (!dated.empty()) found = std::move(dated);
    }
  }
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    std::string list;
    for (size_t i = 0; i < found.size() && i < 8; ++i) {
      list += "\n  " + Describe(*found[i]);
    }
    if (found.size() > 8) list += "\n  ... and " + std::to_string(found.size() - 8) + " more";
    std::string example;
    for (const Node* n : found) {
      if (example.empty() && !n->date.is_null() && n->date.begin().has_year()) {
        example =
            " or the name with its date (\"" + n->label + " " + n->date.begin().ToString() + "\")";
      }
    }
    return Status::Invalid("'" + std::string(name) + "' names " + std::to_string(found.size()) +
                           " nodes; give one of their ids" + example + ":" + list);
  }
  std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::string list;
  for (size_t i = 0; i < near.size() && i < 5; ++i) {
    if (near[i].first > std::max<size_t>(3, wanted.size() / 2)) break;
    list += "\n  " + Describe(*near[i].second);
  }
  return Status::NotFound("no node is named '" + std::string(name) + "'" +
                          (list.empty() ? "" : "; did you mean:" + list));
}

std::vector<TimelineEntry> Timeline(const EventGraph& graph, const std::vector<const Node*>& focus,
                                    const ViewFilter& filter) {
  std::vector<Index> events;
  if (focus.empty()) {
    for (Index v = 0; v < graph.num_nodes(); ++v) {
      if (EventPasses(graph, v, filter)) events.push_back(v);
    }
  } else {
    bool first = true;
    for (const Node* f : focus) {
      auto index = graph.IndexOf(f->id);
      if (!index) return {};
      std::vector<Index> touching = EventsTouching(graph, *index);
      if (first) {
        // Cheap tests first, so that a busy leader in a narrow window
        // costs only the events in it.
        std::erase_if(touching, [&](Index v) { return !EventPasses(graph, v, filter); });
        events = std::move(touching);
        first = false;
      } else {
        std::vector<Index> both;
        std::set_intersection(events.begin(), events.end(), touching.begin(), touching.end(),
                              std::back_inserter(both));
        events = std::move(both);
      }
    }
  }
  SortByDate(graph, &events);
  std::vector<TimelineEntry> entries;
  entries.reserve(events.size());
  for (Index index : events) entries.push_back(MakeEntry(graph, index));
  return entries;
}

std::vector<TimelineEntry> Between(const EventGraph& graph, const Node& a, const Node& b,
                                   const ViewFilter& filter) {
  return Timeline(graph, {&a, &b}, filter);
}

std::vector<Neighbor> Neighbors(const EventGraph& graph, const Node& start, int depth,
                                const ViewFilter& filter) {
  return QueryIndex(graph).Neighbors(start, depth, filter);
}

std::vector<PathStep> ShortestPath(const EventGraph& graph, const Node& a, const Node& b,
                                   bool forward_in_time, const ViewFilter& filter) {
  return QueryIndex(graph).ShortestPath(a, b, forward_in_time, filter);
}

std::vector<Encounter> WhoMet(const EventGraph& graph, const ViewFilter& filter) {
  std::map<std::pair<std::string, std::string>, Encounter> pairs;
  for (const TimelineEntry& entry : Timeline(graph, {}, filter)) {
    if (entry.event->kind == NodeKind::kEvent) continue;
    for (size_t i = 0; i < entry.participants.size(); ++i) {
      for (size_t j = i + 1; j < entry.participants.size(); ++j) {
        const Node* x = entry.participants[i];
        const Node* y = entry.participants[j];
        if (y->id < x->id) std::swap(x, y);
        Encounter& e = pairs[{x->id, y->id}];
        e.a = x;
        e.b = y;
        e.events.push_back(entry.event);
      }
    }
  }
  std::vector<Encounter> out;
  for (auto& [key, e] : pairs) out.push_back(std::move(e));
  std::stable_sort(out.begin(), out.end(), [](const Encounter& x, const Encounter& y) {
    return x.events.size() > y.events.size();
  });
  return out;
}

GraphStats ComputeStats(const EventGraph& graph, size_t top) {
  GraphStats stats;
  std::vector<const Node*> dated;
  for (const Node* node : graph.Nodes()) {
    ++stats.nodes[node->kind];
    if (IsEventKind(node->kind) && node->date.begin().has_year()) dated.push_back(node);
  }
  for (const Edge* edge : graph.Edges()) ++stats.edges[edge->kind];
  if (!dated.empty()) {
    std::sort(dated.begin(), dated.end(), DateOrder);
    stats.first = dated.front()->date;
    stats.last = dated.back()->date;
    for (const Node* node : dated) {
      if (CompareDates(DateValue(node->date.end()), DateValue(stats.last.end())) > 0) {
        stats.last = node->date;
      }
    }
  }
  stats.components = graph.CountComponents();
  std::vector<double> score;
  if (graph.num_nodes() <= kBetweennessLimit) {
    stats.centrality = "betweenness";
    score = graph.Betweenness();
  } else {
    stats.centrality = "degree";
    score.assign(graph.num_nodes(), 0.0);
    for (Index v = 0; v < graph.num_nodes(); ++v) {
      graph.ForEachIncident(v, [&](Index, const Edge& e, bool) {
        if (Walkable(e)) score[v] += 1;
      });
    }
  }
  auto best_of = [&](NodeKind kind) {
    std::vector<std::pair<const Node*, double>> ranked;
    for (Index v = 0; v < score.size(); ++v) {
      const Node& n = graph.NodeAt(v);
      if (n.kind == kind) ranked.push_back({&n, score[v]});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first->id < y.first->id;
    });
    if (ranked.size() > top) ranked.resize(top);
    return ranked;
  };
  stats.leaders = best_of(NodeKind::kLeader);
  stats.issues = best_of(NodeKind::kIssue);
  return stats;
}

}  // namespace etkg
