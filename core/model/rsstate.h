#pragma once

#include "model/hosts.h"
#include "model/member.h"

#include <optional>
#include <string>
#include <vector>

namespace wn {

/// The nest: everything the client knows about the replica set, hanging off one attribute.
/// Immutable; a change is a clone with a new version number, published by one pointer swap.
class RSState {
public:
    RSState(int version, std::vector<HostId> hosts, std::vector<Member> members,
            std::vector<HostId> arbiters, std::optional<HostId> writer, std::string error_message);

    /// v1, v2, ... in publication order.
    int version() const { return m_version; }
    /// Every host in the set's config, reachable or not (what to ask on the next refresh).
    const std::vector<HostId>& hosts() const { return m_hosts; }
    /// The members that answered, sorted by host id.
    const std::vector<Member>& members() const { return m_members; }
    const std::vector<HostId>& arbiters() const { return m_arbiters; }
    std::optional<HostId> writer() const { return m_writer; }
    /// Why there is no writer ("No primary available", a socket error); empty with a writer.
    const std::string& error_message() const { return m_error_message; }

    /// The member for `host`, or null when it is not in this state.
    const Member* get(HostId host) const;
    const Member* primary_member() const { return m_writer ? get(*m_writer) : nullptr; }

    /// 2.5.1: after a socket error, a thread publishes a copy with that host marked down;
    /// when it was the writer the copy has none and carries the error.
    RSState clone_with_host_down(int version, HostId host, const std::string& error) const;
    /// A copy without a writer (the primary is unknown until the monitor refreshes).
    RSState clone_without_writer(int version, const std::string& error) const;

private:
    int m_version;
    std::vector<HostId> m_hosts;
    std::vector<Member> m_members;
    std::vector<HostId> m_arbiters;
    std::optional<HostId> m_writer;
    std::string m_error_message;
};

} // namespace wn
