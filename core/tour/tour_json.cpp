#include "tour/tour_json.h"

#include "embedded_files.h"
#include "scenario/host_port.h"
#include "scenario/input_file.h"
#include "scenario/json_fields.h"
#include "scenario/json_reader.h"
#include "scenario/library.h"
#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace wn {
namespace {

using nlohmann::json;

std::vector<StrategyKind> parse_strategies(JsonFields& f, const std::string& key) {
    const std::string text = f.optional_string(key, 100);
    std::vector<StrategyKind> kinds;
    if (!f.has(key))
        return kinds;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string name = text.substr(start, comma - start);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        const auto kind = parse_strategy(name);
        if (!kind)
            f.fail(key, "unknown strategy '" + printable(name) +
                            "' (expected naive, mutex, rwlock, wasp or sdam, or a list such "
                            "as naive,wasp)");
        kinds.push_back(*kind);
        start = comma + 1;
    }
    if (kinds.size() > 4)
        f.fail(key, "at most four strategies side by side");
    return kinds;
}

TourStop parse_stop(const json& j, const std::string& path, const std::string& source,
                    double duration_s) {
    JsonFields f(j, path, source);
    TourStop stop;
    if (f.has("at_s") == f.has("until"))
        f.fail_at(path, "needs exactly one of \"at_s\" (a time) and \"until\" (an event)");
    if (f.has("at_s")) {
        stop.at_s = f.required_number("at_s", 0, duration_s, "s, within the scenario's run");
        if (f.has("after_s"))
            f.fail("after_s", "applies only with \"until\"");
    } else {
        const std::string name = f.required_string("until", 40);
        const auto event = parse_stop_event(name);
        if (!event)
            f.fail("until", "unknown event '" + printable(name) + "' (expected one of " +
                                stop_event_names() + ")");
        stop.until = true;
        stop.event = *event;
        if (f.has("after_s"))
            stop.after_s =
                f.required_number("after_s", 0, duration_s, "s, within the scenario's run");
    }
    f.finish();
    return stop;
}

Spotlight parse_spotlight(const json& j, const std::string& path, const std::string& source,
                          const Scenario& s) {
    Spotlight spot;
    if (j.is_string()) {
        const std::string name = j.get<std::string>();
        if (name == "none")
            return spot;
        if (name == "monitor")
            spot.kind = Spotlight::Kind::Monitor;
        else if (name == "client")
            spot.kind = Spotlight::Kind::Client;
        else if (name == "heap")
            spot.kind = Spotlight::Kind::Heap;
        else
            throw ScenarioError(source + ": field '" + path + "': unknown spotlight '" +
                                printable(name) +
                                "' (expected none, monitor, client, heap, or an object "
                                "{\"thread\": N}, {\"member\": HOST}, {\"version\": N} or "
                                "{\"chart\": NAME})");
        return spot;
    }
    JsonFields f(j, path, source);
    if (j.size() != 1)
        f.fail_at(path, "must name one element: thread, member, version or chart");
    if (f.has("thread")) {
        spot.kind = Spotlight::Kind::Thread;
        spot.thread = static_cast<int>(f.required_integer("thread", 1, s.threads));
    } else if (f.has("member")) {
        spot.kind = Spotlight::Kind::Member;
        const std::string raw = f.required_string("member", kMaxHostLength + 6);
        const HostPort hp = parse_host_port(raw);
        if (!hp.error.empty())
            f.fail("member", "'" + printable(raw) + "' " + hp.error);
        spot.member = hp.normalized;
        const bool known = std::any_of(s.members.begin(), s.members.end(),
                                       [&](const MemberSpec& m) { return m.host == spot.member; });
        if (!known)
            f.fail("member",
                   "'" + printable(raw) + "' is not a member of scenario '" + s.name + "'");
    } else if (f.has("version")) {
        spot.kind = Spotlight::Kind::Version;
        spot.version = static_cast<int>(f.required_integer("version", 1, 1000000));
    } else if (f.has("chart")) {
        spot.kind = Spotlight::Kind::Chart;
        spot.chart = f.required_string("chart", 40);
        const auto& names = tour_chart_names();
        if (std::find(names.begin(), names.end(), spot.chart) == names.end()) {
            std::string all;
            for (const std::string& n : names)
                all += (all.empty() ? "" : ", ") + n;
            f.fail("chart", "unknown chart '" + printable(spot.chart) + "' (expected " + all + ")");
        }
    }
    f.finish();
    return spot;
}

