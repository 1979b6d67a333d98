#include "loaders/matcher.h"

#include "graph/text.h"

#include <hs/hs.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace etkg {
namespace {

// Letters and digits continue a word. Bytes of multi-byte UTF-8 sequences
// count as letters, except punctuation from U+2000..U+206F (dashes, curly
// quotes, ellipsis) and U+00A0..U+00BF (no-break space, guillemets, ...).
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp >= 0xA0 && cp <= 0xBF) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp != 0xD7 && cp != 0xF7;
}

uint32_t DecodeAt(std::string_view text, size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c;
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len && pos + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  }
  return cp;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

bool IsWordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return IsWordCodePoint(DecodeAt(text, start));
}

bool IsWordCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return IsWordCodePoint(DecodeAt(text, pos));
}

bool Mention::Has(EntityType type) const { return Find(type) != nullptr; }

const MatchTarget* Mention::Find(EntityType type) const {
  for (uint32_t i = 0; i < num_targets; ++i) {
    if (targets[i].type == type) return &targets[i];
  }
  return nullptr;
}

struct NameMatcher::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::vector<uint32_t> lengths;                  // By literal id.
  std::vector<std::vector<MatchTarget>> targets;  // By literal id.
  std::mutex scratch_mutex;
  std::vector<hs_scratch_t*> free_scratch;

  ~Impl() {
    for (hs_scratch_t* s : free_scratch) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
  }

  // Hyperscan scratch space is per thread: keep a pool.
  hs_scratch_t* Acquire() {
    std::lock_guard<std::mutex> lock(scratch_mutex);
    if (!free_scratch.empty()) {
      hs_scratch_t* s = free_scratch.back();
      free_scratch.pop_back();
      return s;
    }
    hs_scratch_t* s = nullptr;
    hs_clone_scratch(prototype, &s);
    return s;
  }
  void Release(hs_scratch_t* s) {
    std::lock_guard<std::mutex> lock(scratch_mutex);
    free_scratch.push_back(s);
  }
};

NameMatcher::NameMatcher() : impl_(std::make_unique<Impl>()) {}
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;
NameMatcher::~NameMatcher() = default;

size_t NameMatcher::num_literals() const { return impl_->lengths.size(); }

Result<NameMatcher> NameMatcher::Build(const Gazetteer& g, const std::vector<CueLiteral>& cues) {
  // Literal text (and case mode) -> everything it stands for.
  std::map<std::pair<std::string, bool>, std::vector<MatchTarget>> literals;
  auto add = [&](const std::string& text, EntityType type, size_t index, bool caseless) {
    if (text.size() < 2) return;
    auto& list = literals[{text, caseless}];
    MatchTarget t{type, static_cast<uint32_t>(index)};
    bool seen = std::any_of(list.begin(), list.end(), [&](const MatchTarget& m) {
      return m.type == t.type && m.index == t.index;
    });
    if (!seen) list.push_back(t);
  };
  // Names are matched with their case ("US" is not "us"); datelines write
  // places in capitals ("MOSCOW, Nov. 22"), so those get an upper-case twin.
  for (size_t i = 0; i < g.leaders().size(); ++i) {
    add(g.leaders()[i].name, EntityType::kLeader, i, false);
    for (const auto& a : g.leaders()[i].aliases) {
      add(a, EntityType::kLeader, i, false);
      // Japanese and Chinese readouts write family names in capitals
      // ("Mr. KISHIDA Fumio").
      if (a.size() >= 4 && a.find(' ') == std::string::npos) {
        add(Upper(a), EntityType::kLeader, i, false);
      }
    }
  }
  for (size_t i = 0; i < g.summits().size(); ++i) {
    add(g.summits()[i].name, EntityType::kSummit, i, false);
    for (const auto& a : g.summits()[i].aliases) add(a, EntityType::kSummit, i, false);
  }
  for (size_t i = 0; i < g.organizations().size(); ++i) {
    add(g.organizations()[i].name, EntityType::kOrganization, i, false);
    for (const auto& a : g.organizations()[i].aliases) add(a, EntityType::kOrganization, i, false);
  }
  for (size_t i = 0; i < g.places().size(); ++i) {
    const PlaceEntry& p = g.places()[i];
    add(p.name, EntityType::kPlace, i, false);
    if (p.name.size() >= 4) add(Upper(p.name), EntityType::kPlace, i, false);
    for (const auto& a : p.aliases) add(a, EntityType::kPlace, i, false);
    for (const auto& d : p.demonyms) add(d, EntityType::kDemonym, i, false);
  }
  for (size_t i = 0; i < g.institutions().size(); ++i) {
    add(g.institutions()[i].name, EntityType::kInstitution, i, false);
  }
  for (size_t i = 0; i < g.issues().size(); ++i) {
    for (const auto& c : g.issues()[i].cues) add(c, EntityType::kIssue, i, true);
  }
  for (const CueLiteral& cue : cues) add(cue.text, EntityType::kCue, cue.index, cue.caseless);

  // A case-sensitive literal ("Syria", a place) that a caseless one ("syria",
  // an issue cue) also matches stands for both: the two always match the
  // same span, and only one match per span is kept.
  std::map<std::string, std::vector<MatchTarget>> caseless_targets;
  for (const auto& [key, targets] : literals) {
    if (key.second) caseless_targets[AsciiLower(key.first)] = targets;
  }
  for (auto& [key, targets] : literals) {
    if (key.second) continue;
    auto it = caseless_targets.find(AsciiLower(key.first));
    if (it != caseless_targets.end()) {
      targets.insert(targets.end(), it->second.begin(), it->second.end());
    }
  }

  NameMatcher matcher;
  Impl& impl = *matcher.impl_;
  std::vector<const char*> expressions;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (const auto& [key, targets] : literals) {
    unsigned id = static_cast<unsigned>(impl.targets.size());
    expressions.push_back(key.first.data());
    lens.push_back(key.first.size());
    flags.push_back(key.second ? HS_FLAG_CASELESS : 0);
    ids.push_back(id);
    impl.lengths.push_back(static_cast<uint32_t>(key.first.size()));
    impl.targets.push_back(targets);
  }
  if (expressions.empty()) return Status::Internal("nothing to match: empty gazetteer");
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                           &impl.db, &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    hs_free_compile_error(error);
    return Status::Internal("Hyperscan: " + message);
  }
  if (hs_alloc_scratch(impl.db, &impl.prototype) != HS_SUCCESS) {
    return Status::Internal("Hyperscan could not allocate scratch space");
  }
  return matcher;
}

