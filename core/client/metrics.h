#pragma once

#include "sim/time.h"
#include "trace/trace.h"

#include <array>
#include <cstdint>

namespace wn {

/// Counters the summary, the charts and the invariant badges read. Times are virtual.
struct Metrics {
    std::int64_t ops_started = 0;
    std::int64_t ops_ok = 0;
    std::array<std::int64_t, 5> errors{}; // indexed by ErrorKind
    std::int64_t refresh_calls = 0;
    std::int64_t refresh_calls_by_monitor = 0;
    std::int64_t ismaster_calls = 0;
    int refreshes_in_flight = 0;
    int max_concurrent_refreshes = 0;
    std::int64_t states_published = 0;
    std::int64_t states_reclaimed = 0;
    int live_states = 0;
    int max_live_states = 0;
    std::int64_t in_place_mutations = 0;
    std::int64_t pools_created = 0; // each new pool opens new connections: the storm
    std::int64_t inconsistent_reads = 0;
    std::array<std::int64_t, 5> key_errors_by_cause{}; // indexed by KeyErrorCause
    std::int64_t key_errors_by_monitor = 0;            // ... whose cause was the monitor's refresh
    ErrorKind constructor_error = ErrorKind::None;     // MongoReplicaSetClient() raised
    SimTime monitor_stopped_at = -1;                   // the monitor thread ended (`except: break`)
    std::int64_t not_master_replies = 0; // a server refused an operation its role does not take
    std::int64_t connections_closed = 0; // operations cut by a server closing its connections
    // sdam: server checks by the per-server monitors, and waits in server selection.
    std::int64_t checks = 0;
    std::int64_t checks_requested = 0;
    int max_checks_in_flight_per_server = 0;
    std::int64_t selection_waits = 0;
    int waiting_now = 0; // threads blocked on a lock or waiting for refresh
    int max_waiting = 0;
    SimTime wait_total = 0;
    SimTime max_wait = 0;
    // First violation of each invariant the badges show; -1 while it holds.
    SimTime first_key_error = -1;
    SimTime first_inconsistent_read = -1;
    SimTime first_concurrent_refresh = -1;

    std::int64_t errors_of(ErrorKind kind) const { return errors[static_cast<std::size_t>(kind)]; }
    bool operator==(const Metrics&) const = default;
};

} // namespace wn
