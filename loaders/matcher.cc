#include "loaders/matcher.h"

#include "graph/text.h"

#include <hs/hs.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
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

// --- The compiled database, kept between runs --------------------------------
//
// Compiling the literals is most of a short run's time (a third of a second
// for the default gazetteer, far more for a large one); the database does
// not change until the literals or Hyperscan do. It is kept in a cache file
// named by a hash of both, and read back by later runs. Any trouble with
// the cache (no home, a read-only disk, a truncated or foreign file) only
// means compiling again: the matches are the same either way.

constexpr char kCacheMagic[8] = {'E', 'T', 'K', 'G', 'H', 'S', 'D', '1'};

// $ETKG_CACHE_DIR ("off": no cache), else $XDG_CACHE_HOME/etkg, else
// ~/.cache/etkg; "" for none.
std::string CacheDir() {
  if (const char* dir = std::getenv("ETKG_CACHE_DIR")) {
    return std::string_view(dir) == "off" ? "" : dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/etkg";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/etkg";
  }
  return "";
}

// FNV-1a over the literals, their flags, Hyperscan's version and the
// processor.
uint64_t LiteralsHash(const std::vector<const char*>& expressions, const std::vector<size_t>& lens,
                      const std::vector<unsigned>& flags) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](const void* data, size_t n) {
    const auto* b = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  };
  const std::string_view version = hs_version();
  mix(version.data(), version.size());
  // A database is compiled for this machine's processor: another's (or
  // one under an emulator) gets a file of its own.
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    mix(&platform.tune, sizeof platform.tune);
    mix(&platform.cpu_features, sizeof platform.cpu_features);
  }
  for (size_t i = 0; i < expressions.size(); ++i) {
    const uint64_t len = lens[i];
    mix(&len, sizeof len);
    mix(expressions[i], lens[i]);
    mix(&flags[i], sizeof flags[i]);
  }
  return h;
}

std::string CachePath(const std::vector<const char*>& expressions, const std::vector<size_t>& lens,
                      const std::vector<unsigned>& flags) {
  const std::string dir = CacheDir();
  if (dir.empty()) return "";
  char name[40];
  std::snprintf(name, sizeof name, "/matcher-%016llx.hsdb",
                static_cast<unsigned long long>(LiteralsHash(expressions, lens, flags)));
  return dir + name;
}

hs_database_t* ReadCachedDatabase(const std::string& path) {
  if (path.empty()) return nullptr;
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() <= sizeof kCacheMagic ||
      bytes.compare(0, sizeof kCacheMagic, kCacheMagic, sizeof kCacheMagic) != 0) {
    return nullptr;
  }
  hs_database_t* db = nullptr;
  // Hyperscan checks the rest: its version, the platform, the checksum.
  if (hs_deserialize_database(bytes.data() + sizeof kCacheMagic, bytes.size() - sizeof kCacheMagic,
                              &db) != HS_SUCCESS) {
    return nullptr;
  }
  return db;
}

// Written to a temporary file of its own and renamed into place, so a
// reader never sees half a file and concurrent writers do not mix.
void WriteCachedDatabase(const std::string& path, const hs_database_t* db) {
  if (path.empty()) return;
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  std::unique_ptr<char, decltype(&std::free)> owned(bytes, &std::free);
  std::error_code ec;
  const std::filesystem::path target(path);
  std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) return;
  std::string temporary = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  bool ok =
      ::write(fd, kCacheMagic, sizeof kCacheMagic) == static_cast<ssize_t>(sizeof kCacheMagic);
  for (size_t done = 0; ok && done < length;) {
    ssize_t n = ::write(fd, bytes + done, length - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  // A few gazetteers in use at a time: the oldest files beyond them go.
  constexpr size_t kKept = 16;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("matcher-") || !name.ends_with(".hsdb")) continue;
    std::error_code time_error;
    auto when = entry.last_write_time(time_error);
    if (!time_error) files.push_back({when, entry.path()});
  }
  if (files.size() <= kKept) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kKept < files.size(); ++i) {
    if (files[i].second != target) std::filesystem::remove(files[i].second, ec);
  }
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

// What the literals that name world places need beyond their targets.
struct WorldLiteral {
  // The default names a common word ("Nice"): a place only where the text
  // puts a place.
  bool gated = false;
  // A curated entry has the name: only a qualifier ("Paris, Texas") picks
  // another.
  bool curated_default = false;
  int32_t default_place = -1;             // Place index; -1 for none.
  std::vector<MatchTarget> alternatives;  // Places it may stand for instead.
};

