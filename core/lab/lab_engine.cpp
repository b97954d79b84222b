#include "lab/lab_engine.h"

#include "model/ismaster.h"
#include "model/member.h"
#include "rcu/rcu_cell.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <utility>

#ifdef __linux__
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace wn::lab {

const char* strategy_name(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return "wasp";
    case Strategy::wasp_refcount:
        return "wasp-refcount";
    case Strategy::mutex:
        return "mutex";
    case Strategy::rwlock:
        return "rwlock";
    }
    return "?";
}

const char* strategy_label(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return "wasp (RCU, epochs)";
    case Strategy::wasp_refcount:
        return "wasp (RCU, refcount)";
    case Strategy::mutex:
        return "mutex";
    case Strategy::rwlock:
        return "rwlock (shared_mutex)";
    }
    return "?";
}

std::optional<Strategy> parse_strategy(std::string_view name) {
    for (Strategy s : kAllStrategies) {
        if (name == strategy_name(s)) {
            return s;
        }
    }
    return std::nullopt;
}

Percentiles percentiles(const LatencyCounts& counts) {
    Percentiles p;
    for (std::uint64_t c : counts) {
        p.samples += c;
    }
    if (p.samples == 0) {
        return p;
    }
    // The smallest bucket whose cumulative count reaches q * samples (at least one sample).
    auto quantile = [&](double q) {
        const auto rank = std::max<std::uint64_t>(
            1, static_cast<std::uint64_t>(q * static_cast<double>(p.samples) + 0.999999));
        std::uint64_t seen = 0;
        for (int b = 0; b < kLatencyBuckets; ++b) {
            seen += counts[static_cast<std::size_t>(b)];
            if (seen >= rank) {
                const std::uint64_t lo = latency_bucket_low(b);
                const std::uint64_t hi = latency_bucket_high(b);
                return hi == UINT64_MAX ? lo : lo + (hi - 1 - lo) / 2;
            }
        }
        return std::uint64_t{0};
    };
    p.p50_ns = quantile(0.50);
    p.p99_ns = quantile(0.99);
    p.p999_ns = quantile(0.999);
    for (int b = kLatencyBuckets - 1; b >= 0; --b) {
        if (counts[static_cast<std::size_t>(b)] != 0) {
            const std::uint64_t hi = latency_bucket_high(b);
            p.max_ns = hi == UINT64_MAX ? latency_bucket_low(b) : hi - 1;
            break;
        }
    }
    return p;
}

// ---------------------------------------------------------------------------------------------
// LabServers

LabServers::LabServers(int members, ServerTiming timing) : m_timing(timing) {
    if (members < 1 || members > 7) {
        throw std::invalid_argument("lab: members must be 1..7");
    }
    for (int i = 1; i <= members; ++i) {
        const HostId h = m_table.intern("db" + std::to_string(i) + ":27017");
        m_hosts.push_back(h);
        m_status.push_back({h, true, i == 1});
        if (i == 1) {
            m_last_primary = h;
        }
        m_revive_at.push_back(Clock::time_point::max());
    }
}

LabServers::Status LabServers::status(HostId host) const {
    std::lock_guard lock(m_mu);
    return m_status.at(static_cast<std::size_t>(host));
}

std::optional<HostId> LabServers::primary() const {
    std::lock_guard lock(m_mu);
    for (const Status& s : m_status) {
        if (s.up && s.primary) {
            return s.host;
        }
    }
    return std::nullopt;
}

std::optional<HostId> LabServers::kill_primary(Clock::time_point now) {
    std::lock_guard lock(m_mu);
    for (Status& s : m_status) {
        if (s.up && s.primary) {
            s.up = false;
            s.primary = false;
            if (m_timing.revive_after.count() > 0) {
                m_revive_at[static_cast<std::size_t>(s.host)] = now + m_timing.revive_after;
            }
            m_last_primary = s.host;
            m_election_at = now + m_timing.election_delay;
            ++m_kills;
            return s.host;
        }
    }
    return std::nullopt;
}

std::uint64_t LabServers::kills() const {
    std::lock_guard lock(m_mu);
    return m_kills;
}

void LabServers::kills_published(std::uint64_t kills) {
    std::lock_guard lock(m_mu);
    m_kills_published = std::max(m_kills_published, kills);
}

