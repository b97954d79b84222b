#include "ui/model/frame.h"

#include "client/sdam_client.h"
#include "simulation.h"
#include "ui/model/caption.h"
#include "ui/model/scene_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace wn::ui {

std::string actor_label(ActorId actor) {
    switch (actor) {
    case kActorMonitor:
        return "monitor";
    case kActorWorld:
        return "replica set";
    case kActorScenario:
        return "scenario";
    case kActorUser:
        return "you";
    case kActorClient:
        return "client.rsstate";
    default: {
        // Appended, not "T" + ...: GCC 12 warns falsely (-Wrestrict) on that inlined insert.
        std::string label = "T";
        label += std::to_string(actor);
        return label;
    }
    }
}

std::string holder_label(ActorId actor, StrategyKind strategy) {
    if (actor == kActorClient && strategy == StrategyKind::Sdam)
        return "topology.description";
    return actor_label(actor);
}

int Frame::member_index(HostId host, const HostTable& hosts) const {
    if (host < 0)
        return -1;
    const std::string& name = hosts.name(host);
    for (std::size_t i = 0; i < members.size(); ++i)
        if (members[i].host == name)
            return static_cast<int>(i);
    return -1;
}

namespace {

std::string member_line(const Member& m, const HostTable& hosts) {
    char ping[32];
    std::snprintf(ping, sizeof ping, "%.1f ms", m.avg_ping_ms());
    std::string role = m.up() ? role_name(m.role()) : "DOWN";
    std::transform(role.begin() + 1, role.end(), role.begin() + 1, ::tolower);
    return hosts.name(m.host()) + "  " + role + "  " + (m.up() ? ping : "");
}

VersionFrame version_frame(const StateHeap& heap, int version, const HostTable& hosts) {
    const VersionRecord& r = heap.record(version);
    VersionFrame v;
    v.version = version;
    v.current = version == heap.current_version();
    v.live = r.live();
    v.refcount = r.refcount;
    v.holders = r.holders;
    v.built_by = r.built_by;
    v.published_at = to_seconds(r.published_at);
    v.reclaimed_at = r.live() ? -1 : to_seconds(r.reclaimed_at);
    if (r.state) {
        if (auto w = r.state->writer())
            v.writer = hosts.name(*w);
        for (const Member& m : r.state->members())
            v.member_lines.push_back(member_line(m, hosts));
        v.error = r.state->error_message();
    }
    return v;
}

void add_packets(Frame& f, const Simulation& sim, TracePrefix events, double trail_s) {
    const SimTime now = sim.now();
    const SimTime horizon = now - from_seconds(trail_s);
    // Walk back to the oldest begin that could still be visible; requests last at most the
    // connect timeout, but for those on a pooled connection to a powered-off member, which
    // hang until the OS gives up and are added from the threads' states below.
    const SimTime oldest = horizon - from_seconds(sim.scenario().connect_timeout_s) - 1;
    // The trace is in time order: find the walk's start by bisection, not by stepping
    // back over every event of the last seconds (the trace keeps events from first() on).
    std::size_t lo = events.first(), hi = events.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (events[mid].time >= oldest)
            hi = mid;
        else
            lo = mid + 1;
    }
    std::size_t i = lo;
    constexpr std::size_t kMaxPackets = 600;
    // Requests begun and not yet ended, in the order they began; an end closes the oldest
    // open request of its actor and kind. At 1000 threads hundreds are open at once, so
    // each (actor, kind) keeps a queue of its open ones instead of searching them all.
    // Member index by host id, looked up once rather than by name for every request.
    std::vector<int> member_of(sim.hosts().size());
    for (std::size_t h = 0; h < member_of.size(); ++h)
        member_of[h] = f.member_index(static_cast<HostId>(h), sim.hosts());
    auto member = [&](HostId h) {
        return h >= 0 && static_cast<std::size_t>(h) < member_of.size()
                   ? member_of[static_cast<std::size_t>(h)]
                   : f.member_index(h, sim.hosts());
    };
    std::vector<PacketFrame> begun;
    std::vector<char> closed;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> open_of;
    open_of.reserve(2 * sim.client().threads().size() + 16);
    auto key = [](ActorId actor, bool ism) {
        return static_cast<std::int64_t>(actor) * 2 + ism;
    };
    for (; i < events.size(); ++i) {
        const TraceEvent& e = events[i];
        const bool ism = e.kind == EventKind::IsMasterBegin || e.kind == EventKind::IsMasterEnd;
        if (e.kind == EventKind::IsMasterBegin || e.kind == EventKind::SendBegin) {
            PacketFrame p;
            p.from = e.actor;
            p.member = member(e.a);
            p.ismaster = ism;
            p.begin = to_seconds(e.time);
            open_of[key(e.actor, ism)].push_back(begun.size());
            begun.push_back(p);
            closed.push_back(0);
        } else if (e.kind == EventKind::IsMasterEnd || e.kind == EventKind::SendEnd) {
            const auto it = open_of.find(key(e.actor, ism));
            if (it == open_of.end() || it->second.empty())
                continue;
            const std::size_t j = it->second.front();
            it->second.erase(it->second.begin()); // rarely more than one open per actor
            closed[j] = 1;
            PacketFrame& p = begun[j];
            p.end = to_seconds(e.time);
            p.ok = ism ? e.b != static_cast<int>(IsMasterOutcome::Failed) : e.b == 1;
            if (e.time >= horizon)
                f.packets.push_back(p);
        }
    }
    std::vector<PacketFrame> open;
    for (std::size_t j = 0; j < begun.size(); ++j)
        if (!closed[j])
            open.push_back(begun[j]);
    // A request begun before the walk and still on the wire: its thread is sending (or
    // asking ismaster) since then. O(threads), where walking back over the whole hang
    // (up to tcp_give_up_s) would cost O(events) on every frame.
    for (const ThreadState& t : sim.client().threads()) {
        const bool on_wire = t.step == ThreadStep::Sending ||
                             (t.step == ThreadStep::Refreshing && t.target != kNoHost);
        if (!on_wire || t.since >= oldest)
            continue;
        PacketFrame p;
        p.from = t.id;
        p.member = f.member_index(t.target, sim.hosts());
        p.ismaster = t.step == ThreadStep::Refreshing;
        p.begin = to_seconds(t.since);
        open.insert(open.begin(), p);
    }
    f.packets.insert(f.packets.end(), open.begin(), open.end());
    if (f.packets.size() > kMaxPackets)
        f.packets.erase(f.packets.begin(),
                        f.packets.begin() + static_cast<long>(f.packets.size() - kMaxPackets));
}

