#include "ui/model/scene_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace wn::ui {

std::string fixed(double value, int decimals) {
    // As QString::number(value, 'f', decimals), which the views used before: an exact tie
    // (1.25 to one digit) rounds away from zero, where printf would round it to even. The
    // extra digits are exact enough to tell a tie from a near miss for any double.
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", decimals + 30, std::fabs(value));
    const std::string s = buf;
    const std::size_t dot = s.find('.');
    std::string digits = s.substr(0, dot) + s.substr(dot + 1, static_cast<std::size_t>(decimals));
    if (s[dot + 1 + static_cast<std::size_t>(decimals)] >= '5') {
        std::size_t i = digits.size();
        while (i > 0 && digits[i - 1] == '9')
            digits[--i] = '0';
        if (i == 0)
            digits.insert(digits.begin(), '1');
        else
            ++digits[i - 1];
    }
    const std::size_t whole = digits.size() - static_cast<std::size_t>(decimals);
    std::string out = std::signbit(value) ? "-" : "";
    out += digits.substr(0, whole);
    if (decimals > 0)
        out += "." + digits.substr(whole);
    return out;
}

namespace {

/// As QString::number(value, 'g', 3): three significant digits, no trailing zeros.
std::string three_digits(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", value);
    return buf;
}

} // namespace

std::string step_text(const ThreadState& t, const Frame& f) {
    if (t.step == ThreadStep::Failed)
        return std::string("\u2717 ") + error_kind_name(t.last_error);
    std::string text = thread_step_name(t.step);
    if (t.target >= 0 && static_cast<std::size_t>(t.target) < f.host_names.size()) {
        const std::string& host = f.host_names[static_cast<std::size_t>(t.target)];
        if (t.step == ThreadStep::Sending)
            text = (t.op == OpKind::Write ? "write \u2192 " : "read \u2192 ") + host;
        else if (t.step == ThreadStep::Refreshing)
            text = "refresh: ismaster " + host;
        else
            text += " " + host;
    }
    return text;
}

std::string lane_label(const ThreadState& t, const Frame& f) {
    // Words, not ⏸: the scene's fonts lack U+23F8 (the token's badge is the glyph).
    const std::string paused = !t.paused ? "" : t.parked ? "paused \u00B7 " : "pausing \u00B7 ";
    if (t.held_version > 0)
        return paused + "v" + std::to_string(t.held_version) + "  " + step_text(t, f);
    return paused + step_text(t, f);
}

const char* short_step_name(ThreadStep step) {
    switch (step) {
    case ThreadStep::Thinking:
        return "idle";
    case ThreadStep::CopyingRef:
        return "copy ref";
    case ThreadStep::ReadingPrimary:
        return "read primary";
    case ThreadStep::LookingUp:
        return "lookup";
    case ThreadStep::Sending:
        return "sending";
    case ThreadStep::WaitingForRefresh:
        return "waiting";
    case ThreadStep::BlockedOnLock:
        return "blocked";
    case ThreadStep::Refreshing:
        return "refreshing";
    case ThreadStep::Publishing:
        return "publishing";
    case ThreadStep::Sleeping:
        return "sleeping";
    case ThreadStep::Failed:
        return "failed";
    case ThreadStep::WaitingForSelection:
        return "selecting";
    }
    return "?";
}

std::string step_count_label(ThreadStep step, int count) {
    return std::to_string(count) + " " + short_step_name(step);
}

std::vector<LegendEntry> grid_legend(const std::vector<ThreadState>& threads) {
    std::map<ThreadStep, int> counts;
    int paused = 0;
    for (const ThreadState& t : threads)
        t.paused ? ++paused : ++counts[t.step];
    std::vector<LegendEntry> entries;
    for (const auto& [step, n] : counts)
        entries.push_back({step, n, step_count_label(step, n)});
    if (paused > 0)
        entries.push_back({ThreadStep::Thinking, paused, std::to_string(paused) + " paused", true});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const LegendEntry& a, const LegendEntry& b) { return a.count > b.count; });
    return entries;
}

std::string threads_heading(const Frame& f) {
    return std::to_string(f.threads.size()) + " application threads";
}

std::string monitor_title(const Frame& f) {
    return f.server_monitors.empty() ? "monitor" : "monitors";
}

