// The topics of a discussing clause that no issue of the gazetteer names:
// "discussed the impact of the grain blockade, pandemic preparedness and
// navy-to-navy contacts" gives three, each with a key that is the same for
// the same topic in other words of other documents (stemmed, case and
// hyphens folded). Triggers, vague phrases and negations are data, in
// loaders/rules/en/topics.tsv.
#ifndef ETKG_LOADERS_TOPICS_H_
#define ETKG_LOADERS_TOPICS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace etkg {

struct Topic {
  size_t begin = 0, end = 0;  // Bytes of the sentence the phrase takes.
  std::string label;          // "Impact of the grain blockade"
  std::string key;            // "impact-grain-blockad": one topic, one key
};

// The topics of `sentence`, in order. None after a negated trigger ("did
// not discuss sanctions", "asked whether sanctions were discussed"). When
// `keep` is given, a phrase whose byte range it refuses is left out before
// its key is made (the caller knows names and issues this stage does not).
std::vector<Topic> FindTopics(std::string_view sentence,
                              const std::function<bool(size_t begin, size_t end)>& keep = {});

// The key of a phrase: its content words, lower case, stemmed (Snowball's
// English stemmer), joined by '-'. "" when no content word is left.
std::string TopicKey(std::string_view phrase);

}  // namespace etkg

#endif  // ETKG_LOADERS_TOPICS_H_
