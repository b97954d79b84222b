#include "tour/tour_json.h"

#include "embedded_files.h"
#include "scenario/host_port.h"
#include "scenario/input_file.h"
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

std::string fmt(double d) {
    std::string s = std::to_string(d);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

/// One JSON object of a tour file: its fields read once each, unknown ones refused.
class Fields {
public:
    Fields(const json& object, std::string path, const std::string& source)
        : m_object(object), m_path(std::move(path)), m_source(source) {
        if (!object.is_object())
            fail_at(m_path.empty() ? "(top level)" : m_path, "must be an object");
    }
    [[noreturn]] void fail_at(const std::string& path, const std::string& why) const {
        throw ScenarioError(m_source + ": field '" + printable(path, 80) + "': " + why);
    }
    [[noreturn]] void fail(const std::string& key, const std::string& why) const {
        fail_at(name(key), why);
    }
    std::string name(const std::string& key) const {
        return m_path.empty() ? key : m_path + "." + key;
    }
    bool has(const std::string& key) const { return m_object.contains(key); }
    const json* get(const std::string& key) {
        m_used.insert(key);
        const auto it = m_object.find(key);
        if (it == m_object.end())
            return nullptr;
        if (it->is_null())
            fail(key, "must not be null (leave the field out for its default)");
        return &*it;
    }
    const json& require(const std::string& key) {
        const json* v = get(key);
        if (!v)
            fail(key, "is required");
        return *v;
    }
    std::string string(const std::string& key, std::size_t max_length, bool required) {
        const json* v = required ? &require(key) : get(key);
        if (!v)
            return {};
        if (!v->is_string())
            fail(key, "must be a string");
        std::string s = v->get<std::string>();
        if (s.size() > max_length)
            fail(key, "is " + std::to_string(s.size()) + " bytes long; at most " +
                          std::to_string(max_length) + " are allowed");
        if (required && s.find_first_not_of(" \t\n") == std::string::npos)
            fail(key, "must not be empty");
        return s;
    }
    double number(const std::string& key, double lo, double hi, const char* unit) {
        const json* v = get(key);
        if (!v->is_number())
            fail(key, std::string("must be a number (") + unit + ")");
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi)
            fail(key, "must be between " + fmt(lo) + " and " + fmt(hi) + " " + unit);
        return d;
    }
    std::int64_t integer(const std::string& key, std::int64_t lo, std::int64_t hi) {
        const json* v = get(key);
        if (!v->is_number_integer())
            fail(key, "must be an integer");
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
            fail(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        const auto i = v->get<std::int64_t>();
        if (i < lo || i > hi)
            fail(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        return i;
    }
    const json& array(const std::string& key, std::size_t max_items) {
        const json& v = require(key);
        if (!v.is_array())
            fail(key, "must be an array");
        if (v.empty())
            fail(key, "must not be empty");
        if (v.size() > max_items)
            fail(key, "has " + std::to_string(v.size()) + " entries; at most " +
                          std::to_string(max_items) + " are allowed");
        return v;
    }
    void finish() const {
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_used.count(it.key()))
                fail(it.key(), "unknown field");
    }

private:
    const json& m_object;
    std::string m_path;
    const std::string& m_source;
    std::set<std::string> m_used;
};

std::vector<StrategyKind> parse_strategies(Fields& f, const std::string& key) {
    const std::string text = f.string(key, 100, false);
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
    Fields f(j, path, source);
    TourStop stop;
    if (f.has("at_s") == f.has("until"))
        f.fail_at(path, "needs exactly one of \"at_s\" (a time) and \"until\" (an event)");
    if (f.has("at_s")) {
        stop.at_s = f.number("at_s", 0, duration_s, "s, within the scenario's run");
        if (f.has("after_s"))
            f.fail("after_s", "applies only with \"until\"");
    } else {
        const std::string name = f.string("until", 40, true);
        const auto event = parse_stop_event(name);
        if (!event)
            f.fail("until", "unknown event '" + printable(name) + "' (expected one of " +
                                stop_event_names() + ")");
        stop.until = true;
        stop.event = *event;
        if (f.has("after_s"))
            stop.after_s = f.number("after_s", 0, duration_s, "s, within the scenario's run");
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
    Fields f(j, path, source);
    if (j.size() != 1)
        f.fail_at(path, "must name one element: thread, member, version or chart");
    if (f.has("thread")) {
        spot.kind = Spotlight::Kind::Thread;
        spot.thread = static_cast<int>(f.integer("thread", 1, s.threads));
    } else if (f.has("member")) {
        spot.kind = Spotlight::Kind::Member;
        const std::string raw = f.string("member", kMaxHostLength + 6, true);
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
        spot.version = static_cast<int>(f.integer("version", 1, 1000000));
    } else if (f.has("chart")) {
        spot.kind = Spotlight::Kind::Chart;
        spot.chart = f.string("chart", 40, true);
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
    Fields f(j, path, source);
    TourStep step;
    step.scenario = f.string("scenario", 80, true);
    if (builtin_scenario_text(step.scenario).empty()) {
        std::string names;
        for (const BuiltinScenario& b : builtin_scenarios())
            names += (names.empty() ? "" : ", ") + b.name;
        f.fail("scenario",
               "'" + printable(step.scenario) + "' is not a built-in scenario (" + names + ")");
    }
    Scenario s = load_scenario(step.scenario);
    step.strategies = parse_strategies(f, "strategies");
    if (f.has("threads")) {
        step.threads = static_cast<int>(f.integer("threads", kMinThreads, kMaxThreads));
        s.threads = step.threads;
    }
    if (f.has("seed"))
        step.seed = static_cast<std::uint64_t>(f.integer("seed", 0, INT64_MAX));
    step.stop = parse_stop(f.require("stop"), f.name("stop"), source, s.duration_s);
    if (f.has("speed"))
        step.speed = f.number("speed", kMinTourSpeed, kMaxTourSpeed, "times real time");
    if (const json* spot = f.get("spotlight"))
        step.spotlight = parse_spotlight(*spot, f.name("spotlight"), source, s);
    step.text = f.string("text", kMaxStepText, true);
    step.quote = f.string("quote", kMaxQuote, false);
    step.section = f.string("section", kMaxTourTitle, false);
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
    Fields f(doc, "", source);
    Tour tour;
    tour.title = f.string("title", kMaxTourTitle, true);
    const json& chapters = f.array("chapters", kMaxTourChapters);
    for (std::size_t c = 0; c < chapters.size(); ++c) {
        const std::string cpath = "chapters[" + std::to_string(c) + "]";
        Fields cf(chapters[c], cpath, source);
        TourChapter chapter;
        chapter.title = cf.string("title", kMaxTourTitle, true);
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
