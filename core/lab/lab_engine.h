#pragma once

// The "Real threads" lab engine: real reader threads and one real monitor thread against
// simulated servers in this process, under one of five strategies. Pure C++20, no Qt, so that
// it is unit-tested and run under ThreadSanitizer/AddressSanitizer without the GUI.
//
// Readers do what PyMongo's send_message does, `rsstate.members[rsstate.primary]`: read the
// current primary and look its member up in the same state. The monitor refreshes every
// `interval` by "asking" each server (copying its status under the servers' own lock and
// waiting a simulated ismaster round trip), builds a new immutable wn::RSState and installs it
// through the strategy's store (lab/state_stores.h): one swap into an RcuCell for wasp and
// wasp-refcount, readers never waiting; the write lock held for the whole refresh for mutex
// and rwlock, readers queueing behind it (that is what the lab shows).

#include "lab/lab_clock.h"
#include "lab/lab_servers.h"
#include "lab/latency_histogram.h"
#include "lab/strategy.h"
#include "rcu/cell_stats.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wn::lab {

/// Reader threads a lab run may have (the engine, the window and waspsnest-lab-shot).
inline constexpr int kMinReaders = 1;
inline constexpr int kMaxReaders = 64;

struct LabConfig {
    Strategy strategy = Strategy::wasp;
    /// Reader threads, kMinReaders..kMaxReaders.
    int readers = 2;
    int members = 3;
    /// The monitor's refresh period (PyMongo: 30 s; the lab refreshes faster to show more).
    std::chrono::microseconds interval{std::chrono::milliseconds(100)};
    /// Simulated ismaster round trip, per member asked; waited on a condition variable.
    std::chrono::microseconds ismaster_latency{std::chrono::milliseconds(1)};
    ServerTiming timing;
    /// When non-zero, each reader stops by itself after this many reads (a multiple of 64 is
    /// exact; otherwise it is rounded up to one). For tests: bounded work, no sleeps.
    std::uint64_t max_reads_per_reader = 0;
    /// Linux: the reader threads' nice value (0..19), so that with many more readers than
    /// cores the GUI thread and the monitor still get the CPU. 0 = unchanged.
    int reader_nice = 0;

    /// Test hooks, empty in the lab. `in_publish` runs on the monitor thread in every refresh,
    /// once the new state is built and before it is installed, with the store's writer side
    /// held (the write lock, for mutex and rwlock). `after_batch` runs on a reader thread
    /// after each batch of reads, with the reader's index.
    std::function<void()> in_publish;
    /// naive-in-place only: runs on the monitor thread halfway through rewriting the table,
    /// after the members and before the primary index.
    std::function<void()> in_place_midway;
    std::function<void(int reader)> after_batch;
};

/// What the monitor has done so far; tests wait on it instead of sleeping.
struct MonitorProgress {
    std::uint64_t refreshes_started = 0;
    std::uint64_t publishes = 0;
    /// Publishes of a state with no primary (between a kill and the election).
    std::uint64_t publishes_without_primary = 0;
    /// Version of the state published last (v1 is the initial state, made before start()).
    int version = 1;
    /// The primary in that state (from start(); before it, none).
    std::optional<HostId> primary;
};

struct Stats {
    Strategy strategy = Strategy::wasp;
    int readers = 0;
    bool running = false;
    /// Seconds since start() (frozen at stop()).
    double elapsed_s = 0;
    /// Seconds since the previous snapshot() (or start()); the "interval" fields cover it.
    double interval_s = 0;

    // Totals since start.
    std::uint64_t reads = 0;
    /// Reads that found a primary in the state and its member in the same state.
    std::uint64_t reads_ok = 0;
    /// Reads that found no primary (PyMongo raises AutoReconnect): not an error of the pattern.
    std::uint64_t reads_no_primary = 0;
    /// Reads that saw a primary missing from its own members (the KeyError) or a version older
    /// than one the same thread saw before; for naive-in-place, torn reads (a primary missing
    /// from the table, or its entry written by another refresh). Must stay 0 under every other
    /// strategy.
    std::uint64_t reads_inconsistent = 0;
    std::vector<std::uint64_t> reads_per_thread;
    Percentiles latency_total;
    /// Sum over readers of the time spent waiting for the lock (mutex/rwlock; 0 for wasp).
    double blocked_s_total = 0;

    // The interval since the previous snapshot.
    double reads_per_s = 0;
    Percentiles latency;
    /// blocked time / (readers * interval): the share of reader time spent queueing.
    double blocked_fraction = 0;

    // Monitor.
    std::uint64_t refreshes = 0;
    std::uint64_t publishes = 0;
    int version = 0;
    std::string primary; // "db2:27017", or empty while there is none
    /// Longest time the monitor waited to get the write lock in the interval (locks only),
    /// including a wait still going on (then `writer_waiting` is true).
    double writer_wait_ms_max = 0;
    bool writer_waiting = false;

    // RCU cell (wasp strategies; zero otherwise).
    rcu::CellStats cell;
    /// Most values retired but not yet reclaimed at once during the interval: sampled by
    /// snapshot() and by the monitor while it waits for a grace period to end (after a
    /// publish it first busy-polls for 50 us; what is reclaimed by then is not counted).
    std::uint64_t pending_max = 0;
    /// Grace-period length: time from a value's retirement (the swap) until the monitor saw it
    /// reclaimed, longest in the interval and most recent. The monitor busy-polls for 50 us
    /// after a publish (resolution ~2 us), then polls with a growing sleep (up to 1 ms), so a
    /// long grace period also includes the monitor's own scheduling delay.
    /// `grace_ms_max` includes a grace period still running (then `grace_running` is true).
    double grace_ms_max = 0;
    double grace_ms_last = 0;
    bool grace_running = false;
};

/// One run of the lab: start(), snapshot() as often as you like, stop() (or destroy).
class LabEngine {
public:
    explicit LabEngine(LabConfig config);
    ~LabEngine();
    LabEngine(const LabEngine&) = delete;
    LabEngine& operator=(const LabEngine&) = delete;

    const LabConfig& config() const;
    LabServers& servers();

    /// Starts the reader threads and the monitor. Once per engine; throws std::logic_error on a
    /// second call. Throws std::invalid_argument for out-of-range settings.
    void start();
    /// Stops and joins every thread, interrupting a refresh in progress (a simulated ismaster
    /// wait ends at once), then reclaims every retired value. Idempotent.
    void stop();
    bool running() const;

    /// Kills the primary server (see LabServers::kill_primary) and wakes the monitor, which
    /// publishes a state without a primary and, once the election is over, the new primary.
    /// Returns the killed host's name, or empty if there was no primary to kill.
    std::string kill_primary();
    /// Wakes the monitor for an immediate refresh (PyMongo's schedule_refresh()).
    void schedule_refresh();

    /// Seconds since start() (frozen at stop(); 0 before start()).
    double elapsed_s() const;
    /// Totals and the interval since the previous call. Thread-safe.
    Stats snapshot();

    MonitorProgress progress() const;
    /// Waits until `pred(progress())` holds or `timeout` passes; returns whether it held.
    bool wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                           std::chrono::milliseconds timeout) const;
    /// Waits until every reader thread has completed its first batch of reads.
    bool wait_for_readers_started(std::chrono::milliseconds timeout) const;
    /// Waits until every reader has finished (only returns true early with
    /// max_reads_per_reader set, or after stop()).
    bool wait_for_readers(std::chrono::milliseconds timeout) const;

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace wn::lab
