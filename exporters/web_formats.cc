#include "exporters/web_formats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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
  std::vector<const Node*> unplaced;
  for (const Node* node : view.nodes) {
    if (!IsEventKind(node->kind)) continue;
    auto days = IsoDays(node->date);
    if (!days) {  // vis-timeline needs a real day.
      unplaced.push_back(node);
      continue;
    }
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
  // Events the timeline cannot place, kept and said why.
  Key(w, "unplaced");
  w.StartArray();
  for (const Node* node : unplaced) {
    w.StartObject();
    Key(w, "id");
    String(w, node->id);
    Key(w, "content");
    String(w, node->label.empty() ? node->id : node->label);
    Key(w, "group");
    w.String(NodeKindName(node->kind).data());
    Key(w, "date");
    if (node->date.is_null()) {
      w.Null();
    } else {
      String(w, node->date.ToString());
    }
    Key(w, "reason");
    w.String(node->date.is_null() ? "no date" : "year unknown");
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
    std::string id;
    const char* domain;
    std::string name;
    const char* type;
  };
  std::vector<KeyDef> keys = {
      {"n_label", "node", "label", "string"},
      {"n_kind", "node", "kind", "string"},
      {"n_aliases", "node", "aliases", "string"},
      {"n_date", "node", "date", "string"},
      {"n_start", "node", "start", "string"},
      {"n_end", "node", "end", "string"},
      {"e_kind", "edge", "kind", "string"},
      {"e_date", "edge", "date", "string"},
      {"e_start", "edge", "start", "string"},
      {"e_end", "edge", "end", "string"},
      {"e_rule", "edge", "date_rule", "string"},
      {"e_conf", "edge", "confidence", "double"},
      {"e_evidence", "edge", "evidence", "string"},
      {"e_evidence_count", "edge", "evidence_count", "int"},
      {"e_sources", "edge", "sources", "string"},
  };
  // Every attribute the view's nodes and edges hold gets a key of its
  // type: a document's url, an event's date_rule, a report's stated_date.
  auto type_of = [](const etkg::AttrValue& v) {
    return std::visit(
        [](const auto& x) -> const char* {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::string>) {
            return "string";
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return "long";
          } else if constexpr (std::is_same_v<T, double>) {
            return "double";
          } else {
            return "boolean";
          }
        },
        v);
  };
  std::map<std::pair<std::string, std::string>, const char*> attr_keys;  // (domain, name).
  for (const Node* node : view.nodes) {
    for (const auto& [k, v] : node->attrs)
      attr_keys.emplace(std::pair("node", k.str()), type_of(v));
  }
  for (const Edge* edge : view.edges) {
    for (const auto& [k, v] : edge->attrs)
      attr_keys.emplace(std::pair("edge", k.str()), type_of(v));
  }
  for (const auto& [at, type] : attr_keys) {
    keys.push_back({(at.first == "node" ? "na_" : "ea_") + at.second,
                    at.first == "node" ? "node" : "edge", at.second, type});
  }
  for (const KeyDef& k : keys) {
    out += "  <key id=\"" + XmlEscape(k.id) + "\" for=\"" + k.domain + "\" attr.name=\"" +
           XmlEscape(k.name) + "\" attr.type=\"" + k.type + "\"/>\n";
  }
  out += "  <graph id=\"etkg\" edgedefault=\"directed\">\n";
  auto data = [&out](const std::string& key, const std::string& value) {
    out += "      <data key=\"" + XmlEscape(key) + "\">" + XmlEscape(value) + "</data>\n";
  };
  auto dates = [&](const char* prefix, const DateValue& date) {
    if (date.is_null()) return;
    data(std::string(prefix) + "date", date.ToString());
    if (auto days = IsoDays(date)) {
      data(std::string(prefix) + "start", days->first);
      data(std::string(prefix) + "end", days->second);
    }
  };
  auto attrs = [&](const char* prefix, const Attributes& attributes) {
    for (const auto& [k, v] : attributes) {
      std::string text = std::visit(
          [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>) {
              return x;
            } else if constexpr (std::is_same_v<T, bool>) {
              return x ? "true" : "false";
            } else if constexpr (std::is_same_v<T, double>) {
              char number[32];
              std::snprintf(number, sizeof number, "%.17g", std::isfinite(x) ? x : 0.0);
              return number;
            } else {
              return std::to_string(x);
            }
          },
          v);
      data(prefix + k.str(), text);
    }
  };
  for (const Node* node : view.nodes) {
    out += "    <node id=\"" + XmlEscape(node->id) + "\">\n";
    data("n_label", node->label.empty() ? node->id : node->label);
    data("n_kind", std::string(NodeKindName(node->kind)));
    if (!node->aliases.empty()) {
      std::string aliases;
      for (const std::string& a : node->aliases) aliases += (aliases.empty() ? "" : "; ") + a;
      data("n_aliases", aliases);
    }
    dates("n_", node->date);
    attrs("na_", node->attrs);
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
    if (!edge->evidence.empty()) {
      // Every sentence, as a JSON array a reader parses (json.loads):
      // GraphML values are scalars.
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      w.StartArray();
      std::set<std::string_view> docs;
      for (const Evidence& ev : edge->evidence) {
        w.StartObject();
        w.Key("doc");
        w.String(ev.doc.view().data(), static_cast<rapidjson::SizeType>(ev.doc.view().size()));
        w.Key("offset");
        w.Uint(ev.offset);
        w.Key("length");
        w.Uint(ev.length);
        w.Key("text");
        w.String(ev.text.view().data(), static_cast<rapidjson::SizeType>(ev.text.view().size()));
        w.EndObject();
        docs.insert(ev.doc.view());
      }
      w.EndArray();
      data("e_evidence", std::string(buffer.GetString(), buffer.GetSize()));
      data("e_evidence_count", std::to_string(edge->evidence.size()));
      std::string sources;
      for (std::string_view d : docs)
        sources += (sources.empty() ? "doc/" : " doc/") + std::string(d);
      data("e_sources", sources);
    }
    attrs("ea_", edge->attrs);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace etkg
