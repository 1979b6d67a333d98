// Embeds loaders/data/gazetteer.json in the binary. The build passes its
// path as ETKG_GAZETTEER_JSON and rebuilds this file when the JSON changes.
#include <string_view>

#ifndef ETKG_GAZETTEER_JSON
#error "ETKG_GAZETTEER_JSON must name loaders/data/gazetteer.json"
#endif

// .incbin copies the file's bytes into .rodata at assembly time: no code
// generator and no giant string literal.
asm(".section .rodata\n"
    ".balign 16\n"
    "etkg_gazetteer_begin:\n"
    ".incbin \"" ETKG_GAZETTEER_JSON
    "\"\n"
    "etkg_gazetteer_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char etkg_gazetteer_begin[];
extern "C" const char etkg_gazetteer_end[];

namespace etkg {

std::string_view EmbeddedGazetteerJson() {
  return std::string_view(etkg_gazetteer_begin,
                          static_cast<size_t>(etkg_gazetteer_end - etkg_gazetteer_begin));
}

}  // namespace etkg
