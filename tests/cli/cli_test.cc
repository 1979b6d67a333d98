// The built `etkg` binary end to end: help and usage errors, ingest of the
// example documents, export and stats, and the exit codes of bad input.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

TEST_F(CliTest, HelpListsTheCommands) {
  for (const char* flag : {"--help", "-h", "help"}) {
    SCOPED_TRACE(flag);
    RunResult r = Etkg({flag});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const char* command : {"ingest", "export", "stats", "help", "version"}) {
      EXPECT_NE(r.out.find(command), std::string::npos) << command << " missing in:\n" << r.out;
    }
  }
}

TEST_F(CliTest, NoCommandIsAUsageError) {
  RunResult r = Etkg({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage"), std::string::npos) << r.err;
}

TEST_F(CliTest, MisspelledCommandSuggestsTheRightOne) {
  struct Case {
    const char* typed;
    const char* suggestion;
  };
  const Case kCases[] = {{"injest", "ingest"}, {"exprot", "export"}, {"stat", "stats"}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.typed);
    RunResult r = Etkg({c.typed});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(std::string("did you mean '") + c.suggestion + "'"), std::string::npos)
        << r.err;
  }
  RunResult far = Etkg({"frobnicate"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_NE(far.err.find("unknown command 'frobnicate'"), std::string::npos) << far.err;
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
}

TEST_F(CliTest, SubcommandHelpExitsZero) {
  for (const char* command : {"ingest", "export", "stats"}) {
    SCOPED_TRACE(command);
    RunResult r = Etkg({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << r.out;
  }
  RunResult ingest = Etkg({"ingest", "--help"});
  EXPECT_NE(ingest.out.find("--output"), std::string::npos) << ingest.out;
  EXPECT_NE(ingest.out.find("--date"), std::string::npos) << ingest.out;
}

TEST_F(CliTest, IngestWithoutPathIsAUsageError) {
  RunResult r = Etkg({"ingest"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  RunResult r = Etkg({"ingest", ExamplesDir(), "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

TEST_F(CliTest, IngestExamplesWritesAGraph) {
  IngestExamples();
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"schema\": \"etkg.graph/2\""), std::string::npos);
  EXPECT_NE(graph.find("\"sentences\": ["), std::string::npos);
  EXPECT_NE(graph.find("\"doc/2017-05-02-trump-putin-call\""), std::string::npos);
  EXPECT_NE(graph.find("\"doc/wire-2021-03-20-anchorage\""), std::string::npos);
}

TEST_F(CliTest, ExportJsonReproducesTheGraphByteForByte) {
  IngestExamples();
  RunResult r = Etkg({"export", Path("g.json"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == ReadFile(Path("g.json"))) << "export differs from the ingested graph";

  RunResult to_file = Etkg({"export", Path("g.json"), "--format", "json", "-o", Path("g2.json")});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_TRUE(ReadFile(Path("g2.json")) == ReadFile(Path("g.json")));
}

TEST_F(CliTest, IngestIsDeterministic) {
  IngestExamples();
  RunResult r = Etkg({"ingest", ExamplesDir(), "-o", Path("again.json"), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(ReadFile(Path("again.json")) == ReadFile(Path("g.json")));
}

TEST_F(CliTest, ExportDotRendersWithGraphviz) {
  IngestExamples();
  RunResult r = Etkg({"export", Path("g.json"), "--format", "dot", "-o", Path("g.dot")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string dot = ReadFile(Path("g.dot"));
  EXPECT_NE(dot.find("digraph"), std::string::npos) << dot.substr(0, 200);
  if (!fs::exists("/usr/bin/dot")) GTEST_SKIP() << "Graphviz dot is not installed";
  RunResult svg =
      Shell("/usr/bin/dot -Tsvg " + Quote(Path("g.dot")) + " -o " + Quote(Path("g.svg")));
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(ReadFile(Path("g.svg")).find("<svg"), std::string::npos);
}

TEST_F(CliTest, ExportOfAMissingFileNamesIt) {
  const std::string missing = Path("missing.json");
  RunResult r = Etkg({"export", missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST_F(CliTest, CorruptGraphNamesFileLineAndColumn) {
  const std::string bad = Path("bad.json");
  // The comma after the schema is missing: the error is at line 3, column 3.
  WriteFile(bad, "{\n  \"schema\": \"etkg.graph/1\"\n  \"nodes\": [],\n  \"edges\": []\n}\n");
  for (const char* command : {"export", "stats"}) {
    SCOPED_TRACE(command);
    RunResult r = Etkg({command, bad});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(bad + ":3:3:"), std::string::npos) << r.err;
  }
}

TEST_F(CliTest, BatchWithABinaryDocumentKeepsTheGoodOne) {
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  fs::copy_file(ExamplesDir() + "/2017-05-02-trump-putin-call.txt", docs / "good.txt");
  WriteFile(docs / "bad.txt", std::string("\x7F"
                                          "ELF\x02\x01\x01\0\0\0\0\0",
                                          12));

  RunResult r = Etkg({"ingest", docs.string(), "-o", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find((docs / "bad.txt").string() + ":1:"), std::string::npos) << r.err;
  ASSERT_TRUE(fs::exists(Path("g.json"))) << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"id\": \"doc/good\""), std::string::npos);
  EXPECT_EQ(graph.find("doc/bad"), std::string::npos);

  RunResult stats = Etkg({"stats", Path("g.json")});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
}

TEST_F(CliTest, BadDateOptionIsAUsageError) {
  for (const char* date : {"2017-99-01", "2017-05", "yesterday"}) {
    SCOPED_TRACE(date);
    RunResult r = Etkg({"ingest", ExamplesDir(), "--date", date, "-o", Path("g.json")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(date), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("g.json")));
  }
}

TEST_F(CliTest, DateOptionDatesUndatedDocuments) {
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  WriteFile(docs / "undated.txt", "President Donald Trump spoke with Vladimir Putin.\n");
  RunResult r = Etkg({"ingest", docs.string(), "--date", "2017-05-02", "-o", Path("g.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"date_source\": \"command-line\""), std::string::npos) << graph;
}

TEST_F(CliTest, IngestOfAMissingPathFails) {
  const std::string missing = Path("no-such-dir");
  RunResult r = Etkg({"ingest", missing, "-o", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST_F(CliTest, StatsListsEventsInDateOrder) {
  IngestExamples();
  RunResult r = Etkg({"stats", Path("g.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("events in date order"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nodes"), std::string::npos) << r.out;
}

TEST_F(CliTest, VersionPrintsTheName) {
  RunResult r = Etkg({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("etkg"), std::string::npos) << r.out;
}

TEST_F(CliTest, GazetteerFileAddsALeader) {
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  WriteFile(docs / "a.txt",
            "title: Readout\npublished: 2021-06-12\n\n"
            "Chakwera spoke by phone with Chinese President Xi Jinping on Friday.\n");
  WriteFile(dir_ / "extra.json",
            R"({"leaders": [{"id": "lazarus-chakwera", "name": "Lazarus Chakwera",
                "aliases": ["Chakwera"], "roles": [{"role": "president",
                "country": "malawi", "from": "2020-06-28", "to": null}]}]})");
  RunResult without = Etkg({"ingest", docs.string(), "-o", Path("a.json")});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(ReadFile(Path("a.json")).find("lazarus-chakwera"), std::string::npos);
  RunResult with =
      Etkg({"ingest", docs.string(), "--gazetteer", Path("extra.json"), "-o", Path("b.json")});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_NE(ReadFile(Path("b.json")).find("call/2021-06-11/lazarus-chakwera+xi-jinping"),
            std::string::npos);
}

TEST_F(CliTest, BrokenGazetteerNamesFileLineAndColumn) {
  WriteFile(dir_ / "extra.json", "{\n  \"leaders\": [\n    {\"id\": }\n]}\n");
  RunResult r =
      Etkg({"ingest", ExamplesDir(), "--gazetteer", Path("extra.json"), "-o", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("extra.json") + ":3:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.json")));
}

TEST_F(CliTest, IngestIntoAddsToAnExistingGraph) {
  const fs::path a = dir_ / "a", b = dir_ / "b";
  fs::create_directories(a);
  fs::create_directories(b);
  fs::copy_file(ExamplesDir() + "/2017-05-02-trump-putin-call.txt", a / "one.txt");
  fs::copy_file(ExamplesDir() + "/2017-11-21-trump-putin-call.txt", b / "two.txt");
  ASSERT_EQ(Etkg({"ingest", a.string(), "--into", Path("g.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"ingest", b.string(), "--into", Path("g.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"ingest", a.string(), b.string(), "-o", Path("all.json")}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("g.json")), ReadFile(Path("all.json")));
}

TEST_F(CliTest, QueryTimelineBetweenPathAndStats) {
  IngestExamples();
  RunResult timeline = Etkg({"query", Path("g.json"), "timeline", "putin"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_NE(timeline.out.find("2017-05-02"), std::string::npos);
  EXPECT_LT(timeline.out.find("2017-05-02"), timeline.out.find("2025-03-18"));
  EXPECT_EQ(timeline.out.find("Biden–Xi"), std::string::npos);  // Only Putin's events.
  RunResult between = Etkg({"query", Path("g.json"), "between", "Trump", "Putin", "--json"});
  ASSERT_EQ(between.exit_code, 0) << between.err;
  EXPECT_EQ(between.out.rfind("{", 0), 0u);
  EXPECT_NE(between.out.find("\"participants\""), std::string::npos);
  // Two G20 summits in the examples: the one of 2017 by its id.
  RunResult path = Etkg({"query", Path("g.json"), "path", "Astana talks", "summit/g20/2017"});
  EXPECT_EQ(path.exit_code, 0) << path.err;
  RunResult stats = Etkg({"query", Path("g.json"), "stats"});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("most central leaders"), std::string::npos);
}

TEST_F(CliTest, QueryErrorsHaveTheirExitCodes) {
  IngestExamples();
  RunResult unknown = Etkg({"query", Path("g.json"), "timeline", "Putn"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("did you mean"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("vladimir-putin"), std::string::npos) << unknown.err;
  RunResult misspelled = Etkg({"query", Path("g.json"), "timelin"});
  EXPECT_EQ(misspelled.exit_code, 2);
  EXPECT_NE(misspelled.err.find("did you mean 'timeline'"), std::string::npos);
  RunResult window = Etkg({"query", Path("g.json"), "timeline", "--from", "2020", "--to", "2019"});
  EXPECT_EQ(window.exit_code, 2);
  EXPECT_NE(window.err.find("after"), std::string::npos) << window.err;
  RunResult kind = Etkg({"query", Path("g.json"), "timeline", "--kind", "meeting"});
  EXPECT_EQ(kind.exit_code, 2);
  RunResult missing = Etkg({"query", Path("nope.json"), "stats"});
  EXPECT_EQ(missing.exit_code, 1);
}

// Past the sizes where work is split: more documents than a batch of
// extraction (32) and more edges than the writer's blocks (1,024 items,
// written in parallel from 2,048).
TEST_F(CliTest, AnyNumberOfJobsGivesTheSameBytes) {
  const std::string seeds = ETKG_SEEDS_DIR;
  std::vector<std::string> inputs = {ExamplesDir()};
  if (fs::is_directory(seeds)) inputs.push_back(seeds);
  std::string lines;
  int copies = 0;
  for (int copy = 0; copy < 12; ++copy) {
    for (const auto& entry : fs::directory_iterator(ExamplesDir())) {
      if (entry.path().extension() != ".txt") continue;
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      const std::string text = ReadFile(entry.path());
      const std::string id = "copy" + std::to_string(copy) + "-" + entry.path().stem().string();
      w.StartObject();
      w.Key("id");
      w.String(id.c_str());
      w.Key("text");
      w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      w.EndObject();
      lines += std::string(buffer.GetString(), buffer.GetSize()) + "\n";
      ++copies;
    }
  }
  ASSERT_GT(copies, 64);
  WriteFile(Path("copies.jsonl"), lines);
  inputs.push_back(Path("copies.jsonl"));
  std::string first;
  for (const char* jobs : {"1", "2", "5"}) {
    SCOPED_TRACE(jobs);
    std::vector<std::string> args = {"ingest"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    args.insert(args.end(), {"--jobs", jobs, "-o", Path("g.json")});
    RunResult r = Etkg(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string graph = ReadFile(Path("g.json"));
    if (first.empty()) first = graph;
    EXPECT_TRUE(testing::SameBytes(graph, first));
  }
  rapidjson::Document g;
  g.Parse(first.c_str());
  ASSERT_FALSE(g.HasParseError());
  EXPECT_GT(g["edges"].Size(), 2048u);
}

TEST_F(CliTest, MergedShardsEqualOneIngest) {
  const fs::path a = dir_ / "a", b = dir_ / "b";
  fs::create_directories(a);
  fs::create_directories(b);
  // The same May 2017 call reported in both shards must become one node.
  fs::copy_file(ExamplesDir() + "/2017-05-02-trump-putin-call.txt", a / "one.txt");
  fs::copy_file(ExamplesDir() + "/2017-11-21-trump-putin-call.txt", a / "two.txt");
  fs::copy_file(ExamplesDir() + "/2025-03-18-trump-putin-call.txt", b / "three.txt");
  fs::copy_file(ExamplesDir() + "/2025-03-18-trump-putin-call.meta.json", b / "three.meta.json");
  WriteFile(b / "again.txt",
            "title: Readout\npublished: 2017-05-03\n\nPresident Donald J. Trump spoke "
            "yesterday with President Vladimir Putin of Russia.\n");
  ASSERT_EQ(Etkg({"ingest", a.string(), "-o", Path("a.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"ingest", b.string(), "-o", Path("b.json")}).exit_code, 0);
  RunResult merged = Etkg({"merge", Path("a.json"), Path("b.json"), "-o", Path("ab.json")});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  ASSERT_EQ(Etkg({"ingest", a.string(), b.string(), "-o", Path("all.json")}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("ab.json")), ReadFile(Path("all.json")));
  EXPECT_NE(ReadFile(Path("ab.json")).find("call/2017-05-02/donald-trump+vladimir-putin"),
            std::string::npos);
  RunResult missing = Etkg({"merge", Path("a.json"), Path("nope.json")});
  EXPECT_EQ(missing.exit_code, 1);
}

// An undated report of a call joins the one dated call of its leaders that
// its graph knows. Merged graphs settle that apart (shard a has only the 2017
// call), shards leave it to the merge, which sees both calls and, like one
// ingest of everything, cannot tell which one the report means.
TEST_F(CliTest, ShardsMergeExactlyWhereMergedGraphsCannot) {
  const fs::path a = dir_ / "a", b = dir_ / "b", c = dir_ / "c";
  for (const fs::path& d : {a, b, c}) fs::create_directories(d);
  const std::string call =
      "President Vladimir Putin had a telephone conversation today with President Recep "
      "Tayyip Erdogan of Turkey. They discussed ";
  WriteFile(a / "one.txt", "title: A call\npublished: 2017-07-03\n\n" + call + "Syria.\n");
  WriteFile(a / "two.txt", call + "trade.\n");  // No date anywhere.
  WriteFile(b / "three.txt", "title: A call\npublished: 2019-06-28\n\n" + call + "gas.\n");
  WriteFile(c / "four.txt", "title: A call\npublished: 2019-06-29\n\n" + call + "grain.\n");
  ASSERT_EQ(Etkg({"ingest", a.string(), b.string(), c.string(), "-o", Path("all.json")}).exit_code,
            0);
  const std::string all = ReadFile(Path("all.json"));
  ASSERT_NE(all.find("call/undated/recep-tayyip-erdogan+vladimir-putin"), std::string::npos);

  // Without --shard, shard a put the undated report on its 2017 call.
  ASSERT_EQ(Etkg({"ingest", a.string(), "-o", Path("a.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"ingest", b.string(), c.string(), "-o", Path("bc.json")}).exit_code, 0);
  RunResult loose = Etkg({"merge", Path("a.json"), Path("bc.json"), "-o", Path("loose.json")});
  ASSERT_EQ(loose.exit_code, 0) << loose.err;
  EXPECT_NE(loose.err.find("ingest --shard"), std::string::npos) << loose.err;
  EXPECT_NE(ReadFile(Path("loose.json")), all);

  // Shards, merged in any order and in stages, give the one ingest's bytes.
  for (const auto& [dir, name] : {std::pair{a, "a"}, std::pair{b, "b"}, std::pair{c, "c"}}) {
    RunResult r = Etkg({"ingest", dir.string(), "--shard", "-o", Path(std::string(name) + ".s")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("shard has"), std::string::npos) << r.err;
  }
  EXPECT_NE(ReadFile(Path("a.s")).find("\"stage\": \"shard\""), std::string::npos);
  RunResult once = Etkg({"merge", Path("c.s"), Path("a.s"), Path("b.s"), "-o", Path("m.json")});
  ASSERT_EQ(once.exit_code, 0) << once.err;
  EXPECT_EQ(once.err.find("note:"), std::string::npos) << once.err;
  EXPECT_EQ(ReadFile(Path("m.json")), all);
  ASSERT_EQ(Etkg({"merge", "--shard", Path("b.s"), Path("a.s"), "-o", Path("ab.s")}).exit_code, 0);
  ASSERT_EQ(Etkg({"merge", Path("ab.s"), Path("c.s"), "-o", Path("staged.json")}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("staged.json")), all);

  // A shard grows with --into, and becomes the graph when ingested without --shard.
  ASSERT_EQ(Etkg({"ingest", b.string(), "--shard", "--into", Path("a.s")}).exit_code, 0);
  ASSERT_EQ(Etkg({"ingest", c.string(), "--into", Path("a.s"), "-o", Path("grown.json")}).exit_code,
            0);
  EXPECT_EQ(ReadFile(Path("grown.json")), all);

  // Looking at a shard merges its events first.
  ASSERT_EQ(Etkg({"export", Path("c.s"), "-o", Path("c-export.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"merge", Path("c.s"), "-o", Path("c-merged.json")}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("c-export.json")), ReadFile(Path("c-merged.json")));
  EXPECT_EQ(ReadFile(Path("c-export.json")).find("\"stage\""), std::string::npos);

  // A merged graph cannot become part of a shard.
  RunResult refused = Etkg({"merge", "--shard", Path("a.json"), Path("b.s"), "-o", Path("x.s")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("a.json: its events are merged already"), std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(Path("x.s")));
}

TEST_F(CliTest, FilesFromListsTheDocuments) {
  const std::string examples = ExamplesDir();
  std::string list;
  for (const auto& entry : fs::directory_iterator(examples)) {
    const fs::path ext = entry.path().extension();
    if (ext == ".txt" || ext == ".jsonl") list += entry.path().string() + "\r\n\n";
  }
  WriteFile(dir_ / "list.txt", list);
  RunResult listed = Etkg({"ingest", "--files-from", Path("list.txt"), "-o", Path("l.json")});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  ASSERT_EQ(Etkg({"ingest", examples, "-o", Path("d.json")}).exit_code, 0);
  EXPECT_TRUE(ReadFile(Path("l.json")) == ReadFile(Path("d.json")));

  RunResult missing = Etkg({"ingest", "--files-from", Path("nope.txt")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.txt"), std::string::npos) << missing.err;
  RunResult both = Etkg({"ingest", "-", "--files-from", "-"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("standard input"), std::string::npos) << both.err;
}

TEST_F(CliTest, AGraphGivenAsADocumentIsRefusedAndNothingWritten) {
  IngestExamples();
  RunResult r = Etkg({"ingest", Path("g.json"), "-o", Path("out.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a document"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--into"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("out.json")));
}

}  // namespace
}  // namespace etkg
