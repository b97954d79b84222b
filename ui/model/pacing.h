#pragma once

#include "analysis/markers.h"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace wn::ui {

// Wall-clock pacing of a played run. It decides only how fast virtual time passes on screen,
// never what happens: the run reaches the same states at the same virtual times.

/// Near a notable moment, slow motion plays at this fraction of the chosen speed.
inline constexpr double kSlowMotionFactor = 0.2;
/// How far before and after a notable marker slow motion lasts, in virtual seconds.
inline constexpr double kSlowBefore_s = 0.25;
inline constexpr double kSlowAfter_s = 1.0;

/// Publications before this virtual time are the client connecting (its first states), not
/// news: they do not slow the clock, so a run played from t=0 starts at the chosen speed.
inline constexpr double kConnect_s = 0.5;

/// Whether a fault, an election, a publication (after kConnect_s) or a failed operation is
/// within [now - kSlowAfter_s, now + kSlowBefore_s]; `markers` are in time order.
bool near_notable(double now, const std::vector<Marker>& markers);

/// The speed the clock runs at: `speed`, or kSlowMotionFactor of it near a notable moment
/// when `slow_motion` is on.
double paced_speed(double speed, double now, const std::vector<Marker>& markers, bool slow_motion);

/// The play timer's interval, in ms: one frame at 60 frames a second.
inline constexpr int kFrameMs = 16;
/// The most wall time one tick plays: two frames. A late frame (a slow paint, a busy machine)
/// is skipped, not caught up: playing the whole delay would make the next tick's work grow
/// with the lateness, so at 100x one late frame made the next one later still.
inline constexpr double kMaxTickWall_s = 2 * kFrameMs / 1000.0;
/// The virtual seconds one tick plays, `wall_s` after the last at `speed`.
double tick_advance_s(double wall_s, double speed);

/// How much of the wall time the last second of ticks played. A tick later than
/// kMaxTickWall_s plays only that much, so on a machine that cannot keep up the run plays
/// slower than the chosen speed: this says by how much.
class PlayedShare {
public:
    /// How long, in wall seconds, the share looks back.
    static constexpr double kWindow_s = 1.0;
    /// One tick, `wall_s` after the last.
    void add(double wall_s);
    /// Play starts again: the pause between is no lateness.
    void reset();
    /// Played wall time over elapsed wall time, in (0, 1]; 1 before any tick.
    double share() const;

private:
    struct Tick {
        double wall_s, played_s;
    };
    std::deque<Tick> m_ticks;
    double m_wall_s = 0, m_played_s = 0;
};

/// Below this share the speed label says how fast the run really plays.
inline constexpr double kKeepingUpShare = 0.95;
/// The speed the run plays at: `speed`, or while `share` is under kKeepingUpShare the
/// measured one, to two significant digits (more would change on every frame).
double played_speed(double speed, double share);
/// The speed label: "100×", or "100× (playing at 63×)" while `share` is under
/// kKeepingUpShare.
std::string speed_label(double speed, double share);

/// The speed slider's stops: readable values only.
inline constexpr std::array<double, 10> kSpeedStops = {0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100};
/// The stop nearest `speed` on a log scale.
int speed_stop_for(double speed);

} // namespace wn::ui
