#include "sim/log.h"
#include "sim/rng.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace wn {
namespace {

// How many doubles lie between a and b.
std::int64_t ulps_apart(double a, double b) {
    const auto ia = std::bit_cast<std::int64_t>(a);
    const auto ib = std::bit_cast<std::int64_t>(b);
    if ((ia < 0) != (ib < 0))
        return a == b ? 0 : std::numeric_limits<std::int64_t>::max();
    return ia > ib ? ia - ib : ib - ia;
}

TEST(LogOf, MatchesCorrectlyRoundedValuesWithinOneUlp) {
    // log x rounded to the nearest double, from Python's decimal module at 60 digits.
    struct Case {
        double x;
        double log;
    };
    const Case cases[] = {
        {0x1.0000000000000p-1, -0x1.62e42fefa39efp-1},
        {0x1.0000000000000p-53, -0x1.25e4f7b2737fap+5},
        {0x1.8000000000000p-1, -0x1.269621134db92p-2},
        {0x1.ff7ced916872bp-1, -0x1.064670d979b73p-10},
        {0x1.fffffffffffffp-1, -0x1.0000000000000p-53},
        {0x1.6000000000000p-1, -0x1.7fafa3bd8151cp-2},
        {0x1.6000000000000p+0, 0x1.4618bc21c5ec2p-2},
        {0x1.999999999999ap-4, -0x1.26bb1bbb55515p+1},
        {0x1.b7cdfd9d7bdbbp-34, -0x1.7069e2aa2aa5bp+4},
        {0x1.8000000000000p+1, 0x1.193ea7aad030bp+0},
    };
    for (const Case& c : cases)
        EXPECT_LE(ulps_apart(log_of(c.x), c.log), 1) << std::hexfloat << c.x;
    EXPECT_EQ(log_of(1.0), 0.0);
}

TEST(LogOf, WithinOneUlpOfTheLibraryOverTheInversionsDomainAndBeyond) {
    // What Rng::exponential takes the log of (1 - u, u uniform on 53 bits), the same spread
    // over binary exponents, and the neighbours of 1 and of the table's row edges.
    Rng rng(20261202);
    for (int i = 0; i < 400000; ++i) {
        double x = 1.0 - rng.uniform();
        if (i % 2 == 1)
            x = std::ldexp(x, static_cast<int>(rng.below(200)) - 100);
        ASSERT_LE(ulps_apart(log_of(x), std::log(x)), 1) << std::hexfloat << x;
    }
    for (std::uint64_t edge = 0; edge <= 256; ++edge) {
        const std::uint64_t bits = 0x3fe6000000000000ULL + (edge << 44);
        for (std::uint64_t d = 0; d < 8; ++d)
            for (const std::uint64_t b : {bits + d, bits - d - 1}) {
                const double x = std::bit_cast<double>(b);
                ASSERT_LE(ulps_apart(log_of(x), std::log(x)), 1) << std::hexfloat << x;
            }
    }
}

} // namespace
} // namespace wn
