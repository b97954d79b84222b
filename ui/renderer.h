#pragma once

#include "ui/layout.h"
#include "ui/model/frame.h"
#include "ui/palette.h"

#include <QString>
#include <memory>

class QPainter;

namespace wn::ui {

struct TourCard;

/// How to decorate a frame: the player's state, and what the user selected.
struct RenderOptions {
    bool playing = false;
    double speed = 1.0;       // the speed the clock runs at now
    bool slowed = false;      // slow motion near a notable moment
    double trail_s = 0.4;     // how long finished requests stay visible (virtual seconds)
    QString caption_override; // e.g. "Press Space to start"
    int selected_thread = 0;  // 0: none
    int selected_version = 0; // 0: none
    int selected_member = -1;
    /// A guided tour's step: its words and spotlight, painted over the scene (ui/tour).
    std::shared_ptr<const TourCard> tour;
};

/// Paints the whole scene onto any QPainter: the window, --screenshot and exports all use
/// this one function, so what you see is what you export. Each layer has its own painter
/// in ui/scene/; the words come from ui/model/scene_text.h, the geometry from `layout`.
void render(QPainter& painter, const Frame& frame, const SceneLayout& layout,
            const RenderOptions& options, const Palette& colours = palette());

/// The layout for a frame on a canvas of `size` (what render() and hit-testing share).
SceneLayout layout_for(const Frame& frame, QSizeF size);

} // namespace wn::ui
