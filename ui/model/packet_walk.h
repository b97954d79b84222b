#pragma once

#include "ui/model/frame.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>
#include <vector>

namespace wn::ui {

/// The requests a frame draws (Frame::packets) and the shared dict's last in-place write,
/// folded from the trace and kept between frames: while the run only moves forward, each
/// call walks just the events since the last one. A new run, a step back or a longer trail
/// walks again from scratch. Either way the result is the same as a walk of every event
/// from the trail back over the connect timeout.
class PacketWalk {
public:
    /// Sets `f.packets` (and, when `f.shared` is set, its last_mutation_at) for `sim` at
    /// its current time; `f.members` must be set.
    void update(Frame& f, const Simulation& sim, double trail_s);
    /// As above over `events`, the kept trace as of sim.now() (a prefix of a longer run's
    /// when `sim` keeps none); `serial` names that trace, 0 when unknown (walks afresh).
    void update(Frame& f, const Simulation& sim, TracePrefix events, std::uint64_t serial,
                double trail_s);
    /// Forgets what it kept: the next update() walks from scratch.
    void reset();
    /// How many update() calls walked from scratch (a test checks both paths run).
    std::uint64_t rebuilds() const { return m_rebuilds; }

private:
    struct Open {
        std::size_t index; // of its begin event
        PacketFrame packet;
    };
    struct Closed {
        std::size_t begin_index;
        SimTime end;
        PacketFrame packet;
    };
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    void restart(std::size_t start);
    void walk(TracePrefix events, SimTime horizon);
    void prune(std::size_t start, SimTime horizon);

    std::uint64_t m_serial = 0; // the trace followed; 0: none yet
    SimTime m_now = 0;
    SimTime m_horizon = 0;
    std::size_t m_start = 0;      // first event of the walk
    std::size_t m_next = 0;       // next event to walk
    std::vector<int> m_member_of; // member index by host id, as of the walk
    /// Lowest begin index of a request closed while a later one of its actor and kind was
    /// also open: a walk starting after it would have closed the later one instead, so
    /// once the walk's start passes it, walking again from scratch is the only exact way.
    std::size_t m_ambiguous = kNone;
    std::uint64_t m_seq = 0;
    std::map<std::uint64_t, Open> m_open; // by sequence number, i.e. in order of begin
    std::unordered_map<std::int64_t, std::deque<std::uint64_t>> m_open_of; // (actor, kind)
    std::deque<Closed> m_closed;                                           // in order of end
    std::size_t m_last_mutation = kNone; // index of the newest in-place write walked
    std::uint64_t m_rebuilds = 0;
};

} // namespace wn::ui