bool LabServers::elect_locked() {
    const auto n = m_status.size();
    for (std::size_t k = 1; k <= n; ++k) {
        Status& s = m_status[(static_cast<std::size_t>(m_last_primary) + k) % n];
        if (s.up) {
            s.primary = true;
            m_last_primary = s.host;
            return true;
        }
    }
    return false; // every member is down: no primary until one restarts
}

bool LabServers::advance(Clock::time_point now) {
    std::lock_guard lock(m_mu);
    bool changed = false;
    for (Status& s : m_status) {
        auto& at = m_revive_at[static_cast<std::size_t>(s.host)];
        if (at <= now) {
            at = Clock::time_point::max();
            s.up = true; // restarts as a secondary
            changed = true;
        }
    }
    const bool has_primary = std::any_of(m_status.begin(), m_status.end(),
                                         [](const Status& s) { return s.up && s.primary; });
    if (m_kills_published < m_kills) {
        // The monitor has not published the kill yet (see kills_published()).
    } else if (m_election_at <= now) {
        m_election_at = Clock::time_point::max();
        changed = elect_locked() || changed;
    } else if (m_election_at == Clock::time_point::max() && !has_primary) {
        // The election found every member down and one has restarted since.
        changed = elect_locked() || changed;
    }
    return changed;
}

Clock::time_point LabServers::next_event() const {
    std::lock_guard lock(m_mu);
    // An unpublished kill has woken the monitor, which calls advance() again after publishing.
    Clock::time_point t = m_kills_published < m_kills ? Clock::time_point::max() : m_election_at;
    for (const auto& at : m_revive_at) {
        t = std::min(t, at);
    }
    return t;
}

// ---------------------------------------------------------------------------------------------
// The engine

namespace {

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

std::uint64_t to_ns(Clock::duration d) {
    return static_cast<std::uint64_t>(
        std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()));
}

void store_max(std::atomic<std::uint64_t>& a, std::uint64_t v) {
    std::uint64_t cur = a.load(std::memory_order_relaxed);
    while (cur < v && !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
    }
}

template <class Reclaimer> class RcuStore {
public:
    explicit RcuStore(RSState initial) : m_cell(std::move(initial)) {}

    template <class F> void read(F& f, std::uint64_t& /*blocked_ns*/) const {
        const auto guard = m_cell.read(); // copy the reference: no lock, never waits
        f(*guard);
    }
    template <class Build>
    bool refresh(Build&& build, Clock::duration& writer_wait, Clock::time_point& swapped_at) {
        writer_wait = {};
        std::optional<RSState> next = build(); // outside any lock: readers keep reading
        if (!next) {
            return false;
        }
        swapped_at = Clock::now();
        m_cell.publish(std::move(*next)); // the one swap
        return true;
    }
    std::optional<rcu::CellStats> stats() const { return m_cell.stats(); }
    void reclaim() { m_cell.reclaim(); }
    void synchronize() { m_cell.synchronize(); }

private:
    rcu::RcuCell<RSState, Reclaimer> m_cell;
};

template <class Mutex, bool Shared> class LockStore {
public:
    explicit LockStore(RSState initial) : m_state(std::move(initial)) {}

    template <class F> void read(F& f, std::uint64_t& blocked_ns) const {
        if constexpr (Shared) {
            if (!m_mu.try_lock_shared()) {
                const auto t0 = Clock::now();
                m_mu.lock_shared();
                blocked_ns += to_ns(Clock::now() - t0);
            }
            std::shared_lock lock(m_mu, std::adopt_lock);
            f(m_state);
        } else {
            if (!m_mu.try_lock()) {
                const auto t0 = Clock::now();
                m_mu.lock();
                blocked_ns += to_ns(Clock::now() - t0);
            }
            std::lock_guard lock(m_mu, std::adopt_lock);
            f(m_state);
        }
    }
    template <class Build>
    bool refresh(Build&& build, Clock::duration& writer_wait, Clock::time_point& swapped_at) {
        const auto t0 = Clock::now();
        std::unique_lock lock(m_mu); // held through the whole refresh, latency included
        writer_wait = Clock::now() - t0;
        std::optional<RSState> next = build();
        if (!next) {
            return false;
        }
        swapped_at = Clock::now();
        m_state = std::move(*next); // mutated in place, under the lock
        return true;
    }
    std::optional<rcu::CellStats> stats() const { return std::nullopt; }
    void reclaim() {}
    void synchronize() {}

private:
    mutable Mutex m_mu;
    RSState m_state;
};

