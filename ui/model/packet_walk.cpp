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
    m_slots.clear();
    m_free_slots.clear();
    m_live = 0;
    for (auto& queue : m_open_of)
        queue.clear(); // each keeps its memory for the walk about to start
    m_closed.clear();
    m_last_mutation = kNone;
}

PacketWalk::Fifo<PacketWalk::Ref>& PacketWalk::open_of(ActorId actor, bool ismaster) {
    // Requests come from the monitor and the threads (ids from 0); kActorUser is the
    // lowest actor there is.
    const auto key = static_cast<std::size_t>((static_cast<std::int64_t>(actor) - kActorUser) * 2 +
                                              (ismaster ? 1 : 0));
    if (key >= m_open_of.size())
        m_open_of.resize(key + 1);
    return m_open_of[key];
}

PacketWalk::Open* PacketWalk::open_request(Ref ref) {
    Open& o = m_slots[ref.slot];
    return o.live && o.seq == ref.seq ? &o : nullptr;
}

void PacketWalk::close(Ref ref) {
    m_slots[ref.slot].live = false;
    m_free_slots.push_back(ref.slot);
    --m_live;
    while (!m_open.empty() && !open_request(m_open.front()))
        m_open.pop_front();
    if (m_open.size() - m_live > m_live + 1024)
        m_open.remove_if([this](Ref r) { return !open_request(r); });
}

void PacketWalk::prune(std::size_t start, SimTime horizon) {
    m_start = start;
    while (!m_open.empty()) {
        const Open* o = open_request(m_open.front());
        if (o && o->index >= start)
            break;
        if (o)
            close(m_open.front()); // begun before the walk's start: pruned
        else
            m_open.pop_front();
    }
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
        const bool begin = e.kind == EventKind::IsMasterBegin || e.kind == EventKind::SendBegin;
        const bool end = e.kind == EventKind::IsMasterEnd || e.kind == EventKind::SendEnd;
        if ((begin || end) && e.actor < kActorUser) {
            continue; // no such actor sends requests
        } else if (begin) {
            PacketFrame p;
            p.from = e.actor;
            p.member = member(e.a);
            p.ismaster = ism;
            p.begin = to_seconds(e.time);
            Ref ref{m_seq++, 0};
            if (m_free_slots.empty()) {
                ref.slot = static_cast<std::uint32_t>(m_slots.size());
                m_slots.push_back(Open{ref.seq, m_next, p, true});
            } else {
                ref.slot = m_free_slots.back();
                m_free_slots.pop_back();
                m_slots[ref.slot] = Open{ref.seq, m_next, p, true};
            }
            m_open.push_back(ref);
            ++m_live;
            open_of(e.actor, ism).push_back(ref);
        } else if (end) {
            // An end closes the oldest open request of its actor and kind.
            auto& queue = open_of(e.actor, ism);
            Open* open = nullptr;
            while (!queue.empty() && !(open = open_request(queue.front())))
                queue.pop_front(); // begun before the walk's start: pruned
            if (!open)
                continue;
            if (queue.size() > 1)
                m_ambiguous = std::min(m_ambiguous, open->index);
            const Ref ref = queue.front();
            queue.pop_front();
            // One answered before the trail would be dropped at the end of this walk.
            if (e.time >= horizon) {
                PacketFrame p = open->packet;
                p.end = to_seconds(e.time);
                p.ok = ism ? e.b != static_cast<int>(IsMasterOutcome::Failed) : e.b == 1;
                m_closed.push_back(Closed{open->index, e.time, p});
            }
            close(ref);
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
    for (const Ref& r : m_open)
        if (const Open* o = open_request(r))
            open.push_back(o->packet);
    // The newest kMaxPackets: open requests last, then as many answered ones (newest
    // answers last) as still fit; an answer to a request begun before the walk is not drawn.
    std::vector<PacketFrame> closed;
    const std::size_t room = kMaxPackets - std::min(kMaxPackets, open.size());
    for (const Closed* c = m_closed.end(); c != m_closed.begin() && closed.size() < room;)
        if ((--c)->begin_index >= start)
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
