// Aligned plain-text tables for the terminal.
#ifndef ETKG_CLI_TABLE_H_
#define ETKG_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace etkg::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Columns padded to their widest cell (counted in code points); the last
  // column is not padded.
  void Print(std::ostream& out) const;
  // Print, or `empty_message` and a newline when there are no rows.
  void PrintOr(std::ostream& out, const char* empty_message) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Width of UTF-8 text in code points.
size_t DisplayWidth(const std::string& text);

// "a, b, c"
std::string Join(const std::vector<std::string>& parts, const std::string& separator = ", ");

}  // namespace etkg::cli

#endif  // ETKG_CLI_TABLE_H_
