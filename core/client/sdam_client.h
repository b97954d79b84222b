#pragma once

#include "client/client.h"
#include "sdam/description.h"

#include <deque>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace wn {

/// Today's drivers, after MongoDB's Server Discovery and Monitoring specification: an
/// immutable TopologyDescription replaced wholesale by core/sdam's reducer, one monitor per
/// server, and application threads that never check a server: they select one from the
/// description they hold, or wait in server selection for a newer description.
class SdamClient : public Client {
public:
    // server-monitoring.md and server-selection.md defaults.
    static constexpr double kHeartbeatFrequencyS = 10;
    static constexpr double kMinHeartbeatFrequencyS = 0.5;
    static constexpr double kServerSelectionTimeoutS = 30;
    static constexpr double kLocalThresholdMs = 15;
    static constexpr double kRttAlpha = 0.2;

    /// One server's monitor: a coroutine of its own that checks the server with `hello`.
    struct ServerMonitor {
        explicit ServerMonitor(Scheduler& scheduler) : wake(scheduler) {}
        HostId host = kNoHost;
        std::string address;
        SimEvent wake; // requestCheck()
        bool check_requested = false;
        int checks_in_flight = 0; // the invariant: never above 1
        ThreadStep step = ThreadStep::Sleeping;
        SimTime next_check_at = 0;
        std::optional<double> rtt_ms; // the moving average (alpha 0.2)
        std::int64_t checks = 0;
        bool retrying = false; // the one immediate retry after a known server's network error
    };

    SdamClient(const Scenario& scenario, Scheduler& scheduler, HostTable& hosts, ReplicaSet& world,
               Trace& trace);

    const StateHeap* heap() const override { return &m_heap; }
    const std::deque<ServerMonitor>& monitors() const { return m_monitors; }
    /// The description the client's topology reference points at now.
    const sdam::TopologyDescription& topology() const {
        return *m_heap.record(m_heap.current_version()).topology;
    }

protected:
    Task<ErrorKind> send_message(ActorId id) override;
    Task<ErrorKind> read_message(ActorId id) override;
    Task<RefreshResult> monitor_refresh() override;
    void on_start() override;
    /// Actor 0 is the topology: its server monitors check with no interleaving point.
    bool monitor_pausable() const override { return false; }

private:
    /// A `hello` to `host`; the reply is the world's answer on arrival, `{}` on a network error.
    struct HelloCall {
        SdamClient& client;
        HostId host;
        NetPlan plan{};
        SimTime sent_at = 0;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h);
        std::pair<nlohmann::json, double> await_resume(); // (reply, round trip ms)
    };
    struct Selected {
        int version = 0; // the description held while the operation runs; 0: timed out
        HostId host = kNoHost;
    };

    Task<ErrorKind> run_operation(ActorId id, OpKind op);
    Task<Selected> select_server(ActorId id, OpKind op);
    /// Suitable servers for `op` in `td` within the latency window, or kNoHost.
    HostId choose(ActorId id, const sdam::TopologyDescription& td, OpKind op);
    /// SDAM error handling: the server becomes Unknown at once; after a state-change error
    /// (not after a network error) its monitor is asked for an immediate check.
    void mark_unknown(ActorId id, HostId host, const std::string& error, bool request_check_now);

    // Monitoring (sdam_monitor.cpp).
    Task<void> monitor_loop(std::size_t index);
    void ensure_monitors();
    void request_check(ActorId by, ServerMonitor& m);
    void request_all_checks(ActorId by);
    /// apply(current, sd) and publish the result: one swap of the topology reference.
    void publish_applied(ActorId by, const sdam::ServerDescription& sd);
    void publish(ActorId by, sdam::TopologyDescription td);
    /// The heap's view of a description: members that answer, the primary as the writer.
    RSState view_of(int version, const sdam::TopologyDescription& td);
    HostId host_of(const std::string& address);
    ServerMonitor* monitor_for(const std::string& address);

    StateHeap m_heap;
    SimEvent m_topology_changed; // the topology's condition variable
    std::deque<ServerMonitor> m_monitors;
    std::vector<Task<void>> m_monitor_tasks;
    std::map<std::string, int> m_pools; // by address: a pool is created once per server
    bool m_started = false;
};

} // namespace wn
