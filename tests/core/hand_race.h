#pragma once

// The blog's race played by hand, as a presenter clicks it: shared by the engine's tests and
// the replay tests.
#include "simulation.h"

#include <gtest/gtest.h>
#include <optional>

namespace wn::test {

/// Only writes, so T1's operation always starts in __find_primary; four threads so another
/// thread's failed write runs into the dead primary.
inline Scenario hand_race_scenario(StrategyKind strategy) {
    Scenario s;
    s.members = {MemberSpec{"db1:27017", 2}, MemberSpec{"db2:27017"}, MemberSpec{"db3:27017"}};
    s.duration_s = 60;
    s.threads = 4;
    s.strategy = strategy;
    s.workload.read_fraction = 0;
    return s;
}

inline UserAction thread_action(UserAction::Kind kind, int thread) {
    UserAction a;
    a.kind = kind;
    a.thread = thread;
    return a;
}

inline const ThreadState& thread_of(const Simulation& sim, ActorId id) {
    return sim.client().threads()[static_cast<std::size_t>(id)];
}

/// Runs entries until thread `id` stands at a line; false when the run ends first.
inline bool run_until_parked(Simulation& sim, ActorId id) {
    while (!thread_of(sim, id).parked)
        if (!sim.run_entry())
            return false;
    return true;
}

/// Pauses `id`, then steps it line by line until it stands at `point`; false if it never
/// gets there within `max_steps` lines.
inline bool pause_at(Simulation& sim, ActorId id, CodePoint point, int max_steps = 200) {
    if (!sim.apply(thread_action(UserAction::Kind::PauseThread, id)).empty())
        return false;
    for (int i = 0; i < max_steps; ++i) {
        if (!run_until_parked(sim, id))
            return false;
        if (thread_of(sim, id).point == point)
            return true;
        if (!sim.apply(thread_action(UserAction::Kind::StepThread, id)).empty())
            return false;
    }
    return false;
}

/// The first event of `kind` by `actor` (any actor: nullopt) at index `from` or later.
inline std::optional<TraceEvent> find_event(const Simulation& sim, EventKind kind,
                                            std::optional<ActorId> actor, std::size_t from = 0) {
    const auto& events = sim.trace().events();
    for (std::size_t i = from; i < events.size(); ++i)
        if (events[i].kind == kind && (!actor || events[i].actor == *actor))
            return events[i];
    return std::nullopt;
}

/// Runs until `done()` or `limit` virtual time; false if the limit came first.
template <class Done> bool run_until(Simulation& sim, SimTime limit, Done done) {
    while (!done()) {
        if (sim.now() > limit || !sim.run_entry())
            return false;
    }
    return true;
}

inline UserAction kill_action(const std::string& host) {
    UserAction a;
    a.fault.kind = FaultKind::Kill;
    a.fault.host = host;
    return a;
}

} // namespace wn::test
