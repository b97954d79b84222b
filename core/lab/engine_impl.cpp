#include "lab/engine_impl.h"

#include <algorithm>
#include <stdexcept>

namespace wn::lab {

LabEngine::Impl::Impl(LabConfig config)
    : m_config(std::move(config)), m_servers(m_config.members, m_config.timing),
      m_counters(static_cast<std::size_t>(std::clamp(m_config.readers, kMinReaders, kMaxReaders))) {
}

void LabEngine::Impl::start() {
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
        m_readers.push_back(launch_reader(i));
    }
    {
        std::lock_guard lock(m_progress_mu);
        m_progress.primary = m_initial_primary;
    }
    m_start = Clock::now();
    open_gate();
    m_monitor = std::jthread([this](std::stop_token st) { monitor_main(st); });
}

void LabEngine::Impl::stop() {
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

std::string LabEngine::Impl::kill_primary() {
    const std::optional<HostId> killed = m_servers.kill_primary(Clock::now());
    if (!killed) {
        return {};
    }
    schedule_refresh();
    return m_servers.host_table().name(*killed);
}

void LabEngine::Impl::schedule_refresh() {
    {
        std::lock_guard lock(m_wait_mu);
        m_wake = true;
    }
    m_wait_cv.notify_all();
}

MonitorProgress LabEngine::Impl::progress() const {
    std::lock_guard lock(m_progress_mu);
    return m_progress;
}

bool LabEngine::Impl::wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                                        std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_progress_mu);
    return m_progress_cv.wait_for(lock, timeout, [&] { return pred(m_progress); });
}

bool LabEngine::Impl::wait_for_readers(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_readers_mu);
    return m_readers_cv.wait_for(lock, timeout,
                                 [&] { return m_readers_done == m_counters.size(); });
}

bool LabEngine::Impl::wait_for_readers_started(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_readers_mu);
    return m_readers_cv.wait_for(lock, timeout,
                                 [&] { return m_readers_started == m_counters.size(); });
}

std::pair<Clock::time_point, Clock::time_point> LabEngine::Impl::start_and_now() const {
    std::lock_guard life(m_life_mu);
    if (!m_started) {
        return {m_start, m_start};
    }
    return {m_start, m_stopped ? m_stopped_at : Clock::now()};
}

double LabEngine::Impl::elapsed_s() const {
    const auto [start, now] = start_and_now();
    return std::chrono::duration<double>(now - start).count();
}

Stats LabEngine::Impl::snapshot() {
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
    for (const detail::ReaderCounters& c : m_counters) {
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
        s.pending_max = std::max(m_grace.take_pending_max(), cs->pending());
    }
    std::uint64_t grace_ns = m_grace.take_grace_max_ns();
    if (const std::optional<Clock::time_point> oldest = m_grace.oldest_waiting();
        oldest && s.running) {
        // A grace period still running counts with its length so far.
        grace_ns = std::max(grace_ns, to_ns(now - *oldest));
        s.grace_running = true;
    }
    s.grace_ms_max = static_cast<double>(grace_ns) * 1e-6;
    s.grace_ms_last = static_cast<double>(m_grace.last_grace_ns()) * 1e-6;

    m_prev_latency = total;
    m_prev_reads = s.reads;
    m_prev_blocked_ns = blocked_ns;
    m_last_snapshot = now;
    return s;
}

RSState LabEngine::Impl::initial_state() {
    RSState s = build_state(std::stop_token{}, 1, false).value();
    m_initial_primary = s.writer();
    return s;
}

void LabEngine::Impl::open_gate() {
    m_gate.store(true, std::memory_order_release);
    m_gate.notify_all();
}

void LabEngine::Impl::reader_finished_batch(std::size_t index, std::uint64_t reads) {
    if (reads == detail::kBatch) {
        {
            std::lock_guard lock(m_readers_mu);
            ++m_readers_started;
        }
        m_readers_cv.notify_all();
    }
    if (m_config.after_batch) {
        m_config.after_batch(static_cast<int>(index));
    }
}

void LabEngine::Impl::reader_done() {
    {
        std::lock_guard lock(m_readers_mu);
        ++m_readers_done;
    }
    m_readers_cv.notify_all();
}

} // namespace wn::lab
