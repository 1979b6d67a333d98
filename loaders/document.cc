#include "loaders/document.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "loaders/encoding.h"
#include "loaders/json_locate.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"

namespace etkg {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr unsigned kJsonFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;

// Checks that `content` is text we can read; names the place where not.
Status CheckText(std::string_view content, const std::string& path, int first_line) {
  if (Trim(content).empty() || content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Invalid("empty document", {path, first_line, 0});
  }
  if (size_t nul = content.find('\0'); nul != std::string_view::npos) {
    if (const char* utf16 = LooksLikeUnmarkedUtf16(content)) {
      return Status::Invalid(std::string("looks like ") + utf16 +
                                 " text without a byte-order mark; convert it: iconv -f " + utf16 +
                                 " -t utf-8",
                             {path, first_line, 0});
    }
    SourceLocation where = LocateOffset(content, nul, path);
    where.line += first_line - 1;
    return Status::Invalid("binary data (a NUL byte), not a text document", where);
  }
  if (size_t bad = FindInvalidUtf8(content); bad != std::string_view::npos) {
    SourceLocation where = LocateOffset(content, bad, path);
    where.line += first_line - 1;
    return Status::Invalid("invalid UTF-8", where);
  }
  return Status::Ok();
}

// Without a BOM, with "\n" line ends.
std::string NormalizeText(std::string_view content) {
  if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
  std::string out;
  out.reserve(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    char c = content[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < content.size() && content[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

// Joins the lines of hard-wrapped text (plain-text mail, wire copy at 72
// columns), where a line break falls inside a sentence and would cut it
// and the names in it in two. A break becomes a space, so byte offsets do
// not move, when the sentence goes on: the next line starts in lower case,
// or the text is wrapped (most lines nearly as long as the longest, which
// is at most 100 bytes) and the line is one of the long ones. A break
// stays after a full stop or a colon, before a list item, around a blank
// line and before the dateline's line; headlines and short lines keep
// theirs. Runs after the dateline and the title are found.
void UnwrapLines(Document* doc) {
  std::string* text = &doc->text;
  // The line the dateline starts keeps the break before it (after a
  // headline): the dateline and title are found before lines are joined.
  const size_t dateline_line = doc->dateline_end == 0
                                   ? std::string::npos
                                   : text->rfind('\n', doc->dateline_end - 1) + 1;  // npos + 1 = 0.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text->size();) {
    size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    lines.push_back(std::string_view(*text).substr(pos, end - pos));
    pos = end + 1;
  }
  size_t width = 0, long_lines = 0, followed = 0;
  for (size_t i = 0; i < lines.size(); ++i) width = std::max(width, Trim(lines[i]).size());
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (IsBlank(lines[i]) || IsBlank(lines[i + 1])) continue;
    ++followed;
    if (Trim(lines[i]).size() * 10 >= width * 7) ++long_lines;
  }
  const bool wrapped = width <= 100 && followed >= 3 && long_lines * 2 >= followed;
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_list_item = [](std::string_view line) {
    if (line.empty()) return false;
    if (line[0] == '-' || line[0] == '*' || line.substr(0, 3) == "\xE2\x80\xA2") return true;
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
  };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view here = Trim(lines[i]);
    std::string_view next = Trim(lines[i + 1]);
    if (here.empty() || next.empty() || is_list_item(next)) continue;
    char last = here.back();
    if (last == '.' || last == '!' || last == '?' || last == ':') continue;
    bool goes_on = is_lower(next[0]) || (wrapped && here.size() * 10 >= width * 7 &&
                                         static_cast<unsigned char>(next[0]) > ' ');
    if (!goes_on) continue;
    size_t newline = static_cast<size_t>(lines[i].data() - text->data()) + lines[i].size();
    if (newline + 1 == dateline_line) continue;
    (*text)[newline] = ' ';
  }
}

Status ParseDateField(std::string_view value, const SourceLocation& where, PartialDate* out) {
  auto date = PartialDate::Parse(Trim(value));
  if (!date || date->is_null()) {
    return Status::Invalid("'" + std::string(value) + "' is not a date (expected YYYY-MM-DD)",
                           where);
  }
  *out = *date;
  return Status::Ok();
}

// RapidJSON 1.1.0 lets a lone low surrogate escape ("\ude00") through as
// bytes that are not UTF-8 (fixed upstream after 1.1.0); they would end up
// in the graph, whose JSON would not read back. Names the first string
// member that holds such bytes, or returns "" when there is none.
std::string FirstNonUnicodeMember(const rapidjson::Value& object) {
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (!it->value.IsString()) continue;
    std::string_view value(it->value.GetString(), it->value.GetStringLength());
    if (FindInvalidUtf8(value) != std::string_view::npos) {
      return std::string(it->name.GetString(), it->name.GetStringLength());
    }
  }
  return "";
}

std::string NotUnicodeMessage(const std::string& key) {
  return "'" + key + "' holds an escape that is not a character (a lone surrogate)";
}

bool IsFrontMatterKey(std::string_view key) {
  return key == "title" || key == "published" || key == "date" || key == "url" || key == "source" ||
         key == "id";
}

// A block of "key: value" lines at the very top, ending with a blank line.
// Only known keys count, so a first line such as "Moscow: ..." is text.
// Returns the number of bytes the block takes (0 when there is none).
Result<size_t> ParseFrontMatter(const std::string& text, const std::string& path,
                                DocumentMeta* meta, std::string* id) {
  size_t pos = 0;
  int line_number = 0;
  bool any = false;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    ++line_number;
    if (Trim(line).empty()) return any ? end + 1 : 0;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return any ? pos : 0;
    std::string key(Trim(line.substr(0, colon)));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!IsFrontMatterKey(key)) return any ? pos : 0;
    std::string_view value = Trim(line.substr(colon + 1));
    // The column of the value itself, so "published: 2017-13-01" points at the date.
    SourceLocation where{path, line_number, static_cast<int>(value.data() - line.data()) + 1};
    if (key == "title") meta->title = value;
    if (key == "url") meta->url = value;
    if (key == "source") meta->source = value;
    if (key == "id") *id = value;
    if (key == "published" || key == "date") {
      if (Status s = ParseDateField(value, where, &meta->published); !s.ok()) return s;
    }
    any = true;
    pos = end + 1;
  }
  return any ? text.size() : 0;
}

