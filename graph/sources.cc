#include "graph/sources.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "graph/schema.h"
#include "graph/text.h"

namespace etkg {
namespace {

using Index = EventGraph::NodeIndex;

const std::string* StringAttr(const Attributes& attrs, std::string_view key) {
  auto it = attrs.find(key);
  return it == attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
}

int64_t IntAttr(const Attributes& attrs, std::string_view key) {
  auto it = attrs.find(key);
  if (it == attrs.end()) return 0;
  if (const int64_t* n = std::get_if<int64_t>(&it->second)) return *n;
  if (const double* x = std::get_if<double>(&it->second)) return static_cast<int64_t>(*x + 0.5);
  return 0;
}

std::string DocKey(std::string_view document_id) {
  if (document_id.starts_with("doc/")) document_id.remove_prefix(4);
  return std::string(document_id);
}

// The words of `text` that say what a topic is about, cut to a crude stem
// ("zones" and "zone" -> "zone", "security" -> "secur"), without the words
// any topic may have ("issue", "situation", "relations").
std::set<std::string> Stems(std::string_view text) {
  static const std::set<std::string, std::less<>> kGeneric = {
      "issue", "situa", "relat", "coope", "devel", "quest", "matte", "prosp", "range", "curre",
      "inter", "bilat", "furth", "other", "parti", "count", "natio", "globa", "regio", "secur",
      "peace", "worki", "toget", "contr", "effor", "suppo", "posit", "impor", "need",  "best",
      "area",  "topic", "talks", "conta", "dialo", "field", "leade", "world", "recen", "mutua"};
  std::set<std::string> stems;
  std::string word;
  auto flush = [&] {
    if (word.size() > 4 && word.back() == 's') word.pop_back();
    if (word.size() > 5) word.resize(5);
    if (word.size() >= 4 && !kGeneric.contains(word)) stems.insert(word);
    word.clear();
  };
  for (char c : AsciiLower(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return stems;
}

// Calls fn(other, edge, outgoing) for each link of a node.
using IncidentFn = std::function<void(const Node& other, const Edge& edge, bool outgoing)>;
using Incidents = std::function<void(const Node& node, const IncidentFn& fn)>;

bool Disjoint(const std::vector<size_t>& a, const std::vector<size_t>& b) {
  for (size_t x : a) {
    if (std::binary_search(b.begin(), b.end(), x)) return false;
  }
  return true;
}

}  // namespace

std::string_view FactKindName(FactKind kind) {
  switch (kind) {
    case FactKind::kParticipant:
      return "participant";
    case FactKind::kDate:
      return "date";
    case FactKind::kDuration:
      return "duration";
    case FactKind::kPlace:
      return "place";
    case FactKind::kTopic:
      return "topic";
    case FactKind::kRelated:
      return "related";
  }
  return "";
}

size_t EventSources::Differences() const {
  size_t n = disagreements.size();
  for (const SourcedFact& fact : facts) n += Partial(fact);
  return n;
}

namespace {

EventSources CompareWith(const Node& event, const Incidents& incidents) {
  EventSources out;
  out.event = &event;

  // The sources, by document id.
  std::vector<std::pair<const Node*, const Edge*>> reports;
  incidents(event, [&](const Node& other, const Edge& e, bool outgoing) {
    if (outgoing && e.kind == EdgeKind::kReportedBy) reports.push_back({&other, &e});
  });
  std::sort(reports.begin(), reports.end(),
            [](const auto& a, const auto& b) { return a.first->id < b.first->id; });
  std::map<std::string, size_t, std::less<>> source_of;  // Evidence's doc -> source.
  for (const auto& [document, edge] : reports) {
    SourceReport report;
    report.document = document;
    if (const std::string* issuer = StringAttr(document->attrs, attr::kIssuer))
      report.issuer = *issuer;
    if (const std::string* date = StringAttr(edge->attrs, attr::kStatedDate)) {
      report.stated_date = DateValue::Parse(*date).value_or(DateValue());
    }
    if (const std::string* rule = StringAttr(edge->attrs, attr::kStatedDateRule)) {
      report.stated_date_rule = *rule;
    }
    report.stated_duration_min = IntAttr(edge->attrs, attr::kStatedDurationMin);
    source_of.emplace(DocKey(document->id), out.sources.size());
    out.sources.push_back(std::move(report));
  }

  // Facts from the event's links: a fact's sources are the documents of
  // its sentences.
  auto add = [&](FactKind kind, const Node* node, std::string value, const Edge& edge) {
    SourcedFact fact;
    fact.kind = kind;
    fact.node = node;
    fact.value = std::move(value);
    for (const Evidence& ev : edge.evidence) {
      auto it = source_of.find(std::string_view(ev.doc));
      if (it == source_of.end()) continue;
      fact.sources.push_back(it->second);
      fact.evidence.push_back(ev);
    }
    // Said only by documents outside the view.
    if (fact.sources.empty() && !edge.evidence.empty()) return;
    std::sort(fact.sources.begin(), fact.sources.end());
    fact.sources.erase(std::unique(fact.sources.begin(), fact.sources.end()), fact.sources.end());
    std::stable_sort(fact.evidence.begin(), fact.evidence.end(),
                     [&](const Evidence& a, const Evidence& b) {
                       return source_of.find(std::string_view(a.doc))->second <
                              source_of.find(std::string_view(b.doc))->second;
                     });
    out.facts.push_back(std::move(fact));
  };
  incidents(event, [&](const Node& o, const Edge& e, bool outgoing) {
    if (!outgoing && e.kind == EdgeKind::kParticipant && !IsEventKind(o.kind)) {
      add(FactKind::kParticipant, &o, o.label, e);
    } else if (outgoing && e.kind == EdgeKind::kHeldIn) {
      add(FactKind::kPlace, &o, o.label, e);
    } else if (outgoing && e.kind == EdgeKind::kDiscussed) {
      add(FactKind::kTopic, &o, o.label, e);
    } else if (outgoing && e.kind == EdgeKind::kRefersTo) {
      const std::string* tense = StringAttr(e.attrs, attr::kTense);
      add(FactKind::kRelated, &o, (tense && !tense->empty() ? *tense + ": " : "") + o.label, e);
    }
  });
  // Dates and lengths, from each report; one fact per value stated.
  std::map<std::string, std::vector<size_t>> dates, lengths;
  for (size_t i = 0; i < out.sources.size(); ++i) {
    const SourceReport& r = out.sources[i];
    if (!r.stated_date.is_null()) dates[r.stated_date.ToString()].push_back(i);
    if (r.stated_duration_min > 0) {
      lengths[std::to_string(r.stated_duration_min) + " min"].push_back(i);
    }
  }
  for (const auto& [value, sources] : dates) {
    out.facts.push_back({FactKind::kDate, nullptr, value, sources, {}});
  }
  for (const auto& [value, sources] : lengths) {
    out.facts.push_back({FactKind::kDuration, nullptr, value, sources, {}});
  }
  std::sort(out.facts.begin(), out.facts.end(), [](const SourcedFact& a, const SourcedFact& b) {
    auto id = [](const SourcedFact& f) { return f.node ? std::string_view(f.node->id) : ""; };
    // Lengths in minutes by number, not as text.
    auto minutes = [](const SourcedFact& f) {
      return f.kind == FactKind::kDuration ? std::stoll(f.value) : 0;
    };
    return std::make_tuple(a.kind, minutes(a), a.value, id(a)) <
           std::make_tuple(b.kind, minutes(b), b.value, id(b));
  });

  // Disagreements. Two dates neither of which contains the other; two
  // lengths; two topics from sources that share none, with a word in
  // common: one side may call a thing by another name.
  auto facts_of = [&](FactKind kind) {
    std::vector<size_t> found;
    for (size_t i = 0; i < out.facts.size(); ++i) {
      if (out.facts[i].kind == kind) found.push_back(i);
    }
    return found;
  };
  std::vector<size_t> date_facts = facts_of(FactKind::kDate);
  for (size_t x = 0; x < date_facts.size(); ++x) {
    for (size_t y = x + 1; y < date_facts.size(); ++y) {
      const SourcedFact& a = out.facts[date_facts[x]];
      const SourcedFact& b = out.facts[date_facts[y]];
      DateValue da = out.sources[a.sources.front()].stated_date;
      DateValue db = out.sources[b.sources.front()].stated_date;
      if (da.Contains(db) || db.Contains(da)) continue;
      std::string note;
      if (std::optional<int64_t> days = DaysBetween(da, db)) {
        int64_t n = *days < 0 ? -*days : *days;
        note = std::to_string(n) + (n == 1 ? " day apart" : " days apart");
      }
      out.disagreements.push_back({FactKind::kDate, {date_facts[x], date_facts[y]}, note});
    }
  }
  std::vector<size_t> length_facts = facts_of(FactKind::kDuration);
  if (length_facts.size() > 1) {
    out.disagreements.push_back({FactKind::kDuration, length_facts, "lengths differ"});
  }
  std::vector<size_t> topic_facts = facts_of(FactKind::kTopic);
  // A word of a place's name says where, not what: "North Korea nuclear
  // programme" and "South Korea–United States relations" share no topic.
  // Nor does a shared place alone: most topics of a call between two
  // countries concern one of them.
  std::map<size_t, std::set<std::string>> stems;
  for (size_t i : topic_facts) {
    const SourcedFact& fact = out.facts[i];
    if (!out.Partial(fact)) continue;
    stems[i] = Stems(fact.node->label + " " + fact.node->id.substr(fact.node->id.find('/') + 1));
    incidents(*fact.node, [&](const Node& other, const Edge& e, bool outgoing) {
      if (!outgoing || e.kind != EdgeKind::kConcerns) return;
      for (const std::string& s : Stems(other.label)) stems[i].erase(s);
    });
  }
  for (auto x = stems.begin(); x != stems.end(); ++x) {
    for (auto y = std::next(x); y != stems.end(); ++y) {
      const SourcedFact& a = out.facts[x->first];
      const SourcedFact& b = out.facts[y->first];
      if (!Disjoint(a.sources, b.sources)) continue;
      auto shares = [](const std::set<std::string>& p, const std::set<std::string>& q) {
        return std::any_of(p.begin(), p.end(), [&](const std::string& s) { return q.contains(s); });
      };
      if (shares(x->second, y->second)) {
        out.disagreements.push_back(
            {FactKind::kTopic, {x->first, y->first}, "may name one topic two ways"});
      }
    }
  }
  return out;
}

}  // namespace

EventSources CompareSources(const EventGraph& graph, const Node& event) {
  return CompareWith(event, [&](const Node& node, const IncidentFn& fn) {
    std::optional<Index> at = graph.IndexOf(node.id);
    if (!at) return;
    graph.ForEachIncident(*at, [&](Index other, const Edge& e, bool outgoing) {
      fn(graph.NodeAt(other), e, outgoing);
    });
  });
}

ViewSources::ViewSources(const GraphView& view) {
  std::unordered_map<std::string_view, const Node*> by_id;
  for (const Node* n : view.nodes) by_id.emplace(n->id, n);
  for (const Edge* e : view.edges) {
    auto source = by_id.find(e->source.view());
    auto target = by_id.find(e->target.view());
    if (source == by_id.end() || target == by_id.end()) continue;
    links_[source->first].push_back({target->second, e, true});
    links_[target->first].push_back({source->second, e, false});
  }
}

EventSources ViewSources::Compare(const Node& event) const {
  return CompareWith(event, [&](const Node& node, const IncidentFn& fn) {
    auto it = links_.find(node.id);
    if (it == links_.end()) return;
    for (const Link& link : it->second) fn(*link.other, *link.edge, link.outgoing);
  });
}

std::vector<EventSources> RankDivergence(const EventGraph& graph, const ViewFilter& filter) {
  std::vector<EventSources> found;
  for (Index i = 0; i < graph.num_nodes(); ++i) {
    const Node& node = graph.NodeAt(i);
    if (!IsEventKind(node.kind) || !filter.AcceptsKind(node.kind) || !filter.InWindow(node.date)) {
      continue;
    }
    int sources = 0;
    graph.ForEachIncident(i, [&](Index, const Edge& e, bool outgoing) {
      sources += outgoing && e.kind == EdgeKind::kReportedBy;
    });
    if (sources < std::max(2, filter.min_sources)) continue;
    EventSources compared = CompareSources(graph, node);
    if (compared.Differences() > 0) found.push_back(std::move(compared));
  }
  std::sort(found.begin(), found.end(), [](const EventSources& a, const EventSources& b) {
    if (a.Differences() != b.Differences()) return a.Differences() > b.Differences();
    if (int c = CompareDates(a.event->date, b.event->date); c != 0) return c < 0;
    return a.event->id < b.event->id;
  });
  return found;
}

}  // namespace etkg
