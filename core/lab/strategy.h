#pragma once

// The lab's strategies. The lab runs real threads, so it has no "naive" strategy (unlocked
// in-place mutation there would be a real data race, undefined behaviour rather than a
// demonstration), and it has two RCU reclaimers where the simulation has one wasp: the real
// RcuCell can free old states by grace periods or by reference counts, and the lab compares
// both. The shared strategies (wasp, mutex, rwlock) take their names from the simulation's
// StrategyKind, so that both spell them the same.

#include "scenario/scenario.h"

#include <array>
#include <optional>
#include <string_view>

namespace wn::lab {

enum class Strategy {
    /// RcuCell<RSState, EpochReclaimer>: grace periods, readers write only their own slot.
    wasp,
    /// RcuCell<RSState, RefCountReclaimer>: what CPython did; the last reader frees a state.
    wasp_refcount,
    /// One std::mutex around a mutable state.
    mutex,
    /// One std::shared_mutex: readers share, the refresh excludes them all.
    rwlock,
};

inline constexpr std::array<Strategy, 4> kAllStrategies = {Strategy::wasp, Strategy::wasp_refcount,
                                                           Strategy::mutex, Strategy::rwlock};

/// The simulation's strategy of the same name, or nothing for wasp_refcount.
std::optional<StrategyKind> simulated_kind(Strategy s);
/// "wasp", "wasp-refcount", "mutex", "rwlock".
const char* strategy_name(Strategy s);
/// Human label for charts: "wasp (RCU, epochs)", ...
const char* strategy_label(Strategy s);
std::optional<Strategy> parse_strategy(std::string_view name);
/// True for the strategies that publish into an RcuCell (and have retired values).
constexpr bool is_rcu(Strategy s) {
    return s == Strategy::wasp || s == Strategy::wasp_refcount;
}

} // namespace wn::lab
