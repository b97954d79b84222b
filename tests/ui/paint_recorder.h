#pragma once

// A paint device that keeps what was drawn instead of pixels: every run of text with the
// rectangle it covers, and every shape with its bounds and colours. Tests ask "is this
// label inside its widget", "do these two texts overlap", "was a glyph drawn in that cell"
// without reading pixels or depending on a font's antialiasing.

#include <QLineF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QTextItem>
#include <QTransform>
#include <algorithm>
#include <memory>
#include <vector>

namespace wn::ui::testing {

struct DrawnText {
    QString text;
    QRectF rect; // device pixels: from the ascent to the descent of its line
    double pixel_size = 0;
    std::size_t order = 0; // among every text and shape: later ones are drawn over it
};

struct DrawnShape {
    QRectF bounds; // device pixels
    QColor brush;  // Qt::transparent when not filled
    QColor pen;    // Qt::transparent when not stroked
    std::size_t order = 0;
};

class PaintRecorder : public QPaintDevice {
public:
    explicit PaintRecorder(QSize size) : m_size(size), m_engine(new Engine(this)) {}

    std::vector<DrawnText> texts;
    std::vector<DrawnShape> shapes;

    QPaintEngine* paintEngine() const override { return m_engine.get(); }

    /// The texts that contain `needle`.
    std::vector<DrawnText> texts_with(const QString& needle) const {
        std::vector<DrawnText> found;
        for (const DrawnText& t : texts)
            if (t.text.contains(needle))
                found.push_back(t);
        return found;
    }

protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return 0xffffff;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    class Engine : public QPaintEngine {
    public:
        explicit Engine(PaintRecorder* owner) : QPaintEngine(AllFeatures), m_owner(owner) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        Type type() const override { return User; }
        void updateState(const QPaintEngineState& s) override {
            if (s.state() & DirtyTransform)
                m_transform = s.transform();
            if (s.state() & DirtyPen)
                m_pen = s.pen();
            if (s.state() & DirtyBrush)
                m_brush = s.brush();
        }
        void drawPixmap(const QRectF& r, const QPixmap&, const QRectF&) override {
            shape(m_transform.mapRect(r));
        }
        void drawPath(const QPainterPath& path) override {
            shape(m_transform.map(path).boundingRect());
        }
        void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override {
            QPolygonF poly;
            for (int i = 0; i < count; ++i)
                poly << points[i];
            const bool filled = mode != PolylineMode;
            shape(m_transform.map(poly).boundingRect(), filled);
        }
        void drawLines(const QLineF* lines, int count) override {
            for (int i = 0; i < count; ++i)
                shape(m_transform.map(QPolygonF{lines[i].p1(), lines[i].p2()}).boundingRect(),
                      false);
        }
        void drawTextItem(const QPointF& p, const QTextItem& item) override {
            const QRectF r(p.x(), p.y() - item.ascent(), item.width(),
                           item.ascent() + item.descent());
            m_owner->texts.push_back(
                {item.text(), m_transform.mapRect(r),
                 item.font().pixelSize() > 0 ? item.font().pixelSize() : item.font().pointSizeF(),
                 m_owner->m_drawn++});
        }

    private:
        void shape(const QRectF& bounds, bool filled = true) {
            const QColor brush = filled && m_brush.style() != Qt::NoBrush ? m_brush.color()
                                                                          : QColor(Qt::transparent);
            const QColor pen = m_pen.style() != Qt::NoPen ? m_pen.color() : QColor(Qt::transparent);
            // A stroke covers half its width on each side (and gives a line an area).
            const double half = m_pen.style() != Qt::NoPen ? std::max(m_pen.widthF(), 1.0) / 2 : 0;
            m_owner->shapes.push_back(
                {bounds.adjusted(-half, -half, half, half), brush, pen, m_owner->m_drawn++});
        }
        PaintRecorder* m_owner;
        QTransform m_transform;
        QPen m_pen;
        QBrush m_brush;
    };

    QSize m_size;
    std::size_t m_drawn = 0;
    std::unique_ptr<Engine> m_engine;
};

} // namespace wn::ui::testing
