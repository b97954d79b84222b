// The legend above the charts of a single run names the members in the colours of their
// lines (the ismaster and RTT charts draw one line per member), then the two errors.

#include "ui/charts_panel.h"
#include "ui_test_support.h"

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

} // namespace
} // namespace wn::ui
