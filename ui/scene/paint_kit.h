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
    /// members_share_port(f), asked once a frame: every member label's forms depend on it.
    bool short_hosts = false;
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
/// pixels or shrunk down to `min_scale` of it (as shrink_to_fit() does); if none does, the
/// last one shrunk down to `last_min_scale` (negative: `min_scale`), elided if still too wide.
QString shrink_first(QPainter& p, const std::vector<std::string>& forms, double width, double px,
                     bool bold, double min_scale = 0.8, double last_min_scale = -1);

/// The other way round: the first of `forms` that fits at `px` pixels, and only the last
/// one shrunk (down to `min_scale` of it, as shrink_to_fit() does), elided if even that is
/// not enough. For labels whose shorter wordings read as well as the long one (the badges).
QString shrink_last(QPainter& p, const std::vector<std::string>& forms, double width, double px,
                    bool bold, double min_scale);

/// Form `step` of `forms`, or its last when it has fewer.
const std::string& form_at(const std::vector<std::string>& forms, std::size_t step);

/// For lines that are read together (the member lines of one box, the members' names): the
/// first step at which every line's form (form_at()) fits `width` with the painter's current
/// font, so that they all take the same wording ("db2 Primary" over "db3 Secondary", never
/// over "db3:27017 Secondary"); the last step if none does, for fit() to elide.
std::size_t fit_group(QPainter& p, const std::vector<std::vector<std::string>>& forms,
                      double width);

/// shrink_first() for such a group: the first step at which every line fits `width` at `px`
/// or shrunk down to `min_scale` of it, and the one size, the largest that fits them all,
/// that they are all drawn at.
struct GroupFit {
    std::size_t step = 0;
    double px = 0;
};
GroupFit shrink_group(const std::vector<std::vector<std::string>>& forms, double width, double px,
                      bool bold, double min_scale);

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
