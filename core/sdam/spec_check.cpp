// Replaying a test file and comparing each phase's outcome, as the specification's test README
// and its reference runner (PyMongo's test_discovery_and_monitoring.py) do.

#include "sdam/reducer.h"
#include "sdam/spec_file.h"

namespace wn::sdam {

namespace {

using nlohmann::json;

json oid_json(const std::optional<ObjectId>& id) {
    return id ? json{{"$oid", id->to_hex()}} : json(nullptr);
}

template <class T> json nullable_json(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json topology_version_json(const std::optional<TopologyVersion>& tv) {
    if (!tv)
        return nullptr;
    return json{{"processId", {{"$oid", tv->process_id.to_hex()}}}, {"counter", tv->counter}};
}

std::string quoted(const std::string& s) {
    return json(s).dump();
}

// Multi-threaded drivers need no PossiblePrimary: the specification makes it a synonym of
// Unknown for them, so either name matches either value.
bool same_type(ServerType expected, ServerType actual) {
    auto fold = [](ServerType t) {
        return t == ServerType::PossiblePrimary ? ServerType::Unknown : t;
    };
    return fold(expected) == fold(actual);
}

class Comparer {
public:
    explicit Comparer(std::optional<Mismatch>& out) : m_out(out) {}

    bool failed() const { return m_out.has_value(); }

    void check(const std::string& field, const json& expected, const json& actual) {
        if (!failed() && expected != actual)
            m_out = Mismatch{field, expected.dump(), actual.dump()};
    }

    void fail(const std::string& field, std::string expected, std::string actual) {
        if (!failed())
            m_out = Mismatch{field, std::move(expected), std::move(actual)};
    }

private:
    std::optional<Mismatch>& m_out;
};

void compare_server(Comparer& c, const ExpectedServer& e, const ServerDescription& a,
                    const std::string& path) {
    if (!same_type(e.type, a.type))
        c.fail(path + ".type", quoted(std::string(to_string(e.type))),
               quoted(std::string(to_string(a.type))));
    if (e.error && (!a.error || a.error->find(*e.error) == std::string::npos))
        c.fail(path + ".error", "an error containing " + quoted(*e.error),
               a.error ? quoted(*a.error) : "null");
    if (e.set_name)
        c.check(path + ".setName", nullable_json(*e.set_name), nullable_json(a.set_name));
    if (e.set_version)
        c.check(path + ".setVersion", nullable_json(*e.set_version), nullable_json(a.set_version));
    if (e.election_id)
        c.check(path + ".electionId", oid_json(*e.election_id), oid_json(a.election_id));
    if (e.logical_session_timeout_minutes)
        c.check(path + ".logicalSessionTimeoutMinutes",
                nullable_json(*e.logical_session_timeout_minutes),
                nullable_json(a.logical_session_timeout_minutes));
    if (e.min_wire_version)
        c.check(path + ".minWireVersion", *e.min_wire_version, a.min_wire_version);
    if (e.max_wire_version)
        c.check(path + ".maxWireVersion", *e.max_wire_version, a.max_wire_version);
    if (e.topology_version)
        c.check(path + ".topologyVersion", topology_version_json(*e.topology_version),
                topology_version_json(a.topology_version));
}

std::string address_list(const std::vector<std::string>& addresses) {
    std::string out = "[";
    for (const auto& a : addresses)
        out += (out.size() > 1 ? ", " : "") + a;
    return out + "]";
}

} // namespace

std::optional<Mismatch> compare_outcome(const Outcome& expected, const TopologyDescription& actual,
                                        const std::string& path) {
    std::optional<Mismatch> result;
    Comparer c(result);
    std::vector<std::string> want, have;
    for (const auto& [address, s] : expected.servers)
        want.push_back(address);
    for (const auto& [address, s] : actual.servers)
        have.push_back(address);
    if (want != have)
        c.fail(path + ".servers", address_list(want), address_list(have));
    for (const auto& [address, e] : expected.servers)
        if (const ServerDescription* a = actual.find(address))
            compare_server(c, e, *a, path + ".servers[\"" + address + "\"]");
    c.check(path + ".topologyType", std::string(to_string(expected.type)),
            std::string(to_string(actual.type)));
    if (expected.set_name)
        c.check(path + ".setName", nullable_json(*expected.set_name),
                nullable_json(actual.set_name));
    if (expected.logical_session_timeout_minutes)
        c.check(path + ".logicalSessionTimeoutMinutes",
                nullable_json(*expected.logical_session_timeout_minutes),
                nullable_json(actual.logical_session_timeout_minutes));
    if (expected.max_set_version)
        c.check(path + ".maxSetVersion", nullable_json(*expected.max_set_version),
                nullable_json(actual.max_set_version));
    if (expected.max_election_id)
        c.check(path + ".maxElectionId", oid_json(*expected.max_election_id),
                oid_json(actual.max_election_id));
    if (expected.compatible)
        c.check(path + ".compatible", *expected.compatible, actual.compatible);
    return result;
}

Replay replay(const SpecFile& file, bool check) {
    Replay r;
    TopologyDescription td = file.initial;
    for (std::size_t i = 0; i < file.phases.size(); ++i) {
        for (const auto& response : file.phases[i].responses)
            td = apply(td, response);
        r.after_phase.push_back(td);
        if (check) {
            r.mismatch = compare_outcome(file.phases[i].outcome, td,
                                         "phases[" + std::to_string(i) + "].outcome");
            if (r.mismatch)
                break;
        }
    }
    return r;
}

json outcome_json(const TopologyDescription& td) {
    json servers = json::object();
    for (const auto& [address, s] : td.servers) {
        json j{{"type", to_string(s.type)},
               {"setName", nullable_json(s.set_name)},
               {"setVersion", nullable_json(s.set_version)},
               {"electionId", oid_json(s.election_id)}};
        if (s.error)
            j["error"] = *s.error;
        servers[address] = std::move(j);
    }
    json out{{"topologyType", to_string(td.type)},
             {"setName", nullable_json(td.set_name)},
             {"servers", std::move(servers)},
             {"logicalSessionTimeoutMinutes", nullable_json(td.logical_session_timeout_minutes)},
             {"maxSetVersion", nullable_json(td.max_set_version)},
             {"maxElectionId", oid_json(td.max_election_id)},
             {"compatible", td.compatible}};
    return out;
}

} // namespace wn::sdam
