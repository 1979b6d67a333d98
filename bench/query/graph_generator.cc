#include "bench/query/graph_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/rng.h"
#include "graph/date.h"
#include "graph/model.h"

namespace etkg {
namespace {

using bench::Rng;

// Draws 0..n-1 with the integer weights given.
class WeightedPicker {
 public:
  explicit WeightedPicker(const std::vector<uint64_t>& weights) {
    uint64_t total = 0;
    for (uint64_t w : weights) {
      total += w;
      cumulative_.push_back(total);
    }
  }
  int Pick(Rng& rng) const {
    uint64_t x = rng.Next() % cumulative_.back();
    return static_cast<int>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) -
                            cumulative_.begin());
  }

 private:
  std::vector<uint64_t> cumulative_;
};

// Weights (rank + offset)^-(halves/2) for ranks 0..n-1, as integers. Only
// products and sqrt, so every machine computes the same bits.
std::vector<uint64_t> PowerLaw(int n, int offset, int halves) {
  std::vector<uint64_t> weights;
  for (int rank = 0; rank < n; ++rank) {
    double x = rank + offset;
    double power = 1.0;
    for (int i = 0; i < halves / 2; ++i) power *= x;
    if (halves % 2 != 0) power *= std::sqrt(x);
    weights.push_back(static_cast<uint64_t>(1e12 / power) + 1);
  }
  return weights;
}

// ---------------------------------------------------------------------------
// Names: made-up words from syllables, so that no real person is implied.

constexpr std::string_view kOnsets[] = {"b",  "d",  "f",  "g",  "k",  "l", "m",  "n",
                                        "p",  "r",  "s",  "t",  "v",  "z", "ch", "sh",
                                        "br", "dr", "kr", "st", "tr", "h", "j",  "y"};
constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "a", "e", "o", "ou"};
constexpr std::string_view kCodas[] = {"", "", "", "n", "r", "l", "s", "m", "k", "v"};
constexpr std::string_view kCountrySuffixes[] = {"", "", "ia", "land", "stan", "a", "ovia"};

template <typename T, size_t N>
const T& PickOf(Rng& rng, const T (&a)[N]) {
  return a[rng.Below(N)];
}

std::string Word(Rng& rng, int min_syllables, int max_syllables) {
  std::string word;
  int n = rng.Between(min_syllables, max_syllables);
  for (int i = 0; i < n; ++i) {
    word += PickOf(rng, kOnsets);
    word += PickOf(rng, kVowels);
    if (i == n - 1 || rng.PerMille(250)) word += PickOf(rng, kCodas);
  }
  return word;
}

std::string Capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

// A word not drawn before.
std::string NewWord(Rng& rng, std::set<std::string>* used, int min_syllables, int max_syllables,
                    bool country) {
  for (;;) {
    std::string word = Word(rng, min_syllables, max_syllables);
    if (country) word += PickOf(rng, kCountrySuffixes);
    if (used->insert(word).second) return word;
  }
}

// Topics that concern no place in particular.
constexpr std::string_view kTopics[] = {"trade",
                                        "climate-change",
                                        "nuclear-programme",
                                        "energy-security",
                                        "migration",
                                        "terrorism",
                                        "cybersecurity",
                                        "arms-control",
                                        "public-health",
                                        "food-security",
                                        "sanctions",
                                        "human-rights",
                                        "maritime-security",
                                        "debt-relief",
                                        "investment",
                                        "technology",
                                        "space-cooperation",
                                        "water-resources",
                                        "refugees",
                                        "drug-trafficking",
                                        "pandemic-response",
                                        "grain-exports",
                                        "oil-prices",
                                        "gas-supply",
                                        "fisheries",
                                        "border-security",
                                        "education",
                                        "tourism",
                                        "visa-regime",
                                        "disarmament"};
// Topics named after a country: "ostravia-conflict".
constexpr std::string_view kPlaceTopics[] = {"conflict", "peace-process", "elections", "crisis",
                                             "border-dispute"};

