#include "sim/scheduler.h"

namespace wn {

void Scheduler::push(SimTime t, std::uint32_t slot) {
    m_queue.push(EventQueue::Entry{t < m_now ? m_now : t, (m_seq++ << kSlotBits) | slot});
}

void Scheduler::prefetch(const EventQueue::Entry* e) const {
    if (e == nullptr)
        return;
    const auto slot = e->order & ((1u << kSlotBits) - 1);
    const auto h = m_handles[slot];
    if (!h)
        return;
    __builtin_prefetch(h.address());
    if (const std::uint32_t owner = m_owners[slot]; owner != kNoOwner)
        for (const OwnerTable& table : m_owner_tables)
            if (table.base != nullptr)
                __builtin_prefetch(table.base + owner * table.stride);
}

void Scheduler::prefetch_next() const {
    // With a thousand threads the frame a resume jumps into, and the thread's state, are
    // rarely in cache: ask for the next two entries' while this one runs (one entry's work
    // is shorter than a miss). Wasted only when this entry queues an earlier one.
    prefetch(m_queue.peek());
    prefetch(m_queue.peek_second());
}

std::uint32_t Scheduler::take_slot() {
    if (!m_free_slots.empty()) {
        const std::uint32_t slot = m_free_slots.back();
        m_free_slots.pop_back();
        return slot;
    }
    m_handles.emplace_back();
    m_owners.emplace_back();
    m_callbacks.emplace_back();
    return static_cast<std::uint32_t>(m_handles.size() - 1);
}

void Scheduler::resume_at(SimTime t, std::coroutine_handle<> h, std::uint32_t owner) {
    const std::uint32_t slot = take_slot();
    m_handles[slot] = h;
    m_owners[slot] = owner;
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
