// Reading the native JSON back: a valid graph, and every way a file can be
// wrong, each named by file and position (line and column, or JSON path).
#include "loaders/graph_reader.h"
#include "loaders/json_locate.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "exporters/native_json.h"

namespace etkg {
namespace {

constexpr std::string_view kValidGraph = R"({
  "schema": "etkg.graph/1",
  "generator": "hand-written",
  "nodes": [
    {"id": "call/2017-05-02/a+b", "kind": "call", "label": "A\u2013B call",
     "date": "2017-05-02",
     "attrs": {"medium": "phone", "duration_min": 60, "score": 0.5, "confirmed": true,
               "dropped": null}},
    {"id": "leader/a", "kind": "leader", "label": "A", "aliases": ["Ay"], "date": null,
     "attrs": {}},
    {"id": "leader/b", "kind": "leader", "label": "B"},
    {"id": "summit/g20/2017", "kind": "summit", "label": "G20", "date": "2017-07-07/2017-07-08"},
    {"id": "doc/d1", "kind": "document", "label": "D1", "date": "2017-05-02"}
  ],
  "edges": [
    {"source": "leader/a", "target": "call/2017-05-02/a+b", "kind": "participant",
     "date": "2017-05-02", "date_rule": "explicit", "confidence": 0.9,
     "evidence": [{"doc": "d1", "offset": 0, "length": 10, "text": "A called B"}],
     "attrs": {"role": "caller"}},
    {"source": "leader/b", "target": "call/2017-05-02/a+b", "kind": "participant"},
    {"source": "call/2017-05-02/a+b", "target": "doc/d1", "kind": "reported_by",
     "confidence": 1}
  ]
})";

TEST(ParseGraphJsonTest, ReadsAValidGraph) {
  Result<EventGraph> graph = ParseGraphJson(kValidGraph, "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_EQ(graph->num_nodes(), 5u);
  EXPECT_EQ(graph->num_edges(), 3u);

  const Node* call = graph->FindNode("call/2017-05-02/a+b");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->kind, NodeKind::kCall);
  EXPECT_EQ(call->label,
            "A\xE2\x80\x93"
            "B call");
  EXPECT_EQ(call->date.ToString(), "2017-05-02");
  ASSERT_EQ(call->attrs.size(), 4u);  // The null attribute is left out.
  EXPECT_EQ(std::get<std::string>(call->attrs.at("medium")), "phone");
  EXPECT_EQ(std::get<int64_t>(call->attrs.at("duration_min")), 60);
  EXPECT_DOUBLE_EQ(std::get<double>(call->attrs.at("score")), 0.5);
  EXPECT_EQ(std::get<bool>(call->attrs.at("confirmed")), true);

  const Node* a = graph->FindNode("leader/a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->aliases, (std::vector<std::string>{"Ay"}));
  EXPECT_TRUE(a->date.is_null());
  EXPECT_EQ(graph->FindNode("summit/g20/2017")->date.ToString(), "2017-07-07/2017-07-08");

  const Edge* edge = graph->FindEdge("leader/a", "call/2017-05-02/a+b", EdgeKind::kParticipant);
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->date.ToString(), "2017-05-02");
  EXPECT_EQ(edge->date_rule, "explicit");
  EXPECT_DOUBLE_EQ(edge->confidence, 0.9);
  ASSERT_EQ(edge->evidence.size(), 1u);
  EXPECT_EQ(edge->evidence[0].doc, "d1");
  EXPECT_EQ(edge->evidence[0].offset, 0u);
  EXPECT_EQ(edge->evidence[0].length, 10u);
  EXPECT_EQ(edge->evidence[0].text, "A called B");
  EXPECT_EQ(std::get<std::string>(edge->attrs.at("role")), "caller");

  const Edge* bare = graph->FindEdge("leader/b", "call/2017-05-02/a+b", EdgeKind::kParticipant);
  ASSERT_NE(bare, nullptr);
  EXPECT_DOUBLE_EQ(bare->confidence, 1.0);
  EXPECT_TRUE(bare->date.is_null());
  EXPECT_TRUE(bare->evidence.empty());
}

