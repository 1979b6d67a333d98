// Reading documents: sidecar metadata, front matter, datelines, .jsonl
// files, the checks that refuse binary or broken text, and the directory
// walk of ReadDocuments.
#include "loaders/document.h"
#include "loaders/text_util.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace etkg {
namespace {

namespace fs = std::filesystem;

// The input as a C string literal would write it, so a trace shows NUL
// bytes, CRs and invalid UTF-8.
std::string Escape(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x80) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

PartialDate Day(int year, int month, int day) {
  auto date = PartialDate::Make(year, month, day);
  EXPECT_TRUE(date.has_value()) << "bad date in test";
  return date.value_or(PartialDate());
}

// ---------------------------------------------------------------------------
// ParseMetaJson

TEST(ParseMetaJsonTest, ReadsEveryField) {
  Result<DocumentMeta> meta = ParseMetaJson(
      R"({"title": "Trump and Putin speak", "published": "2017-01-28",
          "url": "https://example.org/a", "source": "Example Monitor"})",
      "a.meta.json");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->title, "Trump and Putin speak");
  EXPECT_EQ(meta->published, Day(2017, 1, 28));
  EXPECT_EQ(meta->url, "https://example.org/a");
  EXPECT_EQ(meta->source, "Example Monitor");
}

TEST(ParseMetaJsonTest, TimestampKeepsItsDay) {
  Result<DocumentMeta> meta =
      ParseMetaJson(R"({"published": "2017-11-22T10:00:00Z"})", "a.meta.json");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->published, Day(2017, 11, 22));
}

TEST(ParseMetaJsonTest, NullFieldsAndUnknownKeysAreIgnored) {
  Result<DocumentMeta> meta =
      ParseMetaJson(R"({"title": null, "published": null, "lang": "en"})", "a.meta.json");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->title, "");
  EXPECT_TRUE(meta->published.is_null());
}

TEST(ParseMetaJsonTest, SyntaxErrorNamesLineAndColumn) {
  // The comma after the title is missing: the parser stops at "url".
  Result<DocumentMeta> meta =
      ParseMetaJson("{\n  \"title\": \"x\"\n  \"url\": \"u\"\n}\n", "a.meta.json");
  ASSERT_FALSE(meta.ok());
  EXPECT_EQ(meta.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(meta.status().where().file, "a.meta.json");
  EXPECT_EQ(meta.status().where().line, 3);
  EXPECT_EQ(meta.status().where().column, 3);
}

struct BadMetaCase {
  std::string_view json;
  std::string_view message_part;
};

TEST(ParseMetaJsonTest, RejectsWrongValues) {
  const BadMetaCase kCases[] = {
      {R"(["a list"])", "not a JSON object"},
      {R"({"title": 5})", "'title'"},
      {R"({"published": "2017-13-01"})", "2017-13-01"},
      {R"({"published": "May 2, 2017"})", "not a date"},
      {R"({"published": ""})", "not a date"},
      {R"({"title": "a\udc00b"})", "'title' holds an escape that is not a character"},
  };
  for (const BadMetaCase& c : kCases) {
    SCOPED_TRACE(c.json);
    Result<DocumentMeta> meta = ParseMetaJson(c.json, "m.meta.json");
    ASSERT_FALSE(meta.ok());
    EXPECT_EQ(meta.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(meta.status().where().file, "m.meta.json");
    EXPECT_NE(meta.status().message().find(c.message_part), std::string::npos)
        << meta.status().ToString();
  }
}

// ---------------------------------------------------------------------------
// ParseTextDocument: where the date comes from.

struct PrecedenceCase {
  std::string_view name;
  std::string_view content;
  bool with_sidecar;  // A sidecar dated 2017-01-28, titled "Sidecar title".
  bool sidecar_dated;
  std::string_view published;  // ToString(); "" for null.
  std::string_view date_source;
  std::string_view title;
};

TEST(ParseTextDocumentTest, SidecarBeatsFrontMatterBeatsDateline) {
  const PrecedenceCase kCases[] = {
      {"dateline only", "MOSCOW, November 22, 2017 \xE2\x80\x94 The leaders spoke.\n", false, false,
       "2017-11-22", "dateline", "The leaders spoke."},
      {"front matter over dateline",
       "title: Front title\npublished: 2017-05-02\n\nMOSCOW, November 22, 2017 \xE2\x80\x94 "
       "The leaders spoke.\n",
       false, false, "2017-05-02", "front-matter", "Front title"},
      {"sidecar over front matter and dateline",
       "title: Front title\npublished: 2017-05-02\n\nMOSCOW, November 22, 2017 \xE2\x80\x94 "
       "The leaders spoke.\n",
       true, true, "2017-01-28", "metadata", "Sidecar title"},
      {"undated sidecar leaves the front matter date",
       "title: Front title\npublished: 2017-05-02\n\nThe leaders spoke.\n", true, false,
       "2017-05-02", "front-matter", "Sidecar title"},
      {"undated sidecar and front matter leave the dateline",
       "title: Front title\n\nMOSCOW, November 22, 2017 \xE2\x80\x94 The leaders spoke.\n", true,
       false, "2017-11-22", "dateline", "Sidecar title"},
      {"sidecar over dateline", "MOSCOW, November 22, 2017 \xE2\x80\x94 The leaders spoke.\n", true,
       true, "2017-01-28", "metadata", "Sidecar title"},
      {"nothing dates it", "The leaders spoke.\n", false, false, "", "", "The leaders spoke."},
  };
  for (const PrecedenceCase& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + ": " + Escape(c.content));
    DocumentMeta sidecar;
    sidecar.title = "Sidecar title";
    if (c.sidecar_dated) sidecar.published = Day(2017, 1, 28);
    Result<Document> doc =
        ParseTextDocument(c.content, "docs/a.txt", c.with_sidecar ? &sidecar : nullptr);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->meta.published.ToString(), c.published);
    EXPECT_EQ(doc->date_source, c.date_source);
    EXPECT_EQ(doc->meta.title, c.title);
  }
}

