#include "scenario/recorded_json.h"

#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <nlohmann/json.hpp>

namespace wn {
namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxMicros = 86400ull * 1000000ull;

class Reader {
public:
    explicit Reader(const std::string& source) : m_source(source) {}
    [[noreturn]] void fail(const std::string& field, const std::string& why) const {
        throw ScenarioError(m_source + ": field '" + printable(field, 80) + "': " + why);
    }
    void object(const json& j, const std::string& path, std::initializer_list<const char*> keys) {
        if (!j.is_object())
            fail(path, "must be an object");
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool known = false;
            for (const char* k : keys)
                known = known || it.key() == k;
            if (!known)
                fail(path + "." + it.key(), "unknown field");
        }
    }
    std::uint64_t count(const json& j, const std::string& path, std::uint64_t hi) const {
        if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0))
            fail(path, "must be a non-negative integer");
        const auto v = j.get<std::uint64_t>();
        if (v > hi)
            fail(path, "must be at most " + std::to_string(hi));
        return v;
    }
    double seconds(const json& j, const std::string& path, double hi) const {
        if (!j.is_number() || j.get<double>() < 0 || j.get<double>() > hi) {
            std::string limit = std::to_string(hi); // 60 as "60", not "60.000000"
            limit.erase(limit.find_last_not_of('0') + 1);
            if (limit.back() == '.')
                limit.pop_back();
            fail(path, "must be a number of seconds between 0 and " + limit);
        }
        return j.get<double>();
    }
    std::string text(const json& j, const std::string& path, std::size_t max_length) const {
        if (!j.is_string())
            fail(path, "must be a string");
        const std::string s = j.get<std::string>();
        if (s.size() > max_length)
            fail(path, "is " + std::to_string(s.size()) + " bytes long; at most " +
                           std::to_string(max_length) + " are allowed");
        return s;
    }

private:
    const std::string& m_source;
};

struct ThreadActionName {
    const char* name;
    UserAction::Kind kind;
};
constexpr ThreadActionName kThreadActions[] = {
    {"pause_thread", UserAction::Kind::PauseThread},
    {"resume_thread", UserAction::Kind::ResumeThread},
    {"step_thread", UserAction::Kind::StepThread},
};

UserAction parse_action(Reader& r, const json& j, const std::string& path,
                        const std::string& source, int threads) {
    if (!j.is_object())
        r.fail(path, "must be an object");
    UserAction a;
    if (!j.contains("at_us") || !j.contains("after_entries") || !j.contains("action"))
        r.fail(path, "needs at_us, after_entries and action");
    a.at = static_cast<SimTime>(r.count(j["at_us"], path + ".at_us", kMaxMicros));
    a.after_entries = r.count(j["after_entries"], path + ".after_entries", UINT64_MAX);
    const std::string action = r.text(j["action"], path + ".action", 64);
    if (action == "wake_monitor") {
        r.object(j, path, {"at_us", "after_entries", "action"});
        a.kind = UserAction::Kind::WakeMonitor;
        return a;
    }
    for (const ThreadActionName& t : kThreadActions) {
        if (action != t.name)
            continue;
        r.object(j, path, {"at_us", "after_entries", "action", "thread"});
        if (!j.contains("thread"))
            r.fail(path + ".thread",
                   "is required (1 to " + std::to_string(threads) + ", or 0 for the monitor)");
        a.kind = t.kind;
        a.thread = static_cast<int>(
            r.count(j["thread"], path + ".thread", static_cast<std::uint64_t>(threads)));
        return a;
    }
    // The rest is a timeline fault without its time: its own checks apply.
    json fault = j;
    fault.erase("at_us");
    fault.erase("after_entries");
    fault.erase("action");
    fault["fault"] = action;
    try {
        a.fault = parse_fault_json(fault, path, source);
    } catch (const ScenarioError& e) {
        std::string why = e.what();
        if (const auto at = why.find(path + ".fault'"); at != std::string::npos)
            why.replace(at, path.size() + 7, path + ".action'");
        throw ScenarioError(why);
    }
    a.fault.at_s = to_seconds(a.at);
    return a;
}

} // namespace

