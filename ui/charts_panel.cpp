#include "ui/charts_panel.h"

#include "analysis/series.h"
#include "simulation.h"
#include "ui/app_chrome.h"
#include "ui/chart_lines.h"
#include "ui/controller.h"
#include "ui/layout.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTextDocument>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <functional>

namespace wn::ui {
namespace {

constexpr int kChartMinWidth = 90;
constexpr int kChartMinHeight = 110;
/// A chart narrower than this in one row goes to rows of four when the height allows.
constexpr int kChartComfortWidth = 170;
constexpr int kTitlePx = 14;
/// The smallest a title shrinks to (times the scale) to fit a narrow chart.
constexpr int kMinTitlePx = 9;
constexpr int kAxisPx = 10;
/// Room Qt Charts keeps around a chart's title and plot, in pixels.
constexpr int kChartMargins = 34;
constexpr int kGap = 2;

/// Shorter than this, the filling bin's rates would swing wildly from one step to the next.
constexpr double kMinPartialBin = 0.05;

// Colours come from the palette; the line style tells strategies apart without colour.
const Qt::PenStyle kStrategyStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};

QFont with_pixel_size(QFont font, int px) {
    font.setPixelSize(px);
    return font;
}

} // namespace

struct ChartsPanel::Chart {
    QString title;
    QString unit;
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    std::vector<LineSpec> specs;
    std::vector<QLineSeries*> lines;
    int redraws = 0;
};