std::string monitor_state(const Frame& f) {
    if (!f.server_monitors.empty()) {
        const auto checking = std::count_if(f.server_monitors.begin(), f.server_monitors.end(),
                                            [](const ServerMonitorFrame& m) { return m.checking; });
        return "one per server, beside it: " + std::to_string(checking) + " checking, " +
               std::to_string(f.server_monitors.size() - static_cast<std::size_t>(checking)) +
               " asleep";
    }
    if (f.monitor.step == ThreadStep::Sleeping)
        return "sleeping: next refresh in " + fixed(std::max(0.0, f.monitor_wake_at - f.now), 1) +
               " s";
    return "refresh() in progress";
}

const char* shared_dict_guard(StrategyKind strategy) {
    switch (strategy) {
    case StrategyKind::Naive:
        return "mutated in place";
    case StrategyKind::Mutex:
        return "mutex-guarded";
    case StrategyKind::RwLock:
        return "rwlock-guarded";
    case StrategyKind::Wasp:
    case StrategyKind::Sdam:
        break;
    }
    return "shared";
}

std::string client_attributes(const Frame& f) {
    if (f.heap && f.strategy == StrategyKind::Sdam)
        return "topology.description  (swapped; one monitor per server)";
    if (f.heap)
        return "self.rsstate  (one attribute: the petiole)";
    if (f.shared)
        return "self.members, self.primary  (shared, " + f.shared->guard + ")";
    return "";
}

const char* state_type_name(StrategyKind strategy) {
    return strategy == StrategyKind::Sdam ? "TopologyDescription" : "RSState";
}

std::string version_title(const VersionFrame& v, StrategyKind strategy) {
    if (v.current) {
        std::string title = state_type_name(strategy);
        title += " v";
        title += std::to_string(v.version);
        title += "  (current)";
        return title;
    }
    std::string title = "v";
    title += std::to_string(v.version);
    if (!v.live)
        title += " (freed)";
    return title;
}

std::string version_refs(const VersionFrame& v) {
    return "refs " + std::to_string(v.refcount);
}

std::string version_primary(const VersionFrame& v) {
    return v.writer.empty() ? "no primary" : "\u265b primary: " + v.writer;
}

std::string version_error(const VersionFrame& v) {
    return "error_message: " + v.error;
}

std::string version_holders(const VersionFrame& v) {
    if (!v.live)
        return "freed at t=" + fixed(v.reclaimed_at, 3) + " s";
    constexpr int kNamed = 6;
    std::string held;
    int threads = 0;
    for (ActorId a : v.holders) {
        if (a == kActorClient)
            continue;
        if (threads < kNamed)
            held += (threads ? ", " : "") + actor_label(a);
        ++threads;
    }
    if (threads > kNamed)
        held += " \u2026 +" + std::to_string(threads - kNamed);
    return "held by " + held;
}

std::string heap_footer(const HeapFrame& heap, std::size_t boxes_shown) {
    const auto live = std::count_if(heap.versions.begin(), heap.versions.end(),
                                    [](const VersionFrame& v) { return v.live; });
    std::string footer = std::to_string(live) + " live version" + (live == 1 ? "" : "s") +
                         " \u00b7 " + std::to_string(heap.reclaimed_total) + " reclaimed";
    if (heap.versions.size() > boxes_shown)
        footer += " \u00b7 +" + std::to_string(heap.versions.size() - boxes_shown) + " not shown";
    return footer;
}

std::string shared_primary_line(const SharedDictFrame& shared) {
    return "self.primary = " + (shared.primary.empty() ? "None" : "'" + shared.primary + "'");
}

std::string members_heading(const Frame& f) {
    const bool mongodb24 = f.timing == TimingProfile::MongoDB24;
    if (f.election_pending)
        return std::string(mongodb24 ? "MongoDB 2.4 election" : "Election in progress") +
               " (decides at t=" + fixed(f.election_at, 1) + " s)";
    return mongodb24 ? "Replica set (MongoDB 2.4 timing)" : "Replica set";
}

std::string member_state(ServerRole role, bool up) {
    return up ? server_role_name(role) : "DOWN";
}

std::string member_role(const MemberFrame& m) {
    std::string role = member_state(m.role, m.up);
    if (m.cut_off)
        role += " \u00b7 cut off";
    return role;
}

std::string member_detail(const MemberFrame& m) {
    std::string detail = fixed(m.ping_ms, m.ping_ms < 10 ? 1 : 0) + " ms ping";
    if (m.ismaster_calls > 0)
        detail += " \u00b7 ismaster \u00d7" + std::to_string(m.ismaster_calls);
    return detail;
}