TEST(ParseTextDocumentTest, SidecarFieldsOverrideFrontMatterFields) {
  DocumentMeta sidecar;
  sidecar.url = "https://example.org/sidecar";
  Result<Document> doc = ParseTextDocument(
      "title: Front\nurl: https://example.org/front\nsource: Front desk\n\nBody.\n", "a.txt",
      &sidecar);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->meta.title, "Front");
  EXPECT_EQ(doc->meta.url, "https://example.org/sidecar");
  EXPECT_EQ(doc->meta.source, "Front desk");
}

TEST(ParseTextDocumentTest, FrontMatterIsStrippedFromTheText) {
  Result<Document> doc = ParseTextDocument(
      "Title: Talks in Astana\nDate: 2017-05-03\nURL: https://example.org/x\n"
      "source: Desk\nid: astana-talks\n\nThe talks began.\nThey ended.\n",
      "docs/file-name.txt", nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "astana-talks");
  EXPECT_EQ(doc->meta.title, "Talks in Astana");
  EXPECT_EQ(doc->meta.published, Day(2017, 5, 3));
  EXPECT_EQ(doc->meta.url, "https://example.org/x");
  EXPECT_EQ(doc->meta.source, "Desk");
  EXPECT_EQ(doc->date_source, "front-matter");
  EXPECT_EQ(doc->text, "The talks began.\nThey ended.\n");
  EXPECT_EQ(doc->path, "docs/file-name.txt");
}

TEST(ParseTextDocumentTest, FrontMatterMayEndWithoutABlankLine) {
  Result<Document> doc =
      ParseTextDocument("published: 2017-05-03\nThe talks began.\n", "a.txt", nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->meta.published, Day(2017, 5, 3));
  EXPECT_EQ(doc->text, "The talks began.\n");
}

struct NotFrontMatterCase {
  std::string_view content;
};

TEST(ParseTextDocumentTest, FirstLineWithUnknownKeyIsText) {
  const NotFrontMatterCase kCases[] = {
      {"Moscow: Russia and the United States agreed on Tuesday.\nMore text.\n"},
      {"Update: the call lasted an hour.\n\nMore text.\n"},
      {"Kremlin readout: the presidents spoke.\n"},
      {"BREAKING: leaders meet\n"},
      {"No colon on this line.\ntitle: looks like a key but comes second\n"},
  };
  for (const NotFrontMatterCase& c : kCases) {
    SCOPED_TRACE(Escape(c.content));
    Result<Document> doc = ParseTextDocument(c.content, "docs/plain.txt", nullptr);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->text, c.content);
    EXPECT_EQ(doc->id, "plain");
    EXPECT_EQ(doc->meta.title, c.content.substr(0, c.content.find('\n')));
    EXPECT_EQ(doc->date_source, "");
  }
}

