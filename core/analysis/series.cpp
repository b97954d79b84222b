#include "analysis/series.h"

#include <algorithm>

namespace wn {

void SeriesBuilder::reset() {
    m_bins.clear();
    m_consumed = 0;
    m_in_flight = 0;
    m_live = 0;
    m_wait_since.clear();
    m_ismaster_since.clear();
}

SeriesBin& SeriesBuilder::bin_at(SimTime t) {
    const auto index = static_cast<std::size_t>(t / m_bin);
    while (m_bins.size() <= index) {
        SeriesBin next;
        // Levels carry over from the previous bin; counts start at zero.
        next.live_versions = m_live;
        next.refreshes_max_in_flight = m_in_flight;
        m_bins.push_back(std::move(next));
    }
    return m_bins[index];
}

void SeriesBuilder::add_wait(SimTime from, SimTime to) {
    // Split the interval over the bins it spans.
    while (from < to) {
        const SimTime bin_end = (from / m_bin + 1) * m_bin;
        const SimTime end = std::min(to, bin_end);
        bin_at(from).waiting_thread_seconds += to_seconds(end - from);
        from = end;
    }
}

bool SeriesBuilder::consume(const TraceEvents& events, std::size_t max_events) {
    // Events a capped trace dropped before they were read are skipped.
    m_consumed = std::max(m_consumed, events.first());
    const std::size_t end =
        events.size() - m_consumed > max_events ? m_consumed + max_events : events.size();
    for (; m_consumed < end; ++m_consumed) {
        const TraceEvent& e = events[m_consumed];
        SeriesBin& bin = bin_at(e.time);
        auto per_host = [](std::vector<int>& v, std::int32_t host) -> int& {
            if (v.size() <= static_cast<std::size_t>(host))
                v.resize(static_cast<std::size_t>(host) + 1);
            return v[static_cast<std::size_t>(host)];
        };
        switch (e.kind) {
        case EventKind::IsMasterBegin:
            ++bin.ismaster;
            ++per_host(bin.ismaster_by_host, e.a);
            m_ismaster_since[e.actor] = e.time;
            break;
        case EventKind::IsMasterEnd:
            if (auto it = m_ismaster_since.find(e.actor); it != m_ismaster_since.end()) {
                if (e.b != static_cast<int>(IsMasterOutcome::Failed)) {
                    ++per_host(bin.ping_count_by_host, e.a);
                    if (bin.ping_sum_by_host.size() <= static_cast<std::size_t>(e.a))
                        bin.ping_sum_by_host.resize(static_cast<std::size_t>(e.a) + 1);
                    bin.ping_sum_by_host[static_cast<std::size_t>(e.a)] +=
                        static_cast<double>(e.time - it->second) / kMicrosPerMs;
                }
                m_ismaster_since.erase(it);
            }
            break;
        case EventKind::RefreshBegin:
            ++bin.refreshes_begun;
            ++m_in_flight;
            bin.refreshes_max_in_flight = std::max(bin.refreshes_max_in_flight, m_in_flight);
            break;
        case EventKind::RefreshEnd:
            --m_in_flight;
            break;
        case EventKind::OpEnd:
            if (e.a == static_cast<int>(ErrorKind::None))
                ++bin.ops_ok;
            else if (e.a == static_cast<int>(ErrorKind::KeyError))
                ++bin.key_errors;
            else if (e.a == static_cast<int>(ErrorKind::AutoReconnect))
                ++bin.auto_reconnects;
            break;
        case EventKind::WaitRefreshBegin:
        case EventKind::LockWait:
        case EventKind::SelectWaitBegin:
            m_wait_since[e.actor] = e.time;
            break;
        case EventKind::WaitRefreshEnd:
        case EventKind::LockAcquire:
        case EventKind::SelectWaitEnd:
            if (auto it = m_wait_since.find(e.actor); it != m_wait_since.end()) {
                const SimTime since = it->second;
                m_wait_since.erase(it);
                add_wait(since, e.time);
            }
            break;
        case EventKind::Publish:
            ++m_live;
            bin_at(e.time).live_versions = std::max(bin_at(e.time).live_versions, m_live);
            break;
        case EventKind::Reclaim:
            --m_live;
            break;
        default:
            break;
        }
    }
    return m_consumed == events.size();
}

} // namespace wn
