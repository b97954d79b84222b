// Single-threaded and small multi-threaded behaviour of RcuCell under every reclaimer.

#include "rcu/rcu_cell.h"
#include "tracked.h"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <stdexcept>
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

template <class R> class RcuCellTest : public ::testing::Test {};
TYPED_TEST_SUITE(RcuCellTest, Reclaimers, ReclaimerNames);

TYPED_TEST(RcuCellTest, ReadsInitialValue) {
    Lifetimes life(4);
    {
        RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
        auto guard = cell.read();
        EXPECT_EQ(guard->id(), 0u);
        EXPECT_TRUE(guard->intact());
        const CellStats s = cell.stats();
        EXPECT_EQ(s.published, 1u);
        EXPECT_EQ(s.retired, 0u);
        EXPECT_EQ(s.reclaimed, 0u);
    }
    EXPECT_EQ(life.constructions(), 1u);
    EXPECT_EQ(life.destructions(), 1u);
    EXPECT_EQ(life.errors(), 0u);
}

TYPED_TEST(RcuCellTest, PublishedValueIsSeenByNextRead) {
    Lifetimes life(4);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
    const std::uint64_t grace_period = cell.stats().grace_period;
    cell.emplace(1, &life);
    EXPECT_GT(cell.stats().grace_period, grace_period);
    EXPECT_EQ(cell.read()->id(), 1u);
    cell.emplace(2, &life);
    EXPECT_EQ(cell.read()->id(), 2u);
    cell.synchronize();
    const CellStats s = cell.stats();
    EXPECT_EQ(s.published, 3u);
    EXPECT_EQ(s.retired, 2u);
    EXPECT_EQ(s.reclaimed, 2u);
    EXPECT_EQ(s.pending(), 0u);
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_TRUE(life.is_destroyed(1));
    EXPECT_FALSE(life.is_destroyed(2));
}

TYPED_TEST(RcuCellTest, GuardKeepsReplacedValueAlive) {
    Lifetimes life(8);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
    {
        auto old = cell.read();
        cell.emplace(1, &life);
        cell.emplace(2, &life);
        cell.reclaim();
        EXPECT_FALSE(life.is_destroyed(0));
        EXPECT_TRUE(old->intact());
        EXPECT_EQ(old->id(), 0u);
        EXPECT_EQ(cell.read()->id(), 2u);
        const CellStats s = cell.stats();
        EXPECT_GE(s.pending(), 1u);
        EXPECT_GE(s.readers_blocking, 1u);
    }
    cell.reclaim();
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_TRUE(life.is_destroyed(1));
    EXPECT_EQ(cell.stats().pending(), 0u);
    EXPECT_EQ(cell.stats().readers_blocking, 0u);
}

TYPED_TEST(RcuCellTest, NestedGuardsOnTwoCells) {
    Lifetimes life(8);
    RcuCell<Tracked, TypeParam> a(std::in_place, 0, &life);
    RcuCell<Tracked, TypeParam> b(std::in_place, 1, &life);
    {
        auto outer = a.read();
        {
            auto inner = b.read();
            b.emplace(2, &life);
            EXPECT_EQ(inner->id(), 1u);
            auto again = a.read();
            EXPECT_EQ(again.get(), outer.get());
        }
        b.reclaim();
        a.emplace(3, &life);
        a.reclaim();
        EXPECT_FALSE(life.is_destroyed(0)); // `outer` still open
        EXPECT_TRUE(outer->intact());
    }
    a.synchronize();
    b.synchronize();
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_TRUE(life.is_destroyed(1));
    EXPECT_EQ(life.errors(), 0u);
}

TYPED_TEST(RcuCellTest, MovedGuardReleasesOnce) {
    Lifetimes life(4);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
    {
        auto first = cell.read();
        auto second = std::move(first);
        cell.emplace(1, &life);
        cell.reclaim();
        EXPECT_FALSE(life.is_destroyed(0));
        EXPECT_EQ(second->id(), 0u);
    }
    cell.synchronize();
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_EQ(cell.stats().reclaimed, 1u);
}

TYPED_TEST(RcuCellTest, EveryValueDestroyedExactlyOnce) {
    constexpr std::uint64_t kValues = 500;
    Lifetimes life(kValues + 1);
    {
        RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
        for (std::uint64_t id = 1; id <= kValues; ++id) {
            if (id % 3 == 0) {
                auto guard = cell.read(); // retired while held: freed later, still exactly once
                cell.emplace(id, &life);
            } else {
                cell.emplace(id, &life);
            }
        }
    }
    EXPECT_EQ(life.constructions(), kValues + 1);
    EXPECT_EQ(life.destructions(), kValues + 1);
    EXPECT_EQ(life.errors(), 0u);
}

struct Counter {
    long value = 0;
};

