#include "scenario/scenario.h"

#include <cstdio>
#include <cstdlib>

namespace wn {

const char* strategy_name(StrategyKind kind) {
    switch (kind) {
    case StrategyKind::Naive:
        return "naive";
    case StrategyKind::Mutex:
        return "mutex";
    case StrategyKind::RwLock:
        return "rwlock";
    case StrategyKind::Wasp:
        return "wasp";
    case StrategyKind::Sdam:
        return "sdam";
    }
    return "?";
}

std::optional<StrategyKind> parse_strategy(const std::string& name) {
    for (auto kind : {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock,
                      StrategyKind::Wasp, StrategyKind::Sdam})
        if (name == strategy_name(kind))
            return kind;
    return std::nullopt;
}

const char* race_window_name(RaceWindow window) {
    return window == RaceWindow::Realistic ? "realistic" : "magnified";
}

std::optional<RaceWindow> parse_race_window(const std::string& name) {
    for (auto window : {RaceWindow::Magnified, RaceWindow::Realistic})
        if (name == race_window_name(window))
            return window;
    return std::nullopt;
}

const char* timing_profile_name(TimingProfile profile) {
    return profile == TimingProfile::MongoDB24 ? "mongodb-2.4" : "blog";
}

std::optional<TimingProfile> parse_timing_profile(const std::string& name) {
    for (auto profile : {TimingProfile::Blog, TimingProfile::MongoDB24})
        if (name == timing_profile_name(profile))
            return profile;
    return std::nullopt;
}

double mean_step_gap_us(const Interleaving& il) {
    return il.step_us + il.preempt_probability * il.preempt_mean_ms * 1000.0;
}

double race_magnification(const Scenario& s) {
    return mean_step_gap_us(s.interleaving) / mean_step_gap_us(kRealisticInterleaving);
}

std::string magnification_text(const Scenario& s) {
    // Two significant digits: "×4000", "×16", "×0.8".
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g", race_magnification(s));
    const double rounded = std::strtod(buf, nullptr);
    std::snprintf(buf, sizeof buf, rounded >= 1 ? "%.0f" : "%.1g", rounded);
    return std::string("\u00d7") + buf;
}

std::string race_window_label(const Scenario& s) {
    // Short: it shares the header's corner with the clock.
    return s.race_window == RaceWindow::Realistic ? "race realistic"
                                                  : "race " + magnification_text(s);
}

std::optional<std::string> threads_error(int threads) {
    if (threads >= kMinThreads && threads <= kMaxThreads)
        return std::nullopt;
    return "must be between " + std::to_string(kMinThreads) + " and " + std::to_string(kMaxThreads);
}

const char* fault_name(FaultKind kind) {
    switch (kind) {
    case FaultKind::Kill:
        return "kill";
    case FaultKind::Revive:
        return "revive";
    case FaultKind::StepDown:
        return "step_down";
    case FaultKind::CutOff:
        return "cut_off";
    case FaultKind::Restore:
        return "restore";
    case FaultKind::SetPing:
        return "set_ping";
    case FaultKind::AddMember:
        return "add_member";
    case FaultKind::RemoveMember:
        return "remove_member";
    case FaultKind::PowerOff:
        return "power_off";
    case FaultKind::Isolate:
        return "isolate";
    case FaultKind::Heal:
        return "heal";
    }
    return "?";
}

std::optional<FaultKind> parse_fault(const std::string& name) {
    for (auto kind :
         {FaultKind::Kill, FaultKind::Revive, FaultKind::StepDown, FaultKind::CutOff,
          FaultKind::Restore, FaultKind::SetPing, FaultKind::AddMember, FaultKind::RemoveMember,
          FaultKind::PowerOff, FaultKind::Isolate, FaultKind::Heal})
        if (name == fault_name(kind))
            return kind;
    return std::nullopt;
}

} // namespace wn
