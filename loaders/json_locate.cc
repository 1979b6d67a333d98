#include "loaders/json_locate.h"

#include <string>
#include <vector>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "loaders/text_util.h"

namespace etkg {
namespace {

// One step of a path: a member name or an array index.
struct Step {
  bool is_index = false;
  size_t index = 0;
  std::string key;
};

// "nodes[3].id" -> nodes, [3], id. Empty on a malformed path.
std::vector<Step> ParsePath(std::string_view path) {
  std::vector<Step> steps;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      size_t close = path.find(']', i);
      if (close == std::string_view::npos || close == i + 1) return {};
      Step step{true, 0, {}};
      for (size_t k = i + 1; k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return {};
        step.index = step.index * 10 + static_cast<size_t>(path[k] - '0');
      }
      steps.push_back(std::move(step));
      i = close + 1;
    } else {
      if (path[i] == '.') ++i;
      size_t end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
      if (end == i) return {};
      steps.push_back({false, 0, std::string(path.substr(i, end - i))});
      i = end;
    }
  }
  return steps;
}

// Walks the text as SAX events, knowing for each open container whether
// its path is a prefix of the target, and stops at the target's value.
// Linear in the text however deep it nests.
class PathFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathFinder> {
 public:
  PathFinder(std::string_view text, std::vector<Step> target, const rapidjson::MemoryStream* in)
      : text_(text), target_(std::move(target)), in_(in) {}

  size_t found() const { return found_; }

  bool Default() { return Value(kScalar); }
  bool StartObject() { return Value(kObject); }
  bool StartArray() { return Value(kArray); }
  bool Key(const char* key, rapidjson::SizeType length, bool) {
    frames_.back().key.assign(key, length);
    last_ = in_->Tell();
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return End(); }
  bool EndArray(rapidjson::SizeType) { return End(); }

 private:
  enum Opens { kScalar, kObject, kArray };
  struct Frame {
    bool array = false;
    bool on_path = false;  // The container's path is a prefix of the target.
    size_t index = 0;      // Of the next element, in an array.
    std::string key;       // Of the current member, in an object.
  };

  // A value starts at the first character after the previous token that
  // is not white space, a separator or a closing bracket (the reader may
  // report the end of a container before it takes the bracket).
  size_t Start() const {
    size_t i = last_;
    while (i < text_.size() &&
           std::string_view(" \t\n\r,:]}").find(text_[i]) != std::string_view::npos) {
      ++i;
    }
    return i;
  }

  // Whether the value now starting continues the target's path.
  bool OnPath() {
    if (frames_.empty()) return true;  // The root.
    Frame& top = frames_.back();
    size_t index = top.index;
    if (top.array) ++top.index;
    size_t depth = frames_.size() - 1;
    if (!top.on_path || depth >= target_.size()) return false;
    const Step& step = target_[depth];
    return top.array ? step.is_index && step.index == index : !step.is_index && step.key == top.key;
  }

  bool Value(Opens opens) {
    bool on_path = OnPath();
    size_t start = Start();
    // The reader may report an opening bracket before it takes it.
    last_ = opens == kScalar ? in_->Tell() : start + 1;
    if (on_path) {
      found_ = start;
      if (frames_.size() == target_.size()) return false;  // The target: stop.
    }
    if (opens != kScalar) frames_.push_back({opens == kArray, on_path, 0, {}});
    return true;
  }

  bool End() {
    frames_.pop_back();
    last_ = in_->Tell();
    return true;
  }

  std::string_view text_;
  std::vector<Step> target_;
  const rapidjson::MemoryStream* in_;
  std::vector<Frame> frames_;
  size_t last_ = 0;
  size_t found_ = std::string_view::npos;
};

}  // namespace

size_t FindJsonPath(std::string_view text, std::string_view path) {
  std::vector<Step> steps = ParsePath(path);
  if (steps.empty()) return std::string_view::npos;
  rapidjson::MemoryStream in(text.data(), text.size());
  PathFinder finder(text, std::move(steps), &in);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag>(in, finder);
  return finder.found();
}

Status JsonValueError(std::string_view text, const std::string& file, const std::string& path,
                      const std::string& message) {
  if (path.empty()) return Status::Invalid(message, {file});
  size_t offset = FindJsonPath(text, path);
  SourceLocation where =
      offset == std::string_view::npos ? SourceLocation{file} : LocateOffset(text, offset, file);
  return Status::Invalid(path + ": " + message, std::move(where));
}

}  // namespace etkg
