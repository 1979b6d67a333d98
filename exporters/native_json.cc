#include "exporters/native_json.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "graph/version.h"

namespace etkg {
namespace {

// This writer prints the schema itself instead of going through RapidJSON's
// PrettyWriter: the layout is fixed (the golden files pin it byte for
// byte), so keys, commas and indentation are constant strings, and the
// writer's state machine, kept for every value, cost half of the time of a
// write. What RapidJSON decided stays RapidJSON's or is copied from it:
// doubles are formatted by its own dtoa, and strings are escaped as its
// Writer escapes them (see kEscape), so the bytes are those it wrote, with
// one exception: its SSE2 scan let bytes 0x1A-0x1F through unescaped when
// they fell in a 16-byte aligned block, which is not JSON; they are always
// escaped now.

// The output fills one buffer; after each node and edge, a buffer past
// kChunk goes to the sink and is reused, so the JSON of a large graph never
// sits in memory whole.
constexpr size_t kChunk = 1 << 20;

// What RapidJSON's Writer puts after a backslash for each byte, or 0 for a
// byte copied as is: control characters, '"' and '\\'. Bytes from 0x80 up
// are copied: the text is UTF-8 already and, as before, not validated here.
constexpr auto kEscape = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 'u';
  table['\b'] = 'b';
  table['\t'] = 't';
  table['\n'] = 'n';
  table['\f'] = 'f';
  table['\r'] = 'r';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}();

// True if any of the 8 bytes in `x` is below 0x20, '"' or '\\' (the
// "has less than" and "has zero byte" tests of Bit Twiddling Hacks; as
// yes-or-no answers they are exact).
bool AnyToEscape(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighs = 0x8080808080808080;
  auto zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHighs;
  return (below_space | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\'))) != 0;
}

class JsonOutput {
 public:
  explicit JsonOutput(const JsonSink& sink)
      : sink_(sink), capacity_(kChunk + 64 * 1024), data_(new char[capacity_]) {}

  // Constant text: keys, punctuation, indentation.
  template <size_t N>
  void Literal(const char (&text)[N]) {
    char* p = Room(N - 1);
    std::memcpy(p, text, N - 1);
    size_ += N - 1;
  }

  // `s` quoted and escaped.
  void String(std::string_view s) {
    // The worst case: every byte becomes "\u00XX".
    char* out = Room(2 + 6 * s.size());
    const char* in = s.data();
    const char* end = in + s.size();
    *out++ = '"';
    // Eight bytes at a time while none of them needs escaping (most text).
    while (end - in >= 8) {
      uint64_t x;
      std::memcpy(&x, in, 8);
      if (AnyToEscape(x)) {
        for (const char* stop = in + 8; in < stop; ++in) out = Put(out, *in);
      } else {
        std::memcpy(out, in, 8);
        in += 8;
        out += 8;
      }
    }
    for (; in < end; ++in) out = Put(out, *in);
    *out++ = '"';
    size_ = static_cast<size_t>(out - data_.get());
  }

  void Unsigned(uint64_t value) { Number(value); }
  void Signed(int64_t value) { Number(value); }

  // As RapidJSON's Writer::Double: the shortest digits that read back as
  // `value`, and "1.0" rather than "1". Most edges share a few confidences
  // (1.0 above all), so the text of the last value is kept; values are
  // compared bit for bit, as 0.0 and -0.0 print differently.
  void Double(double value) {
    uint64_t bits = std::bit_cast<uint64_t>(value);
    if (bits != last_double_bits_ || last_double_size_ == 0) {
      last_double_size_ =
          static_cast<size_t>(rapidjson::internal::dtoa(value, last_double_) - last_double_);
      last_double_bits_ = bits;
    }
    std::memcpy(Room(sizeof last_double_), last_double_, sizeof last_double_);
    size_ += last_double_size_;
  }

  // A date, quoted: its text (digits, 'X', '-' and '/') needs no escaping.
  void Date(const DateValue& date) {
    char* out = Room(DateValue::kMaxText + 2);
    *out++ = '"';
    out = date.Format(out);
    *out++ = '"';
    size_ = static_cast<size_t>(out - data_.get());
  }

  // Hands the buffer to the sink once it passes kChunk.
  void MaybeDrain() {
    if (size_ >= kChunk) Drain();
  }
  // Hands over what is buffered, then `text` (written by another
  // JsonOutput) as it is.
  void Append(std::string_view text) {
    Drain();
    if (!text.empty() && ok_) ok_ = sink_(text);
  }

  // Hands over what is left. False if the sink failed at any point.
  bool Finish() {
    Drain();
    return ok_;
  }

 private:
  static char* Put(char* out, char c) {
    char escape = kEscape[static_cast<unsigned char>(c)];
    if (escape == 0) {
      *out++ = c;
      return out;
    }
    *out++ = '\\';
    *out++ = escape;
    if (escape == 'u') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      *out++ = '0';
      *out++ = '0';
      *out++ = kHex[static_cast<unsigned char>(c) >> 4];
      *out++ = kHex[static_cast<unsigned char>(c) & 0xF];
    }
    return out;
  }

  template <typename Integer>
  void Number(Integer value) {
    char* p = Room(24);
    size_ = static_cast<size_t>(std::to_chars(p, p + 24, value).ptr - data_.get());
  }

  // Where `n` more bytes go; the buffer grows for a string longer than the
  // slack past kChunk.
  char* Room(size_t n) {
    if (capacity_ - size_ < n) Grow(n);
    return data_.get() + size_;
  }

  void Grow(size_t n) {
    size_t capacity = std::max(capacity_ * 2, size_ + n);
    std::unique_ptr<char[]> data(new char[capacity]);
    std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  void Drain() {
    if (size_ > 0 && ok_) ok_ = sink_(std::string_view(data_.get(), size_));
    size_ = 0;
  }

  const JsonSink& sink_;
  size_t capacity_;
  size_t size_ = 0;
  std::unique_ptr<char[]> data_;
  bool ok_ = true;
  uint64_t last_double_bits_ = 0;
  size_t last_double_size_ = 0;
  char last_double_[32];
};

void WriteDate(JsonOutput& out, const DateValue& date) {
  if (date.is_null()) {
    out.Literal("null");
  } else {
    out.Date(date);
  }
}

// An object of attributes whose members sit at the indentation of an
// element of an array in a node, or on one line in an edge; "{}" when empty.
void WriteAttributes(JsonOutput& out, const Attributes& attrs, bool one_line = false) {
  bool first = true;
  for (const auto& [key, value] : attrs) {
    // NaN would corrupt the output; such a value is left out.
    if (auto* d = std::get_if<double>(&value); d && !std::isfinite(*d)) continue;
    if (first && one_line) {
      out.Literal("{");
    } else if (first) {
      out.Literal("{\n        ");
    } else if (one_line) {
      out.Literal(", ");
    } else {
      out.Literal(",\n        ");
    }
    first = false;
    out.String(key);
    out.Literal(": ");
    std::visit(
        [&out](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            out.String(v);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            out.Signed(v);
          } else if constexpr (std::is_same_v<T, double>) {
            out.Double(v);
          } else if (v) {
            out.Literal("true");
          } else {
            out.Literal("false");
          }
        },
        value);
  }
  if (first) {
    out.Literal("{}");
  } else if (one_line) {
    out.Literal("}");
  } else {
    out.Literal("\n      }");
  }
}

// A node, an element of "nodes"; its first line is already indented.
void WriteNode(JsonOutput& out, const Node& node) {
  out.Literal("{\n      \"id\": ");
  out.String(node.id);
  out.Literal(",\n      \"kind\": ");
  out.String(NodeKindName(node.kind));
  out.Literal(",\n      \"label\": ");
  out.String(node.label);
  if (!node.aliases.empty()) {
    out.Literal(",\n      \"aliases\": [\n        ");
    bool first = true;
    for (const std::string& alias : node.aliases) {
      if (!first) out.Literal(",\n        ");
      first = false;
      out.String(alias);
    }
    out.Literal("\n      ]");
  }
  out.Literal(",\n      \"date\": ");
  WriteDate(out, node.date);
  out.Literal(",\n      \"attrs\": ");
  WriteAttributes(out, node.attrs);
  out.Literal("\n    }");
}

// The evidence sentences of a graph, each once, sorted (by document, offset,
// length and text), so their indexes are the same whatever order the graph
// was built in; and the index of each.
class SentenceTable {
 public:
  explicit SentenceTable(const std::vector<const Edge*>& edges) {
    size_t total = 0;
    for (const Edge* edge : edges) total += edge->evidence.size();
    sentences_.reserve(total);
    for (const Edge* edge : edges) {
      sentences_.insert(sentences_.end(), edge->evidence.begin(), edge->evidence.end());
    }
    std::sort(sentences_.begin(), sentences_.end());
    sentences_.erase(std::unique(sentences_.begin(), sentences_.end()), sentences_.end());
    index_.reserve(sentences_.size());
    for (size_t i = 0; i < sentences_.size(); ++i) index_.emplace(sentences_[i], i);
  }

