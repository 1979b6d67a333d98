#include "cli/output.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace etkg::cli {
namespace {

// The temporary file being written, for the signal handler: Ctrl-C or a
// kill while writing leaves neither a half-written output nor the
// temporary file behind. (SIGKILL cannot be caught: it leaves the
// temporary file, never a broken output.)
char g_temp_path[4096];
volatile std::sig_atomic_t g_writing = 0;

extern "C" void RemoveTempAndDie(int signal) {
  if (g_writing) ::unlink(g_temp_path);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void WatchSignals(const std::string& temp) {
  static const bool installed = [] {
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
      // A signal the caller ignores (nohup, a background job) stays ignored.
      struct sigaction old = {};
      if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
      struct sigaction action = {};
      action.sa_handler = RemoveTempAndDie;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
  g_writing = 0;
  if (temp.size() >= sizeof(g_temp_path)) return;
  std::memcpy(g_temp_path, temp.c_str(), temp.size() + 1);
  std::atomic_signal_fence(std::memory_order_seq_cst);  // The path before the flag.
  g_writing = 1;
}

void UnwatchSignals() { g_writing = 0; }

Status WriteThenRename(const std::string& temp, const std::string& path,
                       const std::function<Status(const OutputSink&)>& produce) {
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Io(std::string("cannot write: ") + std::strerror(errno), {path});
  int write_error = 0;
  auto sink = [&](std::string_view piece) {
    size_t written = 0;
    while (write_error == 0 && written < piece.size()) {
      ssize_t n = ::write(fd, piece.data() + written, piece.size() - written);
      if (n < 0) {
        if (errno != EINTR) write_error = errno;
        continue;
      }
      written += static_cast<size_t>(n);
    }
    return write_error == 0;
  };
  Status status = produce(sink);
  if (write_error != 0 || !status.ok()) {
    ::close(fd);
    ::unlink(temp.c_str());
    if (write_error != 0) {
      return Status::Io(std::string("cannot write: ") + std::strerror(write_error), {path});
    }
    return status;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return Status::Io(std::string("cannot write: ") + std::strerror(errno), {path});
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    return Status::Io(std::string("cannot replace: ") + std::strerror(saved), {path});
  }
  return Status::Ok();
}

}  // namespace

Status WriteOutput(const std::string& path, std::string_view content) {
  return WriteOutput(path, [content](const OutputSink& sink) {
    return sink(content) ? Status::Ok() : Status::Io("cannot write");
  });
}

Status WriteOutput(const std::string& path,
                   const std::function<Status(const OutputSink&)>& produce) {
  if (path.empty() || path == "-") {
    Status status = produce([](std::string_view piece) {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return static_cast<bool>(std::cout);
    });
    std::cout.flush();
    if (!std::cout) return Status::Io("cannot write to standard output");
    return status;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::Io("is a directory", {path});
  std::string temp = path + ".tmp." + std::to_string(::getpid());
  WatchSignals(temp);
  Status done = WriteThenRename(temp, path, produce);
  UnwatchSignals();
  return done;
}

}  // namespace etkg::cli
