#include "loaders/graph_reader.h"

#include <algorithm>
#include <charconv>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "graph/event_merge.h"
#include "graph/schema.h"
#include "loaders/json_locate.h"
#include "loaders/text_util.h"

namespace etkg {
namespace {

using Value = rapidjson::Value;

// Where a value sits in the file ("edges[12].evidence[0]"), spelled out
// only when there is an error to report: reading a million edges should not
// format a million paths.
struct Path {
  const char* array = nullptr;  // "sentences", "nodes" or "edges"; nullptr at the top level.
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
  GraphBuilder(std::string_view text, const std::string& file, const GraphReadOptions& options)
      : text_(text), file_(file), options_(options) {}

  Result<EventGraph> Build(const Value& root, GraphStage* stage) {
    if (!root.IsObject()) return Error("", "the top level is not an object");
    auto schema = root.FindMember("schema");
    if (schema == root.MemberEnd() || !schema->value.IsString()) {
      return Error("schema", "missing; this is not an etkg graph");
    }
    const std::string_view schema_name = schema->value.GetString();
    if (schema_name != kGraphSchema && schema_name != kGraphSchemaV1) {
      return Error("schema", std::string("is '") + schema->value.GetString() + "', expected '" +
                                 kGraphSchema + "' or '" + kGraphSchemaV1 + "'");
    }
    with_sentences_ = schema_name == kGraphSchema;
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
    if (with_sentences_) {
      const Value* sentences = Member(root, "sentences");
      if (!sentences || !sentences->IsArray()) {
        return Error("sentences", "missing or not an array");
      }
      sentences_.reserve(sentences->Size());
      for (rapidjson::SizeType i = 0; i < sentences->Size(); ++i) {
        Evidence sentence;
        if (Status s = ReadSentence((*sentences)[i], Path{"sentences", i}, &sentence); !s.ok()) {
          return s;
        }
        sentences_.push_back(sentence);
      }
    }

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

  Status ReadString(const Value& object, const char* key, const Path& path, bool required,
                    InternedString* out) const {
    std::string_view view;
    if (Status s = ReadString(object, key, path, required, &view); !s.ok()) return s;
    *out = InternedString(view);
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
        if (with_sentences_) {
          if (!e.IsUint() || e.GetUint() >= sentences_.size()) {
            return Error(ev_path.str(), "is not the index of a sentence");
          }
          edge->evidence.push_back(sentences_[e.GetUint()]);
          continue;
        }
        Evidence ev;
        if (Status s = ReadSentence(e, ev_path, &ev); !s.ok()) return s;
        edge->evidence.push_back(ev);
      }
    }
    return ReadAttributes(v, path, &edge->attrs);
  }

  // An element of "sentences", or the evidence of a version 1 edge.
  Status ReadSentence(const Value& e, const Path& path, Evidence* ev) const {
    if (!e.IsObject()) return Error(path.str(), "is not an object");
    std::string_view doc, text;
    if (Status s = ReadString(e, "doc", path, true, &doc); !s.ok()) return s;
    if (Status s = ReadString(e, "text", path, false, &text); !s.ok()) return s;
    ev->doc = doc;
    if (options_.evidence_texts) ev->text = text;
    const Value* offset = Member(e, "offset");
    const Value* length = Member(e, "length");
    if (!offset || !offset->IsUint()) return Error(path + ".offset", "is not a count");
    if (!length || !length->IsUint()) return Error(path + ".length", "is not a count");
    ev->offset = offset->GetUint();
    ev->length = length->GetUint();
    return Status::Ok();
  }

  std::string_view text_;
  std::string file_;
  GraphReadOptions options_;
  bool with_sentences_ = false;      // Version 2: evidence is by index.
  std::vector<Evidence> sentences_;  // Version 2's table.
};

// A number as RapidJSON's DOM holds it: an integer of int64's range, one
// of uint64's beyond it, or a double.
struct JsonNumber {
  enum class Type { kInt64, kBigUint64, kDouble };
  Type type = Type::kDouble;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;