std::string FirstLine(std::string_view text) {
  std::istringstream in{std::string(text.substr(0, 1024))};
  std::string line;
  while (std::getline(in, line)) {
    std::string_view trimmed = Trim(line);
    if (!trimmed.empty()) return std::string(trimmed);
  }
  return "";
}

// Fills what metadata left open from the text itself.
void CompleteFromText(Document* doc) {
  size_t dateline_start = 0;
  if (doc->meta.published.is_null()) {
    if (auto dateline = FindDateline(doc->text)) {
      dateline_start = dateline->offset;
      PartialDate date = dateline->date;
      if (!date.has_year()) {
        // "WASHINGTON, May 3 -": the year comes from the text.
        PartialDate latest = LatestExplicitDate(doc->text);
        if (latest.has_year()) {
          date = PartialDate::Make(latest.year(), date.month(), date.day()).value_or(date);
        }
      }
      doc->meta.published = date;
      doc->date_source = "dateline";
      doc->dateline_place = dateline->place;
      doc->dateline_end = dateline->offset + dateline->length;
    }
  } else if (doc->date_source.empty()) {
    doc->date_source = "metadata";
  }
  if (doc->meta.title.empty()) {
    // A headline above the dateline, else the first line after it.
    std::string_view text = doc->text;
    std::string first = FirstLine(text.substr(0, dateline_start));
    if (first.empty()) first = FirstLine(text.substr(doc->dateline_end));
    if (first.size() <= 160) doc->meta.title = first;
  }
}

}  // namespace