ChartsPanel::ChartsPanel(SimController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(kGap);
    m_legend = new QLabel(this);
    m_legend->setAlignment(Qt::AlignCenter);
    column->addWidget(m_legend);
    // Large text on a small screen makes the charts wider and taller than the dock: then
    // they scroll rather than shrink their text or squeeze the scene.
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_sheet = new QWidget;
    auto* grid = new QGridLayout(m_sheet);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(kGap);
    m_scroll->setWidget(m_sheet);
    column->addWidget(m_scroll, 1);
    // The legend's height changes the charts' room without resizing the panel.
    m_scroll->installEventFilter(this);
    m_turn = new QTimer(this);
    m_turn->setSingleShot(true);
    m_turn->setInterval(0);
    connect(m_turn, &QTimer::timeout, this, [this] {
        // Playing, the frames give the charts still waiting their turns (refresh_next()).
        if (m_controller.playing())
            return;
        // The charts redraw once every event is read: never a plot of half a run.
        if (!m_folded) {
            fold();
            m_turn->start();
            return;
        }
        if (redraw_waiting() && m_waiting > 0)
            m_turn->start();
    });
    rebuild();
    // A new scenario may have other members (the per-member lines) or other panes.
    connect(&controller, &SimController::restarted, this, &ChartsPanel::rebuild);
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::set_palette(const Palette& colours) {
    m_palette = colours;
    rebuild();
    refresh();
}

QString ChartsPanel::chart_title(int chart) const {
    return m_charts[static_cast<std::size_t>(chart)]->title;
}

QRect ChartsPanel::chart_geometry(int chart) const {
    return m_charts[static_cast<std::size_t>(chart)]->view->geometry();
}

QRect ChartsPanel::visible_sheet() const {
    const QWidget* viewport = m_scroll->viewport();
    return QRect(m_sheet->mapFrom(viewport, QPoint(0, 0)), viewport->size());
}

int ChartsPanel::scaled_px(int px) const {
    const double scale = m_palette.font_scale;
    return std::max(static_cast<int>(px * scale + 0.5),
                    static_cast<int>(std::ceil(min_text_px(scale))));
}

QSize ChartsPanel::chart_min_size() const {
    // A title at its smallest, a line of x ticks, a few y ticks and a plot between them.
    const int title_px = scaled_px(kMinTitlePx), axis_px = scaled_px(kAxisPx);
    int title_w = 0;
    for (const auto& c : m_charts) {
        QFont font = c->chart->titleFont();
        font.setPixelSize(title_px);
        title_w = std::max(title_w, QFontMetrics(font).horizontalAdvance(c->title));
    }
    const int plot = static_cast<int>(40 * m_palette.font_scale);
    // At the normal size the titles may shrink further: seven charts beside nothing at
    // 1024 px, as before large text.
    const bool large = m_palette.font_scale > 1 + 1e-9;
    return QSize(
        std::max(kChartMinWidth, large ? title_w + kChartMargins : 0),
        std::max(kChartMinHeight, static_cast<int>((title_px + 2 * axis_px) * 1.3) + plot));
}

QString ChartsPanel::legend_text() const {
    QTextDocument doc;
    doc.setHtml(m_legend->text());
    return doc.toPlainText();
}

void ChartsPanel::rebuild() {
    for (auto& c : m_charts)
        delete c->view;
    m_charts.clear();
    m_waiting = 0;
    m_panes = m_controller.panes();
    m_builders.clear();
    m_traces.assign(static_cast<std::size_t>(m_panes), nullptr);
    for (int i = 0; i < m_panes; ++i)
        m_builders.push_back(std::make_unique<SeriesBuilder>(0.5));

    const bool compare = m_panes > 1;
    std::vector<ChartDef> defs = chart_defs(m_controller);
    for (ChartDef& d : defs) {
        auto c = std::make_unique<Chart>();
        c->title = d.title;
        c->unit = d.unit;
        c->specs = std::move(d.specs);
        c->chart = new QChart;
        c->chart->setTitle(d.title);
        QFont title_font = c->chart->titleFont();
        title_font.setPixelSize(scaled_px(kTitlePx));
        title_font.setBold(true);
        c->chart->setTitleFont(title_font);
        c->chart->setMargins(QMargins(2, 2, 2, 2));
        c->chart->legend()->setAlignment(Qt::AlignBottom);
        QFont legend_font = c->chart->legend()->font();
        legend_font.setPixelSize(scaled_px(11));
        c->chart->legend()->setFont(legend_font);
        c->x = new QValueAxis;
        c->y = new QValueAxis;
        c->y->setLabelFormat("%g");
        QFont axis_font = c->x->labelsFont();
        axis_font.setPixelSize(scaled_px(kAxisPx));
        c->x->setLabelsFont(axis_font);
        c->y->setLabelsFont(axis_font);
        // The theme's colours (a dark or high-contrast palette), not Qt Charts' own.
        c->chart->setBackgroundBrush(m_palette.panel);
        c->chart->setTitleBrush(m_palette.ink);
        c->chart->legend()->setLabelColor(m_palette.ink);
        for (QValueAxis* axis : {c->x, c->y}) {
            axis->setLabelsColor(m_palette.ink);
            axis->setGridLineColor(m_palette.grid);
        }
        c->y->setTickCount(3);
        c->x->setTickType(QValueAxis::TicksDynamic);
        set_x_range(*c->x, 0, 20);
        c->chart->addAxis(c->x, Qt::AlignBottom);
        c->chart->addAxis(c->y, Qt::AlignLeft);
        for (const LineSpec& spec : c->specs) {
            auto* line = new QLineSeries;
            line->setName(spec.name);
            // A single run's one-line charts (totals, not a member's) draw in the ink colour:
            // in db1's colour they would read as db1's line.
            QPen pen(compare ? m_palette.strategies[static_cast<std::size_t>(spec.pane) % 4]
                     : c->specs.size() == 1 ? m_palette.ink
                                            : m_palette.hosts[c->lines.size() % 7]);
            if (compare) {
                pen.setStyle(kStrategyStyles[spec.pane % 4]);
                if (spec.name.endsWith("KeyError"))
                    pen.setColor(pen.color().darker(150));
            } else if (c->specs.size() == 2) {
                // errors: KeyError vs AutoReconnect, in colours no one confuses
                pen.setColor(&spec == &c->specs[0] ? m_palette.key_error
                                                   : m_palette.auto_reconnect);
            }
            pen.setWidthF(m_palette.pens.chart_line);
            line->setPen(pen);
            c->chart->addSeries(line);
            line->attachAxis(c->x);
            line->attachAxis(c->y);
            const QString name = spec.name, title = d.title, unit = d.unit;
            connect(line, &QLineSeries::hovered, this,
                    [name, title, unit](const QPointF& p, bool state) {
                        if (state)
                            QToolTip::showText(QCursor::pos(), QString("%1 — %2\nt=%3 s: %4 %5")
                                                                   .arg(title, name)
                                                                   .arg(p.x(), 0, 'f', 1)
                                                                   .arg(p.y(), 0, 'g', 4)
                                                                   .arg(unit));
                    });
            c->lines.push_back(line);
        }
        // One legend for every chart, above them (see m_legend): per-chart legends take a
        // fifth of a short chart and cut their labels.
        c->chart->legend()->setVisible(false);
        c->view = new QChartView(c->chart, m_sheet);
        c->view->setRenderHint(QPainter::Antialiasing);
        // Small enough that seven in a row fit beside nothing at 1024 px: the panel must never
        // force the window wider than a projector.
        c->view->setMinimumSize(kChartMinWidth, kChartMinHeight);
        m_charts.push_back(std::move(c));
    }
    update_legend();
    // The legend reads like the docks' text: the desktop's size times the scale, and from
    // 1.5 up at least min_text_px.
    const double scale = m_palette.font_scale;
    if (scale > 1 + 1e-9) {
        QFont font = m_legend->font();
        font.setPixelSize(chrome_text_px(desktop_text_px(), scale));
        m_legend->setFont(font);
    } else {
        m_legend->setFont(QFont());
    }
    m_legend->setWordWrap(m_solo >= 0 || scale > 1 + 1e-9);
    m_columns = 0;
    arrange();
}

void ChartsPanel::arrange() {
    const int count = static_cast<int>(m_charts.size());
    const QSize min = chart_min_size();
    // A narrow panel takes two rows as soon as they fit at all, rather than cut its titles.
    const bool tall = height() >= 2 * std::max(150, min.height()) + 40;
    const bool two_rows_fit = height() >= 2 * min.height() + 40;
    const bool narrow = width() < count * std::max(scaled_px(kChartComfortWidth), min.width());
    const bool solo = m_solo >= 0 && m_solo < count;
    const int columns = solo ? 1 : tall || (two_rows_fit && narrow) ? 4 : count;
    const int shown = solo ? 1 : count;
    const int rows = (shown + columns - 1) / columns;
    // Scroll only when the charts do not fit at their smallest readable size; then show as
    // many whole charts as fit, so that none is cut by the panel's edge.
    const QSize room = m_scroll->maximumViewportSize();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    auto across = [&](int n, int size) {
        return n * size + (n - 1) * kGap;
    };
    bool scroll_x = across(columns, min.width()) > room.width();
    bool scroll_y = across(rows, min.height()) > room.height() - (scroll_x ? bar : 0);
    if (scroll_y && !scroll_x)
        scroll_x = across(columns, min.width()) > room.width() - bar;
    const int room_w = room.width() - (scroll_y ? bar : 0);
    const int room_h = room.height() - (scroll_x ? bar : 0);
    const int shown_columns =
        scroll_x ? std::max(1, (room_w + kGap) / (min.width() + kGap)) : columns;
    const int shown_rows = scroll_y ? std::max(1, (room_h + kGap) / (min.height() + kGap)) : rows;
    const int chart_w =
        std::max(min.width(), (room_w - (shown_columns - 1) * kGap) / shown_columns);
    const int chart_h = std::max(min.height(), (room_h - (shown_rows - 1) * kGap) / shown_rows);
    // The dock may shrink (the scene comes first) but not below one row of charts.
    const int legend_h = m_legend->text().isEmpty() ? 0
                         : m_legend->wordWrap() ? m_legend->heightForWidth(std::max(width(), 100))
                                                : m_legend->sizeHint().height();
    const int one_row = legend_h + kGap + min.height() + bar;
    if (minimumHeight() != one_row)
        setMinimumHeight(one_row);
    for (auto& c : m_charts)
        c->view->setMinimumSize(scroll_x ? chart_w : min.width(),
                                scroll_y ? chart_h : min.height());
    m_scroll->horizontalScrollBar()->setSingleStep(chart_w + kGap);
    m_scroll->verticalScrollBar()->setSingleStep(chart_h + kGap);
    // The titles shrink to the charts' width rather than being cut, and a narrow chart takes
    // fewer x ticks so that their labels are not elided either.
    const int title_w = chart_w - kChartMargins;
    const int axis_px = scaled_px(kAxisPx);
    m_max_x_ticks = std::clamp(title_w * 10 / (36 * axis_px), 2, 5);
    // One size for every title, the largest at which the longest fits.
    int px = scaled_px(kTitlePx);
    for (int i = 0; i < count; ++i) {
        const Chart& c = *m_charts[static_cast<std::size_t>(i)];
        if (solo && i != m_solo)
            continue; // hidden: its title need not fit
        while (px > scaled_px(kMinTitlePx) &&
               QFontMetrics(with_pixel_size(c.chart->titleFont(), px)).horizontalAdvance(c.title) >
                   title_w)
            --px;
    }
    for (auto& c : m_charts) {
        if (c->chart->titleFont().pixelSize() != px)
            c->chart->setTitleFont(with_pixel_size(c->chart->titleFont(), px));
        set_x_range(*c->x, c->x->min(), c->x->max());
    }
    if (columns == m_columns)
        return;
    m_columns = columns;
    auto* grid = static_cast<QGridLayout*>(m_sheet->layout());
    for (int i = 0; i < count; ++i) {
        QChartView* view = m_charts[static_cast<std::size_t>(i)]->view;
        grid->removeWidget(view);
        // Alone, the chart takes the first row; the hidden ones take no room below it.
        const int slot = solo ? (i == m_solo ? 0 : i < m_solo ? i + 1 : i) : i;
        grid->addWidget(view, slot / columns, slot % columns);
        view->setVisible(!solo || i == m_solo);
    }
    for (int c = 0; c < count; ++c)
        grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void ChartsPanel::update_legend() {
    static const char* const kDash[] = {"\u2501\u2501\u2501", "\u254D\u254D\u254D",
                                        "\u2505\u2505\u2505", "\u2501\u2505\u2501"};
    auto entry = [](const QColor& colour, const char* dash, const QString& name) {
        return QString("<span style='color:%1'><b>%2</b></span> %3&nbsp;&nbsp;&nbsp;")
            .arg(colour.name(), QString::fromUtf8(dash), name.toHtmlEscaped());
    };
    const bool compare = m_panes > 1;
    // A chart shown alone (a tour's step) gets the legend of its own lines only: a line
    // must not be read as a member's because the legend names one in its colour.
    const int solo = m_solo >= 0 && m_solo < chart_count() ? m_solo : -1;
    const bool members = solo < 0 || solo == kIsmasterChart || solo == kRttChart;
    const bool errors = solo < 0 || solo == kErrorsChart;
    QString legend;
    if (compare) {
        for (int pane = 0; pane < m_panes; ++pane)
            legend +=
                entry(m_palette.strategies[static_cast<std::size_t>(pane) % 4], kDash[pane % 4],
                      strategy_name(m_controller.strategies()[static_cast<std::size_t>(pane)]));
        if (errors)
            legend += "errors: the darker line is KeyError, the lighter AutoReconnect";
    } else {
        if (members) {
            const std::vector<LineSpec>& hosts = m_charts[kIsmasterChart]->specs;
            for (std::size_t h = 0; h < hosts.size(); ++h)
                legend += entry(m_palette.hosts[h % 7], kDash[0], hosts[h].name);
        }
        if (errors)
            legend += "&nbsp;&nbsp;errors: " + entry(m_palette.key_error, kDash[0], "KeyError") +
                      entry(m_palette.auto_reconnect, kDash[0], "AutoReconnect");
    }
    m_legend->setText(legend);
    m_legend->setVisible(!legend.isEmpty());
}

void ChartsPanel::set_solo(int chart) {
    if (chart == m_solo)
        return;
    m_solo = chart;
    update_legend();
    // One line of legend is wider than a chart alone beside the scene needs to be.
    m_legend->setWordWrap(chart >= 0 || m_palette.font_scale > 1 + 1e-9);
    m_columns = 0; // arrange() again, even at the same column count
    arrange();
}

void ChartsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange();
}

bool ChartsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll && event->type() == QEvent::Resize)
        arrange();
    return QWidget::eventFilter(watched, event);
}

