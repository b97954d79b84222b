// FrameBuilder, which folds the trace on from its last frame while the run plays forward,
// gives the same frames as build_frame() from scratch and as the straightforward walk of
// every event from the trail back over the connect timeout, for every built-in scenario.

#include "scenario/library.h"
#include "simulation.h"
#include "ui/model/caption.h"
#include "ui/model/frame.h"
#include "ui/model/frame_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace wn::ui {
namespace {

/// The requests a frame draws, by the definition: every request begun from the trail back
/// over the connect timeout on, answered within the trail or still open (an answer closing
/// the oldest open request of its actor and kind), after those hanging from before the walk
/// (from the threads' states, last thread first); the newest 600.
std::vector<PacketFrame> reference_packets(const Frame& f, const Simulation& sim, double trail) {
    const auto& events = sim.trace().events();
    const SimTime horizon = sim.now() - from_seconds(trail);
    const SimTime oldest = horizon - from_seconds(sim.scenario().connect_timeout_s) - 1;
    std::size_t i = events.first();
    while (i < events.size() && events[i].time < oldest)
        ++i;
    std::vector<PacketFrame> answered, open;
    for (; i < events.size(); ++i) {
        const TraceEvent& e = events[i];
        const bool ism = e.kind == EventKind::IsMasterBegin || e.kind == EventKind::IsMasterEnd;
        if (e.kind == EventKind::IsMasterBegin || e.kind == EventKind::SendBegin) {
            PacketFrame p;
            p.from = e.actor;
            p.member = f.member_index(e.a, sim.hosts());
            p.ismaster = ism;
            p.begin = to_seconds(e.time);
            open.push_back(p);
        } else if (e.kind == EventKind::IsMasterEnd || e.kind == EventKind::SendEnd) {
            const auto it = std::find_if(open.begin(), open.end(), [&](const PacketFrame& p) {
                return p.from == e.actor && p.ismaster == ism;
            });
            if (it == open.end())
                continue;
            PacketFrame p = *it;
            open.erase(it);
            p.end = to_seconds(e.time);
            p.ok = ism ? e.b != static_cast<int>(IsMasterOutcome::Failed) : e.b == 1;
            if (e.time >= horizon)
                answered.push_back(p);
        }
    }
    for (const ThreadState& t : sim.client().threads()) {
        const bool on_wire = t.step == ThreadStep::Sending ||
                             (t.step == ThreadStep::Refreshing && t.target != kNoHost);
        if (!on_wire || t.since >= oldest)
            continue;
        PacketFrame p;
        p.from = t.id;
        p.member = f.member_index(t.target, sim.hosts());
        p.ismaster = t.step == ThreadStep::Refreshing;
        p.begin = to_seconds(t.since);
        open.insert(open.begin(), p);
    }
    answered.insert(answered.end(), open.begin(), open.end());
    if (answered.size() > 600)
        answered.erase(answered.begin(), answered.end() - 600);
    return answered;
}

/// The newest in-place write to the shared dict, scanning back from the newest event and
/// stopping after the first event older than the trail; -1 when none.
double reference_last_mutation(const Simulation& sim, double trail) {
    const auto& events = sim.trace().events();
    for (std::size_t i = events.size(); i > events.first(); --i) {
        const TraceEvent& e = events[i - 1];
        if (e.kind == EventKind::MemberPut || e.kind == EventKind::MemberPop ||
            e.kind == EventKind::PrimaryAssign)
            return to_seconds(e.time);
        if (e.time < sim.now() - from_seconds(trail))
            break;
    }
    return -1;
}

struct Counts {
    int frames = 0;
    int with_packets = 0;
    int answered = 0;
    int mutations = 0;
};

/// The builder's frame at `sim`'s time, compared field by field with the from-scratch one
/// and the reference walk.
void expect_same(FrameBuilder& builder, const Simulation& sim, double trail,
                 const std::string& where, Counts& counts, bool with_reference) {
    const Frame incremental = builder.build(sim, trail);
    const Frame scratch = build_frame(sim, trail);
    ++counts.frames;
    counts.with_packets += !scratch.packets.empty();
    counts.answered += std::any_of(scratch.packets.begin(), scratch.packets.end(),
                                   [](const PacketFrame& p) { return p.end >= 0; });
    ASSERT_TRUE(incremental == scratch)
        << where << " t=" << to_seconds(sim.now()) << " trail=" << trail << ": packets "
        << incremental.packets.size() << " vs " << scratch.packets.size();
    if (!with_reference)
        return;
    ASSERT_TRUE(scratch.packets == reference_packets(scratch, sim, trail))
        << where << " t=" << to_seconds(sim.now()) << " trail=" << trail;
    if (scratch.shared) {
        EXPECT_EQ(scratch.shared->last_mutation_at, reference_last_mutation(sim, trail))
            << where << " t=" << to_seconds(sim.now());
        counts.mutations += scratch.shared->last_mutation_at >= 0;
    }
}

/// Plays `scenario` to its end in random steps (from a millisecond to two seconds), the
/// trail changing now and then as a speed change does, and twice goes back to an earlier
/// moment in a fresh run, as a seek back does. The reference walk (slow at many threads)
/// checks every `reference_every`th frame.
void play_and_compare(Scenario scenario, const std::string& where, Counts& counts,
                      std::uint64_t& rebuilds, int reference_every = 1) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> step(0.001, 2.0);
    const double trails[] = {0.5, 0.002, 0.05, 5.0, 0.5};
    auto sim = std::make_unique<Simulation>(scenario, true);
    FrameBuilder builder;
    double trail = 0.5;
    int frame = 0, seeks_back = 0;
    while (!sim->finished()) {
        const double t = to_seconds(sim->now()) + step(rng) * (frame % 7 == 0 ? 1 : 0.05);
        sim->run_until(from_seconds(t));
        if (++frame % 23 == 0)
            trail = trails[(frame / 23) % 5];
        if (frame % 97 == 0 && seeks_back < 2) {
            ++seeks_back;
            const SimTime back = sim->now() / 2;
            sim = std::make_unique<Simulation>(scenario, true);
            sim->run_until(back);
        }
        expect_same(builder, *sim, trail, where, counts, frame % reference_every == 0);
        if (::testing::Test::HasFatalFailure())
            return;
    }
    rebuilds += builder.packets().rebuilds();
}