Result<DocumentMeta> ParseMetaJson(std::string_view text, const std::string& file) {
  rapidjson::Document json;
  json.Parse<kJsonFlags>(text.data(), text.size());
  if (json.HasParseError()) {
    return Status::Invalid(rapidjson::GetParseError_En(json.GetParseError()),
                           LocateOffset(text, json.GetErrorOffset(), file));
  }
  if (!json.IsObject()) return Status::Invalid("metadata is not a JSON object", {file});
  if (std::string key = FirstNonUnicodeMember(json); !key.empty()) {
    return Status::Invalid(NotUnicodeMessage(key), {file});
  }
  DocumentMeta meta;
  for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it) {
    std::string_view key(it->name.GetString(), it->name.GetStringLength());
    if (!it->value.IsString()) {
      if (it->value.IsNull()) continue;
      return Status::Invalid("'" + std::string(key) + "' is not a string", {file});
    }
    std::string_view value(it->value.GetString(), it->value.GetStringLength());
    if (key == "title") meta.title = value;
    if (key == "url") meta.url = value;
    if (key == "source") meta.source = value;
    if (key == "published" || key == "date") {
      // "2017-11-22" or "2017-11-22T10:00:00Z": the day is what counts.
      std::string_view day = value.substr(0, value.find('T'));
      if (Status s = ParseDateField(day, {file}, &meta.published); !s.ok()) return s;
    }
  }
  return meta;
}

Result<Document> ParseTextDocument(std::string_view content, const std::string& path,
                                   const DocumentMeta* sidecar) {
  // UTF-16 and UTF-32 (known by their byte-order marks) are read as the
  // same text in UTF-8.
  std::string decoded;
  if (DetectByteOrderMark(content).encoding != TextEncoding::kUtf8) {
    Result<std::string> utf8 = DecodeToUtf8(content, path);
    if (!utf8.ok()) return utf8.status();
    decoded = std::move(*utf8);
    content = decoded;
  }
  if (Status s = CheckText(content, path, 1); !s.ok()) return s;
  Document doc;
  doc.path = path;
  doc.id = path == "-" ? "stdin" : fs::path(path).stem().string();
  std::string text = NormalizeText(content);
  DocumentMeta front;
  Result<size_t> front_size = ParseFrontMatter(text, path, &front, &doc.id);
  if (!front_size.ok()) return front_size.status();
  if (*front_size > 0) {
    text.erase(0, *front_size);
    doc.meta = front;
    if (!front.published.is_null()) doc.date_source = "front-matter";
  }
  if (sidecar) {
    if (!sidecar->title.empty()) doc.meta.title = sidecar->title;
    if (!sidecar->url.empty()) doc.meta.url = sidecar->url;
    if (!sidecar->source.empty()) doc.meta.source = sidecar->source;
    if (!sidecar->published.is_null()) {
      doc.meta.published = sidecar->published;
      doc.date_source = "metadata";
    }
  }
  doc.text = std::move(text);
  if (Trim(doc.text).empty())
    return Status::Invalid("document has no text after its metadata", {path});
  CompleteFromText(&doc);
  UnwrapLines(&doc);
  return doc;
}

