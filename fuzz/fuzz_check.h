// Checks a fuzz target makes on what the library returns: a failed check
// prints the condition and aborts, which libFuzzer reports as a crash.
#ifndef ETKG_FUZZ_FUZZ_CHECK_H_
#define ETKG_FUZZ_FUZZ_CHECK_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define ETKG_FUZZ_CHECK(condition, message)                                                 \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s: %s\n", __FILE__, __LINE__, #condition, \
                   message);                                                                \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

// A file in memory holding the fuzz input, for the readers that take a
// path (they stream or parse in place): memfd_create, named through
// /proc/self/fd.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view content) : fd_(::memfd_create("etkg-fuzz", MFD_CLOEXEC)) {
    ETKG_FUZZ_CHECK(fd_ >= 0, "memfd_create works");
    size_t written = 0;
    while (written < content.size()) {
      ssize_t n = ::write(fd_, content.data() + written, content.size() - written);
      ETKG_FUZZ_CHECK(n > 0, "a memory file takes the input");
      written += static_cast<size_t>(n);
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

#endif  // ETKG_FUZZ_FUZZ_CHECK_H_
