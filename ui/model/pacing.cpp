#include "ui/model/pacing.h"

#include <algorithm>
#include <cmath>

namespace wn::ui {

bool near_notable(double now, const std::vector<Marker>& markers) {
    const double from = now - kSlowAfter_s;
    const double to = now + kSlowBefore_s;
    auto it = std::lower_bound(markers.begin(), markers.end(), from,
                               [](const Marker& m, double t) { return m.t < t; });
    for (; it != markers.end() && it->t <= to; ++it) {
        const bool follows_publication = it->kind == Marker::Kind::Reclaim;
        const bool connecting = it->kind == Marker::Kind::Publish && it->t < kConnect_s;
        if (!follows_publication && !connecting)
            return true;
    }
    return false;
}

double paced_speed(double speed, double now, const std::vector<Marker>& markers, bool slow_motion) {
    return slow_motion && near_notable(now, markers) ? speed * kSlowMotionFactor : speed;
}

double tick_advance_s(double wall_s, double speed) {
    return std::clamp(wall_s, 0.0, kMaxTickWall_s) * speed;
}

int speed_stop_for(double speed) {
    int best = 0;
    for (int i = 1; i < static_cast<int>(kSpeedStops.size()); ++i)
        if (std::abs(std::log(kSpeedStops[static_cast<std::size_t>(i)] / speed)) <
            std::abs(std::log(kSpeedStops[static_cast<std::size_t>(best)] / speed)))
            best = i;
    return best;
}

} // namespace wn::ui
