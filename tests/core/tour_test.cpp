// The guided tour's file format (core/tour/tour_json) and its stop conditions (tour_stop).

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "simulation.h"
#include "tour/tour_json.h"
#include "tour/tour_stop.h"

#include <gtest/gtest.h>
#include <string>

namespace wn {
namespace {

/// A one-step tour whose step is `step_json`.
std::string tour_with_step(const std::string& step_json) {
    return R"({"title": "t", "chapters": [{"title": "c", "steps": [)" + step_json + "]}]}";
}

std::string error_of(const std::string& text) {
    try {
        parse_tour(text, "my.json");
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "(no error)";
}

constexpr const char* kGoodStep =
    R"({"scenario": "primary-fails", "stop": {"at_s": 4}, "text": "Hello."})";

TEST(TourFormat, ParsesEveryField) {
    const Tour tour = parse_tour(tour_with_step(R"({"scenario": "herd-100",
        "strategies": "naive, wasp", "threads": 20, "seed": 7,
        "stop": {"until": "primary_down", "after_s": 2}, "speed": 0.5,
        "spotlight": {"member": "db2"}, "text": "Look.", "quote": "Q", "section": "The Bugs"})"),
                                 "x.json");
    ASSERT_EQ(tour.chapters.size(), 1u);
    const TourStep& s = tour.chapters[0].steps.at(0);
    EXPECT_EQ(s.scenario, "herd-100");
    EXPECT_EQ(s.strategies, (std::vector<StrategyKind>{StrategyKind::Naive, StrategyKind::Wasp}));
    EXPECT_EQ(s.threads, 20);
    EXPECT_EQ(s.seed, 7u);
    EXPECT_TRUE(s.stop.until);
    EXPECT_EQ(s.stop.event, StopEvent::PrimaryDown);
    EXPECT_DOUBLE_EQ(s.stop.after_s, 2);
    EXPECT_DOUBLE_EQ(s.speed, 0.5);
    EXPECT_EQ(s.spotlight.kind, Spotlight::Kind::Member);
    EXPECT_EQ(s.spotlight.member, "db2:27017");
    EXPECT_EQ(s.quote, "Q");
    EXPECT_EQ(s.section, "The Bugs");
    const Scenario sc = step_scenario(s);
    EXPECT_EQ(sc.threads, 20);
    EXPECT_EQ(sc.seed, 7u);
    EXPECT_EQ(sc.strategy, StrategyKind::Naive);
}

TEST(TourFormat, SpotlightForms) {
    auto spot = [](const std::string& j) {
        return parse_tour(tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "spotlight": )" +
                                         j + "}"),
                          "x.json")
            .chapters[0]
            .steps[0]
            .spotlight;
    };
    EXPECT_EQ(spot(R"("monitor")").kind, Spotlight::Kind::Monitor);
    EXPECT_EQ(spot(R"("none")").kind, Spotlight::Kind::None);
    EXPECT_EQ(spot(R"({"thread": 8})").thread, 8);
    EXPECT_EQ(spot(R"({"version": 3})").version, 3);
    EXPECT_EQ(spot(R"({"chart": "errors"})").chart, "errors");
}

struct BadTour {
    std::string text;
    std::string message;
};

class TourErrors : public ::testing::TestWithParam<BadTour> {};

TEST_P(TourErrors, OneLineNamingFilePathAndReason) {
    const std::string got = error_of(GetParam().text);
    EXPECT_EQ(got, GetParam().message);
    EXPECT_EQ(got.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Fields, TourErrors,
    ::testing::Values(
        BadTour{"{", "my.json: malformed JSON: parse error at line 1, column 2: syntax error "
                     "while parsing object key - "
                     "unexpected end of input; expected string literal"},
        BadTour{R"({"chapters": []})", "my.json: field 'title': is required"},
        BadTour{R"({"title": "t", "chapters": []})",
                "my.json: field 'chapters': must not be empty"},
        BadTour{R"({"title": "t", "chapters": [{"title": "c", "steps": [{"scenario": "nope",
            "stop": {"at_s": 1}, "text": "x"}]}]})",
                "my.json: field 'chapters[0].steps[0].scenario': 'nope' is not a built-in "
                "scenario (add-secondary, all-down, herd-100, monitor-race, partition, "
                "power-off, primary-fails, slow-secondary, stale-primary, step-down)"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"until": "boom"},
            "text": "x"})"),
                "my.json: field 'chapters[0].steps[0].stop.until': unknown event 'boom' "
                "(expected one of " +
                    stop_event_names() + ")"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 61},
            "text": "x"})"),
                "my.json: field 'chapters[0].steps[0].stop.at_s': must be between 0 and 60 s, "
                "within the scenario's run"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {}, "text": "x"})"),
                "my.json: field 'chapters[0].steps[0].stop': needs exactly one of \"at_s\" (a "
                "time) and \"until\" (an event)"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1}})"),
                "my.json: field 'chapters[0].steps[0].text': is required"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "strategies": "naive,fast"})"),
                "my.json: field 'chapters[0].steps[0].strategies': unknown strategy 'fast' "
                "(expected naive, mutex, rwlock, wasp or sdam, or a list such as naive,wasp)"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "spotlight": {"thread": 9}})"),
                "my.json: field 'chapters[0].steps[0].spotlight.thread': must be between 1 and 8"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "spotlight": {"member": "db9"}})"),
                "my.json: field 'chapters[0].steps[0].spotlight.member': 'db9' is not a member "
                "of scenario 'primary-fails'"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "speed": 0})"),
                "my.json: field 'chapters[0].steps[0].speed': must be between 0.01 and 100 times "
                "real time"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "quote": "q"})"),
                "my.json: field 'chapters[0].steps[0].quote': needs \"section\": the blog "
                "section it is from"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "colour": "red"})"),
                "my.json: field 'chapters[0].steps[0].colour': unknown field"},
        BadTour{tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
            "text": "x", "threads": 0})"),
                "my.json: field 'chapters[0].steps[0].threads': must be between 1 and 1000"}));

