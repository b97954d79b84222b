#pragma once

#include "client/thread_state.h"

#include <QColor>
#include <array>

namespace wn::ui {

/// The "Real threads" lab window's colours. Okabe-Ito (colour-blind safe); each strategy
/// also has a line style of its own, so that colour is never alone.
struct LabColors {
    QColor wasp{0x00, 0x72, 0xB2};
    QColor wasp_refcount{0x00, 0x9E, 0x73};
    QColor mutex{0xD5, 0x5E, 0x00};
    QColor rwlock{0xCC, 0x79, 0xA7};
    QColor naive_in_place{0xE6, 0x9F, 0x00};
    QColor unknown_strategy{Qt::black};
    /// Behind the line samples of the checkboxes and the table.
    QColor sample_background{Qt::transparent};
    /// The "Torn reads" cell: none, as it must be, or some.
    QColor torn_none{0x00, 0x6B, 0x3C};
    QColor torn_some{Qt::red};
    /// A kill marker is the running strategy's colour darkened by this (QColor::darker).
    int marker_darker = 130;
};

/// Every colour and pen width the views draw with: the scene, the timeline and the charts
/// all take one, so a theme is one other Palette value. The default is for the projector:
/// Okabe–Ito hues (safe for colour-blind viewers), and every colour-coded thing also
/// carries a label or a shape.
struct Palette {
    QColor background{250, 250, 247};
    QColor panel{255, 255, 255};
    QColor ink{25, 25, 25};
    QColor muted{110, 110, 110};
    QColor grid{215, 215, 210};
    QColor primary{0, 114, 178};    // blue
    QColor secondary{86, 180, 233}; // sky blue
    QColor inactive{190, 190, 185}; // arbiters, removed and syncing members
    QColor down{213, 94, 0};        // vermillion
    QColor fire{230, 159, 0};       // orange
    QColor crown{240, 228, 66};     // yellow
    QColor ok{0, 158, 115};         // bluish green
    QColor warn{230, 159, 0};       // orange
    QColor error{213, 94, 0};       // vermillion
    QColor refresh{204, 121, 167};  // reddish purple
    QColor ismaster{204, 121, 167};
    QColor op{0, 114, 178};
    QColor current{0, 114, 178};
    QColor stale{150, 150, 150};
    QColor idle{200, 200, 195};   // threads thinking, the monitor asleep
    QColor waiting{240, 228, 66}; // yellow: waiting for a refresh
    // Thread steps that have no colour above: every step a thread can be in has its own.
    QColor reading_primary{86, 180, 233}; // sky blue
    QColor looking_up{0, 62, 110};        // dark blue
    QColor publishing{60, 60, 60};        // near black
    QColor selecting{120, 75, 20};        // dark brown: waiting in server selection
    // Pure blue: a thread paused by hand (with its ⏸). Indigo was within 5 CIEDE2000 of
    // "lookup" for protanopes; this is at least 12 from every step and ground, every theme.
    QColor paused{0, 0, 248};
    QColor selection{0, 114, 178, 40};
    QColor on_fill{255, 255, 255}; // text on a filled shape (badges, request counts)

    // The caption bar: light text on a dark band.
    QColor caption_band{30, 30, 30};
    QColor caption_text{255, 255, 255};
    QColor caption_detail{200, 200, 200};
    QColor caption_clock{240, 228, 66};

    // Timeline rows, in Marker::Kind order: faults, elections, publishes, reclaims, errors.
    std::array<QColor, 5> timeline_rows{QColor(213, 94, 0), QColor(0, 158, 115),
                                        QColor(0, 114, 178), QColor(150, 150, 150),
                                        QColor(204, 121, 167)};
    // Charts: one colour per strategy pane in a comparison, per member in a single run.
    std::array<QColor, 4> strategies{QColor(213, 94, 0), QColor(0, 114, 178), QColor(0, 158, 115),
                                     QColor(204, 121, 167)};
    std::array<QColor, 7> hosts{QColor(0, 114, 178),   QColor(230, 159, 0),  QColor(0, 158, 115),
                                QColor(204, 121, 167), QColor(86, 180, 233), QColor(166, 118, 29),
                                QColor(90, 90, 90)};
    // Not among the host colours, which share the errors chart's legend in a single run.
    QColor key_error{213, 94, 0};
    QColor auto_reconnect{117, 112, 179};

    /// Pen widths, in pixels.
    struct Pens {
        double outline = 1; // thread tokens, the monitor's diamond, its lane
        double member = 2;  // a member's ring
        double member_selected = 4;
        double client = 2;  // the client box and the shared dict
        double mutated = 4; // the shared dict just after a write
        double petiole = 3; // self.rsstate's arrow
        double current_version = 3;
        double version = 1.5;
        double selected_version = 3;
        double holder_arrow = 1.6; // a thread's local reference
        double reader_arrow = 1.4; // a thread reading the shared dict
        double cut_off = 4;
        double glyph = 1.5;       // crown and flames
        double selected_cell = 2; // a selected thread in the grid
        double request = 1;       // an operation on the wire
        double ismaster = 2;      // an ismaster on the wire
        double landmark = 3;      // faults and elections on the timeline
        double marker = 1;
        double playhead = 2;
        double chart_line = 2.2;
    } pens;

    /// A thread step's fill. The application threads' steps each have their own colour;
    /// the monitor's sleep shares the idle grey. A glyph (ui/scene/step_glyph.h) goes with
    /// it, so that colour is never alone.
    QColor for_step(ThreadStep step) const;
    /// Ink that stands out on `fill` (glyphs drawn inside a coloured token).
    QColor ink_on(const QColor& fill) const;

    LabColors lab; // the Real threads window

    /// The text size the pens above were scaled for (View > Larger text): the scene's
    /// layout, the timeline and the charts multiply their fonts by it.
    double font_scale = 1.0;
    /// Presenter mode: wires and arrows of at least 3 px, the snapshot pointers the
    /// boldest lines on screen (ui/themes.h).
    bool presenter = false;
};

/// The palette the views start with.
const Palette& palette();

} // namespace wn::ui
