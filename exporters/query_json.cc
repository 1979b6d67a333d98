#include "exporters/query_json.h"

#include <cmath>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace etkg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void String(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Date(Writer& w, const DateValue& date) {
  if (date.is_null()) {
    w.Null();
  } else {
    String(w, date.ToString());
  }
}

void NodeFields(Writer& w, const Node& node) {
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

}  // namespace etkg
