#include "ui/model/pacing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

void PlayedShare::add(double wall_s) {
    wall_s = std::max(wall_s, 0.0);
    const Tick tick{wall_s, std::min(wall_s, kMaxTickWall_s)};
    m_ticks.push_back(tick);
    m_wall_s += tick.wall_s;
    m_played_s += tick.played_s;
    while (m_ticks.size() > 1 && m_wall_s - m_ticks.front().wall_s >= kWindow_s) {
        m_wall_s -= m_ticks.front().wall_s;
        m_played_s -= m_ticks.front().played_s;
        m_ticks.pop_front();
    }
}

void PlayedShare::reset() {
    m_ticks.clear();
    m_wall_s = m_played_s = 0;
}

double PlayedShare::share() const {
    return m_wall_s > 0 ? std::clamp(m_played_s / m_wall_s, 0.0, 1.0) : 1.0;
}

namespace {

/// `digits` significant digits at most, no trailing zeros: 100, 0.25, 63.
std::string speed_number(double v, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*g", digits, v);
    return text;
}

} // namespace

double played_speed(double speed, double share) {
    if (share >= kKeepingUpShare)
        return speed;
    const double measured = speed * share;
    if (measured <= 0)
        return 0;
    const double unit = std::pow(10.0, std::floor(std::log10(measured)) - 1);
    return std::round(measured / unit) * unit;
}

std::string speed_label(double speed, double share) {
    std::string text = speed_number(speed, 3) + "\u00d7";
    if (share < kKeepingUpShare)
        text += " (playing at " + speed_number(played_speed(speed, share), 2) + "\u00d7)";
    return text;
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
