#include "trace/trace_json.h"

#include "simulation.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace wn {
std::string actor_name(ActorId actor) {
    switch (actor) {
    case kActorMonitor:
        return "monitor";
    case kActorWorld:
        return "replica-set";
    case kActorScenario:
        return "scenario";
    case kActorUser:
        return "user";
    case kActorClient:
        return "client";
    default:
        return "thread-" + std::to_string(actor);
    }
}

namespace {

/// Names the generic a/b payload by what it means for this kind of event.
void add_payload(nlohmann::json& e, const TraceEvent& ev, const HostTable& hosts) {
    auto host = [&](std::int64_t id) {
        return id < 0 ? nlohmann::json(nullptr)
                      : nlohmann::json(hosts.name(static_cast<HostId>(id)));
    };
    switch (ev.kind) {
    case EventKind::OpBegin:
        e["op"] = ev.a == 0 ? "write" : "read";
        break;
    case EventKind::OpEnd:
        e["result"] = error_kind_name(static_cast<ErrorKind>(ev.a));
        e["op"] = ev.b == 0 ? "write" : "read";
        break;
    case EventKind::ReadRef:
    case EventKind::Acquire:
    case EventKind::Release:
    case EventKind::Reclaim:
        e["version"] = ev.a;
        break;
    case EventKind::Publish:
        e["version"] = ev.a;
        e["replaces"] = ev.b;
        break;
    case EventKind::ReadPrimary:
    case EventKind::PrimaryAssign:
        e["host"] = host(ev.a);
        break;
    case EventKind::LookupMember:
        e["host"] = host(ev.a);
        e["found"] = ev.b == 1;
        break;
    case EventKind::SendBegin:
        e["host"] = host(ev.a);
        e["op"] = ev.b == 0 ? "write" : "read";
        break;
    case EventKind::SendEnd:
        e["host"] = host(ev.a);
        e["ok"] = ev.b == 1;
        if (ev.b == 2)
            e["error"] = "not master";
        break;
    case EventKind::IsMasterBegin:
        e["host"] = host(ev.a);
        break;
    case EventKind::IsMasterEnd: {
        static const char* const outcomes[] = {"failed", "primary", "secondary", "other",
                                               "wrong_set"};
        e["host"] = host(ev.a);
        e["reply"] = outcomes[ev.b];
        break;
    }
    case EventKind::RefreshBegin:
        e["in_flight"] = ev.b;
        break;
    case EventKind::RefreshEnd:
        e["result"] = error_kind_name(static_cast<ErrorKind>(ev.a));
        e["writer"] = host(ev.b);
        break;
    case EventKind::WaitRefreshBegin:
        e["timeout_s"] = to_seconds(ev.b);
        break;
    case EventKind::WaitRefreshEnd:
        e["refreshed"] = ev.a == 1;
        break;
    case EventKind::LockWait:
    case EventKind::LockRelease:
        e["mode"] = ev.a == 1 ? "shared" : "exclusive";
        break;
    case EventKind::LockAcquire:
        e["mode"] = ev.a == 1 ? "shared" : "exclusive";
        e["waited_s"] = to_seconds(ev.b);
        break;
    case EventKind::MonitorWake:
        e["by"] = ev.a == 1 ? "schedule_refresh" : "timer";
        break;
    case EventKind::RefreshedSet:
        e["waiters"] = ev.b;
        break;
    case EventKind::MemberPut:
        e["host"] = host(ev.a);
        e["pool"] = ev.b;
        break;
    case EventKind::PingSet:
        e["host"] = host(ev.a);
        e["ping_ms"] = static_cast<double>(ev.b) / kMicrosPerMs;
        break;
    case EventKind::ElectionBegin:
        e["decides_at"] = to_seconds(ev.b);
        break;
    case EventKind::NoPrimary:
        e["reason"] = ev.a == 1 ? "no majority" : "no electable member";
        break;
    case EventKind::MemberPop:
    case EventKind::ServerDown:
    case EventKind::ServerUp:
    case EventKind::CutOff:
    case EventKind::Restore:
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::StepDown:
    case EventKind::Elected:
    case EventKind::Synced:
    case EventKind::Isolate:
    case EventKind::Heal:
    case EventKind::CheckRequest:
        e["host"] = host(ev.a);
        break;
    case EventKind::KeyErrorCause:
        e["cause"] = key_error_cause_name(static_cast<KeyErrorCause>(ev.a));
        e["by"] = actor_name(static_cast<ActorId>(ev.b));
        break;
    case EventKind::PowerOff:
        e["host"] = host(ev.a);
        break;
    case EventKind::SelectWaitBegin:
        e["timeout_s"] = to_seconds(ev.b);
        break;
    case EventKind::SelectWaitEnd:
        e["new_description"] = ev.a == 1;
        break;
    case EventKind::TopologyApplied:
        e["host"] = host(ev.a);
        e["server_type"] = ev.b;
        break;
    case EventKind::ThreadParked:
    case EventKind::ThreadStepped:
        e["line"] = code_point_name(static_cast<CodePoint>(ev.a));
        break;
    case EventKind::ThreadResumed:
        e["was_stopped"] = ev.a == 1;
        break;
    case EventKind::ThreadPaused:
    case EventKind::ScheduleRefresh:
    case EventKind::Count:
        break;
    }
}

} // namespace

nlohmann::json event_payload(const TraceEvent& event, const HostTable& hosts) {
    nlohmann::json payload = nlohmann::json::object();
    add_payload(payload, event, hosts);
    return payload;
}

void write_trace_json(const Simulation& sim, std::ostream& out) {
    nlohmann::json hosts = nlohmann::json::array();
    for (std::size_t i = 0; i < sim.hosts().size(); ++i)
        hosts.push_back(sim.hosts().name(static_cast<HostId>(i)));
    out << "{\"scenario\":" << nlohmann::json(sim.scenario().name).dump() << ",\"strategy\":\""
        << strategy_name(sim.scenario().strategy) << "\",\"seed\":" << sim.scenario().seed
        << ",\"hosts\":" << hosts.dump() << ",\"trace_sha256\":\"" << sim.trace().sha256()
        << "\",\"events\":[\n";
    bool first = true;
    for (const TraceEvent& ev : sim.trace().events()) {
        nlohmann::json e;
        e["t"] = to_seconds(ev.time);
        e["actor"] = actor_name(ev.actor);
        e["kind"] = event_kind_name(ev.kind);
        add_payload(e, ev, sim.hosts());
        out << (first ? "" : ",\n") << e.dump();
        first = false;
    }
    out << "\n]}\n";
}

} // namespace wn
