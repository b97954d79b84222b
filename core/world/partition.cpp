// Partitions between the members, election terms, and the hello reply of MongoDB 4.0 / 6.0:
// what a client needs to see a stale primary and to tell it from the real one.
#include "world/replica_set.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace wn {
namespace {

// A primary that cannot reach a majority steps down after electionTimeoutMillis; once it
// hears of a newer term it steps down at the next member heartbeat (heartbeatIntervalMillis).
constexpr double kElectionTimeoutS = 10;
constexpr double kMemberHeartbeatS = 2;

// The protocol-version-1 electionId: an ObjectId of 0x7fffffff then the term.
nlohmann::json election_id(std::int64_t term) {
    char hex[25];
    std::snprintf(hex, sizeof hex, "7fffffff%016llx", static_cast<unsigned long long>(term));
    return {{"$oid", std::string(hex)}};
}

} // namespace

std::string ReplicaSet::isolate(Server& s, ActorId actor) {
    if (s.isolated)
        return m_hosts.name(s.host) + " is already isolated";
    if (!s.up)
        return m_hosts.name(s.host) + " is down";
    s.isolated = true;
    const SimTime now = m_scheduler.now();
    m_trace.record(now, actor, EventKind::Isolate, s.host);
    if (s.role == ServerRole::Primary) {
        // The rest of the set elects a new primary; this one keeps claiming until it notices.
        lose_primary(m_election_delay);
        const HostId host = s.host;
        const std::int64_t term = s.term;
        m_scheduler.call_at(now + from_seconds(kElectionTimeoutS), [this, host, term] {
            Server* old = find(host);
            if (old && old->isolated && old->role == ServerRole::Primary && old->term == term) {
                old->role = ServerRole::Secondary;
                m_trace.record(m_scheduler.now(), kActorWorld, EventKind::StepDown, host);
            }
        });
    } else if (auto p = primary(); p && up_voters() * 2 <= voters()) {
        find(*p)->role = ServerRole::Secondary;
        m_trace.record(now, kActorWorld, EventKind::StepDown, *p);
    }
    return "";
}

std::string ReplicaSet::heal(Server& s, ActorId actor) {
    if (!s.isolated)
        return m_hosts.name(s.host) + " is not isolated";
    s.isolated = false;
    const SimTime now = m_scheduler.now();
    m_trace.record(now, actor, EventKind::Heal, s.host);
    if (s.role == ServerRole::Primary && s.term < m_term) {
        const HostId host = s.host;
        m_scheduler.call_at(now + from_seconds(kMemberHeartbeatS),
                            [this, host] { step_down_if_stale(host); });
    }
    if (!primary())
        schedule_election(m_election_delay);
    return "";
}

void ReplicaSet::step_down_if_stale(HostId host) {
    Server* s = find(host);
    if (s && s->role == ServerRole::Primary && s->term < m_term && !s->isolated) {
        s->role = ServerRole::Secondary;
        m_trace.record(m_scheduler.now(), kActorWorld, EventKind::StepDown, host);
    }
}

nlohmann::json ReplicaSet::hello_reply(HostId host, int max_wire_version) const {
    const IsMasterReply legacy = ismaster_reply(host);
    const Server* self = server(host);
    nlohmann::json j;
    j["ok"] = 1;
    // MongoDB 5.0 renamed ismaster to isWritablePrimary; a 4.0 server sends the old name.
    j[max_wire_version >= 13 ? "isWritablePrimary" : "ismaster"] = legacy.ismaster;
    j["minWireVersion"] = 0;
    j["maxWireVersion"] = max_wire_version;
    j["me"] = m_hosts.name(host);
    if (legacy.set_name.empty()) {
        j["isreplicaset"] = true; // removed from the config: an RSGhost
        return j;
    }
    j["setName"] = legacy.set_name;
    j["setVersion"] = legacy.config_version;
    j["secondary"] = legacy.secondary;
    if (legacy.arbiter_only)
        j["arbiterOnly"] = true;
    auto names = [&](const std::vector<HostId>& ids) {
        nlohmann::json list = nlohmann::json::array();
        for (HostId id : ids)
            list.push_back(m_hosts.name(id));
        return list;
    };
    j["hosts"] = names(legacy.hosts);
    if (!legacy.passives.empty())
        j["passives"] = names(legacy.passives);
    if (!legacy.arbiters.empty())
        j["arbiters"] = names(legacy.arbiters);
    if (legacy.primary)
        j["primary"] = m_hosts.name(*legacy.primary);
    if (legacy.ismaster && self)
        j["electionId"] = election_id(self->term);
    j["logicalSessionTimeoutMinutes"] = 30;
    return j;
}

void ReplicaSet::note_write(HostId host) {
    const Server* s = server(host);
    if (!s || s->role != ServerRole::Primary || s->isolated || s->term < m_term)
        ++m_lost_writes;
}

} // namespace wn
