// Random numbers for the benchmark generators: xorshift64* seeded through
// splitmix64, so that any seed (0 too) starts from a well-mixed state.
// Bounded draws use a plain modulo: the bias is far below anything a
// benchmark corpus or graph could show, and unlike
// std::uniform_int_distribution the result is the same with every standard
// library, so a seed gives the same bytes everywhere.
#ifndef ETKG_BENCH_RNG_H_
#define ETKG_BENCH_RNG_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace etkg::bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t z = seed + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    state_ = (z ^ (z >> 31)) | 1;  // xorshift needs a non-zero state.
  }

  uint64_t Next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }

  // In [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // In [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1)));
  }
  bool Percent(int p) { return static_cast<int>(Below(100)) < p; }
  bool PerMille(int p) { return static_cast<int>(Below(1000)) < p; }

  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    assert(!v.empty());
    return v[Below(v.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(N)];
  }

 private:
  uint64_t state_;
};

}  // namespace etkg::bench

#endif  // ETKG_BENCH_RNG_H_
