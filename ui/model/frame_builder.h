#pragma once

#include "ui/model/frame.h"
#include "ui/model/packet_walk.h"
#include "ui/model/trace_prefix.h"

#include <cstdint>
#include <optional>

namespace wn::ui {

/// Builds the frames of a view, one call per repaint, keeping what it folds from the trace
/// between calls (PacketWalk): each frame equals build_frame()'s, but while the run plays
/// forward it costs the events since the last frame instead of a walk over the trail and the
/// connect timeout (hundreds of thousands of events at 1000 threads).
class FrameBuilder {
public:
    Frame build(const Simulation& sim, double trail_s);
    /// As above, with `events` standing for the kept trace as of sim.now(): `sim` may keep
    /// none (a checkpoint run on to the moment) and `events` be a prefix of a longer run's.
    /// `serial` names the trace `events` belong to (Trace::serial()); 0 when unknown, and
    /// then every call walks from scratch.
    Frame build(const Simulation& sim, TracePrefix events, std::uint64_t serial, double trail_s);
    /// The next build() starts from scratch.
    void reset() { m_packets.reset(); }
    const PacketWalk& packets() const { return m_packets; }

private:
    PacketWalk m_packets;
};

/// A pane's frames while it plays: the frame of the state an advance reaches is built on the
/// worker that advanced it (build_ahead), beside the window's paint of the one before, and
/// the next paint takes it (frame) instead of building it on the window's thread. Anything
/// that changed the run since (a click, a seek, another trail) makes frame() build anew, so
/// it always equals build_frame()'s. One thread at a time: the worker's build is published by
/// the join that ends the advance.
class FramePipeline {
public:
    /// On the advancing worker, right after the advance.
    void build_ahead(const Simulation& sim, double trail_s);
    /// `f` is `sim`'s frame at `trail_s`, built elsewhere (a frame drawn while catching up
    /// with a seek is the caught-up run's own): the next frame() takes it.
    void offer(const Simulation& sim, double trail_s, Frame f);
    /// The frame of `sim` as it stands now.
    Frame frame(const Simulation& sim, double trail_s);
    /// How many frame() calls took the frame built ahead (tests).
    std::uint64_t taken_ahead() const { return m_taken; }

private:
    /// What a frame is a function of: the run (which object, which trace, how far) and the
    /// trail. A click is an event in the trace, so it changes the key.
    struct Key {
        const Simulation* sim = nullptr;
        std::uint64_t serial = 0, events = 0, processed = 0;
        SimTime now = -1;
        double trail_s = 0;
        bool operator==(const Key&) const = default;
    };
    static Key key_of(const Simulation& sim, double trail_s);

    FrameBuilder m_builder;
    std::optional<Frame> m_ahead;
    Key m_ahead_key;
    std::uint64_t m_taken = 0;
};

} // namespace wn::ui
