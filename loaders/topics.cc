#include "loaders/topics.h"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "graph/text.h"
#include "loaders/phrase_index.h"
#include "loaders/rules.h"
#include "loaders/text_util.h"

namespace etkg {
namespace {

enum class TriggerKind { kAbout, kAboutFor, kCondolences };

struct Trigger {
  std::string phrase;  // Lower case.
  TriggerKind kind;
};

struct TopicRules {
  std::vector<Trigger> triggers;
  PhraseIndex trigger_index;  // Id: index in triggers.
  std::set<std::string, std::less<>> generic;
  PhraseIndex negations;
  std::set<std::string, std::less<>> modifiers;
  PhraseIndex event_words;
  std::vector<std::string> frames;  // Lower case, each with a space after.
  std::set<std::string, std::less<>> courtesies;
};

const TopicRules& Rules() {
  static const TopicRules rules = [] {
    TopicRules out;
    Result<std::vector<RuleLine>> lines =
        ParseRuleTable(EmbeddedRules("en/topics.tsv"), "loaders/rules/en/topics.tsv", 2);
    // tests/loaders/rules_test.cc parses every table: a broken one never
    // ships (and would only find no topics).
    if (!lines.ok()) return out;
    for (const RuleLine& line : *lines) {
      const std::string& kind = line.fields[0];
      std::string phrase = AsciiLower(line.fields[1]);
      if (kind == "about") out.triggers.push_back({phrase, TriggerKind::kAbout});
      if (kind == "about-for") out.triggers.push_back({phrase, TriggerKind::kAboutFor});
      if (kind == "condolences") out.triggers.push_back({phrase, TriggerKind::kCondolences});
      if (kind == "generic") {
        // Compared without its article, as topics are.
        for (std::string_view lead : {"the ", "a ", "an "}) {
          if (phrase.starts_with(lead)) phrase.erase(0, lead.size());
        }
        out.generic.insert(phrase);
      }
      if (kind == "negation") out.negations.Add(phrase, 0);
      if (kind == "modifier") out.modifiers.insert(phrase);
      if (kind == "event-word") out.event_words.Add(phrase, 0);
      if (kind == "frame") {
        // Matched after the article goes, as every topic's is.
        if (phrase.starts_with("the ")) phrase.erase(0, 4);
        out.frames.push_back(phrase + " ");
      }
      if (kind == "courtesy") out.courtesies.insert(phrase);
    }
    for (size_t i = 0; i < out.triggers.size(); ++i)
      out.trigger_index.Add(out.triggers[i].phrase, i);
    return out;
  }();
  return rules;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Where the topics after a trigger stop: the end of the clause. `text` is
// the sentence, `lower` the same in lower case.
size_t ClauseEnd(std::string_view text, std::string_view lower, size_t from) {
  // Words that start another clause, found in one pass over the window.
  static const PhraseIndex kStops = [] {
    PhraseIndex index;
    for (std::string_view stop : {"that",
                                  "which",
                                  "who",
                                  "while",
                                  "whereas",
                                  "in order to",
                                  "so that",
                                  "and agreed",
                                  "and expressed",
                                  "and reaffirmed",
                                  "and stressed",
                                  "and noted",
                                  "and welcomed",
                                  "and pledged",
                                  "and committed",
                                  "and to",
                                  "and discussed",
                                  "and underscored",
                                  "and emphasized",
                                  "and thanked",
                                  "and said",
                                  "saying",
                                  "as part of",
                                  "after",
                                  "before",
                                  "during",
                                  "when",
                                  "where",
                                  "amid",
                                  "following",
                                  "as the",
                                  "was",
                                  "were",
                                  "is",
                                  "are",
                                  "has",
                                  "have",
                                  "had",
                                  "will",
                                  "would",
                                  "and the leaders",
                                  "and the two",
                                  "and both",
                                  "and they",
                                  "and he",
                                  "and she",
                                  "and we",
                                  "said",
                                  "says",
                                  "told",
                                  "and further"}) {
      index.Add(std::string(stop), 0);
    }
    return index;
  }();
  size_t end = std::min(lower.size(), from + 200);
  // Stops are looked for in the next 200 bytes only.
  const std::string_view window = lower.substr(from, std::min<size_t>(lower.size() - from, 220));
  if (end < lower.size()) {
    // Never in the middle of a word.
    size_t space = lower.rfind(' ', end);
    end = space == std::string_view::npos || space < from ? from : space;
  }
  std::vector<PhraseIndex::Hit> stops = kStops.Find(window);
  if (!stops.empty()) end = std::min(end, from + stops.front().begin);
  for (size_t at = from; at < end; ++at) {
    if (text[at] == ';' || text[at] == '(' || text[at] == ')' ||
        text.substr(at, 3) == "\xE2\x80\x94" || text.substr(at, 5) == " \xE2\x80\x93 ") {
      end = at;
      break;
    }
    // A full stop ends it, the dots of "U.S." and "U.N. Security" do not.
    if (text[at] == '.' && (at + 1 >= text.size() || text[at + 1] == ' ' || text[at + 1] == '\n')) {
      bool initials = at >= 2 && IsUpperAscii(text[at - 1]) && text[at - 2] == '.';
      if (!initials) {
        end = at;
        break;
      }
    }
    // A new clause: ", and President Obama reaffirmed", ", emphasizing that".
    if (text.substr(at, 2) != ", ") continue;
    std::string_view rest = lower.substr(at + 2);
    size_t word_end = rest.find_first_of(" ,");
    std::string_view word = rest.substr(0, word_end);
    bool gerund = word.size() > 5 && word.ends_with("ing") && word != "including";
    bool new_subject = false;
    if (word == "and" && word_end != std::string_view::npos &&
        at + 2 + word_end + 1 < text.size()) {
      std::string_view next = rest.substr(word_end + 1);
      new_subject = IsUpperAscii(text[at + 2 + word_end + 1]) || next.starts_with("he ") ||
                    next.starts_with("she ") || next.starts_with("they ") ||
                    next.starts_with("we ") || next.starts_with("the two ") ||
                    next.starts_with("both ") || next.starts_with("the leaders ") ||
                    next.starts_with("the president") ||
                    (next.starts_with("the ") && at + 2 + word_end + 5 < text.size() &&
                     IsUpperAscii(text[at + 2 + word_end + 5]));
    }
    if (gerund || new_subject) {
      end = at;
      break;
    }
  }
  return end;
}

bool Negated(std::string_view lower, size_t trigger) {
  // The words of the same clause before the trigger, at most 60 bytes.
  size_t from = trigger > 60 ? trigger - 60 : 0;
  size_t clause = lower.find_last_of(",;.", trigger);
  if (clause != std::string_view::npos && clause >= from) from = clause + 1;
  std::string_view before = lower.substr(from, trigger - from);
  if (before.find("n't") != std::string_view::npos) return true;
  return !Rules().negations.Find(before).empty();
}

// Without spaces and commas before it, nor spaces and punctuation after.
std::string_view TrimPhrase(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && std::string_view(" ,.;:!?").find(s.back()) != std::string_view::npos) {
    s.remove_suffix(1);
  }
  return s;
}

// clang-format off
constexpr std::string_view kLeading[] = {
    "and ", "or ", "but ", "as well as ", "including ", "the ", "a ", "an ", "their ", "his ",
    "her ", "its ", "our ", "both ", "also ", "all ", "various ", "several ", "further ",
    "other ", "about ", "on "};
// clang-format on

constexpr std::string_view kStopWords[] = {
    "the",     "a",    "an",   "of",    "in",    "on",  "for",  "to",  "and",   "with",
    "at",      "by",   "from", "its",   "their", "his", "her",  "our", "about", "over",
    "between", "this", "that", "these", "those", "s",   "both", "all"};

}  // namespace

std::string TopicKey(std::string_view phrase) {
  struct Stemmer {
    sb_stemmer* stemmer = sb_stemmer_new("english", nullptr);
    ~Stemmer() { sb_stemmer_delete(stemmer); }
  };
  // A Snowball stemmer is not thread-safe: one per thread.
  thread_local Stemmer stem;
  std::string lower = AsciiLower(phrase);
  std::string key;
  size_t i = 0;
  while (i < lower.size()) {
    if (!IsWordByte(lower[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lower.size() && IsWordByte(lower[j])) ++j;
    std::string_view word = std::string_view(lower).substr(i, j - i);
    i = j;
    if (std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords)) {
      continue;
    }
    std::string stemmed(word);
    if (stem.stemmer) {
      const sb_symbol* out =
          sb_stemmer_stem(stem.stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                          static_cast<int>(word.size()));
      if (out) stemmed.assign(reinterpret_cast<const char*>(out), sb_stemmer_length(stem.stemmer));
    }
    key += (key.empty() ? "" : "-") + stemmed;
  }
  return Slugify(key);
}

std::vector<Topic> FindTopics(std::string_view sentence,
                              const std::function<bool(size_t, size_t)>& keep) {
  const TopicRules& rules = Rules();
  std::string lower = AsciiLower(sentence);
  // Trigger occurrences, left to right, the longest where several start
  // at one word.
  struct Hit {
    size_t begin, end;
    TriggerKind kind;
  };
  std::vector<Hit> hits;
  for (const PhraseIndex::Hit& h : rules.trigger_index.Find(lower)) {
    hits.push_back({h.begin, h.end, rules.triggers[h.id].kind});
  }
  std::vector<Topic> topics;
  // "exchanged views on the situation around X": a trigger inside a topic
  // found before adds nothing.
  size_t covered = 0;
  for (const Hit& hit : hits) {
    if (hit.end <= covered) continue;
    if (Negated(lower, hit.begin)) continue;
    size_t start = hit.end;
    if (hit.kind == TriggerKind::kAboutFor) {
      size_t for_at = lower.find(" for ", start);
      if (for_at == std::string::npos || for_at > start + 60) continue;
      start = for_at + 5;
    }
    size_t end = ClauseEnd(sentence, lower, start);
    // "a range of bilateral and international issues": vague as a whole.
    {
      std::string_view whole = TrimPhrase(std::string_view(lower).substr(start, end - start));
      for (std::string_view lead : {"the ", "a ", "an "}) {
        if (whole.starts_with(lead)) whole.remove_prefix(lead.size());
      }
      if (rules.generic.count(whole) || whole.starts_with("range of") ||
          whole.starts_with("number of") || whole.starts_with("variety of") ||
          whole.starts_with("host of")) {
        continue;
      }
    }
    // Conjuncts: "X, Y and Z", "X as well as Y", "X, including Y".
    size_t pos = start;
    // After "the need to focus ...", the next conjuncts start with verbs
    // too: "... and build support for Y".
    bool verbs = false;
    bool first_conjunct = true;
    size_t lone_word = std::string::npos;  // A topic of one lower-case word, just found.
    const size_t found_before = topics.size();
    while (pos < end) {
      size_t next = end, skip = 0;
      for (std::string_view sep : {", ", ": ", " and ", " as well as ", " including ", " or "}) {
        for (size_t at = lower.find(sep, pos); at != std::string::npos && at < next;
             at = lower.find(sep, at + 1)) {
          // "the nuclear and missile threat": one phrase.
          if (sep == " and " || sep == " or ") {
            size_t word = lower.rfind(' ', at - 1);
            word = word == std::string::npos || word < pos ? pos : word + 1;
            if (rules.modifiers.count(std::string_view(lower).substr(word, at - word))) continue;
          }
          next = at, skip = sep.size();
          break;
        }
      }
      std::string_view phrase = TrimPhrase(sentence.substr(pos, next - pos));
      size_t phrase_begin =
          phrase.empty() ? pos : static_cast<size_t>(phrase.data() - sentence.data());
      pos = next + skip;
      // `lower` holds the same bytes in lower case.
      auto starts = [&](std::string_view lead) {
        return phrase.size() > lead.size() &&
               std::string_view(lower).substr(phrase_begin, lead.size()) == lead;
      };
      auto drop = [&](size_t n) {
        phrase.remove_prefix(n);
        phrase_begin += n;
      };
      // "how best to resolve X", "the need to stop X": the topic is X.
      // The verb, and an adverb before it: "ultimately defeat ISIL".
      auto drop_verb = [&] {
        for (int words = 0; words < 2; ++words) {
          size_t space = phrase.find(' ');
          if (space == std::string_view::npos) {
            phrase = {};
            return;
          }
          std::string_view word = phrase.substr(0, space);
          drop(space + 1);
          if (words == 0 && !(word.size() > 4 && word.ends_with("ly"))) return;
        }
      };
      // "... and the Y": a noun phrase after all.
      bool noun = std::any_of(std::begin(kLeading), std::end(kLeading), starts);
      // "to degrade and ultimately defeat ISIL": an adverb before a word
      // marks a verb, and the lone word before it was one too.
      // A gerund after it is the topic's own ("responsibly managing X").
      size_t space = phrase.find(' ');
      std::string_view after = space == std::string_view::npos ? "" : phrase.substr(space + 1);
      after = after.substr(0, after.find(' '));
      if (!noun && space > 4 && space != std::string_view::npos &&
          phrase.substr(0, space).ends_with("ly") && !after.empty() &&
          !IsUpperAscii(after.front()) && !after.ends_with("ing")) {
        verbs = true;
        if (lone_word < topics.size()) topics.erase(topics.begin() + lone_word);
      }
      lone_word = std::string::npos;
      if (verbs && !noun && phrase.find(' ') != std::string_view::npos &&
          !IsUpperAscii(phrase.front())) {
        drop_verb();
      }
      for (bool again = true; again;) {
        again = false;
        for (std::string_view lead : kLeading) {
          if (starts(lead)) drop(lead.size()), again = true;
        }
        for (const std::string& frame : rules.frames) {
          if (!starts(frame)) continue;
          drop(frame.size());
          again = true;
          if (frame.ends_with(" to ")) {
            drop_verb();
            verbs = verbs || first_conjunct;
          }
        }
      }
      first_conjunct = false;
      // At most eight words.
      size_t words = 0, cut = 0;
      while (cut < phrase.size() && words < 8) {
        size_t space = phrase.find(' ', cut);
        ++words;
        cut = space == std::string_view::npos ? phrase.size() : space + 1;
      }
      phrase = TrimPhrase(phrase.substr(0, cut));
      // Not ending on a word that wants more: "... members of the".
      for (bool again = true; again;) {
        again = false;
        size_t space = phrase.rfind(' ');
        if (space == std::string_view::npos) break;
        std::string last = AsciiLower(phrase.substr(space + 1));
        if (std::find(std::begin(kStopWords), std::end(kStopWords), last) != std::end(kStopWords)) {
          phrase = TrimPhrase(phrase.substr(0, space));
          again = true;
        }
      }
      std::string folded = AsciiLower(phrase);
      if (phrase.size() < 3 || rules.generic.count(folded)) continue;
      // "his warm congratulations", "the hospitality": courtesy, not a topic.
      if (rules.courtesies.count(std::string_view(folded).substr(folded.rfind(' ') + 1))) continue;
      // One word is a topic when it is a noun of some length ("trade"),
      // not "main".
      if (folded.find(' ') == std::string::npos && folded.size() < 5 &&
          !std::all_of(phrase.begin(), phrase.end(), IsUpperAscii)) {
        continue;
      }
      // "for food supplies", "in Ukraine": the phrase before goes on.
      bool preposition = false;
      for (std::string_view p : {"for ", "in ", "with ", "to ", "at ", "by ", "from ", "into "}) {
        preposition = preposition || folded.starts_with(p);
      }
      // "the most urgent international security issues": vague.
      size_t words_left = std::count(folded.begin(), folded.end(), ' ') + 1;
      bool vague = words_left <= 6 && (folded.ends_with("issues") || folded.ends_with("matters") ||
                                       folded.ends_with("topics") || folded.ends_with("questions"));
      // "the conversation of the US President", "a personal meeting": the
      // event itself, not what it was about.
      size_t second = folded.find(' ');
      second = second == std::string::npos ? folded.size() : folded.find(' ', second + 1);
      bool event = !rules.event_words.Find(std::string_view(folded).substr(0, second)).empty();
      if (preposition || vague || event) continue;
      if (keep && !keep(phrase_begin, phrase_begin + phrase.size())) continue;
      std::string key = TopicKey(phrase);
      if (key.empty()) continue;
      Topic topic;
      std::string label;  // Without quotation marks.
      for (size_t k = 0; k < phrase.size(); ++k) {
        if (phrase[k] == '"') continue;
        if (phrase.compare(k, 3, "\xE2\x80\x9C") == 0 ||
            phrase.compare(k, 3, "\xE2\x80\x9D") == 0) {
          k += 2;
          continue;
        }
        label += phrase[k];
      }
      topic.begin = phrase_begin;
      topic.end = phrase_begin + phrase.size();
      covered = std::max(covered, topic.end);
      topic.label = label;
      topic.key = key;
      if (hit.kind == TriggerKind::kCondolences) {
        topic.label = "Condolences over " + topic.label;
        topic.key = "condolences-" + key;
      }
      if (!topic.label.empty() && topic.label[0] >= 'a' && topic.label[0] <= 'z') {
        topic.label[0] = static_cast<char>(topic.label[0] - 'a' + 'A');
      }
      bool seen = std::any_of(topics.begin(), topics.end(),
                              [&](const Topic& t) { return t.key == topic.key; });
      if (seen) continue;
      if (phrase.find(' ') == std::string_view::npos && !IsUpperAscii(phrase.front()) &&
          topics.size() >= found_before) {
        lone_word = topics.size();
      }
      topics.push_back(std::move(topic));
    }
  }
  return topics;
}

}  // namespace etkg
