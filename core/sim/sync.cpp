#include "sim/sync.h"

#include <algorithm>

namespace wn {

void SimEvent::set() {
    m_flag = true;
    for (const Waiter& w : m_waiters) {
        *w.result = true;
        m_scheduler.resume_at(m_scheduler.now(), w.handle);
    }
    m_waiters.clear();
}

void SimEvent::WaitAwaiter::await_suspend(std::coroutine_handle<> h) {
    const std::uint64_t id = event.m_next_id++;
    event.m_waiters.push_back(Waiter{h, &result, id});
    if (timeout >= 0) {
        SimEvent* ev = &event;
        event.m_scheduler.call_at(event.m_scheduler.now() + timeout, [ev, id] { ev->expire(id); });
    }
}

void SimEvent::expire(std::uint64_t id) {
    auto it = std::find_if(m_waiters.begin(), m_waiters.end(),
                           [id](const Waiter& w) { return w.id == id; });
    if (it == m_waiters.end())
        return; // already woken by set()
    const auto handle = it->handle;
    m_waiters.erase(it);
    m_scheduler.resume_at(m_scheduler.now(), handle);
}

bool SimMutex::LockAwaiter::await_ready() noexcept {
    if (mutex.m_locked)
        return false;
    mutex.m_locked = true;
    return true;
}

void SimMutex::unlock() {
    if (m_waiters.empty()) {
        m_locked = false;
        return;
    }
    const auto next = m_waiters.front();
    m_waiters.pop_front();
    m_scheduler.resume_at(m_scheduler.now(), next);
}

bool SimRwLock::SharedAwaiter::await_ready() noexcept {
    if (lock.m_writer || !lock.m_waiting_writers.empty())
        return false;
    ++lock.m_readers;
    return true;
}

bool SimRwLock::ExclusiveAwaiter::await_ready() noexcept {
    if (lock.m_writer || lock.m_readers > 0)
        return false;
    lock.m_writer = true;
    return true;
}

void SimRwLock::unlock_shared() {
    if (--m_readers > 0 || m_waiting_writers.empty())
        return;
    m_writer = true;
    const auto next = m_waiting_writers.front();
    m_waiting_writers.pop_front();
    m_scheduler.resume_at(m_scheduler.now(), next);
}

void SimRwLock::unlock() {
    m_writer = false;
    if (!m_waiting_writers.empty()) {
        m_writer = true;
        const auto next = m_waiting_writers.front();
        m_waiting_writers.pop_front();
        m_scheduler.resume_at(m_scheduler.now(), next);
        return;
    }
    for (const auto h : m_waiting_readers) {
        ++m_readers;
        m_scheduler.resume_at(m_scheduler.now(), h);
    }
    m_waiting_readers.clear();
}

} // namespace wn
