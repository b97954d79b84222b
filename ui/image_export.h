#pragma once

#include <QString>

class QWidget;

namespace wn::ui {

/// Writes `widget` as it is on screen to `path`, the format chosen by the extension: `.svg`
/// (text stays text, through QSvgGenerator), `.png`, `.jpg`/`.jpeg` or `.bmp`. The file is
/// replaced atomically: a failed write leaves any previous file whole. Returns "" or a
/// one-line error.
QString export_image(QWidget& widget, const QString& path);

/// The extensions export_image() understands, for file dialogs: "Images (*.png *.svg ...)".
QString image_export_filter();

} // namespace wn::ui