TEST(ParseTextDocumentTest, StripsByteOrderMark) {
  Result<Document> plain = ParseTextDocument("\xEF\xBB\xBFThe talks began.\n", "a.txt", nullptr);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(plain->text, "The talks began.\n");
  EXPECT_EQ(plain->meta.title, "The talks began.");

  // A BOM must not hide the front matter behind it.
  Result<Document> front = ParseTextDocument(
      "\xEF\xBB\xBFtitle: T\npublished: 2017-05-03\n\nThe talks began.\n", "a.txt", nullptr);
  ASSERT_TRUE(front.ok()) << front.status().ToString();
  EXPECT_EQ(front->meta.title, "T");
  EXPECT_EQ(front->date_source, "front-matter");
  EXPECT_EQ(front->text, "The talks began.\n");
}

struct LineEndCase {
  std::string_view content;
  std::string_view text;
};

TEST(ParseTextDocumentTest, LineEndsBecomeNewlines) {
  const LineEndCase kCases[] = {
      {"One.\r\nTwo.\r\n", "One.\nTwo.\n"},
      {"One.\rTwo.\r", "One.\nTwo.\n"},
      {"One.\r\n\r\nTwo.", "One.\n\nTwo."},
      {"title: T\r\npublished: 2017-05-03\r\n\r\nOne.\r\n", "One.\n"},
  };
  for (const LineEndCase& c : kCases) {
    SCOPED_TRACE(Escape(c.content));
    Result<Document> doc = ParseTextDocument(c.content, "a.txt", nullptr);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->text, c.text);
    EXPECT_EQ(doc->text.find('\r'), std::string::npos);
  }
}

struct InvalidTextCase {
  std::string_view name;
  std::string_view content;
  int line;
  int column;  // 0: none can be named.
  std::string_view message_part;
};

TEST(ParseTextDocumentTest, RejectsTextItCannotReadNamingThePlace) {
  using namespace std::string_view_literals;
  const InvalidTextCase kCases[] = {
      {"empty file", ""sv, 1, 0, "empty"},
      {"white space only", " \n\t\r\n  \n"sv, 1, 0, "empty"},
      {"NUL on line 1", "abc\0def\n"sv, 1, 4, "binary"},
      {"NUL on line 2", "First line.\nab\0c\n"sv, 2, 3, "binary"},
      {"NUL after CRLF", "First line.\r\nab\0c\r\n"sv, 2, 3, "binary"},
      {"stray continuation byte", "Line one.\nLine \x80two.\n"sv, 2, 6, "UTF-8"},
      {"Latin-1 e acute", "Caf\xE9 talks\n"sv, 1, 4, "UTF-8"},
      {"truncated sequence at the end", "Talks \xE2\x80"sv, 1, 7, "UTF-8"},
      {"overlong slash", "a\xC0\xAF b\n"sv, 1, 2, "UTF-8"},
      {"UTF-16 surrogate", "a\xED\xA0\x80 b\n"sv, 1, 2, "UTF-8"},
  };
  for (const InvalidTextCase& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + ": " + Escape(c.content));
    Result<Document> doc = ParseTextDocument(c.content, "docs/bad.txt", nullptr);
    ASSERT_FALSE(doc.ok());
    const Status& s = doc.status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
    EXPECT_EQ(s.where().file, "docs/bad.txt");
    EXPECT_EQ(s.where().line, c.line);
    EXPECT_EQ(s.where().column, c.column);
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.ToString();
    EXPECT_EQ(s.ToString().rfind("docs/bad.txt:" + std::to_string(c.line), 0), 0u) << s.ToString();
  }
}

TEST(ParseTextDocumentTest, RejectsMetadataWithoutText) {
  const std::string_view kContents[] = {
      "title: Only a title\n\n",
      "title: Only a title\npublished: 2017-05-03\n",
      "\xEF\xBB\xBF",
  };
  for (std::string_view content : kContents) {
    SCOPED_TRACE(Escape(content));
    Result<Document> doc = ParseTextDocument(content, "docs/meta-only.txt", nullptr);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(doc.status().where().file, "docs/meta-only.txt");
  }
}

struct BadFrontDateCase {
  std::string_view content;
  int line;
  int column;
};

