#include "ui/model/caption.h"

#include "simulation.h"
#include "ui/model/frame.h"

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
    std::string text = who + " publishes RSState v" + std::to_string(e.a) + " by one swap";
    if (fresh.state) {
        if (auto w = fresh.state->writer())
            text += ": " + sim.hosts().name(*w) + " is primary.";
        else
            text += ": no primary (" + fresh.state->error_message() + ").";
    } else {
        text += ".";
    }
    if (e.actor != kActorMonitor)
        text = "Socket error! " + text;
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

} // namespace

std::string narrate(const Simulation& sim, const TraceEvent& e) {
    const std::string who = actor_label(e.actor);
    switch (e.kind) {
    case EventKind::ServerDown:
        return host(sim, e.a) + " bursts into flames (killed at t=" + seconds(e.time) + ").";
    case EventKind::ServerUp:
        return host(sim, e.a) + " is back up, as a secondary.";
    case EventKind::CutOff:
        return "A network partition cuts the client off from " + host(sim, e.a) + ".";
    case EventKind::Restore:
        return "The client can reach " + host(sim, e.a) + " again.";
    case EventKind::StepDown:
        return host(sim, e.a) + " steps down: the set has no primary until an election.";
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
        return "RSState v" + std::to_string(e.a) + " freed at t=" + seconds(e.time) + ": " + who +
               " dropped the last reference.";
    case EventKind::OpEnd:
        if (e.a == static_cast<int>(ErrorKind::KeyError))
            return "KeyError! " + who +
                   " read self.primary, then another thread's refresh changed self.members "
                   "before its lookup.";
        return "";
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
