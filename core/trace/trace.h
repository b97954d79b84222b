#pragma once

#include "sim/sha256.h"
#include "sim/time.h"
#include "trace/block_log.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace wn {

/// Who did something. Application threads are 1..N; the rest are fixed negative ids.
using ActorId = std::int32_t;
constexpr ActorId kActorMonitor = 0;
constexpr ActorId kActorWorld = -1;    // the servers: elections, syncing
constexpr ActorId kActorScenario = -2; // the scenario's fault timeline
constexpr ActorId kActorUser = -3;     // a click in the GUI
constexpr ActorId kActorClient = -4;   // the client's `rsstate` attribute, as a reference holder

/// Every kind of thing the trace records; `a` and `b` are documented per kind.
enum class EventKind : std::uint8_t {
    // An application thread's operation.
    OpBegin,          // a: OpKind
    ReadRef,          // rsstate = self.rsstate; a: version copied
    ReadPrimary,      // host = self.primary; a: host or -1
    LookupMember,     // self.members[host]; a: host; b: 1 found, 0 KeyError
    SendBegin,        // a: host; b: OpKind
    SendEnd,          // a: host; b: 1 ok, 0 socket error, 2 "not master"
    OpEnd,            // a: ErrorKind (0: ok); b: OpKind
    ScheduleRefresh,  // monitor.schedule_refresh()
    WaitRefreshBegin, // monitor.wait_for_refresh(timeout); b: timeout in us
    WaitRefreshEnd,   // a: 1 refreshed, 0 timed out
    LockWait,         // a: 0 exclusive, 1 shared
    LockAcquire,      // a: 0 exclusive, 1 shared; b: us waited
    LockRelease,      // a: 0 exclusive, 1 shared
    // refresh() and its ismaster calls, by any actor.
    RefreshBegin,  // b: refreshes now in flight
    RefreshEnd,    // a: ErrorKind; b: writer host or -1
    IsMasterBegin, // a: host
    IsMasterEnd,   // a: host; b: IsMasterOutcome
    MonitorWake,   // a: 1 woken by schedule_refresh(), 0 by its timer
    RefreshedSet,  // monitor.refreshed.set(): waiters released; b: waiters
    // RSState versions (wasp).
    Publish, // a: new version; b: version it replaced
    Acquire, // a: version
    Release, // a: version
    Reclaim, // a: version (reference count reached zero)
    // The shared mutable state (naive, mutex, rwlock).
    MemberPut,     // self.members[host] = Member(...); a: host; b: pool id
    MemberPop,     // self.members.pop(host); a: host
    PrimaryAssign, // self.primary = host; a: host or -1
    // The servers.
    ServerDown,    // a: host
    ServerUp,      // a: host
    CutOff,        // a: host
    Restore,       // a: host
    PingSet,       // a: host; b: base ping in us
    MemberAdded,   // a: host
    MemberRemoved, // a: host
    StepDown,      // a: host
    ElectionBegin, // a: -1
    Elected,       // a: host
    NoPrimary,     // a: 1 no majority, 0 no electable member
    Synced,        // a: host (an added member finished its initial sync)
    // Appended last so the codes of the kinds above stay as they were.
    KeyErrorCause,   // right after a failed lookup; a: KeyErrorCause; b: the actor who caused it
    PowerOff,        // a: host (packets to it vanish; the machine is down)
    Isolate,         // a: host (cut off from the other members)
    Heal,            // a: host
    CheckRequest,    // sdam: an immediate check of `a` requested (a: host or -1 for all)
    SelectWaitBegin, // sdam: no suitable server; b: time left in us
    SelectWaitEnd,   // sdam: a: 1 a new description came, 0 timed out
    TopologyApplied, // sdam: a: host whose description was applied; b: new ServerType
    // Races played by hand (user actions on one thread; the actor is that thread).
    ThreadPaused,  // it will stop at its next interleaving point
    ThreadParked,  // it stopped there; a: CodePoint of the line it runs next
    ThreadResumed, // a: 1 it was stopped at a line (it runs that line now), 0 not yet
    ThreadStepped, // one line run, then stopped again; a: CodePoint of that line
    Count
};
const char* event_kind_name(EventKind kind);

