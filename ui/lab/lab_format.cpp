#include "ui/lab/lab_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wn::ui {

namespace {

/// `v` (>= 0), moved up to the next multiple of 10^-decimals when it lies exactly half-way
/// between two: printf rounds such ties to even, QString::arg (which the window used to call,
/// and whose look the lab keeps) rounds them up.
double tie_up(double v, int decimals) {
    const double scale = std::pow(10.0, std::abs(decimals));
    double t = 0;
    if (decimals >= 0) {
        t = v * scale;
        if (std::fma(v, scale, -t) != 0) {
            return v; // the product is inexact: v is no tie
        }
    } else {
        t = v / scale;
        if (std::fma(t, scale, -v) != 0) {
            return v;
        }
    }
    if (t - std::floor(t) != 0.5) {
        return v;
    }
    const double up = std::floor(t) + 1;
    return decimals >= 0 ? up / scale : up * scale;
}

/// `v` with `decimals` places, then the unit.
std::string fixed(double v, int decimals, const char* unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, tie_up(v, decimals));
    return std::string(buf) + unit;
}

/// `v` (> 0) with three significant digits ("%.3g"), then the unit.
std::string significant3(double v, const char* unit) {
    const int exponent = static_cast<int>(std::floor(std::log10(v)));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", tie_up(v, 2 - exponent));
    return std::string(buf) + unit;
}

} // namespace

std::string format_ns(double ns) {
    if (ns < 1e3) {
        return fixed(ns, 0, " ns");
    }
    if (ns < 1e6) {
        return significant3(ns / 1e3, " µs");
    }
    if (ns < 1e9) {
        return significant3(ns / 1e6, " ms");
    }
    return significant3(ns / 1e9, " s");
}

std::string format_ms(double ms) {
    return format_ns(ms * 1e6);
}

std::string format_rate(double per_s) {
    if (per_s >= 1e6) {
        return fixed(per_s / 1e6, 1, " M/s");
    }
    if (per_s >= 1e3) {
        return fixed(per_s / 1e3, 1, " k/s");
    }
    return fixed(per_s, 0, " /s");
}

double nice_ceiling(double v) {
    if (v <= 0) {
        return 1;
    }
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v * (1 - 1e-9)) {
            return m * p;
        }
    }
    return 10 * p;
}

std::pair<double, int> nice_range(double v) {
    const double step = nice_ceiling(std::max(v, 1e-9) / 4);
    const double ticks = std::max(1.0, std::ceil(v / step - 1e-9));
    return {ticks * step, static_cast<int>(ticks) + 1};
}

double decade_ceiling(double v) {
    return std::pow(10.0, std::ceil(std::log10(std::max(v, 1e-12))));
}

} // namespace wn::ui
