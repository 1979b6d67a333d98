// Reads documents with the library and prints the calls and summits in
// date order: the smallest useful program over etkg.
//
//   timeline_example examples/docs
#include <algorithm>
#include <iostream>

#include "graph/event_merge.h"
#include "loaders/document.h"
#include "loaders/extractor.h"
#include "loaders/gazetteer.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: timeline_example PATH...\n";
    return 2;
  }
  auto extractor = etkg::MakeExtractor(etkg::Gazetteer::Default());
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  etkg::EventGraph graph;
  etkg::ReadDocuments(
      std::vector<std::string>(argv + 1, argv + argc), {},
      [&](etkg::Document doc) {
        auto fragment = (*extractor)->Extract(doc);
        if (fragment.ok()) (void)graph.Merge(*fragment);
      },
      [](const etkg::Status& s) { std::cerr << s.ToString() << "\n"; });
  if (!etkg::MergeEvents(&graph).ok()) return 1;
  std::vector<const etkg::Node*> events;
  for (const etkg::Node* n : graph.Nodes()) {
    if (etkg::IsEventKind(n->kind)) events.push_back(n);
  }
  std::stable_sort(events.begin(), events.end(),
                   [](auto* a, auto* b) { return etkg::CompareDates(a->date, b->date) < 0; });
  for (const etkg::Node* e : events) {
    std::cout << (e->date.is_null() ? "undated" : e->date.ToString()) << "  " << e->label << "\n";
  }
  return 0;
}
