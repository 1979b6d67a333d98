// A deterministic generator of realistic diplomatic articles — readouts,
// news reports and commentary — for benchmarking extraction on corpora of
// any size. The leaders, places, summits and issues come from
// Gazetteer::Default(), so every name is one the extractor matches; the
// sentences are our own templates.
#ifndef ETKG_BENCH_CORPUS_GENERATOR_H_
#define ETKG_BENCH_CORPUS_GENERATOR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "loaders/document.h"

namespace etkg {

// Hands `on_document` generated documents until their texts add up to at
// least `target_bytes` (the last document crosses the line). The same
// (target_bytes, seed) gives the same documents, byte for byte, on every
// machine: the random numbers come from a seeded xorshift, never the clock,
// and no std:: distribution is used. A smaller target gives a prefix of a
// larger one.
//
// Each Document is the one the loaders give for the file it is meant to be
// written as (generate_corpus writes them so):
//  - `path` names that file, relative to the corpus folder:
//    "000042-call-putin-trump.txt", or "wire.jsonl" with `first_line` the
//    document's line in it;
//  - `date_source` says where its date is kept: "metadata" (a sidecar
//    NAME.meta.json beside a .txt, or the fields of the .jsonl line),
//    "front-matter" (a key: value block on top of the .txt, no longer in
//    `text`), "dateline" (in `text`), or "" when only the dates in the
//    body tell.
void GenerateCorpus(size_t target_bytes, uint64_t seed,
                    const std::function<void(Document)>& on_document);

// The same documents, collected.
std::vector<Document> GenerateCorpus(size_t target_bytes, uint64_t seed);

// A byte count as the bench tools take it: "20000", "512K", "20M", "1G"
// (binary multiples: 20M is 20 MiB). Nullopt when malformed or zero.
std::optional<size_t> ParseByteCount(std::string_view text);

}  // namespace etkg

#endif  // ETKG_BENCH_CORPUS_GENERATOR_H_