TEST(ParseGraphJsonTest, EvidenceTextsCanBeLeftUnread) {
  // The fast reader reads the first; deep nesting sends the second to the
  // DOM reader.
  const std::string nested = "{\"extra\": " + std::string(500, '[') + std::string(500, ']') +
                             R"(, "schema": "etkg.graph/1", "nodes": [
      {"id": "leader/b", "kind": "leader"}, {"id": "leader/a", "kind": "leader"}],
    "edges": [
      {"source": "leader/b", "target": "leader/a", "kind": "mentions",
       "evidence": [{"doc": "d", "offset": 3, "length": 4, "text": "b said a"}]},
      {"source": "leader/a", "target": "leader/b", "kind": "mentions",
       "evidence": [{"doc": "d", "offset": 0, "length": 2, "text": "a said b"}]}]})";
  for (std::string_view text : {kValidGraph, std::string_view(nested)}) {
    SCOPED_TRACE(text.substr(0, 40));
    GraphReadOptions options;
    options.evidence_texts = false;
    Result<EventGraph> full = ParseGraphJson(text, "g.json");
    Result<EventGraph> bare = ParseGraphJson(text, "g.json", nullptr, options);
    ASSERT_TRUE(full.ok() && bare.ok()) << bare.status().ToString();
    std::vector<const Edge*> with = full->Edges(), without = bare->Edges();
    ASSERT_EQ(with.size(), without.size());
    size_t texts = 0;
    for (size_t i = 0; i < with.size(); ++i) {
      ASSERT_EQ(with[i]->evidence.size(), without[i]->evidence.size());
      for (size_t j = 0; j < with[i]->evidence.size(); ++j) {
        const Evidence& w = with[i]->evidence[j];
        const Evidence& o = without[i]->evidence[j];
        EXPECT_EQ(w.doc, o.doc);
        EXPECT_EQ(w.offset, o.offset);
        EXPECT_EQ(w.length, o.length);
        EXPECT_EQ(o.text, "");
        texts += !w.text.empty();
      }
    }
    EXPECT_GT(texts, 0u);  // The texts were there to leave out.
  }
}

