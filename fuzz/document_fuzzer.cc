// Fuzzes the document reader: a .txt document (front matter, dateline), the
// same with a sidecar .meta.json, and a .jsonl file, parsed whole and
// streamed from a file.
//
// Input: the whole input is a text document and a .jsonl file. When it
// holds a NUL byte, the bytes before the first one are also read as a
// sidecar .meta.json and the bytes after it as the document it describes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "graph/status.h"
#include "loaders/document.h"
#include "loaders/text_util.h"

namespace {

void CheckDocument(const etkg::Document& doc) {
  ETKG_FUZZ_CHECK(doc.dateline_end <= doc.text.size(), "the dateline lies inside the text");
  ETKG_FUZZ_CHECK(doc.text.find('\r') == std::string::npos, "line ends are normalised");
  ETKG_FUZZ_CHECK(doc.first_line >= 1, "lines count from 1");
  for (const std::string* s : {&doc.id, &doc.meta.title, &doc.meta.url, &doc.meta.source,
                               &doc.dateline_place, &doc.text}) {
    ETKG_FUZZ_CHECK(etkg::FindInvalidUtf8(*s) == std::string::npos, "every string is UTF-8");
  }
}

void ReadText(std::string_view content, const etkg::DocumentMeta* sidecar) {
  etkg::Result<etkg::Document> doc = etkg::ParseTextDocument(content, "fuzz.txt", sidecar);
  if (doc.ok()) {
    CheckDocument(*doc);
  } else {
    ETKG_FUZZ_CHECK(!doc.status().message().empty(), "an error says what is wrong");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  ReadText(input, nullptr);
  // A .jsonl file, whole and streamed from a file as ingest reads it: the
  // same documents and the same errors.
  MemoryFile file(input);
  std::vector<std::string> errors, streamed_errors;
  std::vector<etkg::Document> whole =
      etkg::ParseJsonLines(input, file.path(), [&](const etkg::Status& status) {
        ETKG_FUZZ_CHECK(!status.ok(), "only errors are reported");
        ETKG_FUZZ_CHECK(!status.message().empty(), "an error says what is wrong");
        errors.push_back(status.ToString());
      });
  std::vector<etkg::Document> streamed;
  etkg::StreamJsonLines(
      file.path(), [&](etkg::Document doc) { streamed.push_back(std::move(doc)); },
      [&](const etkg::Status& status) { streamed_errors.push_back(status.ToString()); });
  ETKG_FUZZ_CHECK(errors == streamed_errors, "streamed .jsonl gives the same errors");
  ETKG_FUZZ_CHECK(whole.size() == streamed.size(), "streamed .jsonl gives the same documents");
  for (size_t i = 0; i < whole.size(); ++i) {
    CheckDocument(whole[i]);
    ETKG_FUZZ_CHECK(whole[i].id == streamed[i].id && whole[i].text == streamed[i].text &&
                        whole[i].first_line == streamed[i].first_line,
                    "streamed .jsonl gives the same documents");
  }

  if (size_t nul = input.find('\0'); nul != std::string_view::npos) {
    etkg::Result<etkg::DocumentMeta> meta =
        etkg::ParseMetaJson(input.substr(0, nul), "fuzz.meta.json");
    if (meta.ok()) ReadText(input.substr(nul + 1), &*meta);
  }
  return 0;
}
