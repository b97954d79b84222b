#pragma once

#include "sdam/hello.h"
#include "sdam/reducer.h"

#include <nlohmann/json.hpp>
#include <string>

namespace wn::sdam::test {

inline std::string oid(int last_byte) {
    static constexpr char kDigits[] = "0123456789abcdef";
    return std::string(22, '0') + kDigits[(last_byte >> 4) & 0xf] + kDigits[last_byte & 0xf];
}

// A hello reply from a member of set "rs" that lists a, b and c.
inline nlohmann::json member_reply(bool primary, int max_wire_version = 21) {
    nlohmann::json r{{"ok", 1},
                     {"helloOk", true},
                     {"isWritablePrimary", primary},
                     {"setName", "rs"},
                     {"hosts", {"a:27017", "b:27017", "c:27017"}},
                     {"minWireVersion", 0},
                     {"maxWireVersion", max_wire_version}};
    if (!primary)
        r["secondary"] = true;
    return r;
}

inline nlohmann::json primary_reply(int election_byte, int set_version, int max_wire_version) {
    nlohmann::json r = member_reply(true, max_wire_version);
    r["electionId"] = {{"$oid", oid(election_byte)}};
    r["setVersion"] = set_version;
    return r;
}

inline TopologyDescription feed(TopologyDescription td, const std::string& address,
                                const nlohmann::json& reply) {
    return apply(td, parse_hello(address, reply));
}

inline TopologyDescription three_seeds() {
    return initial_topology({"a:27017", "b:27017", "c:27017"}, std::string("rs"));
}

} // namespace wn::sdam::test
