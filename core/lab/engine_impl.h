#pragma once

// LabEngine's implementation, shared by its three source files: lab_engine.cpp (the facade
// and the choice of store), engine_impl.cpp (lifecycle, waits, snapshot) and monitor.cpp (the
// monitor thread). The reader loop is a template over the store, so it is here.

#include "lab/grace_tracker.h"
#include "lab/lab_engine.h"
#include "model/member.h"
#include "model/rsstate.h"
#include "platform/thread_role.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>

namespace wn::lab::detail {

/// One reader thread's counters: written only by that thread (plain load + store, no
/// read-modify-write), read by snapshot(). A cache line of its own so readers never share one.
struct alignas(64) ReaderCounters {
    std::atomic<std::uint64_t> reads{0};
    std::atomic<std::uint64_t> ok{0};
    std::atomic<std::uint64_t> no_primary{0};
    std::atomic<std::uint64_t> inconsistent{0};
    std::atomic<std::uint64_t> blocked_ns{0};
    std::atomic<std::uint64_t> sink{0};
    std::array<std::atomic<std::uint64_t>, kLatencyBuckets> latency{};
};

/// What a reader keeps between reads.
struct ReaderLocal {
    std::uint64_t ok = 0;
    std::uint64_t no_primary = 0;
    std::uint64_t inconsistent = 0;
    std::uint64_t blocked_ns = 0;
    std::uint64_t sink = 0;
    int last_version = 0;
};

/// `rsstate.members[rsstate.primary]`, checked: the primary must be a member of the same state
/// and that member must say it is primary; versions never go backwards for one thread.
inline void inspect(const RSState& s, ReaderLocal& l) {
    const int v = s.version();
    const bool backwards = v < l.last_version;
    l.last_version = v;
    const std::optional<HostId> writer = s.writer();
    if (backwards) {
        ++l.inconsistent;
    } else if (!writer) {
        ++l.no_primary; // AutoReconnect("No primary available"): fail fast, not a torn read
    } else if (const Member* m = s.get(*writer); m == nullptr || !m->is_primary()) {
        ++l.inconsistent; // the KeyError of the naive client
    } else {
        ++l.ok;
        l.sink += static_cast<std::uint64_t>(m->pool_id());
    }
}

inline constexpr int kBatch = 64; // reads per batch; the last one of each batch is timed

} // namespace wn::lab::detail

namespace wn::lab {

class LabEngine::Impl {
public:
    explicit Impl(LabConfig config);
    virtual ~Impl() = default;

    const LabConfig& config() const { return m_config; }
    LabServers& servers() { return m_servers; }

    void start();
    void stop();
    bool running() const { return m_running.load(std::memory_order_relaxed); }
    std::string kill_primary();
    void schedule_refresh();

    MonitorProgress progress() const;
    bool wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                           std::chrono::milliseconds timeout) const;
    bool wait_for_readers(std::chrono::milliseconds timeout) const;
    bool wait_for_readers_started(std::chrono::milliseconds timeout) const;
    double elapsed_s() const;
    Stats snapshot();

protected:
    /// Starts reader thread `index` running the strategy's read loop.
    virtual std::jthread launch_reader(std::size_t index) = 0;
    /// Builds (with `build`) and installs a new state; false if interrupted by stop.
    virtual bool refresh_with(const std::function<std::optional<RSState>()>& build,
                              Clock::duration& writer_wait, Clock::time_point& swapped_at) = 0;
    virtual std::optional<rcu::CellStats> cell_stats() const = 0;
    virtual void reclaim() = 0;
    virtual void synchronize() = 0;

    /// The read loop: batches of 64 reads, the last one timed, counters published per batch.
    template <class Store>
    void reader_main(const std::stop_token& st, const Store& store, std::size_t index);

    /// The initial state (v1), asked without latency before any thread starts.
    RSState initial_state();

private:
    /// The start time and the engine's "now" (frozen at stop(); the start before start()).
    std::pair<Clock::time_point, Clock::time_point> start_and_now() const;
    void open_gate();
    void reader_finished_batch(std::size_t index, std::uint64_t reads);
    void reader_done();

