#include "ui/model/frame.h"

#include "ui/model/frame_builder.h"

#include "client/sdam_client.h"
#include "simulation.h"
#include "ui/model/caption.h"
#include "ui/model/scene_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>

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
        // Built in two steps: GCC 12 warns (-Wrestrict, wrongly) on "T" + std::to_string().
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
    return FrameBuilder().build(sim, trail_s);
}

Frame FrameBuilder::build(const Simulation& sim, double trail_s) {
    if (!sim.trace().keeps_events())
        return build_frame_state(sim, trail_s);
    return build(sim, sim.trace().events(), sim.trace().serial(), trail_s);
}

Frame FrameBuilder::build(const Simulation& sim, TracePrefix events, std::uint64_t serial,
                          double trail_s) {
    Frame f = build_frame_state(sim, trail_s);
    m_packets.update(f, sim, events, serial, trail_s);
    // A headline stays about three seconds of wall time (trail_s is half a second's).
    f.caption = caption_for(sim, events, 6 * trail_s);
    return f;
}

FramePipeline::Key FramePipeline::key_of(const Simulation& sim, double trail_s) {
    return Key{&sim, sim.trace().serial(), sim.trace().count(), sim.entries(), sim.now(), trail_s};
}

void FramePipeline::build_ahead(const Simulation& sim, double trail_s) {
    m_ahead = m_builder.build(sim, trail_s);
    m_ahead_key = key_of(sim, trail_s);
}

void FramePipeline::offer(const Simulation& sim, double trail_s, Frame f) {
    m_ahead = std::move(f);
    m_ahead_key = key_of(sim, trail_s);
}

Frame FramePipeline::frame(const Simulation& sim, double trail_s) {
    std::optional<Frame> ahead = std::exchange(m_ahead, std::nullopt);
    if (ahead && m_ahead_key == key_of(sim, trail_s)) {
        ++m_taken;
        return std::move(*ahead);
    }
    return m_builder.build(sim, trail_s);
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
