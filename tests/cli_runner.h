#pragma once

// Runs a program through the shell, as a user types it, for the tests of its command line.

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace wn::test {

struct CliResult {
    int status;      // the exit status; -1 when the program did not exit normally
    std::string out; // what reached the pipe: stdout and stderr unless redirected otherwise
};

/// `command` through /bin/sh; `redirect` says where the output goes (both streams into
/// `out` by default).
inline CliResult run_command(const std::string& command, const std::string& redirect = "2>&1") {
    FILE* pipe = popen((command + " " + redirect).c_str(), "r");
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe))
        out.append(buf.data(), n);
    const int raw = pclose(pipe);
    return CliResult{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

inline int count_lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

} // namespace wn::test
