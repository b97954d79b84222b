#pragma once

#include <QFont>
#include <QImage>
#include <QSize>
#include <QString>
#include <array>
#include <functional>

class QPainter;

namespace wn::ui {

/// Whether `p` paints pixels on this machine's raster engine at whole-pixel offsets, where a
/// pre-rendered tile blitted at the same place gives the same pixels as drawing the shapes.
/// Vector devices (SVG, PDF, the tests' recorder) and scaled or rotated painters get shapes.
bool paints_whole_pixels(const QPainter& p);

/// font_px()'s QFont for (`px`, `bold`), built once.
const QFont& cached_font(int px, bool bold);

/// A remembered result of a pure text function of (text, font, width, extra): eliding and
/// shrinking a label gives the same answer for the same inputs, and the labels of a scene
/// change far less often than it is painted.
struct TextMemo {
    QString text;
    double font_px = 0; // shrink_to_fit(): the pixel size it chose
};
/// The memo for the key, or nullptr (also when caches are off).
const TextMemo* find_text_memo(const QString& text, const QFont& font, double width, double extra,
                               double extra2 = 0);
void keep_text_memo(const QString& text, const QFont& font, double width, double extra,
                    double extra2, const TextMemo& memo);

/// QFontMetricsF(font).horizontalAdvance(text), remembered: choosing a label's wording
/// measures every form of it every frame, and each measure shapes the text anew.
double text_advance(const QFont& font, const QString& text);

/// What decides every pixel of a tile: its size and the values its drawing depends on
/// (colours as ARGB, shapes as numbers).
struct TileKey {
    QSize size;
    std::array<unsigned, 4> values{};
    bool operator<(const TileKey& o) const;
};

/// An opaque tile of `key.size` drawn once by `draw` (on a painter set up like render()'s,
/// at the origin) and kept; nullptr when `draw` leaves any pixel translucent, since only
/// opaque pixels blit to exactly what drawing in place would give.
const QImage* cached_tile(const TileKey& key, const std::function<void(QPainter&)>& draw);

} // namespace wn::ui
