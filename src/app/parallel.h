#pragma once
// Runs fn(i) for i in [0, n) on `threads` workers (the caller is one of them).
// Work is handed out one index at a time, so uneven files balance themselves.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace cc::app {

template <class Fn>
void parallel_for(size_t n, unsigned threads, Fn&& fn) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  threads = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), std::max<size_t>(1, n)));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
}

}  // namespace cc::app
