#include "client/state_heap.h"

#include <gtest/gtest.h>

namespace wn {
namespace {

RSState empty_state(int version) {
    return RSState(version, {}, {}, {}, std::nullopt, "none");
}

struct Heap {
    Scheduler scheduler;
    Trace trace{true};
    Metrics metrics;
    StateHeap heap{scheduler, trace, metrics};
};

TEST(StateHeap, AReplacedVersionLivesWhileAThreadHoldsIt) {
    Heap h;
    h.heap.publish(kActorMonitor, empty_state(1));
    const int held = h.heap.acquire_current(7); // thread 7: rsstate = self.rsstate
    EXPECT_EQ(held, 1);
    EXPECT_EQ(h.heap.record(1).refcount, 2);

    h.heap.publish(kActorMonitor, empty_state(2));
    EXPECT_TRUE(h.heap.record(1).live());
    EXPECT_GE(h.heap.record(1).replaced_at, 0);
    EXPECT_EQ(h.heap.record(1).holders, std::vector<ActorId>{7});
    EXPECT_EQ(h.metrics.live_states, 2);

    h.heap.release(7, 1);
    EXPECT_FALSE(h.heap.record(1).live());
    EXPECT_EQ(h.heap.record(1).state, nullptr);
    EXPECT_EQ(h.metrics.states_reclaimed, 1);
    EXPECT_EQ(h.metrics.live_states, 1);
    EXPECT_EQ(h.metrics.max_live_states, 2);
    EXPECT_EQ(h.trace.events().back().kind, EventKind::Reclaim);
    EXPECT_EQ(h.trace.events().back().actor, 7); // the last holder frees it
}

TEST(StateHeap, AnUnheldVersionIsReclaimedAtTheSwap) {
    Heap h;
    h.heap.publish(kActorMonitor, empty_state(1));
    h.heap.publish(kActorMonitor, empty_state(2));
    EXPECT_FALSE(h.heap.record(1).live());
    EXPECT_EQ(h.heap.current_version(), 2);
    EXPECT_EQ(h.heap.record(2).holders, std::vector<ActorId>{kActorClient});
}

} // namespace
} // namespace wn
