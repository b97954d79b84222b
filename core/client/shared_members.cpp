#include "client/shared_members.h"

#include <algorithm>

namespace wn {

void SharedMembers::mutated() {
    ++m_generation;
    ++m_metrics.in_place_mutations;
}

void SharedMembers::put(ActorId actor, Member member) {
    const HostId host = member.host();
    const int pool = member.pool_id();
    auto it = std::find_if(m_members.begin(), m_members.end(),
                           [&](const Member& m) { return m.host() == host; });
    if (it != m_members.end())
        *it = std::move(member);
    else
        m_members.push_back(std::move(member));
    mutated();
    m_trace.record(m_scheduler.now(), actor, EventKind::MemberPut, host, pool);
}

bool SharedMembers::pop(ActorId actor, HostId host) {
    auto it = std::find_if(m_members.begin(), m_members.end(),
                           [&](const Member& m) { return m.host() == host; });
    if (it == m_members.end())
        return false;
    m_members.erase(it);
    mutated();
    const Change change{actor, m_scheduler.now(), false};
    auto last =
        std::find_if(m_pops.begin(), m_pops.end(), [&](const auto& p) { return p.first == host; });
    if (last != m_pops.end())
        last->second = change;
    else
        m_pops.emplace_back(host, change);
    m_trace.record(m_scheduler.now(), actor, EventKind::MemberPop, host);
    return true;
}

void SharedMembers::set_primary(ActorId actor, std::optional<HostId> host, bool by_disconnect) {
    m_primary = host;
    m_primary_change = Change{actor, m_scheduler.now(), by_disconnect};
    mutated();
    m_trace.record(m_scheduler.now(), actor, EventKind::PrimaryAssign, host.value_or(kNoHost));
}

SharedMembers::Change SharedMembers::last_pop(HostId host) const {
    for (const auto& [popped, change] : m_pops)
        if (popped == host)
            return change;
    return Change{};
}

const Member* SharedMembers::get(HostId host) const {
    for (const Member& m : m_members)
        if (m.host() == host)
            return &m;
    return nullptr;
}

} // namespace wn
