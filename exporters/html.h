// A self-contained HTML page that shows a graph as a network (Cytoscape.js)
// and a timeline side by side, with a search box, a time-range filter, and
// the dates, sources and sentences behind every node and edge. The page's
// template, script and style (web/) and Cytoscape.js are embedded in the
// binary at build time: the page works opened from disk and fetches
// nothing when it is viewed.
#ifndef ETKG_EXPORTERS_HTML_H_
#define ETKG_EXPORTERS_HTML_H_

#include <string>

#include "exporters/dot.h"
#include "graph/view.h"

namespace etkg {

// False when the build could not embed the viewer (npm was missing when
// etkg was configured); HtmlPage then writes a page that says so.
bool HtmlViewerBuilt();

// The page for `view`, titled `title`. `positions` (may be null) places
// the nodes, as large graphs need; without it the page lays them out.
// The data sits in <script type="application/json" id="etkg-data">:
// {"schema": "etkg.html/1", "title", "generator", "elements" (as
// CytoscapeJson writes them), "documents": {DOC: {"id", "label", "date"?,
// "url"?, "path"?}}} keyed as evidence names documents (without "doc/").
// No text can close the script element: "</" is written "<\/", "<!--"
// "\u003C!--", and U+2028 and U+2029 as escapes.
std::string HtmlPage(const GraphView& view, const Positions* positions, const std::string& title);

}  // namespace etkg

#endif  // ETKG_EXPORTERS_HTML_H_
