#pragma once
// MongoDB's SDAM specification test files (server-discovery-and-monitoring/tests): loading
// one, replaying its phases through apply(), and comparing each phase's outcome.

#include "sdam/description.h"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wn::sdam {

// A value an outcome may give: absent (not compared), null, or a value. The test README lists
// these fields as "absent or ..."; the files give them wherever a rule sets them.
template <class T> using Expected = std::optional<std::optional<T>>;

// One server of an outcome.
struct ExpectedServer {
    ServerType type = ServerType::Unknown;
    Expected<std::string> set_name;
    Expected<std::int64_t> set_version;
    Expected<ObjectId> election_id;
    std::optional<std::string> error; // a substring of the actual error
    Expected<std::int64_t> logical_session_timeout_minutes;
    std::optional<int> min_wire_version;
    std::optional<int> max_wire_version;
    Expected<TopologyVersion> topology_version;
};

struct Outcome {
    TopologyType type = TopologyType::Unknown;
    Expected<std::string> set_name;
    std::map<std::string, ExpectedServer> servers;
    Expected<std::int64_t> logical_session_timeout_minutes;
    Expected<std::int64_t> max_set_version;
    Expected<ObjectId> max_election_id;
    std::optional<bool> compatible;
};

struct Phase {
    std::vector<ServerDescription> responses; // in the order they are applied
    Outcome outcome;
};

struct SpecFile {
    std::string description;
    TopologyDescription initial;
    std::vector<Phase> phases;
};

// Throws FormatError naming the JSON path of the first malformed value.
SpecFile load_spec_file(const nlohmann::json& doc);

// The initial topology a connection string asks for ("Initial TopologyDescription").
TopologyDescription topology_from_uri(const std::string& uri, const std::string& path = "uri");

struct Mismatch {
    std::string field; // e.g. phases[1].outcome.servers["a:27017"].type
    std::string expected;
    std::string actual;
};

// The first field of `expected` that `actual` does not match, checked in a fixed order: the
// set of servers, each server (by address), then the topology's own fields.
std::optional<Mismatch> compare_outcome(const Outcome& expected, const TopologyDescription& actual,
                                        const std::string& path);

struct Replay {
    std::vector<TopologyDescription> after_phase;
    std::optional<Mismatch> mismatch; // the first, if any; replay stops there
};

Replay replay(const SpecFile& file, bool check);

// A topology in the outcome format of the test files (servers keyed by address).
nlohmann::json outcome_json(const TopologyDescription& td);

} // namespace wn::sdam
