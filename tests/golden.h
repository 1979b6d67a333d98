// Golden files: compare an output with tests/<path>, or rewrite the file
// when ETKG_UPDATE_GOLDEN=1 (review the diff before committing).
#ifndef ETKG_TESTS_GOLDEN_H_
#define ETKG_TESTS_GOLDEN_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace etkg::testing {

inline void ExpectGolden(const std::string& relative_path, const std::string& actual) {
  const std::string path = std::string(ETKG_SOURCE_DIR) + "/tests/" + relative_path;
  if (const char* update = std::getenv("ETKG_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (ETKG_UPDATE_GOLDEN=1 writes it)";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "differs from " << path;
}

// Two outputs the same byte for byte; if not, where they part, with a
// little of each around it (EXPECT_EQ would print both whole).
inline ::testing::AssertionResult SameBytes(const std::string& actual,
                                            const std::string& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
  const size_t from = at < 40 ? 0 : at - 40;
  return ::testing::AssertionFailure()
         << actual.size() << " bytes against " << expected.size() << ", parting at byte " << at
         << ":\n  got      ..." << ::testing::PrintToString(actual.substr(from, 80))
         << "\n  expected ..." << ::testing::PrintToString(expected.substr(from, 80));
}

}  // namespace etkg::testing

#endif  // ETKG_TESTS_GOLDEN_H_