enum class OpKind : std::int32_t { Write = 0, Read = 1 };
enum class ErrorKind : std::int32_t {
    None = 0,
    KeyError,
    AutoReconnect,
    ConfigurationError,
    ServerSelectionTimeout, // sdam: no suitable server within serverSelectionTimeoutMS
};
const char* error_kind_name(ErrorKind kind);
/// Why `self.members[self.primary]` raised KeyError: what changed between which two steps
/// of the thread that raised it.
enum class KeyErrorCause : std::int32_t {
    Unknown = 0,
    /// Between `if self.primary` and `self.members[self.primary]`, a refresh that found no
    /// primary set self.primary = None: the lookup was self.members[None].
    PrimaryClearedByRefresh = 1,
    /// The same, but by disconnect() after another thread's failed operation.
    PrimaryClearedByDisconnect = 2,
    /// Between reading self.primary and the lookup, a refresh popped that member.
    MemberPoppedBetween = 3,
    /// A refresh in progress had popped the member before self.primary was read, and had not
    /// yet reassigned self.primary.
    MemberPoppedBefore = 4,
};
const char* key_error_cause_name(KeyErrorCause cause);

enum class IsMasterOutcome : std::int32_t { Failed = 0, Primary, Secondary, Other, WrongSet };

struct TraceEvent {
    SimTime time;
    ActorId actor;
    EventKind kind;
    std::int32_t a;
    std::int64_t b;
};

/// The kept events, in fixed-size blocks indexed from the start of the run (see BlockLog:
/// with a cap, events before first() have been dropped).
using TraceEvents = BlockLog<TraceEvent>;

/// The run's event trace: hashed as it is written (so the fingerprint costs no memory and
/// covers every event) and kept in memory only when a viewer or an export needs it; a
/// viewer keeps at most `kept_cap` of the newest events, an export all of them.
class Trace {
public:
    explicit Trace(bool keep_events, std::size_t kept_cap = TraceEvents::kUnbounded)
        : m_keep(keep_events), m_events(kept_cap) {}

    void record(SimTime t, ActorId actor, EventKind kind, std::int32_t a = 0, std::int64_t b = 0) {
        if (m_keep)
            m_events.push_back(TraceEvent{t, actor, kind, a, b});
        encode(t, actor, kind, a, b);
        ++m_count;
    }

    std::uint64_t count() const { return m_count; }
    /// Unique to this trace object in the process (a copy gets its own): a reader that
    /// folds the trace between calls tells a new run from the one it followed, even when
    /// the new one lives at the same address.
    std::uint64_t serial() const { return m_serial.value; }
    bool keeps_events() const { return m_keep; }
    const TraceEvents& events() const { return m_events; }
    /// Events from index `index` on are kept whatever the cap, until the hold moves on: a
    /// reader that folds the trace incrementally (markers, charts) loses nothing.
    void hold_from(std::size_t index) const { m_events.hold_from(index); }
    /// SHA-256 of the canonical binary encoding of every event so far.
    std::string sha256() const;

private:
    void encode(SimTime t, ActorId actor, EventKind kind, std::int32_t a, std::int64_t b);
    static std::uint64_t zigzag(std::int64_t v) {
        return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
    }

    struct Serial {
        std::uint64_t value = next();
        Serial() = default;
        Serial(const Serial&) : value(next()) {}
        Serial& operator=(const Serial&) {
            value = next();
            return *this;
        }
        static std::uint64_t next() {
            static std::atomic<std::uint64_t> counter{0};
            return ++counter;
        }
    };

    Serial m_serial;
    bool m_keep;
    mutable TraceEvents m_events; // mutable: a reader's hold is no change to the trace
    std::uint64_t m_count = 0;
    SimTime m_last_time = 0;
    Sha256 m_hash;
    std::uint8_t m_buf[4096];
    std::size_t m_len = 0;
};

} // namespace wn
