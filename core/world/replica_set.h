#pragma once

#include "model/hosts.h"
#include "model/ismaster.h"
#include "scenario/scenario.h"
#include "sim/rng.h"
#include "sim/scheduler.h"
#include "trace/trace.h"
#include "world/server_role.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wn {

/// One mongod as the servers themselves see it (not the client's view).
struct Server {
    HostId host = kNoHost;
    int priority = 1;
    double ping_ms = 1.0;
    double jitter_ms = 0.5;
    bool arbiter = false;
    bool up = true;
    bool cut_off = false;     // up, but unreachable from the client
    bool powered_off = false; // down, and packets to it vanish (no refusal comes back)
    ServerRole role = ServerRole::Secondary;
    SimTime electable_after = 0; // after a step-down
    SimTime caught_up_at = 0;    // MongoDB 2.4 timing: revived members replicate first
    /// Bumped whenever the server drops every client connection (step-down, death): a
    /// request in flight across a bump fails with "connection closed".
    std::uint64_t conn_epoch = 0;
    int in_flight = 0; // client requests being served now (the connection storm)
    std::int64_t ismaster_calls = 0;
    // The election that made it primary; its hello electionId (see partition.cpp).
    std::int64_t term = 0;
    bool isolated = false; // cut off from the other members, still reachable by the client
};

/// How a client request to a server will end.
struct NetPlan {
    SimTime reply_at;
    bool reachable; // false: refused (down) or timed out (cut off)
};

/// The simulated replica set: members, their roles, elections and reconfigs, and the replies
/// they give. Faults return "" or a one-line reason why they cannot be applied.
class ReplicaSet {
public:
    ReplicaSet(Scheduler& scheduler, HostTable& hosts, Trace& trace, const Scenario& scenario);

    const std::vector<Server>& servers() const { return m_servers; }
    const Server* server(HostId host) const;
    std::optional<HostId> primary() const;
    bool election_pending() const { return m_election_pending; }
    SimTime election_at() const { return m_election_at; }
    int config_version() const { return m_config_version; }
    const std::string& set_name() const { return m_set_name; }

    /// The reply `host` gives to ismaster right now.
    IsMasterReply ismaster_reply(HostId host) const;
    /// Plans a request from the client to `host` sent now that the server spends `service`
    /// on; a reachable plan may still fail if the server dies before it replies. `pooled`:
    /// sent on an idle connection from the pool, which to a powered-off host hangs until
    /// the OS gives up (`give_up`) instead of timing out the connect.
    NetPlan plan_request(HostId host, SimTime service, SimTime connect_timeout, bool pooled = false,
                         SimTime give_up = 0);
    /// Whether `host` can answer the client at this moment.
    bool answers(HostId host) const;
    /// Whether `host`, as it is now, executes `op` rather than answering "not master":
    /// MongoDB 2.4 takes writes only on the primary, and reads on a secondary only with the
    /// slaveOk bit (any read preference but primary).
    bool accepts(HostId host, OpKind op, bool slave_ok) const;
    std::uint64_t conn_epoch(HostId host) const;
    void begin_request(HostId host, bool ismaster);
    void end_request(HostId host);

    std::string apply(const Fault& fault, ActorId actor);

    // Partitions between the members, elections' terms and the modern hello (partition.cpp).
    /// The highest term any election has reached: the current primary's electionId.
    std::int64_t term() const { return m_term; }
    /// The `hello` reply `host` gives now, as a MongoDB of that wire version would send it.
    nlohmann::json hello_reply(HostId host, int max_wire_version) const;
    /// A write `host` acknowledged; counts it lost when `host` is not the set's primary.
    void note_write(HostId host);
    /// Acknowledged writes the set will roll back: taken by a stale primary or a non-primary.
    std::int64_t lost_writes() const { return m_lost_writes; }

private:
    Server* find(HostId host);
    int voters() const;
    int up_voters() const;
    void lose_primary(SimTime election_delay);
    void schedule_election(SimTime delay);
    void run_election();
    std::string add_member(const Fault& fault, ActorId actor);
    std::string remove_member(HostId host, ActorId actor);
    std::string isolate(Server& s, ActorId actor);
    std::string heal(Server& s, ActorId actor);
    void step_down_if_stale(HostId host);
    // The MongoDB 2.4 timing profile (replica_set.cpp).
    /// From now to the election: the blog's fixed delay, or under MongoDB 2.4 the time until
    /// the others notice (`primary_died`: 10 s after its last heartbeat reply; else at their
    /// next heartbeat) plus one election round.
    SimTime election_delay(bool primary_died);
    /// The next heartbeat at or after `t`.
    SimTime next_heartbeat(SimTime t) const;
    /// MongoDB 2.4: a caught-up member of higher priority than the primary makes it step
    /// down at the next heartbeat, and the election that follows elects it.
    void plan_takeover(HostId host);

    Scheduler& m_scheduler;
    HostTable& m_hosts;
    Trace& m_trace;
    Rng m_rng;
    std::string m_set_name;
    SimTime m_election_delay;
    SimTime m_sync_delay;
    SimTime m_stepdown;
    TimingProfile m_timing;
    SimTime m_heartbeat_phase = 0; // MongoDB 2.4: heartbeats at phase + k * 2 s
    std::vector<Server> m_servers; // in config order; removed members stay with role Removed
    int m_config_version = 1;
    bool m_election_pending = false;
    SimTime m_election_at = 0;
    std::int64_t m_term = 1;
    std::int64_t m_lost_writes = 0;
};

} // namespace wn
