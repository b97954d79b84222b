#include "scenario/scenario_json.h"

#include "scenario/host_port.h"
#include "scenario/json_fields.h"
#include "scenario/json_reader.h"
#include "scenario/printable.h"
#include "scenario/recorded_json.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace wn {
namespace {

using nlohmann::json;

/// A member's address, checked and given the default port (see host_port.h).
void read_host(JsonFields& f, const std::string& key, std::string& out) {
    std::string raw;
    f.string(key, raw, kMaxHostLength + 6);
    if (!f.has(key))
        return;
    const HostPort hp = parse_host_port(raw);
    if (!hp.error.empty())
        f.fail(key, "'" + printable(raw) + "' " + hp.error);
    out = hp.normalized;
}

MemberSpec parse_member(const json& j, const std::string& path, const std::string& source) {
    JsonFields f(j, path, source);
    MemberSpec m;
    read_host(f, "host", m.host);
    if (m.host.empty())
        f.fail("host", "is required");
    f.integer("priority", m.priority, 0, 1000);
    f.number("ping_ms", m.ping_ms, 0, 10000, "ms");
    f.number("jitter_ms", m.jitter_ms, 0, 10000, "ms");
    f.boolean("arbiter", m.arbiter);
    f.finish();
    return m;
}

Fault parse_fault_entry(const json& j, const std::string& path, const std::string& source) {
    JsonFields f(j, path, source);
    Fault fault;
    f.number("at_s", fault.at_s, 0, 86400, "s");
    std::string kind;
    f.string("fault", kind, 64);
    const auto parsed = parse_fault(kind);
    if (!parsed)
        f.fail("fault", "must be one of kill, power_off, revive, step_down, cut_off, "
                        "restore, set_ping, add_member, remove_member, isolate, heal "
                        "(got '" +
                            printable(kind) + "')");
    fault.kind = *parsed;
    const bool add = fault.kind == FaultKind::AddMember;
    const bool set_ping = fault.kind == FaultKind::SetPing;
    f.reject_unless("ping_ms", add || set_ping, "applies only to set_ping and add_member");
    f.reject_unless("priority", add, "applies only to add_member");
    f.reject_unless("arbiter", add, "applies only to add_member");
    if (set_ping && !f.has("ping_ms"))
        f.fail("ping_ms", "is required for set_ping");
    read_host(f, "host", fault.host);
    f.number("ping_ms", fault.ping_ms, 0, 10000, "ms");
    f.integer("priority", fault.priority, 0, 1000);
    f.boolean("arbiter", fault.arbiter);
    f.finish();
    if (fault.host.empty() && !add)
        f.fail("host", "is required for " + kind);
    return fault;
}

} // namespace

Fault parse_fault_json(const json& entry, const std::string& path, const std::string& source) {
    return parse_fault_entry(entry, path, source);
}

