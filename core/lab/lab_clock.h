#pragma once

// The lab measures real time (it runs real threads), unlike the simulation's virtual clock.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace wn::lab {

using Clock = std::chrono::steady_clock;

/// A duration in nanoseconds, 0 for a negative one.
inline std::uint64_t to_ns(Clock::duration d) {
    return static_cast<std::uint64_t>(
        std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()));
}

/// Raises `a` to `v` if `v` is larger (a relaxed running maximum).
inline void store_max(std::atomic<std::uint64_t>& a, std::uint64_t v) {
    std::uint64_t cur = a.load(std::memory_order_relaxed);
    while (cur < v && !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
    }
}

} // namespace wn::lab