TYPED_TEST(RcuCellTest, ConcurrentUpdatesAreNotLost) {
    constexpr int kWriters = 2;
    constexpr int kUpdates = 2000;
    RcuCell<Counter, TypeParam> cell(Counter{0});
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&] {
            for (int i = 0; i < kUpdates; ++i) {
                cell.update([](const Counter& c) { return Counter{c.value + 1}; });
            }
        });
    }
    for (auto& t : writers) {
        t.join();
    }
    EXPECT_EQ(cell.read()->value, kWriters * kUpdates);
    cell.synchronize();
    const CellStats s = cell.stats();
    EXPECT_EQ(s.published, 1u + kWriters * kUpdates);
    EXPECT_EQ(s.reclaimed, s.retired);
}

TYPED_TEST(RcuCellTest, PublishMovesValueIn) {
    RcuCell<std::vector<int>, TypeParam> cell(std::vector<int>{1, 2});
    cell.publish(std::vector<int>{3, 4, 5});
    EXPECT_EQ(cell.read()->size(), 3u);
}

// --- Epoch-specific behaviour -------------------------------------------------------------

template <class R> class EpochCellTest : public ::testing::Test {};
using EpochReclaimers = ::testing::Types<EpochReclaimer, SeqCstEpochReclaimer>;
TYPED_TEST_SUITE(EpochCellTest, EpochReclaimers, ReclaimerNames);

TYPED_TEST(EpochCellTest, SynchronizeInsideGuardThrows) {
    RcuCell<int, TypeParam> cell(1);
    auto guard = cell.read();
    EXPECT_THROW(cell.synchronize(), std::logic_error);
}

TYPED_TEST(EpochCellTest, ExitedReaderThreadDoesNotBlockReclamation) {
    Lifetimes life(4);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
    std::thread([&] { EXPECT_EQ(cell.read()->id(), 0u); }).join();
    cell.emplace(1, &life);
    EXPECT_TRUE(life.is_destroyed(0)); // reclaimed by the publish itself, nobody was reading
    EXPECT_EQ(cell.stats().pending(), 0u);
}

TYPED_TEST(EpochCellTest, GracePeriodIsGlobalAcrossCells) {
    // Like the kernel's RCU, one reader in any cell of the domain holds back every cell: the
    // price of a read side that writes nothing shared.
    Lifetimes life(4);
    RcuCell<Tracked, TypeParam> a(std::in_place, 0, &life);
    RcuCell<Tracked, TypeParam> b(std::in_place, 1, &life);
    {
        auto guard = a.read();
        b.emplace(2, &life);
        EXPECT_FALSE(life.is_destroyed(1));
        EXPECT_EQ(b.stats().readers_blocking, 1u);
    }
    EXPECT_EQ(b.reclaim(), 1u);
    EXPECT_TRUE(life.is_destroyed(1));
}

TYPED_TEST(EpochCellTest, ReaderSlotsOfExitedThreadsAreReused) {
    RcuCell<int, TypeParam> cell(0);
    auto& domain = detail::domain<TypeParam::fence>;
    std::thread([&] { EXPECT_EQ(*cell.read(), 0); }).join();
    const std::uint64_t slots = domain.slot_count();
    for (int i = 0; i < 20; ++i) {
        std::thread([&] { EXPECT_EQ(*cell.read(), 0); }).join();
    }
    EXPECT_EQ(domain.slot_count(), slots);
}

TYPED_TEST(EpochCellTest, FreshThreadNestsAndClosesGuardsInAnyOrder) {
    // A thread's first read takes the registration path and the second the fast path; the
    // announcement must survive the first guard closing while the second is open.
    Lifetimes life(4);
    RcuCell<Tracked, TypeParam> cell(std::in_place, 0, &life);
    std::thread([&] {
        std::optional<typename RcuCell<Tracked, TypeParam>::ReadGuard> first(cell.read());
        auto second = cell.read();
        first.reset();
        EXPECT_TRUE(detail::in_read_section<TypeParam::fence>());
        cell.emplace(1, &life);
        EXPECT_EQ(cell.reclaim(), 0u);
        EXPECT_FALSE(life.is_destroyed(0)) << "`second` still holds it";
        EXPECT_TRUE(second->intact());
    }).join();
    EXPECT_EQ(cell.reclaim(), 1u);
    EXPECT_TRUE(life.is_destroyed(0));
    EXPECT_FALSE(detail::in_read_section<TypeParam::fence>());
    EXPECT_EQ(life.errors(), 0u);
}

TEST(EpochDomainTest, ThreadSanitizerBuildsUseTheSeqCstProtocol) {
    // TSan cannot see membarrier's ordering, so a TSan build must check the protocol that the
    // C++ memory model alone makes correct.
#if defined(__SANITIZE_THREAD__)
    EXPECT_FALSE(detail::domain<ReaderFence::asymmetric>.asymmetric_active());
#endif
    EXPECT_FALSE(detail::domain<ReaderFence::seq_cst>.asymmetric_active());
}

} // namespace
} // namespace wn::rcu
