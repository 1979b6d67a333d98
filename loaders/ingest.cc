#include "loaders/ingest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "loaders/text_util.h"

namespace etkg {
namespace {

// A bounded queue: the reader waits while the extractors are behind, so
// the corpus is never held in memory whole.
class DocumentQueue {
 public:
  explicit DocumentQueue(size_t capacity) : capacity_(capacity) {}

  void Push(Document doc) {
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
  std::optional<Document> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    Document doc = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return doc;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Document> queue_;
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
  // Each worker merges into a graph of its own; the graphs are merged at the
  // end, which gives the same graph as one worker would.
  // Progress counts documents done, not read: the reader runs ahead.
  size_t done = 0;
  uint64_t bytes = 0;
  auto progress = [&](size_t input_bytes) {  // Under report_mutex.
    bytes += input_bytes;
    if (options.on_progress && (++done % 16 == 0 || input_bytes > (1u << 20))) {
      options.on_progress(done, bytes);
    }
  };
  auto extract_into = [&](const Document& doc, EventGraph* into) {
    Result<EventGraph> fragment = extractor.Extract(doc);
    if (!fragment.ok()) return report(fragment.status());
    if (Status s = into->Merge(std::move(*fragment)); !s.ok()) {
      return report(s.WithFile(doc.path));
    }
    bool english = LooksLikeEnglish(doc.text);
    std::lock_guard<std::mutex> lock(report_mutex);
    ++counts.documents;
    progress(doc.input_bytes);
    if (!english && options.on_warning) {
      ++counts.warned;
      options.on_warning(Status::Invalid(
          "warning: does not read as English; etkg finds events in English text only",
          {doc.path, doc.first_line}));
    }
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    ReadDocuments(
        paths, options.read, [&](Document doc) { extract_into(doc, graph); }, report);
    return counts;
  }
  DocumentQueue queue(static_cast<size_t>(jobs) * 4);
  std::vector<EventGraph> partial(static_cast<size_t>(jobs));
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      while (std::optional<Document> doc = queue.Pop()) extract_into(*doc, &partial[w]);
    });
  }
  ReadDocuments(
      paths, options.read, [&](Document doc) { queue.Push(std::move(doc)); }, report);
  queue.Close();
  for (std::thread& t : workers) t.join();
  for (EventGraph& part : partial) {
    if (Status s = graph->Merge(std::move(part)); !s.ok()) report(s);
  }
  return counts;
}

}  // namespace etkg
