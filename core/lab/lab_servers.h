#pragma once

// The lab's replica set, simulated in process: db1..dbN, each up or down, at most one primary,
// with elections and restarts on the real clock. The monitor thread "asks" them by copying
// their status out under their own lock.

#include "lab/lab_clock.h"
#include "model/hosts.h"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace wn::lab {

/// Timings of the simulated replica set. Defaults suit the live lab; tests shorten them.
struct ServerTiming {
    /// After kill_primary(), how long the set goes without a primary before the next up member
    /// wins the election.
    std::chrono::microseconds election_delay{std::chrono::milliseconds(300)};
    /// How long a killed member stays down before it restarts as a secondary (0 = never).
    std::chrono::microseconds revive_after{std::chrono::seconds(3)};
};

/// The servers in process: db1..dbN on port 27017, each up or down, at most one primary.
/// Thread-safe: every call takes the servers' own mutex (the monitor copies status out).
class LabServers {
public:
    explicit LabServers(int members = 3, ServerTiming timing = {});
    LabServers(const LabServers&) = delete;
    LabServers& operator=(const LabServers&) = delete;

    struct Status {
        HostId host = kNoHost;
        bool up = false;
        bool primary = false;
    };

    /// Immutable after construction, so readable without the lock.
    const HostTable& host_table() const { return m_table; }
    const std::vector<HostId>& hosts() const { return m_hosts; }

    /// One server's status, copied under the lock.
    Status status(HostId host) const;
    std::optional<HostId> primary() const;
    /// Marks the primary down and schedules the election of the next up member after
    /// `election_delay`. Returns the killed host, or nothing when there is no primary (an
    /// election is already pending or every member is down).
    std::optional<HostId> kill_primary(Clock::time_point now);
    /// How many kills there have been; the monitor reads it before the refresh a kill wakes.
    std::uint64_t kills() const;
    /// The monitor has published a state that saw the first `kills` kills. Until it has seen
    /// the latest, no election is held: the state without the dead primary always comes first,
    /// however late the monitor thread is scheduled.
    void kills_published(std::uint64_t kills);
    /// Applies the elections and restarts due at `now`; returns true if any status changed.
    bool advance(Clock::time_point now);
    /// When advance() next has something to do (time_point::max() when nothing is pending).
    Clock::time_point next_event() const;

private:
    /// Makes the first up member after the last primary primary; false if none is up.
    bool elect_locked();

    const ServerTiming m_timing;
    HostTable m_table;
    std::vector<HostId> m_hosts;
    mutable std::mutex m_mu;
    std::vector<Status> m_status; // index = host id
    HostId m_last_primary = kNoHost;
    Clock::time_point m_election_at = Clock::time_point::max();
    std::uint64_t m_kills = 0;
    std::uint64_t m_kills_published = 0;
    std::vector<Clock::time_point> m_revive_at; // index = host id; max() = not scheduled
};

} // namespace wn::lab
