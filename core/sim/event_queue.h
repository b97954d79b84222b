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
/// earlier than the last one popped). It is a two-level timing wheel: the near level has a
/// FIFO list per microsecond of the current 4 ms window, so entries of one time come out in
/// push order without comparing anything; the far level has a list per 4 ms window of the
/// current 16.8 s epoch, and a window's list moves into the near level, each entry relinked
/// once, when the clock reaches it; the rest wait unsorted in an overflow list. A radix heap
/// before it moved each entry down about 4 times with a thousand threads.
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
        if (m_near.any())
            return (m_last & ~kSlotMask) | static_cast<SimTime>(m_near.first());
        if (m_far.any())
            return m_far_min[m_far.first()];
        return m_overflow_min;
    }

    void push(const Entry& e) {
        ++m_size;
        place(new_node(e));
    }

    /// The entry pop() would return now, without taking it out; null when empty: for a
    /// prefetch ahead of the pop.
    const Entry* peek() const {
        if (m_near.any())
            return &m_nodes[m_near_lists[m_near.first()].head].entry;
        if (m_far.any())
            return &m_nodes[m_far_first[m_far.first()]].entry;
        return m_overflow_first == kNil ? nullptr : &m_nodes[m_overflow_first].entry;
    }

    /// Removes and returns the first entry; only when !empty().
    Entry pop() {
        if (!m_near.any())
            refill();
        const std::size_t s = m_near.first();
        List& list = m_near_lists[s];
        const std::uint32_t n = list.head;
        Node& node = m_nodes[n];
        list.head = node.next;
        if (list.head == kNil)
            m_near.reset(s);
        node.next = m_free;
        m_free = n;
        --m_size;
        m_last = node.entry.time;
        return node.entry;
    }

private:
    static constexpr int kSlotBits = 12; // 4096 slots a level
    static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
    static constexpr SimTime kSlotMask = static_cast<SimTime>(kSlots - 1);
    static constexpr std::uint32_t kNil = std::numeric_limits<std::uint32_t>::max();
    static constexpr SimTime kNone = std::numeric_limits<SimTime>::max();

    struct Node {
        Entry entry;
        std::uint32_t next;
    };
    struct List {
        std::uint32_t head = kNil;
        std::uint32_t tail = kNil;
    };
    /// Which of 4096 lists are not empty, with a summary word to find the first in two scans.
    class Bits {
    public:
        bool any() const { return m_summary != 0; }
        bool test(std::size_t i) const { return (m_words[i >> 6] >> (i & 63)) & 1; }
        std::size_t first() const {
            const auto w = static_cast<std::size_t>(std::countr_zero(m_summary));
            return (w << 6) | static_cast<std::size_t>(std::countr_zero(m_words[w]));
        }
        void set(std::size_t i) {
            m_words[i >> 6] |= std::uint64_t{1} << (i & 63);
            m_summary |= std::uint64_t{1} << (i >> 6);
        }
        void reset(std::size_t i) {
            std::uint64_t& w = m_words[i >> 6];
            w &= ~(std::uint64_t{1} << (i & 63));
            if (w == 0)
                m_summary &= ~(std::uint64_t{1} << (i >> 6));
        }

    private:
        std::uint64_t m_summary = 0;
        std::array<std::uint64_t, kSlots / 64> m_words{};
    };

    static std::size_t slot_of(SimTime t) { return static_cast<std::size_t>(t & kSlotMask); }
    static std::size_t window_of(SimTime t) {
        return static_cast<std::size_t>((t >> kSlotBits) & kSlotMask);
    }
    std::uint32_t new_node(const Entry& e) {
        if (m_free != kNil) {
            const std::uint32_t n = m_free;
            m_free = m_nodes[n].next;
            m_nodes[n] = Node{e, kNil};
            return n;
        }
        m_nodes.push_back(Node{e, kNil});
        return static_cast<std::uint32_t>(m_nodes.size() - 1);
    }
    // Into the near level when in the last popped time's window, the far level when in its
    // epoch, else the overflow; `n`'s next is nil.
    void place(std::uint32_t n) {
        const SimTime t = m_nodes[n].entry.time;
        const auto diff = static_cast<std::uint64_t>(t ^ m_last);
        if (diff < (std::uint64_t{1} << kSlotBits)) {
            append(m_near_lists[slot_of(t)], n);
            m_near.set(slot_of(t));
        } else if (diff < (std::uint64_t{1} << (2 * kSlotBits))) {
            const std::size_t s = window_of(t);
            append(m_far_lists[s], n);
            if (!m_far.test(s) || t < m_far_min[s]) {
                m_far_min[s] = t;
                m_far_first[s] = n;
            }
            m_far.set(s);
        } else {
            m_overflow.push_back(n);
            if (t < m_overflow_min) {
                m_overflow_min = t;
                m_overflow_first = n;
            }
        }
    }
    void append(List& list, std::uint32_t n) {
        if (list.head == kNil)
            list.head = n;
        else
            m_nodes[list.tail].next = n;
        list.tail = n;
    }
    // The near level is used up: the first far window (or else the overflow's earliest
    // epoch) moves into the levels below, in push order, so ties stay oldest first.
    void refill();

    std::vector<Node> m_nodes;
    std::uint32_t m_free = kNil;
    Bits m_near;
    Bits m_far;
    std::array<List, kSlots> m_near_lists{};
    std::array<List, kSlots> m_far_lists{};
    // A window's earliest time and the oldest node of that time (what peek() returns),
    // meaningful while the window's bit is set; the same for the overflow.
    std::array<SimTime, kSlots> m_far_min{};
    std::array<std::uint32_t, kSlots> m_far_first{};
    std::vector<std::uint32_t> m_overflow; // in push order
    SimTime m_overflow_min = kNone;
    std::uint32_t m_overflow_first = kNil;
    std::size_t m_size = 0;
    SimTime m_last = 0;
};

} // namespace wn
