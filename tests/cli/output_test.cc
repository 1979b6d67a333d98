// Where `-o` and `--into` write, through the built binary: never through a
// link someone planted, never over a device, fifo or socket, through the
// user's own links to their targets with the targets' modes; concurrent
// `--into` runs take turns; and the Graphviz child of `export` dies with
// etkg.
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>

#include "tests/cli/cli_fixture.h"

namespace etkg {
namespace {

using std::chrono::steady_clock;

constexpr const char* kCallDoc =
    "PARIS, May 3, 2021 \xE2\x80\x94 President Emmanuel Macron spoke by phone with Chancellor "
    "Olaf Scholz on Monday. The two leaders discussed the war in Ukraine.\n";

class OutputTest : public CliTest {
 protected:
  // What `export g.json --format json` writes, from a plain run.
  std::string ExportedJson() {
    RunResult r = Etkg({"export", Path("g.json"), "-o", Path("reference.json")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ReadFile(Path("reference.json"));
  }

  // A document of its own, named NAME.txt, in folder new/.
  std::string NewDocument(const std::string& name) {
    fs::create_directories(dir_ / "new");
    const fs::path path = dir_ / "new" / (name + ".txt");
    WriteFile(path, kCallDoc);
    return path.string();
  }
};

bool IsLink(const std::string& path) { return fs::is_symlink(fs::symlink_status(path)); }

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// --- Planted links ------------------------------------------------------------

TEST_F(OutputTest, LinksPlantedAtTemporaryNamesAreNeitherFollowedNorReplaced) {
  IngestExamples();
  const std::string expected = ExportedJson();
  const std::string victim = Path("victim.txt");
  const std::string kVictimText = "someone else's file\n";
  WriteFile(victim, kVictimText);
  // Links at the names a writer might pick: the old PATH.tmp.PID (the pid
  // is known before etkg runs) and others, some to a file that does not
  // exist, which must not be created.
  auto plant = [&](const std::string& output, pid_t pid) {
    const std::string base = fs::path(output).filename().string();
    for (const std::string& name :
         {base + ".tmp." + std::to_string(pid), base + ".tmp", "." + base + ".tmp", base + "~",
          "." + base + ".swp", base + ".new"}) {
      fs::create_symlink(victim, dir_ / name);
    }
    fs::create_symlink(Path("created-through-a-link"),
                       dir_ / (base + ".tmp." + std::to_string(pid + 1)));
  };
  auto links_intact = [&] {
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (!fs::is_symlink(entry.symlink_status())) continue;
      SCOPED_TRACE(entry.path().string());
      const fs::path target = fs::read_symlink(entry.path());
      EXPECT_TRUE(target == victim || target == Path("created-through-a-link"));
    }
  };

  WriteFile(Path("out.json"), "previous\n");
  pid_t pid = SpawnEtkg({"export", Path("g.json"), "-o", Path("out.json")},
                        [&](pid_t child) { plant(Path("out.json"), child); });
  EXPECT_EQ(WaitFor(pid), 0);
  EXPECT_TRUE(ReadFile(victim) == kVictimText) << "the file a planted link leads to was written";
  EXPECT_FALSE(fs::exists(Path("created-through-a-link")));
  EXPECT_FALSE(IsLink(Path("out.json")));
  EXPECT_TRUE(ReadFile(Path("out.json")) == expected);
  links_intact();

  // The same for a graph written back by --into.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    if (fs::is_symlink(entry.symlink_status())) fs::remove(entry.path());
  }
  pid = SpawnEtkg({"ingest", NewDocument("planted"), "--into", Path("g.json"), "-q"},
                  [&](pid_t child) { plant(Path("g.json"), child); });
  EXPECT_EQ(WaitFor(pid), 0);
  EXPECT_TRUE(ReadFile(victim) == kVictimText) << "the file a planted link leads to was written";
  EXPECT_FALSE(fs::exists(Path("created-through-a-link")));
  EXPECT_FALSE(IsLink(Path("g.json")));
  EXPECT_NE(ReadFile(Path("g.json")).find("\"doc/planted\""), std::string::npos);
  links_intact();

