#include "loaders/topics.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "loaders/rules.h"

namespace etkg {
namespace {

std::vector<std::string> Labels(std::string_view sentence) {
  std::vector<std::string> labels;
  for (const Topic& t : FindTopics(sentence)) labels.push_back(t.label);
  return labels;
}

using Labels_ = std::vector<std::string>;

TEST(TopicsTest, ObjectsOfADiscussingClause) {
  EXPECT_EQ(
      Labels("They discussed pandemic preparedness, navy-to-navy contacts and the impact of "
             "the grain blockade."),
      (Labels_{"Pandemic preparedness", "Navy-to-navy contacts", "Impact of the grain blockade"}));
  EXPECT_EQ(Labels("The leaders exchanged views on the situation around the Strait."),
            (Labels_{"Situation around the Strait"}));
  EXPECT_EQ(Labels("He thanked the Prime Minister for his leadership on maritime security."),
            (Labels_{"Leadership on maritime security"}));
}

TEST(TopicsTest, TheClauseEndsWhereANewOneBegins) {
  EXPECT_EQ(Labels("The two leaders discussed the investigation of the attacks, and President "
                   "Obama reaffirmed his commitment."),
            (Labels_{"Investigation of the attacks"}));
  EXPECT_EQ(Labels("They discussed trade, emphasizing that talks should go on."),
            (Labels_{"Trade"}));
  EXPECT_EQ(Labels("They discussed responsibly managing the U.S.-China relationship. Then more."),
            (Labels_{"Responsibly managing the U.S.-China relationship"}));
  // "both in Ukraine and for food supplies": the phrase before goes on.
  EXPECT_EQ(Labels("They discussed the blockade, both in Ukraine and for food supplies."),
            (Labels_{"Blockade"}));
}

TEST(TopicsTest, AModifierBeforeAndIsPartOfThePhrase) {
  EXPECT_EQ(Labels("They discussed how to end the nuclear and missile threat, and trade."),
            (Labels_{"Nuclear and missile threat", "Trade"}));
  EXPECT_EQ(
      Labels("He raised concerns about human rights, as well as migration and farm subsidies."),
      (Labels_{"Human rights", "Migration", "Farm subsidies"}));
}

TEST(TopicsTest, ListsAfterAColonAndInitials) {
  EXPECT_EQ(Labels("They discussed the most urgent security issues: the situation in Syria and "
                   "the Korean Peninsula."),
            (Labels_{"Situation in Syria", "Korean Peninsula"}));
  EXPECT_EQ(Labels("They stressed the importance of implementing U.N. Security Council "
                   "Resolution 2254."),
            (Labels_{"Implementing U.N. Security Council Resolution 2254"}));
  EXPECT_EQ(Labels("They discussed the establishment of \"security zones\" in Syria."),
            (Labels_{"Establishment of security zones in Syria"}));
  EXPECT_EQ(Labels("Cooperation in the international arena was discussed."),
            (Labels_{"International arena"}));
}

// "the need to stop X", "how best to resolve X": the topic is X; the
// verbs of the conjuncts after such a frame go too.
TEST(TopicsTest, AFrameAndItsVerbLeadIntoTheTopic) {
  EXPECT_EQ(Labels("They discussed the need to stop the proliferation of strategic weapons."),
            (Labels_{"Proliferation of strategic weapons"}));
  EXPECT_EQ(Labels("Finally, they spoke about how best to resolve the very dangerous situation "
                   "in North Korea."),
            (Labels_{"Very dangerous situation in North Korea"}));
  EXPECT_EQ(Labels("They discussed efforts to degrade and ultimately defeat ISIL."),
            (Labels_{"ISIL"}));
  EXPECT_EQ(Labels("They reaffirmed their commitment to degrade and ultimately defeat ISIL."),
            (Labels_{"ISIL"}));
  EXPECT_EQ(Labels("They discussed migration and climate policy."),
            (Labels_{"Migration", "Climate policy"}));
  EXPECT_EQ(Labels("They discussed the need to focus attention on the climate and build support "
                   "for an agreement."),
            (Labels_{"Attention on the climate", "Support for an agreement"}));
  EXPECT_EQ(Labels("They discussed the need to curb inflation and the energy transition."),
            (Labels_{"Inflation", "Energy transition"}));
  EXPECT_EQ(Labels("They also discussed at length working together to eradicate terrorism."),
            (Labels_{"Terrorism"}));
  // A gerund is a topic's own verb: it stays.
  EXPECT_EQ(Labels("They discussed responsibly managing competition."),
            (Labels_{"Responsibly managing competition"}));
}

TEST(TopicsTest, ThanksAndGreetingsAreNoTopics) {
  EXPECT_TRUE(Labels("President Biden thanked President Moon for his warmhearted congratulations "
                     "and support.")
                  .empty());
  EXPECT_EQ(Labels("She thanked him for his congratulations and his work on trade."),
            (Labels_{"Work on trade"}));
}

TEST(TopicsTest, CondolencesNameWhatHappened) {
  EXPECT_EQ(Labels("He expressed his condolences on the tragic sinking of the ferry."),
            (Labels_{"Condolences over tragic sinking of the ferry"}));
}

TEST(TopicsTest, NegatedAndVagueTopicsAreNotAsserted) {
  EXPECT_TRUE(Labels("He replied no when asked whether sanctions were discussed.").empty());
  EXPECT_TRUE(Labels("They did not discuss sanctions.").empty());
  EXPECT_TRUE(Labels("They discussed a range of bilateral and international issues.").empty());
  EXPECT_TRUE(Labels("They discussed issues.").empty());
}

TEST(TopicsTest, OneTopicOneKeyInOtherWords) {
  EXPECT_EQ(TopicKey("Sanctions against Russia"), TopicKey("the sanction against Russia"));
  EXPECT_EQ(TopicKey("Navy-to-navy contacts"), TopicKey("navy to navy contact"));
  EXPECT_EQ(TopicKey("Economic and investment ties"), "econom-invest-tie");
  EXPECT_EQ(TopicKey("the of and"), "");
}

// Every trigger of loaders/rules/en/topics.tsv gives a topic, every vague
// phrase none, every negation silences a trigger.
TEST(TopicsTest, EveryRuleOfTheTableFires) {
  Result<std::vector<RuleLine>> rules =
      ParseRuleTable(EmbeddedRules("en/topics.tsv"), "loaders/rules/en/topics.tsv", 2);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  for (const RuleLine& rule : *rules) {
    const std::string& kind = rule.fields[0];
    const std::string& phrase = rule.fields[1];
    std::string where = "loaders/rules/en/topics.tsv:" + std::to_string(rule.line);
    if (kind == "about" || kind == "condolences") {
      std::string sentence = "The leaders " + phrase + " maritime security.";
      EXPECT_EQ(FindTopics(sentence).size(), 1u) << where << ": " << sentence;
    } else if (kind == "about-for") {
      std::string sentence = "She " + phrase + " him for maritime security.";
      EXPECT_EQ(FindTopics(sentence).size(), 1u) << where << ": " << sentence;
    } else if (kind == "generic") {
      std::string sentence = "They discussed " + phrase + ".";
      EXPECT_TRUE(FindTopics(sentence).empty()) << where << ": " << sentence;
    } else if (kind == "negation") {
      std::string sentence = "They " + phrase + " discussed maritime security.";
      EXPECT_TRUE(FindTopics(sentence).empty()) << where << ": " << sentence;
    } else if (kind == "event-word") {
      std::string sentence = "They discussed the " + phrase + " of the two leaders.";
      EXPECT_TRUE(FindTopics(sentence).empty()) << where << ": " << sentence;
    } else if (kind == "modifier") {
      std::string sentence = "They discussed the " + phrase + " and maritime threat.";
      EXPECT_EQ(FindTopics(sentence).size(), 1u) << where << ": " << sentence;
    } else if (kind == "frame") {
      // The frame goes, and after "to" its verb.
      std::string sentence = "They discussed " + phrase +
                             (phrase.ends_with(" to") ? " secure" : "") + " maritime trade.";
      EXPECT_EQ(Labels(sentence), Labels_{"Maritime trade"}) << where << ": " << sentence;
    } else if (kind == "courtesy") {
      std::string sentence = "She thanked him for his kind " + phrase + ".";
      EXPECT_TRUE(FindTopics(sentence).empty()) << where << ": " << sentence;
    } else {
      ADD_FAILURE() << where << ": unknown kind '" << kind << "'";
    }
  }
}

}  // namespace
}  // namespace etkg
