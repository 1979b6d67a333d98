// Extraction on short documents written for these tests in the styles the
// reference articles do not cover: a memo that names the head of state by
// title, a press-call transcript, a readout written on 30 December about
// talks on "January 9–10", weekdays, "November of last year", a leader the
// gazetteer lacks, and phrases that look like calls and are not.
#include "loaders/extractor.h"

#include <set>

#include <gtest/gtest.h>

#include "graph/event_merge.h"
#include "loaders/document.h"
#include "loaders/gazetteer.h"

namespace etkg {
namespace {

EventGraph ExtractOne(const std::string& text) {
  Result<Document> doc = ParseTextDocument(text, "case.txt", nullptr);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return EventGraph();
  static auto extractor = MakeExtractor(Gazetteer::Default());
  EXPECT_TRUE(extractor.ok());
  Result<EventGraph> graph = (*extractor)->Extract(*doc);
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  if (!graph.ok()) return EventGraph();
  EXPECT_TRUE(MergeEvents(&*graph).ok());
  return std::move(*graph);
}

std::set<std::string> EventIds(const EventGraph& g) {
  std::set<std::string> ids;
  for (const Node* n : g.Nodes()) {
    if (IsEventKind(n->kind)) ids.insert(n->id);
  }
  return ids;
}

struct Case {
  const char* name;
  const char* text;
  std::set<std::string> events;  // Exactly these calls, summits and events.
};

TEST(ExtractorTest, FindsExactlyTheEventsAnAnalystWould) {
  const Case kCases[] = {
      {"memo naming the head of state by title",
       "title: Memorandum of telephone conversation\n"
       "published: 2019-09-25\n"
       "url: https://www.whitehouse.gov/example-memo\n\n"
       "MEMORANDUM OF TELEPHONE CONVERSATION\n"
       "SUBJECT: Telephone Conversation with President Zelenskyy of Ukraine\n"
       "PARTICIPANTS: The President\n"
       "President Zelenskyy of Ukraine\n"
       "DATE, TIME AND PLACE: July 25, 2019, 9:03 - 9:33 a.m. EDT\n\n"
       "The President: Congratulations on a great victory.\n",
       {"call/2019-07-25/donald-trump+volodymyr-zelensky"}},
      {"press call transcript",
       "title: Background press call\n"
       "published: 2018-05-25\n"
       "url: https://www.whitehouse.gov/briefings/example\n\n"
       "MODERATOR: Thanks, everyone, for joining. This call will be on background, "
       "attributable to a senior administration official.\n"
       "SENIOR ADMINISTRATION OFFICIAL: Thanks. As you know, the President spoke with Prime "
       "Minister Justin Trudeau of Canada today about trade.\n"
       "Q: Will there be another conference call tomorrow?\n",
       {"call/2018-05-25/donald-trump+justin-trudeau"}},
      {"talks on January 9-10 planned on 30 December",
       "WASHINGTON, December 30, 2021 — President Joe Biden spoke by phone with President "
       "Vladimir Putin of Russia today for 50 minutes.\n\n"
       "The two leaders discussed the strategic stability talks that officials will hold in "
       "Geneva on January 9–10.\n",
       {"call/2021-12-30/joe-biden+vladimir-putin", "summit/geneva-talks/2022-01-09"}},
      {"a weekday before the readout's date",
       "title: Scholz and Sunak speak\npublished: 2023-02-15\n\n"
       "German Chancellor Olaf Scholz spoke by phone on Monday with British Prime Minister "
       "Rishi Sunak about support for Ukraine.\n",
       {"call/2023-02-13/olaf-scholz+rishi-sunak"}},
      {"November of last year",
       "title: Ahead of the visit\npublished: 2023-06-20\n\n"
       "Xi Jinping and Joe Biden last met in person in November of last year in Bali, on the "
       "sidelines of a summit.\n",
       {"summit/2022-11/joe-biden+xi-jinping"}},
      {"a leader the gazetteer lacks",
       "title: Malawi and China\npublished: 2021-06-12\n\n"
       "The president of Malawi, Lazarus Chakwera, held a phone call with Chinese President "
       "Xi Jinping on Friday.\n",
       {"call/2021-06-11/lazarus-chakwera+xi-jinping"}},
      {"met on Saturday and agreed to restart talks",
       "title: Leaders gather in Osaka\npublished: 2019-06-29\n\n"
       "OSAKA, June 29, 2019 — Chinese President Xi Jinping and U.S. President Donald Trump "
       "met on the sidelines of the G20 summit in Osaka on Saturday and agreed to restart "
       "trade talks.\n",
       {"summit/2019-06-29/donald-trump+xi-jinping", "summit/g20/2019"}},
      {"a leader's last meeting, in the month of last year",
       "NEW DELHI, April 11, 2022 (etkg wire) - Prime Minister Narendra Modi and U.S. "
       "President Joe Biden held a virtual meeting on Monday.\n\n"
       "The two leaders last met in person in September of last year at the White House, "
       "and are expected to meet again at the Quad summit in Tokyo on May 24.\n",
       {"call/2022-04-11/joe-biden+narendra-modi", "summit/2021-09/joe-biden+narendra-modi",
        "summit/quad/2022"}},
      {"a government readout that names its own leader by title",
       "title: PM call with President Zelenskyy\npublished: 2024-03-07\n"
       "url: https://www.gov.uk/government/news/pm-call\n\n"
       "The Prime Minister spoke to President Zelenskyy this afternoon.\n\n"
       "The leaders discussed the Black Sea grain corridor.\n",
       {"call/2024-03-07/rishi-sunak+volodymyr-zelensky"}},
      {"family names in capitals and a telephone talk",
       "title: Summit Telephone Talk\npublished: 2023-01-05\n\n"
       "On January 5, commencing at 6:15 p.m. for approximately 30 minutes, Mr. KISHIDA Fumio, "
       "Prime Minister of Japan, held a telephone talk with the Hon. Anthony Albanese MP, Prime "
       "Minister of Australia.\n",
       {"call/2023-01-05/anthony-albanese+fumio-kishida"}},
      {"a summit in the dateline's city, and a country that hosted a final",
       "July 16, 2018, Helsinki\n\n"
       "U.S. President Donald Trump and Russian President Vladimir Putin held their first formal "
       "summit today at the Presidential Palace.\n\n"
       "Mr. Putin, whose country hosted the World Cup final in Moscow yesterday, handed Mr. Trump "
       "a ball.\n",
       {"summit/2018-07-16/donald-trump+vladimir-putin"}},
      {"three leaders named, two of them met",
       "title: Macron in Kyiv\npublished: 2022-02-08\n\n"
       "French President Emmanuel Macron arrived in Kyiv today for talks with Ukrainian "
       "President Volodymyr Zelenskyy, a day after five hours with Russian President Vladimir "
       "Putin.\n",
       {"summit/2022-02-08/emmanuel-macron+volodymyr-zelensky"}},
      {"a host and a guest",
       "title: Sochi\npublished: 2017-05-02\n\n"
       "Vladimir Putin hosted German Chancellor Angela Merkel in Sochi on Tuesday.\n",
       {"summit/2017-05-02/angela-merkel+vladimir-putin"}},
      {"calls for and called on are not calls",
       "title: Senators\npublished: 2022-03-01\n\n"
       "Senators called for new sanctions on Russia. Critics called on President Joe Biden "
       "and President Emmanuel Macron to act. A wake-up call for Europe, said one.\n",
       {}},
      {"a call in the reader comments is not an event",
       "title: Opinion\npublished: 2017-05-05\n\n"
       "The column discussed the relationship between Washington and Moscow at length, and "
       "what the coming months might bring for both capitals and their allies in Europe.\n\n"
       "Leave a Reply\n"
       "Trump had a phone call with Putin yesterday, I heard.\n",
       {}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EventGraph g = ExtractOne(c.text);
    EXPECT_EQ(EventIds(g), c.events);
  }
}

// What a reader takes from the document as a whole: its title, the date
// its header gives, who speaks, whose office issued it, and events named
// by their form or still to come.
TEST(ExtractorTest, ReadsTheDocumentAsAWhole) {
  const Case kCases[] = {
      {"the title names the meeting the body only reports on",
       "title: Obama and Abbas meet at the White House\npublished: 2009-05-28\n\n"
       "Mr. Obama told reporters that the talks had been useful.\n",
       {"summit/2009-05-28/barack-obama+mahmoud-abbas"}},
      {"a repost: today is the day the header gives",
       "title: Secretary's call\npublished: 2023-10-16\n\n"
       "READOUT\n\nOCTOBER 14, 2023\n\n"
       "Secretary of State Antony J. Blinken spoke today with Foreign Minister Wang Yi.\n",
       {"call/2023-10-14/antony-blinken+wang-yi"}},
      {"called a leader yesterday",
       "title: Readout\npublished: 2010-08-13\n\n"
       "President Obama called President Medvedev yesterday to express his condolences.\n",
       {"call/2010-08-12/barack-obama+dmitry-medvedev"}},
      {"a visit still to come, with its month",
       "title: Call with Lula\npublished: 2023-01-09\n\n"
       "President Biden spoke with President Lula by telephone today. President Biden invited "
       "President Lula to visit Washington in early February.\n",
       {"call/2023-01-09/joe-biden+luiz-inacio-lula-da-silva",
        "summit/2023-02/joe-biden+luiz-inacio-lula-da-silva"}},
      {"a meeting named by its form",
       "title: Hu to travel\npublished: 2010-04-06\n\n"
       "President Hu Jintao will travel to the United States on April 12 to attend the Nuclear "
       "Security Summit.\n",
       {"summit/nuclear-security-summit/2010"}},
      {"the Secretary-General of the day",
       "New York, 24 September 2013\n\n"
       "The Secretary-General met today with President Barack Obama of the United States.\n",
       {"summit/2013-09-24/ban-ki-moon+barack-obama"}},
      // The minister speaks of his president's meeting with the guest.
      {"a transcript: the page's office and the speaker take part",
       "title: Remarks With Foreign Minister Sergey Lavrov Before Their Meeting\n"
       "published: 2016-07-15\nurl: https://2009-2017.state.gov/secretary/remarks/example\n\n"
       "FOREIGN MINISTER LAVROV: We\xE2\x80\x99ll continue the dialogue that was launched "
       "yesterday in the meeting with the president of the Russian Federation.\n"
       "SECRETARY KERRY: Thank you, Sergey.\n",
       {"summit/2016-07-15/john-kerry+sergei-lavrov",
        "summit/2016-07-14/john-kerry+vladimir-putin"}},
      {"a label in a report is no speaker's: its leader takes part",
       "title: News\npublished: 2010-06-24\n\n"
       "President Obama: he met President Medvedev at the White House today.\n",
       {"summit/2010-06-24/barack-obama+dmitry-medvedev"}},
      {"a repost: the source field says whose words these are",
       "title: Remarks With Foreign Minister Sergey Lavrov Before Their Meeting\n"
       "published: 2016-07-15\nurl: https://blog.example.com/2016/07/remarks\n"
       "source: repost of the U.S. Department of State transcript\n\n"
       "SECRETARY KERRY: Thank you, Sergey.\n",
       {"summit/2016-07-15/john-kerry+sergei-lavrov"}},
      {"a headline's talks are the body's call",
       "title: Prime Minister Sunak holds talks with Prime Minister Modi\npublished: 2024-03-12\n"
       "url: https://www.gov.uk/government/news/example\n\n"
       "The Prime Minister spoke to Prime Minister Narendra Modi of India this morning.\n",
       {"call/2024-03-12/narendra-modi+rishi-sunak"}},
      {"a summit named by its sides is their meeting",
       "TOKYO, March 3, 2024 \xE2\x80\x94 Prime Minister Fumio Kishida held the "
       "Japan-Australia Summit Meeting with Prime Minister Anthony Albanese today.\n",
       {"summit/2024-03-03/anthony-albanese+fumio-kishida"}},
      {"a note to correspondents: the visit's date, and who 'he' is",
       "title: Note to Correspondents: Secretary-General to visit Brazil\npublished: 2023-04-27\n"
       "url: https://www.un.org/sg/en/content/example\n\n"
       "The Secretary-General will pay an official visit to Brazil from 2 to 4 May.\n\n"
       "During the visit, he will meet President Luiz In\xC3\xA1"
       "cio Lula da Silva in "
       "Bras\xC3\xAD"
       "lia.\n",
       {"summit/2023-05-02/antonio-guterres+luiz-inacio-lula-da-silva"}},
      {"meetings in turn, dated in the next sentence",
       "title: Visit\npublished: 2023-06-01\n\n"
       "President Emmanuel Macron will meet Chancellor Olaf Scholz and later Prime Minister "
       "Giorgia Meloni. Both meetings will be held in late June.\n",
       {"summit/2023-06/emmanuel-macron+giorgia-meloni",
        "summit/2023-06/emmanuel-macron+olaf-scholz"}},
      {"the two leaders are the main event's sides",
       "title: Call\npublished: 2013-04-29\n\n"
       "President Obama spoke by phone today with President Putin of Russia. The Presidents "
       "instructed Secretary Kerry and Foreign Minister Lavrov to continue discussions. Both "
       "Presidents noted that they look forward to meeting in person in June.\n",
       {"call/2013-04-29/barack-obama+vladimir-putin",
        "summit/2013-06/barack-obama+vladimir-putin"}},
      {"one date per conjunct, for meetings and for calls",
       "title: Visits\npublished: 2023-06-10\n\n"
       "President Emmanuel Macron met Chancellor Olaf Scholz on June 5 and Prime Minister "
       "Giorgia Meloni on June 7.\n"
       "President Biden spoke with President Zelenskyy on June 2 and with Prime Minister "
       "Sunak on June 3.\n",
       {"summit/2023-06-05/emmanuel-macron+olaf-scholz",
        "summit/2023-06-07/emmanuel-macron+giorgia-meloni",
        "call/2023-06-02/joe-biden+volodymyr-zelensky", "call/2023-06-03/joe-biden+rishi-sunak"}},
      {"a call named by its date in a document about another",
       "title: Meeting\npublished: 2023-06-10\n\n"
       "Chancellor Scholz met President Macron in Paris today. The videoconference of 3 March "
       "between Chancellor Scholz and President Macron had prepared the meeting.\n",
       {"summit/2023-06-10/emmanuel-macron+olaf-scholz",
        "call/2023-03-03/emmanuel-macron+olaf-scholz"}},
      {"leaders at the summit did not meet each other",
       "title: G20 Summit in Hamburg\npublished: 2017-07-09\n\n"
       "The G20 summit was held in Hamburg on July 7-8, 2017.\n"
       "Donald Tusk and Jean-Claude Juncker represented the EU at the summit.\n"
       "President Trump and President Xi attended the G20 summit.\n",
       {"summit/g20/2017"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EventGraph g = ExtractOne(c.text);
    EXPECT_EQ(EventIds(g), c.events);
  }
}

TEST(ExtractorTest, ThoseAtASummitTakePartInIt) {
  EventGraph g = ExtractOne(
      "title: G20 Summit in Hamburg\npublished: 2017-07-09\n\n"
      "The G20 summit was held in Hamburg on July 7-8, 2017.\n"
      "Donald Tusk and Jean-Claude Juncker represented the EU at the summit.\n");
  std::set<std::string> participants;
  for (const Edge* e : g.Edges()) {
    if (e->kind == EdgeKind::kParticipant && e->target == "summit/g20/2017") {
      participants.insert(e->source);
    }
  }
  EXPECT_EQ(participants,
            (std::set<std::string>{"leader/donald-tusk", "leader/jean-claude-juncker"}));
}

TEST(ExtractorTest, TheTitlesEvidenceHasNoOffset) {
  EventGraph g = ExtractOne(
      "title: Obama and Abbas meet at the White House\npublished: 2009-05-28\n\n"
      "Mr. Obama told reporters that the talks had been useful.\n");
  const Edge* e = g.FindEdge("leader/mahmoud-abbas", "summit/2009-05-28/barack-obama+mahmoud-abbas",
                             EdgeKind::kParticipant);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->evidence.size(), 1u);
  EXPECT_EQ(e->evidence[0].offset, 0u);
  EXPECT_EQ(e->evidence[0].length, 0u);
  EXPECT_EQ(std::string_view(e->evidence[0].text), "Obama and Abbas meet at the White House");
}

TEST(ExtractorTest, TheDocumentKeepsItsGenre) {
  EventGraph g = ExtractOne(
      "title: Joint Statement Following Call\npublished: 2023-01-09\n\n"
      "The leaders spoke.\n");
  const Node* doc = g.FindNode("doc/case");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(std::get<std::string>(doc->attrs.at("genre")), "joint-statement");
}

// Who issued a document, as a reader names it: from its address, the
// office its source field names, an office's address pasted in its text,
// the outlet of its source field, or its address's host.
TEST(ExtractorTest, TheDocumentKeepsItsIssuer) {
  struct IssuerCase {
    const char* header;
    const char* body;
    const char* issuer;
    const char* country;
  };
  const IssuerCase cases[] = {
      {"url: http://en.kremlin.ru/events/president/news/1\n", "", "Kremlin", "russia"},
      // gov.uk speaks for no one office: the source field says which.
      {"url: https://www.gov.uk/government/news/pm-call\n"
       "source: Prime Minister's Office, 10 Downing Street (gov.uk)\n",
       "", "10 Downing Street", "united-kingdom"},
      {"url: https://www.gov.uk/government/news/call\n", "", "UK Government", "united-kingdom"},
      {"url: https://ge.usembassy.gov/readout/\n"
       "source: U.S. Embassy in Georgia, reposting the White House readout\n",
       "", "White House", "united-states"},
      {"", "https://www.whitehouse.gov/briefing-room/readout\n", "White House", "united-states"},
      {"url: https://example.org/a\nsource: Voice of America (VOA), preview copy\n", "",
       "Voice of America", ""},
      {"url: https://www.example.org/2017/05/a\n", "", "example.org", ""},
  };
  for (const IssuerCase& c : cases) {
    SCOPED_TRACE(std::string(c.header) + c.body);
    EventGraph g = ExtractOne(std::string("title: Call\npublished: 2017-05-02\n") + c.header +
                              "\nThe two presidents spoke by telephone.\n" + c.body);
    const Node* doc = g.FindNode("doc/case");
    ASSERT_NE(doc, nullptr);
    auto issuer = doc->attrs.find("issuer");
    ASSERT_NE(issuer, doc->attrs.end());
    EXPECT_EQ(std::get<std::string>(issuer->second), c.issuer);
    auto country = doc->attrs.find("issuer_country");
    EXPECT_EQ(country == doc->attrs.end() ? "" : std::get<std::string>(country->second), c.country);
  }
  // Nothing says who: no issuer.
  EventGraph g = ExtractOne("title: Call\n\nThe two presidents spoke by telephone.\n");
  EXPECT_FALSE(g.FindNode("doc/case")->attrs.contains("issuer"));
}

// Each report keeps the date and length its document gives the event, which
// merging with other reports does not change.
TEST(ExtractorTest, AReportKeepsTheDateAndLengthItStates) {
  EventGraph g = ExtractOne(
      "title: Call\npublished: 2021-02-04\n\n"
      "President Moon Jae-in spoke with President Joe Biden by telephone today. "
      "The call lasted 32 minutes.\n");
  const Edge* report =
      g.FindEdge("call/2021-02-04/joe-biden+moon-jae-in", "doc/case", EdgeKind::kReportedBy);
  ASSERT_NE(report, nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_EQ(std::get<std::string>(report->attrs.at("stated_date")), "2021-02-04");
  EXPECT_EQ(std::get<std::string>(report->attrs.at("stated_date_rule")), "relative");
  EXPECT_EQ(std::get<int64_t>(report->attrs.at("stated_duration_min")), 32);
}

TEST(ExtractorTest, ADurationFromASentenceThatDoesNotNameTheCall) {
  EventGraph g = ExtractOne(
      "title: Call\npublished: 2024-03-12\nurl: https://www.gov.uk/government/news/example\n\n"
      "The Prime Minister spoke to Prime Minister Narendra Modi of India this morning.\n\n"
      "It lasted some forty minutes, Downing Street said.\n");
  const Node* call = g.FindNode("call/2024-03-12/narendra-modi+rishi-sunak");
  ASSERT_NE(call, nullptr) << testing::PrintToString(EventIds(g));
  ASSERT_TRUE(call->attrs.count("duration_min"));
  EXPECT_EQ(std::get<int64_t>(call->attrs.at("duration_min")), 40);
}

TEST(ExtractorTest, TheRelationsOfTwoCountriesAreOneTopic) {
  EventGraph g = ExtractOne(
      "title: Call\npublished: 2021-02-04\n\n"
      "President Moon Jae-in spoke on the phone with President Joe Biden today. The leaders "
      "discussed Japanese-Korean relations and US-China ties.\n");
  const std::string call = "call/2021-02-04/joe-biden+moon-jae-in";
  ASSERT_NE(g.FindNode(call), nullptr) << testing::PrintToString(EventIds(g));
  const Node* japan_korea = g.FindNode("issue/japan-south-korea-relations");
  ASSERT_NE(japan_korea, nullptr);
  EXPECT_EQ(japan_korea->label, "Japan\xE2\x80\x93South Korea relations");
  EXPECT_EQ(japan_korea->aliases, std::vector<std::string>{"Japanese-Korean relations"});
  EXPECT_NE(g.FindEdge(call, "issue/japan-south-korea-relations", EdgeKind::kDiscussed), nullptr);
  EXPECT_NE(g.FindEdge(call, "issue/china-united-states-relations", EdgeKind::kDiscussed), nullptr);
  EXPECT_NE(g.FindEdge("issue/china-united-states-relations", "place/china", EdgeKind::kConcerns),
            nullptr);
  // Not a second, open-vocabulary topic for the same words.
  EXPECT_EQ(g.FindNode("issue/us-china-tie"), nullptr);
}

TEST(ExtractorTest, ACityThatIsAPartyIsNoVenue) {
  EventGraph g = ExtractOne(
      "title: Seoul talks\npublished: 2023-03-06\n\n"
      "Prime Minister Fumio Kishida met President Yoon Suk Yeol in Seoul on Monday, weeks after "
      "a dispute between Tokyo and Beijing over fishing rights.\n");
  const std::string meeting = "summit/2023-03-06/fumio-kishida+yoon-suk-yeol";
  ASSERT_NE(g.FindNode(meeting), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_NE(g.FindEdge(meeting, "place/seoul", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(meeting, "place/tokyo", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(meeting, "place/beijing", EdgeKind::kHeldIn), nullptr);
}

TEST(ExtractorTest, AVenueBelongsToItsOwnTrigger) {
  // Kyiv is where the talks were, Berlin where the meeting will be; Rome
  // comes after the talks in Moscow; Glasgow is the conference's city,
  // Beijing a plenum's; "a G7 country" names no summit.
  EventGraph g = ExtractOne(
      "title: Macron\npublished: 2022-02-08\n\n"
      "After his talks in Kyiv, Mr. Macron is due to travel to Berlin later today to meet German "
      "Chancellor Olaf Scholz.\n\n"
      "Prime Minister Giorgia Meloni flies on to Rome after marathon talks with Russian President "
      "Vladimir Putin on Monday.\n\n"
      "The two sides met at the COP26 conference in Glasgow last year, days after a plenum in "
      "Beijing.\n\n"
      "He is the first leader of a G7 country to visit the city since 2019.\n");
  const std::string berlin = "summit/2022-02-08/emmanuel-macron+olaf-scholz";
  ASSERT_NE(g.FindNode(berlin), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_NE(g.FindEdge(berlin, "place/berlin", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(berlin, "place/kyiv", EdgeKind::kHeldIn), nullptr);
  const std::string rome = "summit/2022-02-07/giorgia-meloni+vladimir-putin";
  ASSERT_NE(g.FindNode(rome), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_EQ(g.FindEdge(rome, "place/rome", EdgeKind::kHeldIn), nullptr);
  for (const Node* n : g.Nodes()) {
    if (n->kind != NodeKind::kSummit) continue;
    EXPECT_EQ(g.FindEdge(n->id, "place/beijing", EdgeKind::kHeldIn), nullptr) << n->id;
    EXPECT_EQ(n->id.find("g7"), std::string::npos) << n->id;
  }
}

TEST(ExtractorTest, ADateAndARegionInOnePhraseDateAndPlaceTheMeeting) {
  EventGraph g = ExtractOne(
      "title: Meeting\npublished: 2023-05-20\n\n"
      "Prime Minister Kishida met President Widodo on 9 May in Bali. A dispute between Tokyo "
      "and Beijing over fishing was also noted.\n");
  const std::string bali = "summit/2023-05-09/fumio-kishida+joko-widodo";
  ASSERT_NE(g.FindNode(bali), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_NE(g.FindEdge(bali, "place/bali", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(bali, "place/tokyo", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(bali, "place/beijing", EdgeKind::kHeldIn), nullptr);
}

TEST(ExtractorTest, ACurrencyIsNoPlace) {
  EventGraph g = ExtractOne(
      "title: Fund\npublished: 2023-03-06\n\n"
      "The leaders discussed a US$40 billion fund for Brazil.\n");
  EXPECT_EQ(g.FindNode("place/united-states"), nullptr);
  EXPECT_NE(g.FindNode("place/brazil"), nullptr);
}

TEST(ExtractorTest, AMeetingOnADatelinesDayIsHeldInItsCity) {
  EventGraph g = ExtractOne(
      "July 16, 2018, Helsinki\n\n"
      "U.S. President Donald Trump and Russian President Vladimir Putin held their first formal "
      "summit today at the Presidential Palace.\n");
  EXPECT_NE(g.FindEdge("summit/2018-07-16/donald-trump+vladimir-putin", "place/helsinki",
                       EdgeKind::kHeldIn),
            nullptr);
}

TEST(ExtractorTest, AMeetingIsHeldWhereItsOwnLeadersAreNamed) {
  // Moscow is where Putin was, not where Macron met Zelenskyy; "Washington
  // said" is a government speaking, not a venue.
  EventGraph g = ExtractOne(
      "KYIV, February 8, 2022 \xE2\x80\x94 French President Emmanuel Macron met Ukrainian "
      "President Volodymyr Zelensky in Kyiv today, a day after long talks with Russian President "
      "Vladimir Putin in Moscow.\n\n"
      "Washington said it would send an observer to the peace talks in Astana on March 3.\n");
  const std::string meeting = "summit/2022-02-08/emmanuel-macron+volodymyr-zelensky";
  ASSERT_NE(g.FindNode(meeting), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_NE(g.FindEdge(meeting, "place/kyiv", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(meeting, "place/moscow", EdgeKind::kHeldIn), nullptr);
  for (const Node* n : g.Nodes()) {
    if (n->kind != NodeKind::kSummit) continue;
    EXPECT_EQ(g.FindEdge(n->id, "place/washington", EdgeKind::kHeldIn), nullptr) << n->id;
  }
}

TEST(ExtractorTest, AMeetingAtASeatOfGovernmentIsHeldInItsCapital) {
  EventGraph g = ExtractOne(
      "PARIS, February 8, 2022 \xE2\x80\x94 French President Emmanuel Macron and Russian "
      "President Vladimir Putin met on Monday at the Kremlin, days before Mr. Macron's visit to "
      "Kyiv.\n");
  const std::string meeting = "summit/2022-02-07/emmanuel-macron+vladimir-putin";
  ASSERT_NE(g.FindNode(meeting), nullptr) << testing::PrintToString(EventIds(g));
  EXPECT_NE(g.FindEdge(meeting, "place/moscow", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(meeting, "place/kyiv", EdgeKind::kHeldIn), nullptr);
  EXPECT_EQ(g.FindEdge(meeting, "place/paris", EdgeKind::kHeldIn), nullptr);
}

TEST(ExtractorTest, PlannedTalksAreLinkedAndTheDurationKept) {
  EventGraph g = ExtractOne(
      "WASHINGTON, December 30, 2021 — President Joe Biden spoke by phone with President "
      "Vladimir Putin of Russia today for 50 minutes.\n\n"
      "The two leaders discussed the strategic stability talks that officials will hold in "
      "Geneva on January 9–10.\n");
  const std::string call = "call/2021-12-30/joe-biden+vladimir-putin";
  const Node* node = g.FindNode(call);
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(std::get<int64_t>(node->attrs.at("duration_min")), 50);
  const Edge* refers = g.FindEdge(call, "summit/geneva-talks/2022-01-09", EdgeKind::kRefersTo);
  ASSERT_NE(refers, nullptr);
  EXPECT_EQ(std::get<std::string>(refers->attrs.at("tense")), "planned");
  EXPECT_EQ(g.FindNode("summit/geneva-talks/2022-01-09")->date.ToString(), "2022-01-09/2022-01-10");
}

TEST(ExtractorTest, TitleResolvesToTheHolderOnTheDocumentsDate) {
  // The same words in 2019 and in 2023 name two presidents.
  for (auto [date, leader] : {std::pair{"2019-03-01", "leader/donald-trump"},
                              std::pair{"2023-03-01", "leader/joe-biden"}}) {
    SCOPED_TRACE(date);
    EventGraph g = ExtractOne(std::string("title: Readout\npublished: ") + date +
                              "\nurl: https://www.whitehouse.gov/x\n\n"
                              "The President spoke today with President Emmanuel Macron of "
                              "France about Iran.\n");
    std::set<std::string> participants;
    for (const Edge* e : g.Edges()) {
      if (e->kind == EdgeKind::kParticipant) participants.insert(e->source);
    }
    EXPECT_EQ(participants, (std::set<std::string>{leader, "leader/emmanuel-macron"}));
  }
}

TEST(ExtractorTest, EveryEdgeOfAnEventHasEvidence) {
  EventGraph g = ExtractOne(
      "title: Readout\npublished: 2023-02-15\n\n"
      "German Chancellor Olaf Scholz spoke by phone on Monday with British Prime Minister "
      "Rishi Sunak. The leaders discussed the war in Ukraine and energy security.\n");
  // The call, its two sides, two topics and its report at least: a graph
  // without them would pass the loop below unseen.
  ASSERT_NE(g.FindNode("call/2023-02-13/olaf-scholz+rishi-sunak"), nullptr)
      << testing::PrintToString(EventIds(g));
  size_t checked = 0;
  for (const Edge* e : g.Edges()) {
    if (e->kind == EdgeKind::kPrecedes) continue;
    SCOPED_TRACE(e->source + " -> " + e->target);
    EXPECT_FALSE(e->evidence.empty());
    for (const Evidence& ev : e->evidence) EXPECT_FALSE(ev.text.empty());
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

}  // namespace
}  // namespace etkg
