#pragma once

#include "ui/themes.h"

#include <QPalette>

class QWidget;

namespace wn::ui {

/// The application's own widgets (menus, toolbars, dock titles, the status bar, dialogs)
/// in `theme`'s colours: a QPalette built from the views' Palette `colours`. The light
/// theme keeps the style's own palette: the desktop's look.
QPalette chrome_palette(Theme theme, const Palette& colours);

/// The desktop's text size in pixels: the application's font before any scaling.
int desktop_text_px();

/// The pixel size of the chrome's text at `font_scale`, from the desktop's `base_px`: at
/// least the scene's smallest text (min_text_px) once the text is larger.
int chrome_text_px(int base_px, double font_scale);

/// Gives `window` and the application `theme` (and the Fusion style, which follows a
/// palette) and, when `scale_text`, the window text colours.font_scale times the
/// desktop's. With the light theme and no scaling, both are as the desktop made them.
void apply_chrome(QWidget& window, Theme theme, const Palette& colours, bool scale_text);

} // namespace wn::ui
