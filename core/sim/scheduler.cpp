#include "sim/scheduler.h"

#include <algorithm>

namespace wn {

void Scheduler::push(const Entry& e) {
    std::size_t i = m_heap.size();
    m_heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!e.before(m_heap[parent]))
            break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = e;
}

void Scheduler::pop_front() {
    const Entry last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n == 0)
        return;
    std::size_t i = 0;
    for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= n)
            break;
        std::size_t best = first;
        const std::size_t end = std::min(first + 4, n);
        for (std::size_t c = first + 1; c < end; ++c)
            best = m_heap[c].before(m_heap[best]) ? c : best;
        if (!m_heap[best].before(last))
            break;
        m_heap[i] = m_heap[best];
        i = best;
    }
    m_heap[i] = last;
}

std::uint32_t Scheduler::take_slot() {
    if (!m_free_slots.empty()) {
        const std::uint32_t slot = m_free_slots.back();
        m_free_slots.pop_back();
        return slot;
    }
    m_slots.emplace_back();
    return static_cast<std::uint32_t>(m_slots.size() - 1);
}

void Scheduler::resume_at(SimTime t, std::coroutine_handle<> h) {
    const std::uint32_t slot = take_slot();
    m_slots[slot].handle = h;
    push(Entry{t < m_now ? m_now : t, (m_seq++ << kSlotBits) | slot});
}

void Scheduler::call_at(SimTime t, std::function<void()> fn) {
    const std::uint32_t slot = take_slot();
    m_slots[slot].handle = {};
    m_slots[slot].callback = std::move(fn);
    push(Entry{t < m_now ? m_now : t, (m_seq++ << kSlotBits) | slot});
}

void Scheduler::run_one() {
    const Entry e = m_heap.front();
    pop_front();
    m_now = e.time;
    ++m_processed;
    const auto slot = static_cast<std::uint32_t>(e.order & ((1u << kSlotBits) - 1));
    m_free_slots.push_back(slot);
    if (const auto h = m_slots[slot].handle) {
        h.resume();
        return;
    }
    auto fn = std::move(m_slots[slot].callback);
    m_slots[slot].callback = nullptr;
    fn();
}

} // namespace wn
