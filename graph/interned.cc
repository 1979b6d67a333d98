#include "graph/interned.h"

#include <array>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace etkg {
namespace {

// One lock per shard, so threads that extract at once rarely wait for each
// other. The texts live in large blocks: one allocation per 64 KiB, not one
// per string.
class Pool {
 public:
  const std::string_view* Intern(std::string_view text) {
    size_t hash = std::hash<std::string_view>{}(text);
    Shard& shard = shards_[(hash >> 7) % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    if (auto it = shard.set.find(text); it != shard.set.end()) return &*it;
    // Elements of an unordered_set keep their address when it grows.
    return &*shard.set.insert(shard.Store(text)).first;
  }

  InternedString::PoolStats Stats() {
    InternedString::PoolStats stats;
    for (Shard& shard : shards_) {
      std::lock_guard<std::mutex> lock(shard.mutex);
      stats.strings += shard.set.size();
      stats.text_bytes += shard.text_bytes;
      // A node holds the view, its hash and a link; each bucket a pointer.
      stats.total_bytes += shard.block_bytes + shard.set.size() * 48 +
                           shard.set.bucket_count() * sizeof(void*) + sizeof(Shard);
    }
    return stats;
  }

 private:
  static constexpr size_t kShards = 64;
  static constexpr size_t kBlock = 64 * 1024;

  struct Shard {
    std::mutex mutex;
    std::unordered_set<std::string_view> set;
    std::vector<std::unique_ptr<char[]>> blocks;
    char* current = nullptr;  // The block small texts go to.
    size_t used = kBlock;     // Bytes taken in `current`.
    size_t block_bytes = 0;
    size_t text_bytes = 0;

    char* Allocate(size_t size) {
      blocks.push_back(std::make_unique<char[]>(size));
      block_bytes += size;
      return blocks.back().get();
    }

    std::string_view Store(std::string_view text) {
      text_bytes += text.size();
      char* data;
      if (text.size() > kBlock / 8) {  // Big texts get a block of their own.
        data = Allocate(text.size());
      } else {
        if (used + text.size() > kBlock) {
          current = Allocate(kBlock);
          used = 0;
        }
        data = current + used;
        used += text.size();
      }
      std::memcpy(data, text.data(), text.size());
      return {data, text.size()};
    }
  };
  std::array<Shard, kShards> shards_;
};

Pool& ThePool() {
  static Pool* pool = new Pool();  // Never destroyed: interned values outlive everything.
  return *pool;
}

}  // namespace

const std::string_view InternedString::kEmpty;

InternedString::InternedString(std::string_view text)
    : text_(text.empty() ? &kEmpty : ThePool().Intern(text)) {}

InternedString::PoolStats InternedString::Stats() { return ThePool().Stats(); }

}  // namespace etkg
