#pragma once

#include <QFont>
#include <QSize>
#include <QString>
#include <vector>

class QWidget;

namespace wn::ui {

/// A QAction property: actions of one key group (kKeyGroupProperty) that also carry this
/// list each action's main key, "Ctrl+= / Ctrl+- / Ctrl+0", instead of a range
/// "Ctrl+1 … Ctrl+9".
inline constexpr const char* kKeyListProperty = "wn_key_list";

/// One row of the key overlay: the keys (HTML-escaped) and what they do.
struct KeyRow {
    QString keys;
    QString name;
};

/// Every action of `window` that has a key, wherever it was added, one row per action or
/// per key group.
std::vector<KeyRow> key_rows(const QWidget& window);

/// The overlay's HTML: `rows` in `columns` pairs of columns and the mouse gestures, with
/// names longer than `wrap_chars` broken over lines (0: never).
QString key_overlay_html(const std::vector<KeyRow>& rows, int columns, int wrap_chars);

/// The overlay's text at the largest size, from `start_px` down, at which all of it fits
/// `room` in `font`'s family, trying narrower and wider layouts.
struct KeyOverlayText {
    QString html;
    QFont font;
};
KeyOverlayText fit_key_overlay(const QWidget& window, QFont font, QSize room, int start_px);

} // namespace wn::ui
