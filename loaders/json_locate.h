// Finds where a value named by a JSON path lies in a JSON text, so that an
// error found after parsing ("nodes[3].kind: unknown kind") can still name
// its line and column.
#ifndef ETKG_LOADERS_JSON_LOCATE_H_
#define ETKG_LOADERS_JSON_LOCATE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg {

// Byte offset in `text` where the value at `path` starts. Paths are written
// as the readers write them: "schema", "nodes[3]", "edges[0].evidence[1].doc".
// A path that names a missing member or element gives the deepest value on
// the way there (the object that lacks the member). npos when the text is
// not JSON up to there, or the path is empty.
size_t FindJsonPath(std::string_view text, std::string_view path);

// InvalidInput "PATH: message" naming `file`, and the line and column of
// the value at `path` when it can be found.
Status JsonValueError(std::string_view text, const std::string& file, const std::string& path,
                      const std::string& message);

}  // namespace etkg

#endif  // ETKG_LOADERS_JSON_LOCATE_H_
