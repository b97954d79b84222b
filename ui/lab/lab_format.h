#pragma once

// Numbers for the lab window, and the rounding of its chart axes. Qt-free (std::string, UTF-8)
// so that the rules are tested by a table, without a window.

#include <string>
#include <utility>

namespace wn::ui {

/// "850 ns", "12.3 µs", "4.56 ms", "1.2 s": three significant digits above a microsecond.
std::string format_ns(double ns);
/// format_ns() of a value in milliseconds.
std::string format_ms(double ms);
/// Reads per second: "950 /s", "12.3 k/s", "4.5 M/s".
std::string format_rate(double per_s);

/// The smallest 1, 2 or 5 times a power of ten that is >= v (1 for v <= 0).
double nice_ceiling(double v);
/// A linear axis range [0, top] with 3 to 6 round ticks that holds `v`: {top, tick count}.
std::pair<double, int> nice_range(double v);
/// The smallest power of ten >= v.
double decade_ceiling(double v);

} // namespace wn::ui
