#pragma once

#include <string_view>
#include <vector>

namespace wn {

/// One file compiled into the binary (a built-in scenario or tour).
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

/// Every embedded file, sorted by name.
const std::vector<EmbeddedFile>& embedded_files();
/// The built-in guided tours (resources/tours), sorted by name.
const std::vector<EmbeddedFile>& embedded_tours();

} // namespace wn