TourStep parse_step(const json& j, const std::string& path, const std::string& source) {
    JsonFields f(j, path, source);
    TourStep step;
    step.scenario = f.required_string("scenario", 80);
    if (builtin_scenario_text(step.scenario).empty()) {
        std::string names;
        for (const BuiltinScenario& b : builtin_scenarios())
            names += (names.empty() ? "" : ", ") + b.name;
        std::string why = "'";
        why.append(printable(step.scenario)).append("' is not a built-in scenario (");
        f.fail("scenario", why.append(names).append(")"));
    }
    Scenario s = load_scenario(step.scenario);
    step.strategies = parse_strategies(f, "strategies");
    if (f.has("threads")) {
        step.threads = static_cast<int>(f.required_integer("threads", kMinThreads, kMaxThreads));
        s.threads = step.threads;
    }
    if (f.has("seed"))
        step.seed = static_cast<std::uint64_t>(f.required_integer("seed", 0, INT64_MAX));
    step.stop = parse_stop(f.require("stop"), f.name("stop"), source, s.duration_s);
    if (f.has("speed"))
        step.speed = f.required_number("speed", kMinTourSpeed, kMaxTourSpeed, "times real time");
    if (const json* spot = f.get("spotlight"))
        step.spotlight = parse_spotlight(*spot, f.name("spotlight"), source, s);
    step.text = f.required_string("text", kMaxStepText);
    step.quote = f.optional_string("quote", kMaxQuote);
    step.section = f.optional_string("section", kMaxTourTitle);
    if (f.has("section") && !f.has("quote"))
        f.fail("section", "names the blog section of a quote: give \"quote\" too");
    if (f.has("quote") && !f.has("section"))
        f.fail("quote", "needs \"section\": the blog section it is from");
    f.finish();
    return step;
}

} // namespace

Tour parse_tour(const std::string& text, const std::string& source) {
    const json doc = read_json_document(text, source);
    JsonFields f(doc, "", source);
    Tour tour;
    tour.title = f.required_string("title", kMaxTourTitle);
    const json& chapters = f.array("chapters", kMaxTourChapters);
    for (std::size_t c = 0; c < chapters.size(); ++c) {
        const std::string cpath = "chapters[" + std::to_string(c) + "]";
        JsonFields cf(chapters[c], cpath, source);
        TourChapter chapter;
        chapter.title = cf.required_string("title", kMaxTourTitle);
        const json& steps = cf.array("steps", kMaxChapterSteps);
        for (std::size_t i = 0; i < steps.size(); ++i)
            chapter.steps.push_back(
                parse_step(steps[i], cf.name("steps[" + std::to_string(i) + "]"), source));
        cf.finish();
        tour.chapters.push_back(std::move(chapter));
    }
    f.finish();
    return tour;
}

std::vector<std::string> builtin_tours() {
    std::vector<std::string> names;
    for (const EmbeddedFile& file : embedded_tours()) {
        const std::string_view name = file.name;
        names.emplace_back(name.substr(0, name.rfind('.')));
    }
    return names;
}

Tour load_tour(const std::string& name_or_file) {
    for (const EmbeddedFile& file : embedded_tours())
        if (file.name == name_or_file + ".json")
            return parse_tour(std::string(file.content), std::string(file.name));
    const std::string shown = printable(name_or_file);
    std::error_code ec;
    if (!std::filesystem::exists(name_or_file, ec)) {
        std::string names;
        for (const std::string& n : builtin_tours())
            names += (names.empty() ? "" : ", ") + n;
        throw ScenarioError(shown + ": not a built-in tour (" + names + ") nor a file");
    }
    return parse_tour(read_bounded_file(name_or_file, kMaxTourFileBytes), shown);
}

} // namespace wn
