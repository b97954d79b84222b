#pragma once

#include "client/code_point.h"
#include "model/hosts.h"
#include "sim/time.h"
#include "trace/trace.h"

#include <cstdint>

namespace wn {

/// What a thread is doing now, as a viewer labels its lane.
enum class ThreadStep : std::uint8_t {
    Thinking,
    CopyingRef,        // rsstate = self.rsstate
    ReadingPrimary,    // host = self.primary
    LookingUp,         // self.members[host]
    Sending,           // a message on the wire to `target`
    WaitingForRefresh, // monitor.wait_for_refresh()
    BlockedOnLock,
    Refreshing, // inside refresh(), asking `target`
    Publishing, // self.rsstate = new_state
    Sleeping,   // the monitor between refreshes
    Failed,     // thinking after an error
    // sdam: no suitable server in the description it holds; waiting for a newer one.
    WaitingForSelection,
};
const char* thread_step_name(ThreadStep step);

/// Every step an application thread can be in (all but the monitor's Sleeping), in order.
inline constexpr ThreadStep kApplicationThreadSteps[] = {ThreadStep::Thinking,
                                                         ThreadStep::CopyingRef,
                                                         ThreadStep::ReadingPrimary,
                                                         ThreadStep::LookingUp,
                                                         ThreadStep::Sending,
                                                         ThreadStep::WaitingForRefresh,
                                                         ThreadStep::BlockedOnLock,
                                                         ThreadStep::Refreshing,
                                                         ThreadStep::Publishing,
                                                         ThreadStep::Failed,
                                                         ThreadStep::WaitingForSelection};

/// One simulated thread; index 0 of Client::threads() is the monitor, 1..N the application.
struct ThreadState {
    ActorId id = 0;
    ThreadStep step = ThreadStep::Thinking;
    SimTime since = 0;
    int held_version = 0; // the RSState version its local variable references; 0: none
    HostId target = kNoHost;
    OpKind op = OpKind::Write;
    ErrorKind last_error = ErrorKind::None;
    SimTime last_error_at = -1;
    std::int64_t ops_ok = 0;
    std::int64_t errors = 0;
    /// Paused by hand: it stops at its next interleaving point and stays there until
    /// resumed or stepped. `step` still says what it was doing.
    bool paused = false;
    /// Paused and stopped at an interleaving point: `point` is the line it runs next.
    bool parked = false;
    CodePoint point = CodePoint::None; // the line of its last (or current) interleaving point

    bool operator==(const ThreadState&) const = default;
};

} // namespace wn
