#pragma once

#include "ui/model/frame.h"
#include "ui/model/packet_walk.h"

#include <cstdint>

namespace wn::ui {

/// Builds the frames of a view, one call per repaint, keeping what it folds from the trace
/// between calls (PacketWalk): each frame equals build_frame()'s, but while the run plays
/// forward it costs the events since the last frame instead of a walk over the trail and the
/// connect timeout (hundreds of thousands of events at 1000 threads).
class FrameBuilder {
public:
    Frame build(const Simulation& sim, double trail_s);
    /// As build_frame(sim, events, trail_s). `serial` names the trace `events` belong to
    /// (Trace::serial()); 0 when unknown, and then every call walks from scratch.
    Frame build(const Simulation& sim, TracePrefix events, std::uint64_t serial, double trail_s);
    /// The next build() starts from scratch.
    void reset() { m_packets.reset(); }
    const PacketWalk& packets() const { return m_packets; }

private:
    PacketWalk m_packets;
};

} // namespace wn::ui
