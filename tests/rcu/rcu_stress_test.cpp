// Many real reader threads against writers publishing continuously. Run under ThreadSanitizer
// (races between a reader and the destructor/free of a value) and AddressSanitizer (a read of
// a reclaimed value is a heap-use-after-free). Iteration counts are fixed, not durations, and
// small enough for a sanitizer build on two cores.

#include "rcu/rcu_cell.h"
#include "tracked.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace wn::rcu {
namespace {

using testing::Lifetimes;
using testing::ReclaimerNames;
using testing::Reclaimers;
using testing::Tracked;

template <class R> class RcuStressTest : public ::testing::Test {};
TYPED_TEST_SUITE(RcuStressTest, Reclaimers, ReclaimerNames);

constexpr int kReaders = 6;
constexpr int kReadsPerReader = 50000;
constexpr std::uint64_t kPublishes = 8000;

/// Reads `reads` times, sometimes keeping up to four guards open at once (values retired
/// meanwhile must stay intact). Returns the number of failed checks.
template <class Cell> std::uint64_t read_and_check(const Cell& cell, int reads) {
    std::uint64_t failures = 0;
    std::uint64_t last_id = 0;
    std::array<std::optional<typename Cell::ReadGuard>, 4> held;
    for (int i = 0; i < reads; ++i) {
        auto guard = cell.read();
        if (!guard->intact() || guard->id() < last_id) {
            ++failures; // a poisoned value, or time running backwards
        }
        last_id = guard->id();
        for (const auto& h : held) {
            if (h && !(*h)->intact()) {
                ++failures;
            }
        }
        if (i % 7 == 0) {
            held[static_cast<std::size_t>(i / 7) % held.size()].emplace(std::move(guard));
        }
        if (i % 64 == 0) {
            for (auto& h : held) {
                h.reset(); // lets epoch readers go quiescent now and then
            }
        }
    }
    return failures;
}

TYPED_TEST(RcuStressTest, ReadersNeverSeeReclaimedValues) {
    Lifetimes life(kPublishes + 1);
    std::atomic<std::uint64_t> failures{0};
    {
        RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
        std::latch start(kReaders + 1);
        std::vector<std::thread> threads;
        for (int r = 0; r < kReaders; ++r) {
            threads.emplace_back([&] {
                start.arrive_and_wait();
                failures.fetch_add(read_and_check(cell, kReadsPerReader));
            });
        }
        threads.emplace_back([&] {
            start.arrive_and_wait();
            for (std::uint64_t id = 1; id <= kPublishes; ++id) {
                cell.emplace(id, &life);
                if (id % 16 == 0) {
                    cell.reclaim();
                }
            }
        });
        for (auto& t : threads) {
            t.join();
        }
        cell.synchronize();
        const CellStats s = cell.stats();
        EXPECT_EQ(s.published, kPublishes + 1);
        EXPECT_EQ(s.retired, kPublishes);
        EXPECT_EQ(s.reclaimed, kPublishes);
        EXPECT_EQ(s.readers_blocking, 0u);
        EXPECT_EQ(life.destructions(), kPublishes); // all but the current one
        EXPECT_EQ(cell.read()->id(), kPublishes);
    }
    EXPECT_EQ(failures.load(), 0u);
    EXPECT_EQ(life.constructions(), kPublishes + 1);
    EXPECT_EQ(life.destructions(), kPublishes + 1);
    EXPECT_EQ(life.errors(), 0u);
}

TYPED_TEST(RcuStressTest, ConcurrentWritersAndReaders) {
    constexpr int kWriters = 2;
    constexpr std::uint64_t kPerWriter = 1000;
    Lifetimes life(kWriters * kPerWriter + 1);
    std::atomic<std::uint64_t> next_id{1};
    std::atomic<std::uint64_t> failures{0};
    {
        RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
        std::latch start(kReaders + kWriters);
        std::vector<std::thread> threads;
        for (int r = 0; r < kReaders; ++r) {
            threads.emplace_back([&] {
                start.arrive_and_wait();
                for (int i = 0; i < kReadsPerReader / 2; ++i) {
                    auto guard = cell.read();
                    if (!guard->intact()) {
                        failures.fetch_add(1);
                    }
                }
            });
        }
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&] {
                start.arrive_and_wait();
                for (std::uint64_t i = 0; i < kPerWriter; ++i) {
                    cell.emplace(next_id.fetch_add(1), &life);
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        cell.synchronize();
        EXPECT_EQ(cell.stats().reclaimed, kWriters * kPerWriter);
    }
    EXPECT_EQ(failures.load(), 0u);
    EXPECT_EQ(life.constructions(), kWriters * kPerWriter + 1);
    EXPECT_EQ(life.destructions(), kWriters * kPerWriter + 1);
    EXPECT_EQ(life.errors(), 0u);
}

TYPED_TEST(RcuStressTest, StalledReaderDelaysReclamationButBlocksNobody) {
    constexpr std::uint64_t kWhileStalled = 200;
    constexpr int kOtherReads = 5000;
    Lifetimes life(2 * kWhileStalled + 1);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);

    std::atomic<bool> holding{false};
    std::atomic<bool> release{false};
    std::atomic<bool> held_value_intact{false};
    std::thread stalled([&] {
        auto guard = cell.read();
        holding.store(true);
        holding.notify_one();
        release.wait(false); // the stall: parked inside a read-side critical section
        held_value_intact.store(guard->intact() && guard->id() == 0);
    });
    holding.wait(false);

    // The writer and another reader make progress while the stalled reader holds value 0: if
    // either waited for it, these joins would never return (ctest's timeout would fire).
    std::atomic<std::uint64_t> failures{0};
    std::thread other_reader([&] {
        for (int i = 0; i < kOtherReads; ++i) {
            if (!cell.read()->intact()) {
                failures.fetch_add(1);
            }
        }
    });
    for (std::uint64_t id = 1; id <= kWhileStalled; ++id) {
        cell.emplace(id, &life);
    }
    other_reader.join();
    cell.reclaim();

    CellStats s = cell.stats();
    EXPECT_EQ(s.published, kWhileStalled + 1);
    EXPECT_FALSE(life.is_destroyed(0));
    EXPECT_GE(s.pending(), 1u);
    EXPECT_EQ(s.readers_blocking, 1u);
    if constexpr (std::is_same_v<TypeParam, RefCountReclaimer>) {
        EXPECT_EQ(s.pending(), 1u); // a count pins only the value it counts
    } else {
        // The stalled reader's epoch predates every retirement, so all of them wait.
        EXPECT_EQ(s.pending(), kWhileStalled);
    }

    release.store(true);
    release.notify_one();
    stalled.join();
    EXPECT_TRUE(held_value_intact.load());

    cell.synchronize();
    s = cell.stats();
    EXPECT_EQ(s.pending(), 0u);
    EXPECT_EQ(s.readers_blocking, 0u);
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_EQ(failures.load(), 0u);
    EXPECT_EQ(life.errors(), 0u);
}

TYPED_TEST(RcuStressTest, ReaderThreadChurn) {
    // Threads that come and go while the writer publishes: epoch slots are released on thread
    // exit and reused, and never hold back reclamation after their thread is gone.
    constexpr int kRounds = 20;
    constexpr int kThreadsPerRound = 3;
    constexpr std::uint64_t kPerRound = 20;
    Lifetimes life(kRounds * kPerRound + 1);
    std::atomic<std::uint64_t> failures{0};
    {
        RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
        std::uint64_t id = 0;
        for (int round = 0; round < kRounds; ++round) {
            std::vector<std::thread> readers;
            for (int r = 0; r < kThreadsPerRound; ++r) {
                readers.emplace_back([&] { failures.fetch_add(read_and_check(cell, 500)); });
            }
            for (std::uint64_t i = 0; i < kPerRound; ++i) {
                cell.emplace(++id, &life);
            }
            for (auto& t : readers) {
                t.join();
            }
        }
        cell.reclaim(); // no waiting needed: every reader thread has exited
        EXPECT_EQ(cell.stats().pending(), 0u);
    }
    EXPECT_EQ(failures.load(), 0u);
    EXPECT_EQ(life.destructions(), life.constructions());
    EXPECT_EQ(life.errors(), 0u);
}

} // namespace
} // namespace wn::rcu
