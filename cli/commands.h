// The subcommands of `etkg`: a table of {name, summary, handler}. Help,
// usage errors and "did you mean" come from the table.
#ifndef ETKG_CLI_COMMANDS_H_
#define ETKG_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace etkg::cli {

// Exit codes (docs/design.md "Command line").
enum ExitCode : int {
  kExitOk = 0,
  kExitBadInput = 1,  // Bad input, not found, or some documents failed.
  kExitUsage = 2,
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& Commands();

// Runs `etkg ARGS...` (argv without the program name).
int Main(const std::vector<std::string>& args);

}  // namespace etkg::cli

#endif  // ETKG_CLI_COMMANDS_H_
