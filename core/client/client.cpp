#include "client/client.h"

#include <algorithm>

namespace wn {

const char* thread_step_name(ThreadStep step) {
    switch (step) {
    case ThreadStep::Thinking:
        return "idle";
    case ThreadStep::CopyingRef:
        return "copying the reference";
    case ThreadStep::ReadingPrimary:
        return "reading self.primary";
    case ThreadStep::LookingUp:
        return "looking up the member";
    case ThreadStep::Sending:
        return "sending";
    case ThreadStep::WaitingForRefresh:
        return "waiting for refresh";
    case ThreadStep::BlockedOnLock:
        return "blocked on lock";
    case ThreadStep::Refreshing:
        return "refreshing";
    case ThreadStep::Publishing:
        return "publishing";
    case ThreadStep::Sleeping:
        return "sleeping";
    case ThreadStep::Failed:
        return "failed";
    case ThreadStep::WaitingForSelection:
        return "waiting in server selection";
    }
    return "?";
}

Client::Client(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts, ReplicaSet& world,
               Trace& trace)
    : m_scenario(scenario), m_scheduler(scheduler), m_hosts(hosts), m_world(world), m_trace(trace),
      m_event(scheduler), m_refreshed(scheduler) {
    const auto actors = static_cast<std::size_t>(scenario.threads) + 1;
    m_threads.resize(actors);
    m_parked.resize(actors);
    m_rngs.reserve(actors);
    for (std::size_t i = 0; i < actors; ++i) {
        m_threads[i].id = static_cast<ActorId>(i);
        m_rngs.emplace_back(scenario.seed * 0x9e3779b97f4a7c15ULL + i);
    }
    m_threads[0].step = ThreadStep::Sleeping;
    if (scenario.seeds.empty()) {
        for (const MemberSpec& m : scenario.members)
            m_seeds.push_back(m_hosts.intern(m.host));
    } else {
        for (const std::string& s : scenario.seeds)
            m_seeds.push_back(m_hosts.intern(s));
    }
    m_tasks.reserve(actors);
}

void Client::start() {
    m_tasks.push_back(monitor_main());
    m_scheduler.resume_at(m_scheduler.now(), m_tasks.back().handle());
}

void Client::schedule_refresh(ActorId by) {
    trace_event(by, EventKind::ScheduleRefresh);
    m_refreshed.clear();
    m_event.set();
}

Task<void> Client::monitor_main() {
    on_start();
    // MongoReplicaSetClient.__init__ refreshes before the application can use the client.
    set_step(kActorMonitor, ThreadStep::Refreshing);
    const RefreshResult constructed = co_await monitor_refresh();
    if (constructed.error != ErrorKind::None) {
        // __init__'s refresh() raised (ConfigurationError, or AutoReconnect re-raised as
        // ConnectionFailure): there is no client, so no thread and no monitor ever runs.
        m_metrics.constructor_error = constructed.error;
        set_step(kActorMonitor, ThreadStep::Failed);
        co_return;
    }
    for (int i = 1; i <= m_scenario.threads; ++i) {
        m_tasks.push_back(thread_main(i));
        m_scheduler.resume_at(m_scheduler.now(), m_tasks.back().handle());
    }
    const SimTime interval = from_seconds(m_scenario.monitor_interval_s);
    for (;;) {
        set_step(kActorMonitor, ThreadStep::Sleeping);
        m_monitor_wake_at = m_scheduler.now() + interval;
        const bool woken = co_await m_event.wait(interval);
        trace_event(kActorMonitor, EventKind::MonitorWake, woken ? 1 : 0);
        m_event.clear();
        set_step(kActorMonitor, ThreadStep::Refreshing);
        const RefreshResult refreshed = co_await monitor_refresh();
        trace_event(kActorMonitor, EventKind::RefreshedSet, 0,
                    static_cast<std::int64_t>(m_refreshed.waiting()));
        m_refreshed.set();
        if (refreshed.error == ErrorKind::ConfigurationError) {
            // Monitor.monitor(): `except AutoReconnect: pass` / `except: break` (2.5 and
            // 2.5.1): any other error ends the monitor thread for good.
            m_metrics.monitor_stopped_at = m_scheduler.now();
            set_step(kActorMonitor, ThreadStep::Failed);
            co_return;
        }
    }
}

Task<void> Client::thread_main(ActorId id) {
    Rng& rng = m_rngs[static_cast<std::size_t>(id)];
    const double think_ms = m_scenario.workload.think_ms;
    for (;;) {
        co_await m_scheduler.sleep(from_ms(rng.exponential(think_ms)));
        const OpKind op =
            rng.chance(m_scenario.workload.read_fraction) ? OpKind::Read : OpKind::Write;
        ThreadState& self = thread(id);
        self.op = op;
        ++m_metrics.ops_started;
        trace_event(id, EventKind::OpBegin, static_cast<std::int32_t>(op));
        ErrorKind result = ErrorKind::None;
        if (op == OpKind::Write)
            result = co_await send_message(id);
        else
            result = co_await read_message(id);
        trace_event(id, EventKind::OpEnd, static_cast<std::int32_t>(result), static_cast<int>(op));
        if (result == ErrorKind::None) {
            ++m_metrics.ops_ok;
            ++self.ops_ok;
            set_step(id, ThreadStep::Thinking);
        } else {
            ++m_metrics.errors[static_cast<std::size_t>(result)];
            ++self.errors;
            self.last_error = result;
            self.last_error_at = m_scheduler.now();
            set_step(id, ThreadStep::Failed);
        }
    }
}

Client::Step Client::step(ActorId id, CodePoint point) {
    Rng& rng = m_rngs[static_cast<std::size_t>(id)];
    const Interleaving& il = m_scenario.effective_interleaving();
    double us = rng.exponential(il.step_us);
    if (rng.chance(il.preempt_probability))
        us += rng.exponential(il.preempt_mean_ms * 1000.0);
    thread(id).point = point;
    return Step{*this, id, std::max<SimTime>(1, static_cast<SimTime>(us))};
}

void Client::IsMasterCall::await_suspend(std::coroutine_handle<> h) {
    sent_at = client.m_scheduler.now();
    ++client.m_metrics.ismaster_calls;
    client.set_step(actor, ThreadStep::Refreshing, host);
    client.trace_event(actor, EventKind::IsMasterBegin, host);
    client.m_world.begin_request(host, true);
    const auto pooled = client.take_socket(host);
    epoch = pooled.value_or(client.m_world.conn_epoch(host));
    plan = client.m_world.plan_request(host, 0, from_seconds(client.m_scenario.connect_timeout_s),
                                       pooled.has_value(),
                                       from_seconds(client.m_scenario.tcp_give_up_s));
    client.m_scheduler.resume_at(plan.reply_at, h);
}

IsMasterResult Client::IsMasterCall::await_resume() {
    client.m_world.end_request(host);
    IsMasterResult result;
    result.ok =
        plan.reachable && client.m_world.answers(host) && client.m_world.conn_epoch(host) == epoch;
    if (result.ok)
        client.return_socket(host, epoch);
    IsMasterOutcome outcome = IsMasterOutcome::Failed;
    if (result.ok) {
        result.reply = client.m_world.ismaster_reply(host);
        result.ping_ms = static_cast<double>(client.m_scheduler.now() - sent_at) / kMicrosPerMs;
        if (result.reply.set_name != client.m_scenario.effective_client_set_name())
            outcome = IsMasterOutcome::WrongSet;
        else if (result.reply.ismaster)
            outcome = IsMasterOutcome::Primary;
        else if (result.reply.secondary)
            outcome = IsMasterOutcome::Secondary;
        else
            outcome = IsMasterOutcome::Other;
    }
    client.trace_event(actor, EventKind::IsMasterEnd, host, static_cast<std::int64_t>(outcome));
    return result;
}

void Client::SendCall::await_suspend(std::coroutine_handle<> h) {
    client.set_step(actor, ThreadStep::Sending, host);
    client.trace_event(actor, EventKind::SendBegin, host, static_cast<std::int64_t>(op));
    client.m_world.begin_request(host, false);
    const auto pooled = client.take_socket(host);
    epoch = pooled.value_or(client.m_world.conn_epoch(host));
    plan = client.m_world.plan_request(host, from_ms(client.m_scenario.workload.server_op_ms),
                                       from_seconds(client.m_scenario.connect_timeout_s),
                                       pooled.has_value(),
                                       from_seconds(client.m_scenario.tcp_give_up_s));
    client.m_scheduler.resume_at(plan.reply_at, h);
}

SendOutcome Client::SendCall::await_resume() {
    ReplicaSet& world = client.m_world;
    world.end_request(host);
    SendOutcome outcome = SendOutcome::Ok;
    if (!plan.reachable || !world.answers(host)) {
        outcome = SendOutcome::SocketError;
    } else if (world.conn_epoch(host) != epoch) {
        outcome = SendOutcome::SocketError; // the server closed every connection meanwhile
        ++client.m_metrics.connections_closed;
    } else if (!world.accepts(host, op, op == OpKind::Read && client.reads_prefer_secondaries())) {
        outcome = SendOutcome::NotMaster;
        ++client.m_metrics.not_master_replies;
    }
    if (outcome != SendOutcome::SocketError)
        client.return_socket(host, epoch);
    if (outcome == SendOutcome::Ok && op == OpKind::Write)
        world.note_write(host);
    client.trace_event(actor, EventKind::SendEnd, host, static_cast<std::int64_t>(outcome));
    return outcome;
}

std::vector<HostId> Responder::members() const {
    std::vector<HostId> hosts = reply.reply.hosts;
    hosts.insert(hosts.end(), reply.reply.passives.begin(), reply.reply.passives.end());
    return hosts;
}

Task<Responder> Client::find_responder(ActorId actor, std::vector<HostId> nodes) {
    Responder found;
    std::vector<std::string> errors;
    for (HostId node : nodes) {
        found.reply = co_await ismaster(actor, node);
        if (!found.reply.ok) {
            errors.push_back(socket_error(node));
            continue;
        }
        const std::string& set_name = found.reply.reply.set_name;
        if (!set_name.empty() && set_name != m_scenario.effective_client_set_name()) {
            // Raised inside the loop and not caught there: no other node is tried.
            found.failure = {ErrorKind::ConfigurationError,
                             m_hosts.name(node) + " is not a member of replica set " +
                                 m_scenario.effective_client_set_name()};
            co_return found;
        }
        if (found.members().empty())
            continue; // no config (a removed member): ask the next node
        found.host = node;
        co_return found;
    }
    if (errors.empty()) {
        found.failure = {ErrorKind::ConfigurationError, "No suitable hosts found"};
    } else {
        found.failure.error = ErrorKind::AutoReconnect;
        for (const std::string& e : errors)
            found.failure.message += (found.failure.message.empty() ? "" : ", ") + e;
    }
    co_return found;
}

HostId Client::choose_secondary(ActorId id, const std::vector<Member>& members,
                                const std::vector<HostId>& excluded) {
    // Two passes over the few members instead of a list of the near ones: a read must not
    // allocate.
    auto candidate = [&](const Member& m) {
        return m.up() && m.role() == Role::Secondary &&
               std::find(excluded.begin(), excluded.end(), m.host()) == excluded.end();
    };
    double fastest = -1;
    std::uint64_t near = 0;
    for (const Member& m : members)
        if (candidate(m) && (fastest < 0 || m.avg_ping_ms() < fastest))
            fastest = m.avg_ping_ms();
    if (fastest < 0)
        return kNoHost;
    for (const Member& m : members)
        near += candidate(m) && m.avg_ping_ms() <= fastest + 15.0 ? 1 : 0;
    std::uint64_t pick = m_rngs[static_cast<std::size_t>(id)].below(near);
    for (const Member& m : members)
        if (candidate(m) && m.avg_ping_ms() <= fastest + 15.0 && pick-- == 0)
            return m.host();
    return kNoHost;
}

void Client::set_step(ActorId id, ThreadStep step, HostId target) {
    ThreadState& t = thread(id);
    if (t.step != step || t.target != target)
        t.since = m_scheduler.now();
    t.step = step;
    t.target = target;
}

void Client::refresh_begun(ActorId id) {
    ++m_metrics.refresh_calls;
    if (id == kActorMonitor)
        ++m_metrics.refresh_calls_by_monitor;
    const int in_flight = ++m_metrics.refreshes_in_flight;
    m_metrics.max_concurrent_refreshes = std::max(m_metrics.max_concurrent_refreshes, in_flight);
    if (in_flight > 1 && m_metrics.first_concurrent_refresh < 0)
        m_metrics.first_concurrent_refresh = m_scheduler.now();
    set_step(id, ThreadStep::Refreshing);
    trace_event(id, EventKind::RefreshBegin, 0, in_flight);
}

void Client::refresh_ended(ActorId id, const RefreshResult& result, std::optional<HostId> writer) {
    --m_metrics.refreshes_in_flight;
    trace_event(id, EventKind::RefreshEnd, static_cast<std::int32_t>(result.error),
                writer.value_or(kNoHost));
}

SimTime Client::wait_begun(ActorId id, ThreadStep step) {
    set_step(id, step);
    m_metrics.max_waiting = std::max(m_metrics.max_waiting, ++m_metrics.waiting_now);
    return m_scheduler.now();
}

void Client::wait_ended(SimTime since) {
    --m_metrics.waiting_now;
    const SimTime waited = m_scheduler.now() - since;
    m_metrics.wait_total += waited;
    m_metrics.max_wait = std::max(m_metrics.max_wait, waited);
}

void Client::note_key_error() {
    if (m_metrics.first_key_error < 0)
        m_metrics.first_key_error = m_scheduler.now();
}

std::optional<std::uint64_t> Client::take_socket(HostId host) {
    const auto i = static_cast<std::size_t>(host);
    if (i >= m_idle_sockets.size() || m_idle_sockets[i].empty())
        return std::nullopt;
    const std::uint64_t epoch = m_idle_sockets[i].back();
    m_idle_sockets[i].pop_back();
    return epoch;
}

void Client::return_socket(HostId host, std::uint64_t epoch) {
    const auto i = static_cast<std::size_t>(host);
    if (i >= m_idle_sockets.size())
        m_idle_sockets.resize(i + 1);
    m_idle_sockets[i].push_back(epoch);
}

void Client::reset_pool(HostId host) {
    if (static_cast<std::size_t>(host) < m_idle_sockets.size())
        m_idle_sockets[static_cast<std::size_t>(host)].clear();
}

std::string Client::socket_error(HostId host) const {
    const Server* s = m_world.server(host);
    const char* why =
        s && (s->cut_off || s->powered_off) ? "timed out" : "[Errno 111] Connection refused";
    return m_hosts.name(host) + ": " + why;
}

} // namespace wn
