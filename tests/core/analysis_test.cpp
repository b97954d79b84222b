#include "analysis/markers.h"
#include "analysis/series.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace wn {
namespace {

std::unique_ptr<Simulation> kept_run(StrategyKind kind, int threads) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = kind;
    s.threads = threads;
    auto sim = std::make_unique<Simulation>(s, true);
    sim->run();
    return sim;
}

TEST(Series, BinsAddUpToTheEnginesMetrics) {
    for (auto kind :
         {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::Wasp, StrategyKind::Sdam}) {
        const auto sim = kept_run(kind, 50);
        SeriesBuilder b(0.5);
        b.consume(sim->trace().events());
        const Metrics& m = sim->metrics();
        std::int64_t ismaster = 0, ok = 0, key = 0, reconnect = 0, refreshes = 0;
        int max_in_flight = 0, max_live = 0;
        double waited = 0;
        for (const SeriesBin& bin : b.bins()) {
            ismaster += bin.ismaster;
            ok += bin.ops_ok;
            key += bin.key_errors;
            reconnect += bin.auto_reconnects;
            refreshes += bin.refreshes_begun;
            max_in_flight = std::max(max_in_flight, bin.refreshes_max_in_flight);
            max_live = std::max(max_live, bin.live_versions);
            waited += bin.waiting_thread_seconds;
        }
        EXPECT_EQ(ismaster, m.ismaster_calls) << strategy_name(kind);
        EXPECT_EQ(ok, m.ops_ok);
        EXPECT_EQ(key, m.errors_of(ErrorKind::KeyError));
        EXPECT_EQ(reconnect, m.errors_of(ErrorKind::AutoReconnect));
        EXPECT_EQ(refreshes, m.refresh_calls);
        EXPECT_EQ(max_in_flight, m.max_concurrent_refreshes);
        EXPECT_EQ(max_live, m.max_live_states);
        // Waits still open at the end are not in the bins yet.
        EXPECT_LE(waited, to_seconds(m.wait_total) + 1e-6) << strategy_name(kind);
        if (kind == StrategyKind::Sdam) { // its threads wait in server selection after the kill
            EXPECT_GT(waited, 1.0);
        }
        EXPECT_GE(waited, to_seconds(m.wait_total) - 5.0 * sim->scenario().threads);
        // 60 s in 0.5 s bins, plus one when an event lands exactly on the end.
        const SimTime last = sim->trace().events().back().time;
        EXPECT_EQ(b.bins().size(), static_cast<std::size_t>(last / from_seconds(0.5)) + 1);
        EXPECT_GE(b.bins().size(), 120u);
    }
}

TEST(Series, FeedingIncrementallyGivesTheSameBins) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Naive;
    s.threads = 30;
    Simulation sim(s, true);
    SeriesBuilder live(0.5);
    for (double t = 1; t <= 60; t += 1.7) {
        sim.run_until(from_seconds(t));
        live.consume(sim.trace().events());
    }
    sim.run();
    live.consume(sim.trace().events());
    SeriesBuilder once(0.5);
    once.consume(sim.trace().events());
    ASSERT_EQ(live.bins().size(), once.bins().size());
    for (std::size_t i = 0; i < once.bins().size(); ++i) {
        EXPECT_EQ(live.bins()[i].ismaster, once.bins()[i].ismaster);
        EXPECT_EQ(live.bins()[i].ops_ok, once.bins()[i].ops_ok);
        EXPECT_DOUBLE_EQ(live.bins()[i].waiting_thread_seconds,
                         once.bins()[i].waiting_thread_seconds);
    }
}

// The charts read a long trace a chunk per turn of the event loop: chunk by chunk they fold
// the same bins, and each read stops at its budget.
TEST(Series, ReadingInChunksGivesTheSameBinsAndStopsAtEachBudget) {
    const auto sim = kept_run(StrategyKind::Naive, 30);
    const TraceEvents& events = sim->trace().events();
    SeriesBuilder chunked(0.5);
    constexpr std::size_t kChunk = 997;
    int reads = 0;
    while (!chunked.consume(events, kChunk)) {
        ++reads;
        ASSERT_EQ(chunked.consumed(), reads * kChunk) << "read " << reads;
    }
    EXPECT_EQ(chunked.consumed(), events.size());
    EXPECT_EQ(reads, static_cast<int>(events.size() / kChunk));
    EXPECT_TRUE(chunked.consume(events, kChunk)) << "nothing new: already read to the newest";
    SeriesBuilder once(0.5);
    EXPECT_TRUE(once.consume(events));
    ASSERT_EQ(chunked.bins().size(), once.bins().size());
    for (std::size_t i = 0; i < once.bins().size(); ++i) {
        EXPECT_EQ(chunked.bins()[i].ismaster, once.bins()[i].ismaster) << "bin " << i;
        EXPECT_EQ(chunked.bins()[i].refreshes_max_in_flight, once.bins()[i].refreshes_max_in_flight)
            << "bin " << i;
        EXPECT_EQ(chunked.bins()[i].key_errors, once.bins()[i].key_errors) << "bin " << i;
        EXPECT_DOUBLE_EQ(chunked.bins()[i].waiting_thread_seconds,
                         once.bins()[i].waiting_thread_seconds)
            << "bin " << i;
    }
}

TEST(Markers, TheKillAndTheElectionAreOnTheTimeline) {
    const auto sim = kept_run(StrategyKind::Wasp, 8);
    const auto markers = extract_markers(sim->trace().events());
    auto has = [&](Marker::Kind kind, double t) {
        return std::any_of(markers.begin(), markers.end(), [&](const Marker& m) {
            return m.kind == kind && std::abs(m.t - t) < 1e-9;
        });
    };
    EXPECT_TRUE(has(Marker::Kind::Fault, 3.0));
    EXPECT_TRUE(has(Marker::Kind::Election, 8.0));
    const auto publishes = std::count_if(markers.begin(), markers.end(), [](const Marker& m) {
        return m.kind == Marker::Kind::Publish;
    });
    EXPECT_EQ(publishes, sim->metrics().states_published);
    // Scanning from an index gives the tail only.
    const auto tail = extract_markers(sim->trace().events(), sim->trace().events().size() / 2);
    EXPECT_LT(tail.size(), markers.size());
}

TEST(Replay, SeekingBackByReplayingGivesTheSameState) {
    // What the GUI's scrubber does: a fresh run with the recorded clicks, run to T.
    Scenario s = load_scenario("primary-fails");
    s.threads = 40;
    Simulation played(s, true);
    played.run_until(from_seconds(7));
    UserAction cut;
    cut.fault = test::fault(FaultKind::CutOff, "db2:27017");
    ASSERT_EQ(played.apply(cut), "");
    played.run_until(from_seconds(12.5));
    const std::string at_12_5 = played.trace().sha256();
    const auto count = played.trace().count();
    played.run_until(from_seconds(30));

    Simulation seeked(s, true);
    for (const UserAction& a : played.user_actions())
        seeked.schedule(a);
    seeked.run_until(from_seconds(12.5));
    EXPECT_EQ(seeked.trace().sha256(), at_12_5);
    EXPECT_EQ(seeked.trace().count(), count);
}

} // namespace
} // namespace wn
