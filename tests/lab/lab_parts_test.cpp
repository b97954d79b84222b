// The "Real threads" lab engine's parts that need no threads: the latency histogram, the
// simulated servers on a fake clock, the strategy names. Labelled "core" and "concurrency"
// with the rest of wn_lab_tests.

#include "lab/lab_servers.h"
#include "lab/latency_histogram.h"
#include "lab/strategy.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

namespace wn::lab {
namespace {

using namespace std::chrono_literals;

// ---------------------------------------------------------------------------------------------
// Histogram

TEST(LabHistogram, BucketsAreOrderedAndContainTheirBounds) {
    for (int b = 0; b < kLatencyBuckets; ++b) {
        const std::uint64_t lo = latency_bucket_low(b);
        EXPECT_EQ(latency_bucket(lo), b) << "bucket " << b;
        if (b + 1 < kLatencyBuckets) {
            EXPECT_LT(lo, latency_bucket_low(b + 1));
            EXPECT_EQ(latency_bucket(latency_bucket_high(b) - 1), b) << "bucket " << b;
        }
    }
    EXPECT_EQ(latency_bucket(UINT64_MAX), kLatencyBuckets - 1);
    // At most a quarter of the value wide.
    for (int b = 4; b + 1 < kLatencyBuckets; ++b) {
        EXPECT_LE(latency_bucket_high(b) - latency_bucket_low(b), latency_bucket_low(b) / 4);
    }
}

TEST(LabHistogram, PercentilesOfAKnownDistribution) {
    LatencyCounts counts{};
    EXPECT_EQ(percentiles(counts).samples, 0u);
    EXPECT_EQ(percentiles(counts).p99_ns, 0u);
    counts[static_cast<std::size_t>(latency_bucket(20))] = 990;    // 990 reads of 20 ns
    counts[static_cast<std::size_t>(latency_bucket(3000))] = 9;    // 9 of 3 us
    counts[static_cast<std::size_t>(latency_bucket(1000000))] = 1; // one of 1 ms
    const Percentiles p = percentiles(counts);
    EXPECT_EQ(p.samples, 1000u);
    EXPECT_EQ(latency_bucket(p.p50_ns), latency_bucket(20));
    EXPECT_EQ(latency_bucket(p.p99_ns), latency_bucket(20));
    EXPECT_EQ(latency_bucket(p.p999_ns), latency_bucket(3000));
    EXPECT_EQ(latency_bucket(p.max_ns), latency_bucket(1000000));
}

// ---------------------------------------------------------------------------------------------
// Simulated servers, on a fake clock

TEST(LabServers, KillElectsTheNextUpMemberAfterTheDelayAndRevives) {
    ServerTiming timing;
    timing.election_delay = 300ms;
    timing.revive_after = 3s;
    LabServers servers(3, timing);
    const Clock::time_point t0{};
    ASSERT_EQ(servers.primary(), servers.hosts()[0]);
    EXPECT_EQ(servers.next_event(), Clock::time_point::max());

    EXPECT_EQ(servers.kill_primary(t0), servers.hosts()[0]);
    EXPECT_FALSE(servers.primary());
    EXPECT_FALSE(servers.status(servers.hosts()[0]).up);
    EXPECT_FALSE(servers.kill_primary(t0)) << "no primary to kill during the election";
    EXPECT_EQ(servers.kills(), 1u);
    EXPECT_EQ(servers.next_event(), t0 + 3s) << "only the restart, until the kill is published";
    EXPECT_FALSE(servers.advance(t0 + 400ms)) << "no election before the kill is published";
    EXPECT_FALSE(servers.primary());

    servers.kills_published(servers.kills());
    EXPECT_EQ(servers.next_event(), t0 + 300ms);
    EXPECT_FALSE(servers.advance(t0 + 299ms));
    EXPECT_FALSE(servers.primary());
    EXPECT_TRUE(servers.advance(t0 + 300ms));
    EXPECT_EQ(servers.primary(), servers.hosts()[1]);

    EXPECT_EQ(servers.next_event(), t0 + 3s);
    EXPECT_TRUE(servers.advance(t0 + 3s));
    EXPECT_TRUE(servers.status(servers.hosts()[0]).up) << "restarted";
    EXPECT_FALSE(servers.status(servers.hosts()[0]).primary) << "as a secondary";
    EXPECT_EQ(servers.primary(), servers.hosts()[1]);
    EXPECT_EQ(servers.next_event(), Clock::time_point::max());
}

TEST(LabServers, AllDownMeansNoPrimaryUntilOneRestarts) {
    ServerTiming timing;
    timing.election_delay = 10ms;
    timing.revive_after = 1s;
    LabServers servers(1, timing);
    const Clock::time_point t0{};
    ASSERT_TRUE(servers.kill_primary(t0));
    servers.kills_published(servers.kills());
    servers.advance(t0 + 10ms);
    EXPECT_FALSE(servers.primary());
    EXPECT_TRUE(servers.advance(t0 + 1s));
    EXPECT_EQ(servers.primary(), servers.hosts()[0]);
}

TEST(LabServers, RejectsOutOfRangeMembers) {
    EXPECT_THROW(LabServers(0), std::invalid_argument);
    EXPECT_THROW(LabServers(8), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Strategy names

TEST(LabStrategy, NamesRoundTrip) {
    for (Strategy s : kAllStrategies) {
        EXPECT_EQ(parse_strategy(strategy_name(s)), s);
    }
    EXPECT_EQ(parse_strategy("naive-in-place"), Strategy::naive_in_place);
    EXPECT_FALSE(parse_strategy("naive")) << "the lab's naive client is naive-in-place";
    EXPECT_FALSE(parse_strategy("Wasp"));
    EXPECT_FALSE(parse_strategy(""));
}

TEST(LabStrategy, SharedStrategiesAreSpelledAsInTheSimulation) {
    EXPECT_EQ(simulated_kind(Strategy::wasp), StrategyKind::Wasp);
    EXPECT_EQ(simulated_kind(Strategy::mutex), StrategyKind::Mutex);
    EXPECT_EQ(simulated_kind(Strategy::rwlock), StrategyKind::RwLock);
    EXPECT_FALSE(simulated_kind(Strategy::wasp_refcount));
    for (Strategy s : kAllStrategies) {
        if (const auto kind = simulated_kind(s)) {
            EXPECT_STREQ(strategy_name(s), wn::strategy_name(*kind));
        }
    }
    EXPECT_STREQ(strategy_name(Strategy::wasp_refcount), "wasp-refcount");
}

} // namespace
} // namespace wn::lab
