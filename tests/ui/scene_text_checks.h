#pragma once

// What the presenter's fit tests ask of every text a pane paints: at least the presenter's
// 20 px, not cut with "…" (but the few cuts the scene allows), inside the pane and inside
// the box it belongs to, and over no other text.

#include "paint_recorder.h"
#include "ui/layout.h"
#include "ui/sim_view.h"

#include <QStringList>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace wn::ui::testing {

/// A "…" that is part of the wording, not a cut: the folded shared dict ("members = {…}",
/// "… 3 more"). And one cut still allowed: the caption's narration, whose second line may
/// end in "…" when two lines of the band cannot hold the sentence.
inline bool allowed_ellipsis(const QString& text, const QStringList& captions) {
    if (text.endsWith("{\u2026}") || text.startsWith("\u2026 "))
        return true;
    const QString cut = text.left(text.size() - 1);
    if (!text.endsWith(QChar(0x2026)) || cut.size() < 8)
        return false;
    for (const QString& caption : captions)
        if (caption.contains(cut))
            return true;
    return false;
}

/// Where a text was drawn, for the messages.
inline std::string describe(const DrawnText& t) {
    std::ostringstream out;
    out << "\"" << t.text.toStdString() << "\" (" << t.pixel_size << " px at " << t.rect.x() << ","
        << t.rect.y() << " " << t.rect.width() << "x" << t.rect.height() << ")";
    return out.str();
}

/// The boxes whose texts must stay inside them: the caption band, the monitor's lane, the
/// client box and the current version.
inline std::vector<std::pair<const char*, QRectF>> text_boxes(const SimView& v) {
    const SceneLayout& l = v.last_layout();
    std::vector<std::pair<const char*, QRectF>> boxes{{"the caption", l.caption},
                                                      {"the monitor's lane", l.monitor_cell},
                                                      {"the client box", l.client_box}};
    if (!l.version_boxes.empty())
        boxes.emplace_back("the current version", l.version_boxes.front());
    return boxes;
}

/// Whether two texts' rectangles share more than a sliver (a line's descent over the next
/// one's ascent is not an overlap).
inline bool overlap(const DrawnText& t, const DrawnText& u) {
    const QRectF both = t.rect.intersected(u.rect);
    return both.width() > 1 && both.height() > 2;
}

} // namespace wn::ui::testing