TEST(ParseTextDocumentTest, BadFrontMatterDateNamesLineAndColumn) {
  const BadFrontDateCase kCases[] = {
      {"title: T\npublished: 2017-13-01\n\nBody.\n", 2, 12},
      {"published: 2017-02-30\n\nBody.\n", 1, 12},
      {"title: T\nsource: S\ndate:   May 3, 2017\n\nBody.\n", 3, 9},
      {"\xEF\xBB\xBFpublished:yesterday\n\nBody.\n", 1, 11},
      {"title: T\r\npublished: 2017-13-01\r\n\r\nBody.\r\n", 2, 12},
  };
  for (const BadFrontDateCase& c : kCases) {
    SCOPED_TRACE(Escape(c.content));
    Result<Document> doc = ParseTextDocument(c.content, "docs/a.txt", nullptr);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(doc.status().where().file, "docs/a.txt");
    EXPECT_EQ(doc.status().where().line, c.line);
    EXPECT_EQ(doc.status().where().column, c.column);
  }
}

TEST(ParseTextDocumentTest, IdIsTheFileStem) {
  Result<Document> file = ParseTextDocument("Body.\n", "some/dir/2017-05-02-call.txt", nullptr);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->id, "2017-05-02-call");
  EXPECT_EQ(file->first_line, 1);

  Result<Document> stdin_doc = ParseTextDocument("Body.\n", "-", nullptr);
  ASSERT_TRUE(stdin_doc.ok()) << stdin_doc.status().ToString();
  EXPECT_EQ(stdin_doc->id, "stdin");
  EXPECT_EQ(stdin_doc->path, "-");
}

TEST(ParseTextDocumentTest, TitleIsFirstLineUnlessTooLong) {
  Result<Document> short_line =
      ParseTextDocument("\n\n  Headline here  \n\nBody.\n", "a.txt", nullptr);
  ASSERT_TRUE(short_line.ok()) << short_line.status().ToString();
  EXPECT_EQ(short_line->meta.title, "Headline here");

  const std::string long_line(200, 'x');
  Result<Document> long_doc = ParseTextDocument(long_line + "\nBody.\n", "a.txt", nullptr);
  ASSERT_TRUE(long_doc.ok()) << long_doc.status().ToString();
  EXPECT_EQ(long_doc->meta.title, "");
}

// ---------------------------------------------------------------------------
// Datelines.

struct DatelineCase {
  std::string_view content;
  std::string_view published;  // ToString(); "" when no dateline may be found.
  std::string_view place;
};

TEST(ParseTextDocumentTest, DatelineDatesTheDocument) {
  const DatelineCase kCases[] = {
      {"date 2017-05-03 Washington DC: The presidents spoke by telephone.\n", "2017-05-03",
       "Washington DC"},
      {"MOSCOW, November 22, 2017 \xE2\x80\x94 Putin and Trump spoke.\n", "2017-11-22", "MOSCOW"},
      {"July 16, 2018, Helsinki\n\nThe two leaders met.\n", "2018-07-16", "Helsinki"},
      {"Trump and Putin meet\n\nHelsinki, 16 July 2018 - The two leaders met.\n", "2018-07-16",
       "Helsinki"},
      // No year in the dateline: the year the text names elsewhere.
      {"WASHINGTON, May 3 - The presidents spoke.\nThey plan to meet later in 2017.\n",
       "2017-05-03", "WASHINGTON"},
      {"WASHINGTON, May 3 (Reuters) - The presidents spoke about the summit of July 7-8, "
       "2017.\n",
       "2017-05-03", "WASHINGTON"},
      {"BEIJING, Nov 4 (etkg wire) - Scholz met Xi.\nXi took a third term in October 2022.\n",
       "2022-11-04", "BEIJING"},
      // No year anywhere: the year stays unknown.
      {"WASHINGTON, May 3 - The presidents spoke.\n", "XXXX-05-03", "WASHINGTON"},
      // A sentence that starts with a date is not a dateline.
      {"May 3 was a busy day for diplomats in 2017.\n", "", ""},
      {"The presidents spoke on May 3, 2017.\n", "", ""},
  };
  for (const DatelineCase& c : kCases) {
    SCOPED_TRACE(Escape(c.content));
    Result<Document> doc = ParseTextDocument(c.content, "a.txt", nullptr);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->meta.published.ToString(), c.published);
    EXPECT_EQ(doc->date_source, c.published.empty() ? "" : "dateline");
    EXPECT_EQ(doc->dateline_place, c.place);
  }
}

// ---------------------------------------------------------------------------
// ParseJsonLines

struct JsonLinesResult {
  std::vector<Document> docs;
  std::vector<Status> errors;
};