constexpr int kBatch = 64; // reads per batch; the last one of each batch is timed
/// How long the monitor busy-polls for reclamation after a publish before it sleeps.
constexpr auto kGraceSpin = std::chrono::microseconds(50);

} // namespace

class LabEngine::Impl {
public:
    explicit Impl(LabConfig config)
        : m_config(config), m_servers(config.members, config.timing),
          m_counters(static_cast<std::size_t>(std::clamp(config.readers, 1, 64))) {}
    virtual ~Impl() = default;

    const LabConfig& config() const { return m_config; }
    LabServers& servers() { return m_servers; }

    void start() {
        std::lock_guard life(m_life_mu);
        if (m_started) {
            throw std::logic_error("LabEngine::start() called twice");
        }
        m_started = true;
        m_running.store(true, std::memory_order_relaxed);
        // Readers wait at a gate until all exist: creating thread k while k-1 readers already
        // spin would take ever longer (and under TSan, seconds), and they should start together.
        m_readers.reserve(m_counters.size());
        for (std::size_t i = 0; i < m_counters.size(); ++i) {
            m_readers.push_back(launch_reader(m_counters[i]));
        }
        {
            std::lock_guard lock(m_progress_mu);
            m_progress.primary = m_initial_primary;
        }
        m_start = Clock::now();
        open_gate();
        m_monitor = std::jthread([this](std::stop_token st) { monitor_main(st); });
    }

    void stop() {
        std::lock_guard life(m_life_mu);
        if (!m_started || m_stopped) {
            return;
        }
        m_stopped = true;
        for (auto& t : m_readers) {
            t.request_stop();
        }
        m_monitor.request_stop(); // also ends a simulated ismaster wait at once
        open_gate();              // in case start() failed half-way
        for (auto& t : m_readers) {
            t.join();
        }
        if (m_monitor.joinable()) { // not when start() failed before creating it
            m_monitor.join();
        }
        // No reader is left: every retired value can go now.
        synchronize();
        observe_reclamation(Clock::now(), false);
        m_stopped_at = Clock::now();
        m_running.store(false, std::memory_order_relaxed);
        {
            std::lock_guard lock(m_readers_mu);
            m_readers_done = m_counters.size();
        }
        m_readers_cv.notify_all();
    }

    bool running() const { return m_running.load(std::memory_order_relaxed); }

    std::string kill_primary() {
        const std::optional<HostId> killed = m_servers.kill_primary(Clock::now());
        if (!killed) {
            return {};
        }
        schedule_refresh();
        return m_servers.host_table().name(*killed);
    }

    void schedule_refresh() {
        {
            std::lock_guard lock(m_wait_mu);
            m_wake = true;
        }
        m_wait_cv.notify_all();
    }

    MonitorProgress progress() const {
        std::lock_guard lock(m_progress_mu);
        return m_progress;
    }

