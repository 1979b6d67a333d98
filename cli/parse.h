// Option parsing for subcommands, with CLI11.
#ifndef ETKG_CLI_PARSE_H_
#define ETKG_CLI_PARSE_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace etkg::cli {

// Parses `args` (the words after the subcommand) into `app`. Returns -1 to
// go on; 0 when help was asked for and printed; 2 (wrong usage) after
// printing the error and where the options are described.
int ParseOptions(CLI::App& app, const std::vector<std::string>& args);

}  // namespace etkg::cli

#endif  // ETKG_CLI_PARSE_H_
