// Reading source documents: .txt files (with a sidecar NAME.meta.json, a
// front-matter block or a dateline), .jsonl files, directories and stdin.
#ifndef ETKG_LOADERS_DOCUMENT_H_
#define ETKG_LOADERS_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.h"
#include "graph/status.h"

namespace etkg {

// Metadata about a document, from the strongest source that had it.
struct DocumentMeta {
  std::string title;
  PartialDate published;  // Null when unknown.
  std::string url;
  std::string source;
};

struct Document {
  std::string id;      // File stem, or the "id" of a .jsonl line.
  std::string path;    // As given, for messages; "-" for stdin.
  int first_line = 1;  // Line of `path` where the document starts (.jsonl).
  DocumentMeta meta;
  // Where meta.published came from: "metadata", "front-matter",
  // "dateline", "command-line" or "" when unknown.
  std::string date_source;
  std::string dateline_place;
  // Bytes of `text` that the dateline takes ("MOSCOW, November 22, 2017 —");
  // its date is the document's, not an event's.
  size_t dateline_end = 0;
  // The body, UTF-8, without BOM or front matter, line ends as "\n".
  std::string text;
  // Bytes of input it was read from (its file, or its .jsonl line), for
  // progress reports; 0 when unknown.
  size_t input_bytes = 0;
};

// Parses a sidecar NAME.meta.json ({"title", "published", "url", "source"}).
Result<DocumentMeta> ParseMetaJson(std::string_view text, const std::string& file);

// Parses one .txt document. `sidecar` (may be null) wins over front matter,
// which wins over a dateline. Returns InvalidInput for empty, binary or
// non-UTF-8 text, naming the line and column.
Result<Document> ParseTextDocument(std::string_view content, const std::string& path,
                                   const DocumentMeta* sidecar);

// Parses a .jsonl file: one {"id","title","published","url","text"} a line.
// A bad line is reported through `on_error` and skipped.
std::vector<Document> ParseJsonLines(std::string_view content, const std::string& path,
                                     const std::function<void(const Status&)>& on_error);

// Reads a .jsonl file a line at a time, handing each good document to
// `on_document` as it is read (the file is never held whole) and each bad
// line to `on_error`. A line of more than kMaxDocumentBytes is skipped.
void StreamJsonLines(const std::string& path, const std::function<void(Document)>& on_document,
                     const std::function<void(const Status&)>& on_error);

// What standard input ("-") holds.
enum class StdinFormat {
  // JSON lines when its first line that is not blank is a JSON object with a
  // "text" member (as a .jsonl file's lines are; prose never starts so), one
  // text document otherwise.
  kAuto,
  kJsonLines,  // Read as a .jsonl file is: a line at a time.
  kText,       // One .txt document.
};

struct ReadOptions {
  // Used when a document gives no date of its own.
  PartialDate default_date;
  StdinFormat stdin_format = StdinFormat::kAuto;
};

// Reads every document under `paths` (files, directories read recursively in
// name order, "-" for stdin as options.stdin_format says) and hands each to
// `on_document`, in a stable order. Text in UTF-16 or UTF-32 with a
// byte-order mark is read as UTF-8. Directories are read through links to
// folders, each folder once; a link back to a folder it lies in is a loop,
// not followed. Unreadable or bad documents go to `on_error` and are
// skipped, and so does everything else skipped: a folder that cannot be
// listed, a loop, a document name that is a broken link or no file.
// Returns the number of documents read.
size_t ReadDocuments(const std::vector<std::string>& paths, const ReadOptions& options,
                     const std::function<void(Document)>& on_document,
                     const std::function<void(const Status&)>& on_error);

// Bytes of the files ReadDocuments would read under `paths` (standard
// input not counted): the total for a progress bar.
uint64_t InputBytes(const std::vector<std::string>& paths);

}  // namespace etkg

#endif  // ETKG_LOADERS_DOCUMENT_H_
