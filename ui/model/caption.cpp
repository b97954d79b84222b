#include "ui/model/caption.h"

#include "simulation.h"
#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <cstdio>

namespace wn::ui {
namespace {

std::string seconds(SimTime t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f s", to_seconds(t));
    return buf;
}

std::string host(const Simulation& sim, std::int64_t id) {
    return id < 0 ? "None" : sim.hosts().name(static_cast<HostId>(id));
}

std::string holders_text(const std::vector<ActorId>& holders) {
    std::string text;
    int threads = 0;
    for (ActorId a : holders) {
        if (a == kActorClient)
            continue;
        if (threads < 4)
            text += (threads ? ", " : "") + actor_label(a);
        ++threads;
    }
    if (threads > 4)
        text += " and " + std::to_string(threads - 4) + " more";
    return text;
}

std::string publish_text(const Simulation& sim, const TraceEvent& e) {
    const StateHeap* heap = sim.client().heap();
    const VersionRecord& fresh = heap->record(e.a);
    std::string who = e.actor == kActorMonitor ? "The monitor" : "Thread " + actor_label(e.actor);
    std::string text = who + " publishes " + state_type_name(sim.client().strategy()) + " v" +
                       std::to_string(e.a) + " by one swap";
    if (fresh.state) {
        if (auto w = fresh.state->writer())
            text += ": " + sim.hosts().name(*w) + " is primary.";
        else
            text += ": no primary (" + fresh.state->error_message() + ").";
    } else {
        text += ".";
    }
    if (e.actor != kActorMonitor)
        text = "Operation failed (socket error or \"not master\")! " + text;
    if (e.b > 0) {
        const VersionRecord& old = heap->record(static_cast<int>(e.b));
        if (old.live() && old.refcount > 0)
            text +=
                " v" + std::to_string(e.b) + " is still held by " + holders_text(old.holders) + ".";
        else
            text += " v" + std::to_string(e.b) + " is freed.";
    }
    return text;
}

std::string refresh_by(ActorId actor) {
    return actor == kActorMonitor ? "the monitor's refresh"
                                  : "thread " + actor_label(actor) + "'s refresh";
}

} // namespace

std::string key_error_text(const Simulation& sim, const TraceEvent& e) {
    const std::string victim = actor_label(e.actor);
    const auto by = static_cast<ActorId>(e.b);
    // The failed lookup is recorded just before its cause; it names the host looked up.
    std::string looked_up = "the member";
    const auto& events = sim.trace().events();
    std::size_t i = events.size();
    while (i > 0 && !(events[i - 1].time == e.time && events[i - 1].actor == e.actor &&
                      events[i - 1].kind == e.kind))
        --i;
    if (i > 1 && events[i - 2].kind == EventKind::LookupMember && events[i - 2].actor == e.actor)
        looked_up = host(sim, events[i - 2].a);
    switch (static_cast<KeyErrorCause>(e.a)) {
    case KeyErrorCause::PrimaryClearedByRefresh:
        return "KeyError! " + victim + " checked self.primary, then " + refresh_by(by) +
               " found no primary and set self.primary = None before " + victim +
               "'s self.members[self.primary]: self.members[None].";
    case KeyErrorCause::PrimaryClearedByDisconnect:
        return "KeyError! " + victim + " checked self.primary, then thread " + actor_label(by) +
               "'s disconnect() after a failed operation set self.primary = None before " + victim +
               "'s self.members[self.primary]: self.members[None].";
    case KeyErrorCause::MemberPoppedBetween:
        return "KeyError! " + victim + " read self.primary = " + looked_up + ", then " +
               refresh_by(by) + " popped " + looked_up + " from self.members before " + victim +
               "'s lookup.";
    case KeyErrorCause::MemberPoppedBefore:
        return "KeyError! " + refresh_by(by) + " had popped " + looked_up +
               " from self.members and not yet replaced self.primary; " + victim +
               " read self.primary = " + looked_up + " and looked it up.";
    case KeyErrorCause::Unknown:
        break;
    }
    return "KeyError! " + victim + "'s self.members[self.primary] found no such member.";
}

std::string narrate(const Simulation& sim, const TraceEvent& e) {
    const std::string who = actor_label(e.actor);
    switch (e.kind) {
    case EventKind::ServerDown:
        return host(sim, e.a) + " bursts into flames (killed at t=" + seconds(e.time) + ").";
    case EventKind::PowerOff:
        return host(sim, e.a) + " loses power: packets to it vanish, nothing answers, not even a "
                                "refusal.";
    case EventKind::ServerUp:
        return host(sim, e.a) + " is back up, as a secondary.";
    case EventKind::CutOff:
        return "A network partition cuts the client off from " + host(sim, e.a) + ".";
    case EventKind::Restore:
        return "The client can reach " + host(sim, e.a) + " again.";
    case EventKind::StepDown:
        return host(sim, e.a) +
               " steps down and closes every client connection: no primary until an election.";
    case EventKind::ElectionBegin:
        return "No primary: the members hold an election (decided at t=" + seconds(e.b) + ").";
    case EventKind::Elected:
        return host(sim, e.a) + " wins the election and is the new primary.";
    case EventKind::NoPrimary:
        return e.a == 1 ? "No majority of members is up: nobody can be elected."
                        : "No electable member: the set stays without a primary.";
    case EventKind::MemberAdded:
        return "Reconfig: " + host(sim, e.a) + " joins the set and starts its initial sync.";
    case EventKind::MemberRemoved:
        return "Reconfig: " + host(sim, e.a) + " is removed from the set.";
    case EventKind::Synced:
        return host(sim, e.a) + " finished syncing and is a secondary.";
    case EventKind::PingSet:
        return host(sim, e.a) + "'s network now takes " + std::to_string(e.b / kMicrosPerMs) +
               " ms per round trip.";
    case EventKind::Publish:
        return sim.client().heap() ? publish_text(sim, e) : "";
    case EventKind::Reclaim:
        return std::string(state_type_name(sim.client().strategy())) + " v" + std::to_string(e.a) +
               " freed at t=" + seconds(e.time) + ": " +
               holder_label(e.actor, sim.client().strategy()) + " dropped the last reference.";
    case EventKind::KeyErrorCause:
        return key_error_text(sim, e);
    case EventKind::RefreshBegin:
        if (e.actor != kActorMonitor)
            return who + " found no primary and runs refresh() itself: " + std::to_string(e.b) +
                   (e.b == 1 ? " refresh" : " refreshes") + " in flight.";
        return "";
    case EventKind::MonitorWake:
        return e.a == 1 ? "schedule_refresh(): the monitor wakes early and refreshes once for "
                          "everyone."
                        : "The monitor's timer fires: a routine refresh.";
    case EventKind::RefreshedSet:
        return e.b > 0 ? "refreshed.set(): " + std::to_string(e.b) +
                             (e.b == 1 ? " waiting thread wakes" : " waiting threads wake") +
                             " and copies the new reference."
                       : "";
    case EventKind::MemberPop:
        return who + " pops " + host(sim, e.a) + " from the shared self.members, in place.";
    case EventKind::PrimaryAssign:
        return who + " sets self.primary = " + host(sim, e.a) + ", in place.";
    default:
        return "";
    }
}

std::string caption_for(const Simulation& sim) {
    const auto& events = sim.trace().events();
    // Look back a bounded distance (about 30 s of a 1000-thread run) so painting stays cheap.
    const std::size_t stop = events.size() > 300000 ? events.size() - 300000 : 0;
    for (std::size_t i = events.size(); i > stop; --i) {
        std::string text = narrate(sim, events[i - 1]);
        if (!text.empty())
            return text;
    }
    return "";
}

} // namespace wn::ui
