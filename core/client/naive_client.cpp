#include "client/strategies.h"

#include <algorithm>

namespace wn {

std::optional<HostId> NaiveClient::read_primary(ActorId id) {
    const auto host = m_shared.primary();
    trace_event(id, EventKind::ReadPrimary, host.value_or(kNoHost));
    return host;
}

Task<ErrorKind> NaiveClient::send_message(ActorId id) {
    co_return co_await primary_op(id, OpKind::Write);
}

Task<ErrorKind> NaiveClient::read_message(ActorId id) {
    if (!reads_prefer_secondaries())
        co_return co_await primary_op(id, OpKind::Read);
    set_step(id, ThreadStep::LookingUp);
    co_await step(id);
    const HostId host = choose_secondary(id, m_shared.members());
    if (host == kNoHost)
        co_return co_await primary_op(id, OpKind::Read);
    co_return co_await lookup_and_send(id, host, OpKind::Read, m_shared.generation());
}

Task<ErrorKind> NaiveClient::primary_op(ActorId id, OpKind op) {
    // if not self.primary: self.refresh()
    set_step(id, ThreadStep::ReadingPrimary);
    co_await step(id);
    if (!read_primary(id)) {
        // The thundering herd: every thread that finds no primary refreshes by itself.
        const RefreshResult refreshed = co_await refresh_in_place(id);
        if (refreshed.error != ErrorKind::None)
            co_return refreshed.error;
        if (!refreshed.message.empty())
            co_return ErrorKind::AutoReconnect; // this thread's refresh found no primary
    }
    // member = self.members[self.primary]: self.primary is read again, and another
    // thread's refresh may have changed it (or popped its member) since the check above.
    set_step(id, ThreadStep::ReadingPrimary);
    co_await step(id);
    const auto host = read_primary(id);
    const std::uint64_t generation = m_shared.generation();
    co_return co_await lookup_and_send(id, host.value_or(kNoHost), op, generation);
}

void NaiveClient::note_lookup(ActorId id, HostId host, bool found, std::uint64_t generation) {
    if (m_shared.generation() != generation) {
        ++m_metrics.inconsistent_reads;
        if (m_metrics.first_inconsistent_read < 0)
            m_metrics.first_inconsistent_read = m_scheduler.now();
    }
    trace_event(id, EventKind::LookupMember, host, found ? 1 : 0);
    if (!found)
        note_key_error();
}

Task<ErrorKind> NaiveClient::lookup_and_send(ActorId id, HostId host, OpKind op,
                                             std::uint64_t generation) {
    // The race: another thread's refresh may pop `host` between reading it and this lookup.
    set_step(id, ThreadStep::LookingUp, host);
    co_await step(id);
    const bool found = m_shared.get(host) != nullptr;
    note_lookup(id, host, found, generation);
    if (!found)
        co_return ErrorKind::KeyError;
    const bool sent = co_await send(id, host, op);
    if (sent)
        co_return ErrorKind::None;
    if (op == OpKind::Write) {
        co_await step(id);
        m_shared.set_primary(id, std::nullopt); // self.primary = None; raise AutoReconnect
    }
    co_return ErrorKind::AutoReconnect;
}

Task<RefreshResult> NaiveClient::monitor_refresh() {
    co_return co_await refresh_in_place(kActorMonitor);
}

Task<RefreshResult> NaiveClient::refresh_in_place(ActorId id) {
    refresh_begun(id);
    co_await step(id);
    std::vector<HostId> nodes;
    for (const Member& m : m_shared.members())
        nodes.push_back(m.host());
    if (nodes.empty())
        nodes = m_seeds;

    const Responder found = co_await find_responder(id, nodes);
    if (found.host == kNoHost) {
        refresh_ended(id, found.failure, std::nullopt);
        co_return found.failure;
    }
    const HostId responder = found.host;
    const IsMasterResult& first = found.reply;
    const std::vector<HostId> hosts = found.members();
    std::optional<HostId> writer;
    if (first.reply.ismaster)
        writer = responder;
    co_await step(id);
    ++m_metrics.pools_created;
    m_shared.put(id, Member(responder, m_next_pool++, first.reply, first.ping_ms));
    for (HostId host : hosts) {
        if (host == responder)
            continue;
        const IsMasterResult r = co_await ismaster(id, host);
        set_step(id, ThreadStep::Refreshing);
        co_await step(id);
        if (r.ok && r.reply.set_name == m_scenario.effective_client_set_name()) {
            ++m_metrics.pools_created;
            m_shared.put(id, Member(host, m_next_pool++, r.reply, r.ping_ms));
            if (r.reply.ismaster)
                writer = host;
        } else {
            m_shared.pop(id, host); // hosts that do not answer are left out
        }
    }
    co_await step(id);
    std::vector<HostId> stale;
    for (const Member& m : m_shared.members())
        if (std::find(hosts.begin(), hosts.end(), m.host()) == hosts.end())
            stale.push_back(m.host());
    for (HostId host : stale)
        m_shared.pop(id, host);
    co_await step(id);
    m_shared.set_primary(id, writer);
    RefreshResult done;
    if (!writer)
        done.message = "No primary available";
    refresh_ended(id, done, writer);
    co_return done;
}

} // namespace wn
