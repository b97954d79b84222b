#include "scenario/input_file.h"

#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <filesystem>
#include <fstream>

namespace wn {

std::string read_bounded_file(const std::string& path, std::size_t max_bytes) {
    namespace fs = std::filesystem;
    const std::string shown = printable(path);
    const std::string limit = max_bytes % (1 << 20) == 0 ? std::to_string(max_bytes >> 20) + " MiB"
                                                         : std::to_string(max_bytes) + " bytes";
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw ScenarioError(shown + ": no such file");
    if (fs::is_directory(status))
        throw ScenarioError(shown + ": is a directory, not a file");
    if (!fs::is_regular_file(status))
        throw ScenarioError(shown + ": not a regular file (a device, FIFO or socket)");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        throw ScenarioError(shown + ": cannot read its size");
    if (size > max_bytes)
        throw ScenarioError(shown + ": " + std::to_string(size) + " bytes; at most " + limit +
                            " are read");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ScenarioError(shown + ": cannot be opened for reading");
    // One byte past the limit: the file may have grown since it was measured.
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw ScenarioError(shown + ": read error");
    if (text.size() > max_bytes)
        throw ScenarioError(shown + ": grew past " + limit + " while being read");
    return text;
}

} // namespace wn
