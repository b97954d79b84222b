#pragma once

#include "sim/event_queue.h"
#include "sim/time.h"

#include <coroutine>
#include <cstdint>
#include <functional>
#include <vector>

namespace wn {

/// The discrete-event queue: what happens next, in (time, insertion order), so that equal
/// times are ordered deterministically.
class Scheduler {
public:
    SimTime now() const { return m_now; }

    /// Resumes `h` at time `t` (never earlier than now).
    void resume_at(SimTime t, std::coroutine_handle<> h);
    /// Runs `fn` at time `t`; used for world events (faults, elections) and timeouts.
    void call_at(SimTime t, std::function<void()> fn);

    bool empty() const { return m_queue.empty(); }
    /// Time of the next entry; only when !empty().
    SimTime next_time() const { return m_queue.top_time(); }
    /// Runs the next entry and advances the clock to its time.
    void run_one();
    /// How many entries have run; a position in the run finer than time, for exact replay.
    std::uint64_t processed() const { return m_processed; }
    /// How many of those ran at once, without the queue (try_run_now).
    std::uint64_t ran_now() const { return m_run_now; }
    /// Moves the clock forward to `t` with nothing run (the end of a viewed interval).
    void advance_to(SimTime t) {
        if (t > m_now)
            m_now = t;
    }

    /// Lets an entry due at or before `t` run at once, inside the one running, when it would
    /// be the very next one anyway; a negative `t` turns this off (the default), for a
    /// caller that stops after each entry or must act between entries.
    void set_run_now_horizon(SimTime t) { m_run_now_horizon = t; }
    /// An entry due at `t` that would be the next one run (earlier than every queued entry:
    /// at an equal time those go first, being older) is run now instead of being queued:
    /// the clock and the counts move exactly as if it had been queued and popped. Saves the
    /// queue a push and a pop for most steps of a thread.
    bool try_run_now(SimTime t) {
        if (t > m_run_now_horizon || (!m_queue.empty() && !(t < m_queue.top_time())))
            return false;
        m_now = t;
        ++m_seq;
        ++m_processed;
        ++m_run_now;
        return true;
    }

    /// A coroutine suspension that resumes after `delay`.
    struct Sleep {
        Scheduler& scheduler;
        SimTime delay;
        bool await_ready() const noexcept { return scheduler.try_run_now(scheduler.now() + delay); }
        void await_suspend(std::coroutine_handle<> h) const {
            scheduler.resume_at(scheduler.now() + delay, h);
        }
        void await_resume() const noexcept {}
    };
    Sleep sleep(SimTime delay) { return Sleep{*this, delay < 0 ? 0 : delay}; }

private:
    static constexpr int kSlotBits = 24;
    std::uint32_t take_slot();
    void push(SimTime t, std::uint32_t slot);
    void prefetch_next() const;

    SimTime m_now = 0;
    std::uint64_t m_seq = 0;
    std::uint64_t m_processed = 0;
    SimTime m_run_now_horizon = -1;
    std::uint64_t m_run_now = 0;
    // The insertion number in the high 40 bits of an entry's order (ties run in insertion
    // order) and a slot of m_handles in the low 24 bits.
    EventQueue m_queue;
    // A slot's coroutine (null: run its callback instead), apart from the callbacks so that
    // the array run_one() reads for every entry stays small enough for the L1 cache.
    std::vector<std::coroutine_handle<>> m_handles;
    std::vector<std::function<void()>> m_callbacks;
    std::vector<std::uint32_t> m_free_slots;
};

} // namespace wn
