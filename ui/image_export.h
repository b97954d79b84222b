#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QIODevice;
class QPainter;
class QWidget;

namespace wn::ui {

/// Writes `widget` as it is on screen to `path`, the format chosen by the extension: `.svg`
/// (text stays text, through QSvgGenerator), `.png`, `.jpg`/`.jpeg` or `.bmp`. The file is
/// replaced atomically: a failed write leaves any previous file whole. Returns "" or a
/// one-line error.
QString export_image(QWidget& widget, const QString& path);

/// Calls `write` on a temporary file beside `path` that replaces `path` only when `write`
/// returned true and every byte reached the disk: a failed write leaves the old file whole.
bool write_atomically(const QString& path, const std::function<bool(QIODevice&)>& write);

/// Draws `paint` into `out` as an SVG of `size` pixels (text stays text). False if the
/// generator could not start.
bool paint_svg(QIODevice& out, QSize size, const std::function<void(QPainter&)>& paint);

/// The extensions export_image() understands, for file dialogs: "Images (*.png *.svg ...)".
QString image_export_filter();

} // namespace wn::ui
