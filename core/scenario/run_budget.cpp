#include "scenario/run_budget.h"

#include "scenario/scenario_json.h"

#include <algorithm>
#include <cstdio>

namespace wn {
namespace {

constexpr double kEventsPerOperation = 7;
constexpr double kDescheduledStepsPerOperation = 2;

std::string sci(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 1e6 ? "%.0f" : "%.2g", v);
    return buf;
}

} // namespace

double estimate_events(const Scenario& s) {
    double min_ping_ms = 1e9;
    for (const MemberSpec& m : s.members)
        min_ping_ms = std::min(min_ping_ms, m.ping_ms);
    if (s.members.empty())
        min_ping_ms = 0;
    const Interleaving& il = s.effective_interleaving();
    const double op_ms = s.workload.think_ms + s.workload.server_op_ms + 2 * min_ping_ms +
                         kDescheduledStepsPerOperation *
                             (il.step_us / 1000 + il.preempt_probability * il.preempt_mean_ms);
    // A floor: the engine still spends an event on each step however small the times.
    const double ops_per_thread_s = 1000 / std::max(op_ms, 1e-3);
    return s.threads * s.duration_s * ops_per_thread_s * kEventsPerOperation;
}

void check_run_budget(const Scenario& s, const std::string& source, double max_events,
                      const std::string& where) {
    const double events = estimate_events(s);
    if (events <= max_events)
        return;
    throw ScenarioError(source + ": about " + sci(events) + " events to simulate (" +
                        std::to_string(s.threads) + " threads for " + sci(s.duration_s) +
                        " s), more than the " + sci(max_events) + " " + where +
                        "; use fewer threads, a shorter duration_s or a longer "
                        "workload.think_ms");
}

void check_window_budget(const Scenario& s, const std::string& source) {
    check_run_budget(s, source, kMaxWindowEvents,
                     "the window can keep for exact seeking (waspsnest-cli runs more)");
}

} // namespace wn
