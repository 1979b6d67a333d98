#include "graph/status.h"

#include <gtest/gtest.h>

namespace etkg {
namespace {

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<int> value = 3;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 3);
  Result<int> error = Status::NotFound("no such node", {"g.json", 2, 5});
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().ToString(), "g.json:2:5: no such node");
}

// Neither a value nor an error would let a caller read a value that is not
// there: it is an error, in release builds too.
TEST(ResultTest, AnOkStatusWithoutAValueIsAnError) {
  Result<int> hole = Status::Ok();
  EXPECT_FALSE(hole.ok());
  EXPECT_EQ(hole.status().code(), StatusCode::kInternal);
  EXPECT_NE(hole.status().message().find("OK status"), std::string::npos);
}

}  // namespace
}  // namespace etkg
