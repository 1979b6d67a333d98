// Sentence splitting with ICU: where sentences end, where they must not,
// and that the spans are trimmed byte ranges into the text.
#include "loaders/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace etkg {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const TextSpan& span : SplitSentences(text)) {
    EXPECT_LE(span.begin, span.end);
    EXPECT_LE(span.end, text.size());
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSpace(c)) out += c;
  }
  return out;
}

struct SplitCase {
  std::string_view text;
  std::vector<std::string> sentences;
};

// Checks the sentences, and that the spans are in order, do not overlap,
// are trimmed, and leave out nothing but white space.
void CheckSplitCases(const std::vector<SplitCase>& cases) {
  for (const SplitCase& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Sentences(c.text), c.sentences);
    const std::vector<TextSpan> spans = SplitSentences(c.text);
    std::string covered;
    uint32_t previous_end = 0;
    for (const TextSpan& span : spans) {
      ASSERT_LT(span.begin, span.end);
      ASSERT_LE(span.end, c.text.size());
      EXPECT_GE(span.begin, previous_end);
      EXPECT_FALSE(IsSpace(c.text[span.begin]));
      EXPECT_FALSE(IsSpace(c.text[span.end - 1]));
      covered += c.text.substr(span.begin, span.end - span.begin);
      previous_end = span.end;
    }
    EXPECT_EQ(WithoutSpaces(covered), WithoutSpaces(c.text));
  }
}

TEST(SplitSentencesTest, SplitsAtSentenceEnds) {
  CheckSplitCases({
      {"The talks began. They ended.", {"The talks began.", "They ended."}},
      {"Did they meet? Yes! They did.", {"Did they meet?", "Yes!", "They did."}},
      {"One sentence without a stop", {"One sentence without a stop"}},
      {"One sentence.", {"One sentence."}},
      {"It cost 3.5 billion dollars. Both sides agreed.",
       {"It cost 3.5 billion dollars.", "Both sides agreed."}},
      {"The call ended at 3 p.m. when both sides hung up. Then silence.",
       {"The call ended at 3 p.m. when both sides hung up.", "Then silence."}},
      {"See example.org/a.b for more. Done.", {"See example.org/a.b for more.", "Done."}},
  });
}

TEST(SplitSentencesTest, AbbreviationsICUKnowsDoNotEndASentence) {
  CheckSplitCases({
      {"He met Mr. Putin today. They spoke.", {"He met Mr. Putin today.", "They spoke."}},
      {"Mr. Putin spoke first.", {"Mr. Putin spoke first."}},
      {"Mrs. May and Mr. Trump met. They shook hands.",
       {"Mrs. May and Mr. Trump met.", "They shook hands."}},
      // Followed by a lower-case word ICU never breaks.
      {"The U.S. said no. Russia agreed.", {"The U.S. said no.", "Russia agreed."}},
      {"U.S. officials said the call went well.", {"U.S. officials said the call went well."}},
  });
}

// ICU 72's "en@ss=standard" list suppresses "Mr." but breaks after "U.S."
// before a capital ("U.S. | President") and after "Dr."; the segmenter's
// own list of initials and titles joins those back.
TEST(SplitSentencesTest, InitialsAndTitlesBeforeACapitalDoNotEndASentence) {
  CheckSplitCases({
      {"U.S. President Donald Trump spoke. Then he left.",
       {"U.S. President Donald Trump spoke.", "Then he left."}},
      {"The U.S. Secretary of State flew in.", {"The U.S. Secretary of State flew in."}},
      {"He met Dr. Smith. They talked.", {"He met Dr. Smith.", "They talked."}},
      {"Donald J. Trump called. Putin answered.", {"Donald J. Trump called.", "Putin answered."}},
      {"The U.N. Security Council met in Washington, D.C. Friday.",
       {"The U.N. Security Council met in Washington, D.C. Friday."}},
      {"They spoke on Jan. 28. The call was short.",
       {"They spoke on Jan. 28.", "The call was short."}},
      {"Gen. Mattis and Sen. McCain (R.) spoke. Both agreed.",
       {"Gen. Mattis and Sen. McCain (R.) spoke.", "Both agreed."}},
  });
}

TEST(SplitSentencesTest, NewlineAlwaysEndsASentence) {
  CheckSplitCases({
      {"Trump and Putin speak by phone\nThe call lasted an hour. It was cordial.",
       {"Trump and Putin speak by phone", "The call lasted an hour.", "It was cordial."}},
      {"The leaders said\nthat talks would go on", {"The leaders said", "that talks would go on"}},
      {"He met Mr.\nPutin", {"He met Mr.", "Putin"}},
      {"First paragraph.\n\n\nSecond paragraph.\n", {"First paragraph.", "Second paragraph."}},
      {"Windows line.\r\nNext line.\r\n", {"Windows line.", "Next line."}},
  });
}

