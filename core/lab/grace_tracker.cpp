#include "lab/grace_tracker.h"

namespace wn::lab {

void GraceTracker::retired(std::uint64_t retired_index, Clock::time_point at) {
    m_retirements.push_back({retired_index, at});
    publish_oldest();
}

bool GraceTracker::observe(const std::optional<rcu::CellStats>& cell, Clock::time_point now,
                           bool record_pending) {
    if (m_retirements.empty()) {
        return false;
    }
    if (!cell) {
        m_retirements.clear();
        return false;
    }
    if (record_pending) {
        store_max(m_pending_max, cell->pending());
    }
    while (!m_retirements.empty() && m_retirements.front().retired_index <= cell->reclaimed) {
        const std::uint64_t grace = to_ns(now - m_retirements.front().at);
        store_max(m_grace_max_ns, grace);
        m_grace_last_ns.store(grace, std::memory_order_relaxed);
        m_retirements.pop_front();
    }
    publish_oldest();
    return !m_retirements.empty();
}

std::optional<Clock::time_point> GraceTracker::oldest_waiting() const {
    const Clock::rep oldest = m_oldest_retired_at.load(std::memory_order_relaxed);
    if (oldest == 0) {
        return std::nullopt;
    }
    return Clock::time_point(Clock::duration(oldest));
}

void GraceTracker::publish_oldest() {
    m_oldest_retired_at.store(
        m_retirements.empty() ? 0 : m_retirements.front().at.time_since_epoch().count(),
        std::memory_order_relaxed);
}

} // namespace wn::lab
