#include "model/ismaster.h"

#include <nlohmann/json.hpp>

namespace wn {

nlohmann::json IsMasterReply::to_json(const HostTable& table) const {
    auto names = [&](const std::vector<HostId>& ids) {
        nlohmann::json list = nlohmann::json::array();
        for (HostId id : ids)
            list.push_back(table.name(id));
        return list;
    };
    nlohmann::json doc;
    doc["ismaster"] = ismaster;
    doc["secondary"] = secondary;
    if (arbiter_only)
        doc["arbiterOnly"] = true;
    if (!set_name.empty()) {
        doc["setName"] = set_name;
        doc["setVersion"] = config_version;
        doc["hosts"] = names(hosts);
        if (!passives.empty())
            doc["passives"] = names(passives);
        if (!arbiters.empty())
            doc["arbiters"] = names(arbiters);
        if (primary)
            doc["primary"] = table.name(*primary);
    } else {
        doc["info"] = "Does not have a valid replica set config";
    }
    if (me != kNoHost)
        doc["me"] = table.name(me);
    doc["maxBsonObjectSize"] = 16777216;
    doc["ok"] = 1.0;
    return doc;
}

} // namespace wn
