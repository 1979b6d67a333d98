#include "loaders/graph_reader.h"

#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "exporters/native_json.h"
#include "loaders/text_util.h"

namespace etkg {
namespace {

using Value = rapidjson::Value;

// Where a value sits in the file ("edges[12].evidence[0]"), spelled out
// only when there is an error to report: reading a million edges should not
// format a million paths.
struct Path {
  const char* array = nullptr;  // "nodes" or "edges"; nullptr for the top level.
  size_t index = 0;
  size_t evidence = SIZE_MAX;  // An index into the edge's evidence, if any.

  std::string str() const {
    if (!array) return "";
    std::string out = std::string(array) + "[" + std::to_string(index) + "]";
    if (evidence != SIZE_MAX) out += ".evidence[" + std::to_string(evidence) + "]";
    return out;
  }
  std::string operator+(const std::string& rest) const { return str() + rest; }
  std::string operator+(const char* rest) const { return str() + rest; }
};

// Turns a DOM into a graph, naming the JSON path of the first bad value.
class GraphBuilder {
 public:
  explicit GraphBuilder(const std::string& file) : file_(file) {}

  Result<EventGraph> Build(const Value& root) {
    if (!root.IsObject()) return Error("", "the top level is not an object");
    auto schema = root.FindMember("schema");
    if (schema == root.MemberEnd() || !schema->value.IsString()) {
      return Error("schema", "missing; this is not an etkg graph");
    }
    if (std::string_view(schema->value.GetString()) != kGraphSchema) {
      return Error("schema", std::string("is '") + schema->value.GetString() + "', expected '" +
                                 kGraphSchema + "'");
    }
    const Value* nodes = Member(root, "nodes");
    const Value* edges = Member(root, "edges");
    if (!nodes || !nodes->IsArray()) return Error("nodes", "missing or not an array");
    if (!edges || !edges->IsArray()) return Error("edges", "missing or not an array");

    EventGraph graph;
    for (rapidjson::SizeType i = 0; i < nodes->Size(); ++i) {
      Path path{"nodes", i};
      Node node;
      if (Status s = ReadNode((*nodes)[i], path, &node); !s.ok()) return s;
      // A node that does not add one merged into an earlier one of its id.
      const size_t before = graph.num_nodes();
      Status added = graph.AddNode(std::move(node));
      if (!added.ok() || graph.num_nodes() == before) {
        std::string id = Member((*nodes)[i], "id")->GetString();
        if (graph.FindNode(id)) return Error(path + ".id", "duplicate id '" + id + "'");
        return Error(path.str(), added.message());
      }
    }
    for (rapidjson::SizeType i = 0; i < edges->Size(); ++i) {
      Path path{"edges", i};
      Edge edge;
      if (Status s = ReadEdge((*edges)[i], path, &edge); !s.ok()) return s;
      const size_t before = graph.num_edges();
      if (Status s = graph.AddEdge(std::move(edge)); !s.ok()) return Error(path.str(), s.message());
      if (graph.num_edges() == before) {
        const Value& e = (*edges)[i];
        return Error(path.str(), std::string("duplicate edge ") + Member(e, "source")->GetString() +
                                     " -> " + Member(e, "target")->GetString());
      }
    }
    return graph;
  }

 private:
  Status Error(const std::string& path, const std::string& message) const {
    return Status::Invalid(path.empty() ? message : path + ": " + message, {file_});
  }

  static const Value* Member(const Value& object, const char* key) {
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
  }

  Status ReadString(const Value& object, const char* key, const Path& path, bool required,
                    std::string_view* out) const {
    const Value* v = Member(object, key);
    if (!v) return required ? Error(path + "." + key, "missing") : Status::Ok();
    if (!v->IsString()) return Error(path + "." + key, "is not a string");
    *out = std::string_view(v->GetString(), v->GetStringLength());
    return Status::Ok();
  }

  Status ReadString(const Value& object, const char* key, const Path& path, bool required,
                    std::string* out) const {
    std::string_view view;
    if (Status s = ReadString(object, key, path, required, &view); !s.ok()) return s;
    out->assign(view);
    return Status::Ok();
  }

  Status ReadDate(const Value& object, const Path& path, DateValue* out) const {
    const Value* v = Member(object, "date");
    if (!v || v->IsNull()) return Status::Ok();
    if (!v->IsString()) return Error(path + ".date", "is not a string or null");
    auto date = DateValue::Parse(std::string_view(v->GetString(), v->GetStringLength()));
    if (!date || date->is_null()) {
      return Error(path + ".date", std::string("'") + v->GetString() + "' is not a date");
    }
    *out = *date;
    return Status::Ok();
  }

  Status ReadAttributes(const Value& object, const Path& path, Attributes* out) const {
    const Value* v = Member(object, "attrs");
    if (!v) return Status::Ok();
    if (!v->IsObject()) return Error(path + ".attrs", "is not an object");
    for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it) {
      std::string key(it->name.GetString(), it->name.GetStringLength());
      const Value& value = it->value;
      if (value.IsString()) {
        (*out)[key] = std::string(value.GetString(), value.GetStringLength());
      } else if (value.IsBool()) {
        (*out)[key] = value.GetBool();
      } else if (value.IsInt64()) {
        (*out)[key] = value.GetInt64();
      } else if (value.IsNumber()) {
        (*out)[key] = value.GetDouble();
      } else if (!value.IsNull()) {
        return Error(path + ".attrs." + key, "is not a string, number or boolean");
      }
    }
    return Status::Ok();
  }