JsonLinesResult ParseLines(std::string_view content, const std::string& path = "in/wire.jsonl") {
  JsonLinesResult result;
  result.docs = ParseJsonLines(content, path, [&](const Status& s) { result.errors.push_back(s); });
  return result;
}

TEST(ParseJsonLinesTest, ReadsEveryGoodLine) {
  JsonLinesResult r = ParseLines(
      R"({"id": "first", "title": "One", "published": "2021-03-20", "url": "u1", "source": "s", "text": "Talks began.\nThey ended."})"
      "\n"
      "\n"
      R"({"title": "Two", "published": "2023-02-11T09:00:00Z", "text": "Lula met Biden."})"
      "\n"
      R"({"text": "Undated text."})");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 3u);

  EXPECT_EQ(r.docs[0].id, "first");
  EXPECT_EQ(r.docs[0].path, "in/wire.jsonl");
  EXPECT_EQ(r.docs[0].first_line, 1);
  EXPECT_EQ(r.docs[0].meta.title, "One");
  EXPECT_EQ(r.docs[0].meta.published, Day(2021, 3, 20));
  EXPECT_EQ(r.docs[0].meta.url, "u1");
  EXPECT_EQ(r.docs[0].meta.source, "s");
  EXPECT_EQ(r.docs[0].date_source, "metadata");
  EXPECT_EQ(r.docs[0].text, "Talks began.\nThey ended.");

  // Without an id: the file stem and the line number.
  EXPECT_EQ(r.docs[1].id, "wire-3");
  EXPECT_EQ(r.docs[1].first_line, 3);
  EXPECT_EQ(r.docs[1].meta.published, Day(2023, 2, 11));

  EXPECT_EQ(r.docs[2].id, "wire-4");
  EXPECT_TRUE(r.docs[2].meta.published.is_null());
  EXPECT_EQ(r.docs[2].date_source, "");
  EXPECT_EQ(r.docs[2].meta.title, "Undated text.");
}

struct BadLineCase {
  std::string_view name;
  std::string_view bad_line;  // Put on line 2, between two good lines.
  int column;                 // 0: not checked.
  std::string_view message_part;
};

TEST(ParseJsonLinesTest, ReportsABadLineAndKeepsTheRest) {
  const BadLineCase kCases[] = {
      {"broken JSON", R"({"id": "b", "text": "unterminated)", 0, ""},
      {"missing comma", R"({"id": "b" "text": "x"})", 12, ""},
      {"not an object", R"(["text", "x"])", 1, "not a JSON object"},
      {"missing text", R"({"id": "b", "title": "No text"})", 1, "\"text\""},
      {"text not a string", R"({"id": "b", "text": 42})", 21, "\"text\" is not a string"},
      {"date a number", R"({"published": 2021, "text": "x"})", 15, "\"published\" is not"},
      {"title an object", R"({"text": "x", "title": {}})", 24, "\"title\" is not a string"},
      {"bad published date", R"({"id": "b", "published": "2021-02-30", "text": "x"})", 0,
       "2021-02-30"},
      {"empty text", R"({"id": "b", "text": "  "})", 0, "empty"},
      {"NUL in text", R"({"id": "b", "text": "a\u0000b"})", 0, "binary"},
      {"lone surrogate in the title", R"({"id": "b", "title": "\ude00", "text": "x"})", 1,
       "'title' holds an escape that is not a character (a lone surrogate)"},
  };
  for (const BadLineCase& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + ": " + std::string(c.bad_line));
    const std::string content = R"({"id": "a", "text": "First."})"
                                "\n" +
                                std::string(c.bad_line) +
                                "\n"
                                R"({"id": "c", "text": "Third."})"
                                "\n";
    JsonLinesResult r = ParseLines(content);
    ASSERT_EQ(r.docs.size(), 2u);
    EXPECT_EQ(r.docs[0].id, "a");
    EXPECT_EQ(r.docs[1].id, "c");
    EXPECT_EQ(r.docs[1].first_line, 3);
    ASSERT_EQ(r.errors.size(), 1u);
    const Status& s = r.errors[0];
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
    EXPECT_EQ(s.where().file, "in/wire.jsonl");
    EXPECT_EQ(s.where().line, 2);
    if (c.column > 0) {
      EXPECT_EQ(s.where().column, c.column);
    }
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.ToString();
  }
}

