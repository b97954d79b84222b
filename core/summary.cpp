#include "summary.h"

#include "simulation.h"

#include <nlohmann/json.hpp>

namespace wn {
namespace {

nlohmann::json time_or_null(SimTime t) {
    return t < 0 ? nlohmann::json(nullptr) : nlohmann::json(to_seconds(t));
}

} // namespace

nlohmann::json summary_json(const Simulation& sim) {
    const Scenario& s = sim.scenario();
    const Metrics& m = sim.metrics();
    nlohmann::json j;
    j["scenario"] = s.name;
    j["strategy"] = strategy_name(s.strategy);
    j["seed"] = s.seed;
    j["threads"] = s.threads;
    j["members"] = s.members.size();
    j["race_window"] = race_window_name(s.race_window);
    j["timing"] = timing_profile_name(s.timing);
    j["sim_seconds"] = to_seconds(sim.now());
    j["refresh_calls"] = m.refresh_calls;
    j["refresh_calls_by_monitor"] = m.refresh_calls_by_monitor;
    j["ismaster_calls"] = m.ismaster_calls;
    nlohmann::json per_member = nlohmann::json::object();
    for (const Server& server : sim.world().servers())
        per_member[sim.hosts().name(server.host)] = server.ismaster_calls;
    j["ismaster_calls_by_member"] = per_member;
    j["max_concurrent_refreshes"] = m.max_concurrent_refreshes;
    j["ops_started"] = m.ops_started;
    j["ops_ok"] = m.ops_ok;
    j["errors"] = {{"KeyError", m.errors_of(ErrorKind::KeyError)},
                   {"AutoReconnect", m.errors_of(ErrorKind::AutoReconnect)},
                   {"ConfigurationError", m.errors_of(ErrorKind::ConfigurationError)},
                   {"ServerSelectionTimeoutError", m.errors_of(ErrorKind::ServerSelectionTimeout)}};
    j["checks"] = m.checks;
    j["checks_requested"] = m.checks_requested;
    j["max_checks_in_flight_per_server"] = m.max_checks_in_flight_per_server;
    j["selection_waits"] = m.selection_waits;
    j["lost_writes"] = sim.world().lost_writes();
    j["states_published"] = m.states_published;
    j["states_reclaimed"] = m.states_reclaimed;
    j["live_states"] = m.live_states;
    j["max_live_states"] = m.max_live_states;
    j["in_place_mutations"] = m.in_place_mutations;
    j["pools_created"] = m.pools_created;
    j["inconsistent_reads"] = m.inconsistent_reads;
    nlohmann::json causes = nlohmann::json::object();
    for (int c = 1; c < 5; ++c)
        causes[key_error_cause_name(static_cast<KeyErrorCause>(c))] =
            m.key_errors_by_cause[static_cast<std::size_t>(c)];
    causes["unknown"] = m.key_errors_by_cause[0];
    causes["by_monitor"] = m.key_errors_by_monitor;
    j["key_error_causes"] = causes;
    j["constructor_error"] = m.constructor_error == ErrorKind::None
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json(error_kind_name(m.constructor_error));
    j["monitor_stopped_at"] = time_or_null(m.monitor_stopped_at);
    j["not_master_replies"] = m.not_master_replies;
    j["connections_closed"] = m.connections_closed;
    j["wait_seconds_total"] = to_seconds(m.wait_total);
    j["max_wait_seconds"] = to_seconds(m.max_wait);
    j["max_threads_waiting"] = m.max_waiting;
    j["invariants"] = {{"consistent_reads", time_or_null(m.first_inconsistent_read)},
                       {"one_refresh_at_a_time", time_or_null(m.first_concurrent_refresh)},
                       {"no_key_errors", time_or_null(m.first_key_error)}};
    j["user_actions"] = sim.user_actions().size();
    j["fault_notes"] = sim.fault_notes();
    j["events"] = sim.trace().count();
    j["trace_sha256"] = sim.trace().sha256();
    return j;
}

} // namespace wn
