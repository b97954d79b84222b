// The legend above the charts of a single run names the members in the colours of their
// lines (the ismaster and RTT charts draw one line per member), then the two errors.

#include "ui/chart_lines.h"
#include "ui/charts_panel.h"
#include "ui_test_support.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

TEST(ChartsLegend, ASingleRunNamesEveryMemberInOrderThenBothErrors) {
    auto window = make_window("primary-fails",
                              [](Scenario& s) { s.members.push_back(MemberSpec{"db4:27018"}); });
    const QString legend = window->charts().legend_text();
    int at = 0;
    for (const char* name :
         {"db1:27017", "db2:27017", "db3:27017", "db4:27018", "KeyError", "AutoReconnect"}) {
        const int found = legend.indexOf(name, at);
        EXPECT_GE(found, at) << name << " missing or out of order in " << legend.toStdString();
        at = std::max(at, found);
    }
    EXPECT_FALSE(legend.contains("in flight")) << legend.toStdString();
}

TEST(ChartsLegend, AChartShownAloneHasTheLegendOfItsOwnLinesOnly) {
    auto window = make_window();
    ChartsPanel& charts = window->charts();
    ASSERT_EQ(charts.chart_title(kIsmasterChart), "ismaster calls /s");
    ASSERT_EQ(charts.chart_title(kErrorsChart), "errors /s");
    ASSERT_EQ(charts.chart_title(kRttChart), "ismaster RTT (ms)");
    charts.set_solo(0); // refreshes in flight: one line, a total
    EXPECT_TRUE(charts.legend_text().isEmpty()) << charts.legend_text().toStdString();
    charts.set_solo(kErrorsChart);
    EXPECT_TRUE(charts.legend_text().contains("KeyError"));
    EXPECT_FALSE(charts.legend_text().contains("db1:27017")) << charts.legend_text().toStdString();
    charts.set_solo(kRttChart);
    EXPECT_TRUE(charts.legend_text().contains("db1:27017"));
    EXPECT_FALSE(charts.legend_text().contains("KeyError")) << charts.legend_text().toStdString();
    charts.set_solo(-1);
    EXPECT_TRUE(charts.legend_text().contains("db1:27017"));
    EXPECT_TRUE(charts.legend_text().contains("KeyError"));
}

// The legend gives db1 its colour: a total drawn in that colour would read as db1's line.
TEST(ChartsLegend, ASingleRunsTotalsAreNotDrawnInAMembersColour) {
    auto window = make_window();
    ChartsPanel& charts = window->charts();
    const Palette& colours = window->colours();
    for (int i = 0; i < charts.chart_count(); ++i) {
        const auto series = charts.chart_view(i)->chart()->series();
        if (series.size() != 1)
            continue;
        const QColor line = static_cast<QLineSeries*>(series.front())->pen().color();
        for (const QColor& host : colours.hosts)
            EXPECT_NE(line, host) << charts.chart_title(i).toStdString();
    }
}

} // namespace
} // namespace wn::ui