struct Series {
  std::string_view slug;
  std::string_view label;
};
constexpr Series kSeries[] = {{"g7", "G7"},
                              {"g20", "G20"},
                              {"brics", "BRICS"},
                              {"asean", "ASEAN"},
                              {"nato", "NATO"},
                              {"sco", "SCO"},
                              {"apec", "APEC"},
                              {"african-union", "African Union"},
                              {"eu-council", "European Council"},
                              {"cop", "COP"},
                              {"commonwealth", "Commonwealth"},
                              {"eastern-economic-forum", "Eastern Economic Forum"}};

constexpr std::string_view kSources[] = {"wire",  "readout", "mfa", "tass", "xinhua",
                                         "press", "reuters", "afp", "ap",   "dpa"};

// ---------------------------------------------------------------------------

struct Country {
  std::string id;  // "place/ostravia"
  std::string label;
  int city = -1;
  std::vector<int> issues;  // Issues named after it.
};

struct City {
  std::string id;
  std::string label;
};

struct Issue {
  std::string id;
  std::string label;
};

struct Leader {
  std::string slug;  // "amara-velin"
  std::string id;    // "leader/amara-velin"
  std::string label;
  std::string surname;
  int country = 0;
  int from = 0;  // Years in office.
  int to = 0;
};

struct Event {
  std::string id;
  DateValue date;
  std::string rule;
  std::string identity;
  bool series = false;
  std::vector<int> participants;
  std::string first_doc;  // Without "doc/".
  DateValue first_doc_date;
  std::string sentence;
};

Edge MakeEdge(std::string source, std::string target, EdgeKind kind, const DateValue& date,
              std::string_view rule) {
  Edge e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.kind = kind;
  e.date = date;
  e.date_rule = date.is_null() ? "" : std::string(rule);
  return e;
}

Evidence MakeEvidence(Rng& rng, const std::string& doc, const std::string& sentence) {
  Evidence ev;
  ev.doc = doc;
  ev.offset = static_cast<uint32_t>(rng.Below(4000));
  ev.length = static_cast<uint32_t>(sentence.size());
  ev.text = sentence;
  return ev;
}

std::string YearString(int year) { return std::to_string(year); }

class Generator {
 public:
  explicit Generator(const GraphShape& shape)
      : shape_(shape),
        rng_(shape.seed),
        leader_picker_(PowerLaw(shape.leaders, 40, 3)),
        country_picker_(PowerLaw(shape.countries, 3, 2)),
        city_picker_(PowerLaw(shape.cities, 3, 2)),
        issue_picker_(PowerLaw(shape.issues, 2, 2)) {}

  Result<EventGraph> Run() {
    MakePlaces();
    MakeIssues();
    MakeLeaders();
    MakeSeriesSummits();
    MakeEvents();
    MakeReferences();
    MakePrecedes();
    if (!status_.ok()) return status_;
    return std::move(graph_);
  }

 private:
  void Add(Node node) {
    if (status_.ok()) status_ = graph_.AddNode(std::move(node));
  }
  void Add(Edge edge) {
    if (status_.ok()) status_ = graph_.AddEdge(std::move(edge));
  }

  void MakePlaces() {
    std::set<std::string> used;
    for (int i = 0; i < shape_.countries; ++i) {
      std::string word = NewWord(rng_, &used, 2, 3, true);
      Country c{"place/" + word, Capitalized(word), -1, {}};
      Node n;
      n.id = c.id;
      n.kind = NodeKind::kPlace;
      n.label = c.label;
      n.attrs["type"] = std::string("country");
      Add(std::move(n));
      countries_.push_back(std::move(c));
    }
    // The capitals of the most prominent countries: the picker favours low
    // ranks, so most meetings happen where a city is known.
    for (int i = 0; i < shape_.cities && i < shape_.countries; ++i) {
      std::string word = NewWord(rng_, &used, 2, 3, false);
      City city{"place/" + word, Capitalized(word)};
      Node n;
      n.id = city.id;
      n.kind = NodeKind::kPlace;
      n.label = city.label;
      n.attrs["type"] = std::string("city");
      n.attrs["country"] = countries_[i].id.substr(6);
      Add(std::move(n));
      countries_[i].city = static_cast<int>(cities_.size());
      cities_.push_back(std::move(city));
    }
  }