    bool wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                           std::chrono::milliseconds timeout) const {
        std::unique_lock lock(m_progress_mu);
        return m_progress_cv.wait_for(lock, timeout, [&] { return pred(m_progress); });
    }

    bool wait_for_readers(std::chrono::milliseconds timeout) const {
        std::unique_lock lock(m_readers_mu);
        return m_readers_cv.wait_for(lock, timeout,
                                     [&] { return m_readers_done == m_counters.size(); });
    }

    /// The start time and the engine's "now" (frozen at stop(); the start before start()).
    std::pair<Clock::time_point, Clock::time_point> start_and_now() const {
        std::lock_guard life(m_life_mu);
        if (!m_started) {
            return {m_start, m_start};
        }
        return {m_start, m_stopped ? m_stopped_at : Clock::now()};
    }

    double elapsed_s() const {
        const auto [start, now] = start_and_now();
        return std::chrono::duration<double>(now - start).count();
    }

    bool wait_for_readers_started(std::chrono::milliseconds timeout) const {
        std::unique_lock lock(m_readers_mu);
        return m_readers_cv.wait_for(lock, timeout,
                                     [&] { return m_readers_started == m_counters.size(); });
    }

    Stats snapshot() {
        std::lock_guard lock(m_snapshot_mu);
        Stats s;
        s.strategy = m_config.strategy;
        s.readers = static_cast<int>(m_counters.size());
        s.running = running();
        const auto [start, now] = start_and_now();
        s.elapsed_s = std::chrono::duration<double>(now - start).count();
        s.interval_s = std::chrono::duration<double>(now - m_last_snapshot.value_or(start)).count();

        LatencyCounts total{};
        std::uint64_t blocked_ns = 0;
        for (const ReaderCounters& c : m_counters) {
            const std::uint64_t r = c.reads.load(std::memory_order_relaxed);
            s.reads += r;
            s.reads_per_thread.push_back(r);
            s.reads_ok += c.ok.load(std::memory_order_relaxed);
            s.reads_no_primary += c.no_primary.load(std::memory_order_relaxed);
            s.reads_inconsistent += c.inconsistent.load(std::memory_order_relaxed);
            blocked_ns += c.blocked_ns.load(std::memory_order_relaxed);
            for (std::size_t b = 0; b < total.size(); ++b) {
                total[b] += c.latency[b].load(std::memory_order_relaxed);
            }
        }
        LatencyCounts interval{};
        for (std::size_t b = 0; b < total.size(); ++b) {
            interval[b] = total[b] - m_prev_latency[b];
        }
        s.latency_total = percentiles(total);
        s.latency = percentiles(interval);
        s.blocked_s_total = static_cast<double>(blocked_ns) * 1e-9;
        if (s.interval_s > 0) {
            s.reads_per_s = static_cast<double>(s.reads - m_prev_reads) / s.interval_s;
            s.blocked_fraction = static_cast<double>(blocked_ns - m_prev_blocked_ns) * 1e-9 /
                                 (s.interval_s * static_cast<double>(s.readers));
        }

        const MonitorProgress p = progress();
        s.refreshes = p.refreshes_started;
        s.publishes = p.publishes;
        s.version = p.version;
        if (p.primary) {
            s.primary = m_servers.host_table().name(*p.primary);
        }
        std::uint64_t writer_wait_ns = m_writer_wait_max_ns.exchange(0, std::memory_order_relaxed);
        if (const Clock::rep since = m_writer_waiting_since_ns.load(std::memory_order_relaxed);
            since != 0 && s.running) {
            // Still waiting: report the wait so far (a starving monitor shows as one).
            writer_wait_ns =
                std::max(writer_wait_ns, to_ns(now - Clock::time_point(Clock::duration(since))));
            s.writer_waiting = true;
        }
        s.writer_wait_ms_max = static_cast<double>(writer_wait_ns) * 1e-6;
        if (const std::optional<rcu::CellStats> cs = cell_stats()) {
            s.cell = *cs;
            s.pending_max =
                std::max(m_pending_max.exchange(0, std::memory_order_relaxed), cs->pending());
        }
        std::uint64_t grace_ns = m_grace_max_ns.exchange(0, std::memory_order_relaxed);
        if (const Clock::rep oldest = m_oldest_retired_at.load(std::memory_order_relaxed);
            oldest != 0 && s.running) {
            // A grace period still running counts with its length so far.
            grace_ns = std::max(grace_ns, to_ns(now - Clock::time_point(Clock::duration(oldest))));
            s.grace_running = true;
        }
        s.grace_ms_max = static_cast<double>(grace_ns) * 1e-6;
        s.grace_ms_last =
            static_cast<double>(m_grace_last_ns.load(std::memory_order_relaxed)) * 1e-6;

        m_prev_latency = total;
        m_prev_reads = s.reads;
        m_prev_blocked_ns = blocked_ns;
        m_last_snapshot = now;
        return s;
    }

protected:
    /// Starts one reader thread running the strategy's read loop.
    virtual std::jthread launch_reader(ReaderCounters& counters) = 0;
    /// Builds (with `build`) and installs a new state; false if interrupted by stop.
    virtual bool refresh_with(const std::function<std::optional<RSState>()>& build,
                              Clock::duration& writer_wait, Clock::time_point& swapped_at) = 0;
    virtual std::optional<rcu::CellStats> cell_stats() const = 0;
    virtual void reclaim() = 0;
    virtual void synchronize() = 0;

    /// The read loop: batches of 64 reads, the last one timed, counters published per batch.
    template <class Store>
    void reader_main(const std::stop_token& st, const Store& store, ReaderCounters& c) {
#ifdef __linux__
        if (m_config.reader_nice > 0) {
            // Per-thread niceness on Linux; lowering one's own priority needs no privilege.
            setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), m_config.reader_nice);
        }