TEST(ParseGraphJsonTest, WrittenGraphReadsBackToTheSameBytes) {
  Result<EventGraph> graph = ParseGraphJson(kValidGraph, "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  const std::string written = NativeJsonString(*graph);
  Result<EventGraph> again = ParseGraphJson(written, "written.json");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(NativeJsonString(*again), written);
}

// Version 2 keeps each sentence once and edges name it by index; it reads
// into the graph version 1 gave, texts and all.
TEST(ParseGraphJsonTest, SentencesAreWrittenOnceAndReadByIndex) {
  constexpr std::string_view kVersion1 = R"({"schema": "etkg.graph/1", "nodes": [
      {"id": "leader/a", "kind": "leader"}, {"id": "leader/b", "kind": "leader"},
      {"id": "leader/c", "kind": "leader"}],
    "edges": [
      {"source": "leader/a", "target": "leader/b", "kind": "mentions",
       "evidence": [{"doc": "d1", "offset": 0, "length": 9, "text": "A met B."},
                    {"doc": "d2", "offset": 5, "length": 9, "text": "A and B, C."}]},
      {"source": "leader/a", "target": "leader/c", "kind": "mentions",
       "evidence": [{"doc": "d2", "offset": 5, "length": 9, "text": "A and B, C."}]}]})";
  Result<EventGraph> graph = ParseGraphJson(kVersion1, "v1.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  const std::string written = NativeJsonString(*graph);
  EXPECT_NE(written.find("\"schema\": \"etkg.graph/2\""), std::string::npos);
  // The shared sentence is in the table once, and both edges point at it.
  size_t count = 0;
  for (size_t at = written.find("A and B, C."); at != std::string::npos;
       at = written.find("A and B, C.", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u);
  EXPECT_NE(written.find("\"evidence\": [0, 1]"), std::string::npos) << written;
  EXPECT_NE(written.find("\"evidence\": [1]"), std::string::npos) << written;
  Result<EventGraph> again = ParseGraphJson(written, "v2.json");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(NativeJsonString(*again), written);
  const Edge* edge = again->FindEdge("leader/a", "leader/c", EdgeKind::kMentions);
  ASSERT_NE(edge, nullptr);
  ASSERT_EQ(edge->evidence.size(), 1u);
  EXPECT_EQ(edge->evidence[0].doc, "d2");
  EXPECT_EQ(edge->evidence[0].offset, 5u);
  EXPECT_EQ(edge->evidence[0].text, "A and B, C.");
}

// A file whose members come in an unusual order is read by the DOM reader,
// the usual one by the streaming reader: both give the same graph.
TEST(ParseGraphJsonTest, BothReadersGiveTheSameGraph) {
  Result<EventGraph> graph = ParseGraphJson(kValidGraph, "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  const std::string written = NativeJsonString(*graph);
  // Move "sentences" and "nodes" after "edges".
  const size_t sentences = written.find("  \"sentences\"");
  const size_t edges = written.find("  \"edges\"");
  const size_t end = written.rfind("\n}");
  ASSERT_NE(sentences, std::string::npos);
  ASSERT_NE(edges, std::string::npos);
  const std::string reordered = written.substr(0, sentences) + written.substr(edges, end - edges) +
                                ",\n" + written.substr(sentences, edges - sentences - 2) + "\n}\n";
  ASSERT_NE(reordered, written);
  Result<EventGraph> again = ParseGraphJson(reordered, "reordered.json");
  ASSERT_TRUE(again.ok()) << again.status().ToString() << reordered;
  EXPECT_EQ(NativeJsonString(*again), written);
}

TEST(ParseGraphJsonTest, AShardSaysSoAndReadsBackAsOne) {
  Result<EventGraph> graph = ParseGraphJson(kValidGraph, "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  GraphStage stage = GraphStage::kShard;
  ASSERT_TRUE(ParseGraphJson(NativeJsonString(*graph), "g.json", &stage).ok());
  EXPECT_EQ(stage, GraphStage::kMerged);

  std::string shard;
  ASSERT_TRUE(WriteNativeJson(
                  *graph, [&](std::string_view piece) { return shard.append(piece), true; },
                  GraphStage::kShard)
                  .ok());
  EXPECT_NE(shard.find("\"generator\": \"etkg 0.1.0\",\n  \"stage\": \"shard\",\n"),
            std::string::npos);
  Result<EventGraph> again = ParseGraphJson(shard, "s.json", &stage);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(stage, GraphStage::kShard);
  EXPECT_EQ(NativeJsonString(*again), NativeJsonString(*graph));

  std::string unknown = shard;
  unknown.replace(unknown.find("\"shard\""), 7, "\"draft\"");
  Result<EventGraph> bad = ParseGraphJson(unknown, "s.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("stage: is not \"shard\""), std::string::npos)
      << bad.status().ToString();
  EXPECT_NE(bad.status().ToString().find("s.json:4:"), std::string::npos)
      << bad.status().ToString();
}

// A graph whose node "leader/a" has attribute "x" and whose one edge has
// confidence `confidence`.
std::string GraphWithNumbers(std::string_view x, std::string_view confidence) {
  return R"({"schema": "etkg.graph/1", "nodes": [{"id": "leader/a", "kind": "leader",
      "label": "0e308", "attrs": {"x": )" +
         std::string(x) + R"(}}, {"id": "leader/b", "kind": "leader"}], "edges": [
      {"source": "leader/a", "target": "leader/b", "kind": "participant", "confidence": )" +
         std::string(confidence) + "}]}";
}

// RapidJSON 1.1.0's own reading gives "0e308" as -6e-269, "0.000e+99" as
// 6e293 and a zero with 23 decimals as -2e-192. Such zeros read as zero; a
// string that looks like one stays as it is.
TEST(ParseGraphJsonTest, ZeroWithAnExponentOrLongFractionReadsAsZero) {
  for (std::string_view zero : {"0e308", "0E-400", "-0.000e+99", "0.0e0",
                                "0.00000000000000000000000", "-0.00000000000000000000000000000"}) {
    SCOPED_TRACE(zero);
    Result<EventGraph> graph = ParseGraphJson(GraphWithNumbers(zero, zero), "g.json");
    ASSERT_TRUE(graph.ok()) << graph.status().ToString();
    EXPECT_EQ(std::get<double>(graph->FindNode("leader/a")->attrs.at("x")), 0.0);
    EXPECT_EQ(graph->FindNode("leader/a")->label, "0e308");
    ASSERT_EQ(graph->Edges().size(), 1u);
    EXPECT_EQ(graph->Edges()[0]->confidence, 0.0);
  }
}

TEST(ParseGraphJsonTest, NumbersAtTheEdgesOfTheirTypesReadExactly) {
  const std::pair<std::string_view, double> kDoubles[] = {
      {"1.7976931348623157e308", 1.7976931348623157e308},
      {"-1.7976931348623157e308", -1.7976931348623157e308},
      {"4.9406564584124654e-324", 4.9406564584124654e-324},
      {"2.2250738585072014e-308", 2.2250738585072014e-308},
      {"1e-400", 0.0},
      {"0.30000000000000004", 0.30000000000000004},
      {"18446744073709551616", 18446744073709551616.0},
      {"-9223372036854775809", -9223372036854775809.0},
  };
  for (const auto& [text, value] : kDoubles) {
    SCOPED_TRACE(text);
    Result<EventGraph> graph = ParseGraphJson(GraphWithNumbers(text, "0.5"), "g.json");
    ASSERT_TRUE(graph.ok()) << graph.status().ToString();
    EXPECT_EQ(std::get<double>(graph->FindNode("leader/a")->attrs.at("x")), value);
  }
  const std::pair<std::string_view, int64_t> kIntegers[] = {
      {"-9223372036854775808", INT64_MIN}, {"9223372036854775807", INT64_MAX}, {"-0", 0}};
  for (const auto& [text, value] : kIntegers) {
    SCOPED_TRACE(text);
    Result<EventGraph> graph = ParseGraphJson(GraphWithNumbers(text, "1"), "g.json");
    ASSERT_TRUE(graph.ok()) << graph.status().ToString();
    EXPECT_EQ(std::get<int64_t>(graph->FindNode("leader/a")->attrs.at("x")), value);
  }
}

// RapidJSON 1.1.0's own reading of these reads past its table of powers of ten.
TEST(ParseGraphJsonTest, NumberTooBigForADoubleIsAnError) {
  const std::string kTooBig[] = {std::string(66, '8') + "1e308", "1" + std::string(400, '0'),
                                 "0.1e400", "-1.7976931348623159e308"};
  for (const std::string& number : kTooBig) {
    SCOPED_TRACE(number);
    Result<EventGraph> graph = ParseGraphJson("[" + number + "]", "g.json");
    ASSERT_FALSE(graph.ok());
    EXPECT_EQ(graph.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(graph.status().ToString(), "g.json:1:2: Number too big to be stored in double.");
  }
}

// RapidJSON 1.1.0 lets a lone low surrogate through as bytes that are not
// UTF-8: the graph would be written out as a file that does not read back.
TEST(ParseGraphJsonTest, LoneSurrogateEscapeIsAnError) {
  for (std::string_view text : {R"({"schema": "etkg.graph/1", "nodes": [{"id": "a\ude00"}]})",
                                R"({"schema": "etkg.graph/1", "\udfff": 1})"}) {
    SCOPED_TRACE(text);
    Result<EventGraph> graph = ParseGraphJson(text, "g.json");
    ASSERT_FALSE(graph.ok());
    EXPECT_EQ(graph.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(graph.status().message().find("surrogate"), std::string::npos)
        << graph.status().ToString();
    EXPECT_EQ(graph.status().where().line, 1);
  }
  // A pair is one code point, and reads.
  Result<EventGraph> graph = ParseGraphJson(
      R"({"schema": "etkg.graph/1", "nodes": [{"id": "a\ud83d\ude00", "kind": "leader"}],
          "edges": []})",
      "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_NE(graph->FindNode("a\xF0\x9F\x98\x80"), nullptr);
}

// Files the native JSON writer would not write, but which read all the
// same: each gives the graph (or the error) of its plain counterpart.
TEST(ParseGraphJsonTest, UnusualButValidFilesReadAsUsual) {
  const std::string plain = R"({"schema": "etkg.graph/1", "nodes": [
      {"id": "leader/a", "kind": "leader", "label": "A", "attrs": {"x": 2, "y": 3}},
      {"id": "leader/b", "kind": "leader", "label": "B"},
      {"id": "leader/c", "kind": "leader"}],
    "edges": [
      {"source": "leader/a", "target": "leader/b", "kind": "mentions", "date_rule": "explicit",
       "evidence": [{"doc": "d", "offset": 0, "length": 1, "text": "t"}]},
      {"source": "leader/b", "target": "leader/a", "kind": "mentions"},
      {"source": "leader/b", "target": "leader/c", "kind": "mentions"}]})";
  struct Case {
    std::string_view name;
    std::string text;
  };
  const Case kCases[] = {
      {"unknown members holding containers",
       R"({"schema": "etkg.graph/1", "extra": {"a": [1, {"b": null}], "c": "d"}, "nodes": [
      {"id": "leader/a", "kind": "leader", "label": "A", "attrs": {"x": 2, "y": 3}, "z": [[]]},
      {"id": "leader/b", "kind": "leader", "label": "B", "note": {"id": "leader/z"}},
      {"id": "leader/c", "kind": "leader"}],
    "edges": [
      {"source": "leader/a", "target": "leader/b", "kind": "mentions", "date_rule": "explicit",
       "evidence": [{"doc": "d", "page": [1], "offset": 0, "length": 1, "text": "t"}]},
      {"source": "leader/b", "target": "leader/a", "kind": "mentions", "w": {"x": [{}]}},
      {"source": "leader/b", "target": "leader/c", "kind": "mentions"}], "trailer": [true]})"},
      {"edges before nodes, members in another order",
       R"({"edges": [
      {"kind": "mentions", "target": "leader/b", "source": "leader/a",
       "evidence": [{"text": "t", "length": 1, "offset": 0, "doc": "d"}], "date_rule": "explicit"},
      {"target": "leader/a", "source": "leader/b", "kind": "mentions"},
      {"source": "leader/b", "target": "leader/c", "kind": "mentions"}],
    "nodes": [
      {"attrs": {"y": 3, "x": 2}, "label": "A", "kind": "leader", "id": "leader/a"},
      {"id": "leader/b", "kind": "leader", "label": "B"},
      {"id": "leader/c", "kind": "leader"}], "schema": "etkg.graph/1"})"},
      {"a member given twice: the first counts; an attribute: the last that is not null",
       R"({"schema": "etkg.graph/1", "nodes": [
      {"id": "leader/a", "kind": "leader", "label": "A", "label": "Z",
       "attrs": {"x": 1, "x": 2, "y": 3, "y": null}},
      {"id": "leader/b", "kind": "leader", "label": "B"},
      {"id": "leader/c", "kind": "leader"}],
    "nodes": [],
    "edges": [
      {"source": "leader/a", "target": "leader/b", "kind": "mentions", "date_rule": "explicit",
       "date_rule": "", "evidence": [{"doc": "d", "offset": 0, "length": 1, "text": "t"}]},
      {"source": "leader/b", "target": "leader/a", "kind": "mentions", "source": "leader/c"},
      {"source": "leader/b", "target": "leader/c", "kind": "mentions"}]})"},
      {"nodes and edges out of order",
       R"({"schema": "etkg.graph/1", "nodes": [
      {"id": "leader/c", "kind": "leader"},
      {"id": "leader/b", "kind": "leader", "label": "B"},
      {"id": "leader/a", "kind": "leader", "label": "A", "attrs": {"x": 2, "y": 3}}],
    "edges": [
      {"source": "leader/b", "target": "leader/c", "kind": "mentions"},
      {"source": "leader/a", "target": "leader/b", "kind": "mentions", "date_rule": "explicit",
       "evidence": [{"doc": "d", "offset": 0, "length": 1, "text": "t"}]},
      {"source": "leader/b", "target": "leader/a", "kind": "mentions"}]})"},
  };
  Result<EventGraph> expected = ParseGraphJson(plain, "plain.json");
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  const std::string expected_json = NativeJsonString(*expected);
  std::vector<Case> cases(std::begin(kCases), std::end(kCases));
  constexpr size_t kDepth = 100000;
  cases.push_back({"deep nesting in an unknown member", "{\"extra\": " + std::string(kDepth, '[') +
                                                            std::string(kDepth, ']') + "," +
                                                            plain.substr(1)});
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name) + ": " + c.text.substr(0, 2000));
    Result<EventGraph> graph = ParseGraphJson(c.text, "g.json");
    ASSERT_TRUE(graph.ok()) << graph.status().ToString();
    EXPECT_EQ(NativeJsonString(*graph), expected_json);
  }
}

