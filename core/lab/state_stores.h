#pragma once

// Where the strategies differ: the shared state and how the monitor replaces it. Both stores
// have the same shape (read, refresh, and the RCU cell's bookkeeping), so the engine runs one
// reader loop and one monitor over either.
//  - RcuStore: the new state is built outside any lock and published with one swap into an
//    RcuCell; readers copy the reference and never wait.
//  - LockStore: the monitor holds the write lock for the whole refresh, simulated latency
//    included, and replaces the state in place; readers queue behind it.

#include "lab/lab_clock.h"
#include "model/rsstate.h"
#include "rcu/cell_stats.h"
#include "rcu/rcu_cell.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>

namespace wn::lab {

template <class Reclaimer> class RcuStore {
public:
    explicit RcuStore(RSState initial) : m_cell(std::move(initial)) {}

    template <class F> void read(F& f, std::uint64_t& /*blocked_ns*/) const {
        const auto guard = m_cell.read(); // copy the reference: no lock, never waits
        f(*guard);
    }
    template <class Build>
    bool refresh(Build&& build, Clock::duration& writer_wait, Clock::time_point& swapped_at) {
        writer_wait = {};
        std::optional<RSState> next = build(); // outside any lock: readers keep reading
        if (!next) {
            return false;
        }
        swapped_at = Clock::now();
        m_cell.publish(std::move(*next)); // the one swap
        return true;
    }
    std::optional<rcu::CellStats> stats() const { return m_cell.stats(); }
    void reclaim() { m_cell.reclaim(); }
    void synchronize() { m_cell.synchronize(); }

private:
    rcu::RcuCell<RSState, Reclaimer> m_cell;
};

template <class Mutex, bool Shared> class LockStore {
public:
    explicit LockStore(RSState initial) : m_state(std::move(initial)) {}

    template <class F> void read(F& f, std::uint64_t& blocked_ns) const {
        if constexpr (Shared) {
            if (!m_mu.try_lock_shared()) {
                const auto t0 = Clock::now();
                m_mu.lock_shared();
                blocked_ns += to_ns(Clock::now() - t0);
            }
            std::shared_lock lock(m_mu, std::adopt_lock);
            f(m_state);
        } else {
            if (!m_mu.try_lock()) {
                const auto t0 = Clock::now();
                m_mu.lock();
                blocked_ns += to_ns(Clock::now() - t0);
            }
            std::lock_guard lock(m_mu, std::adopt_lock);
            f(m_state);
        }
    }
    template <class Build>
    bool refresh(Build&& build, Clock::duration& writer_wait, Clock::time_point& swapped_at) {
        const auto t0 = Clock::now();
        std::unique_lock lock(m_mu); // held through the whole refresh, latency included
        writer_wait = Clock::now() - t0;
        std::optional<RSState> next = build();
        if (!next) {
            return false;
        }
        swapped_at = Clock::now();
        m_state = std::move(*next); // mutated in place, under the lock
        return true;
    }
    std::optional<rcu::CellStats> stats() const { return std::nullopt; }
    void reclaim() {}
    void synchronize() {}

private:
    mutable Mutex m_mu;
    RSState m_state;
};

} // namespace wn::lab
