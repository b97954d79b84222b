#pragma once

#include <array>

namespace wn::ui {

/// An sRGB colour, 0..255 per channel.
struct Rgb8 {
    int r = 0, g = 0, b = 0;
};

enum class ColourVision { Normal, Protanopia, Deuteranopia };

/// How `c` looks to a viewer with `vision`: Machado, Oliveira & Fernandes (2009) at severity
/// 1.0, applied in linear RGB and clamped to the sRGB gamut.
Rgb8 simulate_vision(Rgb8 c, ColourVision vision);

/// CIE L*a*b* (D65 white) of an sRGB colour.
struct Lab {
    double l = 0, a = 0, b = 0;
};
Lab to_lab(Rgb8 c);

/// The CIEDE2000 colour difference (kL = kC = kH = 1). About 1 is the smallest difference
/// an eye notices side by side; the palette test asks for ten times that.
double ciede2000(Lab x, Lab y);

/// The smallest CIEDE2000 difference between `x` and `y` over normal vision, protanopia
/// and deuteranopia.
double worst_difference(Rgb8 x, Rgb8 y);

} // namespace wn::ui