TEST(ParseGraphJsonTest, EmptyGraphIsValid) {
  Result<EventGraph> graph =
      ParseGraphJson(R"({"schema": "etkg.graph/1", "nodes": [], "edges": []})", "g.json");
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_EQ(graph->num_nodes(), 0u);
  EXPECT_EQ(graph->num_edges(), 0u);
}

struct PositionCase {
  std::string_view name;
  std::string text;
  int line;
  int column;
};

TEST(ParseGraphJsonTest, ErrorsAfterOrInZerosKeepTheirPlace) {
  const PositionCase kCases[] = {
      {"a zero, then a stray number", "[0e308-0]", 1, 7},
      {"a leading zero", "[00.0e5]", 1, 3},
      {"a fraction without digits", "[0.e5]", 1, 4},
      {"an exponent without digits", "\n [0.000e]", 2, 9},
  };
  for (const PositionCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<EventGraph> graph = ParseGraphJson(c.text, "g.json");
    ASSERT_FALSE(graph.ok());
    EXPECT_EQ(graph.status().where().line, c.line) << graph.status().ToString();
    EXPECT_EQ(graph.status().where().column, c.column) << graph.status().ToString();
  }
}

TEST(ParseGraphJsonTest, SyntaxErrorsNameLineAndColumn) {
  const PositionCase kCases[] = {
      {"missing comma on line 3",
       "{\n  \"schema\": \"etkg.graph/1\",\n  \"nodes\": [] \"edges\": []\n}\n", 3, 15},
      {"missing comma at the end of line 2",
       "{\n  \"schema\": \"etkg.graph/1\"\n  \"nodes\": [],\n  \"edges\": []\n}\n", 3, 3},
      {"trailing comma", "{\"schema\": \"etkg.graph/1\", \"nodes\": [1,], \"edges\": []}", 1, 40},
      {"unterminated object", "{\n  \"schema\": \"etkg.graph/1\",\n", 3, 1},
      {"white space only", "  \n\t\n", 3, 1},
      {"single quotes", "{'schema': 1}", 1, 2},
      {"invalid UTF-8 in a label",
       "{\"schema\": \"etkg.graph/1\",\n \"nodes\": [{\"id\": \"x\", \"kind\": \"leader\", "
       "\"label\": \"bad \xC3\x28\"}],\n \"edges\": []}",
       2, 56},
      {"Latin-1 byte",
       "{\"schema\": \"etkg.graph/1\", \"nodes\": [], \"edges\": [], \"x\": \"\xE9\"}", 1, 60},
      {"NUL in the text", std::string("{\"schema\": \0}", 13), 1, 12},
  };
  for (const PositionCase& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + ": " + testing::PrintToString(c.text));
    Result<EventGraph> graph = ParseGraphJson(c.text, "dir/g.json");
    ASSERT_FALSE(graph.ok());
    const Status& s = graph.status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
    EXPECT_EQ(s.where().file, "dir/g.json");
    EXPECT_EQ(s.where().line, c.line);
    EXPECT_EQ(s.where().column, c.column);
    EXPECT_EQ(
        s.ToString().rfind(
            "dir/g.json:" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ", 0),
        0u)
        << s.ToString();
  }
}

