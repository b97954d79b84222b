// The "Real threads" lab engine: real reader threads and a real monitor thread under each
// strategy. Labelled "concurrency" (run again under ThreadSanitizer) and "core" (ASan+UBSan).
// No sleeps stand in for synchronisation: tests wait on the engine's progress with condition
// variables, and the timeouts only turn a hang into a failure.

#include "lab/lab_engine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>

namespace wn::lab {
namespace {

using namespace std::chrono_literals;

constexpr auto kTimeout = 20s; // generous for a sanitizer build on a busy two-core machine

// ---------------------------------------------------------------------------------------------
// The engine, under every strategy

class LabEngineTest : public ::testing::TestWithParam<Strategy> {};

std::string param_name(const ::testing::TestParamInfo<Strategy>& info) {
    switch (info.param) {
    case Strategy::wasp:
        return "WaspEpoch";
    case Strategy::wasp_refcount:
        return "WaspRefCount";
    case Strategy::mutex:
        return "Mutex";
    case Strategy::rwlock:
        return "RwLock";
    case Strategy::naive_in_place:
        return "NaiveInPlace";
    }
    return "Unknown";
}

INSTANTIATE_TEST_SUITE_P(AllStrategies, LabEngineTest, ::testing::ValuesIn(kConsistentStrategies),
                         param_name);

/// Waits until the monitor has published `n` more states than it had at the call.
bool wait_for_more_publishes(const LabEngine& engine, std::uint64_t n) {
    const std::uint64_t target = engine.progress().publishes + n;
    return engine.wait_for_progress([&](const MonitorProgress& p) { return p.publishes >= target; },
                                    kTimeout);
}

void expect_counters_add_up(const Stats& s, int readers) {
    EXPECT_EQ(s.readers, readers);
    ASSERT_EQ(s.reads_per_thread.size(), static_cast<std::size_t>(readers));
    EXPECT_EQ(
        std::accumulate(s.reads_per_thread.begin(), s.reads_per_thread.end(), std::uint64_t{0}),
        s.reads);
    EXPECT_EQ(s.reads_ok + s.reads_no_primary + s.reads_inconsistent, s.reads);
    // One timed read per batch of 64.
    EXPECT_EQ(s.latency_total.samples * 64, s.reads);
    for (std::uint64_t r : s.reads_per_thread) {
        EXPECT_EQ(r % 64, 0u);
    }
}

TEST_P(LabEngineTest, ReadersSeeConsistentStatesThroughPublishesAndAFailover) {
    LabConfig config;
    config.strategy = GetParam();
    config.readers = 2;
    config.interval = 200us;
    config.ismaster_latency = 20us;
    config.timing.election_delay = 5ms;
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers_started(kTimeout));
    ASSERT_TRUE(wait_for_more_publishes(engine, 5));

    const MonitorProgress before = engine.progress();
    ASSERT_EQ(before.primary, engine.servers().hosts()[0]);
    EXPECT_EQ(engine.kill_primary(), "db1:27017");
    ASSERT_TRUE(engine.wait_for_progress(
        [&](const MonitorProgress& p) { return p.primary && *p.primary != *before.primary; },
        kTimeout));
    ASSERT_TRUE(wait_for_more_publishes(engine, 5));
    engine.stop();
    EXPECT_FALSE(engine.running());

