#include "sim/event_queue.h"
#include "sim/rng.h"

#include <gtest/gtest.h>
#include <queue>
#include <tuple>
#include <vector>

namespace wn {
namespace {

// What the scheduler used before: a heap on (time, order).
struct Later {
    bool operator()(const EventQueue::Entry& a, const EventQueue::Entry& b) const {
        return std::tie(a.time, a.order) > std::tie(b.time, b.order);
    }
};
using ReferenceHeap = std::priority_queue<EventQueue::Entry, std::vector<EventQueue::Entry>, Later>;

// Drives both queues like the scheduler does: pushes are never earlier than the clock, which
// is the time of the last pop (or later, as after advance_to), and every order is new.
// `spread` bounds the delays; a small one makes many entries share a time.
void expect_same_order_as_a_heap(std::uint64_t seed, SimTime spread, int operations) {
    Rng rng(seed);
    EventQueue queue;
    ReferenceHeap heap;
    SimTime now = 0;
    std::uint64_t order = 0;
    int pops = 0;
    for (int i = 0; i < operations; ++i) {
        const std::uint64_t r = rng.next();
        if (!heap.empty() && r % 5 < 2) {
            ASSERT_EQ(queue.top_time(), heap.top().time) << "seed " << seed << " op " << i;
            const EventQueue::Entry* next = queue.peek();
            ASSERT_NE(next, nullptr);
            ASSERT_EQ(next->order, heap.top().order) << "seed " << seed << " op " << i;
            const EventQueue::Entry got = queue.pop();
            const EventQueue::Entry want = heap.top();
            heap.pop();
            ASSERT_EQ(got.time, want.time) << "seed " << seed << " op " << i;
            ASSERT_EQ(got.order, want.order) << "seed " << seed << " op " << i;
            now = got.time;
            ++pops;
        } else {
            if (r % 97 == 0 && !heap.empty() && heap.top().time > now)
                now = heap.top().time - 1; // the clock moved on with nothing run
            // Orders leave gaps, like the scheduler's slot bits below the insertion number.
            order += 1 + (r >> 60);
            const SimTime delay = (r >> 8) % 4 == 0 ? 0 : static_cast<SimTime>((r >> 12) % spread);
            queue.push({now + delay, order});
            heap.push({now + delay, order});
        }
        ASSERT_EQ(queue.size(), heap.size());
    }
    while (!heap.empty()) {
        ASSERT_EQ(queue.top_time(), heap.top().time);
        const EventQueue::Entry got = queue.pop();
        ASSERT_EQ(got.time, heap.top().time);
        ASSERT_EQ(got.order, heap.top().order);
        heap.pop();
        ++pops;
    }
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.peek(), nullptr);
    EXPECT_GT(pops, operations / 3);
}

TEST(EventQueue, PopsInTheOrderOfAHeapWithManyTies) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
        expect_same_order_as_a_heap(seed, 4, 20000);
}

TEST(EventQueue, PopsInTheOrderOfAHeapWithSpreadTimes) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        expect_same_order_as_a_heap(seed, 1000, 20000);
        expect_same_order_as_a_heap(seed, SimTime{1} << 40, 20000);
    }
}

TEST(EventQueue, PopsInTheOrderOfAHeapAcrossWindowsAndEpochs) {
    // Delays around the near level's 4 ms window and the far level's 16.8 s epoch, so that
    // entries cross both boundaries and move down from the far level and the overflow.
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        expect_same_order_as_a_heap(seed, SimTime{1} << 13, 20000);
        expect_same_order_as_a_heap(seed, SimTime{1} << 25, 20000);
        expect_same_order_as_a_heap(seed, SimTime{3} << 24, 5000);
    }
}

TEST(EventQueue, TiesPushedBeforeAndAfterTheClockMovedComeOutOldestFirst) {
    // Order 1 waits in a high bucket while the clock moves to 3; order 3 has its time and
    // must come out after it, though pushed against another last-popped time.
    EventQueue q;
    q.push({1000, 1}); // far: a high bucket
    q.push({3, 2});    // near
    EXPECT_EQ(q.pop().order, 2u);
    q.push({1000, 3}); // same time as order 1, pushed after the clock moved
    EXPECT_EQ(q.top_time(), 1000);
    EXPECT_EQ(q.pop().order, 1u);
    EXPECT_EQ(q.pop().order, 3u);
    EXPECT_TRUE(q.empty());
}

TEST(EventQueue, TiesFromTheFarLevelAndTheOverflowComeOutOldestFirst) {
    // A time in the next window and one in the next epoch, each pushed once before the clock
    // reaches its window or epoch and once after: the older comes out first both times.
    const SimTime next_window = SimTime{1} << 12;
    const SimTime next_epoch = SimTime{1} << 24;
    EventQueue q;
    q.push({next_window + 5, 1});
    q.push({next_epoch + 7, 2});
    q.push({next_window, 3});
    EXPECT_EQ(q.top_time(), next_window);
    EXPECT_EQ(q.peek()->order, 3u);
    EXPECT_EQ(q.pop().order, 3u);
    q.push({next_window + 5, 4});
    EXPECT_EQ(q.pop().order, 1u);
    EXPECT_EQ(q.pop().order, 4u);
    EXPECT_EQ(q.top_time(), next_epoch + 7);
    EXPECT_EQ(q.peek()->order, 2u);
    q.push({next_epoch + 7, 5});
    EXPECT_EQ(q.pop().order, 2u);
    q.push({next_epoch + 7, 6});
    EXPECT_EQ(q.pop().order, 5u);
    EXPECT_EQ(q.pop().order, 6u);
    EXPECT_TRUE(q.empty());
    EXPECT_EQ(q.peek(), nullptr);
}

} // namespace
} // namespace wn
