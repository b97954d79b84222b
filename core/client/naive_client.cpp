#include "client/strategies.h"

#include <algorithm>

namespace wn {

std::optional<HostId> NaiveClient::read_primary(ActorId id) {
    const auto host = m_shared.primary();
    trace_event(id, EventKind::ReadPrimary, host.value_or(kNoHost));
    return host;
}

Task<ErrorKind> NaiveClient::send_message(ActorId id) {
    const PrimaryLookup primary = co_await find_primary(id);
    if (primary.error != ErrorKind::None)
        co_return primary.error;
    co_return co_await send_to(id, primary.host, OpKind::Write);
}

Task<ErrorKind> NaiveClient::read_message(ActorId id) {
    // 2.5 _send_message_with_response starts with self.__find_primary() ("If we've
    // disconnected since last read, trigger refresh"). It catches only ConnectionFailure,
    // so a KeyError inside reaches the application; a failed refresh does not.
    const PrimaryLookup primary = co_await find_primary(id);
    if (primary.error == ErrorKind::KeyError || primary.error == ErrorKind::ConfigurationError)
        co_return primary.error;
    // members = self.__members.copy().values(); select_member(...): a copy, so no KeyError.
    set_step(id, ThreadStep::LookingUp);
    co_await step(id, CodePoint::NaiveReadMembers);
    std::vector<Member> members = m_shared.members();
    // while len(errors) < MAX_RETRY: select_member, __try_read; a failed member is marked
    // down (`member.up = False`, on the shared Member) so select_member skips it.
    constexpr int kMaxRetry = 3;
    for (int errors = 0; errors < kMaxRetry; ++errors) {
        HostId host = reads_prefer_secondaries() ? choose_secondary(id, members) : kNoHost;
        if (host == kNoHost) {
            for (const Member& m : members)
                if (m.is_primary())
                    host = m.host();
        }
        if (host == kNoHost)
            break; // No replica set members available for query
        const SendOutcome sent = co_await send(id, host, OpKind::Read);
        if (sent == SendOutcome::Ok)
            co_return ErrorKind::None;
        if (sent == SendOutcome::NotMaster) {
            // The cursor on a "not master" query: self.disconnect(), raise AutoReconnect.
            co_await step(id, CodePoint::NaiveDisconnect);
            reset_pool(host);
            disconnect(id);
            co_return ErrorKind::AutoReconnect;
        }
        // 2.5 __try_read: member.up = False; self.__schedule_refresh()
        for (Member& m : members)
            if (m.host() == host)
                m = m.clone_down();
        if (const Member* shared = m_shared.get(host))
            m_shared.put(id, shared->clone_down());
        schedule_refresh(id);
    }
    co_return ErrorKind::AutoReconnect;
}

Task<NaiveClient::PrimaryLookup> NaiveClient::find_primary(ActorId id) {
    // if self.__writer: ...
    set_step(id, ThreadStep::ReadingPrimary);
    co_await step(id, CodePoint::NaiveCheckWriter);
    PrimaryLookup result;
    if (!read_primary(id)) {
        // The thundering herd: every thread that finds no primary refreshes by itself.
        const RefreshResult refreshed = co_await refresh_in_place(id);
        result.error = refreshed.error;
        if (result.error != ErrorKind::None)
            co_return result;
        // for candidate in self.__hosts: self.__writer = self.__check_is_primary(candidate)
        std::optional<HostId> writer;
        for (HostId candidate : std::vector<HostId>(m_hosts)) {
            writer = co_await check_is_primary(id, candidate);
            if (writer)
                break;
        }
        if (!writer) {
            result.error = ErrorKind::AutoReconnect; // "Couldn't find the primary."
            co_return result;
        }
        m_shared.set_primary(id, writer);
    }
    const SimTime checked_at = m_scheduler.now();
    // primary = self.__members[self.__writer]: self.__writer is read again, and another
    // thread may have changed it (or popped its member) since the check above.
    set_step(id, ThreadStep::ReadingPrimary);
    co_await step(id, CodePoint::NaiveReadWriter);
    const auto host = read_primary(id);
    const SimTime read_at = m_scheduler.now();
    const std::uint64_t generation = m_shared.generation();
    set_step(id, ThreadStep::LookingUp, host.value_or(kNoHost));
    co_await step(id, CodePoint::NaiveLookup);
    const bool found = host && m_shared.get(*host) != nullptr;
    note_lookup(id, host.value_or(kNoHost), found, generation);
    if (!found) {
        trace_key_error_cause(id, host.value_or(kNoHost), checked_at, read_at);
        result.error = ErrorKind::KeyError;
        co_return result;
    }
    result.host = *host;
    co_return result;
}

Task<std::optional<HostId>> NaiveClient::check_is_primary(ActorId id, HostId host) {
    // Each non-primary reply may name the primary, which is then checked in turn; the hop
    // limit only guards against two members naming each other.
    for (std::size_t hops = 0; hops <= m_hosts.size(); ++hops) {
        const bool known = m_shared.get(host) != nullptr;
        if (!known)
            ++m_metrics.pools_created; // __is_master(host): a new pool
        const IsMasterResult r = co_await ismaster(id, host);
        set_step(id, ThreadStep::Refreshing);
        co_await step(id, CodePoint::NaiveCheckPrimary);
        if (!r.ok)
            co_return std::nullopt; // ConnectionFailure: the caller tries the next host
        if (!known)
            m_shared.put(id, Member(host, m_next_pool++, r.reply, r.ping_ms));
        if (r.reply.ismaster)
            co_return host;
        if (!r.reply.primary || *r.reply.primary == host)
            co_return std::nullopt; // AutoReconnect('not primary')
        host = *r.reply.primary;
    }
    co_return std::nullopt;
}

void NaiveClient::trace_key_error_cause(ActorId id, HostId host, SimTime checked_at,
                                        SimTime read_at) {
    KeyErrorCause cause = KeyErrorCause::Unknown;
    ActorId by = kActorWorld;
    if (host == kNoHost) {
        const SharedMembers::Change& c = m_shared.last_primary_change();
        if (c.at >= checked_at) {
            cause = c.by_disconnect ? KeyErrorCause::PrimaryClearedByDisconnect
                                    : KeyErrorCause::PrimaryClearedByRefresh;
            by = c.actor;
        }
    } else {
        const SharedMembers::Change c = m_shared.last_pop(host);
        if (c.at >= 0) {
            cause = c.at >= read_at ? KeyErrorCause::MemberPoppedBetween
                                    : KeyErrorCause::MemberPoppedBefore;
            by = c.actor;
        }
    }
    ++m_metrics.key_errors_by_cause[static_cast<std::size_t>(cause)];
    if (by == kActorMonitor)
        ++m_metrics.key_errors_by_monitor;
    trace_event(id, EventKind::KeyErrorCause, static_cast<std::int32_t>(cause), by);
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

Task<ErrorKind> NaiveClient::send_to(ActorId id, HostId host, OpKind op) {
    const SendOutcome sent = co_await send(id, host, op);
    if (sent == SendOutcome::Ok)
        co_return ErrorKind::None;
    if (op == OpKind::Write || sent == SendOutcome::NotMaster) {
        // 2.5 _send_message and __check_response_to_last_error ("not master"), and the
        // cursor on a "not master" query: self.disconnect(), then raise AutoReconnect.
        co_await step(id, CodePoint::NaiveDisconnect);
        reset_pool(host);
        disconnect(id);
    } else {
        schedule_refresh(id); // 2.5 __try_read: mark the member down, wake the monitor
    }
    co_return ErrorKind::AutoReconnect;
}

void NaiveClient::disconnect(ActorId id) {
    // 2.5 disconnect(): self.__writer = None; self.__schedule_refresh()
    m_shared.set_primary(id, std::nullopt, true);
    schedule_refresh(id);
}

Task<RefreshResult> NaiveClient::monitor_refresh() {
    co_return co_await refresh_in_place(kActorMonitor);
}

Task<RefreshResult> NaiveClient::refresh_in_place(ActorId id) {
    refresh_begun(id);
    co_await step(id, CodePoint::NaiveRefreshBegin);
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
    m_hosts = hosts;
    std::optional<HostId> writer;
    if (first.reply.ismaster)
        writer = responder;
    // 2.5 __update_pools: a known member keeps its pool and gains a ping sample
    // (member.update(res, ping_time)); __is_master opens a new pool for an unknown host,
    // whether or not the host then answers.
    auto updated = [&](HostId host, const IsMasterResult& r) {
        if (const Member* known = m_shared.get(host))
            return known->clone_with(r.reply, r.ping_ms);
        return Member(host, m_next_pool++, r.reply, r.ping_ms);
    };
    co_await step(id, CodePoint::NaiveUpdatePools);
    if (!m_shared.get(responder))
        ++m_metrics.pools_created;
    m_shared.put(id, updated(responder, first));
    for (HostId host : hosts) {
        if (host == responder)
            continue;
        if (!m_shared.get(host))
            ++m_metrics.pools_created;
        const IsMasterResult r = co_await ismaster(id, host);
        set_step(id, ThreadStep::Refreshing);
        co_await step(id, CodePoint::NaiveUpdateHost);
        if (r.ok && r.reply.set_name == m_scenario.effective_client_set_name()) {
            m_shared.put(id, updated(host, r));
            if (r.reply.ismaster)
                writer = host;
        } else {
            m_shared.pop(id, host); // hosts that do not answer are left out
        }
    }
    co_await step(id, CodePoint::NaiveDropStale);
    std::vector<HostId> stale;
    for (const Member& m : m_shared.members())
        if (std::find(hosts.begin(), hosts.end(), m.host()) == hosts.end())
            stale.push_back(m.host());
    for (HostId host : stale)
        m_shared.pop(id, host);
    co_await step(id, CodePoint::NaiveSetWriter);
    m_shared.set_primary(id, writer);
    RefreshResult done;
    if (!writer)
        done.message = "No primary available";
    refresh_ended(id, done, writer);
    co_return done;
}

} // namespace wn
