#include "exporters/query_json.h"

#include <cmath>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace etkg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

template <typename W>
void String(W& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename W>
void Date(W& w, const DateValue& date) {
  if (date.is_null()) {
    w.Null();
  } else {
    String(w, date.ToString());
  }
}

template <typename W>
void NodeFields(W& w, const Node& node) {
  w.Key("id");
  String(w, node.id);
  w.Key("kind");
  w.String(NodeKindName(node.kind).data());
  w.Key("label");
  String(w, node.label);
  w.Key("date");
  Date(w, node.date);
}

void NodeRefs(Writer& w, const char* key, const std::vector<const Node*>& nodes) {
  w.Key(key);
  w.StartArray();
  for (const Node* n : nodes) {
    w.StartObject();
    w.Key("id");
    String(w, n->id);
    w.Key("label");
    String(w, n->label);
    w.EndObject();
  }
  w.EndArray();
}

template <typename W>
void WriteSources(W& w, const EventSources& c) {
  w.StartObject();
  w.Key("event");
  w.StartObject();
  NodeFields(w, *c.event);
  w.EndObject();
  w.Key("sources");
  w.StartArray();
  for (const SourceReport& s : c.sources) {
    w.StartObject();
    w.Key("id");
    String(w, s.document->id);
    w.Key("label");
    String(w, s.document->label);
    w.Key("issuer");
    String(w, s.issuer);
    w.Key("date");
    Date(w, s.document->date);
    w.Key("stated_date");
    Date(w, s.stated_date);
    w.Key("stated_date_rule");
    String(w, s.stated_date_rule);
    w.Key("stated_duration_min");
    w.Int64(s.stated_duration_min);
    w.EndObject();
  }
  w.EndArray();
  w.Key("facts");
  w.StartArray();
  for (const SourcedFact& f : c.facts) {
    w.StartObject();
    w.Key("kind");
    String(w, FactKindName(f.kind));
    w.Key("id");
    if (f.node) {
      String(w, f.node->id);
    } else {
      w.Null();
    }
    w.Key("value");
    String(w, f.value);
    w.Key("sources");
    w.StartArray();
    for (size_t s : f.sources) w.Uint64(s);
    w.EndArray();
    w.Key("shared");
    w.Bool(c.Shared(f));
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& ev : f.evidence) {
      w.StartObject();
      w.Key("doc");
      String(w, ev.doc.view());
      w.Key("offset");
      w.Uint(ev.offset);
      w.Key("length");
      w.Uint(ev.length);
      w.Key("text");
      String(w, ev.text.view());
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("disagreements");
  w.StartArray();
  for (const Disagreement& d : c.disagreements) {
    w.StartObject();
    w.Key("about");
    String(w, FactKindName(d.about));
    w.Key("facts");
    w.StartArray();
    for (size_t f : d.facts) w.Uint64(f);
    w.EndArray();
    w.Key("note");
    String(w, d.note);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string Finish(rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

void PathSteps(Writer& w, const std::vector<PathStep>& path) {
  w.StartArray();
  for (const PathStep& step : path) {
    w.StartObject();
    NodeFields(w, *step.node);
    w.Key("edge");
    if (!step.edge) {
      w.Null();
    } else {
      w.StartObject();
      w.Key("source");
      String(w, step.edge->source);
      w.Key("target");
      String(w, step.edge->target);
      w.Key("kind");
      w.String(EdgeKindName(step.edge->kind).data());
      w.Key("date");
      Date(w, step.edge->date);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string TimelineJson(const std::vector<TimelineEntry>& entries) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("events");
  w.StartArray();
  for (const TimelineEntry& e : entries) {
    w.StartObject();
    NodeFields(w, *e.event);
    w.Key("partial");
    w.Bool(e.partial);
    w.Key("sources");
    w.Int(e.sources);
    NodeRefs(w, "participants", e.participants);
    NodeRefs(w, "places", e.places);
    NodeRefs(w, "issues", e.issues);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string NeighborsJson(const std::vector<Neighbor>& neighbors) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("neighbors");
  w.StartArray();
  for (const Neighbor& n : neighbors) {
    w.StartObject();
    NodeFields(w, *n.node);
    w.Key("depth");
    w.Int(n.depth);
    w.Key("via");
    w.String(EdgeKindName(n.via->kind).data());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string PathJson(const std::vector<PathStep>& path) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("path");
  PathSteps(w, path);
  w.EndObject();
  return Finish(buffer);
}

std::string PathsJson(const std::vector<PairPath>& paths) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("paths");
  w.StartArray();
  for (const PairPath& p : paths) {
    w.StartObject();
    w.Key("line");
    w.Int(p.line);
    w.Key("from");
    String(w, p.from->id);
    w.Key("to");
    String(w, p.to->id);
    w.Key("path");
    PathSteps(w, p.path);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string EncountersJson(const std::vector<Encounter>& encounters) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("pairs");
  w.StartArray();
  for (const Encounter& e : encounters) {
    w.StartObject();
    w.Key("a");
    String(w, e.a->id);
    w.Key("b");
    String(w, e.b->id);
    w.Key("events");
    w.StartArray();
    for (const Node* event : e.events) {
      w.StartObject();
      NodeFields(w, *event);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string StatsJson(const GraphStats& stats) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("nodes");
  w.StartObject();
  for (const auto& [kind, n] : stats.nodes) {
    w.Key(NodeKindName(kind).data());
    w.Uint64(n);
  }
  w.EndObject();
  w.Key("edges");
  w.StartObject();
  for (const auto& [kind, n] : stats.edges) {
    w.Key(EdgeKindName(kind).data());
    w.Uint64(n);
  }
  w.EndObject();
  w.Key("first");
  Date(w, stats.first);
  w.Key("last");
  Date(w, stats.last);
  w.Key("components");
  w.Uint64(stats.components);
  w.Key("centrality");
  String(w, stats.centrality);
  for (const auto* list : {&stats.leaders, &stats.issues}) {
    w.Key(list == &stats.leaders ? "leaders" : "issues");
    w.StartArray();
    for (const auto& [node, score] : *list) {
      w.StartObject();
      w.Key("id");
      String(w, node->id);
      w.Key("label");
      String(w, node->label);
      w.Key("score");
      w.Double(std::isfinite(score) ? score : 0.0);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return Finish(buffer);
}

std::string SourcesJson(const EventSources& compared, bool pretty) {
  rapidjson::StringBuffer buffer;
  if (pretty) {
    Writer w(buffer);
    w.SetIndent(' ', 2);
    WriteSources(w, compared);
    return Finish(buffer);
  }
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  WriteSources(w, compared);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string DivergenceJson(const std::vector<EventSources>& ranked) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("events");
  w.StartArray();
  for (const EventSources& c : ranked) {
    w.StartObject();
    NodeFields(w, *c.event);
    w.Key("sources");
    w.Uint64(c.sources.size());
    w.Key("differences");
    w.Uint64(c.Differences());
    size_t partial = 0;
    for (const SourcedFact& f : c.facts) partial += c.Partial(f);
    w.Key("partial");
    w.Uint64(partial);
    w.Key("disagreements");
    w.StartArray();
    for (const Disagreement& d : c.disagreements) String(w, FactKindName(d.about));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

}  // namespace etkg
