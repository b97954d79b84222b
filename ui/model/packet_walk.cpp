#include "ui/model/packet_walk.h"

#include "simulation.h"

#include <algorithm>

namespace wn::ui {
namespace {

/// At most this many requests are drawn: the newest.
constexpr std::size_t kMaxPackets = 600;

/// The first kept event at or after `t` (the trace is in time order).
std::size_t first_at(TracePrefix events, SimTime t) {
    std::size_t lo = events.first(), hi = events.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (events[mid].time >= t)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

bool is_mutation(EventKind kind) {
    return kind == EventKind::MemberPut || kind == EventKind::MemberPop ||
           kind == EventKind::PrimaryAssign;
}

std::int64_t key_of(ActorId actor, bool ismaster) {
    return static_cast<std::int64_t>(actor) * 2 + ismaster;
}

} // namespace

void PacketWalk::reset() {
    m_serial = 0;
}

void PacketWalk::restart(std::size_t start) {
    ++m_rebuilds;
    m_start = m_next = start;
    m_ambiguous = kNone;
    m_seq = 0;
    m_open.clear();
    m_open_of.clear();
    m_closed.clear();
    m_last_mutation = kNone;
}

void PacketWalk::prune(std::size_t start, SimTime horizon) {
    m_start = start;
    while (!m_open.empty() && m_open.begin()->second.index < start)
        m_open.erase(m_open.begin());
    while (!m_closed.empty() && m_closed.front().end < horizon)
        m_closed.pop_front();
}

void PacketWalk::walk(TracePrefix events, SimTime horizon) {
    auto member = [&](HostId h) {
        return h >= 0 && static_cast<std::size_t>(h) < m_member_of.size()
                   ? m_member_of[static_cast<std::size_t>(h)]
                   : -1;
    };
    for (; m_next < events.size(); ++m_next) {
        const TraceEvent& e = events[m_next];
        const bool ism = e.kind == EventKind::IsMasterBegin || e.kind == EventKind::IsMasterEnd;
        if (e.kind == EventKind::IsMasterBegin || e.kind == EventKind::SendBegin) {
            PacketFrame p;
            p.from = e.actor;
            p.member = member(e.a);
            p.ismaster = ism;
            p.begin = to_seconds(e.time);
            m_open.emplace_hint(m_open.end(), m_seq, Open{m_next, p});
            m_open_of[key_of(e.actor, ism)].push_back(m_seq++);
        } else if (e.kind == EventKind::IsMasterEnd || e.kind == EventKind::SendEnd) {
            // An end closes the oldest open request of its actor and kind.
            const auto it = m_open_of.find(key_of(e.actor, ism));
            if (it == m_open_of.end())
                continue;
            auto& queue = it->second;
            while (!queue.empty() && !m_open.count(queue.front()))
                queue.pop_front(); // begun before the walk's start: pruned
            if (queue.empty())
                continue;
            const auto open = m_open.find(queue.front());
            if (queue.size() > 1)
                m_ambiguous = std::min(m_ambiguous, open->second.index);
            queue.pop_front();
            PacketFrame p = open->second.packet;
            p.end = to_seconds(e.time);
            p.ok = ism ? e.b != static_cast<int>(IsMasterOutcome::Failed) : e.b == 1;
            m_closed.push_back(Closed{open->second.index, e.time, p});
            m_open.erase(open);
        } else if (is_mutation(e.kind)) {
            m_last_mutation = m_next;
        }
    }
    while (!m_closed.empty() && m_closed.front().end < horizon)
        m_closed.pop_front();
}

void PacketWalk::update(Frame& f, const Simulation& sim, double trail_s) {
    update(f, sim, sim.trace().events(), sim.trace().serial(), trail_s);
}

void PacketWalk::update(Frame& f, const Simulation& sim, TracePrefix events, std::uint64_t serial,
                        double trail_s) {
    const SimTime now = sim.now();
    const SimTime horizon = now - from_seconds(trail_s);
    // Walk back to the oldest begin that could still be visible; requests last at most the
    // connect timeout, but for those on a pooled connection to a powered-off member, which
    // hang until the OS gives up and are added from the threads' states below.
    const SimTime oldest = horizon - from_seconds(sim.scenario().connect_timeout_s) - 1;
    const std::size_t start = first_at(events, oldest);
    std::vector<int> member_of(sim.hosts().size());
    for (std::size_t h = 0; h < member_of.size(); ++h)
        member_of[h] = f.member_index(static_cast<HostId>(h), sim.hosts());

    // Walking on from the last call gives what a walk from `start` gives only if the run is
    // the same one, moved forward, and everything the walk from `start` needs was kept.
    const bool forward = serial != 0 && m_serial == serial && now >= m_now &&
                         horizon >= m_horizon && start >= m_start && start <= m_next &&
                         m_next <= events.size() &&
                         (m_ambiguous == kNone || start <= m_ambiguous) && member_of == m_member_of;
    if (!forward) {
        restart(start);
        m_member_of = std::move(member_of);
    } else {
        prune(start, horizon);
    }
    m_serial = serial;
    m_now = now;
    m_horizon = horizon;
    walk(events, horizon);

    // Requests begun before the walk and still on the wire: their threads are sending (or
    // asking ismaster) since then. O(threads), where walking back over the whole hang
    // (up to tcp_give_up_s) would cost O(events) on every frame. Last thread first.
    std::vector<PacketFrame> open;
    const auto& threads = sim.client().threads();
    for (auto t = threads.rbegin(); t != threads.rend(); ++t) {
        const bool on_wire = t->step == ThreadStep::Sending ||
                             (t->step == ThreadStep::Refreshing && t->target != kNoHost);
        if (!on_wire || t->since >= oldest)
            continue;
        PacketFrame p;
        p.from = t->id;
        p.member = f.member_index(t->target, sim.hosts());
        p.ismaster = t->step == ThreadStep::Refreshing;
        p.begin = to_seconds(t->since);
        open.push_back(p);
    }
    for (const auto& [seq, o] : m_open)
        open.push_back(o.packet);
    // The newest kMaxPackets: open requests last, then as many answered ones (newest
    // answers last) as still fit; an answer to a request begun before the walk is not drawn.
    std::vector<PacketFrame> closed;
    const std::size_t room = kMaxPackets - std::min(kMaxPackets, open.size());
    for (auto c = m_closed.rbegin(); c != m_closed.rend() && closed.size() < room; ++c)
        if (c->begin_index >= start)
            closed.push_back(c->packet);
    f.packets.assign(closed.rbegin(), closed.rend());
    const std::size_t skip = open.size() > kMaxPackets ? open.size() - kMaxPackets : 0;
    f.packets.insert(f.packets.end(), open.begin() + static_cast<long>(skip), open.end());

    if (f.shared) {
        // The newest in-place write from the last event before the trail on (that event
        // included), or -1 when there is none.
        const std::size_t at_horizon = first_at(events, horizon);
        const bool has_before = at_horizon > events.first();
        const std::size_t j = has_before ? at_horizon - 1 : events.first();
        double last = -1;
        if (m_last_mutation != kNone && m_last_mutation >= j)
            last = to_seconds(events[m_last_mutation].time);
        else if (has_before && is_mutation(events[j].kind))
            last = to_seconds(events[j].time);
        f.shared->last_mutation_at = last;
    }
}

} // namespace wn::ui
