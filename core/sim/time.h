#pragma once

#include <cstdint>

namespace wn {

/// Virtual time in microseconds since the start of the run.
using SimTime = std::int64_t;

constexpr SimTime kMicrosPerMs = 1000;
constexpr SimTime kMicrosPerSecond = 1000000;

inline SimTime from_seconds(double s) {
    return static_cast<SimTime>(s * kMicrosPerSecond + 0.5);
}
inline SimTime from_ms(double ms) {
    return static_cast<SimTime>(ms * kMicrosPerMs + 0.5);
}
inline double to_seconds(SimTime t) {
    return static_cast<double>(t) / kMicrosPerSecond;
}

} // namespace wn
