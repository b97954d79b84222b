#include "world/replica_set.h"

#include <algorithm>

namespace wn {

const char* server_role_name(ServerRole role) {
    switch (role) {
    case ServerRole::Primary:
        return "PRIMARY";
    case ServerRole::Secondary:
        return "SECONDARY";
    case ServerRole::Arbiter:
        return "ARBITER";
    case ServerRole::Startup2:
        return "STARTUP2";
    case ServerRole::Removed:
        return "REMOVED";
    }
    return "?";
}

ReplicaSet::ReplicaSet(Scheduler& scheduler, HostTable& hosts, Trace& trace,
                       const Scenario& scenario)
    : m_scheduler(scheduler), m_hosts(hosts), m_trace(trace), m_rng(scenario.seed ^ 0x5eed5e7ULL),
      m_set_name(scenario.set_name), m_election_delay(from_seconds(scenario.election_delay_s)),
      m_sync_delay(from_seconds(scenario.sync_delay_s)),
      m_stepdown(from_seconds(scenario.stepdown_s)), m_timing(scenario.timing) {
    // Drawn only under MongoDB 2.4 timing, so that blog runs keep their random sequence.
    if (m_timing == TimingProfile::MongoDB24)
        m_heartbeat_phase =
            static_cast<SimTime>(m_rng.uniform() * from_seconds(kHeartbeatIntervalS));
    for (const MemberSpec& spec : scenario.members) {
        Server s;
        s.host = m_hosts.intern(spec.host);
        s.priority = spec.arbiter ? 0 : spec.priority;
        s.ping_ms = spec.ping_ms;
        s.jitter_ms = spec.jitter_ms;
        s.arbiter = spec.arbiter;
        s.role = spec.arbiter ? ServerRole::Arbiter : ServerRole::Secondary;
        m_servers.push_back(s);
    }
    // The set starts settled: the highest-priority data-bearing member is primary.
    Server* best = nullptr;
    for (Server& s : m_servers)
        if (!s.arbiter && s.priority > 0 && (!best || s.priority > best->priority))
            best = &s;
    if (best) {
        best->role = ServerRole::Primary;
        best->term = m_term;
    }
}

Server* ReplicaSet::find(HostId host) {
    for (Server& s : m_servers)
        if (s.host == host)
            return &s;
    return nullptr;
}

const Server* ReplicaSet::server(HostId host) const {
    return const_cast<ReplicaSet*>(this)->find(host);
}

std::optional<HostId> ReplicaSet::primary() const {
    // An isolated primary that has not yet stepped down is not the set's primary.
    const Server* best = nullptr;
    for (const Server& s : m_servers)
        if (s.role == ServerRole::Primary && s.up && !s.isolated && (!best || s.term > best->term))
            best = &s;
    return best ? std::optional<HostId>(best->host) : std::nullopt;
}

int ReplicaSet::voters() const {
    return static_cast<int>(std::count_if(m_servers.begin(), m_servers.end(), [](const Server& s) {
        return s.role != ServerRole::Removed;
    }));
}

int ReplicaSet::up_voters() const {
    return static_cast<int>(std::count_if(m_servers.begin(), m_servers.end(), [](const Server& s) {
        return s.role != ServerRole::Removed && s.up && !s.isolated;
    }));
}

IsMasterReply ReplicaSet::ismaster_reply(HostId host) const {
    IsMasterReply reply;
    const Server* self = server(host);
    reply.me = host;
    if (!self || self->role == ServerRole::Removed)
        return reply; // no valid config: no setName, no hosts
    reply.set_name = m_set_name;
    reply.config_version = m_config_version;
    reply.ismaster = self->role == ServerRole::Primary;
    reply.secondary = self->role == ServerRole::Secondary;
    reply.arbiter_only = self->role == ServerRole::Arbiter;
    for (const Server& s : m_servers) {
        if (s.role == ServerRole::Removed)
            continue;
        if (s.arbiter)
            reply.arbiters.push_back(s.host);
        else if (s.priority == 0)
            reply.passives.push_back(s.host);
        else
            reply.hosts.push_back(s.host);
    }
    // A primary cut off from the other members still names itself.
    reply.primary = self->isolated && reply.ismaster ? std::optional<HostId>(host) : primary();
    return reply;
}

bool ReplicaSet::answers(HostId host) const {
    const Server* s = server(host);
    return s && s->up && !s->cut_off;
}

bool ReplicaSet::accepts(HostId host, OpKind op, bool slave_ok) const {
    const Server* s = server(host);
    if (!s)
        return false;
    if (s->role == ServerRole::Primary)
        return true;
    return s->role == ServerRole::Secondary && op == OpKind::Read && slave_ok;
}

std::uint64_t ReplicaSet::conn_epoch(HostId host) const {
    const Server* s = server(host);
    return s ? s->conn_epoch : 0;
}

NetPlan ReplicaSet::plan_request(HostId host, SimTime service, SimTime connect_timeout, bool pooled,
                                 SimTime give_up) {
    const SimTime now = m_scheduler.now();
    const Server* s = server(host);
    if (!s || s->cut_off)
        return NetPlan{now + connect_timeout, false};
    if (s->powered_off) // no RST, no reply: connect() times out, a sent request hangs
        return NetPlan{now + (pooled ? give_up : connect_timeout), false};
    const double jitter = s->jitter_ms > 0 ? m_rng.uniform() * s->jitter_ms : 0.0;
    const SimTime rtt = from_ms(s->ping_ms + jitter);
    if (!s->up)
        return NetPlan{now + rtt, false}; // the OS answers: connection refused
    return NetPlan{now + rtt + service, true};
}

void ReplicaSet::begin_request(HostId host, bool ismaster) {
    if (Server* s = find(host)) {
        ++s->in_flight;
        if (ismaster)
            ++s->ismaster_calls;
    }
}

void ReplicaSet::end_request(HostId host) {
    if (Server* s = find(host))
        --s->in_flight;
}

void ReplicaSet::schedule_election(SimTime delay) {
    if (m_election_pending)
        return;
    m_election_pending = true;
    m_election_at = m_scheduler.now() + delay;
    m_trace.record(m_scheduler.now(), kActorWorld, EventKind::ElectionBegin, -1, m_election_at);
    m_scheduler.call_at(m_election_at, [this] { run_election(); });
}

void ReplicaSet::lose_primary(SimTime delay) {
    if (!primary())
        schedule_election(delay);
}

void ReplicaSet::run_election() {
    m_election_pending = false;
    const SimTime now = m_scheduler.now();
    if (primary())
        return;
    // A primary needs a majority of the configured voters up and talking to each other.
    if (up_voters() * 2 <= voters()) {
        m_trace.record(now, kActorWorld, EventKind::NoPrimary, 1);
        return;
    }
    Server* best = nullptr;
    for (Server& s : m_servers) {
        const bool electable = s.up && !s.isolated && s.role == ServerRole::Secondary &&
                               s.priority > 0 && now >= s.electable_after && now >= s.caught_up_at;
        if (electable && (!best || s.priority > best->priority))
            best = &s;
    }
    if (!best) {
        m_trace.record(now, kActorWorld, EventKind::NoPrimary, 0);
        // Stepped-down (or still catching up) members become electable later; try then.
        SimTime next = -1;
        for (const Server& s : m_servers) {
            const SimTime when = std::max(s.electable_after, s.caught_up_at);
            if (s.up && s.role == ServerRole::Secondary && s.priority > 0 && when > now &&
                (next < 0 || when < next))
                next = when;
        }
        if (next >= 0)
            schedule_election(next - now);
        return;
    }
    for (Server& s : m_servers)
        if (s.role == ServerRole::Primary && !s.isolated)
            s.role = ServerRole::Secondary; // a dead old primary comes back as a secondary
    best->role = ServerRole::Primary;
    best->term = ++m_term;
    m_trace.record(now, kActorWorld, EventKind::Elected, best->host);
}

std::string ReplicaSet::apply(const Fault& fault, ActorId actor) {
    const SimTime now = m_scheduler.now();
    if (fault.kind == FaultKind::AddMember)
        return add_member(fault, actor);
    const auto id = m_hosts.find(fault.host);
    Server* s = id ? find(*id) : nullptr;
    if (!s)
        return "no member named '" + fault.host + "'";
    const std::string& name = fault.host;
    switch (fault.kind) {
    case FaultKind::Kill:
    case FaultKind::PowerOff: {
        if (!s->up)
            return name + " is already down";
        const bool was_primary = s->role == ServerRole::Primary;
        s->up = false;
        if (fault.kind == FaultKind::PowerOff) {
            s->powered_off = true;
            m_trace.record(now, actor, EventKind::PowerOff, s->host);
        } else {
            ++s->conn_epoch; // the OS of a killed process resets its connections
            m_trace.record(now, actor, EventKind::ServerDown, s->host);
        }
        if (was_primary) {
            s->role = ServerRole::Secondary;
            lose_primary(election_delay(true));
        } else if (auto p = primary(); p && up_voters() * 2 <= voters()) {
            // The primary can no longer see a majority and steps down.
            find(*p)->role = ServerRole::Secondary;
            ++find(*p)->conn_epoch; // stepping down closes every client connection
            m_trace.record(now, kActorWorld, EventKind::StepDown, *p);
            lose_primary(election_delay(false));
        }
        return "";
    }
    case FaultKind::Revive:
        if (s->up)
            return name + " is already up";
        if (s->role == ServerRole::Removed)
            return name + " was removed from the set";
        s->up = true;
        if (s->powered_off) {
            s->powered_off = false;
            ++s->conn_epoch; // a rebooted machine knows none of the old connections
        }
        m_trace.record(now, actor, EventKind::ServerUp, s->host);
        if (m_timing == TimingProfile::MongoDB24) {
            // It replicates what it missed before it can be elected (freshest data wins).
            s->caught_up_at = now + m_sync_delay;
            plan_takeover(s->host);
        }
        if (!primary())
            schedule_election(election_delay(false));
        return "";
    case FaultKind::StepDown: {
        if (s->role != ServerRole::Primary || !s->up)
            return name + " is not the primary";
        const bool other = std::any_of(m_servers.begin(), m_servers.end(), [&](const Server& o) {
            return o.host != s->host && o.up && o.role == ServerRole::Secondary && o.priority > 0;
        });
        if (!other)
            return "no electable secondary to take over from " + name;
        s->role = ServerRole::Secondary;
        s->electable_after = now + m_stepdown;
        // replSetStepDown closes every client connection (MongoDB 2.4).
        ++s->conn_epoch;
        m_trace.record(now, actor, EventKind::StepDown, s->host);
        lose_primary(election_delay(false));
        return "";
    }
    case FaultKind::CutOff:
        if (s->cut_off)
            return name + " is already cut off";
        s->cut_off = true;
        m_trace.record(now, actor, EventKind::CutOff, s->host);
        return "";
    case FaultKind::Restore:
        if (!s->cut_off)
            return name + " is not cut off";
        s->cut_off = false;
        m_trace.record(now, actor, EventKind::Restore, s->host);
        return "";
    case FaultKind::SetPing:
        if (fault.ping_ms < 0 || fault.ping_ms > 10000)
            return "ping must be between 0 and 10000 ms";
        s->ping_ms = fault.ping_ms;
        m_trace.record(now, actor, EventKind::PingSet, s->host, from_ms(fault.ping_ms));
        return "";
    case FaultKind::RemoveMember:
        return remove_member(s->host, actor);
    case FaultKind::Isolate:
        return isolate(*s, actor);
    case FaultKind::Heal:
        return heal(*s, actor);
    case FaultKind::AddMember:
        break;
    }
    return "unsupported fault";
}

std::string ReplicaSet::add_member(const Fault& fault, ActorId actor) {
    if (voters() >= kMaxMembers)
        return "a replica set has at most " + std::to_string(kMaxMembers) + " members";
    std::string name = fault.host;
    if (name.empty()) {
        for (int n = 1; name.empty(); ++n) {
            const std::string candidate = "db" + std::to_string(n) + ":27017";
            if (!m_hosts.find(candidate))
                name = candidate;
        }
    }
    if (auto id = m_hosts.find(name); id && find(*id) && find(*id)->role != ServerRole::Removed)
        return name + " is already a member";
    if (fault.ping_ms < 0 || fault.ping_ms > 10000)
        return "ping must be between 0 and 10000 ms";
    const HostId host = m_hosts.intern(name);
    Server* s = find(host);
    if (!s) {
        m_servers.push_back(Server{});
        s = &m_servers.back();
    }
    *s = Server{};
    s->host = host;
    s->priority = fault.arbiter ? 0 : fault.priority;
    s->ping_ms = fault.ping_ms;
    s->arbiter = fault.arbiter;
    s->role = fault.arbiter ? ServerRole::Arbiter : ServerRole::Startup2;
    ++m_config_version;
    const SimTime now = m_scheduler.now();
    m_trace.record(now, actor, EventKind::MemberAdded, host);
    if (!fault.arbiter) {
        m_scheduler.call_at(now + m_sync_delay, [this, host] {
            Server* added = find(host);
            if (!added || added->role != ServerRole::Startup2)
                return;
            added->role = ServerRole::Secondary;
            m_trace.record(m_scheduler.now(), kActorWorld, EventKind::Synced, host);
            if (m_timing == TimingProfile::MongoDB24)
                plan_takeover(host);
            if (!primary())
                schedule_election(election_delay(false));
        });
    }
    return "";
}

std::string ReplicaSet::remove_member(HostId host, ActorId actor) {
    Server* s = find(host);
    if (s->role == ServerRole::Removed)
        return m_hosts.name(host) + " is not a member";
    if (voters() <= kMinMembers)
        return "cannot remove the last member of the set";
    const bool was_primary = s->role == ServerRole::Primary;
    s->role = ServerRole::Removed;
    if (was_primary)
        ++s->conn_epoch; // a primary that leaves the set steps down first
    ++m_config_version;
    m_trace.record(m_scheduler.now(), actor, EventKind::MemberRemoved, host);
    if (was_primary)
        lose_primary(election_delay(false));
    return "";
}

SimTime ReplicaSet::next_heartbeat(SimTime t) const {
    const SimTime period = from_seconds(kHeartbeatIntervalS);
    if (t <= m_heartbeat_phase)
        return m_heartbeat_phase;
    return m_heartbeat_phase + (t - m_heartbeat_phase + period - 1) / period * period;
}

SimTime ReplicaSet::election_delay(bool primary_died) {
    if (m_timing == TimingProfile::Blog)
        return m_election_delay;
    const SimTime now = m_scheduler.now();
    const SimTime period = from_seconds(kHeartbeatIntervalS);
    // The others last heard from it at the latest heartbeat before now; it is down once
    // 10 s pass without a reply. A step-down they see at their next heartbeat.
    const SimTime last_heard = next_heartbeat(now + 1) - period;
    const SimTime noticed = primary_died
                                ? std::max(now, last_heard + from_seconds(kHeartbeatTimeoutS))
                                : next_heartbeat(now);
    return noticed - now + from_seconds(kElectionRoundS);
}

void ReplicaSet::plan_takeover(HostId host) {
    const Server* s = find(host);
    const SimTime at = next_heartbeat(std::max(m_scheduler.now(), s->caught_up_at));
    m_scheduler.call_at(at, [this, host] {
        Server* higher = find(host);
        const auto p = primary();
        if (!higher || !p || !higher->up || higher->role != ServerRole::Secondary ||
            higher->priority <= find(*p)->priority)
            return;
        // "stepping down; another primary of higher priority is available" (MongoDB 2.4)
        Server* old = find(*p);
        old->role = ServerRole::Secondary;
        ++old->conn_epoch;
        m_trace.record(m_scheduler.now(), kActorWorld, EventKind::StepDown, old->host);
        schedule_election(from_seconds(kElectionRoundS));
    });
}

} // namespace wn
