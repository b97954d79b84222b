#include "ui/model/caption.h"

#include "simulation.h"
#include "ui/model/code_listing.h"
#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace wn::ui {
namespace {

/// "12.500 s", its unit held to the number by a no-break space: a narrow pane's headline
/// wraps before the time, never between the number and its unit.
std::string seconds(SimTime t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f\u00a0s", to_seconds(t));
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
    return key_error_text(sim, sim.trace().events(), e);
}

std::string key_error_text(const Simulation& sim, TracePrefix events, const TraceEvent& e) {
    const std::string victim = actor_label(e.actor);
    const auto by = static_cast<ActorId>(e.b);
    // The failed lookup is recorded just before its cause; it names the host looked up.
    std::string looked_up = "the member";
    std::size_t i = events.size();
    while (i > events.first() && !(events[i - 1].time == e.time && events[i - 1].actor == e.actor &&
                                   events[i - 1].kind == e.kind))
        --i;
    if (i > events.first() + 1 && events[i - 2].kind == EventKind::LookupMember &&
        events[i - 2].actor == e.actor)
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

/// The quoted Python line of `point` under the run's strategy, trimmed: "if self.__writer:".
std::string quoted_line(const Simulation& sim, std::int32_t point) {
    const CodeListing listing = code_listing(sim.scenario().strategy);
    const int line = code_line(listing, static_cast<CodePoint>(point));
    if (line < 0)
        return "";
    const std::string& text = listing.lines[static_cast<std::size_t>(line)];
    return text.substr(std::min(text.find_first_not_of(' '), text.size()));
}

bool may_narrate(EventKind kind) {
    switch (kind) {
    case EventKind::ThreadParked:
    case EventKind::ThreadResumed:
    case EventKind::ServerDown:
    case EventKind::PowerOff:
    case EventKind::ServerUp:
    case EventKind::CutOff:
    case EventKind::Restore:
    case EventKind::StepDown:
    case EventKind::ElectionBegin:
    case EventKind::Elected:
    case EventKind::NoPrimary:
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::Synced:
    case EventKind::PingSet:
    case EventKind::Publish:
    case EventKind::Reclaim:
    case EventKind::KeyErrorCause:
    case EventKind::RefreshBegin:
    case EventKind::MonitorWake:
    case EventKind::RefreshedSet:
    case EventKind::MemberPop:
    case EventKind::PrimaryAssign:
        return true;
    default:
        return false;
    }
}

std::string narrate(const Simulation& sim, const TraceEvent& e) {
    return narrate(sim, sim.trace().events(), e);
}

std::string narrate(const Simulation& sim, TracePrefix events, const TraceEvent& e) {
    const std::string who = actor_label(e.actor);
    switch (e.kind) {
    case EventKind::ThreadParked: {
        const std::string line = quoted_line(sim, e.a);
        return who + " is paused by hand" + (line.empty() ? "" : ", before " + line) +
               "; the others run on.";
    }
    case EventKind::ThreadResumed:
        return who + " resumes.";
    case EventKind::ServerDown:
        return host(sim, e.a) + " dies: killed at t=" + seconds(e.time) + ".";
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
        return key_error_text(sim, events, e);
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

std::string plain_text(const Simulation& sim, const TraceEvent& e) {
    const std::string who = e.actor == kActorMonitor ? "The monitor" : actor_label(e.actor);
    const char* op = e.b == static_cast<int>(OpKind::Read) ? "read" : "write";
    switch (e.kind) {
    case EventKind::OpBegin:
        return who + " starts a " +
               (e.a == static_cast<int>(OpKind::Read) ? std::string("read.") : "write.");
    case EventKind::ReadRef:
        return who + " copies the reference to RSState v" + std::to_string(e.a) +
               " (rsstate = self.rsstate).";
    case EventKind::ReadPrimary:
        return who + " reads self.primary: " + host(sim, e.a) + ".";
    case EventKind::LookupMember:
        return who + " looks up " + host(sim, e.a) +
               " in self.members: " + (e.b ? "found." : "KeyError.");
    case EventKind::SendBegin:
        return who + " sends a " + op + " to " + host(sim, e.a) + ".";
    case EventKind::SendEnd:
        return who + "'s request to " + host(sim, e.a) + " returns: " +
               (e.b == 1   ? "ok."
                : e.b == 2 ? "\"not master\"."
                           : "socket error.");
    case EventKind::OpEnd:
        return who + "'s " + (e.b == static_cast<int>(OpKind::Read) ? "read" : "write") +
               (e.a == 0
                    ? " succeeds."
                    : std::string(" fails: ") + error_kind_name(static_cast<ErrorKind>(e.a)) + ".");
    case EventKind::ScheduleRefresh:
        return who + " calls schedule_refresh().";
    case EventKind::WaitRefreshBegin:
        return who + " waits for the monitor's refresh.";
    case EventKind::WaitRefreshEnd:
        return who + (e.a ? " wakes: the monitor refreshed." : " stops waiting: timed out.");
    case EventKind::LockWait:
        return who + " waits for the lock.";
    case EventKind::LockAcquire:
        return who + " takes the lock.";
    case EventKind::LockRelease:
        return who + " releases the lock.";
    case EventKind::RefreshBegin:
        return who + " starts refresh().";
    case EventKind::RefreshEnd:
        return who + " finishes refresh(): " +
               (e.b >= 0 ? host(sim, e.b) + " is primary." : std::string("no primary."));
    case EventKind::IsMasterBegin:
        return who + " asks " + host(sim, e.a) + " ismaster.";
    case EventKind::IsMasterEnd:
        return host(sim, e.a) + " answers " + who + "'s ismaster" +
               (e.b == static_cast<int>(IsMasterOutcome::Failed)    ? ": no answer."
                : e.b == static_cast<int>(IsMasterOutcome::Primary) ? ": primary."
                                                                    : ".");
    case EventKind::Acquire:
        return who + " takes a reference to RSState v" + std::to_string(e.a) + ".";
    case EventKind::Release:
        return who + " drops its reference to RSState v" + std::to_string(e.a) + ".";
    case EventKind::MemberPut:
        return who + " puts " + host(sim, e.a) + " into self.members.";
    default: {
        std::string name = event_kind_name(e.kind);
        for (char& c : name)
            if (c == '_')
                c = ' ';
        return who + ": " + name + ".";
    }
    }
}

namespace {

bool is_world_event(EventKind kind) {
    return (kind >= EventKind::ServerDown && kind <= EventKind::Synced) ||
           kind == EventKind::PowerOff || kind == EventKind::Isolate || kind == EventKind::Heal;
}

/// What happened at the instant of events[end - 1] (up to it): faults first (the cause),
/// then what followed, two sentences at most; with `plain`, the last event is told in
/// plain words when nothing notable happened.
std::string instant_text(const Simulation& sim, TracePrefix events, std::size_t end, bool plain) {
    const SimTime t = events[end - 1].time;
    std::vector<std::string> world, other;
    std::size_t i = end;
    for (int scanned = 0; i > events.first() && events[i - 1].time == t && scanned < 100000;
         --i, ++scanned) {
        if (!may_narrate(events[i - 1].kind))
            continue;
        std::string text = narrate(sim, events, events[i - 1]);
        if (text.empty())
            continue;
        auto& into = is_world_event(events[i - 1].kind) ? world : other;
        into.insert(into.begin(), std::move(text));
    }
    world.insert(world.end(), other.rbegin(), other.rend()); // then the newest of the rest
    std::string text;
    for (std::size_t k = 0; k < world.size() && k < 2; ++k)
        if (text.find(world[k]) == std::string::npos)
            text += (text.empty() ? "" : " ") + world[k];
    if (text.empty() && plain)
        text = plain_text(sim, events[end - 1]);
    return text;
}

/// The run as it stands when nothing notable happened lately.
std::string state_text(const Simulation& sim) {
    const SimTime wake_at = sim.client().monitor_wake_at();
    const std::string wake = wake_at > sim.now()
                                 ? "; the monitor's next refresh is at t=" + seconds(wake_at) + "."
                                 : ".";
    if (const auto p = sim.world().primary())
        return "Quiet: " + sim.hosts().name(*p) + " is primary" + wake;
    return "No primary: the members are electing one" + wake;
}

} // namespace

std::string caption_for(const Simulation& sim, double recent_s) {
    return caption_for(sim, sim.trace().events(), recent_s);
}

std::string caption_for(const Simulation& sim, TracePrefix events, double recent_s) {
    if (events.empty())
        return state_text(sim);
    const SimTime now = sim.now();
    // The clock stands on an event (a step ran it, or a jump landed on a marker): tell it.
    if (events.back().time == now)
        return instant_text(sim, events, events.size(), true);
    // Otherwise the newest notable event of the last moments, bounded so painting stays
    // cheap (about 30 s of a 1000-thread run).
    const SimTime horizon = now - from_seconds(recent_s);
    const std::size_t stop =
        std::max(events.first(), events.size() > 300000 ? events.size() - 300000 : 0);
    for (std::size_t i = events.size(); i > stop && events[i - 1].time >= horizon; --i)
        if (may_narrate(events[i - 1].kind) && !narrate(sim, events, events[i - 1]).empty())
            return instant_text(sim, events, i, false);
    return state_text(sim);
}

} // namespace wn::ui
