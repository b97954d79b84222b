#include "ui/model/colour_vision.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wn::ui {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, "A Physiologically-based Model for Simulation of Color Vision
// Deficiency", table of severity 1.0 (dichromacy).
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868},
                              {0.114503, 0.786281, 0.099216},
                              {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}}};

double to_linear(int channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

int to_srgb(double linear) {
    const double c = std::clamp(linear, 0.0, 1.0);
    const double v = c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
    return static_cast<int>(std::lround(v * 255));
}

double deg(double rad) {
    return rad * 180 / std::numbers::pi;
}

double rad(double deg) {
    return deg * std::numbers::pi / 180;
}

} // namespace

Rgb8 simulate_vision(Rgb8 c, ColourVision vision) {
    if (vision == ColourVision::Normal)
        return c;
    const Matrix& m = vision == ColourVision::Protanopia ? kProtanopia : kDeuteranopia;
    const std::array<double, 3> in{to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    std::array<int, 3> out{};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = to_srgb(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2]);
    return {out[0], out[1], out[2]};
}

Lab to_lab(Rgb8 c) {
    const double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    const double fx = f(x), fy = f(y), fz = f(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double ciede2000(Lab x, Lab y) {
    // Sharma, Wu & Dalal (2005), "The CIEDE2000 Color-Difference Formula: Implementation
    // Notes", equations 2-22.
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b);
    const double c_mean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(c_mean7 / (c_mean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0)
            return 0.0;
        const double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
    const double dl = y.l - x.l, dc = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double d_big_h = 2 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2));
    const double l_mean = (x.l + y.l) / 2, cp_mean = (cp1 + cp2) / 2;
    double h_mean = h1 + h2;
    if (cp1 * cp2 != 0) {
        h_mean = (h1 + h2) / 2;
        if (std::abs(h1 - h2) > 180)
            h_mean += h_mean < 180 ? 180 : -180;
    }
    const double t = 1 - 0.17 * std::cos(rad(h_mean - 30)) + 0.24 * std::cos(rad(2 * h_mean)) +
                     0.32 * std::cos(rad(3 * h_mean + 6)) - 0.20 * std::cos(rad(4 * h_mean - 63));
    const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
    const double cp_mean7 = std::pow(cp_mean, 7);
    const double rc = 2 * std::sqrt(cp_mean7 / (cp_mean7 + std::pow(25.0, 7)));
    const double sl =
        1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
    const double sc = 1 + 0.045 * cp_mean;
    const double sh = 1 + 0.015 * cp_mean * t;
    const double rt = -std::sin(rad(2 * d_theta)) * rc;
    const double tl = dl / sl, tc = dc / sc, th = d_big_h / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

double worst_difference(Rgb8 x, Rgb8 y) {
    double worst = 1e9;
    for (const ColourVision v :
         {ColourVision::Normal, ColourVision::Protanopia, ColourVision::Deuteranopia})
        worst = std::min(worst,
                         ciede2000(to_lab(simulate_vision(x, v)), to_lab(simulate_vision(y, v))));
    return worst;
}

} // namespace wn::ui
