// Stage 5: the graph fragment, the sentence behind every node and edge.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/event_merge.h"
#include "graph/schema.h"
#include "graph/text.h"
#include "loaders/extraction/document_extraction.h"
#include "loaders/genre.h"
#include "loaders/matcher.h"
#include "loaders/rules.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"
#include "loaders/topics.h"

namespace etkg::extraction {

Evidence DocumentExtraction::EvidenceFor(size_t sentence) const {
  const TextSpan& span = sentences_[sentence].span;
  if (evidence_text_.empty()) {
    evidence_doc_ = doc_.id;
    evidence_text_.resize(sentences_.size());
  }
  InternedString& text = evidence_text_[sentence];
  if (text.empty()) text = EvidenceText(Slice(text_, span.begin, span.end));
  Evidence ev;
  ev.doc = evidence_doc_;
  // The title comes from the metadata, not from the text: no offset.
  if (span.begin >= body_begin_) {
    ev.offset = span.begin - body_begin_;
    ev.length = span.end - span.begin;
  }
  ev.text = text;
  return ev;
}

// How a label names a person: the shortest one-word alias the gazetteer
// gives ("Putin", "Xi", "Lula"), else the full name ("Kim Jong Un").
std::string ShortName(const LeaderRef& leader) {
  std::string best;
  if (leader.entry) {
    for (const std::string& alias : leader.entry->aliases) {
      if (alias.find(' ') != std::string::npos || alias.size() < 2) continue;
      if (leader.label.find(alias) == std::string::npos) continue;
      if (best.empty() || alias.size() < best.size()) best = alias;
    }
  }
  return best.empty() ? leader.label : best;
}

// The most common value, the largest on a tie.
double Mode(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double best = values.front();
  size_t best_count = 0;
  for (size_t i = 0; i < values.size();) {
    size_t j = i;
    while (j < values.size() && values[j] == values[i]) ++j;
    if (j - i >= best_count) {
      best = values[i];
      best_count = j - i;
    }
    i = j;
  }
  return best;
}

Result<std::string> DocumentExtraction::AddRelationsIssue(const std::string& first_id,
                                                          const std::string& second_id,
                                                          std::string_view surface,
                                                          EventGraph* graph) const {
  const PlaceEntry* first = g_.FindPlace(first_id);
  const PlaceEntry* second = g_.FindPlace(second_id);
  if (!first || !second) return std::string();
  if (second_id < first_id) std::swap(first, second);
  const std::string id = NodeId(NodeKind::kIssue, first->id + "-" + second->id + "-relations");
  Node n;
  n.id = id;
  n.kind = NodeKind::kIssue;
  n.label = first->name + "\xE2\x80\x93" + second->name + " relations";
  n.attrs[attr::kVocabulary] = std::string("relations");
  // The surface form is a name people use: "Korea-U.S. relations".
  if (!surface.empty() && surface != n.label) n.aliases = {std::string(surface)};
  if (Status st = graph->AddNode(std::move(n)); !st.ok()) return st;
  return id;
}

// The two countries of an event's sides, sorted; nullopt unless there are
// exactly two.
std::optional<std::pair<std::string, std::string>> DocumentExtraction::SidesCountries(
    const DocEvent& e) const {
  std::set<std::string> countries;
  for (const LeaderRef& p : e.participants) {
    std::string country = p.country;
    if (p.entry) country = g_.CountryOf(*p.entry, e.node.date.begin());
    if (country.empty()) return std::nullopt;
    countries.insert(country);
  }
  if (countries.size() != 2) return std::nullopt;
  return std::pair(*countries.begin(), *countries.rbegin());
}

// What a discussing clause is about, in its own words, where no issue of
// the gazetteer names it: "discussed pandemic preparedness".
Status DocumentExtraction::AddOpenTopics(size_t index, const std::vector<std::string>& event_ids,
                                         EventGraph* graph) const {
  const Sentence& s = sentences_[index];
  auto it = sentence_event_.find(index);
  if (it == sentence_event_.end()) return Status::Ok();
  const DocEvent& e = events_[it->second];
  // Only a sentence that says what an event was about ("discussed",
  // "exchanged views", "condolences"): the cue pass has found its verb.
  // Open topics want a discussing verb even in a readout: "He said the
  // areas are many" names no topic.
  if (!s.discuss) return Status::Ok();
  const std::string date_rule =
      e.node.date.is_null() ? "" : std::get<std::string>(e.node.attrs.at(attr::kDateRule));
  // The event discussed the issue `id`, as this sentence says.
  auto add_discussed = [&](const std::string& id, double confidence) {
    Edge edge;
    edge.source = event_ids[it->second];
    edge.target = id;
    edge.kind = EdgeKind::kDiscussed;
    edge.date = e.node.date;
    edge.date_rule = date_rule;
    edge.confidence = confidence;
    edge.evidence = {EvidenceFor(index)};
    return graph->AddEdge(std::move(edge));
  };
  for (const Sentence::RelationsRef& r : s.relations) {
    Result<std::string> made =
        AddRelationsIssue(r.first, r.second, Slice(text_, r.begin, r.end), graph);
    if (!made.ok()) return made.status();
    if (made->empty()) continue;
    const std::string& id = *made;
    if (Status st = add_discussed(id, 0.8); !st.ok()) return st;
    // Both countries are named in the sentence.
    for (const std::string& place : {r.first, r.second}) {
      Edge concerns;
      concerns.source = id;
      concerns.target = NodeId(NodeKind::kPlace, place);
      concerns.kind = EdgeKind::kConcerns;
      concerns.date = e.node.date;
      concerns.date_rule = date_rule;
      concerns.evidence = {EvidenceFor(index)};
      if (!graph->FindNode(concerns.target)) continue;
      if (Status st = graph->AddEdge(std::move(concerns)); !st.ok()) return st;
    }
  }
  std::string_view sentence = Slice(text_, s.span.begin, s.span.end);
  // An issue of the gazetteer inside a phrase says it better; a name alone
  // ("discussed Ukraine") is that issue or no topic; the relations of two
  // countries are a topic of their own.
  auto keep = [&](size_t topic_begin, size_t topic_end) {
    const uint32_t begin = s.span.begin + static_cast<uint32_t>(topic_begin);
    const uint32_t end = s.span.begin + static_cast<uint32_t>(topic_end);
    uint32_t named = 0;
    for (size_t k = s.first_mention; k < s.last_mention; ++k) {
      const Mention& m = mentions_[k];
      if (m.end <= begin || m.begin >= end) continue;
      if (m.Has(EntityType::kIssue)) return false;
      if (m.begin >= begin && m.end <= end) named += m.end - m.begin;
    }
    bool relations = std::any_of(s.relations.begin(), s.relations.end(),
                                 [&](const auto& r) { return r.begin < end && begin < r.end; });
    return !relations && named * 10 < (end - begin) * 7;
  };
  for (const Topic& topic : FindTopics(sentence, keep)) {
    const uint32_t begin = s.span.begin + static_cast<uint32_t>(topic.begin);
    const uint32_t end = s.span.begin + static_cast<uint32_t>(topic.end);
    // "7-8 July 2017" is when, not what.
    if (!tagger_.Tag(Slice(text_, begin, end), anchor_, Tense::kPast).empty()) continue;
    std::string id = NodeId(NodeKind::kIssue, topic.key);
    if (!graph->FindNode(id)) {
      Node n;
      n.id = id;
      n.kind = NodeKind::kIssue;
      n.label = topic.label;
      n.attrs[attr::kVocabulary] = std::string("open");
      if (Status st = graph->AddNode(std::move(n)); !st.ok()) return st;
    }
    if (Status st = add_discussed(id, 0.6); !st.ok()) return st;
  }
  return Status::Ok();
}

// A readout, a memorandum or a joint statement tells of its main event
// from its first mention on: "Hu said properly handling the Taiwan issue
// is key" in a call's readout is what the call was about, when the
// sentence is about the event's sides. A report mixes in background, so
// there only sentences of the event or with a discussing verb count.
bool DocumentExtraction::SaysWhatTheEventWasAbout(size_t sentence, size_t event) const {
  if (genre_ != "readout" && genre_ != "memorandum" && genre_ != "joint-statement") return false;
  const DocEvent& e = events_[event];
  if (!e.primary || sentence < e.first_sentence) return false;
  // Told of the event's sides: one of them named, "the two leaders", or a
  // pronoun for them; not a paragraph of background ("Such zones were
  // established in Iraq").
  const Sentence& s = sentences_[sentence];
  if (s.pair) return true;
  for (const LeaderRef& l : s.leaders) {
    for (const LeaderRef& p : e.participants) {
      if (p.id == l.id) return true;
    }
  }
  std::string_view text = Slice(text_, s.span.begin, s.span.end);
  for (std::string_view pronoun : {"He ", "She ", "They ", "Both "}) {
    if (text.starts_with(pronoun)) return true;
  }
  return false;
}

Result<EventGraph> DocumentExtraction::Build() {
  EventGraph graph;
  const std::string doc_id = NodeId(NodeKind::kDocument, doc_.id);
  Node doc_node;
  doc_node.id = doc_id;
  doc_node.kind = NodeKind::kDocument;
  doc_node.label = doc_.meta.title.empty() ? doc_.id : doc_.meta.title;
  doc_node.date = doc_.meta.published;
  if (!doc_.path.empty()) doc_node.attrs[attr::kPath] = doc_.path;
  if (!doc_.meta.url.empty()) doc_node.attrs[attr::kUrl] = doc_.meta.url;
  if (!doc_.meta.source.empty()) doc_node.attrs[attr::kSource] = doc_.meta.source;
  if (!doc_.date_source.empty()) doc_node.attrs[attr::kDateSource] = doc_.date_source;
  doc_node.attrs[attr::kGenre] = genre_;
  if (auto [issuer, country] = Issuer(); !issuer.empty()) {
    doc_node.attrs[attr::kIssuer] = issuer;
    if (!country.empty()) doc_node.attrs[attr::kIssuerCountry] = country;
  }
  if (Status s = graph.AddNode(std::move(doc_node)); !s.ok()) return s;

  auto add_node = [&](Node node) -> Status { return graph.AddNode(std::move(node)); };
  auto add_edge = [&](const std::string& source, const std::string& target, EdgeKind kind,
                      const DateValue& date, const std::string& rule, double confidence,
                      std::vector<Evidence> evidence) -> Status {
    Edge e;
    e.source = source;
    e.target = target;
    e.kind = kind;
    e.date = date;
    e.date_rule = date.is_null() ? "" : rule;
    e.confidence = confidence;
    e.evidence = std::move(evidence);
    return graph.AddEdge(std::move(e));
  };
  // A node is made once per document, however often it is named.
  std::set<std::string> made;
  auto leader_node = [&](const LeaderRef& ref) -> std::string {
    if (!made.insert(NodeId(NodeKind::kLeader, ref.id)).second)
      return NodeId(NodeKind::kLeader, ref.id);
    Node n;
    n.id = NodeId(NodeKind::kLeader, ref.id);
    n.kind = NodeKind::kLeader;
    n.label = ref.label;
    if (ref.entry) {
      n.aliases = ref.entry->aliases;
      std::string country = g_.CountryOf(*ref.entry, PartialDate());
      if (!country.empty()) n.attrs[attr::kCountry] = country;
    } else if (!ref.country.empty()) {
      n.attrs[attr::kCountry] = ref.country;
    }
    (void)add_node(std::move(n));
    return NodeId(NodeKind::kLeader, ref.id);
  };
  auto place_node = [&](const std::string& id) -> std::string {
    if (!made.insert(NodeId(NodeKind::kPlace, id)).second) return NodeId(NodeKind::kPlace, id);
    const PlaceEntry* p = g_.FindPlace(id);
    Node n;
    n.id = NodeId(NodeKind::kPlace, id);
    n.kind = NodeKind::kPlace;
    n.label = p ? p->name : id;
    if (p) {
      n.aliases = p->aliases;
      if (!p->type.empty()) n.attrs["type"] = p->type;
    }
    (void)add_node(std::move(n));
    return NodeId(NodeKind::kPlace, id);
  };

  std::set<std::string> named_places;
  for (const Sentence& s : sentences_) {
    for (uint32_t p : s.places) named_places.insert(g_.places()[p].id);
  }
  // Everything named, as nodes the document mentions.
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const Sentence& s = sentences_[i];
    for (const LeaderRef& l : s.leaders) {
      std::string id = leader_node(l);
      if (Status st =
              add_edge(doc_id, id, EdgeKind::kMentions, DateValue(), "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
      // What the gazetteer knows of their office at the time, for a
      // country the document names: a place the text never names is no
      // place of the document (the leader's node keeps the country).
      if (l.entry) {
        for (const LeaderRole& r : l.entry->roles) {
          if (r.country.empty() || r.from.is_null() || !named_places.count(r.country)) continue;
          auto day = event_anchor_.FirstDay();
          if (!day || *day < *r.from.FirstDay() || (!r.to.is_null() && *day >= *r.to.LastDay())) {
            continue;
          }
          std::string place = place_node(r.country);
          DateValue term = r.to.is_null() ? DateValue(r.from)
                                          : DateValue::Interval(r.from, r.to).value_or(r.from);
          Edge e;
          e.source = id;
          e.target = place;
          e.kind = EdgeKind::kLeads;
          e.date = term;
          e.date_rule = "gazetteer";
          e.attrs["role"] = r.role;
          e.evidence = {EvidenceFor(i)};
          if (Status st = graph.AddEdge(std::move(e)); !st.ok()) return st;
        }
      }
    }
    for (uint32_t p : s.places) {
      std::string id = place_node(g_.places()[p].id);
      if (Status st =
              add_edge(doc_id, id, EdgeKind::kMentions, DateValue(), "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
    }
    for (uint32_t o : s.organizations) {
      const OrganizationEntry& entry = g_.organizations()[o];
      Node n;
      n.id = NodeId(NodeKind::kOrganization, entry.id);
      n.kind = NodeKind::kOrganization;
      n.label = entry.name;
      n.aliases = entry.aliases;
      (void)add_node(std::move(n));
      if (Status st = add_edge(doc_id, NodeId(NodeKind::kOrganization, entry.id),
                               EdgeKind::kMentions, DateValue(), "", 1.0, {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
    }
  }

  // Events, with what supports them.
  std::vector<std::string> event_ids(events_.size());
  for (size_t k = 0; k < events_.size(); ++k) {
    DocEvent& e = events_[k];
    std::sort(e.participants.begin(), e.participants.end(),
              [](const LeaderRef& a, const LeaderRef& b) { return a.id < b.id; });
    if (e.node.kind == NodeKind::kSummit && e.node.attrs.count(attr::kSeries) == 0) {
      e.node.attrs[attr::kIdentity] = IdentityOf(e.participants);
    }
    if (!e.durations.empty() && e.node.kind == NodeKind::kCall) {
      e.node.attrs[attr::kDurationMin] = static_cast<int64_t>(Mode(e.durations) + 0.5);
    }
    if (e.node.label.empty()) {
      std::string names;
      for (const LeaderRef& p : e.participants) names += (names.empty() ? "" : "–") + ShortName(p);
      e.node.label = names + (e.node.kind == NodeKind::kCall ? " call" : " meeting");
    }
    e.node.id = CanonicalEventId(e.node);
    event_ids[k] = e.node.id;
    const std::string rule = std::get<std::string>(e.node.attrs[attr::kDateRule]);
    const DateValue date = e.node.date;
    std::sort(e.sentences.begin(), e.sentences.end());
    e.sentences.erase(std::unique(e.sentences.begin(), e.sentences.end()), e.sentences.end());
    if (Status st = add_node(e.node); !st.ok()) return st;
    std::vector<Evidence> all;
    for (size_t sentence : e.sentences) all.push_back(EvidenceFor(sentence));
    // The report keeps what this document says of the event's date and
    // length: merged with other reports, the event keeps one of each.
    Edge report;
    report.source = e.node.id;
    report.target = doc_id;
    report.kind = EdgeKind::kReportedBy;
    report.date = doc_.meta.published;
    report.date_rule =
        report.date.is_null() || doc_.date_source.empty() ? "" : std::string(kRuleDocumentDate);
    report.evidence = all;
    if (!date.is_null()) {
      report.attrs[attr::kStatedDate] = date.ToString();
      report.attrs[attr::kStatedDateRule] = rule;
    }
    if (auto it = e.node.attrs.find(attr::kDurationMin); it != e.node.attrs.end()) {
      report.attrs[attr::kStatedDurationMin] = it->second;
    }
    if (Status st = graph.AddEdge(std::move(report)); !st.ok()) return st;
    for (const LeaderRef& p : e.participants) {
      std::string leader = leader_node(p);
      std::vector<Evidence> evidence;
      for (size_t sentence : e.sentences) {
        const Sentence& s = sentences_[sentence];
        bool named = std::any_of(s.leaders.begin(), s.leaders.end(),
                                 [&](const LeaderRef& l) { return l.id == p.id; });
        if (named) evidence.push_back(EvidenceFor(sentence));
      }
      // Named only through "the two presidents": the event's sentences.
      if (evidence.empty()) evidence = all;
      if (Status st = add_edge(leader, e.node.id, EdgeKind::kParticipant, date, rule,
                               p.by_title ? 0.8 : 0.95, evidence);
          !st.ok()) {
        return st;
      }
    }
    std::sort(e.places.begin(), e.places.end());
    e.places.erase(std::unique(e.places.begin(), e.places.end()), e.places.end());
    for (const std::string& place : e.places) {
      std::string id = place_node(place);
      if (Status st = add_edge(e.node.id, id, EdgeKind::kHeldIn, date, rule, 0.9,
                               {EvidenceFor(e.sentences.front())});
          !st.ok()) {
        return st;
      }
    }
  }

  // Issues: topics named in the sentences about an event.
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const Sentence& s = sentences_[i];
    if (Status st = AddOpenTopics(i, event_ids, &graph); !st.ok()) return st;
    if (s.issues.empty()) continue;
    auto it = sentence_event_.find(i);
    if (it == sentence_event_.end()) continue;
    const DocEvent& e = events_[it->second];
    bool in_event = std::find(e.sentences.begin(), e.sentences.end(), i) != e.sentences.end();
    // Background sentences name topics too; only those that say what the
    // event was about count.
    if (!in_event && !s.discuss && !SaysWhatTheEventWasAbout(i, it->second)) continue;
    const std::string rule = std::get<std::string>(e.node.attrs.at(attr::kDateRule));
    for (uint32_t issue_index : s.issues) {
      const IssueEntry& issue = g_.issues()[issue_index];
      // "Bilateral relations" in a call between two countries are theirs:
      // the topic either side's readout names, in its own words.
      if (auto sides = issue.of_the_sides ? SidesCountries(e) : std::nullopt) {
        Result<std::string> id = AddRelationsIssue(sides->first, sides->second, issue.name, &graph);
        if (!id.ok()) return id.status();
        if (!id->empty()) {
          if (Status st = add_edge(event_ids[it->second], *id, EdgeKind::kDiscussed, e.node.date,
                                   rule, in_event ? 0.9 : 0.75, {EvidenceFor(i)});
              !st.ok()) {
            return st;
          }
          continue;
        }
      }
      Node n;
      n.id = NodeId(NodeKind::kIssue, issue.id);
      n.kind = NodeKind::kIssue;
      n.label = issue.name;
      if (Status st = add_node(std::move(n)); !st.ok()) return st;
      if (Status st = add_edge(event_ids[it->second], NodeId(NodeKind::kIssue, issue.id),
                               EdgeKind::kDiscussed, e.node.date, rule, in_event ? 0.9 : 0.75,
                               {EvidenceFor(i)});
          !st.ok()) {
        return st;
      }
      // Where the issue lies, only as far as this sentence names it: what
      // the gazetteer knows of an issue's usual places is no source.
      for (const std::string& place : issue.places) {
        bool named = std::any_of(s.places.begin(), s.places.end(),
                                 [&](uint32_t p) { return g_.places()[p].id == place; });
        if (!named || !g_.FindPlace(place)) continue;
        std::string pid = place_node(place);
        if (Status st = add_edge(NodeId(NodeKind::kIssue, issue.id), pid, EdgeKind::kConcerns,
                                 e.node.date, rule, 1.0, {EvidenceFor(i)});
            !st.ok()) {
          return st;
        }
      }
    }
  }

  for (const auto& [from, to] : refers_) {
    const DocEvent& a = events_[from];
    const DocEvent& b = events_[to];
    Edge edge;
    edge.source = event_ids[from];
    edge.target = event_ids[to];
    edge.kind = EdgeKind::kRefersTo;
    edge.date = a.node.date;
    edge.date_rule =
        edge.date.is_null() ? "" : std::get<std::string>(a.node.attrs.at(attr::kDateRule));
    edge.confidence = 0.8;
    bool later = CompareDates(b.node.date, a.node.date) > 0 && !a.node.date.is_null();
    edge.attrs[attr::kTense] = std::string(later ? "planned" : "recalled");
    for (size_t sentence : b.sentences) {
      auto it = sentence_event_.find(sentence);
      if (it != sentence_event_.end() && it->second == from)
        edge.evidence.push_back(EvidenceFor(sentence));
    }
    if (Status st = graph.AddEdge(std::move(edge)); !st.ok()) return st;
  }
  return graph;
}

}  // namespace etkg::extraction