  const std::vector<Evidence>& sentences() const { return sentences_; }
  size_t IndexOf(const Evidence& evidence) const { return index_.at(evidence); }

 private:
  // Interned strings are equal when their texts are the same pointer.
  struct Hash {
    size_t operator()(const Evidence& e) const {
      uint64_t h = reinterpret_cast<uintptr_t>(e.doc.data()) * 0x9E3779B97F4A7C15ULL;
      h ^= reinterpret_cast<uintptr_t>(e.text.data()) + (h << 6) + (h >> 2);
      h ^= (uint64_t{e.offset} << 32 | e.length) * 0xC2B2AE3D27D4EB4FULL;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  std::vector<Evidence> sentences_;
  std::unordered_map<Evidence, size_t, Hash> index_;
};

// A sentence, an element of "sentences", on one line.
void WriteSentence(JsonOutput& out, const Evidence& sentence) {
  out.Literal("{\"doc\": ");
  out.String(sentence.doc);
  out.Literal(", \"offset\": ");
  out.Unsigned(sentence.offset);
  out.Literal(", \"length\": ");
  out.Unsigned(sentence.length);
  out.Literal(", \"text\": ");
  out.String(sentence.text);
  out.Literal("}");
}

// An edge, an element of "edges", on one line: a graph has several times
// as many edges as nodes, and indentation would be a third of their bytes.
// Its evidence is a list of indexes into `sentences`.
void WriteEdge(JsonOutput& out, const Edge& edge, const SentenceTable& sentences) {
  out.Literal("{\"source\": ");
  out.String(edge.source);
  out.Literal(", \"target\": ");
  out.String(edge.target);
  out.Literal(", \"kind\": ");
  out.String(EdgeKindName(edge.kind));
  out.Literal(", \"date\": ");
  WriteDate(out, edge.date);
  out.Literal(", \"evidence\": [");
  bool first = true;
  for (const Evidence& ev : edge.evidence) {
    if (!first) out.Literal(", ");
    first = false;
    out.Unsigned(sentences.IndexOf(ev));
  }
  out.Literal("], \"date_rule\": ");
  out.String(edge.date_rule);
  out.Literal(", \"confidence\": ");
  out.Double(std::isfinite(edge.confidence) ? edge.confidence : 0.0);
  if (!edge.attrs.empty()) {
    out.Literal(", \"attrs\": ");
    WriteAttributes(out, edge.attrs, /*one_line=*/true);
  }
  out.Literal("}");
}

// What a node or an edge points to, once the node or edge itself is in the
// cache: the text of its first strings, and an edge's evidence.
void PrefetchParts(const Node& node) {
  __builtin_prefetch(node.id.data());
  __builtin_prefetch(node.label.data());
}
void PrefetchParts(const Edge& edge) {
  __builtin_prefetch(edge.source.data());
  __builtin_prefetch(edge.target.data());
  __builtin_prefetch(edge.evidence.data());
}
void PrefetchParts(const Evidence& sentence) { __builtin_prefetch(sentence.text.data()); }

// The elements of "nodes" or "edges", each written by `write`, then the
// closing bracket; "[]" when there are none.
// Writes items [begin, end), separated as in an array.
template <typename Item, typename WriteItem>
void WriteItems(JsonOutput& out, const std::vector<const Item*>& items, size_t begin, size_t end,
                WriteItem write) {
  // The items lie scattered over the heap and are visited in id order, so
  // in a large graph each one is a cache miss; asking for a few ahead hides
  // most of the wait.
  constexpr size_t kAhead = 8;
  for (size_t i = begin; i < end; ++i) {
    if (i + kAhead < end) __builtin_prefetch(items[i + kAhead]);
    if (i + kAhead / 2 < end) PrefetchParts(*items[i + kAhead / 2]);
    if (i > begin) out.Literal(",\n    ");
    write(out, *items[i]);
    out.MaybeDrain();
  }
}

// A guess at the bytes of an item's JSON, from what it holds, without
// following its pointers: an evidence entry with its sentence is about 350.
size_t GuessBytes(const Node& node) { return 300 + 40 * node.aliases.size(); }
size_t GuessBytes(const Edge& edge) { return 300 + 8 * edge.evidence.size(); }
size_t GuessBytes(const Evidence& sentence) { return 80 + sentence.length; }

// Items are written in blocks of about kBlockBytes (or kBlockItems) on as
// many threads as there are cores, when there are enough of them. An item
// bigger than a block alone (an edge such as a leader's `leads`, with the
// evidence of every document that named them) is written by the thread
// that hands the blocks to the sink, as the one-thread writer does, so it is
// never held whole in memory.
constexpr size_t kBlockItems = 1024;
constexpr size_t kBlockBytes = size_t{1} << 20;

struct Block {
  size_t begin, end;
  bool inline_item;  // One big item, written by the handing thread.
};

template <typename Item>
std::vector<Block> SplitIntoBlocks(const std::vector<const Item*>& items) {
  std::vector<Block> blocks;
  size_t begin = 0, bytes = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t guess = GuessBytes(*items[i]);
    if (guess >= kBlockBytes) {
      if (i > begin) blocks.push_back({begin, i, false});
      blocks.push_back({i, i + 1, true});
      begin = i + 1;
      bytes = 0;
      continue;
    }
    bytes += guess;
    if (bytes >= kBlockBytes || i + 1 - begin >= kBlockItems) {
      blocks.push_back({begin, i + 1, false});
      begin = i + 1;
      bytes = 0;
    }
  }
  if (begin < items.size()) blocks.push_back({begin, items.size(), false});
  return blocks;
}

template <typename Item, typename WriteItem>
void WriteArray(JsonOutput& out, const std::vector<const Item*>& items, WriteItem write,
                unsigned most_threads) {
  if (items.empty()) {
    out.Literal("[]");
    return;
  }
  out.Literal("[\n    ");
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned allowed = most_threads == 0 ? std::min(cores, 8u) : most_threads;
  const unsigned threads = items.size() < 2 * kBlockItems ? 1 : allowed;
  if (threads == 1) {
    WriteItems(out, items, 0, items.size(), write);
    out.Literal("\n  ]");
    return;
  }
  // Threads write blocks into texts of their own, a few blocks ahead at
  // most; this thread hands the texts to the sink in order. Each item is
  // written alone, so the bytes are those of one thread. The texts come
  // from a pool and go back to it, keeping their room: a write allocates a
  // few megabytes once instead of a block's worth for every block.
  const std::vector<Block> blocks = SplitIntoBlocks(items);
  const size_t window = 2 * threads;
  std::vector<std::string> texts(blocks.size());
  std::vector<char> ready(blocks.size(), 0);
  std::vector<std::string> pool(window + threads);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0, handed = 0;
  // The next block a thread should write, or blocks.size().
  auto next_to_write = [&] {
    while (next < blocks.size() && blocks[next].inline_item) ready[next++] = 1;
    return next;
  };
  auto work = [&] {
    std::string text;
    JsonSink into_text = [&text](std::string_view piece) { return text.append(piece), true; };
    JsonOutput block_out(into_text);
    for (;;) {
      size_t block;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] {
          return next_to_write() >= blocks.size() || (next < handed + window && !pool.empty());
        });
        if (next >= blocks.size()) {
          changed.notify_all();
          return;
        }
        block = next++;
        text = std::move(pool.back());
        pool.pop_back();
      }
      WriteItems(block_out, items, blocks[block].begin, blocks[block].end, write);
      block_out.Finish();
      std::lock_guard<std::mutex> lock(mutex);
      texts[block] = std::move(text);
      ready[block] = 1;
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  for (size_t block = 0; block < blocks.size(); ++block) {
    if (block > 0) out.Literal(",\n    ");
    if (blocks[block].inline_item) {
      WriteItems(out, items, blocks[block].begin, blocks[block].end, write);
    } else {
      std::string text;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return ready[block] != 0; });
        text = std::move(texts[block]);
      }
      out.Append(text);
      text.clear();
      std::lock_guard<std::mutex> lock(mutex);
      pool.push_back(std::move(text));
    }
    std::lock_guard<std::mutex> lock(mutex);
    handed = block + 1;
    changed.notify_all();
  }
  for (std::thread& worker : workers) worker.join();
  out.Literal("\n  ]");
}

}  // namespace