  void MakeIssues() {
    size_t topics = 0;
    for (int i = 0; i < shape_.issues; ++i) {
      Issue issue;
      std::vector<int> concerns;
      // Three in eight issues, interleaved so that the popular ones hold
      // both sorts, are general topics concerning at most one country.
      if (i % 8 < 3 && topics < std::size(kTopics)) {
        std::string slug(kTopics[topics++]);
        issue.id = "issue/" + slug;
        if (rng_.PerMille(400)) concerns.push_back(country_picker_.Pick(rng_));
      } else {
        int country = country_picker_.Pick(rng_);
        std::string slug =
            countries_[country].id.substr(6) + "-" + std::string(PickOf(rng_, kPlaceTopics));
        issue.id = "issue/" + slug;
        if (graph_.FindNode(issue.id)) issue.id += "-" + std::to_string(i);
        concerns.push_back(country);
        for (int k = rng_.Between(0, 3); k > 0; --k) concerns.push_back(country_picker_.Pick(rng_));
        countries_[country].issues.push_back(i);
      }
      issue.label = Capitalized(issue.id.substr(6));
      std::replace(issue.label.begin(), issue.label.end(), '-', ' ');
      Node n;
      n.id = issue.id;
      n.kind = NodeKind::kIssue;
      n.label = issue.label;
      Add(std::move(n));
      std::sort(concerns.begin(), concerns.end());
      concerns.erase(std::unique(concerns.begin(), concerns.end()), concerns.end());
      for (int c : concerns) {
        Add(MakeEdge(issue.id, countries_[c].id, EdgeKind::kConcerns, DateValue(), ""));
      }
      issues_.push_back(std::move(issue));
    }
  }

  void MakeLeaders() {
    std::set<std::string> used;
    const int span = shape_.last_year - shape_.first_year + 1;
    constexpr std::string_view kRoles[] = {"head of state", "head of government",
                                           "foreign minister"};
    for (int rank = 0; rank < shape_.leaders; ++rank) {
      Leader l;
      std::string first = Word(rng_, 2, 2);
      std::string last = NewWord(rng_, &used, 2, 3, false);
      l.slug = first + "-" + last;
      l.id = "leader/" + l.slug;
      l.surname = Capitalized(last);
      l.label = Capitalized(first) + " " + l.surname;
      l.country = country_picker_.Pick(rng_);
      // The busiest leaders stay long in office.
      int years = std::min(span, rank < 30 ? rng_.Between(8, 26) : rng_.Between(1, 12));
      l.from = rng_.Between(shape_.first_year, shape_.last_year - years + 1);
      l.to = l.from + years - 1;
      Node n;
      n.id = l.id;
      n.kind = NodeKind::kLeader;
      n.label = l.label;
      n.aliases = {l.surname};
      n.attrs["country"] = countries_[l.country].id.substr(6);
      Add(std::move(n));
      // One in ten holds no national office (an envoy, a head of an
      // organization).
      if (!rng_.PerMille(100)) {
        PartialDate from = *PartialDate::Make(l.from);
        DateValue term =
            l.to == l.from ? DateValue(from) : *DateValue::Interval(from, *PartialDate::Make(l.to));
        Edge e = MakeEdge(l.id, countries_[l.country].id, EdgeKind::kLeads, term, "gazetteer");
        e.attrs["role"] = std::string(PickOf(rng_, kRoles));
        Add(std::move(e));
      }
      leaders_.push_back(std::move(l));
    }
  }

  // A leader not in `taken`, mostly one in office in `year`.
  int PickLeader(int year, const std::vector<int>& taken) {
    int fallback = -1;
    for (int attempt = 0; attempt < 12; ++attempt) {
      int i = leader_picker_.Pick(rng_);
      if (std::find(taken.begin(), taken.end(), i) != taken.end()) continue;
      if (leaders_[i].from <= year && year <= leaders_[i].to) return i;
      if (fallback < 0) fallback = i;
    }
    if (fallback >= 0) return fallback;
    for (int i = 0;; ++i) {
      if (std::find(taken.begin(), taken.end(), i) == taken.end()) return i;
    }
  }

