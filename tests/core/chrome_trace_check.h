#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace wn::test {

/// What Perfetto UI and chrome://tracing need of a Trace Event Format file: the fields each
/// phase requires, B/E pairs that match on their track, timestamps that never go back on a
/// track, and flows whose start and finish both exist. Returns one line per problem.
inline std::vector<std::string> chrome_trace_problems(const nlohmann::json& doc) {
    std::vector<std::string> problems;
    if (!doc.is_object() || !doc.contains("traceEvents") || !doc["traceEvents"].is_array())
        return {"no traceEvents array"};
    using Track = std::pair<long long, long long>;
    std::map<Track, long long> last_ts;
    std::map<Track, std::vector<std::string>> open;
    std::map<long long, int> flow_starts, flow_ends;
    std::size_t index = 0;
    for (const auto& e : doc["traceEvents"]) {
        const std::string where = "event " + std::to_string(index++);
        auto problem = [&](const std::string& what) {
            problems.push_back(where + ": " + what);
        };
        if (!e.is_object() || !e.contains("ph") || !e["ph"].is_string()) {
            problem("no phase");
            continue;
        }
        const std::string ph = e["ph"];
        if (!e.contains("pid") || !e["pid"].is_number_integer() || !e.contains("tid") ||
            !e["tid"].is_number_integer()) {
            problem("no integer pid/tid");
            continue;
        }
        const Track track{e["pid"].get<long long>(), e["tid"].get<long long>()};
        auto has_string = [&](const char* key) {
            return e.contains(key) && e[key].is_string();
        };
        if (ph == "M") {
            if (!has_string("name") || !e.contains("args") || !e["args"].is_object())
                problem("metadata without name or args");
            continue;
        }
        if (!e.contains("ts") || !e["ts"].is_number()) {
            problem("no ts");
            continue;
        }
        const long long ts = e["ts"].get<long long>();
        if (auto it = last_ts.find(track); it != last_ts.end() && ts < it->second)
            problem("ts goes back on its track");
        last_ts[track] = ts;
        if (ph == "B") {
            if (!has_string("name"))
                problem("B without name");
            open[track].push_back(has_string("name") ? e["name"].get<std::string>() : "");
        } else if (ph == "E") {
            if (open[track].empty())
                problem("E without a B");
            else
                open[track].pop_back();
        } else if (ph == "X") {
            if (!has_string("name") || !e.contains("dur") || !e["dur"].is_number() ||
                e["dur"].get<double>() < 0)
                problem("X without name or a duration");
        } else if (ph == "i" || ph == "I") {
            if (!has_string("name"))
                problem("instant without name");
            if (e.contains("s") &&
                (!e["s"].is_string() || (e["s"] != "t" && e["s"] != "p" && e["s"] != "g")))
                problem("instant with a bad scope");
        } else if (ph == "C") {
            if (!has_string("name") || !e.contains("args") || !e["args"].is_object() ||
                e["args"].empty())
                problem("counter without name or values");
            else
                for (const auto& [key, value] : e["args"].items())
                    if (!value.is_number())
                        problem("counter value '" + key + "' is not a number");
        } else if (ph == "s" || ph == "t" || ph == "f") {
            if (!has_string("name") || !e.contains("id"))
                problem("flow without name or id");
            else if (ph == "s")
                ++flow_starts[e["id"].get<long long>()];
            else if (ph == "f")
                ++flow_ends[e["id"].get<long long>()];
        } else {
            problem("unknown phase '" + ph + "'");
        }
    }
    for (const auto& [track, stack] : open)
        if (!stack.empty())
            problems.push_back("slice '" + stack.back() + "' never ends on track " +
                               std::to_string(track.first) + "/" + std::to_string(track.second));
    for (const auto& [id, n] : flow_ends)
        if (flow_starts[id] != 1 || n != 1)
            problems.push_back("flow " + std::to_string(id) + " has " +
                               std::to_string(flow_starts[id]) + " starts, " + std::to_string(n) +
                               " finishes");
    for (const auto& [id, n] : flow_starts)
        if (!flow_ends.contains(id))
            problems.push_back("flow " + std::to_string(id) + " never finishes");
    return problems;
}

} // namespace wn::test