TEST(ParseGraphJsonTest, EmptyInputIsAnError) {
  Result<EventGraph> graph = ParseGraphJson("", "empty.json");
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(graph.status().where().file, "empty.json");
  EXPECT_NE(graph.status().message().find("empty"), std::string::npos);
}

// A graph whose nodes and edges are given, with the schema around them.
std::string Graph(std::string_view nodes, std::string_view edges) {
  return R"({"schema": "etkg.graph/1", "nodes": [)" + std::string(nodes) + R"(], "edges": [)" +
         std::string(edges) + "]}";
}

constexpr std::string_view kTwoLeaders =
    R"({"id": "leader/a", "kind": "leader", "label": "A"},
       {"id": "leader/b", "kind": "leader", "label": "B"})";

struct SchemaCase {
  std::string_view name;
  std::string text;
  std::string_view message_part;  // Usually the JSON path.
};

TEST(ParseGraphJsonTest, SchemaErrorsNameTheJsonPath) {
  const SchemaCase kCases[] = {
      {"top level array", "[]", "top level"},
      {"no schema", R"({"nodes": [], "edges": []})", "schema"},
      {"wrong schema", R"({"schema": "etkg.graph/3", "nodes": [], "edges": []})", "etkg.graph/3"},
      {"version 2 without sentences", R"({"schema": "etkg.graph/2", "nodes": [], "edges": []})",
       "sentences"},
      {"version 2 evidence past the sentences",
       R"({"schema": "etkg.graph/2", "sentences": [{"doc": "d", "offset": 0, "length": 1}],
           "nodes": [{"id": "leader/a", "kind": "leader"}, {"id": "leader/b", "kind": "leader"}],
           "edges": [{"source": "leader/a", "target": "leader/b", "kind": "mentions",
                      "evidence": [1]}]})",
       "edges[0].evidence[0]"},
      {"version 2 sentence without its document",
       R"({"schema": "etkg.graph/2", "sentences": [{"offset": 0, "length": 1}],
           "nodes": [], "edges": []})",
       "sentences[0].doc"},
      {"schema not a string", R"({"schema": 1, "nodes": [], "edges": []})", "schema"},
      {"no nodes", R"({"schema": "etkg.graph/1", "edges": []})", "nodes"},
      {"nodes an object", R"({"schema": "etkg.graph/1", "nodes": {}, "edges": []})", "nodes"},
      {"no edges", R"({"schema": "etkg.graph/1", "nodes": []})", "edges"},
      {"node not an object", Graph("42", ""), "nodes[0]"},
      {"node without id", Graph(R"({"kind": "leader", "label": "A"})", ""), "nodes[0].id"},
      {"node with empty id", Graph(R"({"id": "", "kind": "leader"})", ""), "nodes[0].id"},
      {"node id a number", Graph(R"({"id": 7, "kind": "leader"})", ""), "nodes[0].id"},
      {"node without kind", Graph(R"({"id": "leader/a"})", ""), "nodes[0].kind"},
      {"unknown node kind", Graph(R"({"id": "x/a", "kind": "wizard"})", ""), "nodes[0].kind"},
      {"kind in capitals", Graph(R"({"id": "leader/a", "kind": "Leader"})", ""), "nodes[0].kind"},
      {"duplicate node id",
       Graph(std::string(kTwoLeaders) + R"(, {"id": "leader/a", "kind": "leader"})", ""),
       "nodes[2].id"},
      {"label not a string", Graph(R"({"id": "leader/a", "kind": "leader", "label": 1})", ""),
       "nodes[0].label"},
      {"aliases not an array", Graph(R"({"id": "leader/a", "kind": "leader", "aliases": "A"})", ""),
       "nodes[0].aliases"},
      {"alias not a string", Graph(R"({"id": "leader/a", "kind": "leader", "aliases": [1]})", ""),
       "nodes[0].aliases"},
      {"node date not a date",
       Graph(R"({"id": "leader/a", "kind": "leader", "date": "2017-13-01"})", ""), "nodes[0].date"},
      {"node date a number", Graph(R"({"id": "leader/a", "kind": "leader", "date": 2017})", ""),
       "nodes[0].date"},
      {"interval ending before it begins",
       Graph(R"({"id": "leader/a", "kind": "leader", "date": "2017-07-08/2017-07-07"})", ""),
       "nodes[0].date"},
      {"attrs not an object", Graph(R"({"id": "leader/a", "kind": "leader", "attrs": []})", ""),
       "nodes[0].attrs"},
      {"attribute an array",
       Graph(R"({"id": "leader/a", "kind": "leader", "attrs": {"x": [1]}})", ""),
       "nodes[0].attrs.x"},
      {"edge not an object", Graph(kTwoLeaders, "null"), "edges[0]"},
      {"edge to a missing node",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/c", "kind": "mentions"})"),
       "edges[0]"},
      {"edge from a missing node",
       Graph(kTwoLeaders, R"({"source": "leader/z", "target": "leader/a", "kind": "mentions"})"),
       "edges[0]"},
      {"edge without source", Graph(kTwoLeaders, R"({"target": "leader/a", "kind": "mentions"})"),
       "edges[0].source"},
      {"unknown edge kind",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "likes"})"),
       "edges[0].kind"},
      {"duplicate edge",
       Graph(kTwoLeaders,
             R"({"source": "leader/a", "target": "leader/b", "kind": "mentions"},
                {"source": "leader/a", "target": "leader/b", "kind": "mentions"})"),
       "edges[1]"},
      {"confidence as a string",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "confidence": "0.9"})"),
       "edges[0].confidence"},
      {"confidence above one",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "confidence": 1.5})"),
       "edges[0].confidence"},
      {"edge date 2017-13-01",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "date": "2017-13-01"})"),
       "edges[0].date"},
      {"date rule not a string",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "date_rule": false})"),
       "edges[0].date_rule"},
      {"evidence not an array",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "evidence": {}})"),
       "edges[0].evidence"},
      {"evidence without doc",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "evidence": [{"offset": 0, "length": 1}]})"),
       "edges[0].evidence[0].doc"},
      {"negative evidence offset",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "evidence": [{"doc": "d", "offset": -1, "length": 1}]})"),
       "edges[0].evidence[0].offset"},
      {"evidence length a string",
       Graph(kTwoLeaders, R"({"source": "leader/a", "target": "leader/b", "kind": "mentions",
                              "evidence": [{"doc": "d", "offset": 0, "length": "9"}]})"),
       "edges[0].evidence[0].length"},
  };
  for (const SchemaCase& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + ": " + c.text);
    Result<EventGraph> graph = ParseGraphJson(c.text, "g.json");
    ASSERT_FALSE(graph.ok());
    const Status& s = graph.status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
    EXPECT_EQ(s.where().file, "g.json");
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.ToString();
    // Every error but a top level of the wrong type points into the text.
    if (c.name != "top level array") {
      EXPECT_GT(s.where().line, 0) << s.ToString();
    }
  }
}

