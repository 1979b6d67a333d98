#include "loaders/graph_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <system_error>

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "exporters/native_json.h"
#include "graph/event_merge.h"
#include "loaders/json_locate.h"
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
  GraphBuilder(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<EventGraph> Build(const Value& root, GraphStage* stage) {
    if (!root.IsObject()) return Error("", "the top level is not an object");
    auto schema = root.FindMember("schema");
    if (schema == root.MemberEnd() || !schema->value.IsString()) {
      return Error("schema", "missing; this is not an etkg graph");
    }
    if (std::string_view(schema->value.GetString()) != kGraphSchema) {
      return Error("schema", std::string("is '") + schema->value.GetString() + "', expected '" +
                                 kGraphSchema + "'");
    }
    GraphStage read_stage = GraphStage::kMerged;
    if (const Value* value = Member(root, "stage")) {
      if (!value->IsString() || std::string_view(value->GetString()) != "shard") {
        return Error("stage", "is not \"shard\", the only stage a graph file names");
      }
      read_stage = GraphStage::kShard;
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
    if (stage) *stage = read_stage;
    return graph;
  }

 private:
  Status Error(const std::string& path, const std::string& message) const {
    return JsonValueError(text_, file_, path, message);
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

  std::string_view text_;
  std::string file_;
};

// Builds a document from RapidJSON's events, doing two things RapidJSON
// 1.1.0 gets wrong (both fixed upstream after it):
//  - numbers: its full-precision strtod reads some zeros as huge numbers
//    ("0e308" as -6e-269) and reads past its table of powers of ten for
//    numbers near the top of the double range ("8888...8881e308"). Numbers
//    come as text and std::from_chars reads them; it rounds correctly, so
//    written doubles read back the same.
//  - strings: it lets a lone low surrogate escape ("\ude00") through as
//    bytes that are not UTF-8, so the graph would be written out as a file
//    that does not read back. Such a string is an error.
class StrictHandler {
 public:
  explicit StrictHandler(rapidjson::Document* doc) : doc_(*doc) {}

  // Why parsing stopped, when the handler stopped it.
  rapidjson::ParseErrorCode error() const { return error_; }

  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    const char* end = text + length;
    if (std::find_if(text, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) == end) {
      // An integer; one that fits in no 64-bit type becomes a double.
      if (*text == '-') {
        int64_t i = 0;
        if (std::from_chars(text, end, i).ec == std::errc()) return doc_.Int64(i);
      } else {
        uint64_t u = 0;
        if (std::from_chars(text, end, u).ec == std::errc()) return doc_.Uint64(u);
      }
    }
    double d = 0;
    if (std::from_chars(text, end, d).ec == std::errc::result_out_of_range) {
      // Too small reads as zero, as RapidJSON reads it; too big is an error.
      if (IsTooBig(std::string_view(text, length))) {
        error_ = rapidjson::kParseErrorNumberTooBig;
        return false;
      }
      d = *text == '-' ? -0.0 : 0.0;
    }
    return doc_.Double(d);
  }

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(int64_t i) { return doc_.Int64(i); }
  bool Uint64(uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool String(const char* s, rapidjson::SizeType length, bool copy) {
    return IsUnicode(s, length) && doc_.String(s, length, copy);
  }
  bool StartObject() { return doc_.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType length, bool copy) {
    return IsUnicode(s, length) && doc_.Key(s, length, copy);
  }
  bool EndObject(rapidjson::SizeType members) { return doc_.EndObject(members); }
  bool StartArray() { return doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return doc_.EndArray(elements); }

 private:
  bool IsUnicode(const char* s, rapidjson::SizeType length) {
    if (FindInvalidUtf8(std::string_view(s, length)) == std::string_view::npos) return true;
    error_ = rapidjson::kParseErrorStringUnicodeSurrogateInvalid;
    return false;
  }

  // For a number out of a double's range: true when it is too big rather
  // than too small, from the power of ten of its first significant digit.
  static bool IsTooBig(std::string_view number) {
    size_t exponent_at = number.find_first_of("eE");
    int64_t power = 0;
    if (exponent_at != std::string_view::npos) {
      std::string_view e = number.substr(exponent_at + 1);
      if (!e.empty() && e[0] == '+') e.remove_prefix(1);
      // RapidJSON has checked the syntax; an exponent past int64's range
      // only needs its sign.
      if (std::from_chars(e.data(), e.data() + e.size(), power).ec != std::errc()) {
        power = e[0] == '-' ? -1000000 : 1000000;
      }
    }
    std::string_view digits = number.substr(0, exponent_at);
    size_t point = std::min(digits.find('.'), digits.size());
    size_t first = digits.find_first_of("123456789");
    if (first == std::string_view::npos) return false;
    if (first < point) return power + static_cast<int64_t>(point - first) > 0;
    return power - static_cast<int64_t>(first - point - 1) > 0;
  }

  rapidjson::Document& doc_;
  rapidjson::ParseErrorCode error_ = rapidjson::kParseErrorNone;
};

// Parses `buffer` in place when it can (strings stay where they are in it,
// unescaped, instead of being copied into the DOM); `text` is the same
// bytes as they were, for locating an error, or empty when there is no
// copy (errors then come without a line).
Result<EventGraph> ParseInPlace(std::string* buffer, std::string_view text,
                                const std::string& file_name, GraphStage* stage) {
  if (buffer->empty()) return Status::Invalid("empty file, expected an etkg graph", {file_name});
  // Iterative parsing: deep nesting in a hand-edited file cannot overflow the
  // stack. Numbers come as text, for StrictHandler.
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  // In place, a NUL byte would end the text early: parse by length. And
  // RapidJSON's check of the encoding (which names the place of invalid
  // UTF-8) is only needed when our faster check found some.
  const bool in_place = !std::memchr(buffer->data(), '\0', buffer->size()) &&
                        FindInvalidUtf8(*buffer) == std::string_view::npos;
  rapidjson::Document doc;
  rapidjson::ParseResult parsed;
  auto parse = [&](rapidjson::Document& into) {
    StrictHandler handler(&into);
    rapidjson::Reader reader;
    if (in_place) {
      rapidjson::InsituStringStream in(buffer->data());
      parsed = reader.Parse<kFlags | rapidjson::kParseInsituFlag>(in, handler);
    } else {
      rapidjson::MemoryStream bytes(buffer->data(), buffer->size());
      rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
      parsed = reader.Parse<kFlags | rapidjson::kParseValidateEncodingFlag>(in, handler);
    }
    if (handler.error() != rapidjson::kParseErrorNone) parsed.Set(handler.error(), parsed.Offset());
    return !parsed.IsError();
  };
  doc.Populate(parse);
  if (parsed.IsError()) {
    return Status::Invalid(rapidjson::GetParseError_En(parsed.Code()),
                           LocateOffset(text, parsed.Offset(), file_name));
  }
  return GraphBuilder(text, file_name).Build(doc, stage);
}

}  // namespace

Result<EventGraph> ParseGraphJson(std::string_view text, const std::string& file_name,
                                  GraphStage* stage) {
  std::string buffer(text);
  return ParseInPlace(&buffer, text, file_name, stage);
}

Result<EventGraph> ReadGraphFile(const std::string& path, GraphStage* stage) {
  Result<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  // Parsed in place, the buffer no longer holds the text as it was: no
  // error can be located in it. On an error, read the file again and parse
  // a copy, which names the line and column.
  Result<EventGraph> graph = ParseInPlace(&*text, std::string_view(), path, stage);
  if (graph.ok()) return graph;
  Result<std::string> original = ReadFileToString(path);
  if (!original.ok()) return graph;
  return ParseGraphJson(*original, path, stage);
}

Result<EventGraph> ReadMergedGraphFile(const std::string& path) {
  GraphStage stage = GraphStage::kMerged;
  Result<EventGraph> graph = ReadGraphFile(path, &stage);
  if (!graph.ok() || stage == GraphStage::kMerged) return graph;
  if (Status s = MergeEvents(&*graph); !s.ok()) return s.WithFile(path);
  return graph;
}

}  // namespace etkg
