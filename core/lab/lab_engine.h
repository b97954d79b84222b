#pragma once

// The "Real threads" lab engine (issue 5): real reader threads and one real monitor thread
// against simulated servers in this process, under one of four strategies. Pure C++20, no Qt,
// so that it is unit-tested and run under ThreadSanitizer/AddressSanitizer without the GUI.
//
// Readers do what PyMongo's send_message does, `rsstate.members[rsstate.primary]`: read the
// current primary and look its member up in the same state. The monitor refreshes every
// `interval` by "asking" each server (copying its status under the servers' own lock and
// waiting a simulated ismaster round trip), builds a new immutable wn::RSState and
//  - wasp / wasp_refcount: publishes it with one swap into an RcuCell (epoch or reference-count
//    reclamation); readers never wait;
//  - mutex / rwlock: holds the write lock for the whole refresh, simulated latency included,
//    and replaces the state in place; readers queue behind it (that is what the lab shows).

#include "model/hosts.h"
#include "model/rsstate.h"
#include "rcu/cell_stats.h"

#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wn::lab {

using Clock = std::chrono::steady_clock;

enum class Strategy {
    /// RcuCell<RSState, EpochReclaimer>: grace periods, readers write only their own slot.
    wasp,
    /// RcuCell<RSState, RefCountReclaimer>: what CPython did; the last reader frees a state.
    wasp_refcount,
    /// One std::mutex around a mutable state.
    mutex,
    /// One std::shared_mutex: readers share, the refresh excludes them all.
    rwlock,
};

inline constexpr std::array<Strategy, 4> kAllStrategies = {Strategy::wasp, Strategy::wasp_refcount,
                                                           Strategy::mutex, Strategy::rwlock};

/// "wasp", "wasp-refcount", "mutex", "rwlock".
const char* strategy_name(Strategy s);
/// Human label for charts: "wasp (RCU, epochs)", ...
const char* strategy_label(Strategy s);
std::optional<Strategy> parse_strategy(std::string_view name);
/// True for the strategies that publish into an RcuCell (and have retired values).
constexpr bool is_rcu(Strategy s) {
    return s == Strategy::wasp || s == Strategy::wasp_refcount;
}

// ---------------------------------------------------------------------------------------------
// Latency histogram: log2 octaves split into 4 linear sub-buckets (at most 25 % wide), so that a
// percentile is exact to within a quarter of its value. Values below 4 ns get exact buckets.

inline constexpr int kLatencyBuckets = 252;

/// Bucket index of a value in nanoseconds.
constexpr int latency_bucket(std::uint64_t ns) {
    if (ns < 4) {
        return static_cast<int>(ns);
    }
    const int e = std::bit_width(ns) - 1; // 2..63
    const int sub = static_cast<int>((ns >> (e - 2)) & 3);
    return 4 * (e - 1) + sub;
}
/// Smallest value that falls into bucket `b`.
constexpr std::uint64_t latency_bucket_low(int b) {
    if (b < 4) {
        return static_cast<std::uint64_t>(b);
    }
    const int e = b / 4 + 1;
    const auto sub = static_cast<std::uint64_t>(b % 4);
    return (4 + sub) << (e - 2);
}
/// One past the largest value of bucket `b` (saturating for the last bucket).
constexpr std::uint64_t latency_bucket_high(int b) {
    if (b < 4) {
        return static_cast<std::uint64_t>(b) + 1;
    }
    if (b == kLatencyBuckets - 1) {
        return UINT64_MAX;
    }
    return latency_bucket_low(b + 1);
}

using LatencyCounts = std::array<std::uint64_t, kLatencyBuckets>;

struct Percentiles {
    std::uint64_t samples = 0;
    std::uint64_t p50_ns = 0;
    std::uint64_t p99_ns = 0;
    std::uint64_t p999_ns = 0;
    /// Upper edge of the highest non-empty bucket.
    std::uint64_t max_ns = 0;
};
/// Percentiles of a histogram, each reported as the middle of its bucket; all 0 when empty.
Percentiles percentiles(const LatencyCounts& counts);

// ---------------------------------------------------------------------------------------------

/// Timings of the simulated replica set. Defaults suit the live lab; tests shorten them.
struct ServerTiming {
    /// After kill_primary(), how long the set goes without a primary before the next up member
    /// wins the election.
    std::chrono::microseconds election_delay{std::chrono::milliseconds(300)};
    /// How long a killed member stays down before it restarts as a secondary (0 = never).
    std::chrono::microseconds revive_after{std::chrono::seconds(3)};
};

/// The servers in process: db1..dbN on port 27017, each up or down, at most one primary.
/// Thread-safe: every call takes the servers' own mutex (the monitor copies status out).
class LabServers {
public:
    explicit LabServers(int members = 3, ServerTiming timing = {});
    LabServers(const LabServers&) = delete;
    LabServers& operator=(const LabServers&) = delete;

    struct Status {
        HostId host = kNoHost;
        bool up = false;
        bool primary = false;
    };

    /// Immutable after construction, so readable without the lock.
    const HostTable& host_table() const { return m_table; }
    const std::vector<HostId>& hosts() const { return m_hosts; }

    /// One server's status, copied under the lock.
    Status status(HostId host) const;
    std::optional<HostId> primary() const;
    /// Marks the primary down and schedules the election of the next up member after
    /// `election_delay`. Returns the killed host, or nothing when there is no primary (an
    /// election is already pending or every member is down).
    std::optional<HostId> kill_primary(Clock::time_point now);
    /// How many kills there have been; the monitor reads it before the refresh a kill wakes.
    std::uint64_t kills() const;
    /// The monitor has published a state that saw the first `kills` kills. Until it has seen
    /// the latest, no election is held: the state without the dead primary always comes first,
    /// however late the monitor thread is scheduled.
    void kills_published(std::uint64_t kills);
    /// Applies the elections and restarts due at `now`; returns true if any status changed.
    bool advance(Clock::time_point now);
    /// When advance() next has something to do (time_point::max() when nothing is pending).
    Clock::time_point next_event() const;

private:
    /// Makes the first up member after the last primary primary; false if none is up.
    bool elect_locked();

    const ServerTiming m_timing;
    HostTable m_table;
    std::vector<HostId> m_hosts;
    mutable std::mutex m_mu;
    std::vector<Status> m_status; // index = host id
    HostId m_last_primary = kNoHost;
    Clock::time_point m_election_at = Clock::time_point::max();
    std::uint64_t m_kills = 0;
    std::uint64_t m_kills_published = 0;
    std::vector<Clock::time_point> m_revive_at; // index = host id; max() = not scheduled
};

// ---------------------------------------------------------------------------------------------

struct LabConfig {
    Strategy strategy = Strategy::wasp;
    /// Reader threads, 1..64.
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
    /// than one the same thread saw before. Must stay 0 under every strategy.
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
