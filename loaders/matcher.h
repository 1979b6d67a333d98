// Finds every gazetteer name and every cue phrase of a text in one pass,
// with Hyperscan's multi-literal matcher.
#ifndef ETKG_LOADERS_MATCHER_H_
#define ETKG_LOADERS_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "loaders/gazetteer.h"

namespace etkg {

enum class EntityType : uint8_t {
  kLeader,
  kSummit,
  kOrganization,
  kPlace,
  kDemonym,      // "Russian": the place it names.
  kInstitution,  // "White House": a country's government.
  kIssue,
  kCue,  // A word of the extractor's lexicon: "phone call", "president".
};

// One thing a literal stands for: an entry of the gazetteer (its index in
// the section of `type`) or of the cue lexicon.
struct MatchTarget {
  EntityType type;
  uint32_t index;
};

// A cue phrase the extractor wants found; `index` comes back in MatchTarget.
struct CueLiteral {
  std::string text;
  uint32_t index;
  bool caseless = true;
};

struct Mention {
  uint32_t begin = 0;  // Byte range in the text.
  uint32_t end = 0;
  // Everything the matched literal stands for ("Syria": a place and an issue).
  const MatchTarget* targets = nullptr;
  uint32_t num_targets = 0;

  bool Has(EntityType type) const;
  // First target of `type`, or nullptr.
  const MatchTarget* Find(EntityType type) const;
};

class NameMatcher {
 public:
  // Compiles the names of `gazetteer` and the `cues`. Returns Internal if
  // Hyperscan rejects them.
  static Result<NameMatcher> Build(const Gazetteer& gazetteer, const std::vector<CueLiteral>& cues);

  NameMatcher(NameMatcher&&) noexcept;
  NameMatcher& operator=(NameMatcher&&) noexcept;
  ~NameMatcher();

  // Mentions in text order, at word boundaries, without overlaps: where two
  // literals overlap the longer wins, then the one further left. Thread-safe.
  std::vector<Mention> Find(std::string_view text) const;

  size_t num_literals() const;

 private:
  NameMatcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when the UTF-8 code point ending just before `pos` (or starting at
// `pos`) is a letter or digit; used to keep matches on word boundaries.
bool IsWordCharBefore(std::string_view text, size_t pos);
bool IsWordCharAt(std::string_view text, size_t pos);

}  // namespace etkg

#endif  // ETKG_LOADERS_MATCHER_H_
