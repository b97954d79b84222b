#pragma once
// Parsing a hello or legacy hello reply into a ServerDescription (the specification's
// "Parsing a hello or legacy hello response"), and the extended JSON the test files use.

#include "sdam/description.h"

#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>

namespace wn::sdam {

// Malformed input: `path` names the JSON value (e.g. "phases[1].responses[0][1].electionId").
class FormatError : public std::runtime_error {
public:
    FormatError(std::string path, const std::string& reason)
        : std::runtime_error(path + ": " + reason), m_path(std::move(path)) {}
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

// The error a failed check leaves on its server: a network error, written `{}` in the files.
inline constexpr const char* kNetworkError = "network error: no reply to hello";

// `reply` is the hello document, `{}` for a network error. `path` prefixes FormatError paths.
ServerDescription parse_hello(const std::string& address, const nlohmann::json& reply,
                              const std::string& path = "reply");

// Extended JSON {"$oid": "<24 hex>"}.
ObjectId parse_object_id(const nlohmann::json& j, const std::string& path);
// An integer, or extended JSON {"$numberLong": "<digits>"} / {"$numberInt": "<digits>"}.
std::int64_t parse_int64(const nlohmann::json& j, const std::string& path);
TopologyVersion parse_topology_version(const nlohmann::json& j, const std::string& path);

} // namespace wn::sdam