#endif
        m_gate.wait(false, std::memory_order_acquire);
        ReaderLocal l;
        auto look = [&l](const RSState& s) {
            inspect(s, l);
        };
        const std::uint64_t max_reads = m_config.max_reads_per_reader;
        std::uint64_t reads = 0;
        while (!st.stop_requested() && (max_reads == 0 || reads < max_reads)) {
            for (int i = 0; i < kBatch - 1; ++i) {
                store.read(look, l.blocked_ns);
            }
            const auto t0 = Clock::now();
            store.read(look, l.blocked_ns);
            const auto t1 = Clock::now();
            reads += kBatch;
            auto& bucket = c.latency[static_cast<std::size_t>(latency_bucket(to_ns(t1 - t0)))];
            bucket.store(bucket.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
            c.ok.store(l.ok, std::memory_order_relaxed);
            c.no_primary.store(l.no_primary, std::memory_order_relaxed);
            c.inconsistent.store(l.inconsistent, std::memory_order_relaxed);
            c.blocked_ns.store(l.blocked_ns, std::memory_order_relaxed);
            c.reads.store(reads, std::memory_order_relaxed);
            if (reads == kBatch) {
                {
                    std::lock_guard lock(m_readers_mu);
                    ++m_readers_started;
                }
                m_readers_cv.notify_all();
            }
        }
        c.sink.store(l.sink, std::memory_order_relaxed);
        {
            std::lock_guard lock(m_readers_mu);
            ++m_readers_done;
        }
        m_readers_cv.notify_all();
    }

    /// The initial state (v1), asked without latency before any thread starts.
    RSState initial_state() {
        RSState s = build_state(std::stop_token{}, 1, false).value();
        m_initial_primary = s.writer();
        return s;
    }

