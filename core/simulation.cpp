#include "simulation.h"

namespace wn {

Simulation::Simulation(Scenario scenario, bool keep_events, std::size_t kept_cap)
    : m_scenario(std::move(scenario)), m_end(from_seconds(m_scenario.duration_s)),
      m_trace(keep_events, kept_cap) {
    m_world = std::make_unique<ReplicaSet>(m_scheduler, m_hosts, m_trace, m_scenario);
    m_client = Client::create(m_scenario, m_scheduler, m_hosts, *m_world, m_trace);
    for (const Fault& fault : m_scenario.timeline) {
        m_scheduler.call_at(from_seconds(fault.at_s), [this, fault] {
            UserAction action;
            action.fault = fault;
            const std::string why = perform(action, kActorScenario);
            if (!why.empty())
                m_notes.push_back("t=" + std::to_string(fault.at_s) + "s " +
                                  fault_name(fault.kind) + ": " + why);
        });
    }
    // Entry counts are positions in a run of the recorded strategy; under another, the
    // clicks land at their times instead.
    const bool exact = m_scenario.recorded.strategy == m_scenario.strategy;
    for (UserAction action : m_scenario.recorded.actions) {
        action.by_time = action.by_time || !exact;
        schedule(action);
    }
    m_client->start();
}

Simulation::~Simulation() = default;

void Simulation::run_until(SimTime t) {
    if (t > m_end)
        t = m_end;
    for (;;) {
        // Nothing is pending in almost every iteration: skip the call.
        if (!m_pending.empty())
            apply_due_actions(t);
        if (m_scheduler.empty() || m_scheduler.next_time() > t)
            break;
        // A replayed click must land between exactly the entries it was made between.
        m_scheduler.set_run_now_horizon(m_pending.empty() ? t : -1);
        m_scheduler.run_one();
    }
    m_scheduler.set_run_now_horizon(-1);
    m_scheduler.advance_to(t);
}

bool Simulation::run_entry() {
    apply_due_actions();
    if (m_scheduler.empty() || m_scheduler.next_time() > m_end)
        return false;
    m_scheduler.run_one();
    return true;
}

bool Simulation::step_event() {
    const std::uint64_t before = m_trace.count();
    while (m_trace.count() == before) {
        apply_due_actions();
        if (m_scheduler.empty() || m_scheduler.next_time() > m_end)
            return false;
        m_scheduler.run_one();
    }
    return true;
}

std::string Simulation::perform(const UserAction& action, ActorId actor) {
    switch (action.kind) {
    case UserAction::Kind::WakeMonitor:
        m_client->schedule_refresh(actor);
        return "";
    case UserAction::Kind::PauseThread:
        return m_client->pause_thread(action.thread);
    case UserAction::Kind::ResumeThread:
        return m_client->resume_thread(action.thread);
    case UserAction::Kind::StepThread:
        return m_client->step_thread(action.thread);
    case UserAction::Kind::Fault:
        break;
    }
    return m_world->apply(action.fault, actor);
}

std::string Simulation::apply(const UserAction& action) {
    UserAction recorded = action;
    recorded.at = now();
    recorded.after_entries = m_scheduler.processed();
    const std::string why = perform(recorded, kActorUser);
    if (why.empty())
        m_actions.push_back(recorded);
    return why;
}

void Simulation::schedule(const UserAction& action) {
    m_pending.push_back(action);
}

void Simulation::apply_due_actions(SimTime limit) {
    // Applying a click moves the clock to its time: one after `limit` waits for a later
    // call (nothing runs in between, as the next entry is not due before the click).
    auto due = [this, limit](const UserAction& a) {
        if (a.at > limit)
            return false;
        if (a.by_time)
            return m_scheduler.empty() || m_scheduler.next_time() > a.at;
        return a.after_entries <= m_scheduler.processed();
    };
    while (!m_pending.empty() && due(m_pending.front())) {
        UserAction action = m_pending.front();
        m_pending.pop_front();
        m_scheduler.advance_to(action.at);
        // From now on it is an exact position in this run.
        action.after_entries = m_scheduler.processed();
        action.by_time = false;
        if (perform(action, kActorUser).empty())
            m_actions.push_back(action);
    }
}

} // namespace wn