std::string server_monitor_line(const ServerMonitorFrame& m, double now) {
    std::string line = "\u25c6 ";
    if (m.checking)
        line += "hello in flight";
    else if (m.requested)
        line += "check requested";
    else
        line += "next hello in " + fixed(std::max(0.0, m.next_check_at - now), 1) + " s";
    if (m.rtt_ms)
        line += " \u00b7 rtt " + fixed(*m.rtt_ms, *m.rtt_ms < 10 ? 1 : 0) + " ms";
    return line;
}

std::string counters(const Frame& f) {
    const Metrics& m = f.metrics;
    const auto by_threads = m.refresh_calls - m.refresh_calls_by_monitor;
    std::string s = "refresh(): " + std::to_string(m.refresh_calls);
    if (by_threads > 0)
        s += " (" + std::to_string(by_threads) + " by app threads)";
    s += " \u00b7 ismaster: " + std::to_string(m.ismaster_calls) +
         " \u00b7 ops ok: " + std::to_string(m.ops_ok) +
         " \u00b7 AutoReconnect: " + std::to_string(m.errors_of(ErrorKind::AutoReconnect)) +
         " \u00b7 waiting now: " + std::to_string(m.waiting_now);
    if (f.heap)
        s += " \u00b7 published: " + std::to_string(m.states_published) +
             ", reclaimed: " + std::to_string(m.states_reclaimed);
    return s;
}

std::string clock_time(double now) {
    return "t = " + fixed(now, 3) + " s";
}

std::string clock_text(double now, bool playing, double speed, bool slowed) {
    return clock_time(now) + "   " + (playing ? "\u25b6 " : "paused ") +
           (playing && slowed ? "slow motion " : "") + three_digits(speed) + "\u00d7";
}

std::string clock_state_text(double now, bool playing, bool bare) {
    return (bare ? fixed(now, 3) + " s" : clock_time(now)) + (playing ? "  \u25b6" : "  paused");
}

std::string strategy_line(const Frame& f) {
    std::string line = std::string(strategy_name(f.strategy)) + " \u00b7 " + f.scenario;
    if (!f.fidelity.empty())
        line += " \u00b7 " + f.fidelity;
    return line;
}

std::array<BadgeText, 3> badge_texts(const Metrics& m) {
    struct Wording {
        std::string good, good_short, bad, bad_short, good_tiny, bad_tiny, bad_least;
        SimTime broke;
    };
    const std::string keyerrors = std::to_string(m.errors_of(ErrorKind::KeyError));
    const std::string refreshes = std::to_string(m.max_concurrent_refreshes);
    const Wording wordings[] = {
        {"every read saw one consistent state", "consistent reads",
         "inconsistent read at t=", "inconsistent read, t=", "consistent", "torn read at ",
         "torn read", m.first_inconsistent_read},
        {"at most one refresh() at a time", "\u2264 1 refresh at a time",
         refreshes + " refreshes at once from t=", refreshes + " refreshes at once, t=",
         "\u2264 1 refresh", refreshes + " refreshes", refreshes + " at once",
         m.first_concurrent_refresh},
        {"0 KeyErrors", "0 KeyErrors",
         keyerrors + " KeyError, first at t=", keyerrors + " KeyError, t=", "0 KeyErrors",
         keyerrors + (m.errors_of(ErrorKind::KeyError) == 1 ? " KeyError" : " KeyErrors"),
         "KeyError", m.first_key_error},
    };
    std::array<BadgeText, 3> out;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const Wording& w = wordings[i];
        BadgeText& b = out[i];
        b.ok = w.broke < 0;
        const std::string at = fixed(to_seconds(w.broke), 2) + " s";
        b.text = b.ok ? "\u2714 " + w.good : "\u2718 " + w.bad + at;
        b.short_text = b.ok ? "\u2714 " + w.good_short : "\u2718 " + w.bad_short + at;
        b.tiny_text =
            b.ok ? "\u2714 " + w.good_tiny : "\u2718 " + w.bad_tiny + (i == 0 ? at : std::string());
        b.least_text = b.ok ? b.tiny_text : "\u2718 " + w.bad_least;
        b.wrapped_text = b.ok && i == 0 ? "\u2714 no torn reads" : b.least_text;
    }
    return out;
}

std::string times_label(int count) {
    return "\u00d7" + std::to_string(count);
}

} // namespace wn::ui
