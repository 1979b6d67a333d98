// Embeds the world table (written by data/world_table.cc at build time) in
// the binary. The build passes its path as ETKG_WORLD_TABLE and rebuilds
// this file when the table changes.
#include <string_view>

#ifndef ETKG_WORLD_TABLE
#error "ETKG_WORLD_TABLE must name the world table the build writes"
#endif

asm(".section .rodata\n"
    ".balign 16\n"
    "etkg_world_table_begin:\n"
    ".incbin \"" ETKG_WORLD_TABLE
    "\"\n"
    "etkg_world_table_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char etkg_world_table_begin[];
extern "C" const char etkg_world_table_end[];

namespace etkg {

std::string_view EmbeddedWorldTable() {
  return std::string_view(etkg_world_table_begin,
                          static_cast<size_t>(etkg_world_table_end - etkg_world_table_begin));
}

}  // namespace etkg
