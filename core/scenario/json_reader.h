#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace wn {

/// Parses a JSON document that a user handed us, strictly: a key given twice in one
/// object, nesting deeper than kMaxJsonDepth and numbers out of range (1e309, a 400-digit
/// integer) are errors, like malformed syntax. Throws ScenarioError with one line:
/// "SOURCE: malformed JSON: reason" for syntax (the reason gives line and column), and
/// "SOURCE: field 'PATH': reason" for a value that cannot be held (1e309) or a repeated
/// key. Never lets a nlohmann exception escape.
nlohmann::json read_json_document(const std::string& text, const std::string& source);

inline constexpr int kMaxJsonDepth = 32;

} // namespace wn
