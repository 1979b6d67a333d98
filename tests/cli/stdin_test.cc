// Standard input ("-") through the built binary: JSON lines read a line at
// a time as a .jsonl file is, so `rdd.pipe("etkg ingest - --shard -q")`
// gives the shard of its lines; one text document otherwise; and
// --stdin-format to say which.
#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

constexpr const char* kTwoLines =
    R"({"id": "a", "published": "2021-05-03", "text": "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz on Monday."})"
    "\n"
    R"({"id": "b", "published": "2022-11-04", "text": "German Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Friday."})"
    "\n";

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(CliTest, JsonLinesOnStandardInputAreItsDocuments) {
  WriteFile(Path("two.jsonl"), kTwoLines);
  RunResult r = EtkgPiped(Path("two.jsonl"), {"ingest", "-", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\": \"doc/a\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\": \"doc/b\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"doc/stdin\""), std::string::npos);
  EXPECT_EQ(Count(r.out, "\"kind\": \"document\""), 2u);
  // The same graph as the file gives, but for where the documents came from.
  RunResult file = Etkg({"ingest", Path("two.jsonl"), "-q"});
  ASSERT_EQ(file.exit_code, 0) << file.err;
  std::string from_file = file.out;
  const std::string path = "\"path\": \"" + Path("two.jsonl") + "\"";
  for (size_t at = from_file.find(path); at != std::string::npos; at = from_file.find(path)) {
    from_file.replace(at, path.size(), "\"path\": \"-\"");
  }
  EXPECT_TRUE(testing::SameBytes(r.out, from_file));
}

TEST_F(CliTest, PipedJsonLinesGiveTheShardOfTheirFile) {
  // As Spark's rdd.pipe("etkg ingest - --shard -q") runs it: the lines of
  // a partition on standard input, the shard on standard output.
  const std::string wire = ExamplesDir() + "/wire.jsonl";
  std::string lines = ReadFile(wire) + kTwoLines;
  WriteFile(Path("part.jsonl"), lines);
  RunResult piped = EtkgPiped(Path("part.jsonl"), {"ingest", "-", "--shard", "-q"});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_TRUE(piped.err.empty()) << piped.err;
  ASSERT_EQ(
      Etkg({"ingest", Path("part.jsonl"), "--shard", "-q", "-o", Path("part.json")}).exit_code, 0);
  std::string shard = ReadFile(Path("part.json"));
  const std::string path = "\"path\": \"" + Path("part.jsonl") + "\"";
  size_t replaced = 0;
  for (size_t at = shard.find(path); at != std::string::npos; at = shard.find(path), ++replaced) {
    shard.replace(at, path.size(), "\"path\": \"-\"");
  }
  EXPECT_EQ(replaced, 4u);
  EXPECT_NE(shard.find("\"stage\": \"shard\""), std::string::npos);
  EXPECT_TRUE(testing::SameBytes(piped.out, shard))
      << piped.out.size() << " bytes piped, " << shard.size() << " from the file";
}

TEST_F(CliTest, StandardInputOfProseIsOneDocument) {
  WriteFile(Path("call.txt"),
            "{Draft} PARIS, May 3, 2021 - President Emmanuel Macron spoke by phone with "
            "Chancellor Olaf Scholz on Monday.\n");
  RunResult r = EtkgPiped(Path("call.txt"), {"ingest", "-", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\": \"doc/stdin\""), std::string::npos) << r.out;
  EXPECT_EQ(Count(r.out, "\"kind\": \"document\""), 1u);
}

TEST_F(CliTest, StdinFormatSaysHowStandardInputIsRead) {
  WriteFile(Path("two.jsonl"), kTwoLines);
  // Forced to text: JSON lines are one document whose text they are.
  RunResult text = EtkgPiped(Path("two.jsonl"), {"ingest", "-", "--stdin-format", "text", "-q"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("\"id\": \"doc/stdin\""), std::string::npos);
  EXPECT_EQ(Count(text.out, "\"kind\": \"document\""), 1u);
  // Forced to jsonl: a first line that auto would take for prose is a bad
  // line, reported; the others go in.
  WriteFile(Path("mixed.jsonl"),
            std::string("{\"id\": \"x\", \"body\": \"no text\"}\n") + kTwoLines);
  RunResult jsonl = EtkgPiped(Path("mixed.jsonl"), {"ingest", "-", "--stdin-format", "jsonl"});
  EXPECT_EQ(jsonl.exit_code, 1);
  EXPECT_NE(jsonl.err.find("-:1:1: missing \"text\" string"), std::string::npos) << jsonl.err;
  EXPECT_NE(jsonl.err.find("2 documents read, 1 skipped"), std::string::npos) << jsonl.err;
  RunResult auto_format = EtkgPiped(Path("mixed.jsonl"), {"ingest", "-", "-q"});
  EXPECT_EQ(Count(auto_format.out, "\"kind\": \"document\""), 1u);
  // Lines without an id are named after stdin and their line.
  WriteFile(Path("anonymous.jsonl"), "\n{\"text\": \"Talks in Paris.\"}\n");
  RunResult anonymous = EtkgPiped(Path("anonymous.jsonl"), {"ingest", "-", "-q"});
  EXPECT_NE(anonymous.out.find("\"id\": \"doc/stdin-2\""), std::string::npos) << anonymous.out;

  RunResult bad = Etkg({"ingest", "-", "--stdin-format", "xml"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("jsonl"), std::string::npos) << bad.err;
  RunResult help = Etkg({"ingest", "--help"});
  EXPECT_NE(help.out.find("--stdin-format"), std::string::npos) << help.out;
}

TEST_F(CliTest, Utf16OnStandardInputIsDecoded) {
  WriteFile(Path("two.jsonl"), kTwoLines);
  RunResult utf8 = EtkgPiped(Path("two.jsonl"), {"ingest", "-", "-q"});
  ASSERT_EQ(utf8.exit_code, 0) << utf8.err;
  WriteFile(Path("two-16.jsonl"), EncodeUtf(kTwoLines, 2, /*big_endian=*/false));
  RunResult utf16 = EtkgPiped(Path("two-16.jsonl"), {"ingest", "-", "-q"});
  ASSERT_EQ(utf16.exit_code, 0) << utf16.err;
  EXPECT_TRUE(testing::SameBytes(utf16.out, utf8.out));

  const std::string prose =
      "PARIS, May 3, 2021 \xE2\x80\x94 President Emmanuel Macron spoke by phone with Chancellor "
      "Olaf Scholz on Monday.\n";
  WriteFile(Path("call.txt"), prose);
  WriteFile(Path("call-32.txt"), EncodeUtf(prose, 4, /*big_endian=*/true));
  RunResult text8 = EtkgPiped(Path("call.txt"), {"ingest", "-", "-q"});
  RunResult text32 = EtkgPiped(Path("call-32.txt"), {"ingest", "-", "-q"});
  ASSERT_EQ(text32.exit_code, 0) << text32.err;
  EXPECT_NE(text32.out.find("\"call/2021-05-03/"), std::string::npos) << text32.out;
  EXPECT_TRUE(testing::SameBytes(text32.out, text8.out));
}

}  // namespace
}  // namespace etkg