    const Stats s = engine.snapshot();
    EXPECT_EQ(s.reads_inconsistent, 0u) << strategy_name(GetParam());
    EXPECT_GT(s.reads_ok, 0u);
    for (std::uint64_t r : s.reads_per_thread) {
        EXPECT_GT(r, 0u);
    }
    expect_counters_add_up(s, 2);
    EXPECT_EQ(s.primary, "db2:27017");
    EXPECT_GE(s.publishes, 11u);
    EXPECT_GE(engine.progress().publishes_without_primary, 1u);
    EXPECT_EQ(s.version, static_cast<int>(s.publishes) + 1);
    EXPECT_GE(s.refreshes, s.publishes);
    if (is_rcu(GetParam())) {
        EXPECT_EQ(s.cell.published, s.publishes + 1);
        EXPECT_EQ(s.cell.retired, s.publishes);
        EXPECT_EQ(s.cell.reclaimed, s.cell.retired) << "stop() reclaims everything";
        EXPECT_EQ(s.cell.pending(), 0u);
    } else {
        EXPECT_EQ(s.cell.published, 0u);
        EXPECT_EQ(s.cell.retired, 0u);
    }
}

TEST_P(LabEngineTest, BoundedReadersFinishAndCountersAddUp) {
    LabConfig config;
    config.strategy = GetParam();
    config.readers = 3;
    config.interval = 500us;
    config.ismaster_latency = 0us;
    config.max_reads_per_reader = 64 * 500;
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers(kTimeout));
    const Stats live = engine.snapshot();
    EXPECT_EQ(live.reads, 3u * 64 * 500);
    // The first snapshot's interval runs from start(): its rate is every read over it.
    ASSERT_GT(live.interval_s, 0.0);
    EXPECT_NEAR(live.reads_per_s * live.interval_s, static_cast<double>(live.reads),
                1e-6 * static_cast<double>(live.reads));
    engine.stop();
    const Stats s = engine.snapshot();
    expect_counters_add_up(s, 3);
    EXPECT_EQ(s.reads, 3u * 64 * 500);
    EXPECT_EQ(s.reads_ok, s.reads) << "no failover: every read finds the primary";
    EXPECT_EQ(s.reads_inconsistent, 0u);
    EXPECT_GT(s.latency_total.p50_ns, 0u);
    EXPECT_LE(s.latency_total.p50_ns, s.latency_total.p99_ns);
    EXPECT_LE(s.latency_total.p99_ns, s.latency_total.p999_ns);
    EXPECT_LE(s.latency_total.p999_ns, s.latency_total.max_ns);
    EXPECT_EQ(s.reads_per_s, 0.0) << "no read since the previous snapshot";
}

TEST_P(LabEngineTest, StopInterruptsARefreshAndJoinsPromptly) {
    LabConfig config;
    config.strategy = GetParam();
    config.readers = 8;
    config.interval = 100us;
    config.ismaster_latency = 30s; // the monitor is stuck "asking db1" (holding the lock)
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_progress(
        [](const MonitorProgress& p) { return p.refreshes_started >= 1; }, kTimeout));
    ASSERT_TRUE(engine.running());
    const auto t0 = Clock::now();
    engine.stop();
    const auto took = Clock::now() - t0;
    EXPECT_LT(took, 2s) << "stop() must not wait for the simulated ismaster call";
    EXPECT_FALSE(engine.running());
    const Stats s = engine.snapshot();
    EXPECT_EQ(s.publishes, 0u);
    EXPECT_EQ(s.reads_inconsistent, 0u);
    expect_counters_add_up(s, 8);
    engine.stop(); // idempotent
}

TEST_P(LabEngineTest, KillPrimaryPublishesTheNextPrimary) {
    LabConfig config;
    config.strategy = GetParam();
    config.readers = 1;
    config.interval = 30s; // only the kill wakes the monitor
    config.ismaster_latency = 0us;
    config.timing.election_delay = 2ms;
    config.timing.revive_after = 0us; // killed members stay down
    LabEngine engine(config);
    engine.start();
    const auto& hosts = engine.servers().hosts();
    EXPECT_EQ(engine.progress().primary, hosts[0]) << "the initial state's primary";
    EXPECT_EQ(engine.progress().version, 1);

    EXPECT_EQ(engine.kill_primary(), "db1:27017");
    ASSERT_TRUE(engine.wait_for_progress(
        [&](const MonitorProgress& p) { return p.primary == hosts[1]; }, kTimeout));
    EXPECT_GE(engine.progress().publishes_without_primary, 1u)
        << "the monitor publishes the state with no primary before the election";

    EXPECT_EQ(engine.kill_primary(), "db2:27017");
    ASSERT_TRUE(engine.wait_for_progress(
        [&](const MonitorProgress& p) { return p.primary == hosts[2]; }, kTimeout));

    EXPECT_EQ(engine.kill_primary(), "db3:27017");
    ASSERT_TRUE(engine.wait_for_progress(
        [&](const MonitorProgress& p) { return p.publishes_without_primary >= 3; }, kTimeout));
    EXPECT_EQ(engine.kill_primary(), "") << "every member is down";
    engine.stop();
    const Stats s = engine.snapshot();
    EXPECT_EQ(s.primary, "");
    EXPECT_EQ(s.reads_inconsistent, 0u);
    expect_counters_add_up(s, 1);
}