void ChartsPanel::fold_all() {
    while (!fold()) {
    }
}

bool ChartsPanel::fold() {
    if (m_controller.panes() != m_panes)
        rebuild();
    bool all = true;
    for (int pane = 0; pane < m_panes; ++pane) {
        const Trace& trace = m_controller.sim(pane).trace();
        auto& builder = *m_builders[static_cast<std::size_t>(pane)];
        // A seek back replaces the simulation: start the series again.
        if (m_traces[static_cast<std::size_t>(pane)] != &trace ||
            builder.consumed() > trace.events().size()) {
            builder.reset();
            m_traces[static_cast<std::size_t>(pane)] = &trace;
        }
        all = builder.consume(trace.events(), kFoldChunk) && all;
    }
    m_folded = all;
    return all;
}

void ChartsPanel::refresh() {
    m_waiting = 0;
    fold_all();
    for (auto& c : m_charts)
        redraw(*c);
}

void ChartsPanel::refresh_in_turn() {
    fold();
    m_waiting = m_charts.size();
    m_turn->start();
}

bool ChartsPanel::redraw_waiting() {
    if (m_waiting == 0)
        return false;
    redraw(*m_charts[m_charts.size() - m_waiting--]);
    return true;
}

void ChartsPanel::refresh_next() {
    if (!fold() || m_charts.empty() || ++m_frames < kFramesPerChart)
        return;
    m_frames = 0;
    if (redraw_waiting())
        return;
    m_next %= m_charts.size();
    redraw(*m_charts[m_next++]);
}