TEST(TourFormat, TooManyChaptersIsRefusedBeforeReadingThem) {
    std::string chapters;
    for (std::size_t i = 0; i <= kMaxTourChapters; ++i)
        chapters += std::string(i ? "," : "") + "{}";
    EXPECT_EQ(error_of(R"({"title": "t", "chapters": [)" + chapters + "]}"),
              "my.json: field 'chapters': has 31 entries; at most 30 are allowed");
}

TEST(TourFormat, LongTextIsRefused) {
    const std::string text(kMaxStepText + 1, 'a');
    EXPECT_EQ(error_of(tour_with_step(R"({"scenario": "primary-fails", "stop": {"at_s": 1},
        "text": ")" + text + "\"}")),
              "my.json: field 'chapters[0].steps[0].text': is 401 bytes long; at most 400 are "
              "allowed");
}

TEST(TourFormat, UnknownTourNameListsTheBuiltIns) {
    try {
        load_tour("no-such-tour");
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_EQ(std::string(e.what()), "no-such-tour: not a built-in tour (blog) nor a file");
    }
}

TourStop until(StopEvent e, double after = 0) {
    TourStop s;
    s.until = true;
    s.event = e;
    s.after_s = after;
    return s;
}

TEST(TourStop, AtTimeIsReachedWhenTheClockGetsThere) {
    Simulation sim(load_scenario("primary-fails"), true);
    TourStop at;
    at.at_s = 2;
    sim.run_until(from_seconds(1.5));
    EXPECT_FALSE(stop_reached(sim, at));
    sim.run_until(from_seconds(2));
    EXPECT_TRUE(stop_reached(sim, at));
}

TEST(TourStop, PrimaryDownIsTheKillOfThePrimaryNotOfASecondary) {
    Scenario s = load_scenario("primary-fails");
    // db2, a secondary, dies first; only db1's death is the primary going down.
    Fault kill2;
    kill2.at_s = 1;
    kill2.host = "db2:27017";
    s.timeline.insert(s.timeline.begin(), kill2);
    Simulation sim(s, true);
    sim.run_until(from_seconds(2));
    EXPECT_TRUE(stop_reached(sim, until(StopEvent::MemberDown)));
    EXPECT_FALSE(stop_reached(sim, until(StopEvent::PrimaryDown)));
    const auto t = run_to_stop(sim, until(StopEvent::PrimaryDown));
    ASSERT_TRUE(t);
    EXPECT_DOUBLE_EQ(*t, 3.0);
}

TEST(TourStop, UntilCountsOnlyEventsFromTheStepsStartAndAfterItsTime) {
    Simulation sim(load_scenario("primary-fails"), true);
    const auto first = run_to_stop(sim, until(StopEvent::Publish, 3));
    ASSERT_TRUE(first);
    EXPECT_GT(*first, 3.0);
    const std::size_t seen = sim.trace().events().size();
    EXPECT_TRUE(stop_reached(sim, until(StopEvent::Publish, 3)));
    EXPECT_FALSE(stop_reached(sim, until(StopEvent::Publish, 3), seen));
    EXPECT_FALSE(stop_reached(sim, until(StopEvent::Publish, *first + 1)));
}

TEST(TourStop, KeyErrorOfTheBlogIsReachedUnderNaiveAndNeverUnderWasp) {
    Scenario s = load_scenario("monitor-race");
    Simulation naive(s, true);
    const auto t = run_to_stop(naive, until(StopEvent::KeyError));
    ASSERT_TRUE(t);
    EXPECT_GT(*t, 20.0);
    s.strategy = StrategyKind::Wasp;
    Simulation wasp(s, true);
    EXPECT_FALSE(run_to_stop(wasp, until(StopEvent::KeyError)));
    EXPECT_TRUE(wasp.finished());
}

/// Every step of the built-in tour stops where it says: its event really happens, after
/// where the step starts (the previous step's stop when it continues the same run).
TEST(BuiltinTour, EveryStopIsReached) {
    const Tour tour = load_tour("blog");
    ASSERT_GE(tour.chapters.size(), 9u);
    const std::vector<std::optional<double>> plan = plan_tour(tour);
    ASSERT_EQ(plan.size(), tour.step_count());
    std::size_t index = 0;
    const TourStep* previous = nullptr;
    std::unique_ptr<Simulation> sim;
    double last_stop = 0;
    for (const TourChapter& chapter : tour.chapters) {
        for (const TourStep& step : chapter.steps) {
            SCOPED_TRACE(chapter.title + ": " + step.text);
            if (!previous || !same_run(*previous, step)) {
                sim = std::make_unique<Simulation>(step_scenario(step), true);
                last_stop = 0;
            }
            const std::size_t from = sim->trace().events().size();
            const auto t = run_to_stop(*sim, step.stop, from);
            ASSERT_TRUE(t) << "the run ends before the stop";
            EXPECT_GE(*t, last_stop);
            EXPECT_TRUE(stop_reached(*sim, step.stop, from));
            EXPECT_EQ(plan[index++], t);
            last_stop = *t;
            previous = &step;
        }
    }
}

} // namespace
} // namespace wn
