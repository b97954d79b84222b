#pragma once

#include "ui/layout.h"
#include "ui/model/frame.h"
#include "ui/palette.h"
#include "ui/renderer.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QString>
#include <string>
#include <vector>

class QPainter;

namespace wn::ui {

/// What every layer paints from: the painter, the frame, where things go, the user's
/// selection and the colours.
struct Scene {
    QPainter& p;
    const Frame& f;
    const SceneLayout& l;
    const RenderOptions& o;
    const Palette& pal;
};

/// The scene's font at `px` pixels (at least one).
QFont font_px(double px, bool bold = false);

/// `text` elided to fit `width` with the painter's current font.
QString fit(QPainter& p, const QString& text, double width);
QString fit(QPainter& p, const std::string& text, double width);

/// The first of `forms` (longest first) that fits `width` with the painter's current font;
/// the last one elided if none does. A narrow pane reads a shorter wording, not a cut one.
QString fit_first(QPainter& p, const std::vector<std::string>& forms, double width);

/// Like fit_first() for the labels that may shrink: the first of `forms` that fits at `px`
/// pixels or shrunk down to `min_scale` of it (as shrink_to_fit() does), the last one elided
/// if none does.
QString shrink_first(QPainter& p, const std::vector<std::string>& forms, double width, double px,
                     bool bold, double min_scale = 0.8);

/// Sets a font of `px` pixels, or down to 80% of it if that is what `text` needs to fit in
/// `width`, and returns the text, elided if even that is not enough. For the sentences a
/// room reads, where a smaller font beats a cut-off one.
QString shrink_to_fit(QPainter& p, const QString& text, double width, double px, bool bold,
                      double min_scale = 0.8);

/// A curved arrow from `from` to `to` with a filled head.
void draw_arrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width);

/// `c` at opacity `alpha` over `background`, as an opaque colour: translucent wide lines
/// are the slowest thing Qt's raster engine draws, and wires lie on the bare background.
QColor over_background(const QColor& c, double alpha, const QColor& background);

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace wn::ui
