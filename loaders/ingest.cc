#include "loaders/ingest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

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
  // What became of one document.
  struct Outcome {
    std::string path;
    int first_line = 1;
    size_t input_bytes = 0;
    bool added = false;  // Else reported through `report`.
    bool english = true;
  };
  // The fragments of a few documents, merged into one graph by the worker
  // that extracted them: a leader or place named in all of them is added to
  // the big graph once per batch, not once per document, and the small
  // graphs are freed by the thread that made them.
  struct Batch {
    EventGraph graph;
    std::vector<Outcome> outcomes;
    size_t bytes = 0;
  };
  auto extract_into = [&](const Document& doc, Batch* batch) {
    Outcome outcome{doc.path, doc.first_line, doc.input_bytes, false,
                    !options.on_warning || LooksLikeEnglish(doc.text)};
    Result<EventGraph> fragment = extractor.Extract(doc);
    if (!fragment.ok()) {
      report(fragment.status());
    } else if (Status s = batch->graph.Merge(std::move(*fragment)); !s.ok()) {
      report(s.WithFile(doc.path));
    } else {
      outcome.added = true;
    }
    batch->bytes += doc.text.size();
    batch->outcomes.push_back(std::move(outcome));
  };
  // Adds a batch to the graph; progress counts documents done, not read,
  // since the reader runs ahead. Called by one thread.
  size_t done = 0;
  uint64_t bytes = 0;
  auto merge = [&](Batch batch) {
    Status merged = graph->Merge(std::move(batch.graph));
    if (!merged.ok()) {
      // Ids name their kind, so a clash (the only way to fail) cannot come
      // from extracted documents; blame the batch's first.
      report(merged.WithFile(batch.outcomes.front().path));
    }
    std::lock_guard<std::mutex> lock(report_mutex);
    for (const Outcome& outcome : batch.outcomes) {
      if (outcome.added && merged.ok()) {
        ++counts.documents;
        if (!outcome.english && options.on_warning) {
          ++counts.warned;
          options.on_warning(Status::Invalid(
              "warning: does not read as English; etkg finds events in English text only",
              {outcome.path, outcome.first_line}));
        }
      }
      bytes += outcome.input_bytes;
      if (options.on_progress && (++done % 16 == 0 || outcome.input_bytes > (1u << 20))) {
        options.on_progress(done, bytes);
      }
    }
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    ReadDocuments(
        paths, options.read,
        [&](Document doc) {
          Batch batch;
          extract_into(doc, &batch);
          merge(std::move(batch));
        },
        report);
    return counts;
  }
  // The workers extract and merge a few documents at a time; this thread
  // merges their batches into the one graph as they come. Merging is
  // commutative and associative, so neither the order in which batches come
  // nor how documents fall into them shows, and there is only ever one big
  // graph: merging a graph per worker at the end held every node and edge
  // seen by two workers twice.
  constexpr size_t kBatchDocuments = 32;
  constexpr size_t kBatchBytes = size_t{1} << 20;
  BoundedQueue<Document> documents(static_cast<size_t>(jobs) * 4);
  BoundedQueue<Batch> batches(static_cast<size_t>(jobs) * 2);
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      Batch batch;
      while (std::optional<Document> doc = documents.Pop()) {
        extract_into(*doc, &batch);
        if (batch.outcomes.size() >= kBatchDocuments || batch.bytes >= kBatchBytes) {
          batches.Push(std::exchange(batch, Batch()));
        }
      }
      if (!batch.outcomes.empty()) batches.Push(std::move(batch));
    });
  }
  std::thread reader([&] {
    ReadDocuments(
        paths, options.read, [&](Document doc) { documents.Push(std::move(doc)); }, report);
    documents.Close();
    for (std::thread& t : workers) t.join();
    batches.Close();
  });
  while (std::optional<Batch> batch = batches.Pop()) merge(std::move(*batch));
  reader.join();
  return counts;
}

}  // namespace etkg
