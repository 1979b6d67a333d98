// Stage 1: the document's structure and genre.
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

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\xC2\xA0") == std::string_view::npos;
}

// Where reader comments and page furniture begin: the first line, in the
// second part of a page, that only such junk starts with. Extraction stops
// there, so "Log Out" and comments never become events.
size_t JunkStart(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {
      "leave a reply",
      "leave a comment",
      "comments on",
      "comment on",
      "share this",
      "share on",
      "fill in your details",
      "you are commenting",
      "related posts",
      "related articles",
      "read more",
      "click to share",
      "like this:",
      "sign up for",
      "subscribe to",
      "your email address will not",
      "reader comments",
      "comments (",
      "log in to reply",
      "posted by",
      "###",  // The end of a press release; what follows is the page's.
  };
  size_t pos = text.size() / 3;  // Junk sits at the end, not in a headline.
  pos = text.rfind('\n', pos);
  pos = pos == std::string_view::npos ? 0 : pos + 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.size() < 120) {
      std::string lower = AsciiLower(line);
      size_t start = lower.find_first_not_of(" \t0123456789");
      if (start != std::string::npos) {
        std::string_view head = std::string_view(lower).substr(start);
        for (std::string_view marker : kMarkers) {
          if (head.substr(0, marker.size()) == marker) return pos;
          // "2 comments on “...”"
          if (marker == "comments on" && head.find(marker) != std::string_view::npos &&
              head.find(marker) < 4) {
            return pos;
          }
        }
      }
    }
    pos = end + 1;
  }
  return text.size();
}

// Evidence text is the sentence, cut (on a UTF-8 boundary) when very long.
std::string EvidenceText(std::string_view sentence) {
  constexpr size_t kMax = 600;
  if (sentence.size() <= kMax) return std::string(sentence);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  return std::string(sentence.substr(0, cut)) + "…";
}

// Letters and digits, lower-cased, every other run one space: "Obama, Abbas
// meet" and "OBAMA ABBAS MEET" read alike.
std::string FoldForCompare(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(text[i]);
    // Typographic quotes, dashes and the no-break space part words as
    // their ASCII forms do: "We’ll" is "we ll".
    size_t typographic = 0;
    if (u == 0xE2 && text.substr(i + 1, 1) == "\x80" && i + 2 < text.size()) {
      unsigned char third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x93 || third == 0x94 || (third >= 0x98 && third <= 0x9D)) typographic = 3;
    } else if (u == 0xC2 && text.substr(i + 1, 1) == "\xA0") {
      typographic = 2;
    }
    if (typographic) {
      i += typographic - 1;
      if (!space) {
        out += ' ';
        space = true;
      }
    } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
      out += static_cast<char>(u);
      space = false;
    } else if (u >= 'A' && u <= 'Z') {
      out += static_cast<char>(u + ('a' - 'A'));
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A page's title names what the page is about ("Remarks ... Before Their
// Meeting"); it is read as the text's first line when the body does not
// open with it.
bool TitleMissingFrom(std::string_view title, std::string_view body) {
  std::string folded = FoldForCompare(title);
  if (folded.size() < 8) return false;
  // A title stands at the top: twice its length and a banner's worth.
  size_t head = std::min<size_t>(body.size(), 2 * title.size() + 400);
  return FoldForCompare(body.substr(0, head)).find(folded) == std::string::npos;
}

// ---------------------------------------------------------------------------
// What one document holds, sentence by sentence.

// The date a text was issued, when its header gives it on a line of its
// own ("OCTOBER 14, 2023", "New York, 24 September 2013", "Moscow, Russia /
// July 15, 2016"): a line of a few words that is mostly one full date.
PartialDate DocumentExtraction::HeaderDate() const {
  std::string_view body = text_.substr(body_begin_);
  size_t pos = 0;
  for (int lines = 0; lines < 16 && pos < body.size() && pos < 2000; ++lines) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() < 6 || line.size() > 60) continue;
    std::vector<TimeExpression> dates = tagger_.Tag(line, PartialDate(), Tense::kPast);
    if (dates.size() != 1 || dates[0].rule != kRuleExplicit ||
        dates[0].value.precision() != DatePrecision::kDay) {
      continue;
    }
    // Around the date, at most a place of three words: no sentence.
    std::string rest = std::string(line.substr(0, dates[0].offset)) + " " +
                       std::string(line.substr(dates[0].offset + dates[0].length));
    std::string folded = FoldForCompare(rest);
    if (std::count(folded.begin(), folded.end(), ' ') >= 3) continue;
    auto day = dates[0].value.FirstDay();
    if (!day) continue;
    return PartialDate::FromDays(*day);
  }
  return PartialDate();
}

