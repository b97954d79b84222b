#include "sim/scheduler.h"

namespace wn {

void Scheduler::prefetch_next() const {
    // With a thousand threads the frame a resume jumps into is rarely in cache: ask for the
    // next one's while this one runs. Wasted only when this entry queues an earlier one.
    const EventQueue::Entry* next = m_queue.peek();
    if (next == nullptr)
        return;
    if (const auto h = m_handles[next->order & ((1u << kSlotBits) - 1)]) {
        // Two lines: a frame starts anywhere in a line (16-byte aligned), and its resume
        // index and first locals often sit in the next one.
        __builtin_prefetch(h.address());
        __builtin_prefetch(static_cast<const char*>(h.address()) + 64);
    }
}

std::uint32_t Scheduler::new_slot() {
    m_handles.emplace_back();
    m_callbacks.emplace_back();
    return static_cast<std::uint32_t>(m_handles.size() - 1);
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