namespace {

// One line of a .jsonl file: its document, or nullopt after on_error has
// been told why not.
std::optional<Document> ParseJsonLine(std::string_view line, const std::string& path,
                                      int line_number,
                                      const std::function<void(const Status&)>& on_error) {
  auto fail = [&](const std::string& message, int column) {
    on_error(Status::Invalid(message, {path, line_number, column}));
  };
  rapidjson::Document json;
  json.Parse<kJsonFlags>(line.data(), line.size());
  if (json.HasParseError()) {
    fail(rapidjson::GetParseError_En(json.GetParseError()),
         static_cast<int>(json.GetErrorOffset()) + 1);
    return std::nullopt;
  }
  if (!json.IsObject()) {
    fail("line is not a JSON object", 1);
    return std::nullopt;
  }
  if (std::string key = FirstNonUnicodeMember(json); !key.empty()) {
    fail(NotUnicodeMessage(key), 1);
    return std::nullopt;
  }
  // A field of the wrong type is an error, not a field left out.
  const char* wrong = nullptr;
  for (const char* key : {"id", "title", "published", "url", "source", "text"}) {
    auto it = json.FindMember(key);
    if (it != json.MemberEnd() && !it->value.IsString() && !it->value.IsNull()) {
      wrong = key;
      break;
    }
  }
  if (wrong) {
    size_t at = FindJsonPath(line, wrong);
    fail("\"" + std::string(wrong) + "\" is not a string",
         at == std::string_view::npos ? 0 : static_cast<int>(at) + 1);
    return std::nullopt;
  }
  auto get = [&](const char* key) -> std::optional<std::string> {
    auto it = json.FindMember(key);
    if (it == json.MemberEnd() || !it->value.IsString()) return std::nullopt;
    return std::string(it->value.GetString(), it->value.GetStringLength());
  };
  std::optional<std::string> text = get("text");
  if (!text) {
    fail("missing \"text\" string", 1);
    return std::nullopt;
  }
  Document doc;
  doc.path = path;
  doc.first_line = line_number;
  const std::string stem = path == "-" ? "stdin" : fs::path(path).stem().string();
  doc.id = get("id").value_or(stem + "-" + std::to_string(line_number));
  doc.meta.title = get("title").value_or("");
  doc.meta.url = get("url").value_or("");
  doc.meta.source = get("source").value_or("");
  if (auto published = get("published")) {
    std::string_view day = std::string_view(*published).substr(0, published->find('T'));
    if (Status s = ParseDateField(day, {path, line_number, 0}, &doc.meta.published); !s.ok()) {
      on_error(s);
      return std::nullopt;
    }
    doc.date_source = "metadata";
  }
  if (Status s = CheckText(*text, path, line_number); !s.ok()) {
    on_error(s);
    return std::nullopt;
  }
  doc.text = NormalizeText(*text);
  CompleteFromText(&doc);
  UnwrapLines(&doc);
  return doc;
}

}  // namespace

namespace {

// Numbers the lines of a .jsonl file, drops its BOM and blank lines, and
// parses the others: one for the whole-text and the streaming readers.
class JsonLineReader {
 public:
  JsonLineReader(const std::string& path, const std::function<void(Document)>& on_document,
                 const std::function<void(const Status&)>& on_error)
      : path_(path), on_document_(on_document), on_error_(on_error) {}

