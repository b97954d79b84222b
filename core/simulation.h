#pragma once

#include "client/client.h"
#include "model/hosts.h"
#include "scenario/scenario.h"
#include "sim/scheduler.h"
#include "trace/trace.h"
#include "world/replica_set.h"

#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace wn {

/// One run: the replica set, the client under one strategy, the clock and the trace.
/// Deterministic: the scenario (with its seed) and the user actions decide every event.
class Simulation {
public:
    /// `kept_cap`: with `keep_events`, how many of the newest events the trace keeps (a
    /// viewer's window); the hash covers every event whatever the cap.
    explicit Simulation(Scenario scenario, bool keep_events = false,
                        std::size_t kept_cap = TraceEvents::kUnbounded);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    const Scenario& scenario() const { return m_scenario; }
    SimTime now() const { return m_scheduler.now(); }
    SimTime end_time() const { return m_end; }
    bool finished() const { return now() >= m_end; }

    /// Runs every event up to and including time `t` (capped at the end), then sets the
    /// clock to `t`.
    void run_until(SimTime t);
    void run() { run_until(m_end); }
    /// Runs until the trace has grown by at least one event; false when nothing is left.
    bool step_event();
    /// Runs one scheduler entry (any due replay action first); false when nothing is left.
    bool run_entry();
    /// Scheduler entries run so far: the finest position in the run.
    std::uint64_t entries() const { return m_scheduler.processed(); }
    /// Of those, the ones run at once inside another (Scheduler::try_run_now).
    std::uint64_t scheduler_ran_now() const { return m_scheduler.ran_now(); }
    /// Forgets queued replay actions (the user changed the past, so its future is void).
    void drop_pending_actions() { m_pending.clear(); }

    /// Applies a user action now; returns "" or a one-line reason it was refused.
    std::string apply(const UserAction& action);
    /// Queues a recorded action (replay); it is applied at exactly the recorded moment, so
    /// actions must be scheduled in order and before the run passes them.
    void schedule(const UserAction& action);
    const std::vector<UserAction>& user_actions() const { return m_actions; }
    /// Applies queued replay actions whose moment has come; runs before every entry, and
    /// by hand when a run stops at an exact position (a restored playhead). A click timed
    /// after `limit` waits: run_until(t) must not move the clock past t to apply it.
    void apply_due_actions(SimTime limit = std::numeric_limits<SimTime>::max());
    /// Scenario faults that could not be applied when their time came (e.g. killing a dead
    /// member), with the reason.
    const std::vector<std::string>& fault_notes() const { return m_notes; }

    const Client& client() const { return *m_client; }
    const ReplicaSet& world() const { return *m_world; }
    const HostTable& hosts() const { return m_hosts; }
    const Trace& trace() const { return m_trace; }
    const Metrics& metrics() const { return m_client->metrics(); }

private:
    std::string perform(const UserAction& action, ActorId actor);

    Scenario m_scenario;
    SimTime m_end;
    Scheduler m_scheduler;
    HostTable m_hosts;
    Trace m_trace;
    std::unique_ptr<ReplicaSet> m_world;
    std::unique_ptr<Client> m_client;
    std::vector<UserAction> m_actions;
    std::deque<UserAction> m_pending;
    std::vector<std::string> m_notes;
};

} // namespace wn
