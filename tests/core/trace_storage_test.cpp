#include "scenario/library.h"
#include "simulation.h"
#include "trace/block_log.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace wn {
namespace {

using Log = BlockLog<std::uint64_t>;
constexpr std::size_t kBlock = Log::kBlockSize;

TEST(BlockLog, IndexesIterationAndBackAgreeAcrossBlocks) {
    Log log;
    const std::size_t n = 3 * kBlock + 17;
    for (std::size_t i = 0; i < n; ++i)
        log.push_back(i * 3);
    ASSERT_EQ(log.size(), n);
    EXPECT_EQ(log.first(), 0u);
    EXPECT_EQ(log.back(), (n - 1) * 3);
    std::size_t i = 0;
    for (const std::uint64_t v : log)
        ASSERT_EQ(v, 3 * i++);
    EXPECT_EQ(i, n);
    for (std::size_t k : {std::size_t{0}, kBlock - 1, kBlock, 2 * kBlock + 5, n - 1})
        EXPECT_EQ(log[k], 3 * k);
    EXPECT_EQ(*log.rbegin(), log.back());
    EXPECT_EQ(log.end() - log.begin(), static_cast<std::ptrdiff_t>(n));
}

TEST(BlockLog, GrowingNeverMovesAKeptElement) {
    Log log;
    log.push_back(42);
    const std::uint64_t* first = &log[0];
    for (std::size_t i = 0; i < 4 * kBlock; ++i)
        log.push_back(i);
    EXPECT_EQ(&log[0], first);
    EXPECT_EQ(*first, 42u);
}

TEST(BlockLog, ACapDropsTheOldestBlocksAndKeepsIndicesAbsolute) {
    Log log(2 * kBlock);
    const std::size_t n = 5 * kBlock + 3;
    for (std::size_t i = 0; i < n; ++i)
        log.push_back(i);
    EXPECT_EQ(log.size(), n);
    EXPECT_LE(log.kept(), 2 * kBlock);
    EXPECT_GT(log.first(), 0u);
    EXPECT_EQ(log.first() % kBlock, 0u);
    EXPECT_EQ(log.front(), log.first());
    EXPECT_EQ(log[n - 1], n - 1);
    EXPECT_EQ(*log.begin(), log.first());
    // Memory stays at the cap: the kept blocks and one spare.
    EXPECT_LE(log.bytes(), 3 * kBlock * sizeof(std::uint64_t));
}

TEST(BlockLog, AHoldKeepsWhatAReaderHasNotRead) {
    Log log(2 * kBlock);
    log.hold_from(kBlock + 1);
    for (std::size_t i = 0; i < 6 * kBlock; ++i)
        log.push_back(i);
    // The block holding index kBlock + 1 (and all after it) survived.
    EXPECT_EQ(log.first(), kBlock);
    EXPECT_EQ(log[kBlock + 1], kBlock + 1);
    log.hold_from(Log::kUnbounded);
    log.push_back(0);
    EXPECT_LE(log.kept(), 2 * kBlock);
}

TEST(TraceStorage, ACappedTraceHashesEveryEventAndKeepsTheNewest) {
    Scenario s = load_scenario("primary-fails");
    s.threads = 1000;
    s.duration_s = 25;
    Simulation all(s, true);
    Simulation capped(s, true, 2 * kBlock);
    all.run();
    capped.run();
    const TraceEvents& full = all.trace().events();
    const TraceEvents& tail = capped.trace().events();
    ASSERT_GT(full.size(), 4 * kBlock) << "the run must overflow the cap";
    EXPECT_EQ(capped.trace().sha256(), all.trace().sha256());
    EXPECT_EQ(tail.size(), full.size());
    EXPECT_GT(tail.first(), 0u);
    for (std::size_t i = tail.first(); i < tail.size(); i += 997) {
        ASSERT_EQ(tail[i].time, full[i].time) << i;
        ASSERT_EQ(tail[i].kind, full[i].kind) << i;
        ASSERT_EQ(tail[i].actor, full[i].actor) << i;
    }
}

} // namespace
} // namespace wn
