// What the window remembers between runs: the plain SavedSession value and its QSettings
// round trip, on a scratch INI file so no test reads or writes the user's settings.

#include "scenario/library.h"
#include "ui/main_window.h"
#include "ui/settings.h"
#include "ui_test_support.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

SavedSession sample() {
    SavedSession s;
    s.geometry = QByteArray("\x01\x02geometry", 10);
    s.dock_state = QByteArray("docks\x00\xff", 7);
    s.scenario_json = R"({"name": "herd-100", "threads": 200})";
    s.strategies = "naive,wasp";
    s.speed = 0.25;
    s.theme = "dark";
    s.font_scale = 1.25; // none of the presenter's values at their defaults
    s.presenter_font_scale = 2.0;
    s.auto_pause = true;
    s.presenter_auto_pause = false;
    return s;
}

TEST(Settings, SavedSessionReadsBackEqual) {
    QTemporaryDir dir;
    const QString path = dir.filePath("waspsnest.conf");
    {
        QSettings out(path, QSettings::IniFormat);
        save_session(out, sample());
    }
    const QSettings in(path, QSettings::IniFormat);
    EXPECT_EQ(load_session(in), sample());
}

TEST(Settings, NothingSavedGivesTheDefaults) {
    QTemporaryDir dir;
    const QSettings in(dir.filePath("empty.conf"), QSettings::IniFormat);
    EXPECT_EQ(load_session(in), SavedSession{});
}

TEST(Settings, AnotherFormatVersionIsIgnoredNotMisread) {
    QTemporaryDir dir;
    const QString path = dir.filePath("old.conf");
    {
        QSettings out(path, QSettings::IniFormat);
        save_session(out, sample());
        out.setValue("version", kSettingsVersion + 1);
    }
    const QSettings in(path, QSettings::IniFormat);
    EXPECT_EQ(load_session(in), SavedSession{});
}

TEST(Settings, NonsenseValuesFallBackOneByOne) {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.conf");
    {
        QSettings out(path, QSettings::IniFormat);
        save_session(out, sample());
        out.setValue("run/speed", "fast");
    }
    const QSettings in(path, QSettings::IniFormat);
    const SavedSession s = load_session(in);
    EXPECT_EQ(s.speed, 1.0);
    EXPECT_EQ(s.strategies, "naive,wasp");
    EXPECT_EQ(s.scenario_json, sample().scenario_json);
}

RunChoice defaults() {
    RunChoice run;
    run.scenario = load_scenario(kDefaultScenario);
    return run;
}

/// The session a user leaves behind: herd-100 compared naive/wasp, 40 threads, 0.25x.
SavedSession session_of_a_prepared_window() {
    Scenario s = load_scenario("herd-100");
    s.threads = 40;
    MainWindow window(s, {StrategyKind::Naive, StrategyKind::Wasp});
    window.controller().set_speed(0.25);
    return window.saved_session();
}

TEST(Settings, TheLastRunReopensWhenTheCommandLineIsSilent) {
    RunChoice run = defaults();
    EXPECT_EQ(apply_saved_run(run, session_of_a_prepared_window()), std::nullopt);
    EXPECT_EQ(run.scenario.name, "herd-100");
    EXPECT_EQ(run.scenario.threads, 40);
    EXPECT_EQ(run.strategies, (std::vector{StrategyKind::Naive, StrategyKind::Wasp}));

    MainWindow window(run.scenario, run.strategies);
    window.restore_layout(session_of_a_prepared_window());
    EXPECT_EQ(window.controller().panes(), 2);
    EXPECT_NEAR(window.controller().speed(), 0.25, 0.01);
}

TEST(Settings, CommandLineOptionsWinOverTheSavedRun) {
    const SavedSession saved = session_of_a_prepared_window();
    RunChoice threads_given = defaults();
    threads_given.threads = 7;
    threads_given.seed = 99;
    apply_saved_run(threads_given, saved);
    EXPECT_EQ(threads_given.scenario.name, "herd-100");
    EXPECT_EQ(threads_given.scenario.threads, 7);
    EXPECT_EQ(threads_given.scenario.seed, 99u);

    RunChoice scenario_given = defaults();
    scenario_given.scenario_given = true;
    scenario_given.strategies = {StrategyKind::Mutex};
    apply_saved_run(scenario_given, saved);
    EXPECT_EQ(scenario_given.scenario.name, kDefaultScenario);
    EXPECT_EQ(scenario_given.strategies, std::vector{StrategyKind::Mutex});
}

TEST(Settings, AnUnusableSavedRunSaysWhyAndKeepsTheDefaults) {
    SavedSession saved;
    saved.scenario_json = R"({"threads": 0})";
    RunChoice run = defaults();
    const auto why = apply_saved_run(run, saved);
    ASSERT_TRUE(why.has_value());
    EXPECT_TRUE(why->startsWith("saved settings")) << why->toStdString();
    EXPECT_EQ(run.scenario.name, kDefaultScenario);

    saved = SavedSession{};
    saved.strategies = "naive,quantum";
    run = defaults();
    EXPECT_TRUE(apply_saved_run(run, saved).has_value());
    EXPECT_TRUE(run.strategies.empty());
}

TEST(Settings, ClosingARememberingWindowSavesItsLayout) {
    QStandardPaths::setTestModeEnabled(true); // ~/.qttest, never the user's own settings
    QCoreApplication::setOrganizationName("WaspsNestTests");
    QCoreApplication::setApplicationName("settings-test");
    QSettings().clear();

    auto window = testing::make_window("step-down");
    window->resize(1000, 700);
    window->findChild<QDockWidget*>("log")->show();
    window->controller().set_speed(2.0);
    window->show();
    window->set_remember_session(true);
    window->close();
    const SavedSession saved = load_session(QSettings());
    QSettings().clear();
    EXPECT_NE(saved.scenario_json.indexOf("step-down"), -1) << saved.scenario_json.toStdString();
    EXPECT_NEAR(saved.speed, 2.0, 0.01);

    MainWindow reopened(load_scenario("step-down"));
    reopened.restore_layout(saved);
    reopened.show();
    EXPECT_EQ(reopened.size(), QSize(1000, 700));
    EXPECT_TRUE(reopened.findChild<QDockWidget*>("log")->isVisible());
}

TEST(Settings, AWindowThatIsNotAskedToRememberSavesNothing) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("WaspsNestTests");
    QCoreApplication::setApplicationName("settings-test");
    QSettings().clear();
    auto window = testing::make_window();
    window->show();
    window->close();
    EXPECT_TRUE(QSettings().allKeys().isEmpty());
}

} // namespace
} // namespace wn::ui

namespace wn::ui {
namespace {

// A 1024x768 projector (or a 1280x720 one, once the panel and title bar are counted) gets a
// maximized window on first start, not one hanging off the screen's edge; a big desktop
// gets the 1280x720 default.
TEST(FirstStart, ProjectorScreensOpenMaximized) {
    EXPECT_TRUE(start_maximized(QSize(1024, 740)));
    EXPECT_TRUE(start_maximized(QSize(1280, 690)));
    EXPECT_TRUE(start_maximized(QSize(1366, 738)));
    EXPECT_FALSE(start_maximized(QSize(1920, 1050)));
    EXPECT_FALSE(start_maximized(QSize(1600, 870)));
}

} // namespace
} // namespace wn::ui
