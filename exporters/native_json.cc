#include "exporters/native_json.h"

#include <cmath>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "graph/version.h"

namespace etkg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void WriteString(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void WriteDate(Writer& w, const DateValue& date) {
  if (date.is_null()) {
    w.Null();
  } else {
    WriteString(w, date.ToString());
  }
}

void WriteAttributes(Writer& w, const Attributes& attrs) {
  w.StartObject();
  for (const auto& [key, value] : attrs) {
    // NaN would corrupt the output; such a value is left out.
    if (auto* d = std::get_if<double>(&value); d && !std::isfinite(*d)) continue;
    WriteString(w, key);
    std::visit(
        [&w](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            WriteString(w, v);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            w.Int64(v);
          } else if constexpr (std::is_same_v<T, double>) {
            w.Double(v);
          } else {
            w.Bool(v);
          }
        },
        value);
  }
  w.EndObject();
}

void WriteNode(Writer& w, const Node& node) {
  w.StartObject();
  w.Key("id");
  WriteString(w, node.id);
  w.Key("kind");
  w.String(NodeKindName(node.kind).data());
  w.Key("label");
  WriteString(w, node.label);
  if (!node.aliases.empty()) {
    w.Key("aliases");
    w.StartArray();
    for (const std::string& alias : node.aliases) WriteString(w, alias);
    w.EndArray();
  }
  w.Key("date");
  WriteDate(w, node.date);
  w.Key("attrs");
  WriteAttributes(w, node.attrs);
  w.EndObject();
}

void WriteEdge(Writer& w, const Edge& edge) {
  w.StartObject();
  w.Key("source");
  WriteString(w, edge.source);
  w.Key("target");
  WriteString(w, edge.target);
  w.Key("kind");
  w.String(EdgeKindName(edge.kind).data());
  w.Key("date");
  WriteDate(w, edge.date);
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& ev : edge.evidence) {
    w.StartObject();
    w.Key("doc");
    WriteString(w, ev.doc);
    w.Key("offset");
    w.Uint(ev.offset);
    w.Key("length");
    w.Uint(ev.length);
    w.Key("text");
    WriteString(w, ev.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("date_rule");
  WriteString(w, edge.date_rule);
  w.Key("confidence");
  w.Double(std::isfinite(edge.confidence) ? edge.confidence : 0.0);
  if (!edge.attrs.empty()) {
    w.Key("attrs");
    WriteAttributes(w, edge.attrs);
  }
  w.EndObject();
}

}  // namespace

std::string NativeJsonString(const EventGraph& graph) {
  return NativeJsonString(WholeGraph(graph));
}

std::string NativeJsonString(const GraphView& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("schema");
  w.String(kGraphSchema);
  w.Key("generator");
  w.String(kGeneratorName);
  w.Key("nodes");
  w.StartArray();
  for (const Node* node : graph.nodes) WriteNode(w, *node);
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (const Edge* edge : graph.edges) WriteEdge(w, *edge);
  w.EndArray();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out += '\n';
  return out;
}

Status WriteNativeJson(const EventGraph& graph, std::ostream& out) {
  std::string text = NativeJsonString(graph);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) return Status::Io("cannot write the graph");
  return Status::Ok();
}

}  // namespace etkg
