// The Trace Event Format export: well formed for Perfetto UI and chrome://tracing, and
// carrying the tracks, slices, instants, counters and flows it promises.

#include "chrome_trace_check.h"
#include "scenario/library.h"
#include "simulation.h"
#include "trace/trace_chrome.h"

#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace {

using nlohmann::json;

std::string chrome_of(wn::StrategyKind strategy, int threads, double duration_s = -1) {
    wn::Scenario s = wn::load_scenario("herd-100");
    s.strategy = strategy;
    s.threads = threads;
    if (duration_s > 0)
        s.duration_s = duration_s;
    wn::Simulation sim(s, true);
    sim.run();
    std::ostringstream out;
    wn::write_trace_chrome(sim, out);
    return out.str();
}

std::string joined(const std::vector<std::string>& problems) {
    std::string s;
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i)
        s += problems[i] + "\n";
    return s;
}

/// How many events of phase `ph` are named `name` ("" for any name).
std::size_t count(const json& doc, const std::string& ph, const std::string& name = "") {
    std::size_t n = 0;
    for (const auto& e : doc["traceEvents"])
        if (e["ph"] == ph && (name.empty() || e.value("name", "") == name))
            ++n;
    return n;
}

std::set<std::string> track_names(const json& doc) {
    std::set<std::string> names;
    for (const auto& e : doc["traceEvents"])
        if (e["ph"] == "M" && e["name"] == "thread_name")
            names.insert(e["args"]["name"].get<std::string>());
    return names;
}

TEST(ChromeTrace, TheCheckerCatchesEachKindOfBrokenFile) {
    const char* broken[] = {
        R"({"events": []})",
        R"({"traceEvents": [{"ph": "B", "pid": 1, "tid": 1, "name": "op"}]})",
        R"({"traceEvents": [{"ph": "E", "pid": 1, "tid": 1, "ts": 5}]})",
        R"({"traceEvents": [{"ph": "B", "pid": 1, "tid": 1, "ts": 5, "name": "op"}]})",
        R"({"traceEvents": [{"ph": "B", "pid": 1, "tid": 1, "ts": 5, "name": "op"},
                            {"ph": "E", "pid": 1, "tid": 2, "ts": 6}]})",
        R"({"traceEvents": [{"ph": "i", "pid": 1, "tid": 1, "ts": 5, "name": "a"},
                            {"ph": "i", "pid": 1, "tid": 1, "ts": 4, "name": "b"}]})",
        R"({"traceEvents": [{"ph": "X", "pid": 1, "tid": 1, "ts": 5, "name": "op"}]})",
        R"({"traceEvents": [{"ph": "C", "pid": 1, "tid": 0, "ts": 5, "name": "n",
                             "args": {"value": "many"}}]})",
        R"({"traceEvents": [{"ph": "i", "pid": 1, "tid": 1, "ts": 5, "name": "a", "s": "x"}]})",
        R"({"traceEvents": [{"ph": "s", "pid": 1, "tid": 1, "ts": 5, "name": "v", "id": 3}]})",
        R"({"traceEvents": [{"ph": "f", "pid": 1, "tid": 1, "ts": 5, "name": "v", "id": 3}]})",
        R"({"traceEvents": [{"ph": "M", "pid": 1, "tid": 1, "name": "thread_name"}]})",
        R"({"traceEvents": [{"ph": "Q", "pid": 1, "tid": 1, "ts": 5}]})",
    };
    for (const char* text : broken)
        EXPECT_FALSE(wn::test::chrome_trace_problems(json::parse(text)).empty()) << text;
    const char* good = R"({"traceEvents": [
        {"ph": "M", "pid": 1, "tid": 1, "name": "thread_name", "args": {"name": "t"}},
        {"ph": "B", "pid": 1, "tid": 1, "ts": 5, "name": "op"},
        {"ph": "s", "pid": 1, "tid": 1, "ts": 5, "name": "v", "id": 3},
        {"ph": "i", "pid": 1, "tid": 2, "ts": 1, "name": "a", "s": "t"},
        {"ph": "f", "pid": 1, "tid": 1, "ts": 6, "name": "v", "id": 3, "bp": "e"},
        {"ph": "E", "pid": 1, "tid": 1, "ts": 7}]})";
    EXPECT_TRUE(wn::test::chrome_trace_problems(json::parse(good)).empty());
}

TEST(ChromeTrace, Herd100WithAHundredThreadsIsWellFormedAndComplete) {
    const std::string text = chrome_of(wn::StrategyKind::Wasp, 100);
    const json doc = json::parse(text);
    const auto problems = wn::test::chrome_trace_problems(doc);
    EXPECT_TRUE(problems.empty()) << problems.size() << " problems, first:\n" << joined(problems);
    std::cout << "[ herd-100 wasp, 100 threads: " << text.size() << " bytes, "
              << doc["traceEvents"].size() << " trace events ]\n";
    RecordProperty("chrome_trace_bytes", std::to_string(text.size()));

    const auto names = track_names(doc);
    for (const char* name :
         {"thread-1", "thread-50", "thread-100", "monitor", "db1:27017", "db2:27017", "db3:27017"})
        EXPECT_TRUE(names.contains(name)) << name;
    for (const char* slice : {"read", "write", "refresh()", "ismaster", "wait_for_refresh"})
        EXPECT_GT(count(doc, "B", slice), 0u) << slice;
    for (const char* instant : {"publish", "reclaim", "server down (killed)", "elected"})
        EXPECT_GT(count(doc, "i", instant), 0u) << instant;
    EXPECT_GT(count(doc, "C", "live versions"), 0u);
    EXPECT_GT(count(doc, "C", "refreshes in flight"), 0u);
    // Every arrow ends on an application thread that read the published version.
    EXPECT_GT(count(doc, "f"), 100u);
    for (const auto& e : doc["traceEvents"]) {
        if (e["ph"] == "f") {
            EXPECT_GE(e["tid"].get<int>(), 1);
            EXPECT_LE(e["tid"].get<int>(), 100);
        }
    }
    // The kill happens on db1's own track, at 10 s in microseconds.
    for (const auto& e : doc["traceEvents"]) {
        if (e["ph"] == "i" && e["name"] == "server down (killed)") {
            EXPECT_EQ(e["ts"].get<long long>(), 10'000'000);
            EXPECT_EQ(e["pid"], 2);
            EXPECT_EQ(e["tid"], 1); // db1:27017
        }
    }
}

TEST(ChromeTrace, LockWaitsAreSlicesUnderTheLockingStrategies) {
    const json doc = json::parse(chrome_of(wn::StrategyKind::RwLock, 20, 15));
    const auto problems = wn::test::chrome_trace_problems(doc);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_GT(count(doc, "B", "lock wait (shared)") + count(doc, "B", "lock wait (exclusive)"), 0u);
}

TEST(ChromeTrace, TheNaiveClientHasNoVersionsButIsWellFormed) {
    const json doc = json::parse(chrome_of(wn::StrategyKind::Naive, 30, 15));
    const auto problems = wn::test::chrome_trace_problems(doc);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(count(doc, "i", "publish"), 0u);
    EXPECT_GT(count(doc, "B", "refresh()"), 0u);
}

} // namespace
