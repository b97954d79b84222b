#include "sim/scheduler.h"

namespace wn {

void Scheduler::push(SimTime t, std::uint32_t slot) {
    m_queue.push(EventQueue::Entry{t < m_now ? m_now : t, (m_seq++ << kSlotBits) | slot});
}

void Scheduler::prefetch_next() const {
    // With a thousand threads the frame a resume jumps into is rarely in cache: ask for the
    // next one's while this one runs. Wasted only when this entry queues an earlier one.
    const EventQueue::Entry* next = m_queue.peek();
    if (next == nullptr)
        return;
    if (const auto h = m_handles[next->order & ((1u << kSlotBits) - 1)])
        __builtin_prefetch(h.address());
}

std::uint32_t Scheduler::take_slot() {
    if (!m_free_slots.empty()) {
        const std::uint32_t slot = m_free_slots.back();
        m_free_slots.pop_back();
        return slot;
    }
    m_handles.emplace_back();
    m_callbacks.emplace_back();
    return static_cast<std::uint32_t>(m_handles.size() - 1);
}

void Scheduler::resume_at(SimTime t, std::coroutine_handle<> h) {
    const std::uint32_t slot = take_slot();
    m_handles[slot] = h;
    push(t, slot);
}

void Scheduler::call_at(SimTime t, std::function<void()> fn) {
    const std::uint32_t slot = take_slot();
    m_handles[slot] = {};
    m_callbacks[slot] = std::move(fn);
    push(t, slot);
}

void Scheduler::run_one() {
    const EventQueue::Entry e = m_queue.pop();
    m_now = e.time;
    ++m_processed;
    const auto slot = static_cast<std::uint32_t>(e.order & ((1u << kSlotBits) - 1));
    m_free_slots.push_back(slot);
    if (const auto h = m_handles[slot]) {
        prefetch_next();
        h.resume();
        return;
    }
    auto fn = std::move(m_callbacks[slot]);
    m_callbacks[slot] = nullptr;
    fn();
}

} // namespace wn
