#include "model/member.h"

#include <algorithm>

namespace wn {
namespace {

Role role_from(const IsMasterReply& reply) {
    if (reply.ismaster)
        return Role::Primary;
    if (reply.secondary)
        return Role::Secondary;
    if (reply.arbiter_only)
        return Role::Arbiter;
    return Role::Other;
}

} // namespace

const char* role_name(Role role) {
    switch (role) {
    case Role::Primary:
        return "PRIMARY";
    case Role::Secondary:
        return "SECONDARY";
    case Role::Arbiter:
        return "ARBITER";
    case Role::Other:
        break;
    }
    return "OTHER";
}

Member::Member(HostId host, int pool_id, IsMasterReply reply, double ping_ms)
    : m_host(host), m_role(role_from(reply)), m_pool_id(pool_id), m_reply(std::move(reply)) {
    m_samples[0] = ping_ms;
    m_sample_count = 1;
}

double Member::avg_ping_ms() const {
    double sum = 0;
    for (int i = 0; i < m_sample_count; ++i)
        sum += m_samples[static_cast<std::size_t>(i)];
    return m_sample_count ? sum / m_sample_count : 0.0;
}

Member Member::clone_with_sample(double ping_ms) const {
    Member copy = *this;
    if (copy.m_sample_count == 5) {
        std::rotate(copy.m_samples.begin(), copy.m_samples.begin() + 1, copy.m_samples.end());
        copy.m_samples[4] = ping_ms;
    } else {
        copy.m_samples[static_cast<std::size_t>(copy.m_sample_count++)] = ping_ms;
    }
    return copy;
}

Member Member::clone_with(IsMasterReply reply, double ping_ms) const {
    Member copy = clone_with_sample(ping_ms);
    copy.m_role = role_from(reply);
    copy.m_reply = std::move(reply);
    copy.m_up = true;
    return copy;
}

Member Member::clone_down() const {
    Member copy = *this;
    copy.m_up = false;
    return copy;
}

} // namespace wn