TEST(ParseJsonLinesTest, StripsByteOrderMarkAndCarriageReturns) {
  JsonLinesResult r = ParseLines(
      "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"One.\\r\\nTwo.\"}\r\n"
      "{\"id\": \"b\", \"text\": \"Three.\"}\r\n");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "One.\nTwo.");
  EXPECT_EQ(r.docs[1].first_line, 2);
}

TEST(ParseJsonLinesTest, EmptyContentGivesNothing) {
  JsonLinesResult r = ParseLines("");
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.errors.empty());
  r = ParseLines("\n  \n\n");
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.errors.empty());
}

// ---------------------------------------------------------------------------
// ReadDocuments on a real directory tree.

class ReadDocumentsTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("etkg-document-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  std::string Write(const std::string& relative, std::string_view content) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    EXPECT_TRUE(out.good()) << "cannot write " << path;
    return path.string();
  }

  struct Collected {
    size_t count = 0;
    std::vector<Document> docs;
    std::vector<Status> errors;
    std::vector<std::string> ids() const {
      std::vector<std::string> out;
      for (const Document& d : docs) out.push_back(d.id);
      return out;
    }
    const Document* Find(std::string_view id) const {
      for (const Document& d : docs) {
        if (d.id == id) return &d;
      }
      return nullptr;
    }
  };

  Collected Read(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
    Collected c;
    c.count = ReadDocuments(
        paths, options, [&](Document d) { c.docs.push_back(std::move(d)); },
        [&](const Status& s) { c.errors.push_back(s); });
    return c;
  }

  fs::path root_;
};

TEST_F(ReadDocumentsTest, WalksTheTreeRecursivelyInNameOrder) {
  Write("b.txt", "Second document.\n");
  Write("a.txt", "First document.\n");
  Write("sub/c.txt", "Third document.\n");
  Write("sub/deeper/e.txt", "Fifth document.\n");
  Write("sub/d.jsonl",
        "{\"id\": \"d1\", \"text\": \"Fourth.\"}\n{\"id\": \"d2\", \"text\": "
        "\"Fourth, second line.\"}\n");
  Write("notes.md", "Not a document.\n");
  Write("README", "Not a document either.\n");
  Write("orphan.meta.json", R"({"title": "no document of its own"})");

  Collected c = Read({root_.string()});
  for (const Status& s : c.errors) ADD_FAILURE() << s.ToString();
  EXPECT_EQ(c.count, 6u);
  EXPECT_EQ(c.ids(), (std::vector<std::string>{"a", "b", "c", "d1", "d2", "e"}));
}

