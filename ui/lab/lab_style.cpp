#include "ui/lab/lab_style.h"

#include "ui/lab/lab_colors.h"
#include "ui/lab/lab_format.h"

#include <QPainter>

namespace wn::ui {

using lab::Strategy;

namespace {

Qt::PenStyle strategy_style(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return Qt::SolidLine;
    case Strategy::wasp_refcount:
        return Qt::DashDotLine;
    case Strategy::mutex:
        return Qt::DashLine;
    case Strategy::rwlock:
        return Qt::DotLine;
    case Strategy::naive_in_place:
        return Qt::DashDotDotLine;
    }
    return Qt::SolidLine;
}

} // namespace

QPen strategy_pen(const LabColors& colors, Strategy s, qreal width) {
    QPen pen(strategy_color(colors, s), width, strategy_style(s));
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QPixmap line_sample(const LabColors& colors, Strategy s) {
    QPixmap pm(64, 20);
    pm.fill(colors.sample_background);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(strategy_pen(colors, s, 4));
    p.drawLine(2, 10, 62, 10);
    return pm;
}

QString strategy_text(Strategy s) {
    return QString::fromUtf8(lab::strategy_label(s));
}

QString strategy_tooltip(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return QStringLiteral(
            "PyMongo 2.5.1's pattern on an RCU cell with epoch (grace-period) reclamation: "
            "readers copy the reference without any lock; the monitor builds a new state and "
            "swaps it in; old states are freed once no reader can hold them.");
    case Strategy::wasp_refcount:
        return QStringLiteral(
            "The same pattern with reference counting, as CPython does it: the last reader to "
            "let go of a state frees it. Every read writes one shared counter.");
    case Strategy::mutex:
        return QStringLiteral("One mutex around the state: the monitor holds it for the whole "
                              "refresh (every ismaster call), so readers queue.");
    case Strategy::rwlock:
        return QStringLiteral("A reader-writer lock (std::shared_mutex): readers share it, but "
                              "the refresh excludes them all; the monitor may starve.");
    case Strategy::naive_in_place:
        return QStringLiteral(
            "The blog's naive client: the monitor rewrites one member table and the primary "
            "index field by field, with no lock, while readers look members[primary] up. Each "
            "field is an atomic (no undefined behaviour), but a read can mix two refreshes: "
            "its torn reads are the blog's KeyError, for real.");
    }
    return {};
}

QString ns_text(double ns) {
    return QString::fromStdString(format_ns(ns));
}

QString ms_text(double ms) {
    return QString::fromStdString(format_ms(ms));
}

QString rate_text(double per_s) {
    return QString::fromStdString(format_rate(per_s));
}

} // namespace wn::ui
