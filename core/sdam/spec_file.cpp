#include "sdam/spec_file.h"

#include "sdam/hello.h"

#include <algorithm>
#include <cctype>

namespace wn::sdam {

namespace {

using nlohmann::json;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

const json& member(const json& obj, const char* key, const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end())
        throw FormatError(join(path, key), "missing");
    return *it;
}

std::optional<std::string> nullable_string(const json& obj, const char* key,
                                           const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        throw FormatError(join(path, key), "expected a string or null");
    return it->get<std::string>();
}

std::optional<std::int64_t> nullable_int(const json& obj, const char* key,
                                         const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return std::nullopt;
    return parse_int64(*it, join(path, key));
}

std::optional<ObjectId> nullable_oid(const json& obj, const char* key, const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return std::nullopt;
    return parse_object_id(*it, join(path, key));
}

// Absent stays absent; present (null or a value) is parsed.
template <class F>
auto if_present(const json& obj, const char* key, const std::string& path, F parse)
    -> Expected<typename decltype(parse(obj, key, path))::value_type> {
    if (!obj.contains(key))
        return std::nullopt;
    return parse(obj, key, path);
}

ExpectedServer parse_expected_server(const json& j, const std::string& path) {
    if (!j.is_object())
        throw FormatError(path, "expected a server object");
    ExpectedServer s;
    const json& type = member(j, "type", path);
    const auto t = type.is_string() ? parse_server_type(type.get<std::string>()) : std::nullopt;
    if (!t)
        throw FormatError(path + ".type", "expected a ServerType name");
    s.type = *t;
    s.set_name = if_present(j, "setName", path, nullable_string);
    s.set_version = if_present(j, "setVersion", path, nullable_int);
    s.election_id = if_present(j, "electionId", path, nullable_oid);
    s.error = nullable_string(j, "error", path);
    s.logical_session_timeout_minutes =
        if_present(j, "logicalSessionTimeoutMinutes", path, nullable_int);
    if (j.contains("minWireVersion"))
        s.min_wire_version =
            static_cast<int>(parse_int64(j["minWireVersion"], path + ".minWireVersion"));
    if (j.contains("maxWireVersion"))
        s.max_wire_version =
            static_cast<int>(parse_int64(j["maxWireVersion"], path + ".maxWireVersion"));
    if (j.contains("topologyVersion")) {
        s.topology_version.emplace();
        if (!j["topologyVersion"].is_null())
            *s.topology_version =
                parse_topology_version(j["topologyVersion"], path + ".topologyVersion");
    }
    return s;
}

Outcome parse_outcome(const json& j, const std::string& path) {
    if (!j.is_object())
        throw FormatError(path, "expected an outcome object");
    Outcome o;
    const json& type = member(j, "topologyType", path);
    const auto t = type.is_string() ? parse_topology_type(type.get<std::string>()) : std::nullopt;
    if (!t)
        throw FormatError(path + ".topologyType", "expected a TopologyType name");
    o.type = *t;
    o.set_name = if_present(j, "setName", path, nullable_string);
    const json& servers = member(j, "servers", path);
    if (!servers.is_object())
        throw FormatError(path + ".servers", "expected an object keyed by address");
    for (const auto& [address, server] : servers.items())
        o.servers.emplace(normalize_address(address),
                          parse_expected_server(server, path + ".servers[\"" + address + "\"]"));
    o.logical_session_timeout_minutes =
        if_present(j, "logicalSessionTimeoutMinutes", path, nullable_int);
    o.max_set_version = if_present(j, "maxSetVersion", path, nullable_int);
    o.max_election_id = if_present(j, "maxElectionId", path, nullable_oid);
    if (const auto it = j.find("compatible"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw FormatError(path + ".compatible", "expected a boolean");
        o.compatible = it->get<bool>();
    }
    return o;
}

Phase parse_phase(const json& j, const std::string& path) {
    if (!j.is_object())
        throw FormatError(path, "expected a phase object");
    if (j.contains("applicationErrors"))
        throw FormatError(path + ".applicationErrors", "application errors are not supported");
    Phase phase;
    if (const auto it = j.find("responses"); it != j.end()) {
        if (!it->is_array())
            throw FormatError(path + ".responses", "expected an array of [address, reply]");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string rpath = path + ".responses[" + std::to_string(i) + "]";
            const json& pair = (*it)[i];
            if (!pair.is_array() || pair.size() != 2)
                throw FormatError(rpath, "expected [address, reply]");
            if (!pair[0].is_string() || pair[0].get<std::string>().empty())
                throw FormatError(rpath + "[0]", "expected an address string");
            phase.responses.push_back(
                parse_hello(pair[0].get<std::string>(), pair[1], rpath + "[1]"));
        }
    }
    phase.outcome = parse_outcome(member(j, "outcome", path), path + ".outcome");
    return phase;
}

} // namespace

