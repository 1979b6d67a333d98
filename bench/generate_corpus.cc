// Writes a generated corpus to a folder, as `etkg ingest` reads it: one .txt
// per article (with a sidecar NAME.meta.json or a front-matter block when
// the article has its date there), and the wire articles as lines of one
// wire.jsonl.
//
//   generate_corpus --bytes 100M --seed 1 --out DIR
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <CLI/CLI.hpp>

#include "bench/corpus_generator.h"
#include "graph/status.h"

namespace etkg {
namespace {

namespace fs = std::filesystem;

enum ExitCode {
  kExitOk = 0,
  kExitIoError = 1,
  kExitUsage = 2,
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Adds "key": "value" to an object under way; false if the writer refused.
bool Field(rapidjson::Writer<rapidjson::StringBuffer>* writer, const char* key,
           const std::string& value) {
  return writer->Key(key) &&
         writer->String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

// The sidecar of a .txt, or (with `id` and `text`) one .jsonl line, without
// its line end.
Result<std::string> MetaJson(const Document& doc, bool with_text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  bool ok = writer.StartObject();
  if (with_text) ok = ok && Field(&writer, "id", doc.id);
  ok = ok && Field(&writer, "title", doc.meta.title) &&
       Field(&writer, "published", doc.meta.published.ToString()) &&
       Field(&writer, "url", doc.meta.url) && Field(&writer, "source", doc.meta.source);
  if (with_text) ok = ok && Field(&writer, "text", doc.text);
  ok = ok && writer.EndObject();
  if (!ok) return Status::Internal("cannot write the metadata of " + doc.path + " as JSON");
  return std::string(buffer.GetString(), buffer.GetSize());
}

Status WriteFile(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return Status::Io("cannot write", {path.string()});
  return Status::Ok();
}

struct Counts {
  size_t documents = 0, text_bytes = 0, txt = 0, sidecars = 0, front_matter = 0, jsonl = 0;
};

int Run(size_t bytes, uint64_t seed, const fs::path& out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "generate_corpus: " << out_dir.string() << ": cannot create: " << ec.message()
              << "\n";
    return kExitIoError;
  }
  fs::path jsonl_path = out_dir / "wire.jsonl";
  std::ofstream jsonl(jsonl_path, std::ios::binary | std::ios::trunc);
  Counts counts;
  Status failure;
  GenerateCorpus(bytes, seed, [&](Document doc) {
    if (!failure.ok()) return;
    ++counts.documents;
    counts.text_bytes += doc.text.size();
    if (EndsWith(doc.path, ".jsonl")) {
      Result<std::string> line = MetaJson(doc, /*with_text=*/true);
      if (!line.ok()) {
        failure = line.status();
        return;
      }
      jsonl << *line << '\n';
      if (!jsonl) failure = Status::Io("cannot write", {jsonl_path.string()});
      ++counts.jsonl;
      return;
    }
    fs::path path = out_dir / doc.path;
    ++counts.txt;
    if (doc.date_source == "metadata") {
      Result<std::string> sidecar = MetaJson(doc, /*with_text=*/false);
      if (!sidecar.ok()) {
        failure = sidecar.status();
        return;
      }
      failure = WriteFile(fs::path(path).replace_extension(".meta.json"), *sidecar + "\n");
      ++counts.sidecars;
    } else if (doc.date_source == "front-matter") {
      std::string head = "title: " + doc.meta.title +
                         "\npublished: " + doc.meta.published.ToString() +
                         "\nurl: " + doc.meta.url + "\nsource: " + doc.meta.source + "\n\n";
      failure = WriteFile(path, head + doc.text);
      ++counts.front_matter;
      return;
    }
    if (failure.ok()) failure = WriteFile(path, doc.text);
  });
  jsonl.close();
  if (failure.ok() && !jsonl) failure = Status::Io("cannot write", {jsonl_path.string()});
  if (!failure.ok()) {
    std::cerr << "generate_corpus: " << failure.ToString() << "\n";
    return kExitIoError;
  }
  std::cerr << "generate_corpus: " << counts.documents << " documents, " << counts.text_bytes
            << " bytes of text in " << out_dir.string() << ": " << counts.txt << " .txt ("
            << counts.sidecars << " with a .meta.json, " << counts.front_matter
            << " with front matter), " << counts.jsonl << " lines of wire.jsonl\n";
  return kExitOk;
}

}  // namespace
}  // namespace etkg

int main(int argc, char** argv) {
  CLI::App app("Write a generated corpus of diplomatic articles for etkg benchmarks.",
               "generate_corpus");
  std::string bytes_text;
  uint64_t seed = 1;
  std::string out_dir;
  app.add_option("--bytes", bytes_text, "Text to generate: 20000, 512K, 100M, 1G (binary units)")
      ->required();
  app.add_option("--seed", seed, "Seed; the same seed gives the same corpus")
      ->capture_default_str();
  app.add_option("--out", out_dir, "Folder to write into (created if missing)")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return etkg::kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << "generate_corpus: " << e.what() << "\n"
              << "Run 'generate_corpus --help' for the options.\n";
    return etkg::kExitUsage;
  }
  std::optional<size_t> bytes = etkg::ParseByteCount(bytes_text);
  if (!bytes) {
    std::cerr << "generate_corpus: --bytes '" << bytes_text
              << "' is not a size (expected e.g. 100M)\n";
    return etkg::kExitUsage;
  }
  return etkg::Run(*bytes, seed, out_dir);
}
