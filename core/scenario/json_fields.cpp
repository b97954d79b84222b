#include "scenario/json_fields.h"

#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace wn {

using nlohmann::json;

std::string format_limit(double d) {
    std::string s = std::to_string(d);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

JsonFields::JsonFields(const json& object, std::string path, const std::string& source)
    : m_object(object), m_path(std::move(path)), m_source(source) {
    if (!object.is_object())
        fail_at(m_path.empty() ? "(top level)" : m_path, "must be an object");
}

void JsonFields::fail_at(const std::string& path, const std::string& why) const {
    throw ScenarioError(m_source + ": field '" + printable(path, 80) + "': " + why);
}

void JsonFields::fail(const std::string& key, const std::string& why) const {
    fail_at(name(key), why);
}

std::string JsonFields::name(const std::string& key) const {
    return m_path.empty() ? key : m_path + "." + key;
}

bool JsonFields::has(const std::string& key) const {
    return m_object.contains(key);
}

const json* JsonFields::get(const std::string& key) {
    m_used.insert(key);
    const auto it = m_object.find(key);
    if (it == m_object.end())
        return nullptr;
    if (it->is_null())
        fail(key, "must not be null (leave the field out for its default)");
    return &*it;
}

const json& JsonFields::require(const std::string& key) {
    const json* v = get(key);
    if (!v)
        fail(key, "is required");
    return *v;
}

void JsonFields::number(const std::string& key, double& out, double lo, double hi,
                        const char* unit) {
    const json* v = get(key);
    if (!v)
        return;
    if (!v->is_number()) {
        // A unit that is already a phrase, like "(a fraction)", is not wrapped again.
        std::string why = "must be a number ";
        if (unit[0] != '(')
            why.push_back('(');
        why.append(unit);
        if (unit[0] != '(')
            why.push_back(')');
        fail(key, why);
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        fail(key, "must be between " + format_limit(lo) + " and " + format_limit(hi) + " " + unit);
    out = d;
}

void JsonFields::integer(const std::string& key, std::int64_t& out, std::int64_t lo,
                         std::int64_t hi) {
    const json* v = get(key);
    if (!v)
        return;
    const std::string range =
        "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
    if (!v->is_number_integer())
        fail(key, "must be an integer");
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
        fail(key, range);
    const auto i = v->get<std::int64_t>();
    if (i < lo || i > hi)
        fail(key, range);
    out = i;
}

void JsonFields::integer(const std::string& key, int& out, int lo, int hi) {
    std::int64_t wide = out;
    integer(key, wide, lo, hi);
    out = static_cast<int>(wide);
}

void JsonFields::seed(const std::string& key, std::uint64_t& out) {
    if (const json* v = get(key)) {
        if (!v->is_number_unsigned())
            fail(key, "must be a non-negative integer");
        out = v->get<std::uint64_t>();
    }
}

void JsonFields::boolean(const std::string& key, bool& out) {
    if (const json* v = get(key)) {
        if (!v->is_boolean())
            fail(key, "must be true or false");
        out = v->get<bool>();
    }
}

void JsonFields::string(const std::string& key, std::string& out, std::size_t max_length) {
    if (const json* v = get(key)) {
        if (!v->is_string())
            fail(key, "must be a string");
        std::string s = v->get<std::string>();
        if (s.size() > max_length)
            fail(key, "is " + std::to_string(s.size()) + " bytes long; at most " +
                          std::to_string(max_length) + " are allowed");
        out = std::move(s);
    }
}

double JsonFields::required_number(const std::string& key, double lo, double hi, const char* unit) {
    require(key);
    double d = 0;
    number(key, d, lo, hi, unit);
    return d;
}

std::int64_t JsonFields::required_integer(const std::string& key, std::int64_t lo,
                                          std::int64_t hi) {
    require(key);
    std::int64_t i = 0;
    integer(key, i, lo, hi);
    return i;
}

std::string JsonFields::optional_string(const std::string& key, std::size_t max_length) {
    std::string s;
    string(key, s, max_length);
    return s;
}

std::string JsonFields::required_string(const std::string& key, std::size_t max_length) {
    require(key);
    std::string s;
    string(key, s, max_length);
    if (s.find_first_not_of(" \t\n") == std::string::npos)
        fail(key, "must not be empty");
    return s;
}

const json& JsonFields::array(const std::string& key, std::size_t max_items) {
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

void JsonFields::reject_unless(const std::string& key, bool applies, const std::string& why) const {
    if (has(key) && !applies)
        fail(key, why);
}

void JsonFields::finish() const {
    for (auto it = m_object.begin(); it != m_object.end(); ++it)
        if (!m_used.count(it.key()))
            fail(it.key(), "unknown field");
}

} // namespace wn
