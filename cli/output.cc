#include "cli/output.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <utility>

#include "exporters/dot.h"

namespace etkg::cli {
namespace {

// --- Signals ---------------------------------------------------------------

// The temporary file being written, for the signal handler: Ctrl-C or a
// kill while writing leaves neither a half-written output nor the
// temporary file behind. (SIGKILL cannot be caught: it leaves the
// temporary file, never a broken output.)
char g_temp_path[PATH_MAX + 1];
volatile std::sig_atomic_t g_writing = 0;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void CleanUpAndDie(int signal) {
  if (g_writing) ::unlink(g_temp_path);
  // The layout child is in a process group of its own (out of reach of the
  // terminal's Ctrl-C): it goes with us.
  if (int group = RunningLayoutGroup(); group > 0) ::kill(-group, SIGKILL);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Blocks the cleanup signals while the temporary file and g_temp_path are
// changed together, so the handler never sees one without the other.
class BlockCleanupSignals {
 public:
  BlockCleanupSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : kCleanupSignals) sigaddset(&set, signal);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockCleanupSignals() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  BlockCleanupSignals(const BlockCleanupSignals&) = delete;
  BlockCleanupSignals& operator=(const BlockCleanupSignals&) = delete;

 private:
  sigset_t old_;
};

// --- Where a path leads ------------------------------------------------------

std::string Parent(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// The file descriptor `path` names when it is one of this process's own
// (/dev/stdout, /dev/fd/1, /proc/self/fd/1, /proc/PID/task/TID/fd/1...):
// its folder is this process's fd folder, whatever the spelling.
std::optional<int> OwnDescriptor(const std::string& path) {
  const std::string name = BaseName(path);
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  if (!AllDigits(name) || name.size() > 9) return std::nullopt;
  char* real = ::realpath(Parent(path).c_str(), nullptr);
  if (!real) return std::nullopt;
  const std::string folder = real;
  std::free(real);
  const std::string own = "/proc/" + std::to_string(::getpid());
  if (folder == own + "/fd" || (folder.rfind(own + "/task/", 0) == 0 && BaseName(folder) == "fd" &&
                                AllDigits(BaseName(Parent(folder))))) {
    return std::atoi(name.c_str());
  }
  return std::nullopt;
}

// Where a write goes: a descriptor of ours, or a path no longer a link.
struct Destination {
  std::optional<int> fd;
  std::string path;
};

Result<Destination> Resolve(const std::string& given) {
  std::string path = given;
  for (int links = 0;; ++links) {
    if (std::optional<int> fd = OwnDescriptor(path)) return Destination{fd, path};
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return Destination{{}, path};
    if (links == 40) return Status::Io("cannot write: too many levels of symbolic links", {given});
    char target[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), target, sizeof target);
    if (n < 0 || static_cast<size_t>(n) >= sizeof target) {
      return Status::Io(std::string("cannot read the link: ") + std::strerror(errno), {path});
    }
    // A relative link is read against its own folder. The joined path is
    // left for the kernel to walk (no "a/../" folding), as it would.
    const std::string link(target, static_cast<size_t>(n));
    path = link[0] == '/' ? link : Parent(path) + "/" + link;
  }
}

// --- Writing -----------------------------------------------------------------

Status WriteError(int error, const std::string& path) {
  return Status::Io(std::string("cannot write: ") + std::strerror(error), {path});
}

// A sink over a descriptor that records the first write error.
struct FdSink {
  int fd;
  int error = 0;
  bool operator()(std::string_view piece) {
    size_t written = 0;
    while (error == 0 && written < piece.size()) {
      const ssize_t n = ::write(fd, piece.data() + written, piece.size() - written);
      if (n < 0) {
        if (errno != EINTR) error = errno;
        continue;
      }
      written += static_cast<size_t>(n);
    }
    return error == 0;
  }
};

// Standard output or another descriptor of ours, written where it stands.
Status WriteToDescriptor(int fd, const std::string& name,
                         const std::function<Status(const OutputSink&)>& produce) {
  std::cout.flush();  // What was printed before comes first.
  FdSink sink{fd};
  Status status = produce([&sink](std::string_view piece) { return sink(piece); });
  if (sink.error != 0) {
    return Status::Io(std::string("cannot write to ") + name + ": " + std::strerror(sink.error));
  }
  return status;
}

// A device or a fifo: opened as it is, neither created nor truncated, so
// that it stays what it is. Opening a fifo waits for its reader.
Status WriteInPlace(const std::string& path, const std::string& given,
                    const std::function<Status(const OutputSink&)>& produce) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return WriteError(errno, given);
  FdSink sink{fd};
  Status status = produce([&sink](std::string_view piece) { return sink(piece); });
  const int closed = ::close(fd) == 0 ? 0 : errno;
  if (sink.error != 0) return WriteError(sink.error, given);
  if (!status.ok()) return status;
  if (closed != 0 && closed != EINTR) return WriteError(closed, given);
  return Status::Ok();
}

// ".NAME.tmp.XXXXXX" in `folder`, with NAME cut so the whole fits in a
// file name.
std::string TempTemplate(const std::string& folder, const std::string& name) {
  constexpr size_t kNameMax = 255;
  constexpr std::string_view kSuffix = ".tmp.XXXXXX";
  std::string base = name.substr(0, kNameMax - 1 - kSuffix.size());
  return (folder == "/" ? "" : folder) + "/." + base + std::string(kSuffix);
}

mode_t CurrentUmask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// Makes the folder's new entry durable; a file system that cannot sync a
// folder (EINVAL) has nothing more to do.
void SyncFolder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A regular file, or a new one: a temporary file beside it, then a rename.
Status ReplaceFile(const std::string& path, const std::string& given, const struct stat* old,
                   const std::function<Status(const OutputSink&)>& produce) {
  const std::string folder = Parent(path);
  std::string temp = TempTemplate(folder, BaseName(path));
  if (temp.size() > PATH_MAX) return Status::Io("cannot write: the path is too long", {given});
  int fd;
  {
    // mkostemp creates the file with O_EXCL under a name no one can guess,
    // so nothing planted in the folder (a link above all) is written
    // through or truncated.
    BlockCleanupSignals blocked;
    fd = ::mkostemp(temp.data(), O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return WriteError(errno, given);
    std::memcpy(g_temp_path, temp.c_str(), temp.size() + 1);
    std::atomic_signal_fence(std::memory_order_seq_cst);  // The path before the flag.
    g_writing = 1;
  }
  auto give_up = [&](Status why) {
    ::close(fd);
    BlockCleanupSignals blocked;
    ::unlink(temp.c_str());
    g_writing = 0;
    return why;
  };
  FdSink sink{fd};
  Status status = produce([&sink](std::string_view piece) { return sink(piece); });
  if (sink.error != 0) return give_up(WriteError(sink.error, given));
  if (!status.ok()) return give_up(status);
  // The mode (and owner) of the file it replaces; mkostemp made it 0600.
  if (old) {
    // Owner first: fchown clears the set-user-ID bits that fchmod sets. Not
    // allowed to give a file away (EPERM), we keep it ours, in its group
    // when we are a member.
    if (::fchown(fd, old->st_uid, old->st_gid) != 0) {
      if (errno != EPERM) return give_up(WriteError(errno, given));
      (void)::fchown(fd, static_cast<uid_t>(-1), old->st_gid);
    }
    if (::fchmod(fd, old->st_mode & 07777) != 0) return give_up(WriteError(errno, given));
  } else if (::fchmod(fd, 0666 & ~CurrentUmask()) != 0) {
    return give_up(WriteError(errno, given));
  }
  if (::fsync(fd) != 0) return give_up(WriteError(errno, given));
  if (::close(fd) != 0 && errno != EINTR) {
    const int error = errno;
    BlockCleanupSignals blocked;
    ::unlink(temp.c_str());
    g_writing = 0;
    return WriteError(error, given);
  }
  {
    BlockCleanupSignals blocked;
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      const int error = errno;
      ::unlink(temp.c_str());
      g_writing = 0;
      return Status::Io(std::string("cannot replace: ") + std::strerror(error), {given});
    }
    g_writing = 0;
  }
  SyncFolder(folder);
  return Status::Ok();
}

}  // namespace