Scenario parse_scenario(const std::string& text, const std::string& source) {
    const json doc = read_json_document(text, source);
    JsonFields f(doc, "", source);
    Scenario s;
    // Format 1 (no "format" field) is a scenario alone; format 2 may add a recorded run.
    int format = 1;
    f.integer("format", format, 1, 1000000);
    if (format > kScenarioFormat)
        f.fail("format", "is " + std::to_string(format) +
                             ": the file was written by a newer Wasp's Nest; this one reads "
                             "formats 1 to " +
                             std::to_string(kScenarioFormat));
    if (f.has("run") && format < 2)
        f.fail("run", "needs \"format\": 2");
    s.name = scenario_name_from_source(source);
    f.string("name", s.name, kMaxNameLength);
    f.string("description", s.description, kMaxDescriptionLength);
    f.string("set_name", s.set_name, kMaxNameLength);
    if (f.has("set_name") && s.set_name.empty())
        f.fail("set_name", "must not be empty (leave it out for the default, rs0)");
    f.string("client_set_name", s.client_set_name, kMaxNameLength);
    if (const json* members = f.get("members")) {
        if (members->is_number_integer()) {
            const auto n = members->get<std::int64_t>();
            if (n < kMinMembers || n > kMaxMembers)
                f.fail("members", "must be between 1 and 7 members");
            for (int i = 1; i <= n; ++i)
                s.members.push_back(MemberSpec{"db" + std::to_string(i) + ":27017"});
        } else if (members->is_array()) {
            if (members->size() > static_cast<std::size_t>(kMaxMembers))
                f.fail("members", "lists " + std::to_string(members->size()) +
                                      " members; at most 7 are allowed");
            for (std::size_t i = 0; i < members->size(); ++i)
                s.members.push_back(
                    parse_member((*members)[i], "members[" + std::to_string(i) + "]", source));
        } else {
            f.fail("members", "must be a count or a list of members");
        }
    } else {
        for (int i = 1; i <= 3; ++i)
            s.members.push_back(MemberSpec{"db" + std::to_string(i) + ":27017"});
    }
    if (const json* seeds = f.get("seeds")) {
        if (!seeds->is_array())
            f.fail("seeds", "must be a list of host names");
        if (seeds->size() > kMaxSeeds)
            f.fail("seeds", "lists " + std::to_string(seeds->size()) + " hosts; at most " +
                                std::to_string(kMaxSeeds) + " are allowed");
        for (std::size_t i = 0; i < seeds->size(); ++i) {
            const json& seed = (*seeds)[i];
            const std::string field = "seeds[" + std::to_string(i) + "]";
            if (!seed.is_string())
                f.fail(field, "must be a host name");
            const std::string raw = seed.get<std::string>();
            const HostPort hp = parse_host_port(raw);
            if (!hp.error.empty())
                f.fail(field, "'" + printable(raw) + "' " + hp.error);
            s.seeds.push_back(hp.normalized);
        }
    }
    f.integer("threads", s.threads, kMinThreads, kMaxThreads);
    std::string strategy;
    f.string("strategy", strategy, 64);
    if (f.has("strategy")) {
        const auto parsed = parse_strategy(strategy);
        if (!parsed)
            f.fail("strategy", "must be naive, mutex, rwlock, wasp or sdam (got '" +
                                   printable(strategy) + "')");
        s.strategy = *parsed;
    }
    f.seed("seed", s.seed);
    f.number("duration_s", s.duration_s, 0.001, 86400, "s");
    f.number("monitor_interval_s", s.monitor_interval_s, 0.001, 3600, "s");
    f.number("election_delay_s", s.election_delay_s, 0, 600, "s");
    f.number("sync_delay_s", s.sync_delay_s, 0, 600, "s");
    f.number("stepdown_s", s.stepdown_s, 0, 3600, "s");
    f.number("connect_timeout_s", s.connect_timeout_s, 0.001, 600, "s");
    f.number("tcp_give_up_s", s.tcp_give_up_s, 0.001, 86400, "s");
    f.number("wait_for_refresh_s", s.wait_for_refresh_s, 0, 600, "s");
    f.boolean("fail_fast", s.fail_fast);
    f.integer("max_wire_version", s.max_wire_version, 7, 17);
    if (s.max_wire_version != 7 && s.max_wire_version != 17)
        f.fail("max_wire_version", "must be 7 (MongoDB 4.0) or 17 (MongoDB 6.0)");
    if (const json* w = f.get("workload")) {
        JsonFields wf(*w, "workload", source);
        wf.number("think_ms", s.workload.think_ms, 0.001, 3600000, "ms");
        wf.number("read_fraction", s.workload.read_fraction, 0, 1, "(a fraction)");
        std::string pref;
        wf.string("read_preference", pref, 64);
        if (pref == "primary")
            s.workload.read_preference = ReadPreference::Primary;
        else if (pref == "secondaryPreferred")
            s.workload.read_preference = ReadPreference::SecondaryPreferred;
        else if (wf.has("read_preference"))
            wf.fail("read_preference", "must be primary or secondaryPreferred");
        wf.number("server_op_ms", s.workload.server_op_ms, 0, 10000, "ms");
        wf.finish();
    }
    if (const json* il = f.get("interleaving")) {
        JsonFields inf(*il, "interleaving", source);
        inf.number("step_us", s.interleaving.step_us, 0.001, 1000000, "us");
        inf.number("preempt_probability", s.interleaving.preempt_probability, 0, 1,
                   "(a probability)");
        inf.number("preempt_mean_ms", s.interleaving.preempt_mean_ms, 0, 10000, "ms");
        inf.finish();
    }
    std::string race_window;
    f.string("race_window", race_window, 64);
    if (f.has("race_window")) {
        const auto parsed = parse_race_window(race_window);
        if (!parsed)
            f.fail("race_window",
                   "must be magnified or realistic (got '" + printable(race_window) + "')");
        s.race_window = *parsed;
    }
    std::string timing;
    f.string("timing", timing, 64);
    if (f.has("timing")) {
        const auto parsed = parse_timing_profile(timing);
        if (!parsed)
            f.fail("timing", "must be blog or mongodb-2.4 (got '" + printable(timing) + "')");
        s.timing = *parsed;
    }
    if (const json* timeline = f.get("timeline")) {
        if (!timeline->is_array())
            f.fail("timeline", "must be a list of faults");
        if (timeline->size() > kMaxTimelineEntries)
            f.fail("timeline", "lists " + std::to_string(timeline->size()) + " faults; at most " +
                                   std::to_string(kMaxTimelineEntries) + " are allowed");
        for (std::size_t i = 0; i < timeline->size(); ++i)
            s.timeline.push_back(
                parse_fault_entry((*timeline)[i], "timeline[" + std::to_string(i) + "]", source));
    }
    const json* run = f.get("run");
    f.finish();
    validate_scenario(s, source);
    if (run)
        s.recorded = parse_recorded_run(*run, s, source);
    return s;
}

std::string scenario_name_from_source(const std::string& source) {
    std::string stem = source.substr(source.find_last_of('/') + 1);
    if (stem.size() > 5 && stem.ends_with(".json"))
        stem.resize(stem.size() - 5);
    return stem.empty() ? "custom" : printable(stem, kMaxNameLength);
}

