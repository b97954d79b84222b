#include "lab/lab_servers.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace wn::lab {

LabServers::LabServers(int members, ServerTiming timing) : m_timing(timing) {
    if (members < 1 || members > 7) {
        throw std::invalid_argument("lab: members must be 1..7");
    }
    for (int i = 1; i <= members; ++i) {
        const HostId h = m_table.intern("db" + std::to_string(i) + ":27017");
        m_hosts.push_back(h);
        m_status.push_back({h, true, i == 1});
        if (i == 1) {
            m_last_primary = h;
        }
        m_revive_at.push_back(Clock::time_point::max());
    }
}

LabServers::Status LabServers::status(HostId host) const {
    std::lock_guard lock(m_mu);
    return m_status.at(static_cast<std::size_t>(host));
}

std::optional<HostId> LabServers::primary() const {
    std::lock_guard lock(m_mu);
    for (const Status& s : m_status) {
        if (s.up && s.primary) {
            return s.host;
        }
    }
    return std::nullopt;
}

std::optional<HostId> LabServers::kill_primary(Clock::time_point now) {
    std::lock_guard lock(m_mu);
    for (Status& s : m_status) {
        if (s.up && s.primary) {
            s.up = false;
            s.primary = false;
            if (m_timing.revive_after.count() > 0) {
                m_revive_at[static_cast<std::size_t>(s.host)] = now + m_timing.revive_after;
            }
            m_last_primary = s.host;
            m_election_at = now + m_timing.election_delay;
            ++m_kills;
            return s.host;
        }
    }
    return std::nullopt;
}

std::uint64_t LabServers::kills() const {
    std::lock_guard lock(m_mu);
    return m_kills;
}

void LabServers::kills_published(std::uint64_t kills) {
    std::lock_guard lock(m_mu);
    m_kills_published = std::max(m_kills_published, kills);
}

bool LabServers::elect_locked() {
    const auto n = m_status.size();
    for (std::size_t k = 1; k <= n; ++k) {
        Status& s = m_status[(static_cast<std::size_t>(m_last_primary) + k) % n];
        if (s.up) {
            s.primary = true;
            m_last_primary = s.host;
            return true;
        }
    }
    return false; // every member is down: no primary until one restarts
}

bool LabServers::advance(Clock::time_point now) {
    std::lock_guard lock(m_mu);
    bool changed = false;
    for (Status& s : m_status) {
        auto& at = m_revive_at[static_cast<std::size_t>(s.host)];
        if (at <= now) {
            at = Clock::time_point::max();
            s.up = true; // restarts as a secondary
            changed = true;
        }
    }
    const bool has_primary = std::any_of(m_status.begin(), m_status.end(),
                                         [](const Status& s) { return s.up && s.primary; });
    if (m_kills_published < m_kills) {
        // The monitor has not published the kill yet (see kills_published()).
    } else if (m_election_at <= now) {
        m_election_at = Clock::time_point::max();
        changed = elect_locked() || changed;
    } else if (m_election_at == Clock::time_point::max() && !has_primary) {
        // The election found every member down and one has restarted since.
        changed = elect_locked() || changed;
    }
    return changed;
}

Clock::time_point LabServers::next_event() const {
    std::lock_guard lock(m_mu);
    // An unpublished kill has woken the monitor, which calls advance() again after publishing.
    Clock::time_point t = m_kills_published < m_kills ? Clock::time_point::max() : m_election_at;
    for (const auto& at : m_revive_at) {
        t = std::min(t, at);
    }
    return t;
}

} // namespace wn::lab