private:
    void open_gate() {
        m_gate.store(true, std::memory_order_release);
        m_gate.notify_all();
    }

    /// Waits `d` or until stop; returns false if stopped.
    bool wait_interruptible(const std::stop_token& st, std::chrono::microseconds d) {
        const auto deadline = Clock::now() + d;
        std::unique_lock lock(m_wait_mu);
        m_wait_cv.wait_until(lock, st, deadline, [] { return false; });
        return !st.stop_requested();
    }

    /// Asks every known host (a simulated ismaster round trip each); hosts that do not answer
    /// are left out; the writer is the member whose reply says ismaster.
    std::optional<RSState> build_state(const std::stop_token& st, int version, bool latency) {
        std::vector<Member> members;
        std::optional<HostId> writer;
        const std::vector<HostId>& hosts = m_servers.hosts();
        const double ping_ms =
            std::chrono::duration<double, std::milli>(m_config.ismaster_latency).count();
        for (HostId h : hosts) {
            if (latency && m_config.ismaster_latency.count() > 0 &&
                !wait_interruptible(st, m_config.ismaster_latency)) {
                return std::nullopt;
            }
            const LabServers::Status status = m_servers.status(h);
            if (!status.up) {
                continue;
            }
            IsMasterReply reply;
            reply.ismaster = status.primary;
            reply.secondary = !status.primary;
            reply.set_name = "rs0";
            reply.hosts = hosts;
            reply.me = h;
            if (status.primary) {
                reply.primary = h;
                writer = h;
            }
            members.emplace_back(h, static_cast<int>(h) + 1, std::move(reply), ping_ms);
        }
        return RSState(version, hosts, std::move(members), {}, writer,
                       writer ? std::string() : std::string("No primary available"));
    }

    void monitor_main(const std::stop_token& st) {
#ifdef __linux__
        // Microsecond waits for the reclamation polls; the default slack is 50 us.
        prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
#endif
        Clock::time_point next_refresh = Clock::now() + m_config.interval;
        while (!st.stop_requested()) {
            const Clock::time_point now = Clock::now();
            bool woken = false;
            {
                std::lock_guard lock(m_wait_mu);
                woken = std::exchange(m_wake, false);
            }
            // A wake-up (a kill) is refreshed before the servers move on, and the servers hold
            // no election until the kill is published, so the state without the dead primary
            // always comes before the election result.
            const std::uint64_t kills = m_servers.kills();
            const bool changed = !woken && m_servers.advance(now);
            if (changed || woken || now >= next_refresh) {
                if (!refresh(st)) {
                    break;
                }
                m_servers.kills_published(kills);
                next_refresh = Clock::now() + m_config.interval;
            }
            const bool waiting_for_reclaim = observe_reclamation(Clock::now(), true);
            Clock::time_point deadline = std::min(next_refresh, m_servers.next_event());
            if (waiting_for_reclaim) {
                deadline = std::min(deadline, Clock::now() + m_poll);
                m_poll = std::min<Clock::duration>(m_poll * 3 / 2 + std::chrono::microseconds(1),
                                                   std::chrono::milliseconds(1));
            }
            std::unique_lock lock(m_wait_mu);
            m_wait_cv.wait_until(lock, st, deadline, [&] { return m_wake; });
        }
    }

    bool refresh(const std::stop_token& st) {
        int version = 0;
        {
            std::lock_guard lock(m_progress_mu);
            ++m_progress.refreshes_started;
            version = m_progress.version + 1;
        }
        m_progress_cv.notify_all();
        std::optional<HostId> writer;
        Clock::duration writer_wait{};
        Clock::time_point swapped_at{};
        // Visible to snapshot() while the monitor waits for the write lock (it may starve).
        m_writer_waiting_since_ns.store(Clock::now().time_since_epoch().count(),
                                        std::memory_order_relaxed);
        const bool done = refresh_with(
            [&]() -> std::optional<RSState> {
                m_writer_waiting_since_ns.store(0, std::memory_order_relaxed); // got the lock
                std::optional<RSState> s = build_state(st, version, true);
                if (s) {
                    writer = s->writer();
                }
                return s;
            },
            writer_wait, swapped_at);
        m_writer_waiting_since_ns.store(0, std::memory_order_relaxed);
        if (!done) {
            return false;
        }
        store_max(m_writer_wait_max_ns, to_ns(writer_wait));
        if (const std::optional<rcu::CellStats> cs = cell_stats()) {
            m_retirements.push_back({cs->retired, swapped_at});
            m_oldest_retired_at.store(m_retirements.front().at.time_since_epoch().count(),
                                      std::memory_order_relaxed);
            // Spin briefly before sleeping: with every reader on a CPU the grace period ends
            // within microseconds, sooner than a timed wait could notice.
            const Clock::time_point spin_end = Clock::now() + kGraceSpin;
            while (observe_reclamation(Clock::now(), false) && Clock::now() < spin_end) {
                const Clock::time_point pause_end = Clock::now() + std::chrono::microseconds(2);
                while (Clock::now() < pause_end) {
                }
            }
            m_poll = std::chrono::microseconds(5);
        }
        {
            std::lock_guard lock(m_progress_mu);
            ++m_progress.publishes;
            if (!writer) {
                ++m_progress.publishes_without_primary;
            }
            m_progress.version = version;
            m_progress.primary = writer;
        }
        m_progress_cv.notify_all();
        return true;
    }

    /// Matches reclamations to retirements (in order) and records grace-period lengths.
    /// Returns true while a retired value is still waiting. `record_pending`: count what is
    /// still waiting in the interval's "retired, not yet reclaimed" maximum. Monitor thread (or
    /// stop(), after the monitor has joined).
    bool observe_reclamation(Clock::time_point now, bool record_pending) {
        if (m_retirements.empty()) {
            return false;
        }
        reclaim();
        const std::optional<rcu::CellStats> cs = cell_stats();
        if (!cs) {
            m_retirements.clear();
            return false;
        }
        if (record_pending) {
            store_max(m_pending_max, cs->pending());
        }
        while (!m_retirements.empty() && m_retirements.front().retired_index <= cs->reclaimed) {
            const std::uint64_t grace = to_ns(now - m_retirements.front().at);
            store_max(m_grace_max_ns, grace);
            m_grace_last_ns.store(grace, std::memory_order_relaxed);
            m_retirements.pop_front();
        }
        m_oldest_retired_at.store(
            m_retirements.empty() ? 0 : m_retirements.front().at.time_since_epoch().count(),
            std::memory_order_relaxed);
        return !m_retirements.empty();
    }

    struct Retirement {
        std::uint64_t retired_index; // the cell's `retired` count right after this retirement
        Clock::time_point at;
    };

    const LabConfig m_config;
    LabServers m_servers;
    std::vector<ReaderCounters> m_counters;

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

    // Monitor-only (and stop() after the monitor has joined).
    std::deque<Retirement> m_retirements;
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
    /// Clock ticks of the oldest retirement not yet seen reclaimed; 0 when none.
    std::atomic<Clock::rep> m_oldest_retired_at{0};
    /// Clock ticks when the monitor began to wait for the write lock; 0 when not waiting.
    std::atomic<Clock::rep> m_writer_waiting_since_ns{0};
    std::atomic<std::uint64_t> m_pending_max{0};
    std::atomic<std::uint64_t> m_grace_max_ns{0};
    std::atomic<std::uint64_t> m_grace_last_ns{0};

    // snapshot() state.
    std::mutex m_snapshot_mu;
    std::optional<Clock::time_point> m_last_snapshot; // unset: the interval starts at start()
    LatencyCounts m_prev_latency{};
    std::uint64_t m_prev_reads = 0;
    std::uint64_t m_prev_blocked_ns = 0;
};

