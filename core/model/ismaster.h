#pragma once

#include "model/hosts.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wn {

/// A 2.4-era `ismaster` reply, with the fields PyMongo 2.5.1's refresh() reads.
struct IsMasterReply {
    bool ismaster = false;
    bool secondary = false;
    bool arbiter_only = false;
    std::string set_name; // empty: the server has no valid replica-set config
    std::vector<HostId> hosts;
    std::vector<HostId> passives;
    std::vector<HostId> arbiters;
    std::optional<HostId> primary;
    HostId me = kNoHost;
    int config_version = 0;

    /// The reply as MongoDB 2.4 would send it (`{"setName": ..., "ismaster": true, ...}`).
    nlohmann::json to_json(const HostTable& hosts) const;
};

} // namespace wn
