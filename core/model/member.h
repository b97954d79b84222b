#pragma once

#include "model/hosts.h"
#include "model/ismaster.h"

#include <array>

namespace wn {

enum class Role { Primary, Secondary, Arbiter, Other };
const char* role_name(Role role);

/// One server as the client sees it. Immutable: every change is a clone, as in PyMongo
/// 2.5.1, so a thread holding an RSState never sees a member change under it.
class Member {
public:
    Member(HostId host, int pool_id, IsMasterReply reply, double ping_ms);

    HostId host() const { return m_host; }
    bool up() const { return m_up; }
    Role role() const { return m_role; }
    bool is_primary() const { return m_up && m_role == Role::Primary; }
    /// Identity of the connection pool; a new pool means new connections to the server.
    int pool_id() const { return m_pool_id; }
    const IsMasterReply& ismaster_response() const { return m_reply; }
    /// The 5-sample moving average of ismaster round trips, in milliseconds.
    double avg_ping_ms() const;
    int sample_count() const { return m_sample_count; }

    /// A copy with a new ismaster reply and ping sample; keeps the pool (2.5.1 clone_with).
    Member clone_with(IsMasterReply reply, double ping_ms) const;
    /// A copy with one more ping sample, the oldest beyond five dropped.
    Member clone_with_sample(double ping_ms) const;
    /// A copy marked down, for RSState::clone_with_host_down.
    Member clone_down() const;

private:
    HostId m_host;
    bool m_up = true;
    Role m_role = Role::Other;
    int m_pool_id;
    IsMasterReply m_reply;
    std::array<double, 5> m_samples{};
    int m_sample_count = 0;
};

} // namespace wn