namespace {

template <class Store> class Runner final : public LabEngine::Impl {
public:
    explicit Runner(LabConfig config) : Impl(config), m_store(initial_state()) {}
    ~Runner() override { stop(); } // threads use m_store: join before it goes

protected:
    std::jthread launch_reader(ReaderCounters& counters) override {
        return std::jthread(
            [this, &counters](std::stop_token st) { reader_main(st, m_store, counters); });
    }
    bool refresh_with(const std::function<std::optional<RSState>()>& build,
                      Clock::duration& writer_wait, Clock::time_point& swapped_at) override {
        return m_store.refresh(build, writer_wait, swapped_at);
    }
    std::optional<rcu::CellStats> cell_stats() const override { return m_store.stats(); }
    void reclaim() override { m_store.reclaim(); }
    void synchronize() override { m_store.synchronize(); }

private:
    Store m_store;
};

std::unique_ptr<LabEngine::Impl> make_impl(const LabConfig& config) {
    if (config.readers < 1 || config.readers > 64) {
        throw std::invalid_argument("lab: reader threads must be 1..64");
    }
    if (config.members < 1 || config.members > 7) {
        throw std::invalid_argument("lab: members must be 1..7");
    }
    if (config.interval < std::chrono::microseconds(100) ||
        config.interval > std::chrono::seconds(60)) {
        throw std::invalid_argument("lab: refresh interval must be 100 us..60 s");
    }
    if (config.reader_nice < 0 || config.reader_nice > 19) {
        throw std::invalid_argument("lab: reader nice value must be 0..19");
    }
    if (config.ismaster_latency.count() < 0 || config.ismaster_latency > std::chrono::seconds(60)) {
        throw std::invalid_argument("lab: ismaster latency must be 0..60 s");
    }
    switch (config.strategy) {
    case Strategy::wasp:
        return std::make_unique<Runner<RcuStore<rcu::EpochReclaimer>>>(config);
    case Strategy::wasp_refcount:
        return std::make_unique<Runner<RcuStore<rcu::RefCountReclaimer>>>(config);
    case Strategy::mutex:
        return std::make_unique<Runner<LockStore<std::mutex, false>>>(config);
    case Strategy::rwlock:
        return std::make_unique<Runner<LockStore<std::shared_mutex, true>>>(config);
    }
    throw std::invalid_argument("lab: unknown strategy");
}

} // namespace

LabEngine::LabEngine(LabConfig config) : m_impl(make_impl(config)) {
}
LabEngine::~LabEngine() {
    if (m_impl) {
        m_impl->stop();
    }
}
const LabConfig& LabEngine::config() const {
    return m_impl->config();
}
LabServers& LabEngine::servers() {
    return m_impl->servers();
}
void LabEngine::start() {
    m_impl->start();
}
void LabEngine::stop() {
    m_impl->stop();
}
bool LabEngine::running() const {
    return m_impl->running();
}
std::string LabEngine::kill_primary() {
    return m_impl->kill_primary();
}
void LabEngine::schedule_refresh() {
    m_impl->schedule_refresh();
}
Stats LabEngine::snapshot() {
    return m_impl->snapshot();
}
double LabEngine::elapsed_s() const {
    return m_impl->elapsed_s();
}
MonitorProgress LabEngine::progress() const {
    return m_impl->progress();
}
bool LabEngine::wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                                  std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_progress(pred, timeout);
}
bool LabEngine::wait_for_readers_started(std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_readers_started(timeout);
}
bool LabEngine::wait_for_readers(std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_readers(timeout);
}

} // namespace wn::lab