std::string NativeJsonString(const EventGraph& graph) {
  return NativeJsonString(WholeGraph(graph));
}

std::string NativeJsonString(const GraphView& graph) {
  std::string out;
  // Graphs of news take about 250 bytes per node and 950 per edge (most of
  // it the evidence sentences), the query benchmark's graph 275 and 460;
  // the string of a large graph of news grows once.
  out.reserve(graph.edges.size() * 512 + graph.nodes.size() * 320);
  (void)WriteNativeJson(graph, [&out](std::string_view piece) {
    out.append(piece);
    return true;
  });
  return out;
}

Status WriteNativeJson(const GraphView& graph, const JsonSink& sink, GraphStage stage,
                       unsigned threads) {
  JsonOutput out(sink);
  out.Literal("{\n  \"schema\": ");
  out.String(kGraphSchema);
  out.Literal(",\n  \"generator\": ");
  out.String(kGeneratorName);
  if (stage == GraphStage::kShard) out.Literal(",\n  \"stage\": \"shard\"");
  const SentenceTable sentences(graph.edges);
  std::vector<const Evidence*> sentence_items;
  sentence_items.reserve(sentences.sentences().size());
  for (const Evidence& sentence : sentences.sentences()) sentence_items.push_back(&sentence);
  out.Literal(",\n  \"sentences\": ");
  WriteArray(out, sentence_items, WriteSentence, threads);
  out.Literal(",\n  \"nodes\": ");
  WriteArray(out, graph.nodes, WriteNode, threads);
  out.Literal(",\n  \"edges\": ");
  WriteArray(
      out, graph.edges,
      [&sentences](JsonOutput& o, const Edge& edge) { WriteEdge(o, edge, sentences); }, threads);
  out.Literal("\n}\n");
  if (!out.Finish()) return Status::Io("cannot write the graph");
  return Status::Ok();
}

Status WriteNativeJson(const EventGraph& graph, const JsonSink& sink, GraphStage stage,
                       unsigned threads) {
  return WriteNativeJson(WholeGraph(graph), sink, stage, threads);
}

Status WriteNativeJson(const EventGraph& graph, std::ostream& out) {
  return WriteNativeJson(graph, [&out](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return static_cast<bool>(out);
  });
}

}  // namespace etkg
