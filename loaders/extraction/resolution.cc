// Stage 4: document-level resolution: one event per happening, the main event, coreference.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/event_merge.h"
#include "graph/text.h"
#include "loaders/extraction/document_extraction.h"
#include "loaders/genre.h"
#include "loaders/matcher.h"
#include "loaders/rules.h"
#include "loaders/segmenter.h"
#include "loaders/temporal_tagger.h"
#include "loaders/text_util.h"
#include "loaders/topics.h"

namespace etkg::extraction {

std::string IdentityOf(const std::vector<LeaderRef>& participants) {
  std::vector<std::string> ids;
  for (const LeaderRef& p : participants) ids.push_back(p.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string identity;
  for (const std::string& id : ids) identity += (identity.empty() ? "" : "+") + id;
  return identity;
}

void DocumentExtraction::ClusterEvents() {
  // Strong mentions first: they make events. Mentions of one kind and
  // identity with compatible dates are one event; an undated one joins the
  // only dated event it can be.
  for (EventMention& m : event_mentions_) {
    if (m.identity.empty()) m.identity = IdentityOf(m.participants);
  }
  auto date_rule_better = [](const EventMention& m, const DocEvent& e) {
    std::string rule;
    if (auto it = e.node.attrs.find("date_rule"); it != e.node.attrs.end()) {
      rule = std::get<std::string>(it->second);
    }
    return BetterEventDate(m.date, m.rule, 1, e.node.date, rule, 1);
  };
  auto add_to = [&](DocEvent& e, const EventMention& m) {
    e.sentences.push_back(m.sentence);
    if (m.sentence_extra) e.sentences.push_back(*m.sentence_extra);
    e.durations.insert(e.durations.end(), m.durations.begin(), m.durations.end());
    e.places.insert(e.places.end(), m.places.begin(), m.places.end());
    for (const LeaderRef& p : m.participants) {
      bool seen = std::any_of(e.participants.begin(), e.participants.end(),
                              [&](const LeaderRef& q) { return q.id == p.id; });
      if (!seen && !m.weak) e.participants.push_back(p);
    }
    if (!m.weak && date_rule_better(m, e)) {
      e.node.date = m.date;
      e.node.attrs["date_rule"] = m.rule;
    }
    if (m.video) e.node.attrs["medium"] = std::string("video");
    e.primary = e.primary || m.primary;
    e.first_sentence = std::min(e.first_sentence, m.sentence);
  };
  // The events of each kind and identity, so that a mention is compared
  // with its own kind of event only: a long digest of many calls stays
  // linear in its length.
  std::map<std::pair<NodeKind, std::string>, std::vector<size_t>> by_identity;
  // Dated mentions found first make the events; then the undated ones join.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < event_mentions_.size(); ++i) {
      const EventMention& m = event_mentions_[i];
      if (m.weak || m.at_the_summit) continue;
      if ((pass == 0) == m.date.is_null()) continue;
      std::vector<size_t>& same = by_identity[{m.kind, m.identity}];
      std::vector<size_t> fits;
      for (size_t k : same) {
        const DocEvent& e = events_[k];
        if (m.date.is_null() || e.node.date.is_null() ||
            m.date.CompatibleWith(e.node.date, kMergeToleranceDays) ||
            e.node.date.Contains(m.date)) {
          fits.push_back(k);
        }
      }
      if (fits.size() == 1) {
        add_to(events_[fits[0]], m);
      } else if (fits.empty() && (!m.date.is_null() || m.primary)) {
        DocEvent e;
        e.node.kind = m.kind;
        e.node.attrs["identity"] = m.identity;
        e.node.attrs["date_rule"] = m.rule;
        e.node.date = m.date;
        if (m.kind == NodeKind::kSummit) e.node.attrs["format"] = m.format;
        if (m.kind == NodeKind::kCall) e.node.attrs["medium"] = std::string("phone");
        if (!m.series.empty()) e.node.attrs["series"] = m.series;
        e.node.label = m.label;
        e.first_sentence = m.sentence;
        add_to(e, m);
        same.push_back(events_.size());
        events_.push_back(std::move(e));
      }
    }
  }
  // A call with no date in its sentences takes the document's own date when
  // the document is a dated report (a readout says "spoke with", no "today").
  for (DocEvent& e : events_) {
    if (e.node.date.is_null() && e.primary && strong_anchor_ &&
        anchor_.precision() == DatePrecision::kDay) {
      e.node.date = anchor_;
      e.node.attrs["date_rule"] = std::string(kRuleDocumentDate);
    }
  }
  // A headline's word for the event is loose: "Sunak holds talks with
  // Modi" over the readout of a phone call is that call. An event named
  // only in the title joins the body's event of the same sides and a
  // compatible date, whatever its kind.
  std::vector<bool> merged(events_.size(), false);
  for (size_t k = 0; k < events_.size(); ++k) {
    DocEvent& headline = events_[k];
    bool title_only = std::all_of(headline.sentences.begin(), headline.sentences.end(),
                                  [&](size_t i) { return title_sentence_[i]; });
    if (!title_only || headline.node.attrs.count("series")) continue;
    for (size_t j = 0; j < events_.size(); ++j) {
      DocEvent& body = events_[j];
      if (j == k || merged[j] || body.node.kind == headline.node.kind) continue;
      if (body.node.attrs.count("series") ||
          body.participants.size() != headline.participants.size()) {
        continue;
      }
      if (IdentityOf(body.participants) != IdentityOf(headline.participants)) continue;
      bool dates_fit = headline.node.date.is_null() || body.node.date.is_null() ||
                       headline.node.date.CompatibleWith(body.node.date, kMergeToleranceDays);
      if (!dates_fit) continue;
      body.sentences.insert(body.sentences.end(), headline.sentences.begin(),
                            headline.sentences.end());
      body.primary = body.primary || headline.primary;
      body.first_sentence = std::min(body.first_sentence, headline.first_sentence);
      merged[k] = true;
      break;
    }
  }
  if (std::find(merged.begin(), merged.end(), true) != merged.end()) {
    std::vector<DocEvent> kept;
    for (size_t k = 0; k < events_.size(); ++k) {
      if (!merged[k]) kept.push_back(std::move(events_[k]));
    }
    events_ = std::move(kept);
  }
  // "at the summit" without its name: the document's one named summit.
  std::vector<size_t> named_summits;
  for (size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].node.kind == NodeKind::kSummit && events_[k].node.attrs.count("series")) {
      named_summits.push_back(k);
    }
  }
  for (const EventMention& m : event_mentions_) {
    if (m.at_the_summit && named_summits.size() == 1) add_to(events_[named_summits[0]], m);
  }
  // Weak mentions ("the call lasted two and a half hours") go to the call
  // they follow, or the first one after them.
  std::vector<size_t> calls;
  for (size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].node.kind == NodeKind::kCall) calls.push_back(k);
  }
  for (const EventMention& m : event_mentions_) {
    if (!m.weak || calls.empty()) continue;
    std::optional<size_t> target;
    for (size_t k : calls) {
      // A weak mention naming someone who is not in a call is not about it.
      bool consistent =
          std::all_of(m.participants.begin(), m.participants.end(), [&](const LeaderRef& p) {
            return std::any_of(events_[k].participants.begin(), events_[k].participants.end(),
                               [&](const LeaderRef& q) { return q.id == p.id; });
          });
      if (!consistent) continue;
      if (!target || events_[k].first_sentence <= m.sentence) target = k;
    }
    if (target) add_to(events_[*target], m);
  }
  // The event each sentence is about: the last primary event at or before it,
  // else the first after it.
  std::vector<std::pair<size_t, size_t>> primary;  // (first sentence, event)
  for (size_t k = 0; k < events_.size(); ++k) {
    if (!events_[k].primary) continue;
    for (size_t sentence : events_[k].sentences) primary.push_back({sentence, k});
  }
  std::sort(primary.begin(), primary.end());
  for (size_t i = 0; i < sentences_.size(); ++i) {
    std::optional<size_t> about;
    for (const auto& [sentence, k] : primary) {
      if (sentence <= i) about = k;
    }
    if (!about && !primary.empty()) about = primary.front().second;
    if (about) sentence_event_[i] = *about;
  }
  // Events named from within another's sentences: "a personal meeting
  // during the G20 summit" in a call's readout.
  for (size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].primary) continue;
    for (size_t sentence : events_[k].sentences) {
      auto it = sentence_event_.find(sentence);
      if (it != sentence_event_.end() && it->second != k) refers_.push_back({it->second, k});
    }
  }
  std::sort(refers_.begin(), refers_.end());
  refers_.erase(std::unique(refers_.begin(), refers_.end()), refers_.end());
}

void DocumentExtraction::ResolveDocument() { ClusterEvents(); }

}  // namespace etkg::extraction
