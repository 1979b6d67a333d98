#include "loaders/ingest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "loaders/text_util.h"

namespace etkg {
namespace {

// A bounded queue: the reader waits while the extractors are behind, and
// the extractors while the merge is, so neither the corpus nor its fragments
// are ever held in memory whole.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  void Push(T doc) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(doc));
    not_empty_.notify_one();
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

  // Nothing once closed and drained.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    T doc = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return doc;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> queue_;
  bool closed_ = false;
};

}  // namespace

IngestCounts Ingest(const std::vector<std::string>& paths, const Extractor& extractor,
                    const IngestOptions& options, EventGraph* graph,
                    const std::function<void(const Status&)>& on_error) {
  IngestCounts counts;
  std::mutex report_mutex;
  auto report = [&](const Status& status) {
    std::lock_guard<std::mutex> lock(report_mutex);
    ++counts.failed;
    on_error(status);
  };
  // What a worker hands back for one document.
  struct Fragment {
    Result<EventGraph> graph;
    std::string path;
    int first_line = 1;
    size_t input_bytes = 0;
    bool english = true;
  };
  auto extract = [&](const Document& doc) {
    return Fragment{extractor.Extract(doc), doc.path, doc.first_line, doc.input_bytes,
                    !options.on_warning || LooksLikeEnglish(doc.text)};
  };
  // Adds a document's fragment to the graph; progress counts documents
  // done, not read, since the reader runs ahead. Called by one thread.
  size_t done = 0;
  uint64_t bytes = 0;
  auto count = [&](size_t input_bytes) {  // Under report_mutex.
    bytes += input_bytes;
    if (options.on_progress && (++done % 16 == 0 || input_bytes > (1u << 20))) {
      options.on_progress(done, bytes);
    }
  };
  auto merge = [&](Fragment fragment) {
    if (!fragment.graph.ok()) {
      report(fragment.graph.status());
      std::lock_guard<std::mutex> lock(report_mutex);
      return count(fragment.input_bytes);  // Done with, if not added.
    }
    if (Status s = graph->Merge(std::move(*fragment.graph)); !s.ok()) {
      return report(s.WithFile(fragment.path));
    }
    std::lock_guard<std::mutex> lock(report_mutex);
    ++counts.documents;
    if (!fragment.english && options.on_warning) {
      ++counts.warned;
      options.on_warning(Status::Invalid(
          "warning: does not read as English; etkg finds events in English text only",
          {fragment.path, fragment.first_line}));
    }
    count(fragment.input_bytes);
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    ReadDocuments(
        paths, options.read, [&](Document doc) { merge(extract(doc)); }, report);
    return counts;
  }
  // The workers extract; this thread merges their fragments into the one
  // graph as they come. Merging is commutative, so the order in which they
  // come does not show, and there is only ever one graph: merging a graph
  // per worker and those at the end held every node and edge seen by two
  // workers twice.
  BoundedQueue<Document> documents(static_cast<size_t>(jobs) * 4);
  BoundedQueue<Fragment> fragments(static_cast<size_t>(jobs) * 4);
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      while (std::optional<Document> doc = documents.Pop()) fragments.Push(extract(*doc));
    });
  }
  std::thread reader([&] {
    ReadDocuments(
        paths, options.read, [&](Document doc) { documents.Push(std::move(doc)); }, report);
    documents.Close();
    for (std::thread& t : workers) t.join();
    fragments.Close();
  });
  while (std::optional<Fragment> fragment = fragments.Pop()) merge(std::move(*fragment));
  reader.join();
  return counts;
}

}  // namespace etkg