// Edges that first come in order, then not, then repeat an earlier one.
TEST(ParseGraphJsonTest, DuplicateEdgeAfterEdgesOutOfOrderIsAnError) {
  const std::string text =
      Graph(std::string(kTwoLeaders) + R"(, {"id": "leader/c", "kind": "leader"})",
            R"({"source": "leader/a", "target": "leader/c", "kind": "mentions"},
         {"source": "leader/a", "target": "leader/b", "kind": "mentions"},
         {"source": "leader/a", "target": "leader/c", "kind": "mentions"})");
  Result<EventGraph> graph = ParseGraphJson(text, "g.json");
  ASSERT_FALSE(graph.ok());
  EXPECT_NE(graph.status().message().find("edges[2]: duplicate edge leader/a -> leader/c"),
            std::string::npos)
      << graph.status().ToString();
}

TEST(ParseGraphJsonTest, ValueErrorsNameTheLineAndColumnOfTheValue) {
  const std::string text = R"({
  "schema": "etkg.graph/1",
  "nodes": [
    {"id": "leader/a", "kind": "leader"},
    {"id": "leader/b",
     "kind": "wizard"}
  ],
  "edges": []
})";
  Result<EventGraph> graph = ParseGraphJson(text, "g.json");
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().ToString(), "g.json:6:14: nodes[1].kind: unknown kind 'wizard'");
}

