#include "ui/charts_panel.h"

#include "analysis/series.h"
#include "simulation.h"
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
#include <QTextDocument>
#include <QToolTip>
#include <QValueAxis>
#include <cmath>
#include <functional>

namespace wn::ui {
namespace {

/// One value per bin for one line: e.g. refreshes in flight, or ismaster/s for one host.
using Extract = std::function<double(const SeriesBin&, double bin_s)>;

struct LineSpec {
    QString name;
    Extract value;
    int pane;
};

constexpr int kChartMinWidth = 90;
constexpr int kChartMinHeight = 110;
/// A chart narrower than this in one row goes to rows of four when the height allows.
constexpr int kChartComfortWidth = 170;
constexpr int kTitlePx = 14;

/// Shorter than this, the filling bin's rates would swing wildly from one step to the next.
constexpr double kMinPartialBin = 0.05;

// Colours come from the palette; the line style tells strategies apart without colour.
const Qt::PenStyle kStrategyStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};

QFont with_pixel_size(QFont font, int px) {
    font.setPixelSize(px);
    return font;
}

double per_host(const std::vector<int>& v, int host) {
    return static_cast<std::size_t>(host) < v.size() ? v[static_cast<std::size_t>(host)] : 0;
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
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    m_legend = new QLabel(this);
    m_legend->setAlignment(Qt::AlignCenter);
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

QString ChartsPanel::legend_text() const {
    QTextDocument doc;
    doc.setHtml(m_legend->text());
    return doc.toPlainText();
}

void ChartsPanel::rebuild() {
    for (auto& c : m_charts)
        delete c->view;
    m_charts.clear();
    m_panes = m_controller.panes();
    m_builders.clear();
    m_traces.assign(static_cast<std::size_t>(m_panes), nullptr);
    for (int i = 0; i < m_panes; ++i)
        m_builders.push_back(std::make_unique<SeriesBuilder>(0.5));

    const bool compare = m_panes > 1;
    auto strategy = [&](int pane) {
        return QString(strategy_name(m_controller.strategies()[static_cast<std::size_t>(pane)]));
    };
    auto per_pane = [&](const QString& suffix, Extract f) {
        std::vector<LineSpec> specs;
        for (int pane = 0; pane < m_panes; ++pane)
            specs.push_back({compare ? strategy(pane) : suffix, f, pane});
        return specs;
    };
    // Per member in a single run; per strategy (all members) in a comparison.
    std::vector<LineSpec> ismaster, ping;
    if (compare) {
        ismaster = per_pane("", [](const SeriesBin& b, double s) { return b.ismaster / s; });
        ping = per_pane("", [](const SeriesBin& b, double) {
            double sum = 0;
            int n = 0;
            for (std::size_t h = 0; h < b.ping_count_by_host.size(); ++h) {
                sum += b.ping_sum_by_host[h];
                n += b.ping_count_by_host[h];
            }
            return n ? sum / n : std::nan("");
        });
    } else {
        const auto& servers = m_controller.sim().world().servers();
        for (const Server& s : servers) {
            const int host = s.host;
            const QString name = QString::fromStdString(m_controller.sim().hosts().name(host));
            ismaster.push_back({name,
                                [host](const SeriesBin& b, double sec) {
                                    return per_host(b.ismaster_by_host, host) / sec;
                                },
                                0});
            ping.push_back({name,
                            [host](const SeriesBin& b, double) {
                                const double n = per_host(b.ping_count_by_host, host);
                                return n > 0
                                           ? b.ping_sum_by_host[static_cast<std::size_t>(host)] / n
                                           : std::nan("");
                            },
                            0});
        }
    }
    std::vector<LineSpec> errors;
    for (int pane = 0; pane < m_panes; ++pane) {
        const QString prefix = compare ? strategy(pane) + " " : "";
        errors.push_back({prefix + "KeyError",
                          [](const SeriesBin& b, double s) { return b.key_errors / s; }, pane});
        errors.push_back({prefix + "AutoReconnect",
                          [](const SeriesBin& b, double s) { return b.auto_reconnects / s; },
                          pane});
    }
    struct Def {
        QString title, unit;
        std::vector<LineSpec> specs;
    };
    std::vector<Def> defs = {
        {"refreshes in flight", "max",
         per_pane("in flight",
                  [](const SeriesBin& b, double) { return b.refreshes_max_in_flight; })},
        {"ismaster calls /s", "/s", ismaster},
        {"operations ok /s", "/s",
         per_pane("ok", [](const SeriesBin& b, double s) { return b.ops_ok / s; })},
        {"errors /s", "/s", errors},
        {"threads waiting", "avg",
         per_pane("waiting",
                  [](const SeriesBin& b, double s) { return b.waiting_thread_seconds / s; })},
        {"live versions", "",
         per_pane("live", [](const SeriesBin& b, double) { return b.live_versions; })},
        {"ismaster RTT (ms)", "ms", ping},
    };
    for (Def& d : defs) {
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
        axis_font.setPixelSize(scaled_px(10));
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
            QPen pen(compare ? m_palette.strategies[static_cast<std::size_t>(spec.pane) % 4]
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
        c->view = new QChartView(c->chart, this);
        c->view->setRenderHint(QPainter::Antialiasing);
        // Small enough that seven in a row fit beside nothing at 1024 px: the panel must never
        // force the window wider than a projector.
        c->view->setMinimumSize(kChartMinWidth, kChartMinHeight);
        m_charts.push_back(std::move(c));
    }
    static const char* const kDash[] = {"\u2501\u2501\u2501", "\u254D\u254D\u254D",
                                        "\u2505\u2505\u2505", "\u2501\u2505\u2501"};
    auto entry = [](const QColor& colour, const char* dash, const QString& name) {
        return QString("<span style='color:%1'><b>%2</b></span> %3&nbsp;&nbsp;&nbsp;")
            .arg(colour.name(), QString::fromUtf8(dash), name.toHtmlEscaped());
    };
    QString legend;
    if (compare) {
        for (int pane = 0; pane < m_panes; ++pane)
            legend += entry(m_palette.strategies[static_cast<std::size_t>(pane) % 4],
                            kDash[pane % 4], strategy(pane));
        legend += "errors: the darker line is KeyError, the lighter AutoReconnect";
    } else {
        for (std::size_t h = 0; h < ismaster.size(); ++h)
            legend += entry(m_palette.hosts[h % 7], kDash[0], ismaster[h].name);
        legend += "&nbsp;&nbsp;errors: " + entry(m_palette.key_error, kDash[0], "KeyError") +
                  entry(m_palette.auto_reconnect, kDash[0], "AutoReconnect");
    }
    m_legend->setText(legend);
    m_columns = 0;
    arrange();
}

void ChartsPanel::arrange() {
    // Two rows need twice the minimum height; a projector at 1280x720 leaves about one.
    const int count = static_cast<int>(m_charts.size());
    // A narrow panel takes two rows as soon as they fit at all, rather than cut its titles.
    const bool tall = height() >= 2 * 150 + 40;
    const bool two_rows_fit = height() >= 2 * kChartMinHeight + 40;
    const bool narrow = width() < count * scaled_px(kChartComfortWidth);
    const bool solo = m_solo >= 0 && m_solo < count;
    const int columns = solo ? 1 : tall || (two_rows_fit && narrow) ? 4 : count;
    // The titles shrink to the charts' width rather than being cut (Qt Charts keeps about
    // 30 px of a chart's width for its own margins), and a narrow chart takes fewer x ticks
    // so that their labels are not elided either.
    const int chart_w = width() / std::max(1, columns) - 34;
    m_max_x_ticks = std::clamp(chart_w / 36, 2, 5);
    // One size for every title, the largest at which the longest fits.
    int px = scaled_px(kTitlePx);
    for (int i = 0; i < count; ++i) {
        const Chart& c = *m_charts[static_cast<std::size_t>(i)];
        if (solo && i != m_solo)
            continue; // hidden: its title need not fit
        while (px > scaled_px(9) &&
               QFontMetrics(with_pixel_size(c.chart->titleFont(), px)).horizontalAdvance(c.title) >
                   chart_w)
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
    auto* grid = static_cast<QGridLayout*>(layout());
    grid->removeWidget(m_legend);
    grid->addWidget(m_legend, 0, 0, 1, columns);
    for (int i = 0; i < count; ++i) {
        QChartView* view = m_charts[static_cast<std::size_t>(i)]->view;
        grid->removeWidget(view);
        // Alone, the chart takes the first row; the hidden ones take no room below it.
        const int slot = solo ? (i == m_solo ? 0 : i < m_solo ? i + 1 : i) : i;
        grid->addWidget(view, 1 + slot / columns, slot % columns);
        view->setVisible(!solo || i == m_solo);
    }
    for (int c = 0; c < count; ++c)
        grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void ChartsPanel::set_solo(int chart) {
    if (chart == m_solo)
        return;
    m_solo = chart;
    // One line of legend is wider than a chart alone beside the scene needs to be.
    m_legend->setWordWrap(chart >= 0);
    m_columns = 0; // arrange() again, even at the same column count
    arrange();
}

void ChartsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange();
}

void ChartsPanel::fold() {
    if (m_controller.panes() != m_panes)
        rebuild();
    for (int pane = 0; pane < m_panes; ++pane) {
        const Trace& trace = m_controller.sim(pane).trace();
        auto& builder = *m_builders[static_cast<std::size_t>(pane)];
        // A seek back replaces the simulation: start the series again.
        if (m_traces[static_cast<std::size_t>(pane)] != &trace ||
            builder.consumed() > trace.events().size()) {
            builder.reset();
            m_traces[static_cast<std::size_t>(pane)] = &trace;
        }
        builder.consume(trace.events());
    }
}

void ChartsPanel::refresh() {
    fold();
    for (auto& c : m_charts)
        redraw(*c);
}

void ChartsPanel::refresh_next() {
    fold();
    if (m_charts.empty() || ++m_frames < kFramesPerChart)
        return;
    m_frames = 0;
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
    Chart* c = &chart;
    ++c->redraws;
    const double now = m_controller.now();
    // Show the last minute of the run (or its first 20 s), following the playhead.
    const double x1 = std::max(now, 20.0);
    const double x0 = std::max(0.0, x1 - 60.0);
    {
        double top = 1;
        for (std::size_t i = 0; i < c->lines.size(); ++i) {
            const LineSpec& spec = c->specs[i];
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
            c->lines[i]->replace(points);
        }
        set_x_range(*c->x, x0, x1);
        // A "nice" ceiling so the axis does not twitch every frame.
        const double mag = std::pow(10, std::floor(std::log10(top)));
        const double nice = std::ceil(top * 1.1 / mag) * mag;
        c->y->setRange(0, nice);
    }
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