struct NameMatcher::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::vector<uint32_t> lengths;                  // By literal id.
  std::vector<std::vector<MatchTarget>> targets;  // By literal id.
  std::vector<int32_t> world_of;                  // By literal id: index in `world`, or -1.
  std::vector<WorldLiteral> world;
  // By place index: a country or a subdivision; the place indices of the
  // country and the subdivision it lies in (-1 for none).
  std::vector<bool> area;
  std::vector<int32_t> country_of, region_of;

  const WorldLiteral* World(uint32_t id) const {
    return world_of[id] < 0 ? nullptr : &world[world_of[id]];
  }
  // Picks among world places by the words around them; see the .cc.
  void ChooseWorldPlaces(std::string_view text, std::vector<Mention>* mentions,
                         std::vector<uint32_t>* ids) const;
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

namespace {

int32_t PlaceIndex(const Gazetteer& g, const std::string& id) {
  const PlaceEntry* p = id.empty() ? nullptr : g.FindPlace(id);
  return p ? static_cast<int32_t>(p - g.places().data()) : -1;
}

// A literal that names several world places ("Springfield"), or a world
// place and a curated entry ("Paris"), stands for one of them at a time.
// Curated entries always win without a qualifier; among world places the
// most populous (the one with the plain name) does. The others become
// alternatives that the words around a mention can pick.
void SplitWorldPlaces(const Gazetteer& g, const std::string& text,
                      std::vector<MatchTarget>* targets, int32_t* world_index,
                      std::vector<WorldLiteral>* world) {
  auto is_world = [&](const MatchTarget& t) {
    return t.type == EntityType::kPlace && g.places()[t.index].world;
  };
  size_t world_places = std::count_if(targets->begin(), targets->end(), is_world);
  if (world_places == 0) return;
  bool curated = world_places < targets->size();
  WorldLiteral w;
  w.curated_default = curated;
  std::vector<MatchTarget> kept;
  const MatchTarget* best = nullptr;
  for (const MatchTarget& t : *targets) {
    if (!is_world(t)) {
      kept.push_back(t);
      continue;
    }
    const PlaceEntry& p = g.places()[t.index];
    // The plain name belongs to the most populous: "Boston" for Boston,
    // Massachusetts; "Paris, Texas" answers to "Paris" only with help.
    if (!curated && p.name == text) best = &t;
  }
  if (!curated && !best) {
    for (const MatchTarget& t : *targets) {
      if (is_world(t) &&
          (!best || g.places()[t.index].population > g.places()[best->index].population)) {
        best = &t;
      }
    }
  }
  for (const MatchTarget& t : *targets) {
    if (!is_world(t)) continue;
    if (&t == best) {
      w.default_place = static_cast<int32_t>(t.index);
      w.gated = g.places()[t.index].common_word;
      kept.push_back(t);
    } else {
      w.alternatives.push_back(t);
    }
  }
  *targets = std::move(kept);
  *world_index = static_cast<int32_t>(world->size());
  world->push_back(std::move(w));
}

}  // namespace

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
    // Not for the world table's places: their twins would double the
    // literals that Hyperscan compiles at every start.
    if (p.name.size() >= 4 && !p.world) add(Upper(p.name), EntityType::kPlace, i, false);
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
  for (const PlaceEntry& p : g.places()) {
    impl.area.push_back(p.type == "country" || p.type == "region");
    impl.country_of.push_back(PlaceIndex(g, p.country));
    impl.region_of.push_back(PlaceIndex(g, p.region));
  }
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
    impl.world_of.push_back(-1);
    SplitWorldPlaces(g, key.first, &impl.targets.back(), &impl.world_of.back(), &impl.world);
  }
  if (expressions.empty()) return Status::Internal("nothing to match: empty gazetteer");
  const std::string cache = CachePath(expressions, lens, flags);
  impl.db = ReadCachedDatabase(cache);
  if (!impl.db) {
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lens.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                             &impl.db, &error) != HS_SUCCESS) {
      std::string message = error && error->message ? error->message : "unknown error";
      hs_free_compile_error(error);
      return Status::Internal("Hyperscan: " + message);
    }
    WriteCachedDatabase(cache, impl.db);
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
  std::vector<Raw> kept;
  // The bytes already covered by a kept match: linear in the text however
  // many matches there are.
  std::vector<bool> taken(text.size());
  for (const Raw& r : raw) {
    bool overlaps = false;
    for (uint32_t i = r.begin; i < r.end && !overlaps; ++i) overlaps = taken[i];
    if (overlaps) continue;
    std::fill(taken.begin() + r.begin, taken.begin() + r.end, true);
    kept.push_back(r);
  }
  std::sort(kept.begin(), kept.end(), [](const Raw& a, const Raw& b) { return a.begin < b.begin; });
  std::vector<Mention> mentions;
  std::vector<uint32_t> ids;
  mentions.reserve(kept.size());
  ids.reserve(kept.size());
  for (const Raw& r : kept) {
    const auto& targets = impl_->targets[r.id];
    mentions.push_back({r.begin, r.end, targets.data(), static_cast<uint32_t>(targets.size())});
    ids.push_back(r.id);
  }
  if (!impl_->world.empty()) impl_->ChooseWorldPlaces(text, &mentions, &ids);
  return mentions;
}

