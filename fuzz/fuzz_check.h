// Checks a fuzz target makes on what the library returns: a failed check
// prints the condition and aborts, which libFuzzer reports as a crash.
#ifndef ETKG_FUZZ_FUZZ_CHECK_H_
#define ETKG_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define ETKG_FUZZ_CHECK(condition, message)                                                 \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s: %s\n", __FILE__, __LINE__, #condition, \
                   message);                                                                \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

#endif  // ETKG_FUZZ_FUZZ_CHECK_H_
