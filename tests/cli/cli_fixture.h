// The fixture of the command-line tests: runs the built `etkg` binary in a
// scratch directory of its own and captures its output and exit code.
#ifndef ETKG_TESTS_CLI_CLI_FIXTURE_H_
#define ETKG_TESTS_CLI_CLI_FIXTURE_H_

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace etkg {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void WriteFile(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// Single-quotes an argument for /bin/sh.
inline std::string Quote(std::string_view arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("etkg-cli-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter++) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs a command line with standard output and error sent to files.
  RunResult Shell(const std::string& command) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string line =
        command + " </dev/null >" + Quote(out.string()) + " 2>" + Quote(err.string());
    const int status = std::system(line.c_str());
    RunResult result;
    if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.out = ReadFile(out);
    result.err = ReadFile(err);
    fs::remove(out);
    fs::remove(err);
    return result;
  }

  RunResult Etkg(const std::vector<std::string>& args) {
    std::string command = Quote(ETKG_BINARY);
    for (const std::string& arg : args) command += " " + Quote(arg);
    return Shell(command);
  }

  static std::string ExamplesDir() { return std::string(ETKG_SOURCE_DIR) + "/examples/docs"; }

  std::string Path(std::string_view name) const { return (dir_ / name).string(); }

  // Ingests the example documents into dir_/g.json.
  void IngestExamples() {
    RunResult r = Etkg({"ingest", ExamplesDir(), "-o", Path("g.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(Path("g.json")));
  }

  fs::path dir_;
};

}  // namespace etkg

#endif  // ETKG_TESTS_CLI_CLI_FIXTURE_H_
