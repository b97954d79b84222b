#pragma once

#include "client/metrics.h"
#include "model/rsstate.h"
#include "sdam/description.h"
#include "sim/scheduler.h"
#include "trace/trace.h"

#include <memory>
#include <vector>

namespace wn {

/// The life of one RSState version, kept after it is freed so a viewer can say when.
struct VersionRecord {
    std::shared_ptr<const RSState> state; // null once reclaimed
    // sdam: the TopologyDescription this version is; `state` is its view for the heap's boxes.
    std::shared_ptr<const sdam::TopologyDescription> topology;
    ActorId built_by = kActorMonitor;
    SimTime published_at = -1;
    SimTime replaced_at = -1;
    SimTime reclaimed_at = -1;
    int refcount = 0;
    std::vector<ActorId> holders; // one entry per reference, kActorClient for the attribute

    bool live() const { return reclaimed_at < 0; }
};

/// Every RSState version with CPython reference-count semantics: the client's `rsstate`
/// attribute holds one reference, each thread's local variable another; the version is
/// reclaimed the moment the last one goes.
class StateHeap {
public:
    StateHeap(Scheduler& scheduler, Trace& trace, Metrics& metrics)
        : m_scheduler(scheduler), m_trace(trace), m_metrics(metrics) {}

    /// The number the next published version will carry.
    int next_version() const { return static_cast<int>(m_versions.size()) + 1; }
    /// self.rsstate = state: one pointer swap; the attribute's reference moves to the new one.
    void publish(ActorId by, RSState state,
                 std::shared_ptr<const sdam::TopologyDescription> topology = nullptr);
    /// `local = self.rsstate`: returns the version now referenced by the attribute.
    int acquire_current(ActorId holder);
    void release(ActorId holder, int version);

    int current_version() const { return m_current; }
    const RSState& current() const { return *m_versions[index(m_current)].state; }
    const RSState& state(int version) const { return *m_versions[index(version)].state; }
    const VersionRecord& record(int version) const { return m_versions[index(version)]; }
    /// All versions ever published, v1 first.
    const std::vector<VersionRecord>& records() const { return m_versions; }

private:
    static std::size_t index(int version) { return static_cast<std::size_t>(version - 1); }
    void add_ref(ActorId holder, int version);
    void drop_ref(ActorId holder, int version);

    Scheduler& m_scheduler;
    Trace& m_trace;
    Metrics& m_metrics;
    std::vector<VersionRecord> m_versions;
    int m_current = 0;
};

} // namespace wn
