#pragma once

#include "sim/scheduler.h"

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace wn {

/// Python's threading.Event in virtual time: wait(timeout) returns whether the flag was set.
class SimEvent {
public:
    explicit SimEvent(Scheduler& scheduler) : m_scheduler(scheduler) {}

    void set();
    void clear() { m_flag = false; }
    bool is_set() const { return m_flag; }
    std::size_t waiting() const { return m_waiters.size(); }

    struct WaitAwaiter {
        SimEvent& event;
        SimTime timeout; // < 0: forever
        bool result = false;
        bool await_ready() noexcept {
            result = event.m_flag;
            return result;
        }
        void await_suspend(std::coroutine_handle<> h);
        bool await_resume() const noexcept { return result; }
    };
    WaitAwaiter wait(SimTime timeout) { return WaitAwaiter{*this, timeout}; }

private:
    struct Waiter {
        std::coroutine_handle<> handle;
        bool* result;
        std::uint64_t id;
    };
    void expire(std::uint64_t id);

    Scheduler& m_scheduler;
    bool m_flag = false;
    std::uint64_t m_next_id = 0;
    std::vector<Waiter> m_waiters;
};

/// A FIFO mutex handed directly to the next waiter on unlock.
class SimMutex {
public:
    explicit SimMutex(Scheduler& scheduler) : m_scheduler(scheduler) {}

    struct LockAwaiter {
        SimMutex& mutex;
        bool await_ready() noexcept;
        void await_suspend(std::coroutine_handle<> h) { mutex.m_waiters.push_back(h); }
        void await_resume() const noexcept {}
    };
    LockAwaiter lock() { return LockAwaiter{*this}; }
    void unlock();
    bool locked() const { return m_locked; }
    std::size_t queued() const { return m_waiters.size(); }

private:
    Scheduler& m_scheduler;
    bool m_locked = false;
    std::deque<std::coroutine_handle<>> m_waiters;
};

/// A writer-preferring reader-writer lock: once a writer waits, new readers queue behind it,
/// which is what makes every reader stall while refresh() runs.
class SimRwLock {
public:
    explicit SimRwLock(Scheduler& scheduler) : m_scheduler(scheduler) {}

    struct SharedAwaiter {
        SimRwLock& lock;
        bool await_ready() noexcept;
        void await_suspend(std::coroutine_handle<> h) { lock.m_waiting_readers.push_back(h); }
        void await_resume() const noexcept {}
    };
    struct ExclusiveAwaiter {
        SimRwLock& lock;
        bool await_ready() noexcept;
        void await_suspend(std::coroutine_handle<> h) { lock.m_waiting_writers.push_back(h); }
        void await_resume() const noexcept {}
    };
    SharedAwaiter lock_shared() { return SharedAwaiter{*this}; }
    ExclusiveAwaiter lock() { return ExclusiveAwaiter{*this}; }
    void unlock_shared();
    void unlock();

    int readers() const { return m_readers; }
    bool writer() const { return m_writer; }
    std::size_t queued() const { return m_waiting_readers.size() + m_waiting_writers.size(); }

private:
    Scheduler& m_scheduler;
    int m_readers = 0;
    bool m_writer = false;
    std::deque<std::coroutine_handle<>> m_waiting_readers;
    std::deque<std::coroutine_handle<>> m_waiting_writers;
};

} // namespace wn
