// Each stage of extraction (loaders/extraction/document_extraction.h) run
// alone on a short document written for the test, and what it found
// looked at before the next stage runs.
#include "loaders/extraction/document_extraction.h"

#include <gtest/gtest.h>

namespace etkg::extraction {
namespace {

class StagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Result<Lexicon>& lexicon = English();
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    Result<NameMatcher> matcher = NameMatcher::Build(Gazetteer::Default(), lexicon->literals);
    ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
    matcher_ = new NameMatcher(std::move(*matcher));
    tagger_ = new TemporalTagger();
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete tagger_;
  }

  static Document Doc(const std::string& text) {
    Result<Document> doc = ParseTextDocument(text, "stage.txt", nullptr);
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    return doc.ok() ? std::move(*doc) : Document();
  }

  static NameMatcher* matcher_;
  static TemporalTagger* tagger_;
};

NameMatcher* StagesTest::matcher_ = nullptr;
TemporalTagger* StagesTest::tagger_ = nullptr;

TEST_F(StagesTest, StructureReadsTheTitleTheHeaderDateTheSpeakersAndTheGenre) {
  Document doc =
      Doc("title: Remarks With Foreign Minister Lavrov\npublished: 2016-07-17\n\n"
          "Moscow, Russia\nJuly 15, 2016\n\n"
          "FOREIGN MINISTER LAVROV: We will continue the dialogue.\n"
          "SECRETARY KERRY: Thank you, Sergey. I hope so.\n");
  DocumentExtraction x(Gazetteer::Default(), *matcher_, *tagger_, doc);
  x.ReadStructure();
  EXPECT_TRUE(x.text().starts_with("Remarks With Foreign Minister Lavrov\n\n"));
  ASSERT_FALSE(x.title_sentences().empty());
  EXPECT_TRUE(x.title_sentences()[0]);
  EXPECT_FALSE(x.title_sentences().back());
  EXPECT_EQ(x.anchor().ToString(), "2016-07-15");  // The header's day, not the page's.
  EXPECT_EQ(x.genre(), "transcript");
  ASSERT_TRUE(x.speakers().back().has_value());
  EXPECT_EQ(x.speakers().back()->id, "john-kerry");
}

TEST_F(StagesTest, MentionsResolveTitlesToTheHolderOfTheDay) {
  Document doc =
      Doc("title: Readout\npublished: 2013-09-24\nurl: https://www.un.org/sg/en/example\n\n"
          "The Secretary-General met today with President Barack Obama.\n");
  DocumentExtraction x(Gazetteer::Default(), *matcher_, *tagger_, doc);
  x.ReadStructure();
  x.FindMentions();
  const Sentence& s = x.sentences().back();
  std::vector<std::string> ids;
  for (const LeaderRef& l : s.leaders) ids.push_back(l.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ban-ki-moon", "barack-obama"}));
  ASSERT_TRUE(x.principal().has_value());
  EXPECT_EQ(x.principal()->id, "ban-ki-moon");
  EXPECT_TRUE(s.meeting);
}

TEST_F(StagesTest, FramesKeepAPlannedVisitWithItsDate) {
  Document doc =
      Doc("title: Call\npublished: 2023-01-09\n\n"
          "President Biden spoke with President Lula by telephone today. President Biden invited "
          "President Lula to visit Washington in early February.\n");
  DocumentExtraction x(Gazetteer::Default(), *matcher_, *tagger_, doc);
  x.ReadStructure();
  x.FindMentions();
  x.FindFrames();
  const EventMention* visit = nullptr;
  for (const EventMention& m : x.event_mentions()) {
    if (m.kind == NodeKind::kSummit) visit = &m;
  }
  ASSERT_NE(visit, nullptr);
  EXPECT_FALSE(visit->primary);  // Still to come: no main event.
  EXPECT_EQ(visit->date.ToString(), "2023-02");
  EXPECT_EQ(visit->places, std::vector<std::string>{"washington"});
}

TEST_F(StagesTest, ResolutionMakesTheHeadlinesTalksTheBodysCall) {
  Document doc = Doc(
      "title: Prime Minister Sunak holds talks with Prime Minister Modi\npublished: 2024-03-12\n"
      "url: https://www.gov.uk/government/news/example\n\n"
      "The Prime Minister spoke to Prime Minister Narendra Modi of India this morning.\n");
  DocumentExtraction x(Gazetteer::Default(), *matcher_, *tagger_, doc);
  x.ReadStructure();
  x.FindMentions();
  x.FindFrames();
  size_t kinds = 0;
  for (const EventMention& m : x.event_mentions()) kinds |= m.kind == NodeKind::kCall ? 1 : 2;
  EXPECT_EQ(kinds, 3u);  // A meeting in the headline, a call in the body.
  x.ResolveDocument();
  ASSERT_EQ(x.events().size(), 1u);
  EXPECT_EQ(x.events()[0].node.kind, NodeKind::kCall);
  EXPECT_EQ(x.events()[0].sentences.size(), 2u);
}

}  // namespace
}  // namespace etkg::extraction
