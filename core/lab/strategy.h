#pragma once

// The lab's strategies. The lab has two RCU reclaimers where the simulation has one wasp: the
// real RcuCell can free old states by grace periods or by reference counts, and the lab
// compares both. Its "naive (in place)" is the blog's client in real threads: the monitor
// rewrites one member table field by field while readers look members[primary] up in it. Each
// field is a relaxed std::atomic, so the program has no undefined behaviour (and TSan stays
// quiet) while the table as a whole tears exactly as the Python dict did. The shared
// strategies (wasp, mutex, rwlock) take their names from the simulation's StrategyKind, so
// that both spell them the same.

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
    /// One member table and primary index rewritten in place, field by field, no lock.
    naive_in_place,
};

/// The strategies whose readers always see one whole state.
inline constexpr std::array<Strategy, 4> kConsistentStrategies = {
    Strategy::wasp, Strategy::wasp_refcount, Strategy::mutex, Strategy::rwlock};
inline constexpr std::array<Strategy, 5> kAllStrategies = {Strategy::wasp, Strategy::wasp_refcount,
                                                           Strategy::mutex, Strategy::rwlock,
                                                           Strategy::naive_in_place};

/// The simulation's strategy of the same name, or nothing for wasp_refcount and
/// naive_in_place (the simulation's naive steps through Python lines; this one races for real).
std::optional<StrategyKind> simulated_kind(Strategy s);
/// "wasp", "wasp-refcount", "mutex", "rwlock", "naive-in-place".
const char* strategy_name(Strategy s);
/// Human label for charts: "wasp (RCU, epochs)", ...
const char* strategy_label(Strategy s);
std::optional<Strategy> parse_strategy(std::string_view name);
/// True for the strategies that publish into an RcuCell (and have retired values).
constexpr bool is_rcu(Strategy s) {
    return s == Strategy::wasp || s == Strategy::wasp_refcount;
}

} // namespace wn::lab