  std::vector<int> PickParticipants(int count, int year) {
    std::vector<int> chosen;
    while (static_cast<int>(chosen.size()) < count) chosen.push_back(PickLeader(year, chosen));
    std::sort(chosen.begin(), chosen.end(),
              [&](int a, int b) { return leaders_[a].slug < leaders_[b].slug; });
    return chosen;
  }

  // 1-4 issues, the first often one named after a participant's country.
  std::vector<int> PickIssues(const std::vector<int>& participants) {
    int p = static_cast<int>(rng_.Below(1000));
    size_t count = p < 400 ? 1 : p < 700 ? 2 : p < 900 ? 3 : 4;
    std::vector<int> chosen;
    if (rng_.PerMille(400)) {
      const Country& c =
          countries_[leaders_[participants[rng_.Below(participants.size())]].country];
      if (!c.issues.empty()) chosen.push_back(c.issues[rng_.Below(c.issues.size())]);
    }
    for (int attempt = 0; chosen.size() < count && attempt < 20; ++attempt) {
      int i = issue_picker_.Pick(rng_);
      if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
    }
    return chosen;
  }

  // A date in `year`: mostly a day (a summit sometimes two or three), some
  // known only to the month, a few without their year.
  void RandomDate(int year, bool may_span, DateValue* date, std::string* rule) {
    int month = rng_.Between(1, 12);
    int day = rng_.Between(1, DaysInMonth(year, month));
    int p = static_cast<int>(rng_.Below(1000));
    if (p < 30) {
      *date = *PartialDate::Make(0, month, day);
      *rule = "partial";
    } else if (p < 140) {
      *date = *PartialDate::Make(year, month);
      *rule = "explicit";
    } else if (may_span && rng_.PerMille(150)) {
      PartialDate first = *PartialDate::Make(year, month, day);
      *date = *DateValue::Interval(first,
                                   PartialDate::FromDays(*first.FirstDay() + rng_.Between(1, 2)));
      *rule = "explicit";
    } else {
      *date = *PartialDate::Make(year, month, day);
      *rule = "explicit";
    }
  }

  std::string Names(const std::vector<int>& participants) const {
    std::string names;
    for (size_t i = 0; i < participants.size(); ++i) {
      if (i > 0) names += i + 1 == participants.size() ? " and " : ", ";
      names += leaders_[participants[i]].label;
    }
    return names;
  }

  // Adds the event node, its documents and its edges; `city` < 0 for a call.
  void Emit(Event ev, NodeKind kind, std::string label, const std::vector<int>& issues, int city,
            int year) {
    const int index = static_cast<int>(events_.size());
    // Documents first: the facts cite the first of them.
    int p = static_cast<int>(rng_.Below(1000));
    int docs = p < 700 ? 1 : p < 950 ? 2 : 3;
    std::vector<std::pair<std::string, DateValue>> reports;
    auto first_day = ev.date.FirstDay();
    for (int k = 0; k < docs; ++k) {
      std::string_view source = PickOf(rng_, kSources);
      DateValue published;
      if (first_day) {
        int64_t lag =
            ev.date.precision() == DatePrecision::kDay ? rng_.Between(0, 1) : rng_.Between(0, 27);
        published = PartialDate::FromDays(*first_day + lag);
      }
      char seq[16];
      std::snprintf(seq, sizeof seq, "%06d", ++doc_count_);
      std::string slug = (published.is_null() ? std::string("undated") : published.ToString()) +
                         "-" + std::string(source) + "-" + seq;
      Node n;
      n.id = "doc/" + slug;
      n.kind = NodeKind::kDocument;
      n.label = std::string(source) + ": " + label;
      n.date = published;
      n.attrs["source"] = std::string(source);
      n.attrs["date_source"] = std::string("metadata");
      Add(std::move(n));
      reports.emplace_back(std::move(slug), published);
    }
    ev.first_doc = reports.front().first;
    ev.first_doc_date = reports.front().second;

    Node n;
    n.id = ev.id;
    n.kind = kind;
    n.label = std::move(label);
    n.date = ev.date;
    n.attrs["identity"] = ev.identity;
    n.attrs["date_rule"] = ev.rule;
    if (kind == NodeKind::kCall) n.attrs["medium"] = std::string("phone");
    if (kind == NodeKind::kSummit) {
      n.attrs["format"] =
          std::string(ev.series || ev.participants.size() > 2 ? "multilateral" : "bilateral");
    }
    Add(std::move(n));

    for (int l : ev.participants) {
      Edge e = MakeEdge(leaders_[l].id, ev.id, EdgeKind::kParticipant, ev.date, ev.rule);
      e.evidence = {MakeEvidence(rng_, ev.first_doc, ev.sentence)};
      Add(std::move(e));
      events_of_[l].push_back(index);
    }
    for (int i : issues) {
      Edge e = MakeEdge(ev.id, issues_[i].id, EdgeKind::kDiscussed, ev.date, ev.rule);
      e.evidence = {MakeEvidence(rng_, ev.first_doc, ev.sentence)};
      Add(std::move(e));
    }
    if (city >= 0) {
      Edge e = MakeEdge(ev.id, cities_[city].id, EdgeKind::kHeldIn, ev.date, ev.rule);
      e.evidence = {MakeEvidence(rng_, ev.first_doc, ev.sentence)};
      Add(std::move(e));
    }
    for (const auto& [doc, published] : reports) {
      Edge e = MakeEdge(ev.id, "doc/" + doc, EdgeKind::kReportedBy, published, "document-date");
      e.evidence = {MakeEvidence(rng_, doc, ev.sentence)};
      Add(std::move(e));
      // Two documents in five name a leader in passing; the busiest are
      // named most.
      if (rng_.PerMille(400)) {
        const Leader& named = leaders_[PickLeader(year, ev.participants)];
        Edge m = MakeEdge("doc/" + doc, named.id, EdgeKind::kMentions, DateValue(), "");
        m.evidence = {MakeEvidence(rng_, doc, named.label + " also commented on the talks.")};
        Add(std::move(m));
      }
    }
    events_.push_back(std::move(ev));
  }