  // A link at the lock's name is not opened either: the run stops.
  fs::create_symlink(victim, Path("g.json.lock.new"));
  fs::remove(Path("g.json.lock"));
  fs::rename(Path("g.json.lock.new"), Path("g.json.lock"));
  RunResult r = Etkg({"ingest", NewDocument("locked"), "--into", Path("g.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("g.json.lock") + ": cannot open the lock file"), std::string::npos)
      << r.err;
  EXPECT_TRUE(ReadFile(victim) == kVictimText) << "the file a planted link leads to was written";
  EXPECT_EQ(ReadFile(Path("g.json")).find("\"doc/locked\""), std::string::npos);
}

TEST_F(OutputTest, NoTemporaryFileIsLeftAfterAWrite) {
  IngestExamples();
  ASSERT_EQ(Etkg({"ingest", NewDocument("one"), "--into", Path("g.json")}).exit_code, 0);
  ASSERT_EQ(Etkg({"export", Path("g.json"), "--format", "dot", "-o", Path("g.dot")}).exit_code, 0);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"g.dot", "g.json", "g.json.lock", "new"}));
}

// --- Special files ------------------------------------------------------------------

TEST_F(OutputTest, OutputOntoADeviceWritesToItAndLeavesItADevice) {
  const std::string null = Path("null");
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device here (" << std::strerror(errno) << "): mknod needs root";
  }
  RunResult ingest = Etkg({"ingest", ExamplesDir(), "-o", null});
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  IngestExamples();
  RunResult exported = Etkg({"export", Path("g.json"), "--format", "dot", "-o", null});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  struct stat st;
  ASSERT_EQ(::lstat(null.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(st.st_rdev, makedev(1, 3));
}

TEST_F(OutputTest, OutputOntoAFifoFeedsItsReaderAndLeavesItAFifo) {
  IngestExamples();
  const std::string expected = ExportedJson();
  const std::string fifo = Path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0) << std::strerror(errno);
  // The reader is open before etkg starts (so etkg's open does not wait) and
  // reads until etkg closes its end, or gives up two seconds after etkg has
  // ended without opening the fifo.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  std::atomic<bool> etkg_done{false};
  std::string got;
  std::thread read_fifo([&] {
    std::optional<steady_clock::time_point> give_up;
    char buffer[1 << 16];
    for (;;) {
      if (etkg_done && !give_up) give_up = steady_clock::now() + std::chrono::seconds(2);
      if (give_up && steady_clock::now() > *give_up) break;
      pollfd p{reader, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::read(reader, buffer, sizeof buffer);
      if (n > 0) {
        got.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EAGAIN) {
        break;  // The writer closed its end.
      }
    }
  });
  RunResult r = Etkg({"export", Path("g.json"), "-o", fifo});
  etkg_done = true;
  read_fifo.join();
  ::close(reader);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(got.size(), expected.size());
  EXPECT_TRUE(got == expected);
  struct stat st;
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputTest, OutputToOwnDescriptorsWritesToThem) {
  IngestExamples();
  const std::string expected = ExportedJson();
  // /dev/stdout itself is not named here: a writer that replaced what the
  // path names would replace the machine's /dev/stdout. A link to it
  // shows the same, at no risk.
  fs::create_symlink("/dev/stdout", Path("to-stdout"));
  for (const std::string& output : {std::string("/dev/fd/1"), std::string("/proc/self/fd/1"),
                                    std::string("-"), Path("to-stdout")}) {
    SCOPED_TRACE(output);
    RunResult r = Etkg({"export", Path("g.json"), "-o", output});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out == expected) << r.out.size() << " bytes";
  }
  EXPECT_TRUE(IsLink(Path("to-stdout")));
  EXPECT_EQ(fs::read_symlink(Path("to-stdout")), "/dev/stdout");
}

TEST_F(OutputTest, OutputOntoASocketIsRefusedAndLeavesIt) {
  IngestExamples();
  const std::string socket_path = Path("sock");
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address = {};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  RunResult r = Etkg({"export", Path("g.json"), "-o", socket_path});
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(socket_path + ": is a socket"), std::string::npos) << r.err;
  struct stat st;
  ASSERT_EQ(::lstat(socket_path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
}

// --- Concurrent --into ----------------------------------------------------------------

TEST_F(OutputTest, ConcurrentIntoRunsKeepEveryDocument) {
  IngestExamples();
  const size_t examples = Count(ReadFile(Path("g.json")), "\"kind\": \"document\"");
  constexpr int kRuns = 10;
  std::vector<std::string> docs;
  for (int i = 0; i < kRuns; ++i) docs.push_back(NewDocument("added-" + std::to_string(i)));
  std::vector<pid_t> runs;
  for (int i = 0; i < kRuns; ++i) {
    runs.push_back(SpawnEtkg({"ingest", docs[i], "--into", Path("g.json"), "-j", "1"}));
  }
  for (pid_t pid : runs) EXPECT_EQ(WaitFor(pid), 0);
  const std::string graph = ReadFile(Path("g.json"));
  for (int i = 0; i < kRuns; ++i) {
    EXPECT_NE(graph.find("\"id\": \"doc/added-" + std::to_string(i) + "\""), std::string::npos)
        << "document " << i << " was lost";
  }
  EXPECT_EQ(Count(graph, "\"kind\": \"document\""), examples + kRuns);
}

// --- Links, modes and owners -----------------------------------------------------------

TEST_F(OutputTest, LinksModesAndOwnersSurviveIntoAndOutput) {
  IngestExamples();
  fs::create_directories(dir_ / "real");
  fs::create_directories(dir_ / "links");
  fs::rename(Path("g.json"), Path("real/g.json"));
  ASSERT_EQ(::chmod(Path("real/g.json").c_str(), 0640), 0);
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(Path("real/g.json").c_str(), 65534, 65534), 0);
  }
  // A relative link in another folder, reached through a second link.
  fs::create_symlink("../real/g.json", Path("links/g.json"));
  fs::create_symlink("links/g.json", Path("graph.json"));