  // What Value::IsUint, IsInt64 and GetDouble say of it.
  bool IsUint() const { return type == Type::kInt64 && i >= 0 && i <= UINT32_MAX; }
  bool IsInt64() const { return type == Type::kInt64; }
  double GetDouble() const {
    if (type == Type::kInt64) return static_cast<double>(i);
    if (type == Type::kBigUint64) return static_cast<double>(u);
    return d;
  }
};

// For a number out of a double's range: true when it is too big rather
// than too small, from the power of ten of its first significant digit.
bool IsTooBig(std::string_view number) {
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

// Reads the text of a number (its syntax checked by RapidJSON), doing what
// RapidJSON 1.1.0 gets wrong (fixed upstream after it): its full-precision
// strtod reads some zeros as huge numbers ("0e308" as -6e-269) and reads
// past its table of powers of ten for numbers near the top of the double
// range ("8888...8881e308"). std::from_chars rounds correctly, so written
// doubles read back the same. Returns false for a number too big for a
// double.
bool ReadJsonNumber(const char* text, size_t length, JsonNumber* out) {
  const char* end = text + length;
  if (std::find_if(text, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) == end) {
    // An integer; one that fits in no 64-bit type becomes a double.
    if (*text == '-') {
      if (std::from_chars(text, end, out->i).ec == std::errc()) {
        out->type = JsonNumber::Type::kInt64;
        return true;
      }
    } else if (std::from_chars(text, end, out->u).ec == std::errc()) {
      if (out->u <= static_cast<uint64_t>(INT64_MAX)) {
        out->type = JsonNumber::Type::kInt64;
        out->i = static_cast<int64_t>(out->u);
      } else {
        out->type = JsonNumber::Type::kBigUint64;
      }
      return true;
    }
  }
  out->type = JsonNumber::Type::kDouble;
  if (std::from_chars(text, end, out->d).ec == std::errc::result_out_of_range) {
    // Too small reads as zero, as RapidJSON reads it; too big is an error.
    if (IsTooBig(std::string_view(text, length))) return false;
    out->d = *text == '-' ? -0.0 : 0.0;
  }
  return true;
}

// Builds a document from RapidJSON's events, doing two things RapidJSON
// 1.1.0 gets wrong (both fixed upstream after it):
//  - numbers: read by ReadJsonNumber.
//  - strings: it lets a lone low surrogate escape ("\ude00") through as
//    bytes that are not UTF-8, so the graph would be written out as a file
//    that does not read back. Such a string is an error.
class StrictHandler {
 public:
  explicit StrictHandler(rapidjson::Document* doc) : doc_(*doc) {}

  // Why parsing stopped, when the handler stopped it.
  rapidjson::ParseErrorCode error() const { return error_; }

  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    JsonNumber number;
    if (!ReadJsonNumber(text, length, &number)) {
      error_ = rapidjson::kParseErrorNumberTooBig;
      return false;
    }
    switch (number.type) {
      case JsonNumber::Type::kInt64:
        return *text == '-' ? doc_.Int64(number.i) : doc_.Uint64(static_cast<uint64_t>(number.i));
      case JsonNumber::Type::kBigUint64:
        return doc_.Uint64(number.u);
      case JsonNumber::Type::kDouble:
        break;
    }
    return doc_.Double(number.d);
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

  rapidjson::Document& doc_;
  rapidjson::ParseErrorCode error_ = rapidjson::kParseErrorNone;
};

// Strings to values by open addressing, for lookups by the million: a slot
// holds a view of its key, which must outlive the table (the buffer being
// parsed, or the interned pool), 32 bits of the key's hash and the value,
// so a lookup touches one slot and then the key's text.
template <typename Value>
class StringTable {
 public:
  static size_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

  // Returns nullptr if `key` is not there.
  const Value* Find(std::string_view key, size_t hash) const {
    if (slots_.empty()) return nullptr;
    const uint32_t tag = static_cast<uint32_t>(hash);
    for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.data) return nullptr;
      if (slot.tag == tag && slot.size == key.size() &&
          std::memcmp(slot.data, key.data(), key.size()) == 0) {
        return &slot.value;
      }
    }
  }

  // Fetches, ahead of a Find of a key of this hash, the slot where its
  // probe starts; then, called again once that has come, the text of the
  // key in it. A lookup waits on two cache misses: a reader that has many
  // to make asks for all of their lines first.
  void Prefetch(size_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<uint32_t>(hash) & mask_]);
  }
  void PrefetchKey(size_t hash) const {
    if (slots_.empty()) return;
    const Slot& slot = slots_[static_cast<uint32_t>(hash) & mask_];
    if (slot.data) __builtin_prefetch(slot.data);
  }

  // `key` must not be there yet, nor be empty.
  void Insert(std::string_view key, size_t hash, Value value) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Grow();
    Place({key.data(), static_cast<uint32_t>(key.size()), static_cast<uint32_t>(hash),
           std::move(value)});
    ++size_;
  }

 private:
  struct Slot {
    const char* data = nullptr;  // nullptr: an empty slot.
    uint32_t size = 0;
    uint32_t tag = 0;  // Where the slot's probe starts.
    Value value{};
  };

  void Place(Slot slot) {
    size_t i = slot.tag & mask_;
    while (slots_[i].data) i = (i + 1) & mask_;
    slots_[i] = std::move(slot);
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(old.empty() ? 1024 : 2 * old.size());
    mask_ = slots_.size() - 1;
    for (Slot& slot : old) {
      if (slot.data) Place(std::move(slot));
    }
  }

  std::vector<Slot> slots_;  // A power of two of them (at most 2^32), or none.
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Builds the graph straight from RapidJSON's events, without a DOM: the
// path every well-formed file takes. It accepts exactly the files
// GraphBuilder accepts and builds the same graph, but it reports nothing:
// at the first thing that is wrong, or merely unusual (a member given
// twice, "edges" before "nodes"), it stops, and the caller parses again
// with a DOM and GraphBuilder, whose order of checks decides which error a
// file with several is reported with.
class FastGraphReader {
 public:
  // `in` reads a text of `size` bytes; its position is taken to guess how
  // many edges there are.
  FastGraphReader(rapidjson::InsituStringStream* in, size_t size, const GraphReadOptions& options)
      : in_(in), size_(size), options_(options) {}

