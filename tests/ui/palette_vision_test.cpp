// Every theme keeps the thread and member states apart for colour-blind viewers: each pair
// of state colours differs by at least kMinDifference (CIEDE2000) under normal vision and
// under simulated protanopia and deuteranopia (Machado et al. 2009, severity 1.0), and each
// step's glyph stands out on its colour. The steps come from core's list, so a step added
// there is checked here without a change. Method and threshold: docs/presenter.md.

#include "ui/model/colour_vision.h"
#include "ui/model/scene_text.h"
#include "ui/scene/step_glyph.h"
#include "ui/themes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace wn::ui {
namespace {

/// Ten times the smallest difference an eye notices side by side: two tokens a room apart
/// are told apart at a glance.
constexpr double kMinDifference = 10;

Rgb8 rgb(const QColor& c) {
    return {c.red(), c.green(), c.blue()};
}

/// Every step a token can show: the application threads' and the monitor's.
std::vector<ThreadStep> all_steps() {
    std::vector<ThreadStep> steps(std::begin(kApplicationThreadSteps),
                                  std::end(kApplicationThreadSteps));
    steps.push_back(ThreadStep::Sleeping); // the monitor's own
    return steps;
}

bool same_meaning(ThreadStep a, ThreadStep b) {
    // The monitor asleep and a thread thinking are both "doing nothing": one grey, one
    // (empty) glyph, and the monitor has a lane of its own.
    const auto idle = [](ThreadStep s) {
        return s == ThreadStep::Thinking || s == ThreadStep::Sleeping;
    };
    return idle(a) && idle(b);
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
double contrast(const QColor& x, const QColor& y) {
    auto luminance = [](const QColor& c) {
        auto lin = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    const double a = luminance(x), b = luminance(y);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

TEST(PaletteVision, EveryPairOfThreadStepColoursStaysApartForColourBlindViewers) {
    const std::vector<ThreadStep> steps = all_steps();
    ASSERT_GE(steps.size(), 12u);
    for (const Theme theme : kThemes) {
        const Palette pal = view_palette(theme, 1.0, false);
        for (std::size_t i = 0; i < steps.size(); ++i)
            for (std::size_t j = i + 1; j < steps.size(); ++j) {
                if (same_meaning(steps[i], steps[j]))
                    continue;
                EXPECT_GE(
                    worst_difference(rgb(pal.for_step(steps[i])), rgb(pal.for_step(steps[j]))),
                    kMinDifference)
                    << theme_name(theme).toStdString() << ": " << short_step_name(steps[i])
                    << " and " << short_step_name(steps[j]);
            }
    }
}

// A thread paused by hand keeps its step but is drawn in the paused colour, so that colour
// must stand apart from every step's and from the background it sits on.
TEST(PaletteVision, ThePausedColourStaysApartFromEveryStepForColourBlindViewers) {
    for (const Theme theme : kThemes) {
        const Palette pal = view_palette(theme, 1.0, false);
        for (const ThreadStep step : all_steps())
            EXPECT_GE(worst_difference(rgb(pal.paused), rgb(pal.for_step(step))), kMinDifference)
                << theme_name(theme).toStdString() << ": paused and " << short_step_name(step);
        EXPECT_GE(worst_difference(rgb(pal.paused), rgb(pal.background)), kMinDifference)
            << theme_name(theme).toStdString() << ": paused and the background";
        EXPECT_GE(contrast(pal.ink_on(pal.paused), pal.paused), 3.0)
            << theme_name(theme).toStdString() << ": the pause glyph on its colour";
    }
}

TEST(PaletteVision, EveryPairOfMemberStateColoursStaysApartForColourBlindViewers) {
    for (const Theme theme : kThemes) {
        const Palette pal = theme_palette(theme);
        const std::vector<std::pair<const char*, QColor>> states = {
            {"primary", pal.primary},
            {"secondary", pal.secondary},
            {"arbiter, syncing or removed", pal.inactive},
            {"down", pal.down},
        };
        for (std::size_t i = 0; i < states.size(); ++i)
            for (std::size_t j = i + 1; j < states.size(); ++j)
                EXPECT_GE(worst_difference(rgb(states[i].second), rgb(states[j].second)),
                          kMinDifference)
                    << theme_name(theme).toStdString() << ": " << states[i].first << " and "
                    << states[j].first;
    }
}

TEST(PaletteVision, TheTestCatchesAPaletteThatMergesForColourBlindViewers) {
    // The brown that server selection once had is vermillion's twin under protanopia.
    Palette pal;
    pal.selecting = QColor(166, 118, 29);
    EXPECT_LT(worst_difference(rgb(pal.for_step(ThreadStep::WaitingForSelection)),
                               rgb(pal.for_step(ThreadStep::Failed))),
              kMinDifference);
}

TEST(PaletteVision, EachStepsGlyphStandsOutOnItsColourInEveryTheme) {
    for (const Theme theme : kThemes) {
        const Palette pal = theme_palette(theme);
        for (const ThreadStep s : all_steps()) {
            if (step_glyph(s) == StepGlyph::None)
                continue;
            const QColor fill = pal.for_step(s);
            EXPECT_GE(contrast(fill, pal.ink_on(fill)), 3.0)
                << theme_name(theme).toStdString() << ": " << short_step_name(s);
        }
        // Text and lines against the background.
        EXPECT_GE(contrast(pal.ink, pal.background), 12.0) << theme_name(theme).toStdString();
        EXPECT_GE(contrast(pal.caption_text, pal.caption_band), 7.0);
    }
}

TEST(Themes, NamesRoundTripAndUnknownNamesAreRefused) {
    for (const Theme t : kThemes)
        EXPECT_EQ(parse_theme(theme_name(t)), t);
    EXPECT_FALSE(parse_theme("sepia"));
    EXPECT_FALSE(parse_theme(""));
}

TEST(Themes, FontScaleStepsAndPens) {
    EXPECT_DOUBLE_EQ(step_font_scale(1.0, 1), 1.25);
    EXPECT_DOUBLE_EQ(step_font_scale(2.0, 1), 2.0);
    EXPECT_DOUBLE_EQ(step_font_scale(1.5, -1), 1.25);
    EXPECT_DOUBLE_EQ(step_font_scale(1.0, -1), 1.0);
    EXPECT_DOUBLE_EQ(step_font_scale(1.3, -1), 1.25) << "an odd saved value snaps down";
    EXPECT_FALSE(valid_font_scale(0.5));
    EXPECT_FALSE(valid_font_scale(std::nan("")));
    const Palette one = view_palette(Theme::Light, 1.0, false);
    const Palette two = view_palette(Theme::Light, 2.0, false);
    EXPECT_DOUBLE_EQ(two.pens.holder_arrow, 2 * one.pens.holder_arrow);
    EXPECT_DOUBLE_EQ(two.pens.request, 2 * one.pens.request);
    EXPECT_DOUBLE_EQ(two.font_scale, 2.0);
}

TEST(Themes, PresenterWiresAreAtLeast3PxAndTheSnapshotPointersAreTheWidest) {
    for (const Theme theme : kThemes)
        for (const double scale : kFontScales) {
            const Palette p = view_palette(theme, scale, true);
            const Palette::Pens& pens = p.pens;
            for (const double w :
                 {pens.request, pens.ismaster, pens.reader_arrow, pens.petiole, pens.holder_arrow})
                EXPECT_GE(w, 3.0);
            for (const double w : {pens.request, pens.ismaster, pens.reader_arrow, pens.petiole,
                                   pens.cut_off, pens.mutated, pens.member, pens.client})
                EXPECT_GT(pens.holder_arrow, w) << theme_name(theme).toStdString() << " " << scale;
        }
}

} // namespace
} // namespace wn::ui
