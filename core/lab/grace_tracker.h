#pragma once

// Grace-period lengths of an RCU store, as the monitor sees them: from a value's retirement
// (the swap) until the monitor saw the cell reclaim it. The monitor records retirements and
// observations; snapshot() reads the maxima from any thread.

#include "lab/lab_clock.h"
#include "rcu/cell_stats.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <optional>

namespace wn::lab {

class GraceTracker {
public:
    // Monitor thread (or stop(), after the monitor has joined).

    /// A publish retired the cell's value number `retired_index` (its `retired` count right
    /// after the swap) at `at`.
    void retired(std::uint64_t retired_index, Clock::time_point at);
    /// True while a retired value has not been seen reclaimed.
    bool waiting() const { return !m_retirements.empty(); }
    /// Matches the cell's reclamations to retirements (in order) and records grace-period
    /// lengths; returns whether a retired value is still waiting. `record_pending`: count what
    /// is still waiting in the interval's "retired, not yet reclaimed" maximum. No stats (not
    /// an RCU store): forgets every retirement.
    bool observe(const std::optional<rcu::CellStats>& cell, Clock::time_point now,
                 bool record_pending);

    // Any thread.

    /// The most values retired but not reclaimed at once since the last call.
    std::uint64_t take_pending_max() {
        return m_pending_max.exchange(0, std::memory_order_relaxed);
    }
    /// The longest grace period that ended since the last call, in nanoseconds.
    std::uint64_t take_grace_max_ns() {
        return m_grace_max_ns.exchange(0, std::memory_order_relaxed);
    }
    /// The most recent grace period that ended, in nanoseconds.
    std::uint64_t last_grace_ns() const { return m_grace_last_ns.load(std::memory_order_relaxed); }
    /// When the oldest retirement not yet seen reclaimed happened (a grace period running).
    std::optional<Clock::time_point> oldest_waiting() const;

private:
    struct Retirement {
        std::uint64_t retired_index;
        Clock::time_point at;
    };

    void publish_oldest();

    std::deque<Retirement> m_retirements; // monitor only
    /// Clock ticks of the oldest retirement not yet seen reclaimed; 0 when none.
    std::atomic<Clock::rep> m_oldest_retired_at{0};
    std::atomic<std::uint64_t> m_pending_max{0};
    std::atomic<std::uint64_t> m_grace_max_ns{0};
    std::atomic<std::uint64_t> m_grace_last_ns{0};
};

} // namespace wn::lab
