#include "loaders/gazetteer.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "loaders/json_locate.h"
#include "loaders/text_util.h"
#include "loaders/world.h"

namespace etkg {

// Bytes of loaders/data/gazetteer.json, embedded by gazetteer_data.cc.
std::string_view EmbeddedGazetteerJson();

namespace {

using Value = rapidjson::Value;

class EntryReader {
 public:
  EntryReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Status Error(const std::string& path, const std::string& message) const {
    return JsonValueError(text_, file_, path, message);
  }

  // RapidJSON 1.1.0 lets a lone low surrogate escape ("\ude00") through as
  // bytes that are not UTF-8 (fixed upstream after 1.1.0); in a name they
  // would reach the graph, whose JSON would not read back.
  Status NotUnicode(const std::string& path) const {
    return Error(path, "holds an escape that is not a character (a lone surrogate)");
  }

  Status String(const Value& object, const char* key, const std::string& path, bool required,
                std::string* out) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) {
      return required ? Error(path + "." + key, "missing") : Status::Ok();
    }
    if (!it->value.IsString()) return Error(path + "." + key, "is not a string");
    out->assign(it->value.GetString(), it->value.GetStringLength());
    if (FindInvalidUtf8(*out) != std::string::npos) return NotUnicode(path + "." + key);
    if (required && out->empty()) return Error(path + "." + key, "is empty");
    return Status::Ok();
  }

  Status Strings(const Value& object, const char* key, const std::string& path,
                 std::vector<std::string>* out) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return Status::Ok();
    if (!it->value.IsArray()) return Error(path + "." + key, "is not an array");
    for (const Value& v : it->value.GetArray()) {
      if (!v.IsString()) return Error(path + "." + key, "holds a non-string");
      std::string_view name(v.GetString(), v.GetStringLength());
      if (FindInvalidUtf8(name) != std::string_view::npos) return NotUnicode(path + "." + key);
      if (!name.empty()) out->emplace_back(name);
    }
    return Status::Ok();
  }

  Status Bool(const Value& object, const char* key, const std::string& path, bool* out) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return Status::Ok();
    if (!it->value.IsBool()) return Error(path + "." + key, "is not true or false");
    *out = it->value.GetBool();
    return Status::Ok();
  }

  Status Date(const Value& object, const char* key, const std::string& path,
              PartialDate* out) const {
    std::string text;
    if (Status s = String(object, key, path, false, &text); !s.ok()) return s;
    if (text.empty()) return Status::Ok();
    auto date = PartialDate::Parse(text);
    if (!date || !date->has_year()) return Error(path + "." + key, "'" + text + "' is not a date");
    *out = *date;
    return Status::Ok();
  }

  const Value* Array(const Value& root, const char* key, Status* status) const {
    auto it = root.FindMember(key);
    if (it == root.MemberEnd()) return nullptr;
    if (!it->value.IsArray()) {
      *status = Error(key, "is not an array");
      return nullptr;
    }
    return &it->value;
  }

 private:
  std::string_view text_;
  std::string file_;
};

