#pragma once
// The SDAM specification's data structures ("Data structures" section): the client's view of
// one server and of the whole deployment. Both are values: the reducer never changes one, it
// builds the next.

#include "sdam/object_id.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wn::sdam {

enum class ServerType {
    Unknown,
    Standalone,
    Mongos,
    PossiblePrimary,
    RSPrimary,
    RSSecondary,
    RSArbiter,
    RSOther,
    RSGhost,
    LoadBalancer,
};

enum class TopologyType {
    Unknown,
    Single,
    ReplicaSetNoPrimary,
    ReplicaSetWithPrimary,
    Sharded,
    LoadBalanced,
};

std::string_view to_string(ServerType t);
std::string_view to_string(TopologyType t);
std::optional<ServerType> parse_server_type(std::string_view name);
std::optional<TopologyType> parse_topology_type(std::string_view name);

// Mongos, RSPrimary, RSSecondary, Standalone and LoadBalancer ("Data-Bearing Server Type").
bool is_data_bearing(ServerType t);

// The wire-protocol range this client speaks, for the topology's "compatible" field: MongoDB
// 3.6 (6) to 8.0 (25).
inline constexpr int kClientMinWireVersion = 6;
inline constexpr int kClientMaxWireVersion = 25;

struct TopologyVersion {
    ObjectId process_id;
    std::int64_t counter = 0;
    friend bool operator==(const TopologyVersion&, const TopologyVersion&) = default;
};

struct ServerDescription {
    std::string address; // normalised: lower-case host, explicit port
    ServerType type = ServerType::Unknown;
    std::optional<std::string> error;
    int min_wire_version = 0;
    int max_wire_version = 0;
    std::optional<std::string> me;
    std::vector<std::string> hosts;
    std::vector<std::string> passives;
    std::vector<std::string> arbiters;
    std::optional<std::string> set_name;
    std::optional<std::int64_t> set_version;
    std::optional<ObjectId> election_id;
    std::optional<std::string> primary;
    std::optional<std::int64_t> logical_session_timeout_minutes;
    std::optional<TopologyVersion> topology_version;
    // roundTripTime: the monitor's moving average, milliseconds; null before a good check.
    std::optional<double> round_trip_time_ms;

    // A default description of type Unknown, optionally carrying why.
    static ServerDescription unknown(std::string address,
                                     std::optional<std::string> error = std::nullopt);
    // Whether `address` is in this server's hosts, passives or arbiters.
    bool lists_member(const std::string& address) const;

    friend bool operator==(const ServerDescription&, const ServerDescription&) = default;
};

struct TopologyDescription {
    TopologyType type = TopologyType::Unknown;
    std::optional<std::string> set_name;
    std::optional<std::int64_t> max_set_version;
    std::optional<ObjectId> max_election_id;
    std::map<std::string, ServerDescription> servers; // by address
    std::optional<std::int64_t> logical_session_timeout_minutes;
    bool compatible = true;
    std::optional<std::string> compatibility_error;
    // A setting, not state: the number of seeds decides updateUnknownWithStandalone.
    std::size_t seed_count = 0;

    const ServerDescription* find(const std::string& address) const;
    bool has_primary() const;

    friend bool operator==(const TopologyDescription&, const TopologyDescription&) = default;
};

// The "Initial TopologyDescription" of the configuration section: every seed an Unknown
// server; ReplicaSetNoPrimary with a set name, Single for a direct connection, else Unknown.
TopologyDescription initial_topology(const std::vector<std::string>& seeds,
                                     std::optional<std::string> set_name,
                                     bool direct_connection = false);

// "host[:port]" with the host lower-cased and the default port 27017 made explicit.
std::string normalize_address(std::string_view address);

} // namespace wn::sdam