TopologyDescription topology_from_uri(const std::string& uri, const std::string& path) {
    const std::string scheme = "mongodb://";
    if (uri.rfind(scheme, 0) != 0)
        throw FormatError(path, "expected a mongodb:// connection string");
    std::string rest = uri.substr(scheme.size());
    const auto end_hosts = rest.find_first_of("/?");
    std::string hosts = rest.substr(0, end_hosts);
    std::string options;
    if (end_hosts != std::string::npos) {
        const auto q = rest.find('?', end_hosts);
        if (q != std::string::npos)
            options = rest.substr(q + 1);
    }
    if (const auto at = hosts.rfind('@'); at != std::string::npos)
        hosts = hosts.substr(at + 1);
    std::vector<std::string> seeds;
    for (std::size_t pos = 0; pos <= hosts.size();) {
        const auto comma = std::min(hosts.find(',', pos), hosts.size());
        if (comma == pos)
            throw FormatError(path, "empty host in the seed list");
        seeds.push_back(hosts.substr(pos, comma - pos));
        pos = comma + 1;
    }
    std::optional<std::string> set_name;
    bool direct = false;
    for (std::size_t pos = 0; pos < options.size();) {
        const auto amp = std::min(options.find('&', pos), options.size());
        const std::string option = options.substr(pos, amp - pos);
        pos = amp + 1;
        const auto eq = option.find('=');
        if (eq == std::string::npos)
            throw FormatError(path, "option '" + option + "' has no value");
        const std::string key = lower(option.substr(0, eq));
        const std::string value = option.substr(eq + 1);
        if (key == "replicaset") {
            set_name = value;
        } else if (key == "directconnection") {
            if (value != "true" && value != "false")
                throw FormatError(path, "directConnection must be true or false");
            direct = value == "true";
        } else if (key == "loadbalanced" && value == "true") {
            throw FormatError(path, "load-balanced topologies are not supported");
        }
    }
    if (direct && seeds.size() > 1)
        throw FormatError(path, "directConnection=true with more than one seed");
    return initial_topology(seeds, set_name, direct);
}

SpecFile load_spec_file(const json& doc) {
    if (!doc.is_object())
        throw FormatError("(document)", "expected a test object");
    SpecFile file;
    if (const auto d = nullable_string(doc, "description", ""))
        file.description = *d;
    const json& uri = member(doc, "uri", "");
    if (!uri.is_string())
        throw FormatError("uri", "expected a connection string");
    file.initial = topology_from_uri(uri.get<std::string>());
    const json& phases = member(doc, "phases", "");
    if (!phases.is_array() || phases.empty())
        throw FormatError("phases", "expected a non-empty array");
    for (std::size_t i = 0; i < phases.size(); ++i)
        file.phases.push_back(parse_phase(phases[i], "phases[" + std::to_string(i) + "]"));
    return file;
}

} // namespace wn::sdam