RecordedRun parse_recorded_run(const json& j, const Scenario& scenario, const std::string& source) {
    Reader r(source);
    r.object(j, "run", {"strategy", "user_actions", "playhead_s", "playhead_entries", "bookmarks"});
    RecordedRun run;
    run.strategy = scenario.strategy;
    if (j.contains("strategy")) {
        const auto kind = parse_strategy(r.text(j["strategy"], "run.strategy", 64));
        if (!kind)
            r.fail("run.strategy", "must be naive, mutex, rwlock, wasp or sdam");
        run.strategy = *kind;
    }
    if (j.contains("user_actions")) {
        const json& list = j["user_actions"];
        if (!list.is_array())
            r.fail("run.user_actions", "must be a list of actions");
        if (list.size() > kMaxUserActions)
            r.fail("run.user_actions", "lists " + std::to_string(list.size()) +
                                           " actions; at most " + std::to_string(kMaxUserActions) +
                                           " are allowed");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "run.user_actions[" + std::to_string(i) + "]";
            UserAction a = parse_action(r, list[i], path, source, scenario.threads);
            // Replay applies them in order, so they must be in the order they happened.
            if (!run.actions.empty() && (a.after_entries < run.actions.back().after_entries ||
                                         a.at < run.actions.back().at))
                r.fail(path, "comes before the action listed above it");
            run.actions.push_back(a);
        }
    }
    if (j.contains("playhead_s"))
        run.playhead_s = r.seconds(j["playhead_s"], "run.playhead_s", scenario.duration_s);
    if (j.contains("playhead_entries"))
        run.playhead_entries = r.count(j["playhead_entries"], "run.playhead_entries", UINT64_MAX);
    if (j.contains("bookmarks")) {
        const json& list = j["bookmarks"];
        if (!list.is_array())
            r.fail("run.bookmarks", "must be a list of bookmarks");
        if (list.size() > kMaxBookmarks)
            r.fail("run.bookmarks", "lists " + std::to_string(list.size()) +
                                        " bookmarks; at most " + std::to_string(kMaxBookmarks) +
                                        " are allowed");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "run.bookmarks[" + std::to_string(i) + "]";
            r.object(list[i], path, {"name", "at_s"});
            if (!list[i].contains("at_s"))
                r.fail(path + ".at_s", "is required");
            Bookmark b;
            b.at_s = r.seconds(list[i]["at_s"], path + ".at_s", scenario.duration_s);
            if (list[i].contains("name"))
                b.name = r.text(list[i]["name"], path + ".name", kMaxNameLength);
            run.bookmarks.push_back(b);
        }
    }
    return run;
}

json recorded_run_to_json(const RecordedRun& run) {
    json j;
    j["strategy"] = strategy_name(run.strategy);
    j["user_actions"] = json::array();
    for (const UserAction& a : run.actions) {
        json entry = {{"at_us", a.at}, {"after_entries", a.after_entries}};
        if (a.kind == UserAction::Kind::WakeMonitor) {
            entry["action"] = "wake_monitor";
        } else if (a.kind != UserAction::Kind::Fault) {
            for (const ThreadActionName& t : kThreadActions)
                if (t.kind == a.kind)
                    entry["action"] = t.name;
            entry["thread"] = a.thread;
        } else {
            entry["action"] = fault_name(a.fault.kind);
            if (!a.fault.host.empty())
                entry["host"] = a.fault.host;
            if (a.fault.kind == FaultKind::SetPing || a.fault.kind == FaultKind::AddMember)
                entry["ping_ms"] = a.fault.ping_ms;
            if (a.fault.kind == FaultKind::AddMember) {
                entry["priority"] = a.fault.priority;
                entry["arbiter"] = a.fault.arbiter;
            }
        }
        j["user_actions"].push_back(entry);
    }
    j["playhead_s"] = run.playhead_s;
    j["playhead_entries"] = run.playhead_entries;
    j["bookmarks"] = json::array();
    for (const Bookmark& b : run.bookmarks)
        j["bookmarks"].push_back({{"name", b.name}, {"at_s", b.at_s}});
    return j;
}

} // namespace wn
