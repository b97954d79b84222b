#pragma once

#include "sim/time.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace wn {

/// The scheduler's priority queue: entries come out in (time, order), the same order as a
/// binary heap on that pair, but it relies on the clock never going back (no entry is pushed
/// earlier than the last one popped). It is a radix heap: bucket b holds the entries whose
/// time first differs from the last popped time in bit b-1, so a push is a bit scan and an
/// append, and an entry moves to a lower bucket only a few times (4 on average with a
/// thousand threads) before it is popped: cheaper than sifting through a heap, whose child
/// comparisons are coin tosses for the branch predictor.
class EventQueue {
public:
    struct Entry {
        SimTime time;        // never negative, never earlier than the last popped time
        std::uint64_t order; // unique; ties in time come out in increasing order
    };

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    /// Time of the entry pop() would return; only when !empty().
    SimTime top_time() const {
        if (m_head < m_buckets[0].size())
            return m_last;
        return m_min[static_cast<std::size_t>(std::countr_zero(m_mask))];
    }

    void push(const Entry& e) {
        ++m_size;
        const std::size_t b = bucket_of(e.time);
        if (b == 0) {
            // Same time as everything in bucket 0, and a later order than all of it.
            m_buckets[0].push_back(e);
            return;
        }
        m_buckets[b].push_back(e);
        if (e.time < m_min[b])
            m_min[b] = e.time;
        m_mask |= std::uint64_t{1} << b;
    }

    /// The entry pop() would return now, without taking it out; null when empty. Costs a
    /// scan of one small bucket: for a prefetch ahead of the pop.
    const Entry* peek() const {
        if (m_head < m_buckets[0].size())
            return &m_buckets[0][m_head];
        if (m_mask == 0)
            return nullptr;
        const auto i = static_cast<std::size_t>(std::countr_zero(m_mask));
        for (const Entry& e : m_buckets[i])
            if (e.time == m_min[i])
                return &e; // the first of that time is the oldest
        return nullptr;
    }

    /// Removes and returns the first entry; only when !empty().
    Entry pop() {
        if (m_head == m_buckets[0].size())
            refill();
        --m_size;
        return m_buckets[0][m_head++];
    }

private:
    static constexpr std::size_t kBuckets = 64; // times are below 2^63
    static constexpr SimTime kNone = std::numeric_limits<SimTime>::max();

    std::size_t bucket_of(SimTime t) const {
        const auto diff = static_cast<std::uint64_t>(t ^ m_last);
        return diff == 0 ? 0 : static_cast<std::size_t>(64 - std::countl_zero(diff));
    }
    // Bucket 0 is used up: the lowest non-empty bucket holds the earliest time; it becomes
    // the last popped time and that bucket's entries move down, those at that time into 0.
    void refill();

    std::array<std::vector<Entry>, kBuckets> m_buckets;
    std::array<SimTime, kBuckets> m_min = filled_with_none();
    std::uint64_t m_mask = 0; // bit b: bucket b (b >= 1) is not empty
    std::size_t m_head = 0;   // bucket 0 is read from here on, as a FIFO
    std::size_t m_size = 0;
    SimTime m_last = 0;

    static std::array<SimTime, kBuckets> filled_with_none() {
        std::array<SimTime, kBuckets> a;
        a.fill(kNone);
        return a;
    }
};

} // namespace wn