Result<std::string> FollowLinks(const std::string& path) {
  Result<Destination> to = Resolve(path);
  if (!to.ok()) return to.status();
  return to->path;
}

Status WriteOutput(const std::string& path, std::string_view content) {
  return WriteOutput(path, [content](const OutputSink& sink) {
    return sink(content) ? Status::Ok() : Status::Io("cannot write");
  });
}

Status WriteOutput(const std::string& path,
                   const std::function<Status(const OutputSink&)>& produce) {
  if (path.empty() || path == "-") return WriteToDescriptor(1, "standard output", produce);
  Result<Destination> to = Resolve(path);
  if (!to.ok()) return to.status();
  if (to->fd) {
    const std::string name = *to->fd == 1   ? "standard output"
                             : *to->fd == 2 ? "standard error"
                                            : path;
    return WriteToDescriptor(*to->fd, name, produce);
  }
  struct stat st;
  if (::stat(to->path.c_str(), &st) != 0) {
    // Absent: made new. (A folder on the way that is missing or is not a
    // folder makes mkostemp fail, and the message says which.)
    return ReplaceFile(to->path, path, nullptr, produce);
  }
  if (S_ISDIR(st.st_mode)) return Status::Io("is a directory", {path});
  if (S_ISSOCK(st.st_mode)) {
    return Status::Io("is a socket; etkg writes to files, devices and fifos", {path});
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode)) {
    return WriteInPlace(to->path, path, produce);
  }
  return ReplaceFile(to->path, path, &st, produce);
}

