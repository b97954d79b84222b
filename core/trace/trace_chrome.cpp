#include "trace/trace_chrome.h"

#include "simulation.h"
#include "trace/trace_json.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace wn {
namespace {

constexpr int kClientPid = 1;
constexpr int kServersPid = 2;
// Tracks of the client process that are not application threads (whose tid is their id).
constexpr int kMonitorTid = 1000000;
constexpr int kClientAttrTid = 1000001;
constexpr int kScenarioTid = 1000002;
constexpr int kUserTid = 1000003;
// The replica set's own track (elections), before one track per server.
constexpr int kReplicaSetTid = 0;

struct Track {
    int pid;
    int tid;
    bool operator<(const Track& o) const { return pid != o.pid ? pid < o.pid : tid < o.tid; }
};

Track actor_track(ActorId actor) {
    switch (actor) {
    case kActorMonitor:
        return {kClientPid, kMonitorTid};
    case kActorWorld:
        return {kServersPid, kReplicaSetTid};
    case kActorScenario:
        return {kClientPid, kScenarioTid};
    case kActorUser:
        return {kClientPid, kUserTid};
    case kActorClient:
        return {kClientPid, kClientAttrTid};
    default:
        return {kClientPid, actor};
    }
}

Track server_track(std::int32_t host) {
    return {kServersPid, host + 1};
}

/// Events about one server go to that server's track, whoever caused them.
bool is_server_event(EventKind kind) {
    switch (kind) {
    case EventKind::ServerDown:
    case EventKind::PowerOff:
    case EventKind::ServerUp:
    case EventKind::CutOff:
    case EventKind::Restore:
    case EventKind::PingSet:
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::StepDown:
    case EventKind::Elected:
    case EventKind::Synced:
        return true;
    default:
        return false;
    }
}

/// What opens a slice, and the event kind that closes it.
struct SliceKind {
    const char* name;
    EventKind end;
};

std::optional<SliceKind> slice_begin(const TraceEvent& e) {
    switch (e.kind) {
    case EventKind::OpBegin:
        return SliceKind{e.a == 0 ? "write" : "read", EventKind::OpEnd};
    case EventKind::RefreshBegin:
        return SliceKind{"refresh()", EventKind::RefreshEnd};
    case EventKind::IsMasterBegin:
        return SliceKind{"ismaster", EventKind::IsMasterEnd};
    case EventKind::SendBegin:
        return SliceKind{"send", EventKind::SendEnd};
    case EventKind::WaitRefreshBegin:
        return SliceKind{"wait_for_refresh", EventKind::WaitRefreshEnd};
    case EventKind::LockWait:
        return SliceKind{e.a == 1 ? "lock wait (shared)" : "lock wait (exclusive)",
                         EventKind::LockAcquire};
    default:
        return std::nullopt;
    }
}

bool is_slice_end(EventKind kind) {
    return kind == EventKind::OpEnd || kind == EventKind::RefreshEnd ||
           kind == EventKind::IsMasterEnd || kind == EventKind::SendEnd ||
           kind == EventKind::WaitRefreshEnd || kind == EventKind::LockAcquire;
}

const char* instant_name(EventKind kind) {
    switch (kind) {
    case EventKind::Publish:
        return "publish";
    case EventKind::Reclaim:
        return "reclaim";
    case EventKind::ServerDown:
        return "server down (killed)";
    case EventKind::PowerOff:
        return "power off";
    case EventKind::ServerUp:
        return "server up";
    case EventKind::CutOff:
        return "cut off";
    case EventKind::Restore:
        return "restored";
    case EventKind::StepDown:
        return "step down";
    case EventKind::ElectionBegin:
        return "election";
    case EventKind::Elected:
        return "elected";
    case EventKind::NoPrimary:
        return "no primary";
    case EventKind::MemberAdded:
        return "member added";
    case EventKind::MemberRemoved:
        return "member removed";
    case EventKind::Synced:
        return "synced";
    case EventKind::KeyErrorCause:
        return "KeyError cause";
    case EventKind::ScheduleRefresh:
        return "schedule_refresh()";
    case EventKind::MonitorWake:
        return "monitor wakes";
    case EventKind::RefreshedSet:
        return "refreshed.set()";
    case EventKind::ThreadPaused:
        return "paused by hand";
    case EventKind::ThreadParked:
        return "stopped at a line";
    case EventKind::ThreadResumed:
        return "resumed";
    case EventKind::ThreadStepped:
        return "stepped one line";
    default:
        return nullptr;
    }
}

class ChromeWriter {
public:
    ChromeWriter(const Simulation& sim, std::ostream& out) : m_sim(sim), m_out(out) {}

