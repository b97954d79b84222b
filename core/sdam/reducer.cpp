#include "sdam/reducer.h"

#include <algorithm>
#include <cstdint>

namespace wn::sdam {

namespace {

// The working copy one call of apply() builds; the caller's description is never touched.
class Update {
public:
    Update(const TopologyDescription& topology, const ServerDescription& server)
        : m_td(topology), m_sd(server) {}

    TopologyDescription run();

private:
    bool has(const std::string& address) const { return m_td.servers.count(address) != 0; }
    void remove_self() { m_td.servers.erase(m_sd.address); }
    void check_if_has_primary();
    void add_members(const ServerDescription& from);
    void hint_possible_primary();
    void update_unknown_with_standalone();
    void update_rs_without_primary();
    void update_rs_with_primary_from_member();
    void update_rs_from_primary();
    bool is_stale_primary(std::string& why);
    void update_single();
    void finish();

    TopologyDescription m_td;
    const ServerDescription& m_sd;
};

// "topologyVersion Comparison": a reply replaces the description unless the description's
// topologyVersion (same process) has a greater counter.
bool is_stale_server_description(const ServerDescription& current, const ServerDescription& next) {
    if (!current.topology_version || !next.topology_version)
        return false;
    if (current.topology_version->process_id != next.topology_version->process_id)
        return false;
    return current.topology_version->counter > next.topology_version->counter;
}

std::string id_text(const std::optional<ObjectId>& id) {
    return id ? id->to_hex() : std::string("null");
}

std::string int_text(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string("null");
}

TopologyDescription Update::run() {
    // "The client MUST ignore hello or legacy hello outcomes from servers that are not in the
    // TopologyDescription."
    const ServerDescription* current = m_td.find(m_sd.address);
    if (!current || is_stale_server_description(*current, m_sd))
        return m_td;
    m_td.servers[m_sd.address] = m_sd;

    if (m_td.type == TopologyType::Single) {
        update_single();
        finish();
        return m_td;
    }
    const ServerType st = m_sd.type;
    const bool member =
        st == ServerType::RSSecondary || st == ServerType::RSArbiter || st == ServerType::RSOther;
    switch (m_td.type) {
    case TopologyType::Unknown:
        if (st == ServerType::Standalone) {
            update_unknown_with_standalone();
        } else if (st == ServerType::Mongos) {
            m_td.type = TopologyType::Sharded;
        } else if (st == ServerType::RSPrimary) {
            update_rs_from_primary();
        } else if (member) {
            m_td.type = TopologyType::ReplicaSetNoPrimary;
            update_rs_without_primary();
        }
        break; // Unknown and RSGhost: no-op (an RSGhost reports no setName)
    case TopologyType::Sharded:
        if (st != ServerType::Unknown && st != ServerType::Mongos)
            remove_self();
        break;
    case TopologyType::ReplicaSetNoPrimary:
        if (st == ServerType::Standalone || st == ServerType::Mongos) {
            remove_self();
        } else if (st == ServerType::RSPrimary) {
            update_rs_from_primary();
        } else if (member) {
            update_rs_without_primary();
        }
        break;
    case TopologyType::ReplicaSetWithPrimary:
        if (st == ServerType::Standalone || st == ServerType::Mongos) {
            remove_self();
            check_if_has_primary();
        } else if (st == ServerType::RSPrimary) {
            update_rs_from_primary();
        } else if (member) {
            update_rs_with_primary_from_member();
        } else {
            check_if_has_primary(); // Unknown, RSGhost, PossiblePrimary
        }
        break;
    case TopologyType::Single:
    case TopologyType::LoadBalanced:
        break;
    }
    finish();
    return m_td;
}

void Update::update_single() {
    // "Verifying setName with TopologyType Single".
    if (m_td.set_name && m_sd.type != ServerType::Unknown && m_sd.set_name != m_td.set_name)
        m_td.servers[m_sd.address] = ServerDescription::unknown(
            m_sd.address, "replica set name mismatch: expected " + *m_td.set_name);
}

void Update::check_if_has_primary() {
    m_td.type = m_td.has_primary() ? TopologyType::ReplicaSetWithPrimary
                                   : TopologyType::ReplicaSetNoPrimary;
}

void Update::add_members(const ServerDescription& from) {
    for (const auto* list : {&from.hosts, &from.passives, &from.arbiters})
        for (const auto& address : *list)
            if (!has(address))
                m_td.servers.emplace(address, ServerDescription::unknown(address));
}

void Update::hint_possible_primary() {
    if (!m_sd.primary)
        return;
    const auto it = m_td.servers.find(*m_sd.primary);
    if (it != m_td.servers.end() && it->second.type == ServerType::Unknown) {
        ServerDescription hinted = it->second;
        hinted.type = ServerType::PossiblePrimary;
        it->second = hinted;
    }
}

void Update::update_unknown_with_standalone() {
    if (m_td.seed_count == 1)
        m_td.type = TopologyType::Single;
    else
        remove_self();
}

void Update::update_rs_without_primary() {
    if (!m_td.set_name) {
        m_td.set_name = m_sd.set_name;
    } else if (m_td.set_name != m_sd.set_name) {
        remove_self();
        return;
    }
    add_members(m_sd);
    hint_possible_primary();
    // A member that answers to another name is known to the set by that name, which is now
    // monitored; keeping the seed's name too would list one server twice.
    if (m_sd.me && *m_sd.me != m_sd.address)
        remove_self();
}

void Update::update_rs_with_primary_from_member() {
    if (m_td.set_name != m_sd.set_name || (m_sd.me && *m_sd.me != m_sd.address)) {
        remove_self();
        check_if_has_primary();
        return;
    }
    if (!m_td.has_primary()) {
        m_td.type = TopologyType::ReplicaSetNoPrimary;
        hint_possible_primary();
    }
}

// The two orderings of (electionId, setVersion): from MongoDB 6.0 (wire version 17) electionId
// first, as the server orders terms; before it setVersion first, as drivers always did.
bool Update::is_stale_primary(std::string& why) {
    const auto& eid = m_sd.election_id;
    const auto& sv = m_sd.set_version;
    if (m_sd.max_wire_version >= 17) {
        const auto by_election = compare_nullable(eid, m_td.max_election_id);
        if (by_election < 0) {
            why = "primary marked stale due to mismatched electionId: " + id_text(eid) + " < " +
                  id_text(m_td.max_election_id);
            return true;
        }
        if (by_election == 0 && compare_nullable(sv, m_td.max_set_version) < 0) {
            why = "primary marked stale due to mismatched setVersion: " + int_text(sv) + " < " +
                  int_text(m_td.max_set_version);
            return true;
        }
        m_td.max_election_id = eid;
        m_td.max_set_version = sv;
        return false;
    }
    // The pseudocode's nested "else" read as every driver implements it: a primary reporting
    // both values records its electionId unless it was found stale.
    if (sv && eid) {
        if (m_td.max_set_version && m_td.max_election_id) {
            if (*m_td.max_set_version > *sv) {
                why = "primary marked stale due to mismatched setVersion: " + int_text(sv) + " < " +
                      int_text(m_td.max_set_version);
                return true;
            }
            if (*m_td.max_set_version == *sv && *m_td.max_election_id > *eid) {
                why = "primary marked stale due to mismatched electionId: " + id_text(eid) + " < " +
                      id_text(m_td.max_election_id);
                return true;
            }
        }
        m_td.max_election_id = eid;
    }
    if (sv && (!m_td.max_set_version || *sv > *m_td.max_set_version))
        m_td.max_set_version = sv;
    return false;
}

void Update::update_rs_from_primary() {
    m_td.type = TopologyType::ReplicaSetWithPrimary;
    if (!m_td.set_name) {
        m_td.set_name = m_sd.set_name;
    } else if (m_td.set_name != m_sd.set_name) {
        // A primary of another set than the one configured or discovered.
        remove_self();
        check_if_has_primary();
        return;
    }
    std::string why;
    if (is_stale_primary(why)) {
        m_td.servers[m_sd.address] = ServerDescription::unknown(
            m_sd.address, std::string(kStalePrimaryMismatch) + " (" + why + ")");
        check_if_has_primary();
        return;
    }
    for (auto& [address, server] : m_td.servers)
        if (address != m_sd.address && server.type == ServerType::RSPrimary)
            server = ServerDescription::unknown(address, kStalePrimaryNewer);
    add_members(m_sd);
    std::erase_if(m_td.servers, [&](const auto& s) { return !m_sd.lists_member(s.first); });
    check_if_has_primary();
}

// Fields derived from all servers after every update: "Logical Session Timeout" and
// "Checking wire protocol compatibility".
void Update::finish() {
    std::optional<std::int64_t> timeout;
    bool any_data_bearing = false;
    bool any_null = false;
    m_td.compatible = true;
    m_td.compatibility_error.reset();
    for (const auto& [address, s] : m_td.servers) {
        if (is_data_bearing(s.type)) {
            any_data_bearing = true;
            if (!s.logical_session_timeout_minutes)
                any_null = true;
            else if (!timeout || *s.logical_session_timeout_minutes < *timeout)
                timeout = s.logical_session_timeout_minutes;
        }
        if (s.type == ServerType::Unknown || s.type == ServerType::PossiblePrimary ||
            !m_td.compatible)
            continue;
        if (s.min_wire_version > kClientMaxWireVersion) {
            m_td.compatible = false;
            m_td.compatibility_error = "Server at " + address + " requires wire version " +
                                       std::to_string(s.min_wire_version) +
                                       ", but this client only supports up to " +
                                       std::to_string(kClientMaxWireVersion) + ".";
        } else if (s.max_wire_version < kClientMinWireVersion) {
            m_td.compatible = false;
            m_td.compatibility_error = "Server at " + address + " reports wire version " +
                                       std::to_string(s.max_wire_version) +
                                       ", but this client requires at least " +
                                       std::to_string(kClientMinWireVersion) + " (MongoDB 3.6).";
        }
    }
    m_td.logical_session_timeout_minutes =
        any_data_bearing && !any_null ? timeout : std::optional<std::int64_t>{};
}

} // namespace

TopologyDescription apply(const TopologyDescription& topology, const ServerDescription& server) {
    return Update(topology, server).run();
}

} // namespace wn::sdam