/// The time of the latest in-place write to the shared dict, looking back over the trail;
/// -1 when there is none.
double last_mutation(const Simulation& sim, TracePrefix events, double trail_s) {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->kind == EventKind::MemberPut || it->kind == EventKind::MemberPop ||
            it->kind == EventKind::PrimaryAssign)
            return to_seconds(it->time);
        if (it->time < sim.now() - from_seconds(trail_s))
            break;
    }
    return -1;
}

void add_server_monitors(Frame& f, const SdamClient& client) {
    f.server_monitors.resize(f.members.size());
    for (std::size_t i = 0; i < f.members.size(); ++i)
        f.server_monitors[i].address = f.members[i].host;
    for (const auto& m : client.monitors()) {
        const auto it = std::find_if(f.members.begin(), f.members.end(),
                                     [&](const MemberFrame& mf) { return mf.host == m.address; });
        if (it == f.members.end())
            continue;
        ServerMonitorFrame& out =
            f.server_monitors[static_cast<std::size_t>(it - f.members.begin())];
        out.checking = m.checks_in_flight > 0;
        out.requested = m.check_requested;
        out.next_check_at = to_seconds(m.next_check_at);
        out.rtt_ms = m.rtt_ms;
        out.checks = m.checks;
    }
}

} // namespace

