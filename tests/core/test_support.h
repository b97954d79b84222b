#pragma once

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "simulation.h"

#include <memory>

namespace wn::test {

/// What parsing `text` as a scenario file named bad.json throws, or "" when it parses.
inline std::string error_of(const std::string& text) {
    try {
        parse_scenario(text, "bad.json");
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

/// A built-in scenario with the given overrides, run to its end.
inline std::unique_ptr<Simulation> run_builtin(const std::string& name, StrategyKind strategy,
                                               int threads, std::uint64_t seed,
                                               double duration_s = -1) {
    Scenario s = load_scenario(name);
    s.strategy = strategy;
    s.threads = threads;
    s.seed = seed;
    if (duration_s > 0)
        s.duration_s = duration_s;
    auto sim = std::make_unique<Simulation>(s);
    sim->run();
    return sim;
}

/// Three members db1 (priority 2), db2, db3 and no faults: a blank slate for a test.
inline Scenario three_members() {
    Scenario s;
    s.members = {MemberSpec{"db1:27017", 2}, MemberSpec{"db2:27017"}, MemberSpec{"db3:27017"}};
    s.duration_s = 20;
    return s;
}

inline Fault fault(FaultKind kind, const std::string& host, double at_s = 0) {
    Fault f;
    f.kind = kind;
    f.host = host;
    f.at_s = at_s;
    return f;
}

} // namespace wn::test
