#include "hand_race.h"
#include "scenario/scenario_json.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace wn {
namespace {

using test::find_event;
using test::thread_action;
using test::thread_of;
using Kind = UserAction::Kind;

constexpr ActorId kT1 = 1;

/// T1 paused between reading self.primary and the lookup, the primary killed, and the run
/// taken on until `gone()`: what the presenter does before resuming T1.
struct HandRace {
    explicit HandRace(StrategyKind strategy) : sim(test::hand_race_scenario(strategy), true) {}
    Simulation sim;
    HostId primary = kNoHost;
    std::size_t events_at_kill = 0;

    void pause_and_kill(CodePoint lookup) {
        sim.run_until(from_seconds(1));
        ASSERT_TRUE(test::pause_at(sim, kT1, lookup));
        primary = sim.world().primary().value_or(kNoHost);
        ASSERT_NE(primary, kNoHost);
        ASSERT_EQ(thread_of(sim, kT1).target, primary) << "T1 is about to look up the primary";
        events_at_kill = sim.trace().events().size();
        ASSERT_EQ(sim.apply(test::kill_action(sim.hosts().name(primary))), "");
    }
    /// Resumes T1 and returns how its operation ended.
    ErrorKind resume() {
        const std::size_t from = sim.trace().events().size();
        EXPECT_EQ(sim.apply(thread_action(Kind::ResumeThread, kT1)), "");
        std::optional<TraceEvent> end;
        test::run_until(sim, sim.now() + from_seconds(30), [&] {
            end = find_event(sim, EventKind::OpEnd, kT1, from);
            return end.has_value();
        });
        EXPECT_TRUE(end.has_value()) << "T1's operation never ended";
        return end ? static_cast<ErrorKind>(end->a) : ErrorKind::None;
    }
};

TEST(HandRace, NaiveT1PausedBeforeTheLookupGetsKeyErrorOnceAnotherThreadPopsTheMember) {
    HandRace race(StrategyKind::Naive);
    race.pause_and_kill(CodePoint::NaiveLookup);
    // T1 has read self.primary and stands at self.members[...].
    const auto read = find_event(race.sim, EventKind::ReadPrimary, kT1);
    ASSERT_TRUE(read);
    std::optional<TraceEvent> pop;
    ASSERT_TRUE(test::run_until(race.sim, from_seconds(40), [&] {
        pop = find_event(race.sim, EventKind::MemberPop, std::nullopt, race.events_at_kill);
        return pop && pop->a == race.primary;
    })) << "nobody popped the dead primary";
    EXPECT_NE(pop->actor, kT1);
    EXPECT_TRUE(thread_of(race.sim, kT1).parked) << "T1 must wait at its line all along";
    EXPECT_EQ(thread_of(race.sim, kT1).point, CodePoint::NaiveLookup);
    EXPECT_FALSE(find_event(race.sim, EventKind::LookupMember, kT1, race.events_at_kill));

    EXPECT_EQ(race.resume(), ErrorKind::KeyError);
    const auto cause = find_event(race.sim, EventKind::KeyErrorCause, kT1);
    ASSERT_TRUE(cause);
    EXPECT_EQ(static_cast<KeyErrorCause>(cause->a), KeyErrorCause::MemberPoppedBetween);
    EXPECT_EQ(cause->b, pop->actor);
}

TEST(HandRace, WaspSameClicksNoKeyErrorAndT1KeepsItsVersionAliveWhilePaused) {
    HandRace race(StrategyKind::Wasp);
    race.pause_and_kill(CodePoint::WaspLookup);
    const int held = thread_of(race.sim, kT1).held_version;
    ASSERT_GT(held, 0);
    const StateHeap& heap = *race.sim.client().heap();
    // Run on until a refresh has published a state without the dead primary.
    ASSERT_TRUE(test::run_until(race.sim, from_seconds(40), [&] {
        return heap.current_version() > held && !heap.current().get(race.primary);
    }));
    const VersionRecord& kept = heap.record(held);
    EXPECT_TRUE(kept.live()) << "T1's reference keeps its version";
    EXPECT_GT(kept.refcount, 0);
    EXPECT_NE(std::find(kept.holders.begin(), kept.holders.end(), kT1), kept.holders.end());
    EXPECT_TRUE(heap.state(held).get(race.primary)) << "T1's version still has its primary";

    const ErrorKind result = race.resume();
    EXPECT_NE(result, ErrorKind::KeyError);
    EXPECT_FALSE(find_event(race.sim, EventKind::KeyErrorCause, std::nullopt));
    const auto lookup = find_event(race.sim, EventKind::LookupMember, kT1, race.events_at_kill);
    ASSERT_TRUE(lookup);
    EXPECT_EQ(lookup->b, 1) << "rs_state.members[host] found its member";
    race.sim.run_until(race.sim.now() + from_seconds(1));
    EXPECT_FALSE(heap.record(held).live()) << "released by T1, the version is reclaimed";
}

TEST(HandRace, AParkedThreadQueuesNothingAndOthersRunOn) {
    Simulation sim(test::hand_race_scenario(StrategyKind::Naive), true);
    sim.run_until(from_seconds(1));
    ASSERT_EQ(sim.apply(thread_action(Kind::PauseThread, kT1)), "");
    ASSERT_TRUE(test::run_until_parked(sim, kT1));
    const std::uint64_t t1_events = [&] {
        std::uint64_t n = 0;
        for (const TraceEvent& e : sim.trace().events())
            n += e.actor == kT1;
        return n;
    }();
    const auto before = sim.metrics().ops_ok;
    sim.run_until(from_seconds(10));
    std::uint64_t after = 0;
    for (const TraceEvent& e : sim.trace().events())
        after += e.actor == kT1;
    EXPECT_EQ(after, t1_events) << "a parked thread does nothing";
    EXPECT_GT(sim.metrics().ops_ok, before + 10) << "the other threads go on";
    EXPECT_TRUE(thread_of(sim, kT1).paused);
}

TEST(HandRace, StepRunsExactlyOneLineThenStopsAgain) {
    Simulation sim(test::hand_race_scenario(StrategyKind::Naive), true);
    sim.run_until(from_seconds(1));
    ASSERT_TRUE(test::pause_at(sim, kT1, CodePoint::NaiveCheckWriter));
    const std::size_t from = sim.trace().events().size();
    ASSERT_EQ(sim.apply(thread_action(Kind::StepThread, kT1)), "");
    EXPECT_FALSE(thread_of(sim, kT1).parked);
    EXPECT_EQ(sim.apply(thread_action(Kind::StepThread, kT1)),
              "T1 has not reached its next line yet");
    ASSERT_TRUE(test::run_until_parked(sim, kT1));
    // `if self.__writer:` ran; it stands at reading self.__writer for the lookup.
    EXPECT_EQ(thread_of(sim, kT1).point, CodePoint::NaiveReadWriter);
    EXPECT_EQ(thread_of(sim, kT1).step, ThreadStep::ReadingPrimary);
    const auto stepped = find_event(sim, EventKind::ThreadStepped, kT1, from);
    ASSERT_TRUE(stepped);
    EXPECT_EQ(static_cast<CodePoint>(stepped->a), CodePoint::NaiveCheckWriter);
    const auto parked = find_event(sim, EventKind::ThreadParked, kT1, from);
    ASSERT_TRUE(parked);
    EXPECT_EQ(static_cast<CodePoint>(parked->a), CodePoint::NaiveReadWriter);
}

TEST(HandRace, RefusedThreadClicksAreNotRecorded) {
    Simulation sim(test::hand_race_scenario(StrategyKind::Naive));
    sim.run_until(from_seconds(1));
    EXPECT_EQ(sim.apply(thread_action(Kind::ResumeThread, kT1)), "T1 is not paused");
    EXPECT_EQ(sim.apply(thread_action(Kind::PauseThread, 9)),
              "there is no thread 9 (this run has 4)");
    ASSERT_EQ(sim.apply(thread_action(Kind::PauseThread, kT1)), "");
    EXPECT_EQ(sim.apply(thread_action(Kind::PauseThread, kT1)), "T1 is already paused");
    EXPECT_EQ(sim.user_actions().size(), 1u);
}

/// The naive race by hand, every click recorded.
std::unique_ptr<Simulation> played_naive_race() {
    auto sim = std::make_unique<Simulation>(test::hand_race_scenario(StrategyKind::Naive), true);
    sim->run_until(from_seconds(1));
    EXPECT_TRUE(test::pause_at(*sim, kT1, CodePoint::NaiveLookup));
    const HostId primary = *sim->world().primary();
    EXPECT_EQ(sim->apply(test::kill_action(sim->hosts().name(primary))), "");
    sim->run_until(sim->now() + from_seconds(5));
    EXPECT_EQ(sim->apply(thread_action(Kind::ResumeThread, kT1)), "");
    sim->run_until(from_seconds(20));
    return sim;
}

TEST(HandRace, RecordedPausesAndStepsReplayBitForBit) {
    auto live = played_naive_race();
    ASSERT_GE(live->user_actions().size(), 4u); // pause, steps, kill, resume
    EXPECT_GT(live->metrics().errors[static_cast<std::size_t>(ErrorKind::KeyError)], 0);
    Simulation replay(test::hand_race_scenario(StrategyKind::Naive));
    for (const UserAction& a : live->user_actions())
        replay.schedule(a);
    replay.run_until(from_seconds(20));
    EXPECT_EQ(replay.user_actions().size(), live->user_actions().size());
    EXPECT_EQ(replay.trace().sha256(), live->trace().sha256());
}

TEST(HandRace, ThreadActionsSurviveSaveAndLoad) {
    auto live = played_naive_race();
    Scenario saved = live->scenario();
    saved.recorded.strategy = saved.strategy;
    saved.recorded.actions = live->user_actions();
    const auto j = scenario_to_json(saved);
    const auto& list = j["run"]["user_actions"];
    ASSERT_EQ(list.size(), live->user_actions().size());
    EXPECT_EQ(list[0]["action"], "pause_thread");
    EXPECT_EQ(list[0]["thread"], 1);
    EXPECT_EQ(list[1]["action"], "step_thread");
    EXPECT_EQ(list.back()["action"], "resume_thread");
    const Scenario loaded = parse_scenario(j.dump(2), "demo.json");
    EXPECT_EQ(scenario_to_json(loaded), j);
    Simulation reopened(loaded);
    reopened.run_until(from_seconds(20));
    EXPECT_EQ(reopened.trace().sha256(), live->trace().sha256());
}

TEST(HandRace, AThreadActionNamesAThreadOfTheRun) {
    Scenario s = test::hand_race_scenario(StrategyKind::Naive);
    auto j = scenario_to_json(s);
    j["run"] = {
        {"user_actions", {{{"at_us", 5}, {"after_entries", 3}, {"action", "pause_thread"}}}}};
    EXPECT_EQ(test::error_of(j.dump()),
              "bad.json: field 'run.user_actions[0].thread': is required (1 to 4, or 0 for "
              "the monitor)");
    j["run"]["user_actions"][0]["thread"] = 5;
    EXPECT_EQ(test::error_of(j.dump()),
              "bad.json: field 'run.user_actions[0].thread': must be at most 4");
    j["run"]["user_actions"][0]["thread"] = 2;
    j["run"]["user_actions"][0]["host"] = "db1:27017";
    EXPECT_EQ(test::error_of(j.dump()),
              "bad.json: field 'run.user_actions[0].host': unknown field");
}

} // namespace
} // namespace wn
