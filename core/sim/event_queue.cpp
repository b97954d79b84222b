#include "sim/event_queue.h"

namespace wn {

void EventQueue::refill() {
    m_buckets[0].clear();
    m_head = 0;
    const auto i = static_cast<std::size_t>(std::countr_zero(m_mask));
    m_last = m_min[i];
    // Entries of one time always share a bucket (their bits all agree), in push order, and
    // move down together in that order: bucket 0 needs no sort to pop ties oldest first.
    std::vector<Entry>& from = m_buckets[i];
    for (const Entry& e : from) {
        const std::size_t b = bucket_of(e.time); // below i: the high bits still agree
        m_buckets[b].push_back(e);
        if (b != 0) {
            if (e.time < m_min[b])
                m_min[b] = e.time;
            m_mask |= std::uint64_t{1} << b;
        }
    }
    from.clear();
    m_min[i] = kNone;
    m_mask &= ~(std::uint64_t{1} << i);
}

} // namespace wn
