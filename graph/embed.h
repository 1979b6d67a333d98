// Files embedded in the binary at build time: .incbin copies a file's bytes
// into .rodata when this translation unit is assembled, so there is no code
// generator and no giant string literal. The build passes the path and
// rebuilds the file that embeds it when the data changes (OBJECT_DEPENDS).
#ifndef ETKG_GRAPH_EMBED_H_
#define ETKG_GRAPH_EMBED_H_

#include <cstddef>
#include <string_view>

// Defines `symbol_begin` and `symbol_end` around the bytes of the file at
// `path` (a string literal), followed by a NUL byte. At namespace scope.
#define ETKG_EMBED_FILE(symbol, path)     \
  asm(".section .rodata\n"                \
      ".balign 16\n" #symbol              \
      "_begin:\n"                         \
      ".incbin \"" path "\"\n" #symbol    \
      "_end:\n"                           \
      ".byte 0\n"                         \
      ".previous\n");                     \
  extern "C" const char symbol##_begin[]; \
  extern "C" const char symbol##_end[];

// The bytes ETKG_EMBED_FILE(symbol, ...) embedded, without the NUL.
#define ETKG_EMBEDDED(symbol) \
  std::string_view(symbol##_begin, static_cast<size_t>(symbol##_end - symbol##_begin))

#endif  // ETKG_GRAPH_EMBED_H_
