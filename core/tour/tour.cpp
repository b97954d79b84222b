#include "tour/tour.h"

#include "scenario/library.h"

#include <array>
#include <utility>

namespace wn {
namespace {

constexpr std::array<std::pair<StopEvent, const char*>, 15> kStopNames{{
    {StopEvent::KeyError, "key_error"},
    {StopEvent::AutoReconnect, "auto_reconnect"},
    {StopEvent::Error, "error"},
    {StopEvent::Publish, "publish"},
    {StopEvent::Reclaim, "reclaim"},
    {StopEvent::Refresh, "refresh"},
    {StopEvent::ThreadRefresh, "thread_refresh"},
    {StopEvent::MonitorWake, "monitor_wake"},
    {StopEvent::ScheduleRefresh, "schedule_refresh"},
    {StopEvent::LockWait, "lock_wait"},
    {StopEvent::MemberPop, "member_pop"},
    {StopEvent::MemberDown, "member_down"},
    {StopEvent::PrimaryDown, "primary_down"},
    {StopEvent::Election, "election"},
    {StopEvent::NoPrimary, "no_primary"},
}};

} // namespace

const char* stop_event_name(StopEvent event) {
    for (const auto& [e, name] : kStopNames)
        if (e == event)
            return name;
    return "?";
}

std::optional<StopEvent> parse_stop_event(const std::string& name) {
    for (const auto& [e, n] : kStopNames)
        if (name == n)
            return e;
    return std::nullopt;
}

std::string stop_event_names() {
    std::string all;
    for (const auto& [e, name] : kStopNames)
        all += (all.empty() ? "" : ", ") + std::string(name);
    return all;
}

const std::vector<std::string>& tour_chart_names() {
    // The charts panel's charts, in its order.
    static const std::vector<std::string> names{"ismaster", "refreshes", "ops",  "errors",
                                                "waiting",  "versions",  "pings"};
    return names;
}

std::size_t Tour::step_count() const {
    std::size_t n = 0;
    for (const TourChapter& c : chapters)
        n += c.steps.size();
    return n;
}

Scenario step_scenario(const TourStep& step) {
    Scenario s = load_scenario(step.scenario);
    if (!step.strategies.empty())
        s.strategy = step.strategies.front();
    if (step.threads > 0)
        s.threads = step.threads;
    if (step.seed)
        s.seed = *step.seed;
    return s;
}

bool same_run(const TourStep& a, const TourStep& b) {
    return a.scenario == b.scenario && a.strategies == b.strategies && a.threads == b.threads &&
           a.seed == b.seed;
}

} // namespace wn