  // One line, without its '\n'.
  void Line(std::string_view line) {
    ++line_number_;
    if (line_number_ == 1 && line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
    if (Trim(line).empty()) return;
    if (std::optional<Document> doc = ParseJsonLine(line, path_, line_number_, on_error_)) {
      doc->input_bytes = line.size() + 1;
      on_document_(std::move(*doc));
    }
  }
  // A line too long to be read: reported, and counted.
  void TooLong() {
    on_error_(Status::Invalid("line of more than 1 GiB; skipped", {path_, ++line_number_, 0}));
  }

 private:
  const std::string& path_;
  std::function<void(Document)> on_document_;
  std::function<void(const Status&)> on_error_;
  int line_number_ = 0;
};

// Reads a descriptor a chunk at a time, as UTF-8: input that starts with a
// UTF-16 or UTF-32 byte-order mark is decoded as it comes (a UTF-8 mark is
// left for the parsers to drop). `head` holds bytes already read from it.
class Utf8Chunks {
 public:
  Utf8Chunks(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  // The next chunk, valid until the next call; false at the end of the
  // input or after an error, which status() then holds.
  bool Next(std::string_view* chunk) {
    if (done_) return false;
    if (!started_) {
      started_ = true;
      // Four bytes tell every mark apart (a pipe may give fewer at once).
      std::string head;
      while (head.size() < 4) {
        std::string_view more;
        if (!Read(&more)) break;
        head.append(more);
      }
      if (!status_.ok()) return false;
      const ByteOrderMark mark = DetectByteOrderMark(head);
      if (mark.encoding != TextEncoding::kUtf8) {
        decoder_ = std::make_unique<Utf8Decoder>(mark.encoding, path_, mark.size);
        head.erase(0, mark.size);
      }
      if (head.empty() && at_end_) return Finish(chunk);
      if (!decoder_) {
        own_ = std::move(head);
        *chunk = own_;
        return true;
      }
      return Decode(head, chunk);
    }
    std::string_view bytes;
    if (!Read(&bytes)) return status_.ok() ? Finish(chunk) : false;
    if (!decoder_) {
      *chunk = bytes;  // In buffer_, which the next read overwrites.
      return true;
    }
    return Decode(bytes, chunk);
  }

  const Status& status() const { return status_; }

 private:
  static constexpr size_t kChunk = size_t{1} << 20;

  bool Read(std::string_view* bytes) {
    if (at_end_) return false;
    if (!buffer_) buffer_ = std::make_unique_for_overwrite<char[]>(kChunk);  // Not zeroed.
    for (;;) {
      const ssize_t n = ::read(fd_, buffer_.get(), kChunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        status_ = Status::Io(std::string("read failed: ") + std::strerror(errno), {path_});
        done_ = true;
        return false;
      }
      if (n == 0) {
        at_end_ = true;
        return false;
      }
      *bytes = std::string_view(buffer_.get(), static_cast<size_t>(n));
      return true;
    }
  }

  bool Decode(std::string_view bytes, std::string_view* chunk) {
    own_.clear();
    if (Status s = decoder_->Decode(bytes, false, &own_); !s.ok()) {
      // The text before the error comes first; the error with the next call.
      status_ = s;
      done_ = true;
      *chunk = own_;
      return !own_.empty();
    }
    *chunk = own_;
    return true;
  }

  // The end: what a decoder still holds (a character cut off is an error).
  bool Finish(std::string_view* chunk) {
    done_ = true;
    if (!decoder_) return false;
    own_.clear();
    if (Status s = decoder_->Decode({}, true, &own_); !s.ok()) status_ = s;
    *chunk = own_;
    return !own_.empty();
  }

  int fd_;
  std::string path_;
  std::unique_ptr<char[]> buffer_;
  std::unique_ptr<Utf8Decoder> decoder_;
  std::string own_;
  Status status_;
  bool started_ = false, at_end_ = false, done_ = false;
};

// Cuts a stream of UTF-8 chunks into the lines of a .jsonl file, a line
// longer than kMaxDocumentBytes skipped and reported.
class JsonLineSplitter {
 public:
  explicit JsonLineSplitter(JsonLineReader* reader) : reader_(reader) {}

  void Feed(std::string_view chunk) {
    for (size_t newline = chunk.find('\n'); newline != std::string_view::npos;
         newline = chunk.find('\n')) {
      if (skipping_) {
        skipping_ = false;
      } else if (pending_.empty()) {
        reader_->Line(chunk.substr(0, newline));
      } else if (pending_.size() + newline > kMaxDocumentBytes) {
        reader_->TooLong();
        pending_.clear();
      } else {
        pending_.append(chunk.substr(0, newline));
        reader_->Line(pending_);
        pending_.clear();
      }
      chunk.remove_prefix(newline + 1);
    }
    if (skipping_) return;
    pending_.append(chunk);
    if (pending_.size() > kMaxDocumentBytes) {
      reader_->TooLong();  // Counted now; its end is skipped when it comes.
      pending_.clear();
      pending_.shrink_to_fit();
      skipping_ = true;
    }
  }

