#include "graph/interned.h"

#include <array>
#include <cassert>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace etkg {
namespace {

// One lock per shard, so threads that extract at once rarely wait for each
// other. The records (hash, size, text) live in large blocks: one allocation
// per 64 KiB, not one per string. Each shard finds its records through an
// open-addressing table of eight-byte slots: the record's address, with 16
// bits of the hash in the top bits (user-space addresses on the 64-bit
// targets we build for fit in 48), so a probe rarely reads a record that
// does not match. A string costs its text, an eight-byte header, up to three
// bytes of padding and about 14 bytes of table.
static_assert(sizeof(uintptr_t) == 8, "slots hold an address in 48 bits");

class Pool {
 public:
  const char* Intern(std::string_view text) {
    const uint64_t full = std::hash<std::string_view>{}(text);
    const uint32_t hash = static_cast<uint32_t>(full ^ (full >> 32));
    Shard& shard = shards_[hash % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    if (4 * (shard.size + 1) > 3 * shard.slots.size()) shard.Grow();
    const size_t mask = shard.slots.size() - 1;
    const uint64_t tag = Tag(hash);
    size_t i = Home(hash, mask);
    for (;; i = (i + 1) & mask) {
      const uint64_t slot = shard.slots[i];
      if (slot == 0) break;
      if ((slot & kTagMask) != tag) continue;
      const char* record = Record(slot);
      if (HashOf(record) == hash && SizeOf(record) == text.size() &&
          std::memcmp(record + InternedString::kHeader, text.data(), text.size()) == 0) {
        return record + InternedString::kHeader;
      }
    }
    const char* record = shard.Store(hash, text);
    assert((reinterpret_cast<uintptr_t>(record) & kTagMask) == 0);
    shard.slots[i] = tag | reinterpret_cast<uintptr_t>(record);
    ++shard.size;
    return record + InternedString::kHeader;
  }

  InternedString::PoolStats Stats() {
    InternedString::PoolStats stats;
    for (Shard& shard : shards_) {
      std::lock_guard<std::mutex> lock(shard.mutex);
      stats.strings += shard.size;
      stats.text_bytes += shard.text_bytes;
      stats.total_bytes +=
          shard.block_bytes + shard.slots.size() * sizeof(uint64_t) + sizeof(Shard);
    }
    return stats;
  }

 private:
  static constexpr size_t kShards = 64;
  static constexpr size_t kBlock = 64 * 1024;
  static constexpr uint64_t kTagMask = uint64_t{0xFFFF} << 48;

  static uint32_t HashOf(const char* record) {
    uint32_t hash;
    std::memcpy(&hash, record, sizeof hash);
    return hash;
  }
  static uint32_t SizeOf(const char* record) {
    uint32_t size;
    std::memcpy(&size, record + sizeof size, sizeof size);
    return size;
  }
  static const char* Record(uint64_t slot) {
    return reinterpret_cast<const char*>(static_cast<uintptr_t>(slot & ~kTagMask));
  }
  // The shard took the low bits; the slot and the tag come from the others.
  static size_t Home(uint32_t hash, size_t mask) { return (hash / kShards) & mask; }
  static uint64_t Tag(uint32_t hash) {
    return static_cast<uint64_t>((hash * 0x9E3779B1u) >> 16) << 48;
  }

  struct Shard {
    std::mutex mutex;
    std::vector<uint64_t> slots;  // A power of two of them, or none; 0 is empty.
    size_t size = 0;
    std::vector<std::unique_ptr<char[]>> blocks;
    char* current = nullptr;  // The block small records go to.
    size_t used = kBlock;     // Bytes taken in `current`.
    size_t block_bytes = 0;
    size_t text_bytes = 0;

    void Grow() {
      std::vector<uint64_t> old = std::move(slots);
      slots.assign(old.empty() ? 256 : 2 * old.size(), 0);
      const size_t mask = slots.size() - 1;
      for (uint64_t slot : old) {
        if (slot == 0) continue;
        size_t i = Home(HashOf(Record(slot)), mask);
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = slot;
      }
    }

    char* Allocate(size_t size) {
      blocks.push_back(std::make_unique<char[]>(size));
      block_bytes += size;
      return blocks.back().get();
    }

    const char* Store(uint32_t hash, std::string_view text) {
      text_bytes += text.size();
      const size_t bytes = InternedString::kHeader + text.size();
      char* record;
      if (bytes > kBlock / 8) {  // Big texts get a block of their own.
        record = Allocate(bytes);
      } else {
        used = (used + 3) & ~size_t{3};  // Headers four-byte aligned.
        if (used + bytes > kBlock) {
          current = Allocate(kBlock);
          used = 0;
        }
        record = current + used;
        used += bytes;
      }
      const uint32_t size = static_cast<uint32_t>(text.size());
      std::memcpy(record, &hash, sizeof hash);
      std::memcpy(record + sizeof hash, &size, sizeof size);
      std::memcpy(record + InternedString::kHeader, text.data(), text.size());
      return record;
    }
  };
  std::array<Shard, kShards> shards_;
};

Pool& ThePool() {
  static Pool* pool = new Pool();  // Never destroyed: interned values outlive everything.
  return *pool;
}

}  // namespace

InternedString::InternedString(std::string_view text)
    : text_(text.empty() ? kEmptyRecord + kHeader : ThePool().Intern(text)) {}

InternedString::PoolStats InternedString::Stats() { return ThePool().Stats(); }

}  // namespace etkg