  Status ReadNode(const Value& v, const Path& path, Node* node) const {
    if (!v.IsObject()) return Error(path.str(), "is not an object");
    if (Status s = ReadString(v, "id", path, true, &node->id); !s.ok()) return s;
    if (node->id.empty()) return Error(path + ".id", "is empty");
    std::string_view kind;
    if (Status s = ReadString(v, "kind", path, true, &kind); !s.ok()) return s;
    auto parsed = ParseNodeKind(kind);
    if (!parsed) return Error(path + ".kind", "unknown kind '" + std::string(kind) + "'");
    node->kind = *parsed;
    if (Status s = ReadString(v, "label", path, false, &node->label); !s.ok()) return s;
    if (const Value* aliases = Member(v, "aliases")) {
      if (!aliases->IsArray()) return Error(path + ".aliases", "is not an array");
      for (const Value& alias : aliases->GetArray()) {
        if (!alias.IsString()) return Error(path + ".aliases", "holds a non-string");
        node->aliases.emplace_back(alias.GetString(), alias.GetStringLength());
      }
    }
    if (Status s = ReadDate(v, path, &node->date); !s.ok()) return s;
    return ReadAttributes(v, path, &node->attrs);
  }

  Status ReadEdge(const Value& v, const Path& path, Edge* edge) const {
    if (!v.IsObject()) return Error(path.str(), "is not an object");
    if (Status s = ReadString(v, "source", path, true, &edge->source); !s.ok()) return s;
    if (Status s = ReadString(v, "target", path, true, &edge->target); !s.ok()) return s;
    std::string_view kind;
    if (Status s = ReadString(v, "kind", path, true, &kind); !s.ok()) return s;
    auto parsed = ParseEdgeKind(kind);
    if (!parsed) return Error(path + ".kind", "unknown kind '" + std::string(kind) + "'");
    edge->kind = *parsed;
    if (Status s = ReadDate(v, path, &edge->date); !s.ok()) return s;
    if (Status s = ReadString(v, "date_rule", path, false, &edge->date_rule); !s.ok()) return s;
    if (const Value* c = Member(v, "confidence")) {
      if (!c->IsNumber()) return Error(path + ".confidence", "is not a number");
      edge->confidence = c->GetDouble();
      if (!(edge->confidence >= 0.0 && edge->confidence <= 1.0)) {
        return Error(path + ".confidence", "is not between 0 and 1");
      }
    }
    if (const Value* evidence = Member(v, "evidence")) {
      if (!evidence->IsArray()) return Error(path + ".evidence", "is not an array");
      edge->evidence.reserve(evidence->Size());
      for (rapidjson::SizeType i = 0; i < evidence->Size(); ++i) {
        Path ev_path = path;
        ev_path.evidence = i;
        const Value& e = (*evidence)[i];
        if (!e.IsObject()) return Error(ev_path.str(), "is not an object");
        Evidence ev;
        std::string_view doc, text;
        if (Status s = ReadString(e, "doc", ev_path, true, &doc); !s.ok()) return s;
        if (Status s = ReadString(e, "text", ev_path, false, &text); !s.ok()) return s;
        ev.doc = doc;
        ev.text = text;
        const Value* offset = Member(e, "offset");
        const Value* length = Member(e, "length");
        if (!offset || !offset->IsUint()) return Error(ev_path + ".offset", "is not a count");
        if (!length || !length->IsUint()) return Error(ev_path + ".length", "is not a count");
        ev.offset = offset->GetUint();
        ev.length = length->GetUint();
        edge->evidence.push_back(std::move(ev));
      }
    }
    return ReadAttributes(v, path, &edge->attrs);
  }

  std::string file_;
};

// Parses `buffer` in place (strings stay where they are in it, unescaped,
// instead of being copied into the DOM); `text` is the same bytes as they
// were, for locating a syntax error.
Result<EventGraph> ParseInPlace(std::string* buffer, std::string_view text,
                                const std::string& file_name) {
  if (buffer->empty()) return Status::Invalid("empty file, expected an etkg graph", {file_name});
  rapidjson::Document doc;
  // Iterative parsing: deep nesting in a hand-edited file cannot overflow the stack.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;
  if (std::memchr(buffer->data(), '\0', buffer->size()) ||
      FindInvalidUtf8(*buffer) != std::string_view::npos) {
    // In place, a NUL byte would end the text early: parse by length. And
    // RapidJSON's check of the encoding (which names the place of invalid
    // UTF-8) is only needed when our faster check found some: it is also
    // what keeps RapidJSON from copying strings 16 bytes at a time.
    doc.Parse<kFlags | rapidjson::kParseValidateEncodingFlag>(buffer->data(), buffer->size());
  } else {
    doc.ParseInsitu<kFlags | rapidjson::kParseInsituFlag>(buffer->data());
  }
  if (doc.HasParseError()) {
    return Status::Invalid(rapidjson::GetParseError_En(doc.GetParseError()),
                           LocateOffset(text, doc.GetErrorOffset(), file_name));
  }
  return GraphBuilder(file_name).Build(doc);
}

}  // namespace

Result<EventGraph> ParseGraphJson(std::string_view text, const std::string& file_name) {
  std::string buffer(text);
  return ParseInPlace(&buffer, text, file_name);
}

Result<EventGraph> ReadGraphFile(const std::string& path) {
  Result<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  Result<EventGraph> graph = ParseInPlace(&*text, *text, path);
  if (graph.ok() || graph.status().where().line == 0) return graph;
  // A syntax error: the buffer has been changed in place, so the error is
  // located again on the text as it was.
  Result<std::string> original = ReadFileToString(path);
  if (!original.ok()) return graph;
  return ParseGraphJson(*original, path);
}

}  // namespace etkg
