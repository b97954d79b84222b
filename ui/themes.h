#pragma once

#include "ui/palette.h"

#include <QString>
#include <array>
#include <optional>

namespace wn::ui {

/// The View > Theme choices. Light is the projector default; every theme keeps the state
/// colours apart for protanopes and deuteranopes (tests/ui/palette_vision_test.cpp).
enum class Theme { Light, Dark, HighContrast };
inline constexpr std::array<Theme, 3> kThemes{Theme::Light, Theme::Dark, Theme::HighContrast};

/// "light", "dark", "high-contrast": the --theme option's and the settings' words.
QString theme_name(Theme theme);
/// "Light", "Dark", "High contrast": the menu's words.
QString theme_title(Theme theme);
std::optional<Theme> parse_theme(const QString& name);

/// The text sizes Ctrl+= and Ctrl+- step through.
inline constexpr std::array<double, 5> kFontScales{1.0, 1.25, 1.5, 1.75, 2.0};
/// The next step up (`direction` 1) or down (-1) from `scale`, kept within the steps.
double step_font_scale(double scale, int direction);
/// Whether --font-scale accepts `scale`.
bool valid_font_scale(double scale);

/// The colours of `theme`, unscaled.
Palette theme_palette(Theme theme);
/// What the views draw with: `theme`'s colours, every pen times `font_scale`, and in
/// presenter mode wires and arrows of at least 3 px with the threads' snapshot pointers
/// the widest, highest-contrast lines on screen.
Palette view_palette(Theme theme, double font_scale, bool presenter);

} // namespace wn::ui
