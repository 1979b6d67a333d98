// The events etkg finds in examples/docs, one readable line each (date,
// kind, label, who, where, what was discussed, how many sources, what it
// refers to), compared with tests/loaders/golden/examples_events.txt. Every
// change to extraction shows as a diff of that file in review;
// ETKG_UPDATE_GOLDEN=1 rewrites it.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/event_merge.h"
#include "graph/text.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"
#include "tests/golden.h"

namespace etkg {
namespace {

std::string Join(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

std::string EventLines(const EventGraph& graph) {
  std::vector<std::string> lines;
  for (const Node* node : graph.Nodes()) {
    if (node->kind != NodeKind::kCall && node->kind != NodeKind::kSummit &&
        node->kind != NodeKind::kEvent) {
      continue;
    }
    std::vector<std::string> who, where, what, sources, refers;
    for (const Edge* e : graph.InEdges(node->id)) {
      if (e->kind == EdgeKind::kParticipant) who.push_back(graph.FindNode(e->source)->label);
      if (e->kind == EdgeKind::kRefersTo) {
        refers.push_back("from " + std::string(e->source));
      }
    }
    for (const Edge* e : graph.OutEdges(node->id)) {
      const Node* target = graph.FindNode(e->target);
      if (e->kind == EdgeKind::kHeldIn) where.push_back(target->label);
      if (e->kind == EdgeKind::kDiscussed) what.push_back(target->label);
      if (e->kind == EdgeKind::kReportedBy) sources.push_back(std::string(e->target));
      if (e->kind == EdgeKind::kRefersTo) {
        auto tense = e->attrs.find("tense");
        std::string how = tense == e->attrs.end() ? "" : std::get<std::string>(tense->second);
        refers.push_back(how + " " + std::string(e->target));
      }
    }
    std::ostringstream line;
    line << node->date.ToString() << " | " << NodeKindName(node->kind) << " | " << node->label
         << " | who: " << Join(who) << " | where: " << Join(where) << " | discussed: " << Join(what)
         << " | sources: " << Join(sources) << " | refers: " << Join(refers);
    lines.push_back(line.str());
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

EventGraph IngestExamples() {
  auto extractor = MakeExtractor(Gazetteer::Default());
  EXPECT_TRUE(extractor.ok());
  EventGraph graph;
  size_t read = ReadDocuments(
      {std::string(ETKG_SOURCE_DIR) + "/examples/docs"}, {},
      [&](Document doc) {
        Result<EventGraph> fragment = (*extractor)->Extract(doc);
        ASSERT_TRUE(fragment.ok()) << fragment.status().ToString();
        ASSERT_TRUE(graph.Merge(*fragment).ok());
      },
      [](const Status& s) { ADD_FAILURE() << s.ToString(); });
  EXPECT_GT(read, 0u);
  EXPECT_TRUE(MergeEvents(&graph).ok());
  return graph;
}

TEST(ExamplesGoldenTest, EventsOfTheExampleDocuments) {
  testing::ExpectGolden("loaders/golden/examples_events.txt", EventLines(IngestExamples()));
}

// Nothing asserted without a source: a document's edge to a place, as a
// mention or as where an issue lies, rests on sentences that name it.
TEST(ExamplesGoldenTest, PlaceEdgesRestOnSentencesThatNameThePlace) {
  EventGraph graph = IngestExamples();
  size_t checked = 0;
  for (const Edge* e : graph.Edges()) {
    if (e->kind != EdgeKind::kConcerns && e->kind != EdgeKind::kMentions) continue;
    const Node* place = graph.FindNode(e->target);
    if (place->kind != NodeKind::kPlace) continue;
    // Its name, an alias or a demonym ("German Chancellor"), in any case.
    std::vector<std::string> names = {place->label};
    names.insert(names.end(), place->aliases.begin(), place->aliases.end());
    if (const PlaceEntry* entry = Gazetteer::Default().FindPlace(e->target.view().substr(6))) {
      names.insert(names.end(), entry->demonyms.begin(), entry->demonyms.end());
    }
    for (const Evidence& ev : e->evidence) {
      std::string text = AsciiLower(std::string_view(ev.text));
      bool named = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
        return text.find(AsciiLower(name)) != std::string::npos;
      });
      EXPECT_TRUE(named) << EdgeKindName(e->kind) << " " << e->source << " -> " << e->target
                         << " rests on: " << ev.text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
}

}  // namespace
}  // namespace etkg
