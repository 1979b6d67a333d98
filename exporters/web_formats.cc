#include "exporters/web_formats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace etkg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void String(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Key(Writer& w, const char* key) { w.Key(key); }

// First and last day of a date of known year, as ISO days.
std::optional<std::pair<std::string, std::string>> IsoDays(const DateValue& date) {
  auto first = date.FirstDay();
  auto last = date.LastDay();
  if (!first || !last) return std::nullopt;
  return std::make_pair(PartialDate::FromDays(*first).ToString(),
                        PartialDate::FromDays(*last).ToString());
}

void DateFields(Writer& w, const DateValue& date) {
  if (date.is_null()) return;
  Key(w, "date");
  String(w, date.ToString());
  if (auto days = IsoDays(date)) {
    Key(w, "start");
    String(w, days->first);
    Key(w, "end");
    String(w, days->second);
  }
}

void AttrValue(Writer& w, const etkg::AttrValue& value) {
  std::visit(
      [&w](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          String(w, v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          w.Int64(v);
        } else if constexpr (std::is_same_v<T, double>) {
          if (std::isfinite(v)) {
            w.Double(v);
          } else {
            w.Null();
          }
        } else {
          w.Bool(v);
        }
      },
      value);
}

// Attributes under their own names, unless the name is one of ours or
// reserved by a viewer ("type", "id", "source", "target").
void AttrFields(Writer& w, const Attributes& attrs) {
  for (const auto& [key, value] : attrs) {
    if (key == "type" || key == "id" || key == "source" || key == "target" || key == "label" ||
        key == "kind" || key == "date" || key == "start" || key == "end") {
      continue;
    }
    String(w, key);
    AttrValue(w, value);
  }
}

void NodeData(Writer& w, const Node& node) {
  Key(w, "id");
  String(w, node.id);
  Key(w, "label");
  String(w, node.label.empty() ? node.id : node.label);
  Key(w, "kind");
  w.String(NodeKindName(node.kind).data());
  DateFields(w, node.date);
  if (!node.aliases.empty()) {
    Key(w, "aliases");
    w.StartArray();
    for (const std::string& a : node.aliases) String(w, a);
    w.EndArray();
  }
  AttrFields(w, node.attrs);
}

std::string EdgeId(const Edge& edge) {
  return "edge:" + edge.source + "|" + std::string(EdgeKindName(edge.kind)) + "|" + edge.target;
}

void EdgeData(Writer& w, const Edge& edge, bool with_id) {
  if (with_id) {
    Key(w, "id");
    String(w, EdgeId(edge));
  }
  Key(w, "source");
  String(w, edge.source);
  Key(w, "target");
  String(w, edge.target);
  Key(w, "kind");
  w.String(EdgeKindName(edge.kind).data());
  DateFields(w, edge.date);
  if (!edge.date_rule.empty()) {
    Key(w, "date_rule");
    String(w, edge.date_rule);
  }
  Key(w, "confidence");
  w.Double(std::isfinite(edge.confidence) ? edge.confidence : 0.0);
  Key(w, "evidence");
  w.StartArray();
  for (const Evidence& ev : edge.evidence) {
    w.StartObject();
    Key(w, "doc");
    String(w, ev.doc);
    Key(w, "offset");
    w.Uint(ev.offset);
    Key(w, "length");
    w.Uint(ev.length);
    Key(w, "text");
    String(w, ev.text);
    w.EndObject();
  }
  w.EndArray();
  AttrFields(w, edge.attrs);
}

// "x" and "y" of a node, to a hundredth of a point; nothing without one.
void XY(Writer& w, const Positions* positions, const std::string& id) {
  if (!positions) return;
  auto it = positions->find(id);
  if (it == positions->end()) return;
  Key(w, "x");
  w.Double(std::round(it->second.first * 100) / 100);
  Key(w, "y");
  w.Double(std::round(it->second.second * 100) / 100);
}

void Position(Writer& w, const Positions* positions, const std::string& id) {
  if (!positions || !positions->count(id)) return;
  Key(w, "position");
  w.StartObject();
  XY(w, positions, id);
  w.EndObject();
}

