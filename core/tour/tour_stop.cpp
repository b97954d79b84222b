#include "tour/tour_stop.h"

#include "simulation.h"

#include <memory>

namespace wn {
namespace {

/// The member a run starts with as primary: the replica set starts settled on the first
/// data-bearing member of the highest priority.
HostId starting_primary(const Simulation& sim) {
    const MemberSpec* best = nullptr;
    for (const MemberSpec& m : sim.scenario().members)
        if (!m.arbiter && m.priority > 0 && (!best || m.priority > best->priority))
            best = &m;
    if (!best)
        return kNoHost;
    return sim.hosts().find(best->host).value_or(kNoHost);
}

} // namespace

StopScanner::StopScanner(const Simulation& sim, const TourStop& stop)
    : m_stop(stop), m_primary(starting_primary(sim)) {
}

bool StopScanner::matches(const TraceEvent& e) const {
    const auto error = static_cast<ErrorKind>(e.a);
    switch (m_stop.event) {
    case StopEvent::KeyError:
        return e.kind == EventKind::OpEnd && error == ErrorKind::KeyError;
    case StopEvent::AutoReconnect:
        return e.kind == EventKind::OpEnd && error == ErrorKind::AutoReconnect;
    case StopEvent::Error:
        return e.kind == EventKind::OpEnd && error != ErrorKind::None;
    case StopEvent::Publish:
        return e.kind == EventKind::Publish;
    case StopEvent::Reclaim:
        return e.kind == EventKind::Reclaim;
    case StopEvent::Refresh:
        return e.kind == EventKind::RefreshBegin;
    case StopEvent::ThreadRefresh:
        return e.kind == EventKind::RefreshBegin && e.actor > 0;
    case StopEvent::MonitorWake:
        return e.kind == EventKind::MonitorWake;
    case StopEvent::ScheduleRefresh:
        return e.kind == EventKind::ScheduleRefresh;
    case StopEvent::LockWait:
        return e.kind == EventKind::LockWait;
    case StopEvent::MemberPop:
        return e.kind == EventKind::MemberPop;
    case StopEvent::MemberDown:
        return e.kind == EventKind::ServerDown || e.kind == EventKind::PowerOff;
    case StopEvent::PrimaryDown:
        return (e.kind == EventKind::ServerDown || e.kind == EventKind::PowerOff ||
                e.kind == EventKind::StepDown) &&
               e.a == m_primary && m_primary != kNoHost;
    case StopEvent::Election:
        return e.kind == EventKind::Elected;
    case StopEvent::NoPrimary:
        return e.kind == EventKind::NoPrimary;
    }
    return false;
}

std::optional<std::size_t> StopScanner::scan(const Simulation& sim, std::size_t from_event) {
    const std::vector<TraceEvent>& events = sim.trace().events();
    const SimTime after = from_seconds(m_stop.after_s);
    for (; !m_found && m_next < events.size(); ++m_next) {
        const TraceEvent& e = events[m_next];
        if (m_next >= from_event && e.time >= after && matches(e))
            m_found = m_next;
        // After the match test: the primary that dies is the one before this event.
        if (e.kind == EventKind::Elected)
            m_primary = e.a;
        else if (e.a == m_primary &&
                 (e.kind == EventKind::ServerDown || e.kind == EventKind::PowerOff ||
                  e.kind == EventKind::StepDown))
            m_primary = kNoHost;
    }
    return m_found;
}

bool stop_reached(const Simulation& sim, const TourStop& stop, std::size_t from_event) {
    if (!stop.until)
        return sim.now() >= from_seconds(stop.at_s);
    StopScanner scanner(sim, stop);
    return scanner.scan(sim, from_event).has_value();
}

std::optional<double> run_to_stop(Simulation& sim, const TourStop& stop, std::size_t from_event) {
    if (!stop.until) {
        if (from_seconds(stop.at_s) > sim.end_time())
            return std::nullopt;
        sim.run_until(from_seconds(stop.at_s));
        return stop.at_s;
    }
    StopScanner scanner(sim, stop);
    while (true) {
        if (const auto index = scanner.scan(sim, from_event))
            return to_seconds(sim.trace().events()[*index].time);
        if (!sim.step_event()) {
            sim.run(); // the clock to the end: nothing is left to happen
            return std::nullopt;
        }
    }
}

std::vector<std::optional<double>> plan_tour(const Tour& tour) {
    std::vector<std::optional<double>> stops;
    const TourStep* previous = nullptr;
    std::unique_ptr<Simulation> sim;
    for (const TourChapter& chapter : tour.chapters)
        for (const TourStep& step : chapter.steps) {
            if (!previous || !same_run(*previous, step))
                sim = std::make_unique<Simulation>(step_scenario(step), true);
            stops.push_back(run_to_stop(*sim, step.stop, sim->trace().events().size()));
            previous = &step;
        }
    return stops;
}

} // namespace wn
