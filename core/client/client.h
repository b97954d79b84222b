#pragma once

#include "client/metrics.h"
#include "client/shared_members.h"
#include "client/state_heap.h"
#include "client/thread_state.h"
#include "model/hosts.h"
#include "scenario/scenario.h"
#include "sim/rng.h"
#include "sim/scheduler.h"
#include "sim/sync.h"
#include "sim/task.h"
#include "trace/trace.h"
#include "world/replica_set.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wn {

/// How an operation sent to a server ended, as the driver sees it.
/// Its value is the b of the SendEnd event.
enum class SendOutcome : std::uint8_t {
    SocketError = 0, // refused, timed out, or the connection was closed under it
    Ok = 1,
    NotMaster = 2, // the server answered "not master" (its role does not take this operation)
};

struct IsMasterResult {
    bool ok = false;
    IsMasterReply reply;
    double ping_ms = 0;
};

struct RefreshResult {
    ErrorKind error = ErrorKind::None;
    std::string message;
};

/// The first step of refresh(): the first node that answers as a member of our set.
struct Responder {
    HostId host = kNoHost; // kNoHost: nobody did, and `failure` says why
    IsMasterResult reply;
    RefreshResult failure;
    /// hosts + passives of the reply: every data-bearing member of the set's config.
    std::vector<HostId> members() const;
};

/// MongoReplicaSetClient: application threads, the monitor thread and the network, with the
/// strategy (how the replica-set state is shared) supplied by a subclass.
class Client {
public:
    static std::unique_ptr<Client> create(const Scenario& scenario, Scheduler& scheduler,
                                          HostTable& hosts, ReplicaSet& world, Trace& trace);
    virtual ~Client() = default;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// Starts the monitor now; it runs the constructor's refresh, then the threads start.
    void start();
    /// monitor.schedule_refresh() on behalf of `by` (a thread, or a click on the monitor).
    void schedule_refresh(ActorId by);

    /// Races played by hand. A paused thread stops at its next interleaving point and waits
    /// there (no event is queued for it) until resumed, or stepped: one interleaving point
    /// run, then stopped again. Each returns "" or a one-line reason it was refused.
    std::string pause_thread(ActorId id);
    std::string resume_thread(ActorId id);
    std::string step_thread(ActorId id);
    /// Why thread `id` cannot be paused, resumed or stepped at all, or "" when it can.
    std::string pause_refusal(ActorId id) const;

    StrategyKind strategy() const { return m_scenario.strategy; }
    const std::vector<ThreadState>& threads() const { return m_threads; }
    const Metrics& metrics() const { return m_metrics; }
    /// When the monitor's timer next fires; meaningful while it sleeps.
    SimTime monitor_wake_at() const { return m_monitor_wake_at; }
    /// The versioned immutable states (wasp); null for the strategies that mutate in place.
    virtual const StateHeap* heap() const { return nullptr; }
    /// The shared mutable members/primary (naive, mutex, rwlock); null for wasp.
    virtual const SharedMembers* shared() const { return nullptr; }

protected:
    Client(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts, ReplicaSet& world,
           Trace& trace);

    /// A write: `send_message` in the seed document. Returns the error the caller sees.
    virtual Task<ErrorKind> send_message(ActorId id) = 0;
    /// A read with the workload's read preference.
    virtual Task<ErrorKind> read_message(ActorId id) = 0;
    /// refresh() as the monitor (and the constructor) call it.
    virtual Task<RefreshResult> monitor_refresh() = 0;
    /// Runs before the constructor's refresh (wasp publishes its empty initial state).
    virtual void on_start() {}
    /// Whether actor 0 runs interleaving points a pause can stop it at.
    virtual bool monitor_pausable() const { return true; }

    /// One line of Python: costs a little virtual time and may let other threads run first.
    /// `point` names the line the thread runs when it resumes; a paused thread stops here.
    struct Step {
        Client& client;
        ActorId actor;
        SimTime delay;
        // As Scheduler::Sleep: run on at once when this would be the next entry anyway, but
        // never past a pause, which must park the thread in await_suspend.
        bool await_ready() const noexcept {
            return client.m_paused_threads == 0 &&
                   client.m_scheduler.try_run_now(client.m_scheduler.now() + delay);
        }
        void await_suspend(std::coroutine_handle<> h) {
            // One predictable branch when nobody is paused, the engine's common case.
            if (client.m_paused_threads != 0 && client.park(actor, h, delay))
                return;
            client.m_scheduler.resume_at(client.m_scheduler.now() + delay, h);
        }
        void await_resume() const noexcept {}
    };
    Step step(ActorId id, CodePoint point = CodePoint::None);

