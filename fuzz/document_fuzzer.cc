// Fuzzes the document reader: a .txt document (front matter, dateline), the
// same with a sidecar .meta.json, and a .jsonl file.
//
// Input: the whole input is a text document and a .jsonl file. When it
// holds a NUL byte, the bytes before the first one are also read as a
// sidecar .meta.json and the bytes after it as the document it describes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
  for (const etkg::Document& doc :
       etkg::ParseJsonLines(input, "fuzz.jsonl", [](const etkg::Status& status) {
         ETKG_FUZZ_CHECK(!status.ok(), "only errors are reported");
         ETKG_FUZZ_CHECK(!status.message().empty(), "an error says what is wrong");
       })) {
    CheckDocument(doc);
  }

  if (size_t nul = input.find('\0'); nul != std::string_view::npos) {
    etkg::Result<etkg::DocumentMeta> meta =
        etkg::ParseMetaJson(input.substr(0, nul), "fuzz.meta.json");
    if (meta.ok()) ReadText(input.substr(nul + 1), &*meta);
  }
  return 0;
}
