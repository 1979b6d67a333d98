// The fixture of the command-line tests: runs the built `etkg` binary in a
// scratch directory of its own and captures its output and exit code.
#ifndef ETKG_TESTS_CLI_CLI_FIXTURE_H_
#define ETKG_TESTS_CLI_CLI_FIXTURE_H_

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/golden.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
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

// A graph.json big enough that writing it, or laying it out with
// --mentions, takes a while: n leaders, each mentioned with the next.
inline std::string BigGraph(size_t n) {
  std::string nodes, edges;
  for (size_t i = 0; i < n; ++i) {
    const std::string id = "leader/l" + std::to_string(i);
    if (i > 0) nodes += ",\n";
    nodes += R"({"id": ")" + id + R"(", "kind": "leader", "label": "Leader )" + std::to_string(i) +
             R"(", "aliases": ["L)" + std::to_string(i) + R"("]})";
    if (i + 1 < n) {
      if (i > 0) edges += ",\n";
      edges += R"({"source": ")" + id + R"(", "target": "leader/l)" + std::to_string(i + 1) +
               R"(", "kind": "mentions", "evidence": [{"doc": "d", "offset": 0, "length": 60,)"
               R"( "text": "A sentence long enough to make the file a good deal larger."}]})";
    }
  }
  return R"({"schema": "etkg.graph/1", "nodes": [)" + nodes + "], \"edges\": [" + edges + "]}";
}

// `utf8` in UTF-16 (`unit` 2) or UTF-32 (`unit` 4), little- or big-endian,
// after a byte-order mark when `mark`.
inline std::string EncodeUtf(std::string_view utf8, int unit, bool big_endian, bool mark = true) {
  std::vector<uint32_t> points;
  if (mark) points.push_back(0xFEFF);
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t point = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) point = (point << 6) | (utf8[i + k] & 0x3F);
    points.push_back(point);
    i += static_cast<size_t>(length);
  }
  std::string out;
  auto put = [&](uint32_t value) {
    for (int k = 0; k < unit; ++k) {
      const int shift = 8 * (big_endian ? unit - 1 - k : k);
      out += static_cast<char>((value >> shift) & 0xFF);
    }
  };
  for (uint32_t point : points) {
    if (unit == 2 && point > 0xFFFF) {
      put(0xD800 + ((point - 0x10000) >> 10));
      put(0xDC00 + ((point - 0x10000) & 0x3FF));
    } else {
      put(point);
    }
  }
  return out;
}

// Starts `etkg ARGS...` in the background, standard input, output and
// error on /dev/null, and returns its pid. `before_start`, when given, runs
// here with that pid before the child may go on to run etkg.
inline pid_t SpawnEtkg(const std::vector<std::string>& args,
                       const std::function<void(pid_t)>& before_start = {}) {
  int go[2];
  if (::pipe(go) != 0) return -1;
  std::vector<std::string> argv_text = {ETKG_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(go[1]);
    char byte;
    while (::read(go[0], &byte, 1) < 0 && errno == EINTR) {
    }
    // Signals as a shell would leave them, whatever the test runner ignores.
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, SIG_DFL);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(go[0]);
  if (pid > 0 && before_start) before_start(pid);
  ::close(go[1]);
  return pid;
}

// The exit code of a child started by SpawnEtkg, or -1 when a signal ended
// it.
inline int WaitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
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

  // Runs `etkg ARGS...` with the file `input` piped to its standard input
  // (a pipe, as `cat FILE | etkg` gives, not the file itself).
  RunResult EtkgPiped(const std::string& input, const std::vector<std::string>& args) {
    std::string command = "{ cat " + Quote(input) + " | " + Quote(ETKG_BINARY);
    for (const std::string& arg : args) command += " " + Quote(arg);
    return Shell(command + "; }");
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