TEST_F(ReadDocumentsTest, StreamsJsonLinesAcrossReadsAsParseJsonLinesDoes) {
  // Lines longer than one read, a BOM, CRLF ends, a bad line, a blank line
  // and no newline at the end.
  std::string content = "\xEF\xBB\xBF";
  for (int i = 0; i < 6; ++i) {
    std::string text(700'000 + static_cast<size_t>(i) * 100'000, 'a');
    for (size_t k = 90; k < text.size(); k += 91) text[k] = ' ';
    content += R"({"id": "d)" + std::to_string(i) + R"(", "text": ")" + text + "\"}";
    content += i == 2 ? "\r\n\n{broken\n" : "\n";
  }
  content.pop_back();
  Write("big.jsonl", content);

  Collected streamed = Read({(root_ / "big.jsonl").string()});
  std::vector<Status> errors;
  std::vector<Document> whole = ParseJsonLines(content, (root_ / "big.jsonl").string(),
                                               [&](const Status& s) { errors.push_back(s); });
  ASSERT_EQ(streamed.docs.size(), 6u);
  ASSERT_EQ(whole.size(), 6u);
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(streamed.docs[i].id, whole[i].id);
    EXPECT_EQ(streamed.docs[i].first_line, whole[i].first_line);
    EXPECT_EQ(streamed.docs[i].text, whole[i].text);
  }
  ASSERT_EQ(streamed.errors.size(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(streamed.errors[0].ToString(), errors[0].ToString());
  EXPECT_EQ(streamed.errors[0].where().line, 5);
}

TEST_F(ReadDocumentsTest, AppliesTheSidecarBesideADocument) {
  Write("2017-01-28-call.txt",
        "title: Front title\npublished: 2017-01-01\n\nPresident Trump spoke today.\n");
  Write("2017-01-28-call.meta.json",
        R"({"title": "Sidecar title", "published": "2017-01-28", "url": "https://x"})");

  Collected c = Read({root_.string()});
  for (const Status& s : c.errors) ADD_FAILURE() << s.ToString();
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.id, "2017-01-28-call");
  EXPECT_EQ(d.meta.title, "Sidecar title");
  EXPECT_EQ(d.meta.published, Day(2017, 1, 28));
  EXPECT_EQ(d.meta.url, "https://x");
  EXPECT_EQ(d.date_source, "metadata");
  EXPECT_EQ(d.text, "President Trump spoke today.\n");
}

TEST_F(ReadDocumentsTest, BrokenSidecarSkipsItsDocumentOnly) {
  Write("a.txt", "First.\n");
  Write("a.meta.json", "{\"title\": \"x\",\n  \"published\" 2017}");
  Write("b.txt", "Second.\n");

  Collected c = Read({root_.string()});
  EXPECT_EQ(c.ids(), (std::vector<std::string>{"b"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code(), StatusCode::kInvalidInput);
  EXPECT_EQ(c.errors[0].where().file, (root_ / "a.meta.json").string());
  EXPECT_EQ(c.errors[0].where().line, 2);
}

TEST_F(ReadDocumentsTest, ReportsWhatItCannotReadAndGoesOn) {
  const std::string good = Write("good.txt", "A good document.\n");
  const std::string binary = Write("binary.txt", std::string("PK\x03\x04\0\0\x14", 7));
  const std::string missing = (root_ / "missing.txt").string();

  Collected c = Read({missing, binary, good});
  EXPECT_EQ(c.count, 1u);
  EXPECT_EQ(c.ids(), (std::vector<std::string>{"good"}));
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].code(), StatusCode::kNotFound);
  EXPECT_EQ(c.errors[0].where().file, missing);
  EXPECT_EQ(c.errors[1].code(), StatusCode::kInvalidInput);
  EXPECT_EQ(c.errors[1].where().file, binary);
  EXPECT_EQ(c.errors[1].where().line, 1);
  EXPECT_EQ(c.errors[1].where().column, 5);
}

TEST_F(ReadDocumentsTest, KeepsTheOrderOfPathsGiven) {
  const std::string b = Write("b.txt", "Second.\n");
  const std::string a = Write("a.txt", "First.\n");
  Collected c = Read({b, a});
  EXPECT_EQ(c.ids(), (std::vector<std::string>{"b", "a"}));
}

TEST_F(ReadDocumentsTest, DefaultDateOnlyForUndatedDocuments) {
  Write("dated-front.txt", "published: 2017-05-02\n\nA dated document.\n");
  Write("dated-line.txt", "MOSCOW, November 22, 2017 - Leaders spoke.\n");
  Write("dated-sidecar.txt", "A document with a sidecar.\n");
  Write("dated-sidecar.meta.json", R"({"published": "2017-01-28"})");
  Write("undated.txt", "A document without a date.\n");
  Write("wire.jsonl",
        "{\"id\": \"w-dated\", \"published\": \"2021-03-20\", \"text\": \"x\"}\n"
        "{\"id\": \"w-undated\", \"text\": \"y\"}\n");

  ReadOptions options;
  options.default_date = Day(2020, 1, 15);
  Collected c = Read({root_.string()}, options);
  for (const Status& s : c.errors) ADD_FAILURE() << s.ToString();
  ASSERT_EQ(c.docs.size(), 6u);

  struct Expected {
    std::string_view id;
    std::string_view published;
    std::string_view date_source;
  };
  const Expected kExpected[] = {
      {"dated-front", "2017-05-02", "front-matter"}, {"dated-line", "2017-11-22", "dateline"},
      {"dated-sidecar", "2017-01-28", "metadata"},   {"undated", "2020-01-15", "command-line"},
      {"w-dated", "2021-03-20", "metadata"},         {"w-undated", "2020-01-15", "command-line"},
  };
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.id);
    const Document* d = c.Find(e.id);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->meta.published.ToString(), e.published);
    EXPECT_EQ(d->date_source, e.date_source);
  }
}

TEST_F(ReadDocumentsTest, WithoutDefaultDateUndatedStaysUndated) {
  Write("undated.txt", "A document without a date.\n");
  Collected c = Read({root_.string()});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.docs[0].meta.published.is_null());
  EXPECT_EQ(c.docs[0].date_source, "");
}

TEST_F(ReadDocumentsTest, EmptyDirectoryReadsNothing) {
  Collected c = Read({root_.string()});
  EXPECT_EQ(c.count, 0u);
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.errors.empty());
}

