#pragma once
// `waspsnest-cli sdam FILE... [--check]`: replays MongoDB's SDAM test files through the
// reducer in core/sdam.

#include <iosfwd>
#include <string>
#include <vector>

namespace wn {

// `args` are the words after "sdam". Returns the exit status: 0, 1 (an outcome differs, with
// --check) or 2 (bad usage, or a file that cannot be read or is malformed).
int run_sdam_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace wn
