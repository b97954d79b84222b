#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <set>
#include <string>

namespace wn {

/// One JSON object of an input file (scenario or tour), read field by field. It remembers
/// which fields were read, so that `finish()` reports unknown (usually misspelt) fields
/// instead of silently ignoring them. Every error is a ScenarioError of one line naming
/// the file, the field's JSON path and the reason.
///
/// The typed reads leave `out` untouched when the field is absent (its default stays), and
/// fail when it is present with the wrong type or out of range. `null` is refused: leaving
/// a field out is how a file asks for the default.
class JsonFields {
public:
    JsonFields(const nlohmann::json& object, std::string path, const std::string& source);

    /// Fails on the field `key` of this object.
    [[noreturn]] void fail(const std::string& key, const std::string& why) const;
    /// Fails on any path, e.g. this object's own (`fail_at(path(), ...)`).
    [[noreturn]] void fail_at(const std::string& path, const std::string& why) const;

    const std::string& path() const { return m_path; }
    std::string name(const std::string& key) const;
    bool has(const std::string& key) const;
    const nlohmann::json* get(const std::string& key);
    const nlohmann::json& require(const std::string& key);

    void number(const std::string& key, double& out, double lo, double hi, const char* unit);
    void integer(const std::string& key, int& out, int lo, int hi);
    void integer(const std::string& key, std::int64_t& out, std::int64_t lo, std::int64_t hi);
    void seed(const std::string& key, std::uint64_t& out);
    void boolean(const std::string& key, bool& out);
    void string(const std::string& key, std::string& out, std::size_t max_length);
    /// Value-returning reads of fields that must be present.
    double required_number(const std::string& key, double lo, double hi, const char* unit);
    std::int64_t required_integer(const std::string& key, std::int64_t lo, std::int64_t hi);
    /// A string, or "" when the field is absent.
    std::string optional_string(const std::string& key, std::size_t max_length);
    /// A string that must be present and not blank.
    std::string required_string(const std::string& key, std::size_t max_length);
    /// An array that must be present, not empty and at most `max_items` long.
    const nlohmann::json& array(const std::string& key, std::size_t max_items);

    /// Fields that exist in the format but mean nothing here (`ping_ms` on a kill) are
    /// errors: silently ignoring them would hide what the author meant.
    void reject_unless(const std::string& key, bool applies, const std::string& why) const;
    /// Fails on the first field of the object that was never read.
    void finish() const;

private:
    const nlohmann::json& m_object;
    std::string m_path;
    const std::string& m_source;
    std::set<std::string> m_used;
};

/// 0.5 as "0.5" and 86400 as "86400", not "86400.000000".
std::string format_limit(double d);

} // namespace wn