TEST(ParseTextDocumentTest, JoinsTheLinesOfHardWrappedText) {
  const std::string wrapped =
      "Leaders talk trade\n"
      "\n"
      "President Joe Biden spoke by telephone with Prime Minister Justin\n"
      "Trudeau of Canada on Monday to discuss the situation in Haiti and the\n"
      "supply of electricity across the border. The two leaders agreed to\n"
      "meet at the G7 summit in Italy in June. They also discussed:\n"
      "- the war in Ukraine and support for Kyiv, which both will go on giving\n"
      "- trade\n"
      "\n"
      "Officials said the call was friendly.\n"
      "More talks are planned.\n";
  Result<Document> doc = ParseTextDocument(wrapped, "a.txt", nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::string& text = doc->text;
  ASSERT_EQ(text.size(), wrapped.size());  // Offsets do not move.
  EXPECT_NE(text.find("Prime Minister Justin Trudeau of Canada"), std::string::npos) << text;
  EXPECT_NE(text.find("and the supply of"), std::string::npos) << text;
  EXPECT_NE(text.find("agreed to meet"), std::string::npos) << text;
  // Breaks that stay: around blank lines, after a colon or a full stop,
  // and before list items.
  EXPECT_NE(text.find("Leaders talk trade\n\n"), std::string::npos) << text;
  EXPECT_NE(text.find("discussed:\n- the war"), std::string::npos) << text;
  EXPECT_NE(text.find("giving\n- trade"), std::string::npos) << text;
  EXPECT_NE(text.find("friendly.\nMore"), std::string::npos) << text;
}

TEST(ParseTextDocumentTest, LinesOfUnwrappedTextStayApart) {
  // Long paragraphs, one a line: only a lower-case start joins a line on.
  const std::string text =
      "Putin and Trump discuss Syria by phone\n"
      "MOSCOW, May 2, 2017 \xE2\x80\x94 Russian President Vladimir Putin and U.S. President "
      "Donald Trump spoke by phone on Tuesday, the Kremlin said, and agreed to work together.\n"
      "The call was the third between the two leaders since January, officials said, and it "
      "lasted for about an hour according to both sides\n"
      "and it was described as businesslike.\n";
  Result<Document> doc = ParseTextDocument(text, "a.txt", nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find("by phone\nMOSCOW"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("sides and it was"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->dateline_place, "MOSCOW");
}

TEST(LooksLikeEnglishTest, TellsEnglishFromOtherLanguages) {
  const std::string english =
      "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz on Monday. The two "
      "leaders discussed the war in Ukraine and the support of the European Union for Kyiv, and "
      "they agreed that their ministers would meet before the summit.";
  const std::string french =
      "Le pr\xC3\xA9sident de la R\xC3\xA9publique, Emmanuel Macron, s'est entretenu ce lundi "
      "au t\xC3\xA9l\xC3\xA9phone avec le chancelier allemand Olaf Scholz. Les deux dirigeants "
      "ont \xC3\xA9voqu\xC3\xA9 la situation en Ukraine, le soutien europ\xC3\xA9"
      "en \xC3\xA0 Kiev et la pr\xC3\xA9paration du prochain Conseil europ\xC3\xA9"
      "en. Ils sont convenus de rester en contact.";
  const std::string german =
      "Bundeskanzler Olaf Scholz hat am Montag mit dem franz\xC3\xB6sischen Pr\xC3\xA4sidenten "
      "Emmanuel Macron telefoniert. Die beiden sprachen \xC3\xBC"
      "ber die Lage in der Ukraine und die Unterst\xC3\xBCtzung der Europ\xC3\xA4ischen Union "
      "sowie \xC3\xBC"
      "ber den bevorstehenden Gipfel in Br\xC3\xBCssel und die Zusammenarbeit.";
  std::string russian;  // "Путин" and "разговор" in turn: Cyrillic words.
  for (int i = 0; i < 40; ++i) {
    russian += i % 2 ? "\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80 "
                     : "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD ";
  }
  EXPECT_TRUE(LooksLikeEnglish(english));
  EXPECT_FALSE(LooksLikeEnglish(french));
  EXPECT_FALSE(LooksLikeEnglish(german));
  EXPECT_FALSE(LooksLikeEnglish(russian));
  EXPECT_TRUE(LooksLikeEnglish("Putin, Trump discuss Syria"));  // Too short to tell.
  EXPECT_TRUE(LooksLikeEnglish(""));
}

}  // namespace
}  // namespace etkg