  // One summit per series and year, three to six leaders, two days long.
  void MakeSeriesSummits() {
    events_of_.assign(leaders_.size(), {});
    for (size_t s = 0; s < std::size(kSeries); ++s) {
      for (int year = shape_.first_year; year <= shape_.last_year; ++year) {
        Event ev;
        ev.series = true;
        ev.identity = "series:" + std::string(kSeries[s].slug);
        ev.id = "summit/" + std::string(kSeries[s].slug) + "/" + YearString(year);
        int month = static_cast<int>(s) % 12 + 1;
        PartialDate first = *PartialDate::Make(year, month, rng_.Between(1, 26));
        ev.date = *DateValue::Interval(first, PartialDate::FromDays(*first.FirstDay() + 1));
        ev.rule = "explicit";
        ev.participants = PickParticipants(rng_.Between(3, 6), year);
        std::vector<int> issues = PickIssues(ev.participants);
        int city = city_picker_.Pick(rng_);
        std::string label = std::string(kSeries[s].label) + " summit " + YearString(year);
        ev.sentence = Names(ev.participants) + " met at the " + label + " in " +
                      cities_[city].label + " to discuss " + issues_[issues.front()].label + ".";
        Emit(std::move(ev), NodeKind::kSummit, std::move(label), issues, city, year);
      }
    }
  }

  // Calls (three in four) and summits between two leaders, sometimes three
  // to six, until the shape's event count is reached.
  void MakeEvents() {
    const int target = shape_.events;
    for (long attempts = 0; static_cast<int>(events_.size()) < target && attempts < 4L * target;
         ++attempts) {
      const bool call = rng_.PerMille(750);
      const NodeKind kind = call ? NodeKind::kCall : NodeKind::kSummit;
      const int year = rng_.Between(shape_.first_year, shape_.last_year);
      Event ev;
      RandomDate(year, !call, &ev.date, &ev.rule);
      int p = static_cast<int>(rng_.Below(1000));
      int count = p < 850 ? 2 : p < 910 ? 3 : p < 950 ? 4 : p < 980 ? 5 : 6;
      ev.participants = PickParticipants(count, year);
      for (int l : ev.participants) {
        ev.identity += (ev.identity.empty() ? "" : "+") + leaders_[l].slug;
      }
      ev.id =
          std::string(NodeKindName(kind)) + "/" + ev.date.begin().ToString() + "/" + ev.identity;
      // Two events of one kind, day and people are one event.
      if (graph_.FindNode(ev.id)) continue;
      std::vector<int> issues = PickIssues(ev.participants);
      int city = -1;
      if (!call) {
        const Country& host =
            countries_[leaders_[ev.participants[rng_.Below(ev.participants.size())]].country];
        city = host.city >= 0 ? host.city : city_picker_.Pick(rng_);
      }
      std::string label;
      for (int l : ev.participants) label += (label.empty() ? "" : "–") + leaders_[l].surname;
      label += call ? " call" : " meeting";
      ev.sentence = call ? Names(ev.participants) + " spoke by phone about " +
                               issues_[issues.front()].label + "."
                         : Names(ev.participants) + " met in " + cities_[city].label +
                               " and discussed " + issues_[issues.front()].label + ".";
      Emit(std::move(ev), kind, std::move(label), issues, city, year);
    }
  }

