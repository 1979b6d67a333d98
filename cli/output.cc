#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace etkg::cli {

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

}  // namespace etkg::cli