TEST(FindJsonPathTest, FindsValuesAndTheObjectThatLacksAMember) {
  const std::string text = "{\"a\": [1, {\"b\": true}, [null]],\n \"c\": {}}";
  struct Case {
    std::string_view path;
    size_t offset;
  };
  const Case kCases[] = {
      {"a", 6},        {"a[0]", 7}, {"a[1]", 10},  {"a[1].b", 16}, {"a[1].z", 10}, {"a[2]", 23},
      {"a[2][0]", 24}, {"c", 38},   {"c.d.e", 38}, {"zz", 0},      {"a[9]", 6},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.path);
    EXPECT_EQ(FindJsonPath(text, c.path), c.offset);
  }
  EXPECT_EQ(FindJsonPath(text, ""), std::string_view::npos);
  EXPECT_EQ(FindJsonPath("not json", "a"), std::string_view::npos);
}

TEST(ParseGraphJsonTest, DeepNestingIsAnErrorNotACrash) {
  constexpr size_t kDepth = 100000;
  const std::string closed = std::string(kDepth, '[') + std::string(kDepth, ']');
  const std::string open = std::string(kDepth, '[');
  const std::string in_nodes =
      R"({"schema": "etkg.graph/1", "nodes": )" + closed + R"(, "edges": []})";
  const std::string in_attrs =
      Graph(R"({"id": "leader/a", "kind": "leader", "attrs": {"x": )" + closed + "}}", "");
  const std::string objects = [] {
    std::string s;
    for (size_t i = 0; i < kDepth; ++i) s += "{\"a\":";
    s += "1";
    s += std::string(kDepth, '}');
    return s;
  }();
  const std::pair<std::string_view, const std::string*> kCases[] = {
      {"closed arrays", &closed},     {"unclosed arrays", &open},
      {"arrays as nodes", &in_nodes}, {"arrays in an attribute", &in_attrs},
      {"nested objects", &objects},
  };
  for (const auto& [name, text] : kCases) {
    SCOPED_TRACE(name);
    Result<EventGraph> graph = ParseGraphJson(*text, "deep.json");
    ASSERT_FALSE(graph.ok());
    EXPECT_EQ(graph.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(graph.status().where().file, "deep.json");
  }
}

TEST(ReadGraphFileTest, MissingFileIsNotFound) {
  Result<EventGraph> graph = ReadGraphFile("/nonexistent/etkg/graph.json");
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(graph.status().where().file, "/nonexistent/etkg/graph.json");
}

}  // namespace
}  // namespace etkg