std::vector<Mention> NameMatcher::Find(std::string_view text) const {
  struct Raw {
    uint32_t begin, end, id;
  };
  struct Context {
    const Impl* impl;
    std::string_view text;
    std::vector<Raw> raw;
  } context{impl_.get(), text, {}};
  auto on_match = [](unsigned int id, unsigned long long, unsigned long long to, unsigned int,
                     void* ctx) -> int {
    auto* c = static_cast<Context*>(ctx);
    auto end = static_cast<uint32_t>(to);
    uint32_t begin = end - c->impl->lengths[id];
    if (!IsWordCharBefore(c->text, begin) && !IsWordCharAt(c->text, end)) {
      c->raw.push_back({begin, end, id});
    }
    return 0;
  };
  hs_scratch_t* scratch = impl_->Acquire();
  // Hyperscan takes an unsigned length: scan huge texts in windows that
  // overlap by more than the longest literal.
  constexpr size_t kWindow = size_t{1} << 30;
  for (size_t start = 0; start < text.size() || start == 0; start += kWindow - 4096) {
    size_t len = std::min(kWindow, text.size() - start);
    Context window{impl_.get(), text.substr(start, len), {}};
    hs_scan(impl_->db, window.text.data(), static_cast<unsigned>(window.text.size()), 0, scratch,
            on_match, &window);
    for (Raw r : window.raw) {
      context.raw.push_back(
          {r.begin + static_cast<uint32_t>(start), r.end + static_cast<uint32_t>(start), r.id});
    }
    if (start + len >= text.size()) break;
  }
  impl_->Release(scratch);

  // Longest first, then leftmost: the greedy pass keeps non-overlapping ones.
  std::vector<Raw>& raw = context.raw;
  std::sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) {
    uint32_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.id < b.id;
  });
  // Same span, several literals: keep the one that stands for most.
  std::stable_sort(raw.begin(), raw.end(), [this](const Raw& a, const Raw& b) {
    uint32_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.begin != b.begin) return a.begin < b.begin;
    return impl_->targets[a.id].size() > impl_->targets[b.id].size();
  });
  raw.erase(
      std::unique(raw.begin(), raw.end(),
                  [](const Raw& a, const Raw& b) { return a.begin == b.begin && a.end == b.end; }),
      raw.end());
  std::vector<Mention> mentions;
  // The bytes already covered by a kept match: linear in the text however
  // many matches there are.
  std::vector<bool> taken(text.size());
  for (const Raw& r : raw) {
    bool overlaps = false;
    for (uint32_t i = r.begin; i < r.end && !overlaps; ++i) overlaps = taken[i];
    if (overlaps) continue;
    std::fill(taken.begin() + r.begin, taken.begin() + r.end, true);
    const auto& targets = impl_->targets[r.id];
    mentions.push_back({r.begin, r.end, targets.data(), static_cast<uint32_t>(targets.size())});
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return mentions;
}

}  // namespace etkg
