#pragma once

#include "scenario/scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wn {

/// The kinds of event a tour step can run to ("until": the next one).
enum class StopEvent {
    KeyError,        // an operation ends in KeyError
    AutoReconnect,   // an operation ends in AutoReconnect
    Error,           // an operation ends in any error
    Publish,         // a new RSState version is published (wasp)
    Reclaim,         // an RSState version is freed
    Refresh,         // refresh() begins, by anyone
    ThreadRefresh,   // an application thread begins refresh() itself (the herd)
    MonitorWake,     // the monitor wakes (timer or schedule_refresh)
    ScheduleRefresh, // a thread calls monitor.schedule_refresh()
    LockWait,        // a thread starts waiting on the lock
    MemberPop,       // self.members.pop(host) (naive, mutex, rwlock)
    MemberDown,      // a member dies or loses power
    PrimaryDown,     // the primary dies, loses power or steps down
    Election,        // a member is elected primary
    NoPrimary,       // an election finds no primary
};
const char* stop_event_name(StopEvent event);
std::optional<StopEvent> parse_stop_event(const std::string& name);
/// "key_error, auto_reconnect, ...": every name, for error messages and docs.
std::string stop_event_names();

/// Where a step runs to: a time, or the next event of a kind at or after `after_s`.
struct TourStop {
    bool until = false;
    double at_s = 0;    // !until
    StopEvent event{};  // until
    double after_s = 0; // until
};

/// The element a step keeps lit while everything else dims.
struct Spotlight {
    enum class Kind { None, Thread, Member, Version, Monitor, Client, Heap, Chart };
    Kind kind = Kind::None;
    int thread = 0;     // Thread: 1..threads
    std::string member; // Member: "db1:27017"
    int version = 0;    // Version: v1, v2 ...
    std::string chart;  // Chart: one of tour_chart_names()
};
/// The charts a step may spotlight, as named in tour files.
const std::vector<std::string>& tour_chart_names();

struct TourStep {
    std::string scenario;                 // a built-in scenario's name
    std::vector<StrategyKind> strategies; // 1..4; more than one: side by side
    int threads = 0;                      // 0: the scenario's own
    std::optional<std::uint64_t> seed;    // none: the scenario's own
    TourStop stop;
    double speed = 1;
    Spotlight spotlight;
    std::string text;    // one or two sentences, shown in large type
    std::string quote;   // optional, verbatim from the blog
    std::string section; // the blog's section the quote is from
};

struct TourChapter {
    std::string title;
    std::vector<TourStep> steps;
};

struct Tour {
    std::string title;
    std::vector<TourChapter> chapters;

    std::size_t step_count() const;
};

/// Limits on what a tour file may hold (docs/tours.md lists them).
constexpr std::size_t kMaxTourFileBytes = 1 << 20;
constexpr std::size_t kMaxTourChapters = 30;
constexpr std::size_t kMaxChapterSteps = 50;
constexpr std::size_t kMaxTourTitle = 120;
constexpr std::size_t kMaxStepText = 400;
constexpr std::size_t kMaxQuote = 600;
constexpr double kMinTourSpeed = 0.01;
constexpr double kMaxTourSpeed = 100;

/// The scenario a step runs: the built-in scenario with the step's strategy (the first of
/// a comparison), threads and seed.
Scenario step_scenario(const TourStep& step);
/// Whether two steps run the same thing, so the second continues the first's run.
bool same_run(const TourStep& a, const TourStep& b);

} // namespace wn