Status ParseInto(const Value& root, const EntryReader& r, std::vector<LeaderEntry>* leaders,
                 std::vector<PlaceEntry>* places, std::vector<InstitutionEntry>* institutions,
                 std::vector<SummitEntry>* summits, std::vector<OrganizationEntry>* organizations,
                 std::vector<IssueEntry>* issues) {
  Status status;
  auto each = [&](const char* section, auto&& fn) -> Status {
    const Value* array = r.Array(root, section, &status);
    if (!status.ok()) return status;
    if (!array) return Status::Ok();
    for (rapidjson::SizeType i = 0; i < array->Size(); ++i) {
      std::string path = std::string(section) + "[" + std::to_string(i) + "]";
      const Value& v = (*array)[i];
      if (!v.IsObject()) return r.Error(path, "is not an object");
      if (Status s = fn(v, path); !s.ok()) return s;
    }
    return Status::Ok();
  };
  Status s = each("leaders", [&](const Value& v, const std::string& path) -> Status {
    LeaderEntry e;
    if (Status s = r.String(v, "id", path, true, &e.id); !s.ok()) return s;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.Strings(v, "aliases", path, &e.aliases); !s.ok()) return s;
    auto roles = v.FindMember("roles");
    if (roles != v.MemberEnd() && !roles->value.IsNull()) {
      if (!roles->value.IsArray()) return r.Error(path + ".roles", "is not an array");
      for (rapidjson::SizeType k = 0; k < roles->value.Size(); ++k) {
        std::string rpath = path + ".roles[" + std::to_string(k) + "]";
        const Value& rv = roles->value[k];
        if (!rv.IsObject()) return r.Error(rpath, "is not an object");
        LeaderRole role;
        if (Status s = r.String(rv, "role", rpath, true, &role.role); !s.ok()) return s;
        if (Status s = r.String(rv, "country", rpath, false, &role.country); !s.ok()) return s;
        if (Status s = r.String(rv, "organization", rpath, false, &role.organization); !s.ok()) {
          return s;
        }
        if (Status s = r.Date(rv, "from", rpath, &role.from); !s.ok()) return s;
        if (Status s = r.Date(rv, "to", rpath, &role.to); !s.ok()) return s;
        e.roles.push_back(std::move(role));
      }
    }
    leaders->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = each("places", [&](const Value& v, const std::string& path) -> Status {
    PlaceEntry e;
    if (Status s = r.String(v, "id", path, true, &e.id); !s.ok()) return s;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.String(v, "type", path, false, &e.type); !s.ok()) return s;
    if (Status s = r.Strings(v, "aliases", path, &e.aliases); !s.ok()) return s;
    if (Status s = r.Strings(v, "demonyms", path, &e.demonyms); !s.ok()) return s;
    if (Status s = r.String(v, "capital", path, false, &e.capital); !s.ok()) return s;
    if (Status s = r.String(v, "country", path, false, &e.country); !s.ok()) return s;
    places->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = each("institutions", [&](const Value& v, const std::string& path) -> Status {
    InstitutionEntry e;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.String(v, "country", path, true, &e.country); !s.ok()) return s;
    institutions->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = each("summits", [&](const Value& v, const std::string& path) -> Status {
    SummitEntry e;
    if (Status s = r.String(v, "id", path, true, &e.id); !s.ok()) return s;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.Strings(v, "aliases", path, &e.aliases); !s.ok()) return s;
    if (Status s = r.String(v, "format", path, false, &e.format); !s.ok()) return s;
    if (Status s = r.String(v, "place", path, false, &e.place); !s.ok()) return s;
    summits->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = each("organizations", [&](const Value& v, const std::string& path) -> Status {
    OrganizationEntry e;
    if (Status s = r.String(v, "id", path, true, &e.id); !s.ok()) return s;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.Strings(v, "aliases", path, &e.aliases); !s.ok()) return s;
    organizations->push_back(std::move(e));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return each("issues", [&](const Value& v, const std::string& path) -> Status {
    IssueEntry e;
    if (Status s = r.String(v, "id", path, true, &e.id); !s.ok()) return s;
    if (Status s = r.String(v, "name", path, true, &e.name); !s.ok()) return s;
    if (Status s = r.Strings(v, "cues", path, &e.cues); !s.ok()) return s;
    if (Status s = r.Strings(v, "places", path, &e.places); !s.ok()) return s;
    if (Status s = r.Bool(v, "of_the_sides", path, &e.of_the_sides); !s.ok()) return s;
    issues->push_back(std::move(e));
    return Status::Ok();
  });
}

// Extend's rule for one field: a value `from` sets replaces the old one; an
// empty one ("not given") leaves it.
template <typename T>
void SetIfGiven(T* into, const T& from) {
  if (!from.empty()) *into = from;
}

void MergeEntry(LeaderEntry* into, const LeaderEntry& from) {
  SetIfGiven(&into->name, from.name);
  SetIfGiven(&into->roles, from.roles);
}

void MergeEntry(PlaceEntry* into, const PlaceEntry& from) {
  SetIfGiven(&into->name, from.name);
  SetIfGiven(&into->type, from.type);
  SetIfGiven(&into->demonyms, from.demonyms);
  SetIfGiven(&into->capital, from.capital);
  SetIfGiven(&into->country, from.country);
}

void MergeEntry(SummitEntry* into, const SummitEntry& from) {
  SetIfGiven(&into->name, from.name);
  SetIfGiven(&into->format, from.format);
  SetIfGiven(&into->place, from.place);
}

void MergeEntry(OrganizationEntry* into, const OrganizationEntry& from) {
  SetIfGiven(&into->name, from.name);
}

// Linear in both lists: an id -> position map, not a search of `into` for
// each entry.
template <typename Entry>
void ExtendEntries(std::vector<Entry>* into, const std::vector<Entry>& from) {
  std::unordered_map<std::string_view, size_t> at;
  at.reserve(into->size() + from.size());
  for (size_t i = 0; i < into->size(); ++i) at.emplace((*into)[i].id, i);
  // `into` grows below: keys must not point into its strings.
  std::vector<std::string> added;
  added.reserve(from.size());
  for (const Entry& entry : from) {
    auto found = at.find(entry.id);
    if (found == at.end()) {
      added.push_back(entry.id);
      at.emplace(added.back(), into->size());
      into->push_back(entry);
      continue;
    }
    // A user's file that only adds an alias must not wipe the roles (or
    // type, capital, ...) of the default entry.
    Entry* it = &(*into)[found->second];
    MergeEntry(it, entry);
    std::vector<std::string>& aliases = it->aliases;
    aliases.insert(aliases.end(), entry.aliases.begin(), entry.aliases.end());
    std::sort(aliases.begin(), aliases.end());
    aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
  }
}

bool RoleCovers(const LeaderRole& role, int64_t day) {
  if (!role.from.is_null() && day < *role.from.FirstDay()) return false;
  // Hand-over days belong to the incoming holder, so "to" is exclusive.
  if (!role.to.is_null() && day >= *role.to.LastDay()) return false;
  return true;
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view text, const std::string& file) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(text.data(),
                                                                                    text.size());
  if (doc.HasParseError()) {
    return Status::Invalid(rapidjson::GetParseError_En(doc.GetParseError()),
                           LocateOffset(text, doc.GetErrorOffset(), file));
  }
  if (!doc.IsObject()) return Status::Invalid("a gazetteer is a JSON object", {file});
  Gazetteer g;
  EntryReader reader(text, file);
  if (Status s = ParseInto(doc, reader, &g.leaders_, &g.places_, &g.institutions_, &g.summits_,
                           &g.organizations_, &g.issues_);
      !s.ok()) {
    return s;
  }
  g.Reindex();
  return g;
}

const Gazetteer& Gazetteer::Curated() {
  static const Gazetteer* kCurated = [] {
    Result<Gazetteer> parsed = Parse(EmbeddedGazetteerJson(), "<embedded gazetteer>");
    // The embedded file is checked by the tests; a broken one is a build defect.
    return new Gazetteer(parsed.ok() ? std::move(*parsed) : Gazetteer());
  }();
  return *kCurated;
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* kDefault = [] {
    auto* g = new Gazetteer(Curated());
    // Like the curated file, the embedded table is checked by the tests.
    Result<WorldTable> world = ParseWorldTable(EmbeddedWorldTable(), "<embedded world table>");
    if (world.ok()) g->AddPlaces(WorldPlaces(*world, *g));
    return g;
  }();
  return *kDefault;
}

void Gazetteer::AddPlaces(std::vector<PlaceEntry> places) {
  places_.reserve(places_.size() + places.size());
  for (PlaceEntry& p : places) {
    if (place_index_.count(p.id)) continue;
    place_index_.emplace(p.id, places_.size());
    places_.push_back(std::move(p));
  }
}

void Gazetteer::Extend(const Gazetteer& other) {
  ExtendEntries(&leaders_, other.leaders_);
  ExtendEntries(&places_, other.places_);
  ExtendEntries(&summits_, other.summits_);
  ExtendEntries(&organizations_, other.organizations_);
  std::unordered_map<std::string, size_t> issue_at;
  for (size_t i = 0; i < issues_.size(); ++i) issue_at.emplace(issues_[i].id, i);
  for (const IssueEntry& issue : other.issues_) {
    auto found = issue_at.find(issue.id);
    if (found == issue_at.end()) {
      issue_at.emplace(issue.id, issues_.size());
      issues_.push_back(issue);
    } else {
      IssueEntry* it = &issues_[found->second];
      it->cues.insert(it->cues.end(), issue.cues.begin(), issue.cues.end());
      it->places.insert(it->places.end(), issue.places.begin(), issue.places.end());
      it->of_the_sides = it->of_the_sides || issue.of_the_sides;
    }
  }
  institutions_.insert(institutions_.end(), other.institutions_.begin(), other.institutions_.end());
  Reindex();
}

void Gazetteer::Reindex() {
  leader_index_.clear();
  place_index_.clear();
  for (size_t i = 0; i < leaders_.size(); ++i) leader_index_[leaders_[i].id] = i;
  for (size_t i = 0; i < places_.size(); ++i) place_index_[places_[i].id] = i;
}

const LeaderEntry* Gazetteer::FindLeader(std::string_view id) const {
  auto it = leader_index_.find(id);
  return it == leader_index_.end() ? nullptr : &leaders_[it->second];
}

const PlaceEntry* Gazetteer::FindPlace(std::string_view id) const {
  auto it = place_index_.find(id);
  return it == place_index_.end() ? nullptr : &places_[it->second];
}

const LeaderEntry* Gazetteer::HolderOf(std::string_view role, std::string_view country,
                                       const PartialDate& date) const {
  auto first = date.FirstDay();
  if (!first) return nullptr;
  const LeaderEntry* found = nullptr;
  for (const LeaderEntry& leader : leaders_) {
    for (const LeaderRole& r : leader.roles) {
      if (r.role != role || r.country != country || !RoleCovers(r, *first)) continue;
      if (found && found != &leader) return nullptr;
      found = &leader;
    }
  }
  return found;
}

std::string Gazetteer::CountryOf(const LeaderEntry& leader, const PartialDate& date) const {
  // "Latest" by start date, not by place in the list: files need not list
  // roles in order. A role without a start counts as the oldest.
  const LeaderRole* latest = nullptr;
  auto first = date.FirstDay();
  for (const LeaderRole& r : leader.roles) {
    if (r.country.empty()) continue;
    if (first && RoleCovers(r, *first)) return r.country;
    if (!latest || (!r.from.is_null() &&
                    (latest->from.is_null() || *r.from.FirstDay() >= *latest->from.FirstDay()))) {
      latest = &r;
    }
  }
  return latest ? latest->country : "";
}

}  // namespace etkg
