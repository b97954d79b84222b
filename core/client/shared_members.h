#pragma once

#include "client/metrics.h"
#include "model/member.h"
#include "sim/scheduler.h"
#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace wn {

/// PyMongo 2.1–2.5's client state: `self.members` (a dict) and `self.primary`, mutated in
/// place by whichever thread runs refresh(). Every mutation is traced and bumps a generation
/// so a read that straddles one can be told apart from a consistent read.
class SharedMembers {
public:
    SharedMembers(Scheduler& scheduler, Trace& trace, Metrics& metrics)
        : m_scheduler(scheduler), m_trace(trace), m_metrics(metrics) {}

    /// self.members[host] = member
    void put(ActorId actor, Member member);
    /// self.members.pop(host, None); returns whether it was there.
    bool pop(ActorId actor, HostId host);
    /// self.primary = host; `by_disconnect`: disconnect() after a failed operation, not the
    /// end of a refresh.
    void set_primary(ActorId actor, std::optional<HostId> host, bool by_disconnect = false);

    /// Who last changed something, and when: what a KeyError's cause is read from.
    struct Change {
        ActorId actor = kActorWorld;
        SimTime at = -1; // -1: never
        bool by_disconnect = false;
    };
    const Change& last_primary_change() const { return m_primary_change; }
    /// The last pop of `host` from self.members (at = -1 if it never was popped).
    Change last_pop(HostId host) const;

    const Member* get(HostId host) const;
    std::optional<HostId> primary() const { return m_primary; }
    /// The dict's items in insertion order, as Python 3.7+ would iterate them.
    const std::vector<Member>& members() const { return m_members; }
    std::uint64_t generation() const { return m_generation; }

private:
    void mutated();

    Scheduler& m_scheduler;
    Trace& m_trace;
    Metrics& m_metrics;
    std::vector<Member> m_members;
    std::optional<HostId> m_primary;
    std::uint64_t m_generation = 0;
    Change m_primary_change;
    std::vector<std::pair<HostId, Change>> m_pops; // the last pop of each host
};

} // namespace wn
