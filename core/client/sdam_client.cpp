#include "client/sdam_client.h"

#include "sdam/reducer.h"

#include <algorithm>

namespace wn {

SdamClient::SdamClient(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts,
                       ReplicaSet& world, Trace& trace)
    : Client(scenario, scheduler, hosts, world, trace), m_heap(scheduler, trace, m_metrics),
      m_topology_changed(scheduler) {
}

Task<ErrorKind> SdamClient::send_message(ActorId id) {
    co_return co_await run_operation(id, OpKind::Write);
}

Task<ErrorKind> SdamClient::read_message(ActorId id) {
    co_return co_await run_operation(id, OpKind::Read);
}

// Retryable reads and writes (on by default since PyMongo 4): one retry on a fresh
// selection after a network or state-change error.
Task<ErrorKind> SdamClient::run_operation(ActorId id, OpKind op) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Selected sel = co_await select_server(id, op);
        if (sel.version == 0)
            co_return ErrorKind::ServerSelectionTimeout;
        set_step(id, ThreadStep::LookingUp, sel.host);
        co_await step(id, CodePoint::SdamSend);
        // The description held cannot change, so the selected server is in it.
        trace_event(id, EventKind::LookupMember, sel.host, 1);
        const SendOutcome outcome = co_await send(id, sel.host, op);
        m_heap.release(id, sel.version);
        thread(id).held_version = 0;
        if (outcome == SendOutcome::Ok)
            co_return ErrorKind::None;
        if (outcome == SendOutcome::SocketError) {
            // "Network error when reading or writing": Unknown, but no immediate check; a
            // selection that then finds no suitable server asks for checks itself.
            mark_unknown(id, sel.host, socket_error(sel.host), false);
        } else {
            // A state-change error: a write refused by a non-primary is "not writable
            // primary"; a read refused by a member in no readable state, "node is recovering".
            const char* why =
                op == OpKind::Write ? ": not writable primary" : ": node is recovering";
            mark_unknown(id, sel.host, m_hosts.name(sel.host) + why, true);
        }
    }
    co_return ErrorKind::AutoReconnect;
}

Task<SdamClient::Selected> SdamClient::select_server(ActorId id, OpKind op) {
    const SimTime deadline = m_scheduler.now() + from_seconds(kServerSelectionTimeoutS);
    for (;;) {
        set_step(id, ThreadStep::CopyingRef);
        co_await step(id, CodePoint::SdamSelect);
        const int version = m_heap.acquire_current(id); // td = topology.description
        thread(id).held_version = version;
        const HostId host = choose(id, *m_heap.record(version).topology, op);
        if (host != kNoHost)
            co_return Selected{version, host};
        m_heap.release(id, version);
        thread(id).held_version = 0;
        request_all_checks(id);
        const SimTime left = deadline - m_scheduler.now();
        if (left <= 0)
            co_return Selected{};
        ++m_metrics.selection_waits;
        trace_event(id, EventKind::SelectWaitBegin, 0, left);
        const SimTime since = wait_begun(id, ThreadStep::WaitingForSelection);
        const bool changed = co_await m_topology_changed.wait(left);
        wait_ended(since);
        trace_event(id, EventKind::SelectWaitEnd, changed ? 1 : 0);
    }
}

HostId SdamClient::choose(ActorId id, const sdam::TopologyDescription& td, OpKind op) {
    using sdam::ServerType;
    auto of_type = [&](ServerType type) {
        std::vector<const sdam::ServerDescription*> found;
        for (const auto& [address, sd] : td.servers)
            if (sd.type == type)
                found.push_back(&sd);
        return found;
    };
    std::vector<const sdam::ServerDescription*> suitable;
    if (op == OpKind::Read && reads_prefer_secondaries())
        suitable = of_type(ServerType::RSSecondary);
    if (suitable.empty())
        suitable = of_type(ServerType::RSPrimary);
    if (suitable.empty())
        return kNoHost;
    // The latency window: within localThresholdMS of the fastest suitable server.
    double fastest = -1;
    for (const auto* sd : suitable) {
        const double rtt = sd->round_trip_time_ms.value_or(0);
        if (fastest < 0 || rtt < fastest)
            fastest = rtt;
    }
    std::vector<const sdam::ServerDescription*> near;
    for (const auto* sd : suitable)
        if (sd->round_trip_time_ms.value_or(0) <= fastest + kLocalThresholdMs)
            near.push_back(sd);
    const auto pick = m_rngs[static_cast<std::size_t>(id)].below(near.size());
    return host_of(near[pick]->address);
}

void SdamClient::mark_unknown(ActorId id, HostId host, const std::string& error,
                              bool request_check_now) {
    const std::string address = m_hosts.name(host);
    // Under the topology lock in a driver: read, apply and swap with no other thread between.
    publish_applied(id, sdam::ServerDescription::unknown(address, error));
    if (ServerMonitor* m = monitor_for(address); m && request_check_now)
        request_check(id, *m);
}

} // namespace wn
