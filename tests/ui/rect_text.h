#pragma once

#include <QRectF>

#include <sstream>
#include <string>

namespace wn::ui::testing {

/// "(x,y wxh)": a rectangle in a failure message.
inline std::string describe(const QRectF& r) {
    std::ostringstream out;
    out << '(' << r.x() << ',' << r.y() << ' ' << r.width() << 'x' << r.height() << ')';
    return out.str();
}

} // namespace wn::ui::testing
