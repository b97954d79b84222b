// The toolbar's race-window control: which window runs, shown in the header.

#include "ui/model/scene_text.h"
#include "ui_test_support.h"

#include <QComboBox>
#include <QTest>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

TEST(RunControls, TheRaceWindowComboSwitchesToRealisticAndTheHeaderSaysSo) {
    auto window = testing::make_window();
    window->resize(1920, 1080); // the projector: the whole toolbar fits
    window->show();
    auto* combo = window->findChild<QComboBox*>("race_window");
    ASSERT_NE(combo, nullptr);
    EXPECT_TRUE(combo->isVisible());
    EXPECT_EQ(combo->currentText(), QString::fromUtf8("magnified \u00d74000"));
    EXPECT_EQ(window->controller().scenario().race_window, RaceWindow::Magnified);

    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);

    EXPECT_EQ(window->controller().scenario().race_window, RaceWindow::Realistic);
    EXPECT_EQ(combo->currentText(), "realistic");
    const std::string header = strategy_line(window->controller().frame());
    EXPECT_NE(header.find("race realistic"), std::string::npos) << header;
}

TEST(RunControls, TheRaceWindowComboFollowsAScenarioThatSetsIt) {
    auto window = testing::make_window("primary-fails",
                                       [](Scenario& s) { s.race_window = RaceWindow::Realistic; });
    auto* combo = window->findChild<QComboBox*>("race_window");
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), "realistic");
}

TEST(RunControls, TheTimingComboSelectsMongoDB24AndTheMembersHeadingSaysSo) {
    auto window = testing::make_window();
    window->resize(1920, 1080);
    window->show();
    auto* combo = window->findChild<QComboBox*>("timing");
    ASSERT_NE(combo, nullptr);
    EXPECT_TRUE(combo->isVisible());
    EXPECT_EQ(combo->currentText(), "blog");

    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);

    EXPECT_EQ(window->controller().scenario().timing, TimingProfile::MongoDB24);
    const std::string heading = members_heading(window->controller().frame());
    EXPECT_EQ(heading, "Replica set (MongoDB 2.4 timing)");
}

} // namespace
} // namespace wn::ui
