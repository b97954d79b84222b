#include "client/strategies.h"

#include <algorithm>

namespace wn {

void WaspClient::on_start() {
    // MongoReplicaSetClient.__init__ starts from an empty state, then refreshes.
    m_heap.publish(kActorMonitor,
                   RSState(m_heap.next_version(), {}, {}, {}, std::nullopt, "not connected yet"));
}

int WaspClient::take_ref(ActorId id) {
    const int version = m_heap.acquire_current(id);
    thread(id).held_version = version;
    return version;
}

void WaspClient::drop_ref(ActorId id, int version) {
    m_heap.release(id, version);
    thread(id).held_version = 0;
}

// These two hand back the coroutine that does the work instead of awaiting it in one of
// their own: a frame, a resume and a return fewer per operation, and the same steps.
Task<ErrorKind> WaspClient::send_message(ActorId id) {
    return primary_op(id, OpKind::Write);
}

Task<ErrorKind> WaspClient::read_message(ActorId id) {
    if (!reads_prefer_secondaries())
        return primary_op(id, OpKind::Read);
    return secondary_read(id);
}

Task<ErrorKind> WaspClient::secondary_read(ActorId id) {
    set_step(id, ThreadStep::CopyingRef);
    co_await step(id, CodePoint::WaspCopyRef);
    const int version = take_ref(id); // rs_state = self.__rs_state
    // 2.5.1 _send_message_with_response: "Primary was down last we checked. Start a refresh
    // if one is not already in progress": a non-primary read does not wait for it.
    if (!m_heap.state(version).primary_member())
        schedule_refresh(id);
    // `members = list(rs_state.members)`; `while len(errors) < MAX_RETRY`: select_member,
    // __try_read, and on AutoReconnect `members.remove(member)`. The local rs_state is held
    // until the read returns.
    constexpr int kMaxRetry = 3;
    // The members removed from the local copy, instead of the copy itself (a Member holds
    // its whole ismaster reply): the held version cannot change meanwhile.
    const std::vector<Member>& members = m_heap.state(version).members();
    std::vector<HostId> removed;
    for (int errors = 0; errors < kMaxRetry; ++errors) {
        HostId host = choose_secondary(id, members, removed);
        if (host == kNoHost) { // secondaryPreferred falls back to select_primary
            for (const Member& m : members)
                if (m.up() && m.role() == Role::Primary &&
                    std::find(removed.begin(), removed.end(), m.host()) == removed.end())
                    host = m.host();
        }
        if (host == kNoHost)
            break; // "Ran out of members to try"
        const SendOutcome sent = co_await try_send(id, version, host, OpKind::Read);
        if (sent == SendOutcome::Ok) {
            drop_ref(id, version);
            co_return ErrorKind::None;
        }
        // "not master" comes back inside a reply: the cursor runs disconnect() and raises,
        // without trying another member.
        if (sent == SendOutcome::NotMaster)
            break;
        removed.push_back(host);
    }
    drop_ref(id, version);
    co_return ErrorKind::AutoReconnect;
}

Task<ErrorKind> WaspClient::primary_op(ActorId id, OpKind op) {
    set_step(id, ThreadStep::CopyingRef);
    co_await step(id, CodePoint::WaspCopyRef);
    int version = take_ref(id);
    if (!m_heap.state(version).primary_member()) {
        schedule_refresh(id);
        if (m_scenario.fail_fast) {
            drop_ref(id, version);
            co_return ErrorKind::AutoReconnect;
        }
        const SimTime timeout = from_seconds(m_scenario.wait_for_refresh_s);
        trace_event(id, EventKind::WaitRefreshBegin, 0, timeout);
        const SimTime since = wait_begun(id, ThreadStep::WaitingForRefresh);
        const bool refreshed = co_await m_refreshed.wait(timeout);
        wait_ended(since);
        trace_event(id, EventKind::WaitRefreshEnd, refreshed ? 1 : 0);
        // Copy the reference again so the primary and the error message come from one state.
        set_step(id, ThreadStep::CopyingRef);
        co_await step(id, CodePoint::WaspCopyRefAgain);
        drop_ref(id, version);
        version = take_ref(id);
        if (!m_heap.state(version).primary_member()) {
            drop_ref(id, version);
            co_return ErrorKind::AutoReconnect;
        }
    }
    const SendOutcome sent = co_await try_send(id, version, *m_heap.state(version).writer(), op);
    if (op != OpKind::Write)
        drop_ref(id, version);
    co_return sent == SendOutcome::Ok ? ErrorKind::None : ErrorKind::AutoReconnect;
}

Task<SendOutcome> WaspClient::try_send(ActorId id, int version, HostId host, OpKind op) {
    set_step(id, ThreadStep::LookingUp, host);
    co_await step(id, CodePoint::WaspLookup);
    // rs_state.members[host]: the local reference cannot change, so this cannot fail.
    trace_event(id, EventKind::LookupMember, host, m_heap.state(version).get(host) ? 1 : 0);
    // 2.5.1 _send_message: `member = self.__find_primary()`; the RSState reference dies
    // with __find_primary's frame, so a write holds only the member during its I/O.
    if (op == OpKind::Write)
        drop_ref(id, version);
    const SendOutcome sent = co_await send(id, host, op);
    if (sent != SendOutcome::Ok) {
        // 2.5.1: a failed write (_send_message) and a "not master" reply run disconnect();
        // a failed read (__try_read) marks only that member down. Both wake the monitor.
        co_await publish_host_down(id, host, op == OpKind::Write || sent == SendOutcome::NotMaster);
        schedule_refresh(id);
    }
    co_return sent;
}

Task<void> WaspClient::publish_host_down(ActorId id, HostId host, bool without_writer) {
    set_step(id, ThreadStep::Publishing, host);
    co_await step(id, CodePoint::WaspPublishRead);
    // Read-modify-write of the attribute, as in 2.5.1: a publish by someone else between
    // the read and the swap is overwritten, and the next refresh repairs it.
    const int base = m_heap.acquire_current(id);
    co_await step(id, CodePoint::WaspPublishSwap);
    const RSState& current = m_heap.state(base);
    if (without_writer)
        reset_pool(host); // disconnect(): rs_state.primary_member.pool.reset()
    RSState next =
        without_writer
            ? current.clone_without_writer(m_heap.next_version(), "No primary available")
            : current.clone_with_host_down(m_heap.next_version(), host, socket_error(host));
    m_heap.publish(id, std::move(next));
    m_heap.release(id, base);
}

Task<RefreshResult> WaspClient::monitor_refresh() {
    const ActorId id = kActorMonitor;
    refresh_begun(id);
    co_await step(id, CodePoint::WaspRefreshBegin);
    const int old_version = take_ref(id); // rs_state = self.__rs_state
    const std::shared_ptr<const RSState> old = m_heap.record(old_version).state;

    // Known hosts, those we think are up first; the seeds when we know none.
    std::vector<HostId> nodes = old->hosts();
    std::stable_sort(nodes.begin(), nodes.end(), [&](HostId a, HostId b) {
        const Member* ma = old->get(a);
        const Member* mb = old->get(b);
        return (ma && ma->up()) > (mb && mb->up());
    });
    if (nodes.empty())
        nodes = m_seeds;

    const Responder found = co_await find_responder(id, nodes);
    if (found.host == kNoHost) {
        drop_ref(id, old_version);
        refresh_ended(id, found.failure, std::nullopt);
        co_return found.failure;
    }
    const HostId responder = found.host;
    const IsMasterResult& first = found.reply;

    auto member_from = [&](HostId host, const IsMasterResult& r) {
        if (const Member* known = old->get(host))
            return known->clone_with(r.reply, r.ping_ms);
        ++m_metrics.pools_created;
        return Member(host, m_next_pool++, r.reply, r.ping_ms);
    };
    const std::vector<HostId> hosts = found.members();
    const std::vector<HostId> arbiters = first.reply.arbiters;
    std::vector<Member> members;
    std::optional<HostId> writer;
    if (std::find(hosts.begin(), hosts.end(), responder) != hosts.end()) {
        members.push_back(member_from(responder, first));
        if (first.reply.ismaster)
            writer = responder;
    }
    for (HostId host : hosts) {
        if (host == responder)
            continue;
        const IsMasterResult r = co_await ismaster(id, host);
        if (!r.ok || r.reply.set_name != m_scenario.effective_client_set_name()) {
            // 2.5.1 __is_master opened a pool for an unknown host before it failed to answer.
            if (!old->get(host))
                ++m_metrics.pools_created;
            continue; // hosts that do not answer are left out of the new state
        }
        members.push_back(member_from(host, r));
        if (r.reply.ismaster)
            writer = host;
    }

    set_step(id, ThreadStep::Publishing);
    co_await step(id, CodePoint::WaspRefreshPublish);
    const std::string error =
        writer ? "" : "No primary available for replica set " + m_scenario.set_name;
    m_heap.publish(
        id, RSState(m_heap.next_version(), hosts, std::move(members), arbiters, writer, error));
    drop_ref(id, old_version);
    RefreshResult done;
    done.message = error;
    refresh_ended(id, done, writer);
    co_return done;
}

} // namespace wn
