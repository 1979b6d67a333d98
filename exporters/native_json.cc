#include "exporters/native_json.h"

#include <cmath>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "graph/version.h"

namespace etkg {
namespace {

// The writer fills a StringBuffer (RapidJSON's fast path: room is checked
// once per string, and with SSE2 plain text is copied 16 bytes at a time);
// after each node and edge, a buffer past kChunk goes to the sink and is
// reused, so the JSON of a large graph never sits in memory whole.
constexpr size_t kChunk = 1 << 20;

class ChunkedOutput {
 public:
  explicit ChunkedOutput(const JsonSink& sink) : sink_(sink), buffer_(nullptr, kChunk + 4096) {}

  rapidjson::StringBuffer& buffer() { return buffer_; }
  void MaybeDrain() {
    if (buffer_.GetSize() >= kChunk) Drain();
  }
  // Hands over what is left. False if the sink failed at any point.
  bool Finish() {
    Drain();
    return ok_;
  }

 private:
  void Drain() {
    if (buffer_.GetSize() > 0 && ok_) {
      ok_ = sink_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
    }
    buffer_.Clear();
  }

  const JsonSink& sink_;
  rapidjson::StringBuffer buffer_;
  bool ok_ = true;
};

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void WriteString(Writer& w, std::string_view s) {
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
  std::string out;
  // About 230 bytes per edge and 200 per node in graphs of news.
  out.reserve(graph.edges.size() * 256 + graph.nodes.size() * 256);
  (void)WriteNativeJson(graph, [&out](std::string_view piece) {
    out.append(piece);
    return true;
  });
  return out;
}

Status WriteNativeJson(const GraphView& graph, const JsonSink& sink) {
  ChunkedOutput output(sink);
  Writer w(output.buffer());
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("schema");
  w.String(kGraphSchema);
  w.Key("generator");
  w.String(kGeneratorName);
  w.Key("nodes");
  w.StartArray();
  for (const Node* node : graph.nodes) {
    WriteNode(w, *node);
    output.MaybeDrain();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (const Edge* edge : graph.edges) {
    WriteEdge(w, *edge);
    output.MaybeDrain();
  }
  w.EndArray();
  w.EndObject();
  output.buffer().Put('\n');
  if (!output.Finish()) return Status::Io("cannot write the graph");
  return Status::Ok();
}

Status WriteNativeJson(const EventGraph& graph, const JsonSink& sink) {
  return WriteNativeJson(WholeGraph(graph), sink);
}

Status WriteNativeJson(const EventGraph& graph, std::ostream& out) {
  return WriteNativeJson(graph, [&out](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return static_cast<bool>(out);
  });
}

}  // namespace etkg
