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
    /// self.primary = host
    void set_primary(ActorId actor, std::optional<HostId> host);

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
};

} // namespace wn