void DocumentExtraction::FindAnchor() {
  const PartialDate& published = doc_.meta.published;
  issue_date_ = HeaderDate();
  if (published.has_year()) {
    anchor_ = published;
    strong_anchor_ = true;
    // A page published after its text was issued (a repost, a page put up
    // days later): "today" is the day the text itself gives.
    auto issued = issue_date_.FirstDay();
    auto page = published.FirstDay();
    if (issued && page && published.precision() == DatePrecision::kDay && *issued <= *page &&
        *page - *issued <= 7) {
      anchor_ = issue_date_;
    }
  } else if (issue_date_.FirstDay()) {
    anchor_ = issue_date_;
    strong_anchor_ = true;
  } else {
    // No date of its own: the latest explicit year in the text gives the
    // year, but not a day that "today" or "on Tuesday" could count from.
    PartialDate latest = LatestExplicitDate(text_);
    if (latest.has_year()) anchor_ = *PartialDate::Make(latest.year());
  }
  event_anchor_ = anchor_;
  if (anchor_.precision() == DatePrecision::kYear) {
    event_anchor_ = *PartialDate::Make(anchor_.year(), 7, 1);
  }
}

void DocumentExtraction::FindHomeCountry() {
  // The government a readout speaks for: the first seat of government named
  // ("the White House"), else the country of the dateline's place.
  for (const Mention& m : mentions_) {
    if (const MatchTarget* t = m.Find(EntityType::kInstitution)) {
      home_country_ = g_.institutions()[t->index].country;
      return;
    }
  }
  // A readout's own web address: in its metadata, or pasted in its text
  // (found by the matcher's one pass).
  const std::vector<Office>& offices = English()->offices;
  std::string url = AsciiLower(doc_.meta.url);
  for (const Office& office : offices) {
    if (!office.country.empty() && url.find(office.domain) != std::string::npos &&
        g_.FindPlace(office.country)) {
      home_country_ = office.country;
      return;
    }
  }
  for (const Mention& m : mentions_) {
    for (uint32_t t = 0; t < m.num_targets; ++t) {
      if (m.targets[t].type != EntityType::kCue || m.targets[t].index < kDomainBase) continue;
      const Office& office = offices[m.targets[t].index - kDomainBase];
      if (!office.country.empty() && g_.FindPlace(office.country)) {
        home_country_ = office.country;
        return;
      }
    }
  }
  if (!doc_.dateline_place.empty()) {
    // Compared in any case, without a copy of every name.
    auto same = [&](std::string_view name) {
      std::string_view wanted = doc_.dateline_place;
      if (name.size() != wanted.size()) return false;
      for (size_t k = 0; k < name.size(); ++k) {
        char a = name[k], b = wanted[k];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
      }
      return true;
    };
    for (size_t i = 0; i < g_.places().size(); ++i) {
      const PlaceEntry& p = g_.places()[i];
      bool hit = same(p.name);
      for (const auto& a : p.aliases) hit = hit || same(a);
      if (hit) {
        home_country_ = PlaceCountry(static_cast<uint32_t>(i));
        return;
      }
    }
  }
}

void DocumentExtraction::FindTitleSentences() {
  title_sentence_.assign(sentences_.size(), false);
  if (body_begin_ > 0) {
    for (size_t i = 0; i < sentences_.size() && sentences_[i].span.begin < body_begin_; ++i) {
      title_sentence_[i] = true;
    }
    return;
  }
  std::string title = FoldForCompare(doc_.meta.title);
  if (title.size() < 8) return;
  // The headline that repeats the title, among the first lines.
  for (size_t i = 0; i < sentences_.size() && i < 6 && sentences_[i].span.begin < 1200; ++i) {
    // A headline is about the title's length; a paragraph is no headline.
    if (sentences_[i].span.end - sentences_[i].span.begin > 3 * doc_.meta.title.size() + 100) {
      continue;
    }
    std::string sentence =
        FoldForCompare(Slice(text_, sentences_[i].span.begin, sentences_[i].span.end));
    if (sentence.size() >= 8 &&
        (sentence.find(title) != std::string::npos || title.find(sentence) != std::string::npos)) {
      title_sentence_[i] = true;
      return;
    }
  }
}

