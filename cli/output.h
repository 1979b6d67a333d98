// Writing results: atomically to files, or to standard output.
#ifndef ETKG_CLI_OUTPUT_H_
#define ETKG_CLI_OUTPUT_H_

#include <functional>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg::cli {

// Writes `content` to `path` through a temporary file in the same folder
// and a rename, so an interrupted run leaves the previous file whole.
// "-" or "" writes to standard output.
Status WriteOutput(const std::string& path, std::string_view content);

// The same for content made piece by piece: `produce` calls the sink it is
// given with each piece (the sink returns false once writing failed), so the
// whole never has to be in memory. An error from `produce` is returned, and
// the file is left as it was.
using OutputSink = std::function<bool(std::string_view piece)>;
Status WriteOutput(const std::string& path,
                   const std::function<Status(const OutputSink&)>& produce);

}  // namespace etkg::cli

#endif  // ETKG_CLI_OUTPUT_H_
