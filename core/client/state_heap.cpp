#include "client/state_heap.h"

#include <algorithm>

namespace wn {

void StateHeap::publish(ActorId by, RSState state,
                        std::shared_ptr<const sdam::TopologyDescription> topology) {
    const SimTime now = m_scheduler.now();
    VersionRecord record;
    record.state = std::make_shared<const RSState>(std::move(state));
    record.topology = std::move(topology);
    record.built_by = by;
    record.published_at = now;
    m_versions.push_back(std::move(record));
    const int version = static_cast<int>(m_versions.size());
    const int old = m_current;
    m_current = version;
    ++m_metrics.states_published;
    ++m_metrics.live_states;
    m_metrics.max_live_states = std::max(m_metrics.max_live_states, m_metrics.live_states);
    m_trace.record(now, by, EventKind::Publish, version, old);
    add_ref(kActorClient, version);
    if (old > 0) {
        m_versions[index(old)].replaced_at = now;
        drop_ref(kActorClient, old);
    }
}

int StateHeap::acquire_current(ActorId holder) {
    add_ref(holder, m_current);
    m_trace.record(m_scheduler.now(), holder, EventKind::Acquire, m_current);
    return m_current;
}

void StateHeap::release(ActorId holder, int version) {
    m_trace.record(m_scheduler.now(), holder, EventKind::Release, version);
    drop_ref(holder, version);
}

void StateHeap::add_ref(ActorId holder, int version) {
    VersionRecord& r = m_versions[index(version)];
    ++r.refcount;
    r.holders.push_back(holder);
}

void StateHeap::drop_ref(ActorId holder, int version) {
    VersionRecord& r = m_versions[index(version)];
    auto it = std::find(r.holders.begin(), r.holders.end(), holder);
    if (it != r.holders.end())
        r.holders.erase(it);
    if (--r.refcount > 0)
        return;
    r.reclaimed_at = m_scheduler.now();
    r.state.reset();
    r.topology.reset();
    ++m_metrics.states_reclaimed;
    --m_metrics.live_states;
    // The actor whose release dropped the last reference is the one that frees it.
    m_trace.record(r.reclaimed_at, holder, EventKind::Reclaim, version);
}

} // namespace wn