// "PRESIDENT BIDEN:  Well, welcome", "FOREIGN MINISTER LAVROV: (Via
// interpretation)", "President of Russia Vladimir Putin: Mr Secretary":
// a line that opens with a short label naming a leader the text names,
// then a colon, starts what that leader says.
void DocumentExtraction::FindSpeakers() {
  speaker_.assign(sentences_.size(), std::nullopt);
  speaker_label_end_.assign(sentences_.size(), 0);
  std::optional<LeaderRef> current;
  size_t next_sentence = 0;
  size_t pos = body_begin_;
  while (pos < text_.size()) {
    size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(pos, end - pos);
    size_t colon = line.find(':');
    // "United States Secretary of State John Kerry" with the colon on the
    // next line.
    if (colon == std::string_view::npos && end + 1 < text_.size() && text_[end + 1] == ':') {
      colon = line.size();
    }
    std::optional<LeaderRef> speaker;
    uint32_t label_end = 0;
    if (colon != std::string_view::npos && colon >= 4 && colon <= 70) {
      std::string_view label = line.substr(0, colon);
      bool words_only = label.find_first_of(".;,!?\"“”()") == std::string_view::npos ||
                        label.find("Mr.") != std::string_view::npos;
      size_t spaces = std::count(label.begin(), label.end(), ' ');
      if (words_only && spaces <= 8) {
        uint32_t lb = static_cast<uint32_t>(pos), le = static_cast<uint32_t>(pos + colon);
        auto first = std::lower_bound(mentions_.begin(), mentions_.end(), lb,
                                      [](const Mention& m, uint32_t at) { return m.begin < at; });
        for (auto m_it = first; m_it != mentions_.end() && m_it->begin < le; ++m_it) {
          const Mention& m = *m_it;
          if (const MatchTarget* t = m.Find(EntityType::kLeader)) {
            speaker = RefFromEntry(g_.leaders()[t->index], m.begin, m.end);
          }
        }
        // "SECRETARY KERRY": the last word, in any case, is the surname of
        // a leader the text names.
        if (!speaker) {
          size_t last = label.find_last_of(' ');
          std::string surname =
              AsciiLower(last == std::string_view::npos ? label : label.substr(last + 1));
          for (const std::string& id : named_leaders_) {
            const LeaderEntry* e = g_.FindLeader(id);
            if (!e || surname.size() < 3) continue;
            std::string name = AsciiLower(e->name);
            if (name.size() > surname.size() && name.ends_with(surname) &&
                name[name.size() - surname.size() - 1] == ' ') {
              speaker = RefFromEntry(*e, lb, le);
            }
          }
        }
      }
    }
    if (speaker) {
      current = speaker;
      ++speaker_lines_;
      label_end = static_cast<uint32_t>(pos + colon);
    }
    while (next_sentence < sentences_.size() && sentences_[next_sentence].span.begin < end) {
      if (sentences_[next_sentence].span.begin >= pos) {
        speaker_[next_sentence] = current;
        if (sentences_[next_sentence].span.begin < label_end) {
          speaker_label_end_[next_sentence] = label_end;
        }
      }
      ++next_sentence;
    }
    pos = end + 1;
  }
}

void DocumentExtraction::ReadStructure() {
  std::string_view body = std::string_view(doc_.text).substr(0, JunkStart(doc_.text));
  if (TitleMissingFrom(doc_.meta.title, body)) {
    analysis_.reserve(doc_.meta.title.size() + 2 + body.size());
    analysis_ = doc_.meta.title;
    analysis_ += "\n\n";
    body_begin_ = static_cast<uint32_t>(analysis_.size());
    analysis_ += body;
    text_ = analysis_;
  } else {
    text_ = body;
  }
  dateline_end_ = doc_.dateline_end + body_begin_;
  mentions_ = matcher_.Find(text_);
  FindAnchor();
  FindHomeCountry();
  std::vector<TextSpan> spans = SplitSentences(text_);
  sentences_.resize(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) sentences_[i].span = spans[i];
  size_t m = 0;
  for (Sentence& s : sentences_) {
    while (m < mentions_.size() && mentions_[m].begin < s.span.begin) ++m;
    s.first_mention = m;
    while (m < mentions_.size() && mentions_[m].end <= s.span.end) ++m;
    s.last_mention = m;
  }
  // Names first, so that titles can point at people the text names.
  for (const Mention& mention : mentions_) {
    if (const MatchTarget* t = mention.Find(EntityType::kLeader)) {
      named_leaders_.insert(g_.leaders()[t->index].id);
    }
  }
  for (Sentence& s : sentences_) {
    for (size_t i = s.first_mention; i < s.last_mention; ++i) {
      if (const MatchTarget* t = mentions_[i].Find(EntityType::kLeader)) {
        if (FormerBefore(s, mentions_[i].begin)) former_leaders_.insert(g_.leaders()[t->index].id);
      }
    }
  }
  FindTitleSentences();
  FindSpeakers();
  genre_ = DetectGenre(doc_.meta.title, text_.substr(body_begin_), speaker_lines_);
  // Labels are speakers only where the genre has them: "Note: ..." in a
  // readout is nobody's turn.
  if (!HasSpeakers(genre_)) {
    speaker_.assign(sentences_.size(), std::nullopt);
    speaker_label_end_.assign(sentences_.size(), 0);
  }
}

}  // namespace etkg::extraction
