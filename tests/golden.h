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

}  // namespace etkg::testing

#endif  // ETKG_TESTS_GOLDEN_H_
