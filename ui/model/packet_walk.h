#pragma once

#include "ui/model/frame.h"
#include "ui/model/trace_prefix.h"

#include <cstddef>
#include <cstdint>
#include <limits>
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
    /// A first-in, first-out queue on a vector that keeps its memory when emptied: a walk
    /// from scratch (about 100 000 requests at 1000 threads) reuses the last walk's memory
    /// instead of allocating, and faulting in, fresh nodes for every request.
    template <class T> class Fifo {
    public:
        bool empty() const { return m_head == m_items.size(); }
        std::size_t size() const { return m_items.size() - m_head; }
        T& front() { return m_items[m_head]; }
        T* begin() { return m_items.data() + m_head; }
        T* end() { return m_items.data() + m_items.size(); }
        const T* begin() const { return m_items.data() + m_head; }
        const T* end() const { return m_items.data() + m_items.size(); }
        void push_back(T item) { m_items.push_back(std::move(item)); }
        void pop_front() {
            if (++m_head == m_items.size()) {
                clear();
            } else if (m_head >= 1024 && 2 * m_head >= m_items.size()) {
                m_items.erase(m_items.begin(), m_items.begin() + static_cast<long>(m_head));
                m_head = 0;
            }
        }
        void clear() {
            m_items.clear();
            m_head = 0;
        }
        template <class Pred> void remove_if(Pred pred) {
            m_items.erase(m_items.begin(), m_items.begin() + static_cast<long>(m_head));
            m_head = 0;
            std::erase_if(m_items, pred);
        }

    private:
        std::vector<T> m_items;
        std::size_t m_head = 0;
    };
    /// An open request, in a slot of its own until it is answered or pruned (then the slot
    /// holds the next one begun).
    struct Open {
        std::uint64_t seq; // in order of begin
        std::size_t index; // of its begin event
        PacketFrame packet;
        bool live; // false once answered or pruned: the slot is free
    };
    /// A request by its slot, valid while the slot still holds that request, live.
    struct Ref {
        std::uint64_t seq;
        std::uint32_t slot;
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
    /// The open request `ref` names, or null when it was answered or pruned.
    Open* open_request(Ref ref);
    /// Ends a request: its slot is free for the next one begun.
    void close(Ref ref);
    /// The open requests of one actor and kind, oldest first (some may have been pruned
    /// since).
    Fifo<Ref>& open_of(ActorId actor, bool ismaster);

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
    /// The open requests in their slots, and the free slots. An end finds its request by
    /// slot: a search of the requests in order of begin took a quarter of a walk from
    /// scratch where thousands are open at once (the naive client's herd).
    std::vector<Open> m_slots;
    std::vector<std::uint32_t> m_free_slots;
    /// In order of begin. An answered request stays (no longer valid) until it reaches the
    /// front or the answered ones outnumber the open: sparse enough to iterate every frame.
    Fifo<Ref> m_open;
    std::size_t m_live = 0;              // open requests in m_open
    std::vector<Fifo<Ref>> m_open_of;    // by actor and kind (actors from kActorUser)
    Fifo<Closed> m_closed;               // in order of end
    std::size_t m_last_mutation = kNone; // index of the newest in-place write walked
    std::uint64_t m_rebuilds = 0;
};

} // namespace wn::ui