std::string Finish(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string CytoscapeJson(const GraphView& view, const Positions* positions) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  Key(w, "elements");
  w.StartObject();
  Key(w, "nodes");
  w.StartArray();
  for (const Node* node : view.nodes) {
    w.StartObject();
    Key(w, "data");
    w.StartObject();
    NodeData(w, *node);
    w.EndObject();
    Key(w, "classes");
    w.String(NodeKindName(node->kind).data());
    Position(w, positions, node->id);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "edges");
  w.StartArray();
  for (const Edge* edge : view.edges) {
    w.StartObject();
    Key(w, "data");
    w.StartObject();
    EdgeData(w, *edge, true);
    w.EndObject();
    Key(w, "classes");
    w.String(EdgeKindName(edge->kind).data());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return Finish(buffer);
}

std::string VisTimelineJson(const GraphView& view) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  Key(w, "groups");
  w.StartArray();
  std::vector<NodeKind> groups;
  for (const Node* node : view.nodes) {
    if (IsEventKind(node->kind) &&
        std::find(groups.begin(), groups.end(), node->kind) == groups.end()) {
      groups.push_back(node->kind);
    }
  }
  std::sort(groups.begin(), groups.end());
  for (NodeKind kind : groups) {
    w.StartObject();
    Key(w, "id");
    w.String(NodeKindName(kind).data());
    Key(w, "content");
    std::string content(NodeKindName(kind));
    content += "s";
    String(w, content);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "items");
  w.StartArray();
  for (const Node* node : view.nodes) {
    if (!IsEventKind(node->kind)) continue;
    auto days = IsoDays(node->date);
    if (!days) continue;  // vis-timeline needs a real day.
    w.StartObject();
    Key(w, "id");
    String(w, node->id);
    Key(w, "content");
    String(w, node->label.empty() ? node->id : node->label);
    Key(w, "start");
    String(w, days->first);
    if (days->first != days->second) {
      Key(w, "end");
      String(w, PartialDate::FromDays(*node->date.LastDay() + 1).ToString());
    }
    Key(w, "group");
    w.String(NodeKindName(node->kind).data());
    Key(w, "className");
    String(w, std::string(NodeKindName(node->kind)) +
                  (node->date.precision() == DatePrecision::kDay ? "" : " partial"));
    Key(w, "title");
    String(w, node->date.ToString());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string D3Json(const GraphView& view, const Positions* positions) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  Key(w, "nodes");
  w.StartArray();
  for (const Node* node : view.nodes) {
    w.StartObject();
    NodeData(w, *node);
    XY(w, positions, node->id);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "links");
  w.StartArray();
  for (const Edge* edge : view.edges) {
    w.StartObject();
    EdgeData(w, *edge, false);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string GraphMl(const GraphView& view) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  struct KeyDef {
    const char* id;
    const char* domain;
    const char* name;
    const char* type;
  };
  static constexpr KeyDef kKeys[] = {
      {"n_label", "node", "label", "string"},     {"n_kind", "node", "kind", "string"},
      {"n_date", "node", "date", "string"},       {"n_start", "node", "start", "string"},
      {"n_end", "node", "end", "string"},         {"e_kind", "edge", "kind", "string"},
      {"e_date", "edge", "date", "string"},       {"e_start", "edge", "start", "string"},
      {"e_end", "edge", "end", "string"},         {"e_rule", "edge", "date_rule", "string"},
      {"e_conf", "edge", "confidence", "double"}, {"e_evidence", "edge", "evidence", "string"},
  };
  for (const KeyDef& k : kKeys) {
    out += std::string("  <key id=\"") + k.id + "\" for=\"" + k.domain + "\" attr.name=\"" +
           k.name + "\" attr.type=\"" + k.type + "\"/>\n";
  }
  out += "  <graph id=\"etkg\" edgedefault=\"directed\">\n";
  auto data = [&out](const char* key, const std::string& value) {
    out += std::string("      <data key=\"") + key + "\">" + XmlEscape(value) + "</data>\n";
  };
  auto dates = [&](const char* prefix, const DateValue& date) {
    if (date.is_null()) return;
    data((std::string(prefix) + "date").c_str(), date.ToString());
    if (auto days = IsoDays(date)) {
      data((std::string(prefix) + "start").c_str(), days->first);
      data((std::string(prefix) + "end").c_str(), days->second);
    }
  };
  for (const Node* node : view.nodes) {
    out += "    <node id=\"" + XmlEscape(node->id) + "\">\n";
    data("n_label", node->label.empty() ? node->id : node->label);
    data("n_kind", std::string(NodeKindName(node->kind)));
    dates("n_", node->date);
    out += "    </node>\n";
  }
  for (const Edge* edge : view.edges) {
    out += "    <edge id=\"" + XmlEscape(EdgeId(*edge)) + "\" source=\"" + XmlEscape(edge->source) +
           "\" target=\"" + XmlEscape(edge->target) + "\">\n";
    data("e_kind", std::string(EdgeKindName(edge->kind)));
    dates("e_", edge->date);
    if (!edge->date_rule.empty()) data("e_rule", edge->date_rule);
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.4g",
                  std::isfinite(edge->confidence) ? edge->confidence : 0.0);
    data("e_conf", confidence);
    if (!edge->evidence.empty()) data("e_evidence", edge->evidence.front().text);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace etkg
