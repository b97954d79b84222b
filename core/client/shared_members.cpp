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
    m_trace.record(m_scheduler.now(), actor, EventKind::MemberPop, host);
    return true;
}

void SharedMembers::set_primary(ActorId actor, std::optional<HostId> host) {
    m_primary = host;
    mutated();
    m_trace.record(m_scheduler.now(), actor, EventKind::PrimaryAssign, host.value_or(kNoHost));
}

const Member* SharedMembers::get(HostId host) const {
    for (const Member& m : m_members)
        if (m.host() == host)
            return &m;
    return nullptr;
}

} // namespace wn
