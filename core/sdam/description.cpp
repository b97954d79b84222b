#include "sdam/description.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace wn::sdam {

namespace {

constexpr std::array<std::pair<ServerType, std::string_view>, 10> kServerTypes{{
    {ServerType::Unknown, "Unknown"},
    {ServerType::Standalone, "Standalone"},
    {ServerType::Mongos, "Mongos"},
    {ServerType::PossiblePrimary, "PossiblePrimary"},
    {ServerType::RSPrimary, "RSPrimary"},
    {ServerType::RSSecondary, "RSSecondary"},
    {ServerType::RSArbiter, "RSArbiter"},
    {ServerType::RSOther, "RSOther"},
    {ServerType::RSGhost, "RSGhost"},
    {ServerType::LoadBalancer, "LoadBalancer"},
}};

constexpr std::array<std::pair<TopologyType, std::string_view>, 6> kTopologyTypes{{
    {TopologyType::Unknown, "Unknown"},
    {TopologyType::Single, "Single"},
    {TopologyType::ReplicaSetNoPrimary, "ReplicaSetNoPrimary"},
    {TopologyType::ReplicaSetWithPrimary, "ReplicaSetWithPrimary"},
    {TopologyType::Sharded, "Sharded"},
    {TopologyType::LoadBalanced, "LoadBalanced"},
}};

template <class Table, class E> std::string_view name_of(const Table& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "?";
}

template <class E, class Table>
std::optional<E> value_of(const Table& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name)
            return v;
    return std::nullopt;
}

} // namespace

std::string_view to_string(ServerType t) {
    return name_of(kServerTypes, t);
}
std::string_view to_string(TopologyType t) {
    return name_of(kTopologyTypes, t);
}

std::optional<ServerType> parse_server_type(std::string_view name) {
    return value_of<ServerType>(kServerTypes, name);
}

std::optional<TopologyType> parse_topology_type(std::string_view name) {
    return value_of<TopologyType>(kTopologyTypes, name);
}

bool is_data_bearing(ServerType t) {
    return t == ServerType::Mongos || t == ServerType::RSPrimary || t == ServerType::RSSecondary ||
           t == ServerType::Standalone || t == ServerType::LoadBalancer;
}

ServerDescription ServerDescription::unknown(std::string address,
                                             std::optional<std::string> error) {
    ServerDescription sd;
    sd.address = std::move(address);
    sd.error = std::move(error);
    return sd;
}

bool ServerDescription::lists_member(const std::string& address) const {
    auto in = [&](const std::vector<std::string>& v) {
        return std::find(v.begin(), v.end(), address) != v.end();
    };
    return in(hosts) || in(passives) || in(arbiters);
}

const ServerDescription* TopologyDescription::find(const std::string& address) const {
    const auto it = servers.find(address);
    return it == servers.end() ? nullptr : &it->second;
}

bool TopologyDescription::has_primary() const {
    return std::any_of(servers.begin(), servers.end(),
                       [](const auto& s) { return s.second.type == ServerType::RSPrimary; });
}

TopologyDescription initial_topology(const std::vector<std::string>& seeds,
                                     std::optional<std::string> set_name, bool direct_connection) {
    TopologyDescription td;
    if (direct_connection)
        td.type = TopologyType::Single;
    else if (set_name)
        td.type = TopologyType::ReplicaSetNoPrimary;
    td.set_name = std::move(set_name);
    td.seed_count = seeds.size();
    for (const auto& seed : seeds) {
        const std::string address = normalize_address(seed);
        td.servers.emplace(address, ServerDescription::unknown(address));
    }
    return td;
}

std::string normalize_address(std::string_view address) {
    std::string host;
    std::string_view port;
    if (!address.empty() && address.front() == '[') {
        // An IPv6 literal keeps its brackets; its port, if any, follows "]:".
        const auto close = address.find(']');
        host = std::string(
            address.substr(0, close == std::string_view::npos ? address.size() : close + 1));
        if (close != std::string_view::npos && close + 1 < address.size() &&
            address[close + 1] == ':')
            port = address.substr(close + 2);
    } else {
        const auto colon = address.rfind(':');
        host = std::string(address.substr(0, colon));
        if (colon != std::string_view::npos)
            port = address.substr(colon + 1);
    }
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return host + ":" + (port.empty() ? std::string("27017") : std::string(port));
}

} // namespace wn::sdam