  // About one event in ten recalls or plans another of one of its
  // participants; the report of the first often reports the second too.
  void MakeReferences() {
    for (size_t i = 0; i < events_.size(); ++i) {
      if (!rng_.PerMille(100)) continue;
      const Event& from = events_[i];
      const std::vector<int>& theirs =
          events_of_[from.participants[rng_.Below(from.participants.size())]];
      if (theirs.size() < 2) continue;
      size_t j = static_cast<size_t>(theirs[rng_.Below(theirs.size())]);
      if (j == i) continue;
      const Event& to = events_[j];
      Edge e = MakeEdge(from.id, to.id, EdgeKind::kRefersTo, from.date, from.rule);
      e.confidence = 0.8;
      bool later = !from.date.is_null() && CompareDates(to.date, from.date) > 0;
      e.attrs["tense"] = std::string(later ? "planned" : "recalled");
      e.evidence = {MakeEvidence(rng_, from.first_doc, from.sentence)};
      Add(std::move(e));
      if (rng_.PerMille(300)) {
        Edge r = MakeEdge(to.id, "doc/" + from.first_doc, EdgeKind::kReportedBy,
                          from.first_doc_date, "document-date");
        r.evidence = {MakeEvidence(rng_, from.first_doc, from.sentence)};
        Add(std::move(r));
      }
    }
  }

  // As MergeEvents links them: consecutive dated events of the same people.
  void MakePrecedes() {
    std::map<std::string, std::vector<const Event*>> by_identity;
    for (const Event& ev : events_) {
      if (ev.series || !ev.date.begin().has_year()) continue;
      by_identity[ev.identity].push_back(&ev);
    }
    for (auto& [identity, events] : by_identity) {
      std::sort(events.begin(), events.end(), [](const Event* a, const Event* b) {
        int c = CompareDates(a->date, b->date);
        return c != 0 ? c < 0 : a->id < b->id;
      });
      for (size_t i = 1; i < events.size(); ++i) {
        Add(MakeEdge(events[i - 1]->id, events[i]->id, EdgeKind::kPrecedes, events[i - 1]->date,
                     events[i - 1]->rule));
      }
    }
  }

  const GraphShape shape_;
  Rng rng_;
  WeightedPicker leader_picker_;
  WeightedPicker country_picker_;
  WeightedPicker city_picker_;
  WeightedPicker issue_picker_;
  EventGraph graph_;
  Status status_;
  std::vector<Country> countries_;
  std::vector<City> cities_;
  std::vector<Issue> issues_;
  std::vector<Leader> leaders_;
  std::vector<Event> events_;
  std::vector<std::vector<int>> events_of_;  // By leader: indexes into events_.
  int doc_count_ = 0;
};

}  // namespace

Result<EventGraph> GenerateEventGraph(const GraphShape& shape) {
  if (shape.leaders < 6 || shape.countries < 1 || shape.cities < 1 || shape.issues < 1 ||
      shape.first_year > shape.last_year || shape.first_year < 1) {
    return Status::Invalid(
        "graph shape too small: need 6 leaders, a country, a city, an issue "
        "and first_year <= last_year");
  }
  GraphShape fitted = shape;
  fitted.cities = std::min(shape.cities, shape.countries);
  return Generator(fitted).Run();
}

}  // namespace etkg
