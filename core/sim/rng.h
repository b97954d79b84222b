#pragma once

#include "sim/log.h"

#include <cmath>
#include <cstdint>

namespace wn {

/// xoshiro256** seeded through splitmix64, with our own distributions so that a seed gives
/// the same run with any standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : m_s) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, 1) with 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [0, n); n > 0.
    std::uint64_t below(std::uint64_t n) { return next() % n; }

    bool chance(double p) { return uniform() < p; }

    /// Exponential with the given mean, by inversion (log of a value in [2^-53, 1]); our
    /// own log, so that the draws depend on no libm.
    double exponential(double mean) { return -mean * log_of(1.0 - uniform()); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4]{};
};

} // namespace wn
