#include "loaders/ingest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

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
  size_t read = 0;
  auto progress = [&] {
    if (options.on_progress && ++read % 64 == 0) options.on_progress(read);
  };
  // Adds a document's fragment to the graph.
  auto merge = [&](Result<EventGraph> fragment, const std::string& path) {
    if (!fragment.ok()) return report(fragment.status());
    if (Status s = graph->Merge(std::move(*fragment)); !s.ok()) return report(s.WithFile(path));
    std::lock_guard<std::mutex> lock(report_mutex);
    ++counts.documents;
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    ReadDocuments(
        paths, options.read,
        [&](Document doc) {
          merge(extractor.Extract(doc), doc.path);
          progress();
        },
        report);
    return counts;
  }
  // The workers extract; this thread merges their fragments into the one
  // graph as they come. Merging is commutative, so the order in which they
  // come does not show, and there is only ever one graph: merging a graph
  // per worker and those at the end held every node and edge seen by two
  // workers twice.
  struct Fragment {
    Result<EventGraph> graph;
    std::string path;
  };
  BoundedQueue<Document> documents(static_cast<size_t>(jobs) * 4);
  BoundedQueue<Fragment> fragments(static_cast<size_t>(jobs) * 4);
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      while (std::optional<Document> doc = documents.Pop()) {
        fragments.Push({extractor.Extract(*doc), doc->path});
      }
    });
  }
  std::thread reader([&] {
    ReadDocuments(
        paths, options.read,
        [&](Document doc) {
          documents.Push(std::move(doc));
          progress();
        },
        report);
    documents.Close();
    for (std::thread& t : workers) t.join();
    fragments.Close();
  });
  while (std::optional<Fragment> fragment = fragments.Pop()) {
    merge(std::move(fragment->graph), fragment->path);
  }
  reader.join();
  return counts;
}

}  // namespace etkg
