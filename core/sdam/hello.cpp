#include "sdam/hello.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace wn::sdam {

namespace {

using nlohmann::json;

std::string field_path(const std::string& path, const char* key) {
    return path + "." + key;
}

// Truthiness as the server means it: booleans, and numbers other than zero.
bool truthy(const json& reply, const char* key, const std::string& path) {
    const auto it = reply.find(key);
    if (it == reply.end() || it->is_null())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    if (it->is_number())
        return it->get<double>() != 0.0;
    throw FormatError(field_path(path, key), "expected a boolean or a number");
}

std::optional<std::string> optional_string(const json& reply, const char* key,
                                           const std::string& path) {
    const auto it = reply.find(key);
    if (it == reply.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        throw FormatError(field_path(path, key), "expected a string");
    return it->get<std::string>();
}

std::optional<std::int64_t> optional_int(const json& reply, const char* key,
                                         const std::string& path) {
    const auto it = reply.find(key);
    if (it == reply.end() || it->is_null())
        return std::nullopt;
    return parse_int64(*it, field_path(path, key));
}

std::vector<std::string> address_list(const json& reply, const char* key, const std::string& path) {
    std::vector<std::string> out;
    const auto it = reply.find(key);
    if (it == reply.end() || it->is_null())
        return out;
    if (!it->is_array())
        throw FormatError(field_path(path, key), "expected an array of addresses");
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& a = (*it)[i];
        if (!a.is_string())
            throw FormatError(field_path(path, key) + "[" + std::to_string(i) + "]",
                              "expected an address string");
        out.push_back(normalize_address(a.get<std::string>()));
    }
    return out;
}

int wire_version(const json& reply, const char* key, const std::string& path) {
    const auto v = optional_int(reply, key, path);
    if (v && (*v < 0 || *v > 1'000'000))
        throw FormatError(field_path(path, key), "out of range");
    return v ? static_cast<int>(*v) : 0;
}

ServerType server_type(const json& reply, const std::string& path) {
    if (!truthy(reply, "ok", path))
        return ServerType::Unknown;
    if (truthy(reply, "isreplicaset", path))
        return ServerType::RSGhost;
    if (reply.contains("setName") && !reply["setName"].is_null()) {
        // Drivers check isWritablePrimary first and fall back to the legacy ismaster.
        const bool writable = reply.contains("isWritablePrimary")
                                  ? truthy(reply, "isWritablePrimary", path)
                                  : truthy(reply, "ismaster", path);
        if (truthy(reply, "hidden", path))
            return ServerType::RSOther;
        if (writable)
            return ServerType::RSPrimary;
        if (truthy(reply, "secondary", path))
            return ServerType::RSSecondary;
        if (truthy(reply, "arbiterOnly", path))
            return ServerType::RSArbiter;
        return ServerType::RSOther;
    }
    const auto msg = optional_string(reply, "msg", path);
    if (msg && *msg == "isdbgrid")
        return ServerType::Mongos;
    return ServerType::Standalone;
}

} // namespace

ObjectId parse_object_id(const json& j, const std::string& path) {
    if (!j.is_object() || j.size() != 1 || !j.contains("$oid") || !j["$oid"].is_string())
        throw FormatError(path, "expected an ObjectId {\"$oid\": \"<24 hex digits>\"}");
    const auto id = ObjectId::from_hex(j["$oid"].get<std::string>());
    if (!id)
        throw FormatError(path, "$oid must be exactly 24 hex digits");
    return *id;
}

std::int64_t parse_int64(const json& j, const std::string& path) {
    if (j.is_number_integer())
        return j.get<std::int64_t>();
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return static_cast<std::int64_t>(d);
        throw FormatError(path, "expected an integer");
    }
    for (const char* key : {"$numberLong", "$numberInt"}) {
        if (j.is_object() && j.size() == 1 && j.contains(key) && j[key].is_string()) {
            const std::string s = j[key].get<std::string>();
            std::int64_t v = 0;
            const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            if (ec == std::errc() && end == s.data() + s.size())
                return v;
        }
    }
    throw FormatError(path, "expected an integer");
}

TopologyVersion parse_topology_version(const json& j, const std::string& path) {
    if (!j.is_object() || !j.contains("processId") || !j.contains("counter"))
        throw FormatError(path, "expected {\"processId\": ObjectId, \"counter\": integer}");
    return TopologyVersion{parse_object_id(j["processId"], path + ".processId"),
                           parse_int64(j["counter"], path + ".counter")};
}

ServerDescription parse_hello(const std::string& address, const json& reply,
                              const std::string& path) {
    if (!reply.is_object())
        throw FormatError(path, "expected a hello reply object");
    const std::string normalized = normalize_address(address);
    if (reply.empty())
        return ServerDescription::unknown(normalized, kNetworkError);

    ServerDescription sd;
    sd.address = normalized;
    sd.type = server_type(reply, path);
    if (const auto it = reply.find("topologyVersion"); it != reply.end() && !it->is_null())
        sd.topology_version = parse_topology_version(*it, field_path(path, "topologyVersion"));
    if (sd.type == ServerType::Unknown) {
        // A failed command: nothing else in the reply describes the server.
        sd.error = "hello failed: " + optional_string(reply, "errmsg", path).value_or("ok: 0");
        return sd;
    }
    sd.min_wire_version = wire_version(reply, "minWireVersion", path);
    sd.max_wire_version = wire_version(reply, "maxWireVersion", path);
    if (const auto me = optional_string(reply, "me", path))
        sd.me = normalize_address(*me);
    sd.hosts = address_list(reply, "hosts", path);
    sd.passives = address_list(reply, "passives", path);
    sd.arbiters = address_list(reply, "arbiters", path);
    sd.set_name = optional_string(reply, "setName", path);
    sd.set_version = optional_int(reply, "setVersion", path);
    if (const auto it = reply.find("electionId"); it != reply.end() && !it->is_null())
        sd.election_id = parse_object_id(*it, field_path(path, "electionId"));
    if (const auto primary = optional_string(reply, "primary", path))
        sd.primary = normalize_address(*primary);
    sd.logical_session_timeout_minutes = optional_int(reply, "logicalSessionTimeoutMinutes", path);
    return sd;
}

} // namespace wn::sdam