namespace {

// The word before `pos`, in lower case: "in" of "the summit in Nice".
std::string WordBefore(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsWordCharBefore(text, begin)) --begin;
  return AsciiLower(text.substr(begin, end - begin));
}

// Words after which a capitalised name is a place.
bool PlaceWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "in",       "at",     "to",      "from",   "near",    "visit", "visited",
      "visiting", "visits", "outside", "toward", "towards", "via",   "across"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// A capitalised word right after `pos` ("Nice Guys", "Reading Festival"):
// the name is the start of a longer one that is not a place.
bool CapitalisedWordAt(std::string_view text, size_t pos) {
  return pos + 1 < text.size() && text[pos] == ' ' && text[pos + 1] >= 'A' && text[pos + 1] <= 'Z';
}

// A capitalised word before a world place's name ("Ketanji Brown Jackson"),
// or after one that is also a word or a first name ("Vladimir Nabokov",
// "Nice Guys"), that is not a name of its own: the name is part of a
// person's or a thing's name. Weekdays and months are not ("in Boston
// Monday"), nor a capital at a sentence's start ("The Boston"). After other
// names a capital is often the place's own thing ("the Boston Marathon").
bool InsideLongerName(std::string_view text, const Mention& m, const Mention* next, bool gated) {
  static constexpr std::string_view kCalendar[] = {
      "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
      "January", "February",  "March",     "April",    "May",     "June",     "July",
      "August",  "September", "October",   "November", "December"};
  auto calendar = [&](std::string_view word) {
    return std::find(std::begin(kCalendar), std::end(kCalendar), word) != std::end(kCalendar);
  };
  if (gated && CapitalisedWordAt(text, m.end) && !(next && next->begin == m.end + 1)) {
    size_t end = m.end + 1;
    while (end < text.size() && IsWordCharAt(text, end)) ++end;
    if (!calendar(text.substr(m.end + 1, end - m.end - 1))) return true;
  }
  if (m.begin < 2 || text[m.begin - 1] != ' ') return false;
  // "Mr. Florence", "Gen. Austin": a title of address before a name.
  for (std::string_view title : {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gen.", "Rep.", "Gov.",
                                 "Prof.", "Lt.", "Col.", "Capt.", "Adm.", "Amb."}) {
    if (m.begin >= title.size() + 1 &&
        text.substr(m.begin - 1 - title.size(), title.size()) == title &&
        (m.begin == title.size() + 1 || !IsWordCharBefore(text, m.begin - 1 - title.size()))) {
      return true;
    }
  }
  size_t end = m.begin - 1, begin = end;
  while (begin > 0 && IsWordCharBefore(text, begin)) --begin;
  if (begin == end || text[begin] < 'A' || text[begin] > 'Z') return false;
  std::string_view word = text.substr(begin, end - begin);
  if (PlaceWord(AsciiLower(word)) || calendar(word)) return false;
  size_t before = begin;
  while (before > 0 && text[before - 1] == ' ') --before;
  return before > 0 &&
         std::string_view(".!?\n\"(").find(text[before - 1]) == std::string_view::npos;
}

// A dateline: the name opens a line and a comma or a dash follows
// ("NICE, France, July 15", "Nice — ").
bool DatelineAt(std::string_view text, const Mention& m) {
  if (m.begin > 0 && text[m.begin - 1] != '\n') return false;
  std::string_view after = text.substr(m.end, 5);
  return after.starts_with(",") || after.starts_with(" \xE2\x80\x94") ||
         after.starts_with(" \xE2\x80\x93") || after.starts_with(" -") || after.starts_with(" (");
}

}  // namespace

