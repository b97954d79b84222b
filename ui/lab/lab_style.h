#pragma once

// How the lab window shows a strategy (its pen, a sample of its line, its name and its
// explanation) and numbers (lab_format.h, as QStrings).

#include "lab/strategy.h"
#include "ui/palette.h"

#include <QPen>
#include <QPixmap>
#include <QString>

namespace wn::ui {

/// The strategy's colour (strategy_color()) and line style, `width` wide.
QPen strategy_pen(const LabColors& colors, lab::Strategy s, qreal width);
/// A short sample of the strategy's line, for the checkboxes and the table.
QPixmap line_sample(const LabColors& colors, lab::Strategy s);
/// lab::strategy_label() as a QString: "wasp (RCU, epochs)", ...
QString strategy_text(lab::Strategy s);
/// What the strategy does, for tooltips and the caption while it runs.
QString strategy_tooltip(lab::Strategy s);

QString ns_text(double ns);
QString ms_text(double ms);
QString rate_text(double per_s);

} // namespace wn::ui