  // Whether the text was a graph; then Take() gives it.
  bool ok() const {
    return state_ == State::kDone && schema_ok_ && nodes_seen_ && edges_seen_ &&
           sentences_seen_ == with_sentences_;
  }
  EventGraph Take() { return std::move(graph_); }
  GraphStage stage() const { return stage_; }

  bool Null() {
    if (Skipping()) return true;
    switch (state_) {
      case State::kNode:
        return field_ == Field::kDate && Done();
      case State::kEdge:
        return field_ == Field::kDate && Done();
      case State::kAttrs:
        return Done();  // A null attribute is left out.
      default:
        return false;
    }
  }

  bool Bool(bool b) {
    if (Skipping()) return true;
    if (state_ != State::kAttrs) return false;
    (*attrs_)[std::string(attr_)] = b;
    return Done();
  }

  // Numbers always come as text (kParseNumbersAsStringsFlag).
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }

  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    JsonNumber number;
    if (!ReadJsonNumber(text, length, &number)) return false;
    if (Skipping()) return true;
    switch (state_) {
      case State::kAttrs:
        if (number.IsInt64()) {
          (*attrs_)[std::string(attr_)] = number.i;
        } else {
          (*attrs_)[std::string(attr_)] = number.GetDouble();
        }
        return Done();
      case State::kEdge:
        if (field_ != Field::kConfidence) return false;
        edge_.confidence = number.GetDouble();
        return edge_.confidence >= 0.0 && edge_.confidence <= 1.0 && Done();
      case State::kEvidenceList:
        // Version 2: the index of a sentence.
        if (!with_sentences_ || !number.IsUint() ||
            static_cast<uint64_t>(number.i) >= sentences_.size()) {
          return false;
        }
        edge_.evidence.push_back(sentences_[static_cast<size_t>(number.i)]);
        return true;
      case State::kEvidence:
        if (!number.IsUint()) return false;
        if (field_ == Field::kOffset) {
          evidence_.offset = static_cast<uint32_t>(number.i);
        } else if (field_ == Field::kLength) {
          evidence_.length = static_cast<uint32_t>(number.i);
        } else {
          return false;
        }
        return Done();
      default:
        return false;
    }
  }

  bool String(const char* s, rapidjson::SizeType length, bool) {
    if (!IsUnicode(s, length)) return false;
    if (Skipping()) return true;
    std::string_view v(s, length);
    switch (state_) {
      case State::kTop:
        if (field_ == Field::kSchema) {
          with_sentences_ = v == kGraphSchema;
          schema_ok_ = with_sentences_ || v == kGraphSchemaV1;
          return schema_ok_ && Done();
        }
        if (field_ == Field::kStage) {
          stage_ = GraphStage::kShard;
          return v == "shard" && Done();
        }
        return false;
      case State::kNode:
        return NodeString(v) && Done();
      case State::kAliases:
        node_.aliases.emplace_back(v);
        return true;
      case State::kAttrs:
        (*attrs_)[std::string(attr_)] = std::string(v);
        return Done();
      case State::kEdge:
        return EdgeString(v) && Done();
      case State::kEvidence:
        if (field_ == Field::kDoc) {
          doc_ = v;
        } else if (field_ == Field::kText) {
          text_ = v;
        } else {
          return false;
        }
        return Done();
      default:
        return false;
    }
  }

  bool Key(const char* s, rapidjson::SizeType length, bool) {
    if (skip_depth_ > 0) return IsUnicode(s, length);
    std::string_view key(s, length);
    bool seen = false;
    switch (state_) {
      case State::kTop:
        seen = See(TopField(key), &top_seen_);
        break;
      case State::kNode:
        seen = See(NodeField(key), &seen_);
        break;
      case State::kEdge:
        seen = See(EdgeField(key), &seen_);
        break;
      case State::kEvidence:
        seen = See(EvidenceField(key), &evidence_seen_);
        break;
      case State::kAttrs:
        attr_ = key;
        return IsUnicode(s, length);
      default:
        return false;
    }
    // The keys the reader knows are ASCII.
    return seen && (field_ != Field::kSkip || IsUnicode(s, length));
  }

  bool StartObject() {
    if (skip_depth_ > 0 || field_ == Field::kSkip) return StartSkipped();
    switch (state_) {
      case State::kStart:
        state_ = State::kTop;
        return true;
      case State::kNodes:
        node_ = Node();
        seen_ = 0;
        state_ = State::kNode;
        return true;
      case State::kEdges:
        edge_ = Edge();
        seen_ = 0;
        state_ = State::kEdge;
        return true;
      case State::kSentences:
      case State::kEvidenceList:
        // Version 2's evidence is indexes; version 1's is objects.
        if (state_ == State::kEvidenceList && with_sentences_) return false;
        evidence_owner_ = state_;
        evidence_ = Evidence();
        doc_ = text_ = std::string_view();
        evidence_seen_ = 0;
        state_ = State::kEvidence;
        return true;
      case State::kNode:
      case State::kEdge:
        if (field_ != Field::kAttrs) return false;
        attrs_owner_ = state_;
        attrs_ = state_ == State::kNode ? &node_.attrs : &edge_.attrs;
        state_ = State::kAttrs;
        field_ = Field::kNone;
        return true;
      default:
        return false;
    }
  }

  bool EndObject(rapidjson::SizeType) {
    if (skip_depth_ > 0) return EndSkipped();
    switch (state_) {
      case State::kTop:
        state_ = State::kDone;
        return true;
      case State::kNode:
        state_ = State::kNodes;
        return AddNode();
      case State::kEdge:
        state_ = State::kEdges;
        return AddEdge();
      case State::kEvidence:
        if (!Has(evidence_seen_, Field::kDoc) || !Has(evidence_seen_, Field::kOffset) ||
            !Has(evidence_seen_, Field::kLength)) {
          return false;
        }
        state_ = evidence_owner_;
        if (state_ == State::kSentences) {
          // Read once, so interned at once.
          evidence_.doc = Intern(doc_, StringTable<InternedString>::Hash(doc_));
          if (options_.evidence_texts) {
            evidence_.text = Intern(text_, StringTable<InternedString>::Hash(text_));
          }
          sentences_.push_back(evidence_);
          return true;
        }
        edge_.evidence.push_back(std::move(evidence_));
        strings_.push_back({doc_, 0});
        strings_.push_back({options_.evidence_texts ? text_ : std::string_view(), 0});
        return true;
      case State::kAttrs:
        state_ = attrs_owner_;
        return Done();
      default:
        return false;
    }
  }

  bool StartArray() {
    if (skip_depth_ > 0 || field_ == Field::kSkip) return StartSkipped();
    switch (state_) {
      case State::kTop:
        if (field_ == Field::kSentences && Has(top_seen_, Field::kSchema) && with_sentences_ &&
            !nodes_seen_) {
          sentences_seen_ = true;
          state_ = State::kSentences;
        } else if (field_ == Field::kNodes && !edges_seen_ && sentences_seen_ == with_sentences_) {
          nodes_seen_ = true;
          state_ = State::kNodes;
        } else if (field_ == Field::kEdges && nodes_seen_) {
          edges_seen_ = true;
          edges_start_ = in_->Tell();
          state_ = State::kEdges;
        } else {
          return false;
        }
        field_ = Field::kNone;
        return true;
      case State::kNode:
        if (field_ != Field::kAliases) return false;
        state_ = State::kAliases;
        field_ = Field::kNone;
        return true;
      case State::kEdge:
        if (field_ != Field::kEvidence) return false;
        state_ = State::kEvidenceList;
        field_ = Field::kNone;
        return true;
      default:
        return false;
    }
  }

  bool EndArray(rapidjson::SizeType) {
    if (skip_depth_ > 0) return EndSkipped();
    switch (state_) {
      case State::kSentences:
      case State::kNodes:
        state_ = State::kTop;
        return true;
      case State::kEdges:
        state_ = State::kTop;
        return Flush();
      case State::kAliases:
        state_ = State::kNode;
        return true;
      case State::kEvidenceList:
        state_ = State::kEdge;
        return true;
      default:
        return false;
    }
  }

 private:
  // What an edge holds its ends and date rule as.
  using EndId = decltype(Edge::source);
  using DateRule = decltype(Edge::date_rule);

  // The key the edges are in order of, when they are.
  struct EdgeOrder {
    EventGraph::NodeIndex source = 0;
    EventGraph::NodeIndex target = 0;
    EdgeKind kind = EdgeKind::kMentions;
    friend auto operator<=>(const EdgeOrder&, const EdgeOrder&) = default;
  };
  static constexpr size_t kEdgesToMeasure = 1024;
  // The reader recurses as deep as the text nests: deeper than this, it
  // stops and the iterative parse of the DOM takes over.
  static constexpr size_t kMaxSkipDepth = 64;
  static constexpr size_t kBatch = 32;

  // An edge read, to be added with the next batch.
  struct Pending {
    Edge edge;
    std::string_view source, target;  // In the buffer.
    size_t source_hash = 0;
    size_t target_hash = 0;
    bool source_hashed = false;  // Else the edge has the previous one's source.
  };
  // The document id or sentence of a queued edge's evidence, two per
  // evidence in order.
  struct PendingString {
    std::string_view text;
    size_t hash;
  };

  // Where the reader is: the innermost container it knows.
  enum class State {
    kStart,
    kTop,
    kSentences,
    kNodes,
    kNode,
    kAliases,
    kAttrs,
    kEdges,
    kEdge,
    kEvidenceList,
    kEvidence,
    kDone,
  };
  // The member whose value comes next; kSkip for one the reader ignores.
  enum class Field : uint8_t {
    kNone,
    kSkip,
    kSchema,
    kStage,
    kSentences,
    kNodes,
    kEdges,
    kId,
    kKind,
    kLabel,
    kAliases,
    kDate,
    kAttrs,
    kSource,
    kTarget,
    kDateRule,
    kConfidence,
    kEvidence,
    kDoc,
    kText,
    kOffset,
    kLength,
  };

  static uint32_t Bit(Field field) { return uint32_t{1} << static_cast<int>(field); }
  static bool Has(uint32_t seen, Field field) { return (seen & Bit(field)) != 0; }

  // key == name, with the comparison of a known length inlined: a file has
  // a dozen keys per edge.
  template <size_t N>
  static bool Is(std::string_view key, const char (&name)[N]) {
    return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
  }

  static Field TopField(std::string_view key) {
    if (Is(key, "schema")) return Field::kSchema;
    if (Is(key, "stage")) return Field::kStage;
    if (Is(key, "sentences")) return Field::kSentences;
    if (Is(key, "nodes")) return Field::kNodes;
    if (Is(key, "edges")) return Field::kEdges;
    return Field::kSkip;
  }
  static Field NodeField(std::string_view key) {
    if (Is(key, "id")) return Field::kId;
    if (Is(key, "kind")) return Field::kKind;
    if (Is(key, "label")) return Field::kLabel;
    if (Is(key, "aliases")) return Field::kAliases;
    if (Is(key, "date")) return Field::kDate;
    if (Is(key, "attrs")) return Field::kAttrs;
    return Field::kSkip;
  }
  static Field EdgeField(std::string_view key) {
    if (Is(key, "source")) return Field::kSource;
    if (Is(key, "target")) return Field::kTarget;
    if (Is(key, "kind")) return Field::kKind;
    if (Is(key, "date")) return Field::kDate;
    if (Is(key, "evidence")) return Field::kEvidence;
    if (Is(key, "date_rule")) return Field::kDateRule;
    if (Is(key, "confidence")) return Field::kConfidence;
    if (Is(key, "attrs")) return Field::kAttrs;
    return Field::kSkip;
  }
  static Field EvidenceField(std::string_view key) {
    if (Is(key, "doc")) return Field::kDoc;
    if (Is(key, "offset")) return Field::kOffset;
    if (Is(key, "length")) return Field::kLength;
    if (Is(key, "text")) return Field::kText;
    return Field::kSkip;
  }

  // A member the reader knows may come once: GraphBuilder would take the
  // first of two, which a stream cannot know to keep.
  bool See(Field field, uint32_t* seen) {
    field_ = field;
    if (field == Field::kSkip) return true;
    if (Has(*seen, field)) return false;
    *seen |= Bit(field);
    return true;
  }

  // A member's value has been taken.
  bool Done() {
    field_ = Field::kNone;
    return true;
  }

  // Inside a value the reader ignores, or at a scalar one (which ends it).
  bool Skipping() {
    if (skip_depth_ > 0) return true;
    if (field_ != Field::kSkip) return false;
    field_ = Field::kNone;
    return true;
  }
  bool StartSkipped() {
    field_ = Field::kNone;
    return ++skip_depth_ <= kMaxSkipDepth;
  }
  bool EndSkipped() {
    --skip_depth_;
    return true;
  }

  // Whether a string, unescaped, is UTF-8. The whole text was, so only an
  // escape can have made it otherwise (a lone surrogate), and that leaves
  // bytes past ASCII: a string of ASCII alone needs no closer look.
  static bool IsUnicode(const char* s, rapidjson::SizeType length) {
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
    }
    for (; i < length; ++i) {
      if (static_cast<unsigned char>(s[i]) >= 0x80) {
        return FindInvalidUtf8(std::string_view(s, length)) == std::string_view::npos;
      }
    }
    return true;
  }

  bool ReadDate(std::string_view text, DateValue* out) {
    auto date = DateValue::Parse(text);
    if (!date || date->is_null()) return false;
    *out = *date;
    return true;
  }

  bool NodeString(std::string_view v) {
    switch (field_) {
      case Field::kId:
        node_.id.assign(v);
        id_ = v;
        return !v.empty();
      case Field::kKind:
        if (auto kind = ParseNodeKind(v)) {
          node_.kind = *kind;
          return true;
        }
        return false;
      case Field::kLabel:
        node_.label.assign(v);
        return true;
      case Field::kDate:
        return ReadDate(v, &node_.date);
      default:
        return false;
    }
  }

  bool EdgeString(std::string_view v) {
    switch (field_) {
      case Field::kSource:
        source_ = v;
        return true;
      case Field::kTarget:
        target_ = v;
        return true;
      case Field::kKind:
        if (auto kind = ParseEdgeKind(v)) {
          edge_.kind = *kind;
          return true;
        }
        return false;
      case Field::kDate:
        return ReadDate(v, &edge_.date);
      case Field::kDateRule:
        date_rule_ = v;
        return true;
      default:
        return false;
    }
  }

  bool AddNode() {
    if (!Has(seen_, Field::kId) || !Has(seen_, Field::kKind)) return false;
    // A node that does not add one merged into an earlier one of its id.
    const size_t index = graph_.num_nodes();
    if (!graph_.AddNode(std::move(node_)).ok() || graph_.num_nodes() == index) return false;
    ids_.Insert(id_, StringTable<EventGraph::NodeIndex>::Hash(id_),
                static_cast<EventGraph::NodeIndex>(index));
    return true;
  }

  // The value an edge holds for the id of node `index`, `id`. A value that
  // copies for nothing (an interned string) is made once per node; a
  // std::string is as cheap to make from the text as to copy.
  EndId EndValue(EventGraph::NodeIndex index, std::string_view id) {
    if constexpr (std::is_trivially_copyable_v<EndId>) {
      if (end_values_.empty()) end_values_.resize(graph_.num_nodes());
      std::optional<EndId>& value = end_values_[index];
      if (!value) value = EndId(id);
      return *value;
    } else {
      return EndId(id);
    }
  }

  // The same for the date rule, of which there are a handful.
  DateRule DateRuleValue(std::string_view rule) {
    if constexpr (std::is_trivially_copyable_v<DateRule>) {
      for (const auto& [text, value] : date_rules_) {
        if (text == rule) return value;
      }
      DateRule value(rule);
      if (date_rules_.size() < 16) date_rules_.emplace_back(std::string(rule), value);
      return value;
    } else {
      return DateRule(rule);
    }
  }

  // Evidence repeats its document ids and sentences: each distinct one is
  // looked up in the process-wide pool once.
  InternedString Intern(std::string_view text, size_t hash) {
    if (text.empty()) return InternedString();
    if (const InternedString* interned = interned_.Find(text, hash)) return *interned;
    InternedString interned(text);
    interned_.Insert(interned.view(), hash, interned);
    return interned;
  }

  // Queues the edge just read; its ends and evidence are looked up for a
  // batch of edges at a time.
  bool AddEdge() {
    if (!Has(seen_, Field::kSource) || !Has(seen_, Field::kTarget) || !Has(seen_, Field::kKind)) {
      return false;
    }
    if (Has(seen_, Field::kDateRule)) edge_.date_rule = DateRuleValue(date_rule_);
    if (++edges_read_ == kEdgesToMeasure) ReserveEdges();
    pending_.push_back({std::move(edge_), source_, target_});
    return pending_.size() < kBatch || Flush();
  }

  // Adds the queued edges. The lookups of a batch wait on the memory
  // together rather than one after the other: first every slot where a
  // lookup starts is fetched, then the key text it holds, and only then are
  // the lookups made.
  bool Flush() {
    std::string_view source = last_source_id_;
    for (Pending& p : pending_) {
      p.target_hash = StringTable<EventGraph::NodeIndex>::Hash(p.target);
      ids_.Prefetch(p.target_hash);
      if (p.source != source) {  // Sources come in runs.
        p.source_hash = StringTable<EventGraph::NodeIndex>::Hash(p.source);
        p.source_hashed = true;
        ids_.Prefetch(p.source_hash);
        source = p.source;
      }
    }
    for (PendingString& string : strings_) {
      if (string.text.empty()) continue;
      string.hash = StringTable<InternedString>::Hash(string.text);
      interned_.Prefetch(string.hash);
    }
    for (const Pending& p : pending_) {
      ids_.PrefetchKey(p.target_hash);
      if (p.source_hashed) ids_.PrefetchKey(p.source_hash);
    }
    for (const PendingString& string : strings_) {
      if (!string.text.empty()) interned_.PrefetchKey(string.hash);
    }
    size_t next_string = 0;
    for (Pending& p : pending_) {
      // Version 2's evidence came from the sentences, interned already.
      if (!with_sentences_) {
        for (Evidence& evidence : p.edge.evidence) {
          evidence.doc = Intern(strings_[next_string].text, strings_[next_string].hash);
          evidence.text = Intern(strings_[next_string + 1].text, strings_[next_string + 1].hash);
          next_string += 2;
        }
      }
      if (!AddResolved(&p)) return false;
    }
    pending_.clear();
    strings_.clear();
    return true;
  }

  bool AddResolved(Pending* p) {
    std::optional<EventGraph::NodeIndex> source;
    if (!p->source.empty() && p->source == last_source_id_) {
      source = last_source_;
    } else {
      if (!p->source_hashed) p->source_hash = StringTable<EventGraph::NodeIndex>::Hash(p->source);
      if (const auto* index = ids_.Find(p->source, p->source_hash)) {
        source = *index;
        last_source_id_ = p->source;
        last_source_ = *index;
      }
    }
    const auto* target = ids_.Find(p->target, p->target_hash);
    if (!source || !target) return false;
    Edge& edge = p->edge;
    edge.source = EndValue(*source, p->source);
    edge.target = EndValue(*target, p->target);
    // While the edges come in increasing order of their ends' indexes and
    // kind (as the native JSON writes them, its nodes sorted by id too),
    // each one is greater than all before it, so it is new.
    const EdgeOrder order{*source, *target, edge.kind};
    if (!any_edge_ || greatest_ < order) {
      any_edge_ = true;
      greatest_ = order;
      graph_.AddEdgeKnownNew(*source, *target, std::move(edge));
      return true;
    }
    return graph_.AddNewEdge(*source, *target, std::move(edge));
  }

  // After the first edges: room for as many more as the rest of the text
  // holds at the same number of bytes per edge, give or take.
  void ReserveEdges() {
    const size_t at = in_->Tell();
    const size_t per_edge = std::max<size_t>((at - edges_start_) / kEdgesToMeasure, 64);
    graph_.ReserveEdges(kEdgesToMeasure + (size_ - at) / per_edge + (size_ - at) / per_edge / 16);
  }

  rapidjson::InsituStringStream* in_;  // Tell() is not const.
  size_t size_;
  GraphReadOptions options_;
  size_t edges_start_ = 0;  // Where the edges begin in the text.
  size_t edges_read_ = 0;
  EdgeOrder greatest_;
  bool any_edge_ = false;
  std::vector<Pending> pending_;
  std::vector<PendingString> strings_;
  std::string_view doc_, text_;  // Of the evidence being read.

  EventGraph graph_;
  GraphStage stage_ = GraphStage::kMerged;
  State state_ = State::kStart;
  Field field_ = Field::kNone;
  size_t skip_depth_ = 0;
  bool schema_ok_ = false;
  bool with_sentences_ = false;  // Version 2: edges name their evidence by index.
  bool sentences_seen_ = false;
  bool nodes_seen_ = false;
  bool edges_seen_ = false;
  uint32_t top_seen_ = 0;
  uint32_t seen_ = 0;  // Members of the node or edge being read.
  uint32_t evidence_seen_ = 0;

  Node node_;
  std::string_view id_;  // The node's id, in the buffer parsed in place.
  Edge edge_;
  // The edge's ends and date rule, in the buffer.
  std::string_view source_, target_, date_rule_;
  Evidence evidence_;
  State evidence_owner_ = State::kEvidenceList;  // Or kSentences.
  std::vector<Evidence> sentences_;              // Version 2's table.
  Attributes* attrs_ = nullptr;                  // Being read, in attrs_owner_'s node or edge.
  State attrs_owner_ = State::kNode;
  std::string_view attr_;  // The key of the attribute whose value comes next.

  StringTable<EventGraph::NodeIndex> ids_;  // Keys in the buffer.
  std::string_view last_source_id_;
  EventGraph::NodeIndex last_source_ = 0;
  std::vector<std::optional<EndId>> end_values_;  // By node index.
  std::vector<std::pair<std::string, DateRule>> date_rules_;
  StringTable<InternedString> interned_;  // Keys in the pool.
};

