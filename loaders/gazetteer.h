// The gazetteer: the leaders, places, institutions, summits, organizations
// and issues that extraction recognises by name. A default is embedded in
// the binary (loaders/data/gazetteer.json); users extend it with their own
// file of the same format, documented in docs/gazetteer.md.
#ifndef ETKG_LOADERS_GAZETTEER_H_
#define ETKG_LOADERS_GAZETTEER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.h"
#include "graph/status.h"

namespace etkg {

struct LeaderRole {
  std::string role;          // "president", "prime-minister", "foreign-minister", ...
  std::string country;       // Place id; "" for an international body.
  std::string organization;  // Organization id for UN, EU, NATO officials.
  PartialDate from;          // Null when unknown.
  PartialDate to;            // Null while in office.
};

struct LeaderEntry {
  std::string id;  // Slug without the "leader/" prefix.
  std::string name;
  std::vector<std::string> aliases;
  std::vector<LeaderRole> roles;
};

struct PlaceEntry {
  std::string id;
  std::string name;
  std::string type;  // country, city, region, sea, ...
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;
  std::string capital;  // Place id.
  std::string country;  // Place id of the country a city or region lies in.
  // Filled for the world table's places (loaders/world.h), which no file
  // of this format sets.
  std::string region;        // Place id of the first-level subdivision a city lies in.
  uint64_t population = 0;   // 0 when unknown.
  bool world = false;        // From the world table: a curated entry's name wins over it.
  bool common_word = false;  // Its name is also a word or a first name ("Nice", "Split").
};

struct InstitutionEntry {
  std::string name;     // "White House", "Kremlin".
  std::string country;  // Place id.
};

struct SummitEntry {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string format;  // bilateral, multilateral, talks.
  std::string place;   // Place id of a fixed venue; "" if it moves.
};

struct OrganizationEntry {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
};

struct IssueEntry {
  std::string id;
  std::string name;
  std::vector<std::string> cues;    // Phrases a text uses for the topic.
  std::vector<std::string> places;  // Place ids it concerns.
  // The relations of the event's sides ("bilateral relations"): in an
  // event between two countries, the topic is their relations.
  bool of_the_sides = false;
};

class Gazetteer {
 public:
  // Parses the JSON format. Returns InvalidInput with line and column for a
  // syntax error, or naming the entry ("leaders[4].roles[0].from") for a bad
  // value. References to places are not checked here: a user's file may
  // name places of the default gazetteer it extends.
  static Result<Gazetteer> Parse(std::string_view text, const std::string& file);

  // The gazetteer compiled into the binary: the curated file
  // (loaders/data/gazetteer.json) and the world table's places.
  static const Gazetteer& Default();
  // The curated file alone.
  static const Gazetteer& Curated();

  // Adds the entries of `other`; an entry whose id is already known replaces
  // the old one's fields that `other` sets and adds its aliases.
  void Extend(const Gazetteer& other);

  // Appends places whose ids are new (the world table's).
  void AddPlaces(std::vector<PlaceEntry> places);

  const std::vector<LeaderEntry>& leaders() const { return leaders_; }
  const std::vector<PlaceEntry>& places() const { return places_; }
  const std::vector<InstitutionEntry>& institutions() const { return institutions_; }
  const std::vector<SummitEntry>& summits() const { return summits_; }
  const std::vector<OrganizationEntry>& organizations() const { return organizations_; }
  const std::vector<IssueEntry>& issues() const { return issues_; }

  // nullptr when unknown.
  const LeaderEntry* FindLeader(std::string_view id) const;
  const PlaceEntry* FindPlace(std::string_view id) const;

  // The leader holding `role` for `country` on `date` (a day, or the first
  // day of a coarser date); nullptr if none or several.
  const LeaderEntry* HolderOf(std::string_view role, std::string_view country,
                              const PartialDate& date) const;

  // The country (place id) of a leader on `date`: the role in force then,
  // else the latest role. "" if none.
  std::string CountryOf(const LeaderEntry& leader, const PartialDate& date) const;

 private:
  void Reindex();

  std::vector<LeaderEntry> leaders_;
  std::vector<PlaceEntry> places_;
  std::vector<InstitutionEntry> institutions_;
  std::vector<SummitEntry> summits_;
  std::vector<OrganizationEntry> organizations_;
  std::vector<IssueEntry> issues_;
  std::map<std::string, size_t, std::less<>> leader_index_;
  std::map<std::string, size_t, std::less<>> place_index_;
};

}  // namespace etkg

#endif  // ETKG_LOADERS_GAZETTEER_H_
