// The progress line of long runs, and that it is drawn on a terminal only.
#include "cli/progress.h"

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

TEST(ProgressBarTest, LineShowsTheShareDoneTheRateAndTheTimeLeft) {
  EXPECT_EQ(cli::ProgressBar::Line(200'000'000, 1234, 50'000'000, 10.0),
            "etkg: [######..................]  25%  1234 documents  50.0 of 200.0 MB  5.0 MB/s  "
            "0:30 left");
  EXPECT_EQ(cli::ProgressBar::Line(1000, 3, 1000, 2.0),
            "etkg: [########################] 100%  3 documents  0.0 of 0.0 MB  0.0 MB/s");
  // Standard input: no total, so no bar.
  EXPECT_EQ(cli::ProgressBar::Line(0, 7, 3'000'000, 1.0), "etkg: 7 documents  3.0 MB  3.0 MB/s");
  // More read than the total (a file grew): the bar stops at 100%.
  EXPECT_EQ(cli::ProgressBar::Line(10, 1, 20, 0.0).substr(0, 37),
            "etkg: [########################] 100%");
}

TEST_F(CliTest, ProgressIsDrawnOnATerminalOnly) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "no 'script' (util-linux) to run etkg on a terminal";
  }
  const std::string ingest = Quote(ETKG_BINARY) + " ingest " + Quote(ExamplesDir()) + " -o " +
                             Quote(Path("g.json")) + " -j 1";
  // `script` gives etkg a terminal for standard error.
  RunResult tty = Shell("script -qec " + Quote(ingest) + " /dev/null");
  ASSERT_EQ(tty.exit_code, 0) << tty.err;
  EXPECT_NE(tty.out.find("etkg: merging events..."), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("\r\033[K"), std::string::npos) << tty.out;
  // Not a terminal: the summary alone.
  RunResult file = Shell(ingest);
  ASSERT_EQ(file.exit_code, 0) << file.err;
  EXPECT_EQ(file.err.find('\r'), std::string::npos) << file.err;
  EXPECT_EQ(file.err.find("merging"), std::string::npos) << file.err;
}

}  // namespace
}  // namespace etkg
