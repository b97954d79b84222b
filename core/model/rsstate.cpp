#include "model/rsstate.h"

#include <algorithm>

namespace wn {

RSState::RSState(int version, std::vector<HostId> hosts, std::vector<Member> members,
                 std::vector<HostId> arbiters, std::optional<HostId> writer,
                 std::string error_message)
    : m_version(version), m_hosts(std::move(hosts)), m_members(std::move(members)),
      m_arbiters(std::move(arbiters)), m_writer(writer), m_error_message(std::move(error_message)) {
    std::sort(m_members.begin(), m_members.end(),
              [](const Member& a, const Member& b) { return a.host() < b.host(); });
    std::sort(m_hosts.begin(), m_hosts.end());
}

const Member* RSState::get(HostId host) const {
    auto it = std::lower_bound(m_members.begin(), m_members.end(), host,
                               [](const Member& m, HostId h) { return m.host() < h; });
    return it != m_members.end() && it->host() == host ? &*it : nullptr;
}

RSState RSState::clone_with_host_down(int version, HostId host, const std::string& error) const {
    std::vector<Member> members = m_members;
    for (Member& m : members)
        if (m.host() == host)
            m = m.clone_down();
    if (m_writer == host)
        return RSState(version, m_hosts, std::move(members), m_arbiters, std::nullopt, error);
    return RSState(version, m_hosts, std::move(members), m_arbiters, m_writer, m_error_message);
}

RSState RSState::clone_without_writer(int version, const std::string& error) const {
    return RSState(version, m_hosts, m_members, m_arbiters, std::nullopt, error);
}

} // namespace wn