/// Parks the monitor inside its first refresh, where the writer side is held (LabConfig::
/// in_publish), until release(); counts the reader batches completed meanwhile.
class PublishHold {
public:
    void install(LabConfig& config) {
        config.in_publish = [this] {
            hold();
        };
        config.after_batch = [this](int) {
            batch_done();
        };
    }
    bool wait_held() {
        std::unique_lock lock(m_mu);
        return m_cv.wait_for(lock, kTimeout, [&] { return m_held; });
    }
    /// Waits until readers have completed `n` batches while the monitor is held.
    bool wait_batches_while_held(std::uint64_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mu);
        return m_cv.wait_for(lock, timeout, [&] { return m_batches >= n; });
    }
    void release() {
        {
            std::lock_guard lock(m_mu);
            m_released = true;
        }
        m_cv.notify_all();
    }

private:
    void hold() {
        std::unique_lock lock(m_mu);
        if (m_released || m_held) {
            return; // only the first refresh is held
        }
        m_held = true;
        m_cv.notify_all();
        m_cv.wait(lock, [&] { return m_released; });
    }
    void batch_done() {
        {
            std::lock_guard lock(m_mu);
            if (!m_held || m_released) {
                return;
            }
            ++m_batches;
        }
        m_cv.notify_all();
    }

    std::mutex m_mu;
    std::condition_variable m_cv;
    bool m_held = false;
    bool m_released = false;
    std::uint64_t m_batches = 0;
};

/// Releases the hold before the engine's destructor joins the monitor, even when an ASSERT
/// returns early.
struct ReleaseOnExit {
    PublishHold& hold;
    ~ReleaseOnExit() { hold.release(); }
};

TEST_P(LabEngineTest, ReadersKeepReadingOnlyUnderRcuWhileTheWriterSideIsHeld) {
    PublishHold hold;
    LabConfig config;
    config.strategy = GetParam();
    config.readers = 2;
    config.interval = 30s; // only schedule_refresh() wakes the monitor
    config.ismaster_latency = 0us;
    hold.install(config);
    LabEngine engine(config);
    const ReleaseOnExit release{hold};
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers_started(kTimeout));
    engine.schedule_refresh();
    ASSERT_TRUE(hold.wait_held()) << "the monitor reached the writer side";
    EXPECT_EQ(engine.progress().publishes, 0u);

    // 50 more batches of 64 reads per reader, all while the new state waits to go in.
    constexpr std::uint64_t kBatches = 2 * 50;
    if (is_rcu(GetParam())) {
        EXPECT_TRUE(hold.wait_batches_while_held(kBatches, kTimeout))
            << "RCU readers never wait for the writer";
    } else {
        // The control: readers queue behind the write lock, at most finishing the batch each
        // was in. Proves that the hook holds the writer side.
        EXPECT_FALSE(hold.wait_batches_while_held(kBatches, 200ms))
            << "readers read through a held write lock";
    }
    EXPECT_EQ(engine.progress().publishes, 0u) << "still held";
    hold.release();
    ASSERT_TRUE(engine.wait_for_progress([](const MonitorProgress& p) { return p.publishes >= 1; },
                                         kTimeout));
    engine.stop();
    const Stats s = engine.snapshot();
    EXPECT_EQ(s.reads_inconsistent, 0u);
    expect_counters_add_up(s, 2);
    if (!is_rcu(GetParam())) {
        EXPECT_GT(s.blocked_s_total, 0.0) << "the readers' wait for the lock is measured";
    }
}

