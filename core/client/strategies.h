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
    /// Reads self.primary (and refreshes when it is None); kNoHost after an error.
    Task<ErrorKind> primary_op(ActorId id, OpKind op);
    /// `self.members[host]` a step after `host` was read, then the message itself.
    Task<ErrorKind> lookup_and_send(ActorId id, HostId host, OpKind op, std::uint64_t generation);
    void note_lookup(ActorId id, HostId host, bool found, std::uint64_t generation);
    std::optional<HostId> read_primary(ActorId id);

    SharedMembers m_shared;
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
    Task<ErrorKind> send_via(ActorId id, int version, HostId host, OpKind op);
    /// self.rsstate = self.rsstate.clone_with_host_down(host, error) by a thread.
    Task<void> publish_host_down(ActorId id, HostId host);
    int take_ref(ActorId id);
    void drop_ref(ActorId id, int version);

    StateHeap m_heap;
};

} // namespace wn
