#pragma once

// Where the strategies differ: the shared state and how the monitor replaces it. The stores
// have the same shape (read, refresh, and the RCU cell's bookkeeping), so the engine runs one
// reader loop and one monitor over any of them.
//  - RcuStore: the new state is built outside any lock and published with one swap into an
//    RcuCell; readers copy the reference and never wait.
//  - LockStore: the monitor holds the write lock for the whole refresh, simulated latency
//    included, and replaces the state in place; readers queue behind it.
//  - InPlaceStore: the blog's naive client. One member table and a primary index rewritten
//    field by field by the monitor, no lock; readers look members[primary] up in it as the
//    blog's code does and count the reads that tear.

#include "lab/lab_clock.h"
#include "model/rsstate.h"
#include "rcu/cell_stats.h"
#include "rcu/rcu_cell.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
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

/// The naive client's `self.members` and `self.primary`, shared and rewritten in place. Every
/// field is its own relaxed atomic: no data race in the C++ sense, but no snapshot either, so
/// a reader can combine fields from two refreshes (a torn read).
class InPlaceStore {
public:
    explicit InPlaceStore(const RSState& initial) { write(initial); }

    /// `member = self.members[self.primary]`, counted in `l`: no primary; ok; or torn (the
    /// primary is missing from the table, the KeyError, or its entry was written by another
    /// refresh than the one that set the primary, or says it is not primary).
    template <class Local> void read_in_place(Local& l) const {
        const HostId primary = m_primary.load(std::memory_order_relaxed);
        const std::uint64_t generation = m_primary_generation.load(std::memory_order_relaxed);
        if (primary == kNoHost) {
            ++l.no_primary;
            return;
        }
        for (const Slot& slot : m_slots) {
            if (slot.host.load(std::memory_order_relaxed) != primary) {
                continue;
            }
            const std::uint64_t written_by = slot.generation.load(std::memory_order_relaxed);
            const bool is_primary = slot.is_primary.load(std::memory_order_relaxed);
            const int pool = slot.pool.load(std::memory_order_relaxed);
            if (written_by != generation || !is_primary) {
                ++l.inconsistent;
            } else {
                ++l.ok;
                l.sink += static_cast<std::uint64_t>(pool);
            }
            return;
        }
        ++l.inconsistent; // KeyError: the primary is not in the table
    }
    template <class Build>
    bool refresh(Build&& build, Clock::duration& writer_wait, Clock::time_point& swapped_at) {
        writer_wait = {};
        std::optional<RSState> next = build();
        if (!next) {
            return false;
        }
        swapped_at = Clock::now();
        write(*next);
        return true;
    }
    std::optional<rcu::CellStats> stats() const { return std::nullopt; }
    void reclaim() {}
    void synchronize() {}
    /// A test hook: runs between the members' rewrite and the primary's (LabConfig).
    void set_midway(std::function<void()> hook) { m_midway = std::move(hook); }

private:
    struct Slot {
        std::atomic<HostId> host{kNoHost};
        std::atomic<std::uint64_t> generation{0};
        std::atomic<bool> is_primary{false};
        std::atomic<int> pool{0};
    };

    /// The blog's refresh, in its order: pop the members that are gone, put each answering
    /// member (a new one into a free entry, its host written last), then set the primary.
    /// Only the monitor writes.
    void write(const RSState& next) {
        const std::uint64_t g = ++m_generation;
        for (Slot& slot : m_slots) {
            const HostId host = slot.host.load(std::memory_order_relaxed);
            if (host != kNoHost && !next.get(host)) {
                slot.host.store(kNoHost, std::memory_order_relaxed); // self.members.pop(host)
            }
        }
        for (const Member& m : next.members()) {
            Slot* slot = find(m.host());
            const bool added = slot == nullptr;
            if (added) {
                slot = find(kNoHost);
            }
            if (slot == nullptr) {
                continue; // more members than entries: cannot happen with at most 7
            }
            slot->generation.store(g, std::memory_order_relaxed);
            slot->is_primary.store(m.is_primary(), std::memory_order_relaxed);
            slot->pool.store(m.pool_id(), std::memory_order_relaxed);
            if (added) {
                slot->host.store(m.host(), std::memory_order_relaxed);
            }
        }
        if (m_midway) {
            m_midway();
        }
        m_primary_generation.store(g, std::memory_order_relaxed);
        m_primary.store(next.writer().value_or(kNoHost), std::memory_order_relaxed);
    }
    Slot* find(HostId host) {
        for (Slot& slot : m_slots) {
            if (slot.host.load(std::memory_order_relaxed) == host) {
                return &slot;
            }
        }
        return nullptr;
    }

    std::array<Slot, 8> m_slots;
    std::atomic<HostId> m_primary{kNoHost};
    std::atomic<std::uint64_t> m_primary_generation{0};
    std::uint64_t m_generation = 0; // the monitor's own count of refreshes
    std::function<void()> m_midway;
};

} // namespace wn::lab