Frame build_frame(const Simulation& sim, double trail_s) {
    if (!sim.trace().keeps_events())
        return build_frame_state(sim, trail_s);
    return build_frame(sim, sim.trace().events(), trail_s);
}

Frame build_frame(const Simulation& sim, TracePrefix events, double trail_s) {
    Frame f = build_frame_state(sim, trail_s);
    add_packets(f, sim, events, trail_s);
    // A headline stays about three seconds of wall time (trail_s is half a second's).
    f.caption = caption_for(sim, events, 6 * trail_s);
    if (f.shared)
        f.shared->last_mutation_at = last_mutation(sim, events, trail_s);
    return f;
}

Frame build_frame_state(const Simulation& sim, double trail_s) {
    Frame f;
    f.now = to_seconds(sim.now());
    f.scenario = sim.scenario().name;
    f.fidelity = race_window_label(sim.scenario());
    f.timing = sim.scenario().timing;
    f.strategy = sim.scenario().strategy;
    const HostTable& hosts = sim.hosts();
    for (const Server& s : sim.world().servers()) {
        MemberFrame m;
        m.host = hosts.name(s.host);
        m.role = s.role;
        m.up = s.up;
        m.cut_off = s.cut_off;
        m.arbiter = s.arbiter;
        m.ping_ms = s.ping_ms;
        m.in_flight = s.in_flight;
        m.ismaster_calls = s.ismaster_calls;
        f.members.push_back(m);
    }
    for (std::size_t i = 0; i < hosts.size(); ++i)
        f.host_names.push_back(hosts.name(static_cast<HostId>(i)));
    f.election_pending = sim.world().election_pending();
    f.election_at = to_seconds(sim.world().election_at());

    const Client& client = sim.client();
    if (const StateHeap* heap = client.heap()) {
        HeapFrame& h = f.heap.emplace();
        h.current_version = heap->current_version();
        h.reclaimed_total = client.metrics().states_reclaimed;
        // Current first, then versions still held, then a few just freed (newest first):
        // the heap shows what is alive, and reclamation as it happens.
        const auto& records = heap->records();
        const SimTime horizon = sim.now() - from_seconds(trail_s);
        constexpr int kFreedShown = 3;
        std::vector<VersionFrame> held, freed;
        for (int v = static_cast<int>(records.size()); v >= 1; --v) {
            const VersionRecord& r = records[static_cast<std::size_t>(v - 1)];
            if (v == heap->current_version())
                h.versions.push_back(version_frame(*heap, v, hosts));
            else if (r.live())
                held.push_back(version_frame(*heap, v, hosts));
            else if (r.reclaimed_at >= horizon && static_cast<int>(freed.size()) < kFreedShown)
                freed.push_back(version_frame(*heap, v, hosts));
        }
        h.versions.insert(h.versions.end(), held.begin(), held.end());
        h.versions.insert(h.versions.end(), freed.begin(), freed.end());
    }
    if (const SharedMembers* shared = client.shared()) {
        SharedDictFrame& d = f.shared.emplace();
        for (const Member& m : shared->members())
            d.members.push_back(member_line(m, hosts));
        if (auto p = shared->primary())
            d.primary = hosts.name(*p);
        d.guard = shared_dict_guard(f.strategy);
    }
    const auto& threads = client.threads();
    f.monitor = threads.front();
    f.threads.assign(threads.begin() + 1, threads.end());
    f.monitor_wake_at = to_seconds(client.monitor_wake_at());
    if (const auto* sdam = dynamic_cast<const SdamClient*>(&client))
        add_server_monitors(f, *sdam);
    f.metrics = client.metrics();
    return f;
}

} // namespace wn::ui
