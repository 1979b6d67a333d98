// Embeds loaders/data/gazetteer.json in the binary. The build passes its
// path as ETKG_GAZETTEER_JSON and rebuilds this file when the JSON changes.
#include <string_view>

#include "graph/embed.h"

#ifndef ETKG_GAZETTEER_JSON
#error "ETKG_GAZETTEER_JSON must name loaders/data/gazetteer.json"
#endif

ETKG_EMBED_FILE(etkg_gazetteer, ETKG_GAZETTEER_JSON)

namespace etkg {

std::string_view EmbeddedGazetteerJson() { return ETKG_EMBEDDED(etkg_gazetteer); }

}  // namespace etkg
