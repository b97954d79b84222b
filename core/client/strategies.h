#pragma once

#include "client/client.h"

namespace wn {

/// PyMongo 2.1–2.5: `self.members` and `self.primary` mutated in place by refresh(), which
/// any thread that finds no primary runs itself.
class NaiveClient : public Client {
public:
    NaiveClient(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts, ReplicaSet& world,
                Trace& trace)
        : Client(scenario, scheduler, hosts, world, trace), m_shared(scheduler, trace, m_metrics) {}

    const SharedMembers* shared() const override { return &m_shared; }

protected:
    Task<ErrorKind> send_message(ActorId id) override;
    Task<ErrorKind> read_message(ActorId id) override;
    Task<RefreshResult> monitor_refresh() override;

    /// refresh() as in the seed document, every change made in place, one step at a time.
    Task<RefreshResult> refresh_in_place(ActorId id);
    /// 2.5 __find_primary(): checks self.primary (refreshing when it is None), then looks up
    /// self.members[self.primary]. `host` is valid when `error` is None.
    struct PrimaryLookup {
        ErrorKind error = ErrorKind::None;
        HostId host = kNoHost;
    };
    Task<PrimaryLookup> find_primary(ActorId id);
    /// The message itself, and what a failure does to the shared state.
    Task<ErrorKind> send_to(ActorId id, HostId host, OpKind op);
    void note_lookup(ActorId id, HostId host, bool found, std::uint64_t generation);
    /// Records why a lookup of `host` failed: who changed what after the victim checked
    /// self.primary (`checked_at`) or read it (`read_at`).
    void trace_key_error_cause(ActorId id, HostId host, SimTime checked_at, SimTime read_at);
    std::optional<HostId> read_primary(ActorId id);
    /// disconnect(): forget the primary and wake the monitor.
    void disconnect(ActorId id);
    /// 2.5 __check_is_primary(host): one ismaster on the member's pool (a new pool and
    /// member for an unknown host); the host if it is primary, else the primary it names,
    /// checked the same way; nothing when neither answers as primary.
    Task<std::optional<HostId>> check_is_primary(ActorId id, HostId host);

    SharedMembers m_shared;
    /// self.__hosts: every host the last refresh() learnt of, answering or not.
    std::vector<HostId> m_hosts;
};

/// The same shared state behind a lock: one mutex, or a writer-preferring reader-writer lock
/// whose readers share and whose refresh() excludes them all.
class LockingClient : public NaiveClient {
public:
    LockingClient(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts,
                  ReplicaSet& world, Trace& trace, bool reader_writer)
        : NaiveClient(scenario, scheduler, hosts, world, trace), m_reader_writer(reader_writer),
          m_mutex(scheduler), m_rwlock(scheduler) {}

protected:
    Task<ErrorKind> send_message(ActorId id) override;
    Task<ErrorKind> read_message(ActorId id) override;
    Task<RefreshResult> monitor_refresh() override;

private:
    /// Blocks until the lock is held; shared only means something for the rwlock.
    Task<void> lock(ActorId id, bool shared);
    void unlock(ActorId id, bool shared);
    Task<ErrorKind> locked_op(ActorId id, OpKind op);
    Task<void> forget_primary(ActorId id);

    bool m_reader_writer;
    SimMutex m_mutex;
    SimRwLock m_rwlock;
};

/// PyMongo 2.5.1's wasp's nest: an immutable RSState behind one attribute, replaced by a
/// single swap; only the monitor refreshes, and threads copy the reference before use.
class WaspClient : public Client {
public:
    WaspClient(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts, ReplicaSet& world,
               Trace& trace)
        : Client(scenario, scheduler, hosts, world, trace), m_heap(scheduler, trace, m_metrics) {}

    const StateHeap* heap() const override { return &m_heap; }

protected:
    Task<ErrorKind> send_message(ActorId id) override;
    Task<ErrorKind> read_message(ActorId id) override;
    Task<RefreshResult> monitor_refresh() override;
    void on_start() override;

private:
    Task<ErrorKind> primary_op(ActorId id, OpKind op);
    /// A read with secondaryPreferred: a secondary, else the primary, up to three tries.
    Task<ErrorKind> secondary_read(ActorId id);
    /// Looks `host` up in `version`, sends `op` and, on a failure, publishes the host down
    /// and wakes the monitor. A write lets go of `version` once it has the member.
    Task<SendOutcome> try_send(ActorId id, int version, HostId host, OpKind op);
    /// self.rsstate = self.rsstate.clone_with_host_down(host, error) by a thread (a failed
    /// read), or with `without_writer` disconnect()'s clone_without_writer (a failed write,
    /// or "not master").
    Task<void> publish_host_down(ActorId id, HostId host, bool without_writer);
    int take_ref(ActorId id);
    void drop_ref(ActorId id, int version);

    StateHeap m_heap;
};

} // namespace wn
