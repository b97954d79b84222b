#include "sim/event_queue.h"

namespace wn {

void EventQueue::refill() {
    if (m_far.any()) {
        // The earliest entry of the first window becomes the last popped time: the whole
        // window then shares its high bits and goes to the near level.
        const std::size_t s = m_far.first();
        m_last = m_far_min[s];
        std::uint32_t n = m_far_lists[s].head;
        m_far_lists[s] = List{};
        m_far.reset(s);
        while (n != kNil) {
            const std::uint32_t next = m_nodes[n].next;
            m_nodes[n].next = kNil;
            place(n);
            n = next;
        }
        return;
    }
    // Both levels are empty: the overflow's earliest epoch moves down, the rest stays, each
    // part in push order.
    m_last = m_overflow_min;
    m_overflow_min = kNone;
    m_overflow_first = kNil;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_overflow.size(); ++i) {
        const std::uint32_t n = m_overflow[i];
        const SimTime t = m_nodes[n].entry.time;
        if ((static_cast<std::uint64_t>(t ^ m_last) >> (2 * kSlotBits)) == 0) {
            place(n);
        } else {
            m_overflow[kept++] = n;
            if (t < m_overflow_min) {
                m_overflow_min = t;
                m_overflow_first = n;
            }
        }
    }
    m_overflow.resize(kept);
}

} // namespace wn
