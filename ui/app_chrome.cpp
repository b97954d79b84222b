#include "ui/app_chrome.h"

#include "ui/layout.h"

#include <QApplication>
#include <QFont>
#include <QFontInfo>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>
#include <cmath>
#include <optional>

namespace wn::ui {
namespace {

/// What the application had before the first theme or scale was applied, to put back.
struct Original {
    QPalette palette;
    QFont font;
    QString style;
};

const Original& original() {
    static const Original o{QApplication::palette(), QApplication::font(),
                            QApplication::style() ? QApplication::style()->name() : QString()};
    return o;
}

} // namespace

QPalette chrome_palette(Theme theme, const Palette& c) {
    if (theme == Theme::Light)
        return original().palette;
    const bool high_contrast = theme == Theme::HighContrast;
    QPalette p;
    const QColor window = c.panel, base = c.background, text = c.ink;
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(g, QPalette::Window, window);
        p.setColor(g, QPalette::WindowText, text);
        p.setColor(g, QPalette::Base, base);
        p.setColor(g, QPalette::AlternateBase, window);
        p.setColor(g, QPalette::Text, text);
        p.setColor(g, QPalette::Button, window);
        p.setColor(g, QPalette::ButtonText, text);
        p.setColor(g, QPalette::BrightText, c.crown);
        p.setColor(g, QPalette::ToolTipBase, base);
        p.setColor(g, QPalette::ToolTipText, text);
        p.setColor(g, QPalette::PlaceholderText, c.muted);
        // A selection the ink reads on: the primary's blue, or the high-contrast yellow.
        p.setColor(g, QPalette::Highlight, high_contrast ? c.crown : c.primary);
        p.setColor(g, QPalette::HighlightedText,
                   high_contrast ? QColor(Qt::black) : QColor(Qt::white));
        p.setColor(g, QPalette::Link, c.secondary);
        p.setColor(g, QPalette::LinkVisited, c.refresh);
        // Fusion draws bevels from these: near the window colour, or it paints light edges.
        p.setColor(g, QPalette::Light, window.lighter(150));
        p.setColor(g, QPalette::Midlight, window.lighter(125));
        p.setColor(g, QPalette::Mid, c.grid);
        p.setColor(g, QPalette::Dark, base.darker(150));
        p.setColor(g, QPalette::Shadow, QColor(0, 0, 0));
    }
    p.setColor(QPalette::Disabled, QPalette::Window, window);
    p.setColor(QPalette::Disabled, QPalette::Base, base);
    p.setColor(QPalette::Disabled, QPalette::Button, window);
    for (const QPalette::ColorRole r :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, r, c.inactive);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.grid);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.ink);
    return p;
}

int desktop_text_px() {
    return QFontInfo(original().font).pixelSize();
}

int chrome_text_px(int base_px, double font_scale) {
    return std::max(static_cast<int>(std::lround(base_px * font_scale)),
                    static_cast<int>(std::ceil(min_text_px(font_scale))));
}

void apply_chrome(QWidget& window, Theme theme, const Palette& colours, bool scale_text) {
    const Original& o = original();
    const bool light = theme == Theme::Light;
    // Only Fusion draws every part of a widget from the palette; a desktop style may keep
    // its own light menus. The light theme gives the desktop its style back.
    const QString want = light ? o.style : QString("Fusion");
    if (QApplication::style() && !want.isEmpty() &&
        QApplication::style()->name().compare(want, Qt::CaseInsensitive) != 0) {
        if (QStyle* style = QStyleFactory::create(want))
            QApplication::setStyle(style);
    }
    // The application's palette for windows of their own (tooltips, parentless dialogs);
    // the window's, which reaches its docks, menus and dialogs at once.
    const QPalette palette = chrome_palette(theme, colours);
    if (QApplication::palette() != palette)
        QApplication::setPalette(palette);
    window.setPalette(light ? QPalette() : palette);
    // The window's font, not the application's: a dock keeps its desktop title font only
    // while its font is the application's.
    if (scale_text && colours.font_scale != 1.0) {
        QFont font = o.font;
        font.setPixelSize(chrome_text_px(desktop_text_px(), colours.font_scale));
        window.setFont(font);
    } else {
        window.setFont(QFont());
    }
}

} // namespace wn::ui