  RunResult r = Etkg({"ingest", NewDocument("through-a-link"), "--into", Path("graph.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(IsLink(Path("graph.json")));
  EXPECT_TRUE(IsLink(Path("links/g.json")));
  EXPECT_EQ(fs::read_symlink(Path("links/g.json")), "../real/g.json");
  EXPECT_NE(ReadFile(Path("real/g.json")).find("\"doc/through-a-link\""), std::string::npos);
  struct stat st;
  ASSERT_EQ(::stat(Path("real/g.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  if (root) {
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_gid, 65534u);
  }
  // The lock lies beside the file the links lead to.
  EXPECT_TRUE(fs::exists(Path("real/g.json.lock")));

  // -o onto a link to an existing file, and onto a link to a file still to
  // be made.
  WriteFile(Path("real/g.dot"), "old\n");
  ASSERT_EQ(::chmod(Path("real/g.dot").c_str(), 0600), 0);
  fs::create_symlink("../real/g.dot", Path("links/g.dot"));
  fs::create_symlink("../real/new.dot", Path("links/new.dot"));
  for (const char* name : {"links/g.dot", "links/new.dot"}) {
    SCOPED_TRACE(name);
    RunResult e = Etkg({"export", Path("real/g.json"), "--format", "dot", "-o", Path(name)});
    EXPECT_EQ(e.exit_code, 0) << e.err;
    EXPECT_TRUE(IsLink(Path(name)));
  }
  const std::string dot = ReadFile(Path("real/g.dot"));
  EXPECT_NE(dot.find("digraph"), std::string::npos);
  EXPECT_EQ(ReadFile(Path("real/new.dot")), dot);
  ASSERT_EQ(::stat(Path("real/g.dot").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  // A new file gets 0666 less the umask, as any file made would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ASSERT_EQ(::stat(Path("real/new.dot").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0666u & ~mask);
}

// --- The layout child -------------------------------------------------------------------

// The pids whose parent is `parent`, from /proc.
std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = ReadFile(entry.path() / "stat");
    // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses.
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    char state;
    pid_t ppid = 0;
    if (rest >> state >> ppid && ppid == parent) children.push_back(std::stoi(name));
  }
  return children;
}

// Whether `pid` has ended: reaped here (this test adopts orphans), gone, or
// a zombie.
bool Ended(pid_t pid) {
  int status;
  if (::waitpid(pid, &status, WNOHANG) == pid) return true;
  if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
  const std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
  const size_t close = stat.rfind(')');
  return close == std::string::npos || stat.substr(close + 2, 1) == "Z";
}

TEST_F(OutputTest, LayoutChildDiesWithEtkg) {
  if (!fs::exists("/usr/bin/sfdp") && !fs::exists("/usr/bin/dot")) {
    GTEST_SKIP() << "Graphviz is not installed";
  }
  // 3,000 nodes take sfdp several seconds. Orphans of the killed etkg come
  // to this process, so their end can be seen and they can be reaped.
  WriteFile(Path("big.json"), BigGraph(3000));
  ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  for (int signal : {SIGKILL, SIGTERM}) {
    SCOPED_TRACE("signal " + std::to_string(signal));
    const pid_t etkg = SpawnEtkg(
        {"export", Path("big.json"), "--format", "svg", "--mentions", "-o", Path("big.svg")});
    pid_t layout = 0;
    for (auto until = steady_clock::now() + std::chrono::seconds(60);
         layout == 0 && steady_clock::now() < until;) {
      std::vector<pid_t> children = ChildrenOf(etkg);
      if (children.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      } else {
        layout = children.front();
      }
    }
    ASSERT_NE(layout, 0) << "no layout child appeared";
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // Well into the layout.
    ASSERT_FALSE(Ended(layout)) << "the layout ended too soon to test";
    ::kill(etkg, signal);
    EXPECT_EQ(WaitFor(etkg), -1);
    bool ended = false;
    for (auto until = steady_clock::now() + std::chrono::seconds(2);
         !ended && steady_clock::now() < until;) {
      ended = Ended(layout);
      if (!ended) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(ended) << "layout process " << layout << " outlived etkg";
    if (!ended) {
      ::kill(layout, SIGKILL);
      ::waitpid(layout, nullptr, 0);
    }
    EXPECT_FALSE(fs::exists(Path("big.svg")));
  }
  ::prctl(PR_SET_CHILD_SUBREAPER, 0);
}

}  // namespace
}  // namespace etkg