    // monitor.cpp
    /// Waits `d` or until stop; returns false if stopped.
    bool wait_interruptible(const std::stop_token& st, std::chrono::microseconds d);
    /// Asks every known host (a simulated ismaster round trip each); hosts that do not answer
    /// are left out; the writer is the member whose reply says ismaster.
    std::optional<RSState> build_state(const std::stop_token& st, int version, bool latency);
    void monitor_main(const std::stop_token& st);
    bool refresh(const std::stop_token& st);
    /// Reclaims what the cell can and records grace periods; true while a retired value is
    /// still waiting. Monitor thread (or stop(), after the monitor has joined).
    bool observe_reclamation(Clock::time_point now, bool record_pending);

    const LabConfig m_config;
    LabServers m_servers;
    std::vector<detail::ReaderCounters> m_counters;

    mutable std::mutex m_life_mu;
    bool m_started = false;
    bool m_stopped = false;
    Clock::time_point m_start{};
    Clock::time_point m_stopped_at{};
    std::atomic<bool> m_running{false};

    std::atomic<bool> m_gate{false}; // readers start reading once it is true
    std::jthread m_monitor;
    std::vector<std::jthread> m_readers;

    // Monitor wake-ups and simulated latency.
    std::mutex m_wait_mu;
    std::condition_variable_any m_wait_cv;
    bool m_wake = false;

    // Monitor-only (and stop() after the monitor has joined), but for its atomics.
    GraceTracker m_grace;
    Clock::duration m_poll = std::chrono::microseconds(5);

    mutable std::mutex m_progress_mu;
    mutable std::condition_variable m_progress_cv;
    MonitorProgress m_progress;
    std::optional<HostId> m_initial_primary;

    mutable std::mutex m_readers_mu;
    mutable std::condition_variable m_readers_cv;
    std::size_t m_readers_done = 0;
    std::size_t m_readers_started = 0;

    std::atomic<std::uint64_t> m_writer_wait_max_ns{0};
    /// Clock ticks when the monitor began to wait for the write lock; 0 when not waiting.
    std::atomic<Clock::rep> m_writer_waiting_since_ns{0};

    // snapshot() state.
    std::mutex m_snapshot_mu;
    std::optional<Clock::time_point> m_last_snapshot; // unset: the interval starts at start()
    LatencyCounts m_prev_latency{};
    std::uint64_t m_prev_reads = 0;
    std::uint64_t m_prev_blocked_ns = 0;
};

template <class Store>
void LabEngine::Impl::reader_main(const std::stop_token& st, const Store& store,
                                  std::size_t index) {
    lower_this_thread(m_config.reader_nice);
    m_gate.wait(false, std::memory_order_acquire);
    detail::ReaderCounters& c = m_counters[index];
    detail::ReaderLocal l;
    [[maybe_unused]] auto look = [&l](const RSState& s) {
        detail::inspect(s, l);
    };
    const std::uint64_t max_reads = m_config.max_reads_per_reader;
    std::uint64_t reads = 0;
    while (!st.stop_requested() && (max_reads == 0 || reads < max_reads)) {
        auto read_once = [&] {
            if constexpr (requires { store.read_in_place(l); }) {
                store.read_in_place(l); // naive (in place): no state object to inspect
            } else {
                store.read(look, l.blocked_ns);
            }
        };
        for (int i = 0; i < detail::kBatch - 1; ++i) {
            read_once();
        }
        const auto t0 = Clock::now();
        read_once();
        const auto t1 = Clock::now();
        reads += detail::kBatch;
        auto& bucket = c.latency[static_cast<std::size_t>(latency_bucket(to_ns(t1 - t0)))];
        bucket.store(bucket.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        c.ok.store(l.ok, std::memory_order_relaxed);
        c.no_primary.store(l.no_primary, std::memory_order_relaxed);
        c.inconsistent.store(l.inconsistent, std::memory_order_relaxed);
        c.blocked_ns.store(l.blocked_ns, std::memory_order_relaxed);
        c.reads.store(reads, std::memory_order_relaxed);
        reader_finished_batch(index, reads);
    }
    c.sink.store(l.sink, std::memory_order_relaxed);
    reader_done();
}

} // namespace wn::lab
