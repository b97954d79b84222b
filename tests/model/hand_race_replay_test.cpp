// A race played by hand in the window's Replay: seeking back over a pause, a step and a
// resume re-simulates exactly the run the presenter played, and step-back stays exact too.

#include "../core/hand_race.h"
#include "ui/model/caption.h"
#include "ui/model/replay.h"

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

constexpr ActorId kT1 = 1;
using Kind = UserAction::Kind;

const ThreadState& t1(const Replay& r) {
    return r.sim().client().threads()[kT1];
}

/// Steps the replay until T1 stands at a line; false when the run ends first.
bool step_until_parked(Replay& r) {
    for (int i = 0; i < 100000 && !t1(r).parked; ++i)
        if (!r.step())
            return false;
    return t1(r).parked;
}

/// Pause T1, step it to the lookup, kill the primary, resume T1 a few seconds later.
void play_the_race(Replay& r) {
    r.seek(1.0);
    ASSERT_EQ(r.apply(test::thread_action(Kind::PauseThread, kT1)), "");
    ASSERT_TRUE(step_until_parked(r));
    for (int i = 0; i < 50 && t1(r).point != CodePoint::NaiveLookup; ++i) {
        ASSERT_EQ(r.apply(test::thread_action(Kind::StepThread, kT1)), "");
        ASSERT_TRUE(step_until_parked(r));
    }
    ASSERT_EQ(t1(r).point, CodePoint::NaiveLookup);
    const auto parked = test::find_event(r.sim(), EventKind::ThreadParked, kT1,
                                         r.sim().trace().events().size() - 1);
    ASSERT_TRUE(parked) << "the replay keeps the events";
    EXPECT_EQ(narrate(r.sim(), *parked), "T1 is paused by hand, before primary = "
                                         "self.__members[self.__writer]; the others run on.");
    const HostId primary = *r.sim().world().primary();
    ASSERT_EQ(r.apply(test::kill_action(r.sim().hosts().name(primary))), "");
    r.seek(r.now() + 5);
    ASSERT_TRUE(t1(r).parked) << "T1 waits while the clock runs";
    ASSERT_EQ(r.apply(test::thread_action(Kind::ResumeThread, kT1)), "");
}

TEST(HandRaceReplay, SeekingBackOverAPauseReplaysIdentically) {
    Replay played(test::hand_race_scenario(StrategyKind::Naive));
    play_the_race(played);
    played.seek(15);
    const std::string at_15 = played.sim().trace().sha256();
    const auto key_errors =
        played.sim().metrics().errors[static_cast<std::size_t>(ErrorKind::KeyError)];
    EXPECT_GT(key_errors, 0);

    played.seek(1.5); // back over the pause and the steps: re-simulated with the clicks
    EXPECT_TRUE(t1(played).paused) << "T1 is paused again at 1.5 s";
    played.seek(15);
    EXPECT_EQ(played.sim().trace().sha256(), at_15);

    // And a run that never paused T1 is another run.
    Replay untouched(test::hand_race_scenario(StrategyKind::Naive));
    untouched.seek(15);
    EXPECT_NE(untouched.sim().trace().sha256(), at_15);
}

TEST(HandRaceReplay, StepBackOverAStepLandsOnTheSameState) {
    Replay r(test::hand_race_scenario(StrategyKind::Naive));
    r.seek(1.0);
    ASSERT_EQ(r.apply(test::thread_action(Kind::PauseThread, kT1)), "");
    ASSERT_TRUE(step_until_parked(r));
    ASSERT_EQ(r.apply(test::thread_action(Kind::StepThread, kT1)), "");
    ASSERT_TRUE(step_until_parked(r));
    const CodePoint point = t1(r).point;
    const std::string here = r.sim().trace().sha256();
    ASSERT_TRUE(r.step());
    ASSERT_TRUE(r.step_back());
    EXPECT_EQ(r.sim().trace().sha256(), here);
    EXPECT_TRUE(t1(r).parked);
    EXPECT_EQ(t1(r).point, point);
}

TEST(HandRaceReplay, AClickGoesToThePaneClickedFirstAndItsAnswerCounts) {
    Replay r(test::hand_race_scenario(StrategyKind::Naive),
             {StrategyKind::Naive, StrategyKind::Wasp});
    r.seek(1.0);
    auto parked = [&r](int pane) {
        return r.sim(pane).client().threads()[kT1].parked;
    };
    ASSERT_EQ(r.apply(test::thread_action(Kind::PauseThread, kT1)), "");
    // Run to a moment where T1 stands at a line in the wasp pane only.
    for (int i = 0; i < 100000 && !(parked(1) && !parked(0)); ++i) {
        if (parked(0)) {
            ASSERT_EQ(r.apply(test::thread_action(Kind::StepThread, kT1)), "");
        }
        ASSERT_TRUE(r.step());
    }
    ASSERT_TRUE(parked(1) && !parked(0));
    const std::size_t naive_clicks = r.sim(0).user_actions().size();
    const std::size_t wasp_clicks = r.sim(1).user_actions().size();
    // Led by the naive pane, the step is refused there and goes nowhere.
    EXPECT_EQ(r.apply(test::thread_action(Kind::StepThread, kT1), 0),
              "T1 has not reached its next line yet");
    EXPECT_EQ(r.sim(1).user_actions().size(), wasp_clicks);
    // Led by the wasp pane, it runs T1's line there.
    EXPECT_EQ(r.apply(test::thread_action(Kind::StepThread, kT1), 1), "");
    EXPECT_EQ(r.sim(1).user_actions().size(), wasp_clicks + 1);
    EXPECT_FALSE(parked(1));
    EXPECT_EQ(r.sim(0).user_actions().size(), naive_clicks) << "the naive pane refused it";
}

} // namespace
} // namespace wn::ui
