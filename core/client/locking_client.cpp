#include "client/strategies.h"

namespace wn {

Task<void> LockingClient::lock(ActorId id, bool shared) {
    shared = shared && m_reader_writer;
    const bool free = !m_reader_writer ? !m_mutex.locked()
                      : shared         ? !m_rwlock.writer() && m_rwlock.queued() == 0
                                       : !m_rwlock.writer() && m_rwlock.readers() == 0;
    // Only a thread that really blocks is counted as waiting (and drawn as blocked).
    SimTime since = m_scheduler.now();
    if (!free) {
        trace_event(id, EventKind::LockWait, shared ? 1 : 0);
        since = wait_begun(id, ThreadStep::BlockedOnLock);
    }
    if (!m_reader_writer)
        co_await m_mutex.lock();
    else if (shared)
        co_await m_rwlock.lock_shared();
    else
        co_await m_rwlock.lock();
    if (!free)
        wait_ended(since);
    trace_event(id, EventKind::LockAcquire, shared ? 1 : 0, m_scheduler.now() - since);
}

void LockingClient::unlock(ActorId id, bool shared) {
    shared = shared && m_reader_writer;
    trace_event(id, EventKind::LockRelease, shared ? 1 : 0);
    if (!m_reader_writer)
        m_mutex.unlock();
    else if (shared)
        m_rwlock.unlock_shared();
    else
        m_rwlock.unlock();
}

Task<ErrorKind> LockingClient::send_message(ActorId id) {
    co_return co_await locked_op(id, OpKind::Write);
}

Task<ErrorKind> LockingClient::read_message(ActorId id) {
    co_return co_await locked_op(id, OpKind::Read);
}

Task<ErrorKind> LockingClient::locked_op(ActorId id, OpKind op) {
    // Readers share the rwlock; with a plain mutex every lookup excludes every other.
    bool shared = m_reader_writer;
    co_await lock(id, shared);
    HostId host = kNoHost;
    if (op == OpKind::Read && reads_prefer_secondaries()) {
        set_step(id, ThreadStep::LookingUp);
        co_await step(id, CodePoint::NaiveReadMembers);
        host = choose_secondary(id, m_shared.members());
    }
    if (host == kNoHost) {
        set_step(id, ThreadStep::ReadingPrimary);
        co_await step(id, CodePoint::LockReadWriter);
        auto primary = read_primary(id);
        if (!primary) {
            if (shared) {
                // Upgrade: drop the read lock and queue for the write lock; another thread
                // may have refreshed meanwhile, so look again once it is held.
                unlock(id, true);
                co_await lock(id, false);
                shared = false;
                set_step(id, ThreadStep::ReadingPrimary);
                co_await step(id, CodePoint::LockReadWriterAgain);
                primary = read_primary(id);
            }
            if (!primary) {
                const RefreshResult refreshed = co_await refresh_in_place(id);
                if (refreshed.error != ErrorKind::None) {
                    unlock(id, shared);
                    co_return refreshed.error;
                }
                // As 2.5 __find_primary after its refresh(): __check_is_primary on each host.
                std::optional<HostId> writer;
                for (HostId candidate : std::vector<HostId>(m_hosts)) {
                    writer = co_await check_is_primary(id, candidate);
                    if (writer)
                        break;
                }
                if (writer)
                    m_shared.set_primary(id, writer);
                set_step(id, ThreadStep::ReadingPrimary);
                co_await step(id, CodePoint::LockReadWriterAfterRefresh);
                primary = read_primary(id);
            }
            if (!primary) {
                unlock(id, shared);
                co_return ErrorKind::AutoReconnect;
            }
        }
        host = *primary;
    }
    const std::uint64_t generation = m_shared.generation();
    set_step(id, ThreadStep::LookingUp, host);
    co_await step(id, CodePoint::LockLookup);
    const bool found = m_shared.get(host) != nullptr;
    note_lookup(id, host, found, generation);
    unlock(id, shared);
    if (!found)
        co_return ErrorKind::KeyError;
    const SendOutcome sent = co_await send(id, host, op);
    if (sent == SendOutcome::Ok)
        co_return ErrorKind::None;
    if (op == OpKind::Write || sent == SendOutcome::NotMaster) {
        reset_pool(host);
        co_await forget_primary(id);
    } else {
        schedule_refresh(id);
    }
    co_return ErrorKind::AutoReconnect;
}

Task<void> LockingClient::forget_primary(ActorId id) {
    co_await lock(id, false);
    co_await step(id, CodePoint::NaiveDisconnect);
    disconnect(id);
    unlock(id, false);
}

Task<RefreshResult> LockingClient::monitor_refresh() {
    co_await lock(kActorMonitor, false);
    const RefreshResult result = co_await refresh_in_place(kActorMonitor);
    unlock(kActorMonitor, false);
    co_return result;
}

} // namespace wn
