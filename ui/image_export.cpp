#include "ui/image_export.h"

#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace wn::ui {

bool write_atomically(const QString& path, const std::function<bool(QIODevice&)>& write) {
    QSaveFile out(path);
    // Unbuffered, so a short write (a full disk, a size limit) shows here: Qt 6.4 commits a
    // buffered file whose last flush failed.
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return false;
    if (!write(out) || out.error() != QFileDevice::NoError) {
        out.cancelWriting();
        return false;
    }
    return out.commit();
}

bool paint_svg(QIODevice& out, QSize size, const std::function<void(QPainter&)>& paint) {
    QSvgGenerator svg;
    svg.setOutputDevice(&out);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    // The generator writes its size in millimetres; at the CSS 96 px per inch that browsers
    // and librsvg use, one pixel on screen is one pixel in the drawing.
    svg.setResolution(96);
    svg.setTitle("Wasp's Nest");
    QPainter p;
    if (!p.begin(&svg))
        return false;
    paint(p);
    return p.end();
}

QString image_export_filter() {
    return "PNG image (*.png);;SVG drawing (*.svg);;JPEG image (*.jpg *.jpeg);;BMP image (*.bmp)";
}

QString export_image(QWidget& widget, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool svg = suffix == "svg";
    const char* format = suffix == "png"                       ? "PNG"
                         : suffix == "jpg" || suffix == "jpeg" ? "JPG"
                         : suffix == "bmp"                     ? "BMP"
                                                               : nullptr;
    if (!svg && !format)
        return "'" + path + "': unknown image type '." + suffix +
               "' (expected .png, .svg, .jpg or .bmp)";
    const bool written = write_atomically(path, [&](QIODevice& out) {
        if (svg)
            return paint_svg(out, widget.size(), [&](QPainter& p) { widget.render(&p); });
        return widget.grab().save(&out, format);
    });
    return written ? QString() : "cannot write '" + path + "'";
}

} // namespace wn::ui
