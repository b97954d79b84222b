#include "sim/scheduler.h"

namespace wn {

void Scheduler::push(SimTime t, std::uint32_t slot) {
    m_queue.push(EventQueue::Entry{t < m_now ? m_now : t, (m_seq++ << kSlotBits) | slot});
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
    push(t, slot);
}

void Scheduler::call_at(SimTime t, std::function<void()> fn) {
    const std::uint32_t slot = take_slot();
    m_slots[slot].handle = {};
    m_slots[slot].callback = std::move(fn);
    push(t, slot);
}

void Scheduler::run_one() {
    const EventQueue::Entry e = m_queue.pop();
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
