#include "cli/progress.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace etkg::cli {
namespace {

std::string Megabytes(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f", static_cast<double>(bytes) / 1e6);
  return text;
}

std::string Clock(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof(text), "%ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

ProgressBar::ProgressBar(uint64_t total_bytes)
    : total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

std::string ProgressBar::Line(uint64_t total_bytes, size_t documents, uint64_t bytes,
                              double seconds) {
  std::string line = "etkg: ";
  const double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  if (total_bytes > 0) {
    constexpr int kWidth = 24;
    const double done =
        std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_bytes));
    const int filled = static_cast<int>(done * kWidth);
    line += "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
    char percent[8];
    std::snprintf(percent, sizeof(percent), "%3d%%", static_cast<int>(done * 100));
    line += percent;
    line += "  " + std::to_string(documents) + " documents  " + Megabytes(bytes) + " of " +
            Megabytes(total_bytes) + " MB";
    if (rate > 0) {
      line += "  " + Megabytes(static_cast<uint64_t>(rate)) + " MB/s";
      if (bytes < total_bytes) {
        line += "  " + Clock(static_cast<double>(total_bytes - bytes) / rate) + " left";
      }
    }
  } else {
    line += std::to_string(documents) + " documents  " + Megabytes(bytes) + " MB";
    if (rate > 0) line += "  " + Megabytes(static_cast<uint64_t>(rate)) + " MB/s";
  }
  return line;
}

void ProgressBar::Update(size_t documents, uint64_t bytes) {
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::cerr << "\r\033[K" << Line(total_, documents, bytes, seconds) << std::flush;
}

void ProgressBar::Stage(const std::string& what) {
  drawn_ = true;
  std::cerr << "\r\033[Ketkg: " << what << "..." << std::flush;
}

void ProgressBar::Clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace etkg::cli
