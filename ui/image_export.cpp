#include "ui/image_export.h"

#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace wn::ui {

namespace {

QString write_svg(QWidget& widget, QSaveFile& out) {
    QSvgGenerator svg;
    svg.setOutputDevice(&out);
    svg.setSize(widget.size());
    // The generator writes its size in millimetres; at the CSS 96 px per inch that browsers
    // and librsvg use, one pixel on screen is one pixel in the drawing.
    svg.setResolution(96);
    svg.setViewBox(QRect(QPoint(0, 0), widget.size()));
    svg.setTitle("Wasp's Nest");
    svg.setDescription(widget.windowTitle());
    QPainter p;
    if (!p.begin(&svg))
        return "cannot start the SVG painter";
    widget.render(&p);
    p.end();
    return "";
}

} // namespace

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
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return "cannot write '" + path + "': " + out.errorString();
    if (svg) {
        if (const QString why = write_svg(widget, out); !why.isEmpty()) {
            out.cancelWriting();
            return "cannot write '" + path + "': " + why;
        }
    } else if (!widget.grab().save(&out, format)) {
        out.cancelWriting();
        return "cannot write '" + path + "' as " + format;
    }
    if (!out.commit())
        return "cannot write '" + path + "': " + out.errorString();
    return "";
}

} // namespace wn::ui
