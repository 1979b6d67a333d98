// A progress bar on standard error for long runs, drawn only on a terminal.
#ifndef ETKG_CLI_PROGRESS_H_
#define ETKG_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace etkg::cli {

class ProgressBar {
 public:
  // `total_bytes` of input, 0 when unknown (standard input): then counts
  // are shown without a bar.
  explicit ProgressBar(uint64_t total_bytes);

  // Redraws, at most ten times a second.
  void Update(size_t documents, uint64_t bytes);
  // Shows a stage with no measure of its own ("merging events").
  void Stage(const std::string& what);
  // Erases the line, so that messages and the summary start clean.
  void Clear();

  // The line Update draws, without redrawing: for tests.
  static std::string Line(uint64_t total_bytes, size_t documents, uint64_t bytes, double seconds);

 private:
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace etkg::cli

#endif  // ETKG_CLI_PROGRESS_H_
