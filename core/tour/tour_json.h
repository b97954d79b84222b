#pragma once

#include "tour/tour.h"

#include <string>
#include <vector>

namespace wn {

/// Parses and validates a tour file's text; throws ScenarioError with one line naming
/// `source`, the JSON path ("chapters[1].steps[0].stop.until") and the reason.
Tour parse_tour(const std::string& text, const std::string& source);

/// The names of the tours compiled into the binary ("blog").
std::vector<std::string> builtin_tours();
/// A built-in tour's name or a path to a tour file; throws ScenarioError.
Tour load_tour(const std::string& name_or_file);

} // namespace wn