    void write() {
        const auto& events = m_sim.trace().events();
        find_first_reads(events);
        m_out << "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"scenario\":"
              << nlohmann::json(m_sim.scenario().name).dump() << ",\"strategy\":\""
              << strategy_name(m_sim.scenario().strategy) << "\",\"seed\":" << m_sim.scenario().seed
              << ",\"trace_sha256\":\"" << m_sim.trace().sha256()
              << "\",\"time_unit\":\"virtual microseconds\"},"
              << "\"traceEvents\":[\n";
        write_metadata();
        for (const TraceEvent& e : events)
            write_event(e);
        // Slices still open when the run stopped end with it.
        const SimTime end = events.empty() ? 0 : events.back().time;
        for (auto& [track, stack] : m_open)
            while (!stack.empty()) {
                end_slice(track, end, {});
                stack.pop_back();
            }
        m_out << "\n]}\n";
    }

private:
    void begin_record() {
        m_out << (m_first ? "" : ",\n");
        m_first = false;
    }

    void common(const char* ph, const Track& t, SimTime ts) {
        m_out << "{\"ph\":\"" << ph << "\",\"pid\":" << t.pid << ",\"tid\":" << t.tid
              << ",\"ts\":" << ts;
    }

    void metadata(const char* name, int pid, int tid, const std::string& value) {
        begin_record();
        m_out << "{\"ph\":\"M\",\"name\":\"" << name << "\",\"pid\":" << pid << ",\"tid\":" << tid
              << ",\"args\":{\"name\":" << nlohmann::json(value).dump() << "}}";
    }
    void sort_index(int pid, int tid, int index) {
        begin_record();
        m_out << "{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":" << pid
              << ",\"tid\":" << tid << ",\"args\":{\"sort_index\":" << index << "}}";
    }

    void write_metadata() {
        metadata("process_name", kClientPid, 0,
                 std::string("client (") + strategy_name(m_sim.scenario().strategy) + ")");
        metadata("process_name", kServersPid, 0, "replica set");
        metadata("thread_name", kClientPid, kMonitorTid, "monitor");
        sort_index(kClientPid, kMonitorTid, 0);
        for (int i = 1; i <= m_sim.scenario().threads; ++i) {
            metadata("thread_name", kClientPid, i, actor_name(i));
            sort_index(kClientPid, i, i);
        }
        metadata("thread_name", kClientPid, kClientAttrTid, "client.rsstate");
        metadata("thread_name", kClientPid, kScenarioTid, "scenario");
        metadata("thread_name", kClientPid, kUserTid, "user");
        metadata("thread_name", kServersPid, kReplicaSetTid, "elections");
        for (std::size_t h = 0; h < m_sim.hosts().size(); ++h)
            metadata("thread_name", kServersPid, static_cast<int>(h) + 1,
                     m_sim.hosts().name(static_cast<HostId>(h)));
    }

    /// The first time each thread read each version: the heads of the flow arrows.
    void find_first_reads(const TraceEvents& events) {
        std::set<std::pair<std::int32_t, ActorId>> seen;
        for (const TraceEvent& e : events)
            if ((e.kind == EventKind::Acquire || e.kind == EventKind::ReadRef) && e.actor > 0 &&
                seen.insert({e.a, e.actor}).second)
                m_readers[e.a].push_back(e.actor);
    }

