#pragma once

#include <bit>
#include <cstdint>

namespace wn {

namespace detail {

struct LogRow {
    double c;    // the row's centre
    double invc; // 1/c, rounded
    double logc; // log c, rounded
};

inline constexpr LogRow kLogTable[256] = {
#include "sim/log_table.inc"
};

} // namespace detail

/// Natural logarithm of a positive normal `x`, from IEEE double arithmetic alone, so that
/// a seed draws the same exponential delays on every machine and with any libm; inline,
/// and cheaper than the library call it replaces. Within 1 ulp of the exact value (it
/// differs from glibc's in the last bit about once in four), which is far below the
/// microsecond the engine rounds every delay to.
///
/// x = 2^k z with z in [0.6875, 1.375); z's top 8 mantissa bits pick a row of centre c, and
/// log x = k log 2 + log c + log1p(r) with r = (z - c)/c, |r| <= 2^-8, log1p by its series
/// to r^7. z - c is exact (z and c are within a factor of two), and c = 1 on the rows next
/// to 1, so a result near 0 keeps its relative accuracy. Each operation is its own
/// statement: a compiler may then not fuse a multiply and an add into one rounding.
inline double log_of(double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const std::uint64_t tmp = bits - 0x3fe6000000000000ULL;
    const auto i = static_cast<std::size_t>((tmp >> 44) & 255);
    const auto k = static_cast<double>(static_cast<std::int64_t>(tmp) >> 52);
    const double z = std::bit_cast<double>(bits - (tmp & (0xfffULL << 52)));
    const detail::LogRow& row = detail::kLogTable[i];
    const double f = z - row.c;
    const double r = f * row.invc;
    // k log 2 in two parts; the high part has trailing zeros, so k times it is exact.
    const double k_hi = k * 0x1.62e42fefa3800p-1;
    const double k_lo = k * 0x1.ef35793c76730p-45;
    const double w = k_hi + row.logc;
    const double hi = w + r;
    const double w_minus_hi = w - hi;
    const double lost = w_minus_hi + r; // what hi = w + r rounded away (|w| >= |r| or w = 0)
    const double lo = lost + k_lo;
    const double r2 = r * r;
    const double a = r * (1.0 / 3);
    const double p01 = -0.5 + a;
    const double b = r * 0.2;
    const double p23 = -0.25 + b;
    const double c = r * (1.0 / 7);
    const double p45 = -1.0 / 6 + c;
    const double q = r2 * p45;
    const double p25 = p23 + q;
    const double s = r2 * p25;
    const double p = p01 + s;
    const double tail = r2 * p;
    const double low = lo + tail;
    return hi + low;
}

} // namespace wn