TEST(LabEngine, SixtyFourReaders) {
    LabConfig config;
    config.strategy = Strategy::wasp;
    config.readers = 64;
    config.reader_nice = 5; // as the window does, so that the monitor gets the CPU
    config.interval = 1ms;
    config.ismaster_latency = 0us;
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers_started(kTimeout));
    ASSERT_TRUE(wait_for_more_publishes(engine, 1));
    engine.stop();
    const Stats s = engine.snapshot();
    EXPECT_EQ(s.reads_inconsistent, 0u);
    expect_counters_add_up(s, 64);
    for (std::uint64_t r : s.reads_per_thread) {
        EXPECT_GT(r, 0u) << "every reader got through the start gate";
    }
    EXPECT_EQ(s.cell.pending(), 0u);
}

TEST(LabEngine, RejectsBadConfigAndASecondStart) {
    LabConfig config;
    config.readers = 0;
    EXPECT_THROW(LabEngine{config}, std::invalid_argument);
    config.readers = 65;
    EXPECT_THROW(LabEngine{config}, std::invalid_argument);
    config.readers = 1;
    config.interval = 0us;
    EXPECT_THROW(LabEngine{config}, std::invalid_argument);
    config.interval = 1ms;
    config.reader_nice = 20;
    EXPECT_THROW(LabEngine{config}, std::invalid_argument);

    LabConfig ok;
    ok.readers = 1;
    LabEngine engine(ok);
    engine.stop(); // before start: nothing to do
    engine.start();
    EXPECT_THROW(engine.start(), std::logic_error);
    // Destroyed while running: the destructor stops and joins.
}

// ---------------------------------------------------------------------------------------------
// naive (in place): the blog's client on real threads tears

// The monitor is parked halfway through rewriting the table (members written, primary index
// not yet): every read of members[primary] meanwhile combines two refreshes, so each one is a
// torn read. Deterministic: the readers complete two batches while the monitor waits.
TEST(LabInPlace, EveryReadTearsWhileTheMonitorIsHalfwayThroughItsRewrite) {
    LabConfig config;
    config.strategy = Strategy::naive_in_place;
    config.readers = 2;
    config.interval = 200us;
    config.ismaster_latency = 20us;
    std::mutex mu;
    std::condition_variable cv;
    bool armed = false, held = false, released = false;
    std::uint64_t batches_while_held = 0;
    config.in_place_midway = [&] {
        std::unique_lock lock(mu);
        if (!armed || released) {
            return;
        }
        held = true;
        cv.notify_all();
        cv.wait(lock, [&] { return released; });
    };
    config.after_batch = [&](int) {
        std::lock_guard lock(mu);
        if (held && !released) {
            ++batches_while_held;
            cv.notify_all();
        }
    };
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers_started(kTimeout));
    const std::uint64_t torn_before = engine.snapshot().reads_inconsistent;
    {
        std::unique_lock lock(mu);
        armed = true;
        ASSERT_TRUE(cv.wait_for(lock, kTimeout, [&] { return held; }));
        // Two batches from each reader at least (one may have begun before the hold).
        ASSERT_TRUE(cv.wait_for(lock, kTimeout, [&] { return batches_while_held >= 6; }));
        released = true;
    }
    cv.notify_all();
    engine.stop();
    const Stats s = engine.snapshot();
    expect_counters_add_up(s, 2);
    EXPECT_GE(s.reads_inconsistent - torn_before, 4u * 64u)
        << "every read during the hold combines the new member with the old primary index";
}

// Without a hold the tearing is a race, and so is how often it happens; what must hold is
// that the counters add up and (under TSan) that the relaxed per-field atomics are no data
// race.
TEST(LabInPlace, ReadersAndTheMonitorRaceWithoutUndefinedBehaviour) {
    LabConfig config;
    config.strategy = Strategy::naive_in_place;
    config.readers = 2;
    config.interval = 100us;
    config.ismaster_latency = 0us;
    config.timing.election_delay = 2ms;
    LabEngine engine(config);
    engine.start();
    ASSERT_TRUE(engine.wait_for_readers_started(kTimeout));
    ASSERT_TRUE(wait_for_more_publishes(engine, 20));
    EXPECT_FALSE(engine.kill_primary().empty());
    ASSERT_TRUE(wait_for_more_publishes(engine, 20));
    engine.stop();
    const Stats s = engine.snapshot();
    expect_counters_add_up(s, 2);
    EXPECT_GT(s.reads_ok, 0u);
}

} // namespace
} // namespace wn::lab
