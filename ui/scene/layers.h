#pragma once

#include "ui/scene/paint_kit.h"

namespace wn::ui {

// One painter per layer of the scene, called by render() back to front.

/// Requests on the wire between callers and members (bundled in the aggregated view).
void paint_packets(const Scene& s);
/// Each thread's local reference to an RSState version (only when the frame has a heap).
void paint_holder_arrows(const Scene& s);
/// The number of holders on each bundled arrow, above the grid (aggregated view only).
void paint_holder_counts(const Scene& s);
/// The client box and what hangs under it: the version heap, or the shared dict.
void paint_centre(const Scene& s);
/// The thread lanes (or the grid with its legend) and the monitor's lane.
void paint_threads(const Scene& s);
/// The replica set's members, their roles and pings.
void paint_members(const Scene& s);
/// The caption band and the invariant badges.
void paint_overlay(const Scene& s);

} // namespace wn::ui