    /// `ismaster` on `host` over the network; the reply is what the server says on arrival.
    struct IsMasterCall {
        Client& client;
        ActorId actor;
        HostId host;
        NetPlan plan{};
        SimTime sent_at = 0;
        std::uint64_t epoch = 0;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h);
        IsMasterResult await_resume();
    };
    IsMasterCall ismaster(ActorId actor, HostId host) { return IsMasterCall{*this, actor, host}; }

    /// Asks `nodes` in order until one answers as a member of our set (2.5.1 refresh()).
    /// Nobody answering is AutoReconnect; only wrong set names is ConfigurationError.
    Task<Responder> find_responder(ActorId actor, std::vector<HostId> nodes);

    /// An operation sent to `host`; resumes with how it ended. The server checks its own
    /// role when the operation arrives, and a step-down while it is in flight closes the
    /// connection under it.
    struct SendCall {
        Client& client;
        ActorId actor;
        HostId host;
        OpKind op;
        NetPlan plan{};
        std::uint64_t epoch = 0;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h);
        SendOutcome await_resume();
    };
    SendCall send(ActorId actor, HostId host, OpKind op) {
        return SendCall{*this, actor, host, op};
    }

    /// The lowest-latency secondary (random among those within 15 ms of it, as PyMongo's
    /// secondaryAcceptableLatencyMS) of `members` but `excluded`, or kNoHost.
    HostId choose_secondary(ActorId id, const std::vector<Member>& members,
                            const std::vector<HostId>& excluded = {});
    bool reads_prefer_secondaries() const {
        return m_scenario.workload.read_preference == ReadPreference::SecondaryPreferred;
    }

    void trace_event(ActorId actor, EventKind kind, std::int32_t a = 0, std::int64_t b = 0) {
        m_trace.record(m_scheduler.now(), actor, kind, a, b);
    }
    ThreadState& thread(ActorId id) { return m_threads[static_cast<std::size_t>(id)]; }
    void set_step(ActorId id, ThreadStep step, HostId target = kNoHost);
    void refresh_begun(ActorId id);
    void refresh_ended(ActorId id, const RefreshResult& result, std::optional<HostId> writer);
    /// Brackets time a thread spends blocked (lock or refresh); returns the start time.
    SimTime wait_begun(ActorId id, ThreadStep step);
    void wait_ended(SimTime since);
    void note_key_error();
    std::string socket_error(HostId host) const;

    /// The connection pool of `host` (one per host, shared by the threads and the monitor):
    /// takes an idle socket, returning the server's connection epoch it was opened in, or
    /// opens a new one (nullopt). A socket from an older epoch was closed by the server.
    std::optional<std::uint64_t> take_socket(HostId host);
    void return_socket(HostId host, std::uint64_t epoch);
    /// pool.reset(), as disconnect() does to the primary's pool: idle sockets are dropped.
    void reset_pool(HostId host);

    const Scenario& m_scenario;
    Scheduler& m_scheduler;
    HostTable& m_hosts;
    ReplicaSet& m_world;
    Trace& m_trace;
    Metrics m_metrics;
    std::vector<Rng> m_rngs; // one per actor, so a thread's choices do not depend on others
    std::vector<HostId> m_seeds;
    SimEvent m_event;     // monitor.event: wakes the monitor early
    SimEvent m_refreshed; // monitor.refreshed: set when a refresh completes
    std::vector<std::vector<std::uint64_t>> m_idle_sockets; // per host id: their epochs
    int m_next_pool = 1;

private:
    Task<void> monitor_main();
    Task<void> thread_main(ActorId id);

    /// Holds `h` instead of queueing it when `actor` is paused; false when it is not.
    bool park(ActorId actor, std::coroutine_handle<> h, SimTime delay);
    /// Queues a parked thread's line (its step's cost) to run now.
    void unpark(ActorId id);

    struct Parked {
        std::coroutine_handle<> handle;
        SimTime delay = 0;
    };
    std::vector<ThreadState> m_threads;
    std::vector<Parked> m_parked; // per actor; a null handle: not parked
    int m_paused_threads = 0;
    std::vector<Task<void>> m_tasks;
    SimTime m_monitor_wake_at = 0;
};

} // namespace wn