// --- The update lock -------------------------------------------------------------

UpdateLock::UpdateLock(UpdateLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

UpdateLock& UpdateLock::operator=(UpdateLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

UpdateLock::~UpdateLock() {
  if (fd_ >= 0) ::close(fd_);  // Closing the last descriptor releases the lock.
}

Result<UpdateLock> UpdateLock::Acquire(const std::string& path,
                                       const std::function<void(const std::string&)>& on_wait) {
  Result<std::string> target = FollowLinks(path);
  if (!target.ok()) return target.status();
  const std::string lock_path = *target + ".lock";
  // Never through a link: a link planted at the lock's name would have us
  // create or open a file of someone else's choosing.
  std::string locked = lock_path;
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  const int error = errno;
  // Another user's lock file, which we may read only, locks as well.
  if (fd < 0 && error == EACCES) fd = ::open(lock_path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && (error == EACCES || error == EROFS)) {
    // A folder we may not write to: the file cannot be replaced there, only
    // read (its update goes to another output), so the file itself is lock
    // enough.
    fd = ::open(target->c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) locked = *target;
  }
  if (fd < 0) {
    return Status::Io(std::string("cannot open the lock file: ") + std::strerror(error),
                      {lock_path});
  }
  UpdateLock lock(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::Io("the lock file is not a regular file", {locked});
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return lock;
  if (errno != EWOULDBLOCK) {
    return Status::Io(std::string("cannot lock: ") + std::strerror(errno), {locked});
  }
  if (on_wait) on_wait(locked);
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      return Status::Io(std::string("cannot lock: ") + std::strerror(errno), {locked});
    }
  }
  return lock;
}

void InstallSignalCleanup() {
  for (int signal : kCleanupSignals) {
    // A signal the caller ignores (nohup, a background job) stays ignored.
    struct sigaction old = {};
    if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction action = {};
    action.sa_handler = CleanUpAndDie;
    sigemptyset(&action.sa_mask);
    for (int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace etkg::cli