  // The last line, when the input does not end with a line end.
  void Finish() {
    if (!skipping_ && !pending_.empty()) reader_->Line(pending_);
    pending_.clear();
  }

 private:
  JsonLineReader* reader_;
  std::string pending_;    // The start of a line whose end is not read yet.
  bool skipping_ = false;  // Inside a line too long to be a document, already reported.
};

// Streams the .jsonl lines of `in`, after `head` (text read from it
// already).
void StreamJsonLinesFrom(Utf8Chunks* in, std::string_view head, const std::string& path,
                         const std::function<void(Document)>& on_document,
                         const std::function<void(const Status&)>& on_error) {
  JsonLineReader reader(path, on_document, on_error);
  JsonLineSplitter lines(&reader);
  lines.Feed(head);
  std::string_view chunk;
  while (in->Next(&chunk)) lines.Feed(chunk);
  // A line cut off by a read error would be reported as broken JSON: the
  // error says more.
  if (!in->status().ok()) return on_error(in->status());
  lines.Finish();
}

}  // namespace

std::vector<Document> ParseJsonLines(std::string_view content, const std::string& path,
                                     const std::function<void(const Status&)>& on_error) {
  std::vector<Document> docs;
  // UTF-16 and UTF-32 decoded; text that stops being a character stops
  // the file there, after its whole lines, as when it is streamed.
  std::string decoded;
  Status decoding;
  if (DetectByteOrderMark(content).encoding != TextEncoding::kUtf8) {
    decoding = DecodeToUtf8(content, path, &decoded);
    if (!decoding.ok()) decoded.erase(decoded.rfind('\n') + 1);  // npos + 1 = 0.
    content = decoded;
  }
  JsonLineReader reader(
      path, [&](Document doc) { docs.push_back(std::move(doc)); }, on_error);
  while (!content.empty()) {
    size_t end = std::min(content.find('\n'), content.size());
    reader.Line(content.substr(0, end));
    content.remove_prefix(std::min(end + 1, content.size()));
  }
  if (!decoding.ok()) on_error(decoding);
  return docs;
}

void StreamJsonLines(const std::string& path, const std::function<void(Document)>& on_document,
                     const std::function<void(const Status&)>& on_error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return on_error(Status::NotFound("no such file", {path}));
  if (fd < 0) {
    return on_error(Status::Io(std::string("cannot open: ") + std::strerror(errno), {path}));
  }
  Utf8Chunks in(fd, path);
  StreamJsonLinesFrom(&in, {}, path, on_document, on_error);
  ::close(fd);
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether the first line of standard input that is not blank (all of it:
// `head` ends with a line end, or holds the whole input) makes it a
// .jsonl stream: a JSON object with a "text" member. Prose never starts so.
bool LooksLikeJsonLines(std::string_view head) {
  if (head.substr(0, 3) == kBom) head.remove_prefix(3);
  const size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return false;
  std::string_view line = head.substr(start);
  line = line.substr(0, line.find('\n'));
  rapidjson::Document json;
  json.Parse<kJsonFlags>(line.data(), line.size());
  return !json.HasParseError() && json.IsObject() && json.HasMember("text");
}

// Standard input: one text document, or a .jsonl stream read a line at a
// time (options.stdin_format; auto tells them apart by the first line).
void ReadStandardInput(const ReadOptions& options, const std::function<void(Document)>& deliver,
                       const std::function<void(const Status&)>& on_error) {
  Utf8Chunks in(STDIN_FILENO, "-");
  struct stat st;
  const bool regular = ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
  std::string head;
  std::string_view chunk;
  bool more = true;
  if (options.stdin_format == StdinFormat::kAuto) {
    // Up to the end of the first line with something on it.
    auto first_line_read = [&] {
      const size_t start = head.find_first_not_of(" \t\r\n");
      return start != std::string::npos && head.find('\n', start) != std::string::npos;
    };
    while (!first_line_read() && head.size() <= kMaxDocumentBytes && (more = in.Next(&chunk))) {
      head.append(chunk);
    }
  }
  if (options.stdin_format == StdinFormat::kJsonLines ||
      (options.stdin_format == StdinFormat::kAuto && LooksLikeJsonLines(head))) {
    return StreamJsonLinesFrom(&in, head, "-", deliver, on_error);
  }
  // One document: all of it, within the limit of one document. A pipe or a
  // device that gives a NUL byte is stopped there: it may never end
  // (/dev/zero), and documents hold none.
  auto binary = [&](std::string_view text) {
    return !regular && text.find('\0') != std::string_view::npos &&
           !LooksLikeUnmarkedUtf16(head.empty() ? text : head);  // Told apart later.
  };
  if (!in.status().ok()) return on_error(in.status());
  if (binary(head)) return on_error(Status::Invalid("binary data (a NUL byte), not text", {"-"}));
  while (more && (more = in.Next(&chunk))) {
    if (binary(chunk))
      return on_error(Status::Invalid("binary data (a NUL byte), not text", {"-"}));
    if (head.size() + chunk.size() > kMaxDocumentBytes) {
      return on_error(Status::Invalid("more than 1 GiB to read; stopped there", {"-"}));
    }
    head.append(chunk);
  }
  if (!in.status().ok()) return on_error(in.status());
  if (head.size() > kMaxDocumentBytes) {
    return on_error(Status::Invalid("more than 1 GiB to read; stopped there", {"-"}));
  }
  Result<Document> doc = ParseTextDocument(head, "-", nullptr);
  if (!doc.ok()) return on_error(doc.status());
  doc->input_bytes = head.size();
  deliver(std::move(*doc));
}

void ReadOne(const std::string& path, const ReadOptions& options,
             const std::function<void(Document)>& on_document,
             const std::function<void(const Status&)>& on_error, size_t* count) {
  auto deliver = [&](Document doc) {
    if (doc.meta.published.is_null() && !options.default_date.is_null()) {
      doc.meta.published = options.default_date;
      doc.date_source = "command-line";
    }
    ++*count;
    on_document(std::move(doc));
  };
  if (path == "-") return ReadStandardInput(options, deliver, on_error);
  // A graph or a metadata file named by mistake would be read as prose.
  if (EndsWith(path, ".json")) {
    return on_error(Status::Invalid(
        "a .json file is not a document: documents are .txt or .jsonl; to add documents to a "
        "graph use 'etkg ingest --into GRAPH', to join graphs 'etkg merge'",
        {path}));
  }
  // A .jsonl file holds many documents: read a line at a time.
  if (EndsWith(path, ".jsonl")) return StreamJsonLines(path, deliver, on_error);
  Result<std::string> content = ReadFileToString(path, kMaxDocumentBytes);
  if (!content.ok()) return on_error(content.status());
  DocumentMeta sidecar;
  bool has_sidecar = false;
  fs::path meta_path = fs::path(path).replace_extension(".meta.json");
  std::error_code ec;
  if (fs::exists(meta_path, ec)) {
    Result<std::string> meta_text = ReadFileToString(meta_path.string());
    if (!meta_text.ok()) return on_error(meta_text.status());
    Result<DocumentMeta> meta = ParseMetaJson(*meta_text, meta_path.string());
    if (!meta.ok()) return on_error(meta.status());
    sidecar = *meta;
    has_sidecar = true;
  }
  Result<Document> doc = ParseTextDocument(*content, path, has_sidecar ? &sidecar : nullptr);
  if (!doc.ok()) return on_error(doc.status());
  doc->input_bytes = content->size();
  deliver(std::move(*doc));
}

bool IsDocumentFile(const fs::path& p) {
  std::string name = p.filename().string();
  if (EndsWith(name, ".meta.json")) return false;
  return EndsWith(name, ".txt") || EndsWith(name, ".jsonl");
}

// Walks a directory tree for its document files. Links to folders are
// followed, as a user who put them there expects; a link back to a folder
// it lies in (a loop) is reported and not followed, and a folder reached
// again through another link is not read twice. Whatever is skipped is
// reported: a folder that cannot be listed, a link to a document that
// leads nowhere, a document name on something that is not a file.
class DocumentWalk {
 public:
  explicit DocumentWalk(const std::function<void(const Status&)>& on_error) : on_error_(on_error) {}

  void Folder(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return Report("cannot list directory", errno, dir);
    const Key key{st.st_dev, st.st_ino};
    listed_.insert(key);
    chain_.push_back({key, dir});
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    std::vector<fs::path> entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
    if (ec) Report("cannot list directory", ec.value(), dir);
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) Entry(entry);
    chain_.pop_back();
  }

  std::vector<std::string> TakeFiles() {
    std::sort(files_.begin(), files_.end());
    return std::move(files_);
  }

 private:
  using Key = std::pair<dev_t, ino_t>;

  void Report(const std::string& what, int error, const fs::path& path) {
    if (on_error_) on_error_(Status::Io(what + ": " + std::strerror(error), {path.string()}));
  }
  void Report(const std::string& message, const fs::path& path) {
    if (on_error_) on_error_(Status::Invalid(message, {path.string()}));
  }

  void Entry(const fs::path& path) {
    struct stat link;
    if (::lstat(path.c_str(), &link) != 0) {
      if (IsDocumentFile(path)) Report("cannot read", errno, path);
      return;
    }
    struct stat st = link;
    if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &st) != 0) {
      // A link to a folder that is gone may have held documents too, but
      // nothing says so; a document's name says it was one.
      const int error = errno;
      if (!IsDocumentFile(path)) return;
      if (error == ELOOP) return Report("a loop of links; skipped", path);
      if (error != ENOENT) return Report("cannot read", error, path);
      std::error_code ec;
      const fs::path target = fs::read_symlink(path, ec);
      return Report("a link to " + target.string() + ", which does not exist; skipped", path);
    }
    if (S_ISDIR(st.st_mode)) {
      const Key key{st.st_dev, st.st_ino};
      for (const auto& [ancestor, name] : chain_) {
        if (ancestor == key) {
          return Report("leads back to " + name.string() + ", which holds it: a loop; not followed",
                        path);
        }
      }
      if (listed_.count(key)) return;  // Read already, through another path.
      return Folder(path);
    }
    if (!IsDocumentFile(path)) return;
    if (S_ISREG(st.st_mode)) {
      files_.push_back(path.string());
    } else {
      Report("not a regular file (a device, fifo or socket); skipped", path);
    }
  }

