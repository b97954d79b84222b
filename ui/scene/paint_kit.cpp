#include "ui/scene/paint_kit.h"

#include "ui/render_cache.h"
#include "ui/scene/paint_cache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace wn::ui {

QFont font_px(double px, bool bold) {
    const int size = std::max(1, static_cast<int>(std::lround(px)));
    // One QFont per size keeps its resolved font engine: a new QFont looks it up again.
    if (render_caches_enabled())
        return cached_font(size, bold);
    QFont f("DejaVu Sans");
    f.setPixelSize(size);
    f.setBold(bold);
    return f;
}

QString fit(QPainter& p, const QString& text, double width) {
    constexpr double kFit = -1; // tells fit()'s memos from shrink_to_fit()'s
    if (const TextMemo* memo = find_text_memo(text, p.font(), width, kFit))
        return memo->text;
    const QString shown = QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, width);
    keep_text_memo(text, p.font(), width, kFit, 0, TextMemo{shown, 0});
    return shown;
}

QString fit(QPainter& p, const std::string& text, double width) {
    return fit(p, qs(text), width);
}

QString fit_first(QPainter& p, const std::vector<std::string>& forms, double width) {
    if (forms.empty())
        return QString();
    const QFont font = p.font();
    for (const std::string& form : forms) {
        const QString text = qs(form);
        if (text_advance(font, text) <= width)
            return text;
    }
    return fit(p, forms.back(), width);
}

QString shrink_last(QPainter& p, const std::vector<std::string>& forms, double width, double px,
                    bool bold, double min_scale) {
    const QFont font = font_px(px, bold);
    p.setFont(font);
    for (const std::string& form : forms) {
        const QString text = qs(form);
        if (text_advance(font, text) <= width)
            return text;
    }
    return forms.empty() ? QString()
                         : shrink_to_fit(p, qs(forms.back()), width, px, bold, min_scale);
}

QString shrink_first(QPainter& p, const std::vector<std::string>& forms, double width, double px,
                     bool bold, double min_scale, double last_min_scale) {
    if (forms.empty())
        return QString();
    // A form that fits once shrunk wins over a shorter one: a name is read whole if it can be.
    const QFont smallest = font_px(px * min_scale, bold);
    for (const std::string& form : forms) {
        const QString text = qs(form);
        if (text_advance(smallest, text) <= width)
            return shrink_to_fit(p, text, width, px, bold, min_scale);
    }
    return shrink_to_fit(p, qs(forms.back()), width, px, bold,
                         last_min_scale < 0 ? min_scale : last_min_scale);
}

const std::string& form_at(const std::vector<std::string>& forms, std::size_t step) {
    static const std::string none;
    return forms.empty() ? none : forms[std::min(step, forms.size() - 1)];
}

namespace {

std::size_t group_steps(const std::vector<std::vector<std::string>>& forms) {
    std::size_t steps = 1;
    for (const auto& line : forms)
        steps = std::max(steps, line.size());
    return steps;
}

bool group_fits(const QFont& font, const std::vector<std::vector<std::string>>& forms,
                std::size_t step, double width) {
    return std::all_of(forms.begin(), forms.end(), [&](const std::vector<std::string>& line) {
        return text_advance(font, qs(form_at(line, step))) <= width;
    });
}

} // namespace

std::size_t fit_group(QPainter& p, const std::vector<std::vector<std::string>>& forms,
                      double width) {
    const QFont font = p.font();
    const std::size_t steps = group_steps(forms);
    for (std::size_t step = 0; step < steps; ++step)
        if (group_fits(font, forms, step, width))
            return step;
    return steps - 1;
}

GroupFit shrink_group(const std::vector<std::vector<std::string>>& forms, double width, double px,
                      bool bold, double min_scale) {
    const std::size_t steps = group_steps(forms);
    GroupFit fit{steps - 1, px * min_scale};
    const QFont smallest = font_px(px * min_scale, bold);
    for (std::size_t step = 0; step < steps; ++step)
        if (group_fits(smallest, forms, step, width)) {
            fit.step = step;
            break;
        }
    // As shrink_to_fit(): the largest of the sizes it would try that fits every line.
    for (double scale = 1.0; scale > min_scale + 1e-9; scale -= 0.05)
        if (group_fits(font_px(px * scale, bold), forms, fit.step, width)) {
            fit.px = px * scale;
            break;
        }
    return fit;
}

QString shrink_to_fit(QPainter& p, const QString& text, double width, double px, bool bold,
                      double min_scale) {
    const QFont base = font_px(px, bold);
    if (const TextMemo* memo = find_text_memo(text, base, width, min_scale, px)) {
        p.setFont(font_px(memo->font_px, bold));
        return memo->text;
    }
    for (double step = 1.0;; step -= 0.05) {
        const double scale = std::max(step, min_scale); // the last step lands on min_scale
        p.setFont(font_px(px * scale, bold));
        if (scale <= min_scale + 1e-9 || text_advance(p.font(), text) <= width) {
            const QString shown = fit(p, text, width);
            keep_text_memo(text, base, width, min_scale, px, TextMemo{shown, px * scale});
            return shown;
        }
    }
}

void draw_arrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width) {
    QPainterPath path(from);
    const double dx = (to.x() - from.x()) * 0.5;
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const double a =
        std::atan2(to.y() - (to - QPointF(dx, 0)).y(), to.x() - (to - QPointF(dx, 0)).x());
    const double len = width * 4 + 4;
    QPolygonF head;
    head << to << to - QPointF(std::cos(a - 0.45) * len, std::sin(a - 0.45) * len)
         << to - QPointF(std::cos(a + 0.45) * len, std::sin(a + 0.45) * len);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(head);
}

QColor over_background(const QColor& c, double alpha, const QColor& bg) {
    alpha = std::clamp(alpha, 0.0, 1.0);
    return QColor::fromRgbF(c.redF() * alpha + bg.redF() * (1 - alpha),
                            c.greenF() * alpha + bg.greenF() * (1 - alpha),
                            c.blueF() * alpha + bg.blueF() * (1 - alpha));
}

} // namespace wn::ui
