#include "exporters/html.h"

#include <cassert>
#include <optional>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "exporters/query_json.h"
#include "exporters/web_formats.h"
#include "graph/embed.h"
#include "graph/sources.h"
#include "graph/version.h"

// web/CMakeLists.txt passes the assets' paths when it could install
// Cytoscape.js; they are embedded as the gazetteer is (graph/embed.h).
#if defined(ETKG_WEB_PAGE_HTML) && defined(ETKG_WEB_STYLE_CSS) && defined(ETKG_WEB_APP_JS) && \
    defined(ETKG_WEB_CYTOSCAPE_JS)
ETKG_EMBED_FILE(etkg_web_page, ETKG_WEB_PAGE_HTML)
ETKG_EMBED_FILE(etkg_web_style, ETKG_WEB_STYLE_CSS)
ETKG_EMBED_FILE(etkg_web_app, ETKG_WEB_APP_JS)
ETKG_EMBED_FILE(etkg_web_cytoscape, ETKG_WEB_CYTOSCAPE_JS)
#define ETKG_ASSET(name) ETKG_EMBEDDED(name)
#endif

namespace etkg {
namespace {

struct Assets {
  std::string_view page, style, app, cytoscape;
};

// The embedded files; nullopt when the build had no Cytoscape.js.
std::optional<Assets> EmbeddedAssets() {
#ifdef ETKG_ASSET
  return Assets{ETKG_ASSET(etkg_web_page), ETKG_ASSET(etkg_web_style), ETKG_ASSET(etkg_web_app),
                ETKG_ASSET(etkg_web_cytoscape)};
#else
  return std::nullopt;
#endif
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

bool String(Writer& w, std::string_view s) {
  return w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

const std::string* StringAttr(const Node& node, std::string_view key) {
  auto it = node.attrs.find(key);
  if (it == node.attrs.end()) return nullptr;
  return std::get_if<std::string>(&it->second);
}

// Makes text safe inside a <script> element, where the HTML parser ends
// the element at the first "</script" and enters odd states at "<!--",
// whatever the JavaScript means. Every rewrite is an escape that JSON and
// JavaScript strings read back as the same text; "</" and "<!--" appear
// only inside strings in JSON and in the libraries embedded here.
std::string ScriptSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string_view rest = text.substr(i);
    if (c == '<' && rest.starts_with("</")) {
      out += "<\\/";
      ++i;
    } else if (c == '<' && rest.starts_with("<!--")) {
      out += "\\u003C!--";
      i += 3;
    } else if (c == '\xE2' &&
               (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9"))) {
      // U+2028 and U+2029 end a line in older JavaScript engines.
      out += rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// The page's data: CytoscapeJson's elements, re-read and written compact,
// with the documents by the names evidence gives them.
std::string PageData(const GraphView& view, const Positions* positions, const std::string& title) {
  rapidjson::Document cytoscape;
  cytoscape.Parse(CytoscapeJson(view, positions).c_str());
  assert(!cytoscape.HasParseError() && cytoscape.HasMember("elements"));

  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  bool ok = w.StartObject();
  ok = ok && w.Key("schema") && w.String("etkg.html/1");
  ok = ok && w.Key("title") && String(w, title);
  ok = ok && w.Key("generator") && w.String(kGeneratorName);
  ok = ok && w.Key("elements") && cytoscape["elements"].Accept(w);
  ok = ok && w.Key("documents") && w.StartObject();
  for (const Node* node : view.nodes) {
    if (node->kind != NodeKind::kDocument) continue;
    std::string_view key = node->id;
    if (key.starts_with("doc/")) key.remove_prefix(4);
    ok = ok && String(w, key) && w.StartObject();
    ok = ok && w.Key("id") && String(w, node->id);
    ok = ok && w.Key("label") && String(w, node->label.empty() ? node->id : node->label);
    if (!node->date.is_null()) ok = ok && w.Key("date") && String(w, node->date.ToString());
    for (const char* attr : {"url", "path", "source", "issuer"}) {
      if (const std::string* value = StringAttr(*node, attr)) {
        ok = ok && w.Key(attr) && String(w, *value);
      }
    }
    ok = ok && w.EndObject();
  }
  ok = ok && w.EndObject();
  // Events of two or more sources, by source (graph/sources.h), for the
  // details panel.
  ok = ok && w.Key("comparisons") && w.StartObject();
  ViewSources sources(view);
  for (const Node* node : view.nodes) {
    if (!IsEventKind(node->kind)) continue;
    EventSources compared = sources.Compare(*node);
    if (compared.sources.size() < 2) continue;
    rapidjson::Document one;
    one.Parse(SourcesJson(compared, /*pretty=*/false).c_str());
    ok = ok && String(w, node->id) && one.Accept(w);
  }
  ok = ok && w.EndObject() && w.EndObject();
  // Writing into memory fails only on a misuse of the writer.
  assert(ok && w.IsComplete());
  (void)ok;
  return ScriptSafe(std::string_view(buffer.GetString(), buffer.GetSize()));
}

// Fills the template's {{name}} markers in one pass over the template, so
// that text put in (a label saying "{{app}}", say) is never filled again.
std::string FillTemplate(
    std::string_view page,
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  size_t total = page.size();
  for (const auto& [name, value] : values) total += value.size();
  out.reserve(total);
  size_t at = 0;
  while (at < page.size()) {
    size_t open = page.find("{{", at);
    size_t close = open == std::string_view::npos ? open : page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string_view name = page.substr(open + 2, close - open - 2);
    out.append(page.substr(at, open - at));
    bool filled = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out.append(value);
        filled = true;
        break;
      }
    }
    if (!filled) out.append(page.substr(open, close + 2 - open));
    at = close + 2;
  }
  if (at < page.size()) out.append(page.substr(at));
  return out;
}

}  // namespace

bool HtmlViewerBuilt() { return EmbeddedAssets().has_value(); }

std::string HtmlPage(const GraphView& view, const Positions* positions, const std::string& title) {
  const std::string html_title = XmlEscape(title);
  std::optional<Assets> assets = EmbeddedAssets();
  if (!assets) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           html_title + "</title>\n</head>\n<body>\n<h1>" + html_title +
           "</h1>\n<p>The etkg HTML viewer was not built: npm was not available when etkg was "
           "configured. Install nodejs and npm, configure and build etkg again, and export "
           "again.</p>\n</body>\n</html>\n";
  }
  const std::string data = PageData(view, positions, title);
  // The libraries are ours and Cytoscape's; made script-safe all the same.
  const std::string cytoscape = ScriptSafe(assets->cytoscape);
  const std::string app = ScriptSafe(assets->app);
  return FillTemplate(assets->page, {{"title", html_title},
                                     {"style", assets->style},
                                     {"cytoscape", cytoscape},
                                     {"app", app},
                                     {"data", data},
                                     {"generator", kGeneratorName}});
}

}  // namespace etkg
