#pragma once

#include "client/metrics.h"
#include "client/thread_state.h"
#include "model/hosts.h"
#include "scenario/scenario.h"
#include "trace/trace.h"
#include "world/server_role.h"

#include <optional>
#include <string>
#include <vector>

namespace wn {
class Simulation;
}

namespace wn::ui {

/// What a viewer needs of one member at one moment.
struct MemberFrame {
    std::string host;
    ServerRole role = ServerRole::Secondary;
    bool up = true;
    bool cut_off = false;
    bool arbiter = false;
    double ping_ms = 0;
    int in_flight = 0;
    std::int64_t ismaster_calls = 0;

    bool operator==(const MemberFrame&) const = default;
};

/// One server's own monitor (sdam): checking it now, or asleep until its next check.
struct ServerMonitorFrame {
    std::string address;
    bool checking = false;
    bool requested = false;   // an immediate check was asked for: it runs within 0.5 s
    double next_check_at = 0; // virtual seconds; meaningful while asleep
    std::optional<double> rtt_ms;
    std::int64_t checks = 0;

    bool operator==(const ServerMonitorFrame&) const = default;
};

/// One RSState version (wasp), live or reclaimed a moment ago.
struct VersionFrame {
    int version = 0;
    bool current = false;
    bool live = true;
    int refcount = 0;
    std::vector<ActorId> holders;
    ActorId built_by = kActorMonitor;
    std::string writer;                    // "" when none
    std::vector<std::string> member_lines; // "db1:27017  up  1.2 ms"
    std::string error;
    double published_at = 0;
    double reclaimed_at = -1;

    bool operator==(const VersionFrame&) const = default;
};

/// The versions of the client's state (wasp), in the order build_frame() states.
struct HeapFrame {
    std::vector<VersionFrame> versions;
    int current_version = 0; // what self.rsstate points at
    std::int64_t reclaimed_total = 0;

    bool operator==(const HeapFrame&) const = default;
};

/// The one mutable members dict every thread reads (naive, mutex, rwlock).
struct SharedDictFrame {
    std::vector<std::string> members; // "db1:27017  Primary  1.2 ms"
    std::string primary;              // "" for None
    double last_mutation_at = -1;     // -1: none within the trail
    std::string guard;                // "mutex-guarded": what protects it

    bool operator==(const SharedDictFrame&) const = default;
};

/// A request on the wire (or just answered), from a thread or the monitor to a member.
struct PacketFrame {
    ActorId from = 0;
    int member = -1; // index into Frame::members
    bool ismaster = false;
    double begin = 0;
    double end = -1; // -1: still in flight
    bool ok = true;

    bool operator==(const PacketFrame&) const = default;
};

/// A value snapshot of the simulated world at one virtual time: what the renderer paints.
/// Built from a Simulation, never pointing into it, so it can outlive the next step.
struct Frame {
    double now = 0;
    std::string scenario;
    StrategyKind strategy = StrategyKind::Wasp;
    /// How far the run departs from real timing: "race ×4000" (see docs/fidelity.md).
    std::string fidelity;
    TimingProfile timing = TimingProfile::Blog;
    std::vector<MemberFrame> members;
    std::vector<std::string> host_names; // by HostId, to name a thread's target
    bool election_pending = false;
    double election_at = 0;

    // What sits under the client box, decided by the strategy's data and not by its name:
    // a heap of immutable versions, or one dict mutated in place. Exactly one is set.
    std::optional<HeapFrame> heap;
    std::optional<SharedDictFrame> shared;

    std::vector<ThreadState> threads; // application threads 1..N
    ThreadState monitor;
    /// sdam only: one monitor per server, parallel to `members` (empty elsewhere).
    std::vector<ServerMonitorFrame> server_monitors;
    double monitor_wake_at = 0;
    std::vector<PacketFrame> packets;
    Metrics metrics;
    std::string caption;

    /// Index in `members` of `host`, or -1.
    int member_index(HostId host, const HostTable& hosts) const;

    /// Every field exactly (times as doubles, bit for bit): a frame drawn from a checkpoint
    /// equals the one a plain run to the same moment gives.
    bool operator==(const Frame&) const = default;
};

/// Snapshots `sim` at its current time. `trail_s` is how long (virtual seconds) finished
/// requests and reclaimed versions stay visible, so fast events can still be seen.
/// The heap's versions come in a fixed order: the current version first, then the other
/// live versions newest first, then versions freed within the trail (at most three), newest
/// first. A freed version may be newer than a live one and still comes after it.
Frame build_frame(const Simulation& sim, double trail_s);
/// Only what the engine's state gives (no packets, caption or last in-place write): what
/// build_frame() makes of a run that keeps no events.
Frame build_frame_state(const Simulation& sim, double trail_s);

/// Short labels used everywhere on screen: "T7", "monitor".
std::string actor_label(ActorId actor);
/// Who holds a version: as actor_label(), but the client's own reference is named as
/// `strategy` spells it ("client.rsstate", or "topology.description" under sdam).
std::string holder_label(ActorId actor, StrategyKind strategy);

} // namespace wn::ui
