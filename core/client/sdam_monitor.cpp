// The sdam client's monitoring: one monitor per server (server-monitoring.md, the polling
// protocol, since the simulated servers send no topologyVersion), each check's reply put
// through core/sdam's reducer, and the result published by one swap of the reference.
#include "client/sdam_client.h"

#include "sdam/hello.h"
#include "sdam/reducer.h"

#include <algorithm>

namespace wn {

void SdamClient::on_start() {
    // "Initial TopologyDescription": the seeds as Unknown servers, with the set name given.
    std::vector<std::string> seeds;
    for (HostId h : m_seeds)
        seeds.push_back(m_hosts.name(h));
    publish(kActorMonitor, sdam::initial_topology(seeds, m_scenario.effective_client_set_name()));
}

Task<RefreshResult> SdamClient::monitor_refresh() {
    // Actor 0 is the topology here, not a monitor: MongoClient() starts the server monitors
    // and returns at once; later a click on it asks every monitor for a check.
    if (!m_started) {
        m_started = true;
        ensure_monitors();
    } else if (m_scheduler.now() < monitor_wake_at()) {
        request_all_checks(kActorMonitor);
    }
    set_step(kActorMonitor, ThreadStep::Sleeping);
    co_return RefreshResult{};
}

void SdamClient::ensure_monitors() {
    const sdam::TopologyDescription& td = topology();
    for (const auto& [address, sd] : td.servers) {
        if (monitor_for(address))
            continue;
        ServerMonitor& m = m_monitors.emplace_back(m_scheduler);
        m.host = host_of(address);
        m.address = address;
        m_monitor_tasks.push_back(monitor_loop(m_monitors.size() - 1));
        m_scheduler.resume_at(m_scheduler.now(), m_monitor_tasks.back().handle());
    }
}

SdamClient::ServerMonitor* SdamClient::monitor_for(const std::string& address) {
    for (ServerMonitor& m : m_monitors)
        if (m.address == address)
            return &m;
    return nullptr;
}

HostId SdamClient::host_of(const std::string& address) {
    if (const auto id = m_hosts.find(address))
        return *id;
    return m_hosts.intern(address);
}

void SdamClient::request_check(ActorId by, ServerMonitor& m) {
    ++m_metrics.checks_requested;
    trace_event(by, EventKind::CheckRequest, m.host);
    m.check_requested = true;
    m.wake.set();
}

void SdamClient::request_all_checks(ActorId by) {
    for (ServerMonitor& m : m_monitors)
        if (!m.check_requested)
            request_check(by, m);
}

Task<void> SdamClient::monitor_loop(std::size_t index) {
    ServerMonitor& m = m_monitors[index]; // a deque: the element never moves
    const SimTime heartbeat = from_seconds(kHeartbeatFrequencyS);
    const SimTime min_heartbeat = from_seconds(kMinHeartbeatFrequencyS);
    for (;;) {
        // A server the topology no longer lists is not checked: its monitor is stopped.
        if (topology().find(m.address)) {
            m.check_requested = false;
            m.wake.clear();
            m.step = ThreadStep::Refreshing;
            ++m.checks_in_flight;
            ++m.checks;
            ++m_metrics.checks;
            m_metrics.max_checks_in_flight_per_server =
                std::max(m_metrics.max_checks_in_flight_per_server, m.checks_in_flight);
            const auto [reply, rtt] = co_await HelloCall{*this, m.host};
            --m.checks_in_flight;
            sdam::ServerDescription sd;
            if (reply.empty()) {
                m.rtt_ms.reset(); // a network error clears the average
                sd = sdam::ServerDescription::unknown(m.address, socket_error(m.host));
                // A server that was known gets one immediate retry before it is Unknown:
                // one lost packet should not empty the topology.
                const sdam::ServerDescription* known = topology().find(m.address);
                if (!m.retrying && known && known->type != sdam::ServerType::Unknown) {
                    m.retrying = true;
                    continue;
                }
            } else {
                sd = sdam::parse_hello(m.address, reply);
                m.rtt_ms = m.rtt_ms ? kRttAlpha * rtt + (1 - kRttAlpha) * *m.rtt_ms : rtt;
                sd.round_trip_time_ms = m.rtt_ms;
            }
            m.retrying = false;
            publish_applied(kActorMonitor, sd);
            ensure_monitors(); // the reply may name new members
        }
        // Sleep heartbeatFrequencyMS, or minHeartbeatFrequencyMS when a check is requested.
        m.step = ThreadStep::Sleeping;
        m.next_check_at = m_scheduler.now() + heartbeat;
        co_await m_scheduler.sleep(min_heartbeat);
        if (!m.check_requested)
            co_await m.wake.wait(heartbeat - min_heartbeat);
    }
}

void SdamClient::publish_applied(ActorId by, const sdam::ServerDescription& sd) {
    const sdam::TopologyDescription& current = topology();
    sdam::TopologyDescription next = sdam::apply(current, sd);
    const sdam::ServerDescription* applied = next.find(sd.address);
    trace_event(by, EventKind::TopologyApplied, host_of(sd.address),
                applied ? static_cast<std::int64_t>(applied->type) : -1);
    publish(by, std::move(next));
}

void SdamClient::publish(ActorId by, sdam::TopologyDescription td) {
    const int version = m_heap.next_version();
    RSState view = view_of(version, td);
    m_heap.publish(by, std::move(view),
                   std::make_shared<const sdam::TopologyDescription>(std::move(td)));
    // notify_all on the topology's condition: threads waiting in selection look again.
    m_topology_changed.set();
    m_topology_changed.clear();
}

RSState SdamClient::view_of(int version, const sdam::TopologyDescription& td) {
    using sdam::ServerType;
    std::vector<HostId> hosts;
    std::vector<Member> members;
    std::vector<HostId> arbiters;
    std::optional<HostId> writer;
    for (const auto& [address, sd] : td.servers) {
        const HostId host = host_of(address);
        hosts.push_back(host);
        if (sd.type == ServerType::RSArbiter)
            arbiters.push_back(host);
        if (sd.type != ServerType::RSPrimary && sd.type != ServerType::RSSecondary)
            continue;
        IsMasterReply reply;
        reply.ismaster = sd.type == ServerType::RSPrimary;
        reply.secondary = sd.type == ServerType::RSSecondary;
        reply.set_name = sd.set_name.value_or("");
        reply.me = host;
        reply.config_version = static_cast<int>(sd.set_version.value_or(0));
        auto [pool, created] = m_pools.try_emplace(address, m_next_pool);
        if (created) {
            ++m_next_pool;
            ++m_metrics.pools_created;
        }
        members.emplace_back(host, pool->second, reply, sd.round_trip_time_ms.value_or(0));
        if (reply.ismaster)
            writer = host;
    }
    std::sort(members.begin(), members.end(),
              [](const Member& a, const Member& b) { return a.host() < b.host(); });
    std::string error;
    if (!writer)
        error = "No primary available for replica set " + m_scenario.effective_client_set_name();
    return RSState(version, std::move(hosts), std::move(members), std::move(arbiters), writer,
                   std::move(error));
}

void SdamClient::HelloCall::await_suspend(std::coroutine_handle<> h) {
    sent_at = client.m_scheduler.now();
    ++client.m_metrics.ismaster_calls;
    client.trace_event(kActorMonitor, EventKind::IsMasterBegin, host);
    client.m_world.begin_request(host, true);
    plan = client.m_world.plan_request(host, 0, from_seconds(client.m_scenario.connect_timeout_s));
    client.m_scheduler.resume_at(plan.reply_at, h);
}

std::pair<nlohmann::json, double> SdamClient::HelloCall::await_resume() {
    client.m_world.end_request(host);
    IsMasterOutcome outcome = IsMasterOutcome::Failed;
    nlohmann::json reply = nlohmann::json::object();
    double rtt = 0;
    if (plan.reachable && client.m_world.answers(host)) {
        reply = client.m_world.hello_reply(host, client.m_scenario.max_wire_version);
        rtt = static_cast<double>(client.m_scheduler.now() - sent_at) / kMicrosPerMs;
        const bool primary = reply.value("isWritablePrimary", reply.value("ismaster", false));
        if (reply.value("setName", std::string()) != client.m_scenario.effective_client_set_name())
            outcome = IsMasterOutcome::WrongSet;
        else if (primary)
            outcome = IsMasterOutcome::Primary;
        else if (reply.value("secondary", false))
            outcome = IsMasterOutcome::Secondary;
        else
            outcome = IsMasterOutcome::Other;
    }
    client.trace_event(kActorMonitor, EventKind::IsMasterEnd, host,
                       static_cast<std::int64_t>(outcome));
    return {reply, rtt};
}

} // namespace wn
