#include "scenario/library.h"
#include "sim/sha256.h"
#include "simulation.h"
#include "trace/block_log.h"
#include "trace/block_memory.h"
#include "trace/trace.h"

#include <gtest/gtest.h>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>
#include <limits>
#include <thread>
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

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
// A kept trace's block is whole huge pages, aligned to them, so the kernel can back it with
// transparent huge pages (one fault a block instead of 512); the blocks a cap drops are
// reused and the events still read back.
TEST(BlockLog, TraceBlocksAreWholeHugePagesAlignedToThem) {
    static_assert(TraceEvents::kBlockSize * sizeof(TraceEvent) % block_memory::kHugePage == 0);
    TraceEvents events(2 * TraceEvents::kBlockSize);
    const std::size_t n = 4 * TraceEvents::kBlockSize + 5;
    for (std::size_t i = 0; i < n; ++i) {
        events.push_back(TraceEvent{static_cast<SimTime>(i), 1, EventKind::OpBegin, 0,
                                    static_cast<std::int64_t>(i)});
        if (i % TraceEvents::kBlockSize == 0)
            EXPECT_EQ(reinterpret_cast<std::uintptr_t>(&events[i]) % block_memory::kHugePage, 0u)
                << "block of event " << i;
    }
    ASSERT_GT(events.first(), 0u) << "the cap dropped blocks, so a spare was reused";
    for (std::size_t i = events.first(); i < n; i += 4093)
        EXPECT_EQ(events[i].b, static_cast<std::int64_t>(i));
}

// A run's freed blocks go to the next run (a new branch builds runs as large as the ones it
// drops) instead of back to the kernel, up to kPoolCap.
TEST(BlockLog, FreedHugeBlocksAreReusedUpToTheCap) {
    constexpr std::size_t kBytes = block_memory::kHugePage;
    const std::size_t before = block_memory::pooled_bytes();
    void* first = block_memory::allocate(kBytes);
    static_cast<char*>(first)[kBytes - 1] = 1;
    block_memory::release(first, kBytes);
    EXPECT_EQ(block_memory::pooled_bytes(), before + kBytes);
    EXPECT_EQ(block_memory::allocate(kBytes), first) << "the block released last comes back";
    EXPECT_EQ(block_memory::pooled_bytes(), before);

    // More than the cap released: the pool keeps the cap's worth, the rest is unmapped.
    std::vector<void*> blocks{first};
    while (blocks.size() * kBytes <= block_memory::kPoolCap + kBytes)
        blocks.push_back(block_memory::allocate(kBytes));
    for (void* b : blocks)
        block_memory::release(b, kBytes);
    EXPECT_EQ(block_memory::pooled_bytes(), block_memory::kPoolCap);
}

/// Whether every page of [p, p + bytes) is backed by memory (faulted in).
bool resident(void* p, std::size_t bytes) {
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> pages((bytes + page - 1) / page);
    if (mincore(p, bytes, pages.data()) != 0)
        return false;
    for (unsigned char v : pages)
        if (!(v & 1))
            return false;
    return true;
}

// Kept ready, the blocks a run is handed are already faulted in: writing them costs the run
// no zeroing. A background thread leaves them to the others.
TEST(BlockLog, ReadyBlocksAreFaultedInAheadAndLeftToTheForeground) {
    constexpr std::size_t kBytes = 2 * block_memory::kHugePage; // a size no other test uses
    block_memory::keep_ready(true);
    void* first = block_memory::allocate(kBytes); // fresh: the size to keep ready is known now
    block_memory::wait_ready();
    std::vector<void*> taken{first};
    for (std::size_t i = 0; i < block_memory::kReadyBlocks; ++i) {
        taken.push_back(block_memory::allocate(kBytes));
        EXPECT_TRUE(resident(taken.back(), kBytes)) << "ready block " << i;
        block_memory::wait_ready(); // the filler tops up before the next one is taken
    }
    // A background thread takes fresh memory rather than a ready block.
    std::thread([&] {
        block_memory::set_background_thread();
        void* fresh = block_memory::allocate(kBytes);
        EXPECT_FALSE(resident(fresh, kBytes)) << "a background thread took a ready block";
        block_memory::release(fresh, kBytes);
    }).join();
    block_memory::keep_ready(false);
    for (void* b : taken)
        block_memory::release(b, kBytes);
}
#endif

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

TEST(RunNow, StepsRunWithoutTheQueueAndTheRunIsTheSameEventForEvent) {
    Scenario s = load_scenario("primary-fails");
    s.threads = 300;
    s.duration_s = 20;
    Simulation fast(s, true), entry_by_entry(s, true);
    fast.run();
    // One entry at a time never runs one inside another.
    while (entry_by_entry.run_entry()) {
    }
    EXPECT_GT(fast.scheduler_ran_now(), fast.entries() / 10);
    EXPECT_EQ(entry_by_entry.scheduler_ran_now(), 0u);
    EXPECT_EQ(fast.entries(), entry_by_entry.entries());
    EXPECT_EQ(fast.trace().sha256(), entry_by_entry.trace().sha256());
    ASSERT_EQ(fast.trace().count(), entry_by_entry.trace().count());
}

// The trace's encoding as documented: per event the time since the last one, the zigzagged
// actor, the kind's byte, the zigzagged a and b, each integer a LEB128 varint written one
// byte at a time.
void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}
std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}

TEST(TraceEncoding, VarintsOfEveryLengthHashAsTheByteLoopWritesThem) {
    // Every bit length from 0 to 64 and its neighbours, in every field, over several
    // 4 kB buffers: the encoder's one-store path and its long-value path must both give
    // the byte-at-a-time encoding.
    std::vector<std::int64_t> values = {0, -1, std::numeric_limits<std::int64_t>::min(),
                                        std::numeric_limits<std::int64_t>::max()};
    for (int bits = 1; bits < 63; ++bits) {
        const std::int64_t p = std::int64_t{1} << bits;
        for (std::int64_t v : {p - 1, p, p + 1, -p, -p - 1, p + (p >> 1)})
            values.push_back(v);
    }
    Trace trace(false);
    std::vector<std::uint8_t> expected;
    SimTime t = 0;
    SimTime last = 0;
    for (int round = 0; round < 20; ++round) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::int64_t b = values[i];
            const auto a = static_cast<std::int32_t>(values[(i * 7 + round) % values.size()]);
            const auto actor = static_cast<ActorId>(values[(i * 13 + round) % values.size()]);
            // Time deltas of every length too, never going back nor past 2^62.
            const auto step = static_cast<std::uint64_t>(values[(i + round) % values.size()]);
            std::uint64_t delta = step >> (i % 64 == 0 ? 2 : 12 + i % 40);
            if (delta > (std::uint64_t{1} << 62) - static_cast<std::uint64_t>(t))
                delta = i;
            t += static_cast<SimTime>(delta);
            const auto kind =
                static_cast<EventKind>(i % static_cast<std::size_t>(EventKind::Count));
            trace.record(t, actor, kind, a, b);
            put_varint(expected, static_cast<std::uint64_t>(t - last));
            last = t;
            put_varint(expected, zigzag(actor));
            expected.push_back(static_cast<std::uint8_t>(kind));
            put_varint(expected, zigzag(a));
            put_varint(expected, zigzag(b));
        }
    }
    ASSERT_GT(expected.size(), 3 * 4096u);
    Sha256 hash;
    hash.update(expected.data(), expected.size());
    EXPECT_EQ(trace.sha256(), hash.hex_digest());
}

} // namespace
} // namespace wn
