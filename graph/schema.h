// The graph's vocabulary, one place for loaders and exporters alike: the
// schema of graph.json and its stages, the rules a date was found by, the
// ids nodes get, and the attribute keys the extractor writes and the
// exporters, queries and viewer read. See docs/design.md.
#ifndef ETKG_GRAPH_SCHEMA_H_
#define ETKG_GRAPH_SCHEMA_H_

#include <optional>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace etkg {

// The native JSON format's name and version, at the top of every graph.json.
// Version 2 keeps each evidence sentence once, in a "sentences" table that
// edges refer to by index; version 1, which repeated the sentence in every
// edge it supports, is still read.
inline constexpr char kGraphSchema[] = "etkg.graph/2";
inline constexpr char kGraphSchemaV1[] = "etkg.graph/1";

// What a graph file holds. A shard ("stage": "shard" at the top) is a graph
// whose events have not been merged across documents yet: what `etkg ingest
// --shard` writes. Shards merge into exactly the graph one ingest of all
// their documents gives, since nothing was settled before all the reports
// of an event were together. A merged graph (no "stage") is the usual one.
enum class GraphStage { kMerged, kShard };

// How a date was found (docs/design.md "Dates"), strongest first as
// DateRuleRank orders them.
enum class DateRule {
  kExplicit,      // The text names the year: "May 2, 2017", "2017-05-03".
  kDateline,      // The document's dateline, when the sentence names no date.
  kAnchorYear,    // A day or month without a year took the anchor's year.
  kWeekday,       // "on Tuesday", "last Tuesday".
  kRelative,      // "today", "yesterday", "last week".
  kPartial,       // A day or month and no year anywhere: "XXXX-01-28".
  kDocumentDate,  // The document's own date, for a sentence with none.
};
inline constexpr std::string_view kRuleExplicit = "explicit";
inline constexpr std::string_view kRuleDateline = "dateline";
inline constexpr std::string_view kRuleAnchorYear = "partial+anchor-year";
inline constexpr std::string_view kRuleWeekday = "weekday";
inline constexpr std::string_view kRuleRelative = "relative";
inline constexpr std::string_view kRulePartial = "partial";
inline constexpr std::string_view kRuleDocumentDate = "document-date";

// "explicit", ...; and back (nullopt for a name that is none of them).
std::string_view DateRuleName(DateRule rule);
std::optional<DateRule> ParseDateRule(std::string_view name);

// The id of a node of `kind` with the slug `slug`: "leader/vladimir-putin",
// "place/moscow", "doc/000_2b97" (events get theirs from CanonicalEventId).
std::string NodeId(NodeKind kind, std::string_view slug);
// "leader/", "doc/", ...: what every id of that kind starts with.
std::string_view IdPrefix(NodeKind kind);

// Attribute keys.
namespace attr {
// Events.
inline constexpr std::string_view kDateRule = "date_rule";
inline constexpr std::string_view kIdentity = "identity";
inline constexpr std::string_view kDurationMin = "duration_min";
inline constexpr std::string_view kMedium = "medium";
inline constexpr std::string_view kFormat = "format";
inline constexpr std::string_view kSeries = "series";
// Leaders.
inline constexpr std::string_view kCountry = "country";
// Issues: "open" (a discussing clause's own words) or "relations".
inline constexpr std::string_view kVocabulary = "vocabulary";
// Documents.
inline constexpr std::string_view kUrl = "url";
inline constexpr std::string_view kPath = "path";
inline constexpr std::string_view kSource = "source";
inline constexpr std::string_view kGenre = "genre";
inline constexpr std::string_view kDateSource = "date_source";
inline constexpr std::string_view kIssuer = "issuer";
inline constexpr std::string_view kIssuerCountry = "issuer_country";
// refers_to edges: "planned" or "recalled".
inline constexpr std::string_view kTense = "tense";
// reported_by edges: what the document says of the event.
inline constexpr std::string_view kStatedDate = "stated_date";
inline constexpr std::string_view kStatedDateRule = "stated_date_rule";
inline constexpr std::string_view kStatedDurationMin = "stated_duration_min";
}  // namespace attr

}  // namespace etkg

#endif  // ETKG_GRAPH_SCHEMA_H_
