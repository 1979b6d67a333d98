// Writing results: safely to files, to devices and pipes, or to standard
// output; and the lock that lets runs updating one graph take turns.
#ifndef ETKG_CLI_OUTPUT_H_
#define ETKG_CLI_OUTPUT_H_

#include <functional>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace etkg::cli {

// Writes `content` to `path`:
//  - "-", "" and the paths of etkg's own open files (/dev/stdout,
//    /dev/stderr, /dev/fd/N, /proc/self/fd/N) write to that file descriptor;
//  - a symbolic link is followed to the file it leads to, which is written
//    in its stead: the link stays a link;
//  - a character or block device or a fifo is opened and written as it is,
//    never replaced (-o /dev/null); a socket or a directory is refused;
//  - a regular file, or a new one, is written to a temporary file made
//    afresh beside it (".NAME.tmp.XXXXXX", created exclusively, never
//    through a link), flushed to disk and renamed over it, so an interrupted
//    run leaves the previous file whole. A file replaced keeps its mode and,
//    where the user may set them, its owner and group; a new one gets
//    0666 less the umask.
Status WriteOutput(const std::string& path, std::string_view content);

// The same for content made piece by piece: `produce` calls the sink it is
// given with each piece (the sink returns false once writing failed), so the
// whole never has to be in memory. An error from `produce` is returned, and
// a file is left as it was.
using OutputSink = std::function<bool(std::string_view piece)>;
Status WriteOutput(const std::string& path,
                   const std::function<Status(const OutputSink&)>& produce);

// Where WriteOutput(path) writes when `path` is a symbolic link: the end of
// its chain of links, each relative link read against the folder it lies
// in. Returns `path` itself when it is not a link (or does not exist), and
// IoError for a chain of more than 40 links.
Result<std::string> FollowLinks(const std::string& path);

// An exclusive lock on a file that is read, changed and written back, held
// until the object is destroyed, so that runs updating the same file take
// turns instead of losing each other's changes. It is an flock(2) on
// FILE.lock beside the file the path leads to (through links), made when
// missing and left in place: the file itself is replaced on every write and
// cannot carry the lock. In a folder where no lock file can be made (nor
// the file replaced), the file itself is locked.
class UpdateLock {
 public:
  UpdateLock() = default;
  UpdateLock(UpdateLock&& other) noexcept;
  UpdateLock& operator=(UpdateLock&& other) noexcept;
  UpdateLock(const UpdateLock&) = delete;
  UpdateLock& operator=(const UpdateLock&) = delete;
  ~UpdateLock();

  // Takes the lock for `path`, waiting while another process holds it;
  // `on_wait` (may be empty) is called once, with the lock file's path,
  // when it has to wait. Returns IoError naming the lock file when it
  // cannot be made or opened.
  static Result<UpdateLock> Acquire(const std::string& path,
                                    const std::function<void(const std::string&)>& on_wait);

 private:
  explicit UpdateLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored) that
// remove the temporary file being written, if any, and kill a Graphviz
// layout child that is running, then let the signal end the process as it
// would have. Call once, early.
void InstallSignalCleanup();

}  // namespace etkg::cli

#endif  // ETKG_CLI_OUTPUT_H_
