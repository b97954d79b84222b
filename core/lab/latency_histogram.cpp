#include "lab/latency_histogram.h"

#include <algorithm>

namespace wn::lab {

Percentiles percentiles(const LatencyCounts& counts) {
    Percentiles p;
    for (std::uint64_t c : counts) {
        p.samples += c;
    }
    if (p.samples == 0) {
        return p;
    }
    // The smallest bucket whose cumulative count reaches q * samples (at least one sample).
    auto quantile = [&](double q) {
        const auto rank = std::max<std::uint64_t>(
            1, static_cast<std::uint64_t>(q * static_cast<double>(p.samples) + 0.999999));
        std::uint64_t seen = 0;
        for (int b = 0; b < kLatencyBuckets; ++b) {
            seen += counts[static_cast<std::size_t>(b)];
            if (seen >= rank) {
                const std::uint64_t lo = latency_bucket_low(b);
                const std::uint64_t hi = latency_bucket_high(b);
                return hi == UINT64_MAX ? lo : lo + (hi - 1 - lo) / 2;
            }
        }
        return std::uint64_t{0};
    };
    p.p50_ns = quantile(0.50);
    p.p99_ns = quantile(0.99);
    p.p999_ns = quantile(0.999);
    for (int b = kLatencyBuckets - 1; b >= 0; --b) {
        if (counts[static_cast<std::size_t>(b)] != 0) {
            const std::uint64_t hi = latency_bucket_high(b);
            p.max_ns = hi == UINT64_MAX ? latency_bucket_low(b) : hi - 1;
            break;
        }
    }
    return p;
}

} // namespace wn::lab
