// Writing results: atomically to files, or to standard output.
#ifndef ETKG_CLI_OUTPUT_H_
#define ETKG_CLI_OUTPUT_H_

#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg::cli {

// Writes `content` to `path` through a temporary file in the same folder
// and a rename, so an interrupted run leaves the previous file whole.
// "-" or "" writes to standard output.
Status WriteOutput(const std::string& path, std::string_view content);

}  // namespace etkg::cli

#endif  // ETKG_CLI_OUTPUT_H_
