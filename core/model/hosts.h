#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wn {

/// Index of a host ("db1:27017") in the run's HostTable; cheap to copy and to trace.
using HostId = std::int32_t;
constexpr HostId kNoHost = -1;

/// Every host name a run has seen: the configured members and any added later.
class HostTable {
public:
    HostId intern(std::string_view name) {
        if (auto id = find(name))
            return *id;
        m_names.emplace_back(name);
        return static_cast<HostId>(m_names.size() - 1);
    }
    std::optional<HostId> find(std::string_view name) const {
        for (std::size_t i = 0; i < m_names.size(); ++i)
            if (m_names[i] == name)
                return static_cast<HostId>(i);
        return std::nullopt;
    }
    const std::string& name(HostId id) const { return m_names.at(static_cast<std::size_t>(id)); }
    std::size_t size() const { return m_names.size(); }

private:
    std::vector<std::string> m_names;
};

} // namespace wn