// Whether `text` can be parsed in place: a NUL byte would end the text
// early, and RapidJSON's check of the encoding (which names the place of
// invalid UTF-8) is only needed when our faster check finds some.
bool CanParseInPlace(std::string_view text) {
  return !std::memchr(text.data(), '\0', text.size()) &&
         FindInvalidUtf8(text) == std::string_view::npos;
}

// Iterative parsing: deep nesting in a hand-edited file cannot overflow the
// stack. Numbers come as text, for ReadJsonNumber.
constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;

// Reads `buffer`, which CanParseInPlace, with FastGraphReader, in place:
// strings are unescaped where they are, and `buffer` no longer holds the
// text. Returns nullopt when the text is not a graph or is one that only
// GraphBuilder reads.
std::optional<EventGraph> ReadFast(std::string* buffer, GraphStage* stage,
                                   const GraphReadOptions& options) {
  rapidjson::InsituStringStream in(buffer->data());
  FastGraphReader handler(&in, buffer->size(), options);
  rapidjson::Reader reader;
  // Not iterative, which is slower: FastGraphReader stops at a depth of a
  // hundred or so.
  constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseInsituFlag;
  if (reader.Parse<kFlags>(in, handler).IsError() || !handler.ok()) {
    return std::nullopt;
  }
  if (stage) *stage = handler.stage();
  return handler.Take();
}

