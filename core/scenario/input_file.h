#pragma once

#include <cstddef>
#include <string>

namespace wn {

/// The whole of a file a user named, refusing before reading anything that is not a
/// regular file (a directory, /dev/zero, a FIFO that would block) or is larger than
/// `max_bytes`. Throws ScenarioError: "PATH: reason", the path made printable.
std::string read_bounded_file(const std::string& path, std::size_t max_bytes);

} // namespace wn
