// The colour maths behind the palette's colour-blindness test: CIEDE2000 against Sharma,
// Wu & Dalal's published test data, and Machado's simulation against what it must do.

#include "ui/model/colour_vision.h"

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

TEST(Ciede2000, MatchesSharmasTestData) {
    struct Pair {
        Lab x, y;
        double expected;
    };
    // Rows 1, 7, 13, 17, 25 and 34 of Sharma et al.'s table 1.
    const Pair pairs[] = {
        {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
        {{50, 0, 0}, {50, -1, 2}, 2.3669},
        {{50, 2.4900, -0.0010}, {50, -2.4900, 0.0009}, 7.1792},
        {{50, 2.5, 0}, {73, 25, -18}, 27.1492},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
    };
    for (const Pair& p : pairs) {
        EXPECT_NEAR(ciede2000(p.x, p.y), p.expected, 1e-4);
        EXPECT_NEAR(ciede2000(p.y, p.x), p.expected, 1e-4) << "not symmetric";
    }
}

TEST(ColourVision, GreysStayGreyAndNormalVisionChangesNothing) {
    for (const int v : {0, 60, 128, 200, 255}) {
        for (const ColourVision cv : {ColourVision::Protanopia, ColourVision::Deuteranopia}) {
            const Rgb8 s = simulate_vision({v, v, v}, cv);
            EXPECT_NEAR(s.r, v, 1);
            EXPECT_NEAR(s.g, v, 1);
            EXPECT_NEAR(s.b, v, 1);
        }
    }
    const Rgb8 c = simulate_vision({213, 94, 0}, ColourVision::Normal);
    EXPECT_EQ(c.r, 213);
    EXPECT_EQ(c.g, 94);
    EXPECT_EQ(c.b, 0);
}

TEST(ColourVision, RedAndGreenMergeForDichromatsButNotForOthers) {
    // Vermillion and the brown the palette once used for server selection: plainly apart
    // for normal vision, nearly the same colour under protanopia and deuteranopia.
    const Rgb8 vermillion{213, 94, 0}, brown{166, 118, 29};
    const Lab a = to_lab(vermillion), b = to_lab(brown);
    EXPECT_GT(ciede2000(a, b), 14);
    for (const ColourVision cv : {ColourVision::Protanopia, ColourVision::Deuteranopia})
        EXPECT_LT(
            ciede2000(to_lab(simulate_vision(vermillion, cv)), to_lab(simulate_vision(brown, cv))),
            5);
    EXPECT_LT(worst_difference(vermillion, brown), 5);
    // Blue against orange, the Okabe-Ito pair, survives both.
    EXPECT_GT(worst_difference({0, 114, 178}, {230, 159, 0}), 30);
}

TEST(Lab, WhiteBlackAndAPrimary) {
    const Lab white = to_lab({255, 255, 255});
    EXPECT_NEAR(white.l, 100, 0.01);
    EXPECT_NEAR(white.a, 0, 0.01);
    EXPECT_NEAR(white.b, 0, 0.01);
    EXPECT_NEAR(to_lab({0, 0, 0}).l, 0, 0.01);
    const Lab red = to_lab({255, 0, 0}); // the textbook sRGB red: L 53.24, a 80.09, b 67.20
    EXPECT_NEAR(red.l, 53.24, 0.05);
    EXPECT_NEAR(red.a, 80.09, 0.1);
    EXPECT_NEAR(red.b, 67.20, 0.1);
}

} // namespace
} // namespace wn::ui