// Parses `buffer` into a DOM, in place when it can (strings stay where they
// are in it, unescaped, instead of being copied into the DOM), and builds
// the graph from that, naming the first error; `text` is the same bytes as
// they were, for locating an error.
Result<EventGraph> ParseWithDom(std::string* buffer, std::string_view text,
                                const std::string& file_name, GraphStage* stage,
                                const GraphReadOptions& options) {
  if (buffer->empty()) return Status::Invalid("empty file, expected an etkg graph", {file_name});
  const bool in_place = CanParseInPlace(*buffer);
  rapidjson::Document doc;
  rapidjson::ParseResult parsed;
  auto parse = [&](rapidjson::Document& into) {
    StrictHandler handler(&into);
    rapidjson::Reader reader;
    if (in_place) {
      rapidjson::InsituStringStream in(buffer->data());
      parsed = reader.Parse<kParseFlags | rapidjson::kParseInsituFlag>(in, handler);
    } else {
      rapidjson::MemoryStream bytes(buffer->data(), buffer->size());
      rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
      parsed = reader.Parse<kParseFlags | rapidjson::kParseValidateEncodingFlag>(in, handler);
    }
    if (handler.error() != rapidjson::kParseErrorNone) parsed.Set(handler.error(), parsed.Offset());
    return !parsed.IsError();
  };
  doc.Populate(parse);
  if (parsed.IsError()) {
    return Status::Invalid(rapidjson::GetParseError_En(parsed.Code()),
                           LocateOffset(text, parsed.Offset(), file_name));
  }
  return GraphBuilder(text, file_name, options).Build(doc, stage);
}

}  // namespace

