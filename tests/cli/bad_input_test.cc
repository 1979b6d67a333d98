// Bad input on every path into etkg, through the built binary: each gets a
// message naming the file (and the line and column where they apply) and a
// defined exit code, never a crash or a hang; and interrupted runs never
// leave a broken output. README.md "Troubleshooting" lists the same cases.
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

constexpr const char* kCallDoc =
    "PARIS, May 3, 2021 \xE2\x80\x94 President Emmanuel Macron spoke by phone with Chancellor "
    "Olaf Scholz on Monday. The two leaders discussed the war in Ukraine.\n";

class BadInputTest : public CliTest {
 protected:
  // Ingests `content` written as `name` in a folder of its own.
  RunResult IngestText(const std::string& name, std::string_view content,
                       const std::string& output) {
    const fs::path folder = dir_ / ("in-" + name);
    fs::create_directories(folder);
    WriteFile(folder / name, content);
    return Etkg({"ingest", (folder / name).string(), "-o", output});
  }

  // The graph ingested from `content` as a document named call.txt, with
  // the path of its folder taken out so graphs from different folders
  // compare.
  std::string GraphOf(std::string_view content, const std::string& tag) {
    const fs::path folder = dir_ / tag;
    fs::create_directories(folder);
    WriteFile(folder / "call.txt", content);
    const std::string out = Path(tag + ".json");
    RunResult r = Etkg({"ingest", (folder / "call.txt").string(), "-o", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string graph = ReadFile(out);
    const std::string folder_text = folder.string();
    for (size_t at = graph.find(folder_text); at != std::string::npos;
         at = graph.find(folder_text)) {
      graph.replace(at, folder_text.size(), "FOLDER");
    }
    return graph;
  }

  // A valid graph of the example documents, as text.
  std::string ExampleGraph() {
    IngestExamples();
    return ReadFile(Path("g.json"));
  }
};

// --- Documents ---------------------------------------------------------------

TEST_F(BadInputTest, EmptyDocumentIsReportedAndNothingIsWritten) {
  for (std::string_view content : {std::string_view(""), std::string_view(" \n\t\n")}) {
    RunResult r = IngestText("empty.txt", content, Path("g.json"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("empty.txt:1: empty document"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("g.json")));
  }
}

TEST_F(BadInputTest, BinaryDocumentNamesWhereTheBinaryDataIs) {
  std::string binary = "Some text\nmore\x00\x01\x02";
  binary += std::string("\x00\xFF\xFE", 3);
  RunResult r = IngestText("photo.txt", binary, Path("g.json"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("photo.txt:2:5: binary data"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.json")));
}

TEST_F(BadInputTest, InvalidUtf8NamesLineAndColumn) {
  RunResult r =
      IngestText("latin1.txt", "Line one.\nPresident Macron met caf\xE9 owners.\n", Path("g.json"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("latin1.txt:2:25: invalid UTF-8"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, ByteOrderMarkChangesNothing) {
  EXPECT_EQ(GraphOf(std::string("\xEF\xBB\xBF") + kCallDoc, "bom"), GraphOf(kCallDoc, "plain"));
}

TEST_F(BadInputTest, CrlfLineEndsChangeNothing) {
  std::string crlf;
  for (char c : std::string_view(kCallDoc)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string graph = GraphOf(crlf, "crlf");
  EXPECT_EQ(graph, GraphOf(kCallDoc, "lf"));
  EXPECT_NE(graph.find("\"kind\": \"call\""), std::string::npos);
}

TEST_F(BadInputTest, HardWrappedTextGivesTheSameEvents) {
  const std::string wrapped =
      "WASHINGTON, March 4, 2024 -- President Joe Biden spoke by telephone with\n"
      "Prime Minister Justin Trudeau of Canada on Monday to discuss the situation\n"
      "in Haiti and the supply of electricity across the border. The two leaders\n"
      "agreed to stay in close touch. They also discussed the war in Ukraine and\n"
      "support for Kyiv, according to a White House readout of the call.\n";
  std::string one_line = wrapped;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  one_line.back() = '\n';
  // The same graph but for the document's title, which is its first line.
  auto without_title = [](std::string graph) {
    const size_t doc = graph.find("\"kind\": \"document\"");
    const size_t label = graph.find("\"label\": ", doc);
    graph.erase(label, graph.find('\n', label) - label);
    return graph;
  };
  const std::string graph = without_title(GraphOf(wrapped, "wrapped"));
  EXPECT_NE(graph.find("\"call/2024-03-04/joe-biden+justin-trudeau\""), std::string::npos) << graph;
  EXPECT_EQ(graph, without_title(GraphOf(one_line, "one-line")));
}

TEST_F(BadInputTest, WrappedWireCopyKeepsItsHeadlineAndDateline) {
  const std::string wire =
      "Biden and Trudeau discuss Haiti and power lines in a call\n"
      "WASHINGTON, March 4, 2024 (Reuters) - President Joe Biden spoke by\n"
      "telephone with Prime Minister Justin Trudeau of Canada on Monday to\n"
      "discuss the situation in Haiti and the supply of electricity across\n"
      "the border, the White House said in a readout of the call.\n";
  const std::string graph = GraphOf(wire, "wire");
  EXPECT_NE(graph.find("\"date_source\": \"dateline\""), std::string::npos) << graph;
  EXPECT_NE(graph.find("\"label\": \"Biden and Trudeau discuss Haiti and power lines in a call\""),
            std::string::npos)
      << graph;
  EXPECT_NE(graph.find("\"call/2024-03-04/joe-biden+justin-trudeau\""), std::string::npos) << graph;
}

TEST_F(BadInputTest, FiftyMegabyteDocumentOnOneLineIsReadInBoundedTime) {
  // Prose with full stops, then a run of words with none: one line, 50 MB.
  std::string text;
  text.reserve(50'000'100);
  const std::string_view prose =
      "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz on 3 May 2021 about "
      "the war in Ukraine. The weather was mild and the markets were calm that day. ";
  const std::string_view words = "Macron Scholz Ukraine trade talks energy ";
  while (text.size() < 5'000'000) text += prose;
  while (text.size() < 50'000'000) text += words;
  text += "\n";
  const auto start = std::chrono::steady_clock::now();
  RunResult r = IngestText("huge.txt", text, Path("g.json"));
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(Path("g.json")).find("\"kind\": \"call\""), std::string::npos);
  // Not a speed test: a bound far above the measured time that a quadratic
  // step would still break (it took minutes before matching was linear).
  EXPECT_LT(seconds, 240) << "ingesting 50 MB on one line took " << seconds << " s";
}

TEST_F(BadInputTest, Utf16AndUtf32WithAByteOrderMarkAreReadAsUtf8) {
  const std::string utf8 = GraphOf(kCallDoc, "utf-8");
  ASSERT_NE(utf8.find("\"kind\": \"call\""), std::string::npos);
  struct Case {
    const char* name;
    int unit;
    bool big_endian;
  };
  for (const Case& c : {Case{"utf-16le", 2, false}, Case{"utf-16be", 2, true},
                        Case{"utf-32le", 4, false}, Case{"utf-32be", 4, true}}) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(
        testing::SameBytes(GraphOf(EncodeUtf(kCallDoc, c.unit, c.big_endian), c.name), utf8));
  }
  // A .jsonl file too, read a line at a time.
  const std::string lines = std::string(R"({"id": "a", "text": ")") +
                            "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz "
                            "on Monday.\"}\n"
                            R"({"id": "b", "text": "Talks in Paris."})"
                            "\n";
  RunResult r = IngestText("wire16.jsonl", EncodeUtf(lines, 2, false), Path("g.json"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"doc/a\""), std::string::npos);
  EXPECT_NE(graph.find("\"doc/b\""), std::string::npos);
}

TEST_F(BadInputTest, BrokenAndUnmarkedUtf16AreNamed) {
  // "A", a high surrogate with no low one after it, "B".
  RunResult lone = IngestText("lone.txt",
                              std::string("\xFF\xFE"
                                          "A\0\0\xD8"
                                          "B\0",
                                          8),
                              Path("g.json"));
  EXPECT_EQ(lone.exit_code, 1);
  EXPECT_NE(
      lone.err.find("lone.txt:1: invalid UTF-16LE: a sequence that is no character at byte 4"),
      std::string::npos)
      << lone.err;
  RunResult cut =
      IngestText("cut.txt", EncodeUtf(kCallDoc, 2, true) + std::string(1, '\0'), Path("g.json"));
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.err.find("cut.txt:2: invalid UTF-16BE: a character cut off at the end"),
            std::string::npos)
      << cut.err;
  RunResult unmarked =
      IngestText("unmarked.txt", EncodeUtf(kCallDoc, 2, false, /*mark=*/false), Path("g.json"));
  EXPECT_EQ(unmarked.exit_code, 1);
  EXPECT_NE(unmarked.err.find("unmarked.txt:1: looks like UTF-16LE text without a byte-order "
                              "mark; convert it: iconv -f UTF-16LE -t utf-8"),
            std::string::npos)
      << unmarked.err;
  EXPECT_FALSE(fs::exists(Path("g.json")));
}

TEST_F(BadInputTest, EverythingSkippedInAFolderIsReported) {
  const fs::path docs = dir_ / "docs";
  const fs::path other = dir_ / "other";
  fs::create_directories(docs / "sub");
  fs::create_directories(other);
  WriteFile(docs / "call.txt", kCallDoc);
  WriteFile(other / "linked.txt", kCallDoc);
  fs::create_directory_symlink("../other", docs / "linked");            // Followed.
  fs::create_directory_symlink("../../other", docs / "sub" / "again");  // Read once only.
  fs::create_directory_symlink("..", docs / "sub" / "up");              // A loop.
  fs::create_symlink("missing.txt", docs / "gone.txt");                 // Leads nowhere.
  fs::create_symlink("loop-b.txt", docs / "loop-a.txt");                // Links in a ring.
  fs::create_symlink("loop-a.txt", docs / "loop-b.txt");
  fs::create_symlink("missing", docs / "not-a-document");     // Not ours: quiet.
  ASSERT_EQ(::mkfifo((docs / "fifo.txt").c_str(), 0644), 0);  // Would never end.
  RunResult r = Etkg({"ingest", docs.string(), "-o", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  const std::string d = docs.string();
  for (const std::string& message :
       {d + "/sub/up: leads back to " + d + ", which holds it: a loop; not followed",
        d + "/gone.txt: a link to missing.txt, which does not exist; skipped",
        d + "/loop-a.txt: a loop of links; skipped", d + "/loop-b.txt: a loop of links; skipped",
        d + "/fifo.txt: not a regular file (a device, fifo or socket); skipped",
        std::string("2 documents read, 5 skipped")}) {
    EXPECT_NE(r.err.find(message), std::string::npos) << message << " not in:\n" << r.err;
  }
  EXPECT_EQ(r.err.find("not-a-document"), std::string::npos) << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"id\": \"doc/call\""), std::string::npos);
  EXPECT_NE(graph.find("\"id\": \"doc/linked\""), std::string::npos);
  EXPECT_NE(graph.find(d + "/linked/linked.txt"), std::string::npos) << "read as the first link";
}

TEST_F(BadInputTest, AFolderThatCannotBeListedIsReported) {
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs / "locked");
  WriteFile(docs / "call.txt", kCallDoc);
  WriteFile(docs / "locked" / "hidden.txt", kCallDoc);
  ASSERT_EQ(::chmod((docs / "locked").c_str(), 0), 0);
  // Root lists any folder: run etkg as nobody then, in a folder it may read.
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chmod(dir_.c_str(), 0755), 0);
  }
  RunResult r;
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open(Path("stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(Path("stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (root && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      ::_exit(126);
    }
    std::string binary = ETKG_BINARY, command = "ingest", path = docs.string(), quiet = "-q";
    char* argv[] = {binary.data(), command.data(), path.data(), quiet.data(), nullptr};
    ::execv(argv[0], argv);
    ::_exit(127);
  }
  r.exit_code = WaitFor(pid);
  r.out = ReadFile(Path("stdout.txt"));
  r.err = ReadFile(Path("stderr.txt"));
  ::chmod((docs / "locked").c_str(), 0755);
  if (r.exit_code == 126 || r.exit_code == 127) {
    GTEST_SKIP() << "cannot run etkg as another user here (" << r.exit_code << ")";
  }
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(docs.string() + "/locked: cannot list directory: Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"id\": \"doc/call\""), std::string::npos);
  EXPECT_EQ(r.out.find("doc/hidden"), std::string::npos);
}

TEST_F(BadInputTest, EndlessInputIsCutOffNotReadForever) {
  for (const char* command : {"ingest", "export"}) {
    SCOPED_TRACE(command);
    RunResult r = Etkg({command, "/dev/zero", "-o", Path("g.json")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/dev/zero: binary data (a NUL byte)"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("g.json")));
  }
}

TEST_F(BadInputTest, DocumentInAnotherLanguageIsReadWithAWarning) {
  const std::string french =
      "Le pr\xC3\xA9sident de la R\xC3\xA9publique, Emmanuel Macron, s'est entretenu ce lundi au "
      "t\xC3\xA9l\xC3\xA9phone avec le chancelier allemand Olaf Scholz. Les deux dirigeants ont "
      "\xC3\xA9voqu\xC3\xA9 la situation en Ukraine et la pr\xC3\xA9paration du prochain Conseil "
      "europ\xC3\xA9"
      "en. Ils sont convenus de rester en contact.\n";
  RunResult r = IngestText("fr.txt", french, Path("g.json"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("fr.txt:1: warning: does not read as English"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 with warnings"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(Path("g.json")));
}

TEST_F(BadInputTest, BadJsonlLinesAreSkippedAndTheOthersGoIn) {
  const std::string good = std::string(R"({"id": "a", "published": "2021-05-03", "text": ")") +
                           "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz "
                           "on Monday.\"}";
  const std::string jsonl = good + "\n" +                       // Line 1.
                            R"({"id": "b", "text": )" + "\n" +  // Line 2: cut.
                            R"({"id": "c", "published": 2021, "text": "x"})"
                            "\n" +  // Line 3.
                            R"({"id": "d", "text": "Talks."})"
                            "\n";  // Line 4.
  RunResult r = IngestText("wire.jsonl", jsonl, Path("g.json"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("wire.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("wire.jsonl:3:26: \"published\" is not a string"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("2 documents read, 2 skipped"), std::string::npos) << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  EXPECT_NE(graph.find("\"doc/a\""), std::string::npos);
  EXPECT_NE(graph.find("\"doc/d\""), std::string::npos);
}

TEST_F(BadInputTest, BadDocumentsInABatchAreSkippedAndCounted) {
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  for (const auto& entry : fs::directory_iterator(ExamplesDir())) {
    if (entry.path().extension() == ".txt")
      fs::copy_file(entry.path(), docs / entry.path().filename());
  }
  const size_t good =
      static_cast<size_t>(std::distance(fs::directory_iterator(docs), fs::directory_iterator()));
  WriteFile(docs / "0-empty.txt", "");
  WriteFile(docs / "0-latin1.txt", "Caf\xE9.\n");
  RunResult r = Etkg({"ingest", docs.string(), "-o", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("0-empty.txt:1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0-latin1.txt:1:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(std::to_string(good) + " documents read, 2 skipped"), std::string::npos)
      << r.err;
  const std::string graph = ReadFile(Path("g.json"));
  size_t documents = 0;
  for (size_t at = graph.find("\"kind\": \"document\""); at != std::string::npos;
       at = graph.find("\"kind\": \"document\"", at + 1)) {
    ++documents;
  }
  EXPECT_EQ(documents, good);
}

// --- graph.json ----------------------------------------------------------------

TEST_F(BadInputTest, TruncatedGraphNamesWhereItStopsEverywhereItIsRead) {
  const std::string graph = ExampleGraph();
  const std::string cut = Path("cut.json");
  WriteFile(cut, graph.substr(0, graph.size() / 2));
  const std::vector<std::vector<std::string>> commands = {
      {"export", cut, "--format", "dot"},
      {"stats", cut},
      {"query", cut, "timeline", "Putin"},
      {"merge", cut, Path("g.json"), "-o", Path("m.json")},
      {"ingest", ExamplesDir(), "--into", cut},
  };
  for (const std::vector<std::string>& command : commands) {
    SCOPED_TRACE(command[0]);
    RunResult r = Etkg(command);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(cut + ":"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("m.json")));
  }
  // --into a broken graph leaves it as it was.
  EXPECT_EQ(ReadFile(cut), graph.substr(0, graph.size() / 2));
}

TEST_F(BadInputTest, HandEditedGraphNamesFileLineColumnAndPath) {
  const std::string graph = ExampleGraph();
  struct Case {
    std::string name;
    std::string from, to;  // The edit: the first `from` becomes `to`.
    std::string message;
  };
  const size_t first_id = graph.find("\"id\": ");
  const std::string id_line = graph.substr(first_id, graph.find('\n', first_id) - first_id);
  const Case kCases[] = {
      {"wrong type", "\"kind\": \"call\"", "\"kind\": 3", "nodes[0].kind: is not a string"},
      {"missing id", id_line, "\"name\": \"x\",", "nodes[0].id: missing"},
      {"dangling edge", "\"target\": \"", "\"target\": \"leader/nobody", "edge to unknown node"},
      {"unknown kind", "\"kind\": \"call\"", "\"kind\": \"meeting\"", "unknown kind 'meeting'"},
      {"bad date", "\"date\": \"2017-", "\"date\": \"2017-13", "is not a date"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string edited = graph;
    const size_t at = edited.find(c.from);
    ASSERT_NE(at, std::string::npos);
    edited.replace(at, c.from.size(), c.to);
    const std::string file = Path("edited.json");
    WriteFile(file, edited);
    RunResult r = Etkg({"stats", file});
    EXPECT_EQ(r.exit_code, 1);
    // FILE:LINE:COL: PATH: message
    EXPECT_EQ(r.err.rfind("etkg: " + file + ":", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    const std::string where = r.err.substr(6 + file.size() + 1);
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(where[0])) &&
                where.find(':') < where.find(' '))
        << r.err;
  }
}

TEST_F(BadInputTest, DuplicateIdsAreRefused) {
  const std::string graph = ExampleGraph();
  // Repeat the first node at the head of the node list.
  const size_t begin = graph.find("    {\n", graph.find("\"nodes\": ["));
  const size_t end = graph.find("\n    }", begin) + 6;
  std::string edited = graph;
  edited.insert(begin, graph.substr(begin, end - begin) + ",\n");
  WriteFile(Path("dup.json"), edited);
  RunResult r = Etkg({"stats", Path("dup.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nodes[1].id: duplicate id"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = R"({"schema": "etkg.graph/1", "nodes": [)" + std::string(200000, '[') +
                           std::string(200000, ']') + R"(], "edges": []})";
  WriteFile(Path("deep.json"), deep);
  RunResult r = Etkg({"stats", Path("deep.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("deep.json") + ":1:38: nodes[0]: is not an object"), std::string::npos)
      << r.err;
}

TEST_F(BadInputTest, DocumentsAreNotGraphsAndGraphsAreNotDocuments) {
  IngestExamples();
  RunResult as_graph = Etkg({"stats", ExamplesDir() + "/README.md"});
  EXPECT_EQ(as_graph.exit_code, 1);
  EXPECT_NE(as_graph.err.find("README.md:1:1:"), std::string::npos) << as_graph.err;
  RunResult as_doc = Etkg({"ingest", Path("g.json"), "-o", Path("x.json")});
  EXPECT_EQ(as_doc.exit_code, 1);
  EXPECT_FALSE(fs::exists(Path("x.json")));
}

// --- Gazetteer, options and outputs -------------------------------------------------

TEST_F(BadInputTest, GazetteerMistakesNameFileLineAndColumn) {
  struct Case {
    std::string text;
    std::string where;  // ":LINE:COL: " after the file.
  };
  const Case kCases[] = {
      {"{\"leaders\": [\n  {\"id\": \"a\",\n   \"name\": 5}\n]}", ":3:12: leaders[0].name"},
      {"{\"places\": [\n  {\"id\": \"x\", \"name\": \"X\", \"aliases\": \"X\"}]}",
       ":2:39: places[0].aliases"},
      {"{\"leaders\": [\n  {\"id\": }\n]}", ":2:10:"},
      {"[1, 2]", ":"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    WriteFile(Path("extra.json"), c.text);
    RunResult r =
        Etkg({"ingest", ExamplesDir(), "--gazetteer", Path("extra.json"), "-o", Path("g.json")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(Path("extra.json") + c.where), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("g.json")));
  }
}

TEST_F(BadInputTest, UnknownFormatIsAUsageErrorListingTheFormats) {
  IngestExamples();
  RunResult r = Etkg({"export", Path("g.json"), "--format", "jpeg", "-o", Path("g.jpeg")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("jpeg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("svg"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("g.jpeg")));
}

TEST_F(BadInputTest, UnwritableOutputIsNamedAndTheInputKept) {
  IngestExamples();
  WriteFile(Path("a-file"), "x");
  fs::create_directories(Path("a-dir"));
  const std::string kOutputs[] = {Path("no/such/dir/g.dot"), Path("a-file") + "/g.dot",
                                  Path("a-dir")};
  for (const std::string& output : kOutputs) {
    SCOPED_TRACE(output);
    RunResult r = Etkg({"export", Path("g.json"), "--format", "dot", "-o", output});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(output + ": "), std::string::npos) << r.err;
  }
  RunResult ingest = Etkg({"ingest", ExamplesDir(), "-o", Path("no/such/dir/g.json")});
  EXPECT_EQ(ingest.exit_code, 1);
  EXPECT_NE(ingest.err.find("no/such/dir/g.json: cannot write"), std::string::npos) << ingest.err;
}

TEST_F(BadInputTest, FromAfterToIsAUsageError) {
  IngestExamples();
  const std::vector<std::vector<std::string>> commands = {
      {"export", Path("g.json"), "--from", "2020-01-01", "--to", "2019-12-31", "-o", Path("x")},
      {"query", Path("g.json"), "timeline", "--from", "2020", "--to", "2019"},
      {"query", Path("g.json"), "between", "Trump", "Putin", "--from", "2018-02", "--to",
       "2018-01"},
  };
  for (const std::vector<std::string>& command : commands) {
    SCOPED_TRACE(command[0] + " " + command[2]);
    RunResult r = Etkg(command);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("is after --to"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("x")));
  }
}

TEST_F(BadInputTest, OutOfRangeOptionsAreUsageErrors) {
  IngestExamples();
  const std::vector<std::vector<std::string>> commands = {
      {"export", Path("g.json"), "--around", "Putin", "--depth", "-1"},
      {"export", Path("g.json"), "--min-sources", "-3"},
      {"export", Path("g.json"), "--kind", "wizard"},
      {"export", Path("g.json"), "--format", "svg", "--time-limit", "0"},
      {"query", Path("g.json"), "neighbors", "Putin", "--depth", "99999999999"},
      {"ingest", ExamplesDir(), "--jobs", "-2"},
  };
  for (const std::vector<std::string>& command : commands) {
    SCOPED_TRACE(command[2] + " " + command.back());
    RunResult r = Etkg(command);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_FALSE(r.err.empty());
  }
  RunResult empty = Etkg({"query", Path("g.json"), "timeline", " "});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.err.find("an empty name names no node"), std::string::npos) << empty.err;
}

// --- Atomic writes -----------------------------------------------------------------

TEST_F(BadInputTest, KillingAWriterLeavesThePreviousOutputWhole) {
  WriteFile(Path("big.json"), BigGraph(60000));
  const std::string out = Path("out.json");
  const std::string old = "{\"previous\": true}\n";
  const std::vector<std::string> args = {
      ETKG_BINARY, "export", Path("big.json"), "--format", "graphml", "-o", out};
  auto start = [&]() -> pid_t {
    pid_t pid = ::fork();
    if (pid == 0) {
      std::vector<char*> argv;
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    return pid;
  };
  // Runs to the end: what a run writes, and how long the fastest of three
  // takes (the first may be slowed by a cold cache; killing at shares of a
  // slow run would land after the later, faster runs had ended).
  pid_t pid = 0;
  int status = 0;
  std::chrono::steady_clock::duration run = std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) {
    WriteFile(out, old);
    const auto t0 = std::chrono::steady_clock::now();
    pid = start();
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    run = std::min(run, std::chrono::steady_clock::now() - t0);
  }
  const std::string complete = ReadFile(out);
  ASSERT_GT(complete.size(), 5'000'000u);

  // Kill runs at moments spread over the first nine tenths of a run, with
  // SIGKILL (nothing can be cleaned up) and SIGTERM (the temporary file is
  // removed too).
  int killed = 0;
  for (int signal : {SIGKILL, SIGTERM}) {
    for (int step = 1; step <= 8; ++step) {
      SCOPED_TRACE("signal " + std::to_string(signal) + " at step " + std::to_string(step));
      WriteFile(out, old);
      pid = start();
      std::this_thread::sleep_for(run * step / 9);
      ::kill(pid, signal);
      ASSERT_EQ(::waitpid(pid, &status, 0), pid);
      if (WIFSIGNALED(status)) ++killed;
      const std::string now = ReadFile(out);
      EXPECT_TRUE(now == old || now == complete) << "a broken output of " << now.size() << " bytes";
      // SIGKILL may leave the temporary file (.out.json.tmp.XXXXXX);
      // SIGTERM removes it.
      std::vector<fs::path> temporary;
      for (const auto& entry : fs::directory_iterator(dir_)) {
        if (entry.path().filename().string().find(".tmp.") != std::string::npos) {
          temporary.push_back(entry.path());
        }
      }
      if (signal == SIGTERM) {
        EXPECT_TRUE(temporary.empty()) << temporary.front() << " left behind";
      }
      for (const fs::path& path : temporary) fs::remove(path);
    }
  }
  EXPECT_GT(killed, 8) << "too few runs were stopped before they ended";
}

// --- Determinism and idempotence ---------------------------------------------------

TEST_F(BadInputTest, SameDocumentsGiveTheSameBytesInAnyOrderAndTwice) {
  IngestExamples();
  const std::string once = ReadFile(Path("g.json"));
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(ExamplesDir())) {
    const fs::path ext = entry.path().extension();
    if (ext == ".txt" || ext == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.rbegin(), files.rend());  // Reverse name order, one path each.
  std::vector<std::string> reversed = {"ingest"};
  reversed.insert(reversed.end(), files.begin(), files.end());
  reversed.insert(reversed.end(), {"-o", Path("reversed.json"), "-j", "3"});
  ASSERT_EQ(Etkg(reversed).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("reversed.json")), once);
  // Ingesting the same documents again into the graph changes nothing.
  ASSERT_EQ(Etkg({"ingest", ExamplesDir(), "--into", Path("g.json"), "-j", "1"}).exit_code, 0);
  EXPECT_EQ(ReadFile(Path("g.json")), once);
}

}  // namespace
}  // namespace etkg