int ChartsPanel::line_count(int chart) const {
    return static_cast<int>(m_charts[static_cast<std::size_t>(chart)]->lines.size());
}

int ChartsPanel::redraws(int chart) const {
    return m_charts[static_cast<std::size_t>(chart)]->redraws;
}

void ChartsPanel::redraw(Chart& chart) {
    ++chart.redraws;
    const double now = m_controller.now();
    // Show the last minute of the run (or its first 20 s), following the playhead.
    const double x1 = std::max(now, 20.0);
    const double x0 = std::max(0.0, x1 - 60.0);
    double top = 1;
    for (std::size_t i = 0; i < chart.lines.size(); ++i) {
        const LineSpec& spec = chart.specs[i];
        const SeriesBuilder& b = *m_builders[static_cast<std::size_t>(spec.pane)];
        const double bin = b.bin_seconds();
        QList<QPointF> points;
        const auto& bins = b.bins();
        const auto first = static_cast<std::size_t>(std::max(0.0, x0 / bin));
        const auto filling = static_cast<std::size_t>(now / bin);
        auto plot = [&](std::size_t k, double width) {
            const double v = spec.value(bins[k], width);
            if (std::isnan(v))
                return;
            points.append(QPointF(static_cast<double>(k) * bin + width / 2, v));
            top = std::max(top, v);
        };
        for (std::size_t k = first; k < std::min(bins.size(), filling); ++k)
            plot(k, bin);
        // The bin holding the playhead is still filling: plot it over the part elapsed, so
        // that a speaker stepping through the failover sees the herd as it happens.
        const double elapsed = now - static_cast<double>(filling) * bin;
        if (filling < bins.size() && filling >= first && elapsed >= kMinPartialBin)
            plot(filling, elapsed);
        chart.lines[i]->replace(points);
    }
    set_x_range(*chart.x, x0, x1);
    // A "nice" ceiling so the axis does not twitch every frame.
    const double mag = std::pow(10, std::floor(std::log10(top)));
    const double nice = std::ceil(top * 1.1 / mag) * mag;
    chart.y->setRange(0, nice);
}

