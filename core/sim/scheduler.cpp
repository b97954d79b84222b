#include "sim/scheduler.h"

namespace wn {

void Scheduler::resume_at(SimTime t, std::coroutine_handle<> h) {
    m_queue.push(Entry{t < m_now ? m_now : t, m_seq++, h, 0});
}

void Scheduler::call_at(SimTime t, std::function<void()> fn) {
    std::uint32_t slot;
    if (!m_free_callbacks.empty()) {
        slot = m_free_callbacks.back();
        m_free_callbacks.pop_back();
        m_callbacks[slot] = std::move(fn);
    } else {
        slot = static_cast<std::uint32_t>(m_callbacks.size());
        m_callbacks.push_back(std::move(fn));
    }
    m_queue.push(Entry{t < m_now ? m_now : t, m_seq++, {}, slot});
}

void Scheduler::run_one() {
    const Entry e = m_queue.top();
    m_queue.pop();
    m_now = e.time;
    ++m_processed;
    if (e.handle) {
        e.handle.resume();
        return;
    }
    auto fn = std::move(m_callbacks[e.callback]);
    m_callbacks[e.callback] = nullptr;
    m_free_callbacks.push_back(e.callback);
    fn();
}

} // namespace wn