TEST(FrameBuilder, EqualsTheFromScratchFrameThroughEveryBuiltinScenario) {
    for (const BuiltinScenario& builtin : builtin_scenarios()) {
        for (StrategyKind strategy : {StrategyKind::Naive, StrategyKind::Wasp}) {
            Scenario scenario = load_scenario(builtin.name);
            scenario.strategy = strategy;
            const std::string where = builtin.name + "/" + strategy_name(strategy);
            Counts counts;
            std::uint64_t rebuilds = 0;
            play_and_compare(scenario, where, counts, rebuilds);
            ASSERT_FALSE(HasFatalFailure()) << where;
            // Both paths ran: the frames were mostly folded on, some walked from scratch.
            EXPECT_GE(rebuilds, 3u) << where;
            EXPECT_LT(rebuilds * 4, static_cast<std::uint64_t>(counts.frames)) << where;
            EXPECT_GT(counts.answered, 0) << where << ": no answered request was compared";
            if (strategy == StrategyKind::Naive && builtin.name == "primary-fails") {
                EXPECT_GT(counts.mutations, 0) << where << ": no in-place write was compared";
            }
        }
    }
}

TEST(FrameBuilder, EqualsTheFromScratchFrameWithManyThreads) {
    for (StrategyKind strategy : {StrategyKind::Naive, StrategyKind::Wasp}) {
        Scenario scenario = load_scenario("primary-fails");
        scenario.strategy = strategy;
        scenario.threads = 300;
        scenario.duration_s = 40;
        Counts counts;
        std::uint64_t rebuilds = 0;
        play_and_compare(scenario, strategy_name(strategy), counts, rebuilds, 10);
        ASSERT_FALSE(HasFatalFailure());
        EXPECT_GT(counts.with_packets * 2, counts.frames);
    }
}

TEST(FrameBuilder, ANewRunAtTheSameMomentIsWalkedFromScratch) {
    Scenario scenario = load_scenario("primary-fails");
    auto first = std::make_unique<Simulation>(scenario, true);
    first->run_until(from_seconds(12));
    FrameBuilder builder;
    const Frame before = builder.build(*first, 0.5);
    scenario.threads = 40;
    first.reset(); // the new run may take the old one's address
    auto second = std::make_unique<Simulation>(scenario, true);
    second->run_until(from_seconds(12));
    const Frame after = builder.build(*second, 0.5);
    EXPECT_EQ(builder.packets().rebuilds(), 2u);
    EXPECT_TRUE(after == build_frame(*second, 0.5));
    EXPECT_FALSE(after.packets == before.packets);
}

TEST(FrameBuilder, TheCaptionSkipsOnlyKindsNarrateNeverTells) {
    for (StrategyKind strategy : {StrategyKind::Naive, StrategyKind::Wasp}) {
        Scenario scenario = load_scenario("primary-fails");
        scenario.strategy = strategy;
        Simulation sim(scenario, true);
        sim.run_until(from_seconds(15));
        int skipped = 0;
        for (int k = 0; k < static_cast<int>(EventKind::Count); ++k) {
            const auto kind = static_cast<EventKind>(k);
            if (may_narrate(kind))
                continue;
            ++skipped;
            for (ActorId actor : {kActorMonitor, ActorId{1}})
                for (std::int32_t a : {0, 1, 2})
                    for (std::int64_t b : {0, 1, 2, 3})
                        EXPECT_EQ(narrate(sim, TraceEvent{sim.now(), actor, kind, a, b}), "")
                            << event_kind_name(kind) << " is told but the caption skips it";
        }
        EXPECT_GE(skipped, 20);
    }
}

} // namespace
} // namespace wn::ui