    void end_slice(const Track& t, SimTime ts, const nlohmann::json& args) {
        begin_record();
        common("E", t, ts);
        if (!args.empty())
            m_out << ",\"args\":" << args.dump();
        m_out << "}";
    }

    void counter(const char* name, SimTime ts, long long value) {
        begin_record();
        common("C", {kClientPid, 0}, ts);
        m_out << ",\"name\":\"" << name << "\",\"args\":{\"value\":" << value << "}}";
    }

    void write_event(const TraceEvent& e) {
        const Track track =
            is_server_event(e.kind) && e.a >= 0 ? server_track(e.a) : actor_track(e.actor);
        const nlohmann::json args = event_payload(e, m_sim.hosts());
        if (const auto slice = slice_begin(e)) {
            begin_record();
            common("B", track, e.time);
            m_out << ",\"name\":\"" << slice->name << "\",\"cat\":\"" << event_kind_name(e.kind)
                  << "\"";
            if (!args.empty())
                m_out << ",\"args\":" << args.dump();
            m_out << "}";
            m_open[track].push_back(slice->end);
        } else if (is_slice_end(e.kind)) {
            // An end closes the innermost slice it belongs to, and any left open inside it.
            auto& stack = m_open[track];
            std::size_t depth = stack.size();
            while (depth > 0 && stack[depth - 1] != e.kind)
                --depth;
            if (depth > 0) {
                while (stack.size() > depth) {
                    end_slice(track, e.time, {});
                    stack.pop_back();
                }
                end_slice(track, e.time, args);
                stack.pop_back();
            }
        } else if (const char* name = instant_name(e.kind)) {
            begin_record();
            common("i", track, e.time);
            m_out << ",\"s\":\"t\",\"name\":\"" << name << "\",\"cat\":\""
                  << event_kind_name(e.kind) << "\"";
            if (!args.empty())
                m_out << ",\"args\":" << args.dump();
            m_out << "}";
        }
        if (e.kind == EventKind::Publish)
            publish(e, track);
        else if (e.kind == EventKind::Reclaim)
            counter("live versions", e.time, --m_live);
        else if (e.kind == EventKind::RefreshBegin)
            counter("refreshes in flight", e.time, ++m_in_flight);
        else if (e.kind == EventKind::RefreshEnd)
            counter("refreshes in flight", e.time, --m_in_flight);
        else if ((e.kind == EventKind::Acquire || e.kind == EventKind::ReadRef) && e.actor > 0)
            read_version(e, track);
    }

    void flow(const char* ph, const Track& t, SimTime ts, std::uint64_t id) {
        begin_record();
        common(ph, t, ts);
        m_out << ",\"name\":\"version\",\"cat\":\"publish\",\"id\":" << id;
        if (ph[0] == 'f')
            m_out << ",\"bp\":\"e\"";
        m_out << "}";
    }

    void publish(const TraceEvent& e, const Track& track) {
        counter("live versions", e.time, ++m_live);
        const auto it = m_readers.find(e.a);
        if (it == m_readers.end())
            return;
        for (ActorId reader : it->second) {
            const std::uint64_t id = ++m_next_flow;
            m_pending_flow[{e.a, reader}] = id;
            flow("s", track, e.time, id);
        }
    }

    void read_version(const TraceEvent& e, const Track& track) {
        const auto it = m_pending_flow.find({e.a, e.actor});
        if (it == m_pending_flow.end())
            return;
        flow("f", track, e.time, it->second);
        m_pending_flow.erase(it);
    }

    const Simulation& m_sim;
    std::ostream& m_out;
    bool m_first = true;
    std::map<Track, std::vector<EventKind>> m_open;
    std::map<std::int32_t, std::vector<ActorId>> m_readers;
    std::map<std::pair<std::int32_t, ActorId>, std::uint64_t> m_pending_flow;
    std::uint64_t m_next_flow = 0;
    long long m_live = 0;
    long long m_in_flight = 0;
};

} // namespace

void write_trace_chrome(const Simulation& sim, std::ostream& out) {
    ChromeWriter(sim, out).write();
}

} // namespace wn