std::vector<std::string> scenario_warnings(const Scenario& s) {
    std::vector<std::string> warnings;
    for (std::size_t i = 0; i < s.timeline.size(); ++i)
        if (s.timeline[i].at_s > s.duration_s)
            warnings.push_back(
                "timeline[" + std::to_string(i) + "] (" + fault_name(s.timeline[i].kind) + " at " +
                format_limit(s.timeline[i].at_s) + " s) comes after the run ends at duration_s = " +
                format_limit(s.duration_s) + " s and never happens");
    return warnings;
}

void validate_scenario(const Scenario& s, const std::string& source) {
    auto fail = [&](const std::string& field, const std::string& why) {
        throw ScenarioError(source + ": field '" + field + "': " + why);
    };
    if (s.members.size() < static_cast<std::size_t>(kMinMembers) ||
        s.members.size() > static_cast<std::size_t>(kMaxMembers))
        fail("members", "must list between 1 and 7 members");
    std::set<std::string> known;
    for (std::size_t i = 0; i < s.members.size(); ++i) {
        if (!known.insert(s.members[i].host).second)
            fail("members[" + std::to_string(i) + "].host",
                 "'" + s.members[i].host + "' is listed twice");
    }
    if (std::none_of(s.members.begin(), s.members.end(),
                     [](const MemberSpec& m) { return !m.arbiter && m.priority > 0; }))
        fail("members", "at least one member must be electable (not an arbiter, priority > 0)");
    if (const auto why = threads_error(s.threads))
        fail("threads", *why);
    for (std::size_t i = 0; i < s.seeds.size(); ++i)
        if (s.seeds[i].empty())
            fail("seeds[" + std::to_string(i) + "]", "must not be empty");
    // Faults may name members added earlier in the timeline.
    std::vector<Fault> ordered = s.timeline;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Fault& a, const Fault& b) { return a.at_s < b.at_s; });
    for (const Fault& fault : ordered) {
        if (fault.kind == FaultKind::AddMember) {
            if (!fault.host.empty())
                known.insert(fault.host);
            continue;
        }
        if (!known.count(fault.host)) {
            std::size_t index = 0;
            while (index < s.timeline.size() &&
                   !(s.timeline[index].host == fault.host && s.timeline[index].at_s == fault.at_s))
                ++index;
            fail("timeline[" + std::to_string(index) + "].host",
                 "unknown member '" + fault.host + "'");
        }
    }
}

json scenario_to_json(const Scenario& s) {
    json j;
    j["format"] = kScenarioFormat;
    j["name"] = s.name;
    j["description"] = s.description;
    j["set_name"] = s.set_name;
    j["members"] = json::array();
    for (const MemberSpec& m : s.members)
        j["members"].push_back({{"host", m.host},
                                {"priority", m.priority},
                                {"ping_ms", m.ping_ms},
                                {"jitter_ms", m.jitter_ms},
                                {"arbiter", m.arbiter}});
    j["seeds"] = s.seeds;
    j["client_set_name"] = s.client_set_name;
    j["threads"] = s.threads;
    j["strategy"] = strategy_name(s.strategy);
    j["seed"] = s.seed;
    j["duration_s"] = s.duration_s;
    j["monitor_interval_s"] = s.monitor_interval_s;
    j["election_delay_s"] = s.election_delay_s;
    j["sync_delay_s"] = s.sync_delay_s;
    j["stepdown_s"] = s.stepdown_s;
    j["connect_timeout_s"] = s.connect_timeout_s;
    j["tcp_give_up_s"] = s.tcp_give_up_s;
    j["wait_for_refresh_s"] = s.wait_for_refresh_s;
    j["fail_fast"] = s.fail_fast;
    j["max_wire_version"] = s.max_wire_version;
    j["workload"] = {{"think_ms", s.workload.think_ms},
                     {"read_fraction", s.workload.read_fraction},
                     {"read_preference", s.workload.read_preference == ReadPreference::Primary
                                             ? "primary"
                                             : "secondaryPreferred"},
                     {"server_op_ms", s.workload.server_op_ms}};
    j["interleaving"] = {{"step_us", s.interleaving.step_us},
                         {"preempt_probability", s.interleaving.preempt_probability},
                         {"preempt_mean_ms", s.interleaving.preempt_mean_ms}};
    j["race_window"] = race_window_name(s.race_window);
    j["timing"] = timing_profile_name(s.timing);
    j["timeline"] = json::array();
    for (const Fault& f : s.timeline) {
        json entry = {{"at_s", f.at_s}, {"fault", fault_name(f.kind)}};
        if (!f.host.empty())
            entry["host"] = f.host;
        if (f.kind == FaultKind::SetPing || f.kind == FaultKind::AddMember)
            entry["ping_ms"] = f.ping_ms;
        if (f.kind == FaultKind::AddMember) {
            entry["priority"] = f.priority;
            entry["arbiter"] = f.arbiter;
        }
        j["timeline"].push_back(entry);
    }
    if (!s.recorded.empty())
        j["run"] = recorded_run_to_json(s.recorded);
    return j;
}

} // namespace wn
