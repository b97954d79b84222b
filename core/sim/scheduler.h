#pragma once

#include <coroutine>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace wn {

/// Virtual time in microseconds since the start of the run.
using SimTime = std::int64_t;

constexpr SimTime kMicrosPerMs = 1000;
constexpr SimTime kMicrosPerSecond = 1000000;

inline SimTime from_seconds(double s) { return static_cast<SimTime>(s * kMicrosPerSecond + 0.5); }
inline SimTime from_ms(double ms) { return static_cast<SimTime>(ms * kMicrosPerMs + 0.5); }
inline double to_seconds(SimTime t) { return static_cast<double>(t) / kMicrosPerSecond; }

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
    SimTime next_time() const { return m_queue.top().time; }
    /// Runs the next entry and advances the clock to its time.
    void run_one();
    /// How many entries have run; a position in the run finer than time, for exact replay.
    std::uint64_t processed() const { return m_processed; }
    /// Moves the clock forward to `t` with nothing run (the end of a viewed interval).
    void advance_to(SimTime t) {
        if (t > m_now)
            m_now = t;
    }

    /// A coroutine suspension that resumes after `delay`.
    struct Sleep {
        Scheduler& scheduler;
        SimTime delay;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h) const {
            scheduler.resume_at(scheduler.now() + delay, h);
        }
        void await_resume() const noexcept {}
    };
    Sleep sleep(SimTime delay) { return Sleep{*this, delay < 0 ? 0 : delay}; }

private:
    struct Entry {
        SimTime time;
        std::uint64_t seq;
        std::coroutine_handle<> handle; // null: run m_callbacks[callback]
        std::uint32_t callback;
        bool operator>(const Entry& o) const {
            return time != o.time ? time > o.time : seq > o.seq;
        }
    };
    SimTime m_now = 0;
    std::uint64_t m_seq = 0;
    std::uint64_t m_processed = 0;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_queue;
    std::vector<std::function<void()>> m_callbacks;
    std::vector<std::uint32_t> m_free_callbacks;
};

} // namespace wn