  const std::function<void(const Status&)>& on_error_;
  std::vector<std::pair<Key, fs::path>> chain_;  // The folders being listed, outermost first.
  std::set<Key> listed_;
  std::vector<std::string> files_;
};

// The document files under a directory, in name order.
std::vector<std::string> DocumentFiles(const std::string& dir,
                                       const std::function<void(const Status&)>& on_error) {
  DocumentWalk walk(on_error);
  walk.Folder(dir);
  return walk.TakeFiles();
}

}  // namespace

size_t ReadDocuments(const std::vector<std::string>& paths, const ReadOptions& options,
                     const std::function<void(Document)>& on_document,
                     const std::function<void(const Status&)>& on_error) {
  size_t count = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      for (const std::string& file : DocumentFiles(path, on_error)) {
        ReadOne(file, options, on_document, on_error, &count);
      }
    } else {
      ReadOne(path, options, on_document, on_error, &count);
    }
  }
  return count;
}

uint64_t InputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  auto add = [&](const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return;
    uintmax_t size = fs::file_size(file, ec);
    if (!ec) total += size;
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") continue;
    if (fs::is_directory(path, ec)) {
      for (const std::string& file : DocumentFiles(path, nullptr)) add(file);
    } else {
      add(path);
    }
  }
  return total;
}

}  // namespace etkg