Result<EventGraph> ParseGraphJson(std::string_view text, const std::string& file_name,
                                  GraphStage* stage, const GraphReadOptions& options) {
  if (!text.empty() && CanParseInPlace(text)) {
    std::string buffer(text);
    if (std::optional<EventGraph> graph = ReadFast(&buffer, stage, options)) {
      return std::move(*graph);
    }
  }
  std::string buffer(text);
  return ParseWithDom(&buffer, text, file_name, stage, options);
}

Result<EventGraph> ReadGraphFile(const std::string& path, GraphStage* stage,
                                 const GraphReadOptions& options) {
  Result<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  if (text->empty() || !CanParseInPlace(*text)) return ParseGraphJson(*text, path, stage, options);
  if (std::optional<EventGraph> graph = ReadFast(&*text, stage, options)) {
    return std::move(*graph);
  }
  // Parsed in place, the buffer no longer holds the text as it was: read
  // the file again, for GraphBuilder to name the error and its place.
  text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  std::string buffer = *text;
  return ParseWithDom(&buffer, *text, path, stage, options);
}

Result<EventGraph> ReadMergedGraphFile(const std::string& path, const GraphReadOptions& options) {
  GraphStage stage = GraphStage::kMerged;
  Result<EventGraph> graph = ReadGraphFile(path, &stage, options);
  if (!graph.ok() || stage == GraphStage::kMerged) return graph;
  if (Status s = MergeEvents(&*graph); !s.ok()) return s.WithFile(path);
  return graph;
}

}  // namespace etkg
