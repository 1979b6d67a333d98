// The one error currency at the library boundary: a Status (code, message,
// and for input errors the file, line and column) and Result<T>.
#ifndef ETKG_GRAPH_STATUS_H_
#define ETKG_GRAPH_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace etkg {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // A document, graph or gazetteer that cannot be read.
  kNotFound,      // A file, node or name that does not exist.
  kUsage,         // A request that makes no sense (bad option value).
  kIoError,       // The file system refused.
  kInternal,      // A library we call failed.
};

// Where in an input a problem lies. line and column are 1-based; 0 = unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Invalid(std::string message, SourceLocation where = {}) {
    return Status(StatusCode::kInvalidInput, std::move(message), std::move(where));
  }
  static Status NotFound(std::string message, SourceLocation where = {}) {
    return Status(StatusCode::kNotFound, std::move(message), std::move(where));
  }
  static Status Usage(std::string message) {
    return Status(StatusCode::kUsage, std::move(message), {});
  }
  static Status Io(std::string message, SourceLocation where = {}) {
    return Status(StatusCode::kIoError, std::move(message), std::move(where));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message), {});
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

  // "FILE:LINE:COL: message", leaving out what is unknown.
  std::string ToString() const {
    std::string out;
    if (!where_.file.empty()) {
      out += where_.file;
      if (where_.line > 0) {
        out += ":" + std::to_string(where_.line);
        if (where_.column > 0) out += ":" + std::to_string(where_.column);
      }
      out += ": ";
    }
    return out + message_;
  }

  // Returns a copy that names `file` when no file was named yet.
  Status WithFile(const std::string& file) const {
    Status copy = *this;
    if (copy.where_.file.empty()) copy.where_.file = file;
    return copy;
  }

 private:
  Status(StatusCode code, std::string message, SourceLocation where)
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  SourceLocation where_;
};

// A value or the Status that explains its absence. A Result made from an
// OK status holds neither, so it holds an Internal error that says so, in
// every build.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design.
  Result(Status status)                          // NOLINT
      : status_(status.ok() ? Status::Internal("a result was made of an OK status and no value")
                            : std::move(status)) {}
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace etkg

#endif  // ETKG_GRAPH_STATUS_H_
