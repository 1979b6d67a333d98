// Builds a two-node graph with the installed library and prints its JSON.
#include <iostream>

#include "exporters/native_json.h"
#include "graph/event_graph.h"

int main() {
  etkg::EventGraph graph;
  etkg::Node a{"leader/a", etkg::NodeKind::kLeader, "A", {}, {}, {}};
  etkg::Node b{"place/b", etkg::NodeKind::kPlace, "B", {}, {}, {}};
  if (!graph.AddNode(a).ok() || !graph.AddNode(b).ok()) return 1;
  etkg::Edge e;
  e.source = "leader/a";
  e.target = "place/b";
  e.kind = etkg::EdgeKind::kLeads;
  if (!graph.AddEdge(e).ok()) return 1;
  std::string json = etkg::NativeJsonString(graph);
  std::cout << json;
  return json.find("\"leader/a\"") == std::string::npos ? 1 : 0;
}