void ChartsPanel::set_x_range(QValueAxis& axis, double x0, double x1) {
    const AxisTicks ticks = axis_ticks(x0, x1, m_max_x_ticks);
    axis.setRange(x0, x1);
    axis.setTickAnchor(ticks.values.empty() ? x0 : ticks.values.front());
    axis.setTickInterval(ticks.step);
    axis.setLabelFormat(QString("%.%1f s").arg(ticks.decimals));
}

QChartView* ChartsPanel::chart_view(int chart) const {
    return m_charts[static_cast<std::size_t>(chart)]->view;
}

QStringList ChartsPanel::x_tick_labels(int chart) const {
    const QValueAxis& x = *m_charts[static_cast<std::size_t>(chart)]->x;
    QStringList labels;
    const double step = x.tickInterval();
    const double first =
        x.tickAnchor() + std::ceil((x.min() - x.tickAnchor()) / step - 1e-9) * step;
    for (double v = first; v <= x.max() + step * 1e-9; v += step)
        labels << QString::asprintf(x.labelFormat().toLatin1().constData(), v);
    return labels;
}

std::vector<QPointF> ChartsPanel::points(int chart, int line) const {
    const auto* series =
        m_charts[static_cast<std::size_t>(chart)]->lines[static_cast<std::size_t>(line)];
    const auto list = series->points();
    return std::vector<QPointF>(list.begin(), list.end());
}

} // namespace wn::ui