// Three passes over the mentions of world places:
//  1. a name that is also a word or a first name ("Nice", "Split") is a
//     place only after a word of place ("in", "to", "visited"), before ",
//     COUNTRY" or ", SUBDIVISION", or in a dateline; elsewhere it is dropped;
//  2. "Paris, Texas", "Atlanta, Georgia": of the places each of two names
//     joined by a comma may be, a city and the country or subdivision it
//     lies in are taken together;
//  3. a world place whose default lies in no country or subdivision the
//     document names gives way to the one alternative that does (of
//     subdivisions first, then countries). Curated names (Paris) never do.
void NameMatcher::Impl::ChooseWorldPlaces(std::string_view text, std::vector<Mention>* mentions,
                                          std::vector<uint32_t>* ids) const {
  std::vector<Mention>& ms = *mentions;
  auto place_of = [](const Mention& m) -> int32_t {
    const MatchTarget* t = m.Find(EntityType::kPlace);
    return t ? static_cast<int32_t>(t->index) : -1;
  };
  auto comma_between = [&](size_t i) {
    return i + 1 < ms.size() && text.substr(ms[i].end, ms[i + 1].begin - ms[i].end) == ", ";
  };
  // Pass 2 first, so that pass 1 sees "Nice, France" as qualified.
  auto candidates = [&](size_t i) {
    std::vector<const MatchTarget*> out;
    if (const MatchTarget* t = ms[i].Find(EntityType::kPlace)) out.push_back(t);
    if (const WorldLiteral* w = World((*ids)[i])) {
      for (const MatchTarget& t : w->alternatives) out.push_back(&t);
    }
    return out;
  };
  std::vector<bool> chosen(ms.size());
  for (size_t i = 0; i + 1 < ms.size(); ++i) {
    if (!comma_between(i)) continue;
    std::vector<const MatchTarget*> as = candidates(i), bs = candidates(i + 1);
    if (as.empty() || bs.empty()) continue;
    const MatchTarget *pick_a = nullptr, *pick_b = nullptr;
    for (const MatchTarget* a : as) {
      for (const MatchTarget* b : bs) {
        auto place = static_cast<int32_t>(b->index);
        if (area[place] && (region_of[a->index] == place || country_of[a->index] == place)) {
          pick_a = a, pick_b = b;
          break;
        }
      }
      if (pick_a) break;
    }
    if (!pick_a) continue;
    // The defaults are the mentions' own targets; an alternative stands alone.
    if (pick_a != as.front()) ms[i].targets = pick_a, ms[i].num_targets = 1;
    if (pick_b != bs.front()) ms[i + 1].targets = pick_b, ms[i + 1].num_targets = 1;
    chosen[i] = chosen[i + 1] = true;
  }
  // Pass 1.
  size_t out = 0;
  for (size_t i = 0; i < ms.size(); ++i) {
    const WorldLiteral* w = World((*ids)[i]);
    bool keep = true;
    if (w && !w->curated_default && !chosen[i] &&
        InsideLongerName(text, ms[i], i + 1 < ms.size() ? &ms[i + 1] : nullptr, w->gated)) {
      keep = false;
    } else if (w && w->gated && !chosen[i]) {
      keep = (PlaceWord(WordBefore(text, ms[i].begin)) && !CapitalisedWordAt(text, ms[i].end)) ||
             DatelineAt(text, ms[i]) ||
             (comma_between(i) && place_of(ms[i + 1]) >= 0 && area[place_of(ms[i + 1])]);
    }
    if (!keep) continue;
    ms[out] = ms[i];
    (*ids)[out] = (*ids)[i];
    chosen[out] = chosen[i];
    ++out;
  }
  ms.resize(out);
  ids->resize(out);
  chosen.resize(out);
  // Pass 3.
  std::vector<bool> named(area.size());
  for (const Mention& m : ms) {
    if (int32_t p = place_of(m); p >= 0) named[p] = true;
  }
  auto is_named = [&](int32_t p) { return p >= 0 && named[p]; };
  for (size_t i = 0; i < ms.size(); ++i) {
    const WorldLiteral* w = World((*ids)[i]);
    if (!w || chosen[i] || w->curated_default || w->alternatives.empty()) continue;
    int32_t d = w->default_place;
    if (d >= 0 && (is_named(region_of[d]) || is_named(country_of[d]))) continue;
    for (bool by_region : {true, false}) {
      const MatchTarget* pick = nullptr;
      int count = 0;
      for (const MatchTarget& t : w->alternatives) {
        if (is_named(by_region ? region_of[t.index] : country_of[t.index])) pick = &t, ++count;
      }
      if (count == 1) {
        ms[i].targets = pick;
        ms[i].num_targets = 1;
      }
      if (count > 0) break;
    }
  }
}

}  // namespace etkg
