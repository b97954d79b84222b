#pragma once

// Read-latency histogram: log2 octaves split into 4 linear sub-buckets (at most 25 % wide), so
// that a percentile is exact to within a quarter of its value. Values below 4 ns get exact
// buckets.

#include <array>
#include <bit>
#include <cstdint>

namespace wn::lab {

inline constexpr int kLatencyBuckets = 252;

/// Bucket index of a value in nanoseconds.
constexpr int latency_bucket(std::uint64_t ns) {
    if (ns < 4) {
        return static_cast<int>(ns);
    }
    const int e = std::bit_width(ns) - 1; // 2..63
    const int sub = static_cast<int>((ns >> (e - 2)) & 3);
    return 4 * (e - 1) + sub;
}
/// Smallest value that falls into bucket `b`.
constexpr std::uint64_t latency_bucket_low(int b) {
    if (b < 4) {
        return static_cast<std::uint64_t>(b);
    }
    const int e = b / 4 + 1;
    const auto sub = static_cast<std::uint64_t>(b % 4);
    return (4 + sub) << (e - 2);
}
/// One past the largest value of bucket `b` (saturating for the last bucket).
constexpr std::uint64_t latency_bucket_high(int b) {
    if (b < 4) {
        return static_cast<std::uint64_t>(b) + 1;
    }
    if (b == kLatencyBuckets - 1) {
        return UINT64_MAX;
    }
    return latency_bucket_low(b + 1);
}

using LatencyCounts = std::array<std::uint64_t, kLatencyBuckets>;

struct Percentiles {
    std::uint64_t samples = 0;
    std::uint64_t p50_ns = 0;
    std::uint64_t p99_ns = 0;
    std::uint64_t p999_ns = 0;
    /// Upper edge of the highest non-empty bucket.
    std::uint64_t max_ns = 0;
};
/// Percentiles of a histogram, each reported as the middle of its bucket; all 0 when empty.
Percentiles percentiles(const LatencyCounts& counts);

} // namespace wn::lab
