// Embeds the world table (written by data/world_table.cc at build time) in
// the binary. The build passes its path as ETKG_WORLD_TABLE and rebuilds
// this file when the table changes.
#include <string_view>

#include "graph/embed.h"

#ifndef ETKG_WORLD_TABLE
#error "ETKG_WORLD_TABLE must name the world table the build writes"
#endif

ETKG_EMBED_FILE(etkg_world_table, ETKG_WORLD_TABLE)

namespace etkg {

std::string_view EmbeddedWorldTable() { return ETKG_EMBEDDED(etkg_world_table); }

}  // namespace etkg
