#include "ui/scene/paint_cache.h"

#include "ui/render_cache.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QTransform>
#include <atomic>
#include <cmath>
#include <map>
#include <tuple>

namespace wn::ui {
namespace {

std::atomic<bool> g_enabled{true};

/// Labels and tiles are few per scene; a bound keeps a long session (many sizes, themes,
/// captions) from growing without limit: past it a cache starts again empty.
constexpr int kMaxEntries = 4096;

struct TextKey {
    QString text;
    QString family;
    int px;
    int weight;
    bool italic;
    double width;
    double extra;
    double extra2;
    bool operator==(const TextKey&) const = default;
};

size_t qHash(const TextKey& k, size_t seed = 0) {
    return qHashMulti(seed, k.text, k.px, k.weight, k.width, k.extra, k.extra2);
}

struct Caches {
    std::map<std::tuple<QString, int, bool>, QFont> fonts;
    QHash<TextKey, TextMemo> texts;
    QHash<TextKey, double> advances;
    std::map<TileKey, QImage> tiles; // a null image: the tile has translucent pixels
};

Caches& caches() {
    // QFont and QString are not shared across threads without care; each painting thread
    // (the GUI, a video encoder) keeps its own.
    thread_local Caches c;
    return c;
}

TextKey text_key(const QString& text, const QFont& font, double width, double extra,
                 double extra2) {
    return TextKey{text,  font.family(), font.pixelSize(), font.weight(), font.italic(), width,
                   extra, extra2};
}

bool opaque(const QImage& image) {
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(line[x]) != 255)
                return false;
    }
    return true;
}

} // namespace

bool TileKey::operator<(const TileKey& o) const {
    return std::tuple(size.width(), size.height(), values) <
           std::tuple(o.size.width(), o.size.height(), o.values);
}

void set_render_caches_enabled(bool enabled) {
    g_enabled = enabled;
}

bool render_caches_enabled() {
    return g_enabled;
}

void clear_render_caches() {
    caches() = Caches{};
}

RenderCacheStats render_cache_stats() {
    const Caches& c = caches();
    return {static_cast<int>(c.tiles.size()), static_cast<int>(c.texts.size() + c.advances.size()),
            static_cast<int>(c.fonts.size())};
}

bool paints_whole_pixels(const QPainter& p) {
    const QPaintEngine* engine = p.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || !render_caches_enabled())
        return false;
    const QTransform t = p.deviceTransform();
    return t.type() <= QTransform::TxTranslate && t.dx() == std::floor(t.dx()) &&
           t.dy() == std::floor(t.dy()) && p.opacity() == 1.0 &&
           p.compositionMode() == QPainter::CompositionMode_SourceOver;
}

const QFont& cached_font(int px, bool bold) {
    static const QString family = QStringLiteral("DejaVu Sans");
    auto& fonts = caches().fonts;
    const auto key = std::make_tuple(family, px, bold);
    auto it = fonts.find(key);
    if (it == fonts.end()) {
        if (fonts.size() >= kMaxEntries)
            fonts.clear();
        QFont f(family);
        f.setPixelSize(px);
        f.setBold(bold);
        it = fonts.emplace(key, f).first;
    }
    return it->second;
}

const TextMemo* find_text_memo(const QString& text, const QFont& font, double width, double extra,
                               double extra2) {
    if (!render_caches_enabled())
        return nullptr;
    const auto& texts = caches().texts;
    const auto it = texts.constFind(text_key(text, font, width, extra, extra2));
    return it == texts.cend() ? nullptr : &*it;
}

void keep_text_memo(const QString& text, const QFont& font, double width, double extra,
                    double extra2, const TextMemo& memo) {
    if (!render_caches_enabled())
        return;
    auto& texts = caches().texts;
    if (texts.size() >= kMaxEntries)
        texts.clear();
    texts.insert(text_key(text, font, width, extra, extra2), memo);
}

double text_advance(const QFont& font, const QString& text) {
    if (!render_caches_enabled())
        return QFontMetricsF(font).horizontalAdvance(text);
    auto& advances = caches().advances;
    const TextKey key = text_key(text, font, 0, 0, 0);
    if (const auto it = advances.constFind(key); it != advances.cend())
        return *it;
    if (advances.size() >= kMaxEntries)
        advances.clear();
    const double advance = QFontMetricsF(font).horizontalAdvance(text);
    advances.insert(key, advance);
    return advance;
}

} // namespace wn::ui

namespace wn::ui {

const QImage* cached_tile(const TileKey& key, const std::function<void(QPainter&)>& draw) {
    auto& tiles = caches().tiles;
    auto it = tiles.find(key);
    if (it == tiles.end()) {
        if (tiles.size() >= kMaxEntries)
            tiles.clear();
        QImage tile(key.size, QImage::Format_ARGB32_Premultiplied);
        tile.fill(Qt::transparent);
        {
            QPainter p(&tile);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setRenderHint(QPainter::TextAntialiasing, true);
            draw(p);
        }
        // Opaque everywhere, the tile is copied line by line instead of blended.
        if (opaque(tile))
            tile.reinterpretAsFormat(QImage::Format_RGB32);
        else
            tile = QImage();
        it = tiles.emplace(key, tile).first;
    }
    return it->second.isNull() ? nullptr : &it->second;
}

} // namespace wn::ui
