// The monitor thread: refreshes the state from the simulated servers on its period, on a
// wake-up (a kill) or when the servers change, and watches the RCU cell's grace periods.

#include "lab/engine_impl.h"
#include "model/ismaster.h"

#include <algorithm>

#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace wn::lab {

namespace {
/// How long the monitor busy-polls for reclamation after a publish before it sleeps.
constexpr auto kGraceSpin = std::chrono::microseconds(50);
} // namespace

bool LabEngine::Impl::wait_interruptible(const std::stop_token& st, std::chrono::microseconds d) {
    const auto deadline = Clock::now() + d;
    std::unique_lock lock(m_wait_mu);
    m_wait_cv.wait_until(lock, st, deadline, [] { return false; });
    return !st.stop_requested();
}

std::optional<RSState> LabEngine::Impl::build_state(const std::stop_token& st, int version,
                                                    bool latency) {
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

void LabEngine::Impl::monitor_main(const std::stop_token& st) {
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

bool LabEngine::Impl::refresh(const std::stop_token& st) {
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
                if (m_config.in_publish) {
                    m_config.in_publish();
                }
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
        m_grace.retired(cs->retired, swapped_at);
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

bool LabEngine::Impl::observe_reclamation(Clock::time_point now, bool record_pending) {
    if (!m_grace.waiting()) {
        return false;
    }
    reclaim();
    return m_grace.observe(cell_stats(), now, record_pending);
}

} // namespace wn::lab