TEST(SplitSentencesTest, SpansAreTrimmed) {
  const std::string_view text = "  \tLeading and trailing.   \n\n\t Second one.  ";
  const std::vector<TextSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 3u);
  EXPECT_EQ(spans[0].end, 3u + std::string_view("Leading and trailing.").size());
  EXPECT_EQ(spans[1].begin, text.find("Second"));
  EXPECT_EQ(spans[1].end, text.find("one.") + 4);
}

TEST(SplitSentencesTest, MultibyteTextKeepsByteOffsets) {
  CheckSplitCases({
      {"\xE2\x80\x9CWe agree,\xE2\x80\x9D he said. \xE2\x80\x9C"
       "Fine.\xE2\x80\x9D \xE2\x80\x94 done.",
       {"\xE2\x80\x9CWe agree,\xE2\x80\x9D he said.",
        "\xE2\x80\x9C"
        "Fine.\xE2\x80\x9D \xE2\x80\x94 done."}},
      {"Trump\xE2\x80\x93Putin call \xE2\x80\x94 the first. It lasted an hour.",
       {"Trump\xE2\x80\x93Putin call \xE2\x80\x94 the first.", "It lasted an hour."}},
      // Cyrillic: two-byte letters before the boundary.
      {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80"
       "\xD0\xB8\xD0\xBB. \xD0\xA2\xD1\x80\xD0\xB0\xD0\xBC\xD0\xBF \xD1\x81\xD0\xBB\xD1\x83"
       "\xD1\x88\xD0\xB0\xD0\xBB.",
       {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80"
        "\xD0\xB8\xD0\xBB.",
        "\xD0\xA2\xD1\x80\xD0\xB0\xD0\xBC\xD0\xBF \xD1\x81\xD0\xBB\xD1\x83\xD1\x88\xD0\xB0"
        "\xD0\xBB."}},
      // A four-byte emoji before the stop.
      {"Talks went well \xF0\x9F\x91\x8D. Next week more.",
       {"Talks went well \xF0\x9F\x91\x8D.", "Next week more."}},
      // Two UTF-16 units for one emoji right after a boundary.
      {"Done. \xF0\x9F\x91\x8D Next one.", {"Done.", "\xF0\x9F\x91\x8D Next one."}},
      // A byte that is not UTF-8 counts as one character.
      {"Bad \xFF byte. Next one.", {"Bad \xFF byte.", "Next one."}},
  });
}

TEST(SplitSentencesTest, OffsetsPointIntoTheGivenText) {
  // A later line's spans count from the start of the whole text.
  const std::string_view text = "Headline \xE2\x80\x94 caf\xC3\xA9\nOne. Two.";
  const std::vector<TextSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].begin, text.find("One."));
  EXPECT_EQ(spans[1].end, text.find("One.") + 4);
  EXPECT_EQ(spans[2].begin, text.find("Two."));
  EXPECT_EQ(spans[2].end, text.size());
}

TEST(SplitSentencesTest, EmptyOrBlankTextHasNoSentences) {
  const std::string_view kTexts[] = {"", " ", "\n", "\n\n\n", "  \t \r\n  \n"};
  for (std::string_view text : kTexts) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    EXPECT_TRUE(SplitSentences(text).empty());
  }
}

TEST(SplitSentencesTest, TextWithoutStopsIsCutIntoBoundedSentences) {
  std::string words;
  while (words.size() < 5 * kMaxSentenceBytes) words += "Macron Scholz trade Ukraine ";
  std::string one_word(3 * kMaxSentenceBytes, 'x');
  std::string accents = [] {
    std::string s;
    while (s.size() < 3 * kMaxSentenceBytes) s += "\xC3\xA9";  // "é" with no space.
    return s;
  }();
  for (const std::string* text : {&words, &one_word, &accents}) {
    const std::vector<TextSpan> spans = SplitSentences(*text);
    ASSERT_GE(spans.size(), 3u);
    for (size_t i = 0; i < spans.size(); ++i) {
      EXPECT_LE(spans[i].end - spans[i].begin, kMaxSentenceBytes);
      // Cut between words, or between characters: never inside one.
      EXPECT_NE(static_cast<unsigned char>((*text)[spans[i].begin]) & 0xC0, 0x80);
      if (i > 0) {
        EXPECT_GE(spans[i].begin, spans[i - 1].end);
      }
    }
    EXPECT_EQ(spans.back().end, text->find_last_not_of(' ') + 1);
  }
}

}  // namespace
}  // namespace etkg
