// What the window remembers between runs: the plain SavedSession value and its QSettings
// round trip, on a scratch INI file so no test reads or writes the user's settings.

#include "ui/settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

SavedSession sample() {
    SavedSession s;
    s.geometry = QByteArray("\x01\x02geometry", 10);
    s.dock_state = QByteArray("docks\x00\xff", 7);
    s.scenario = "herd-100";
    s.strategies = "naive,wasp";
    s.threads = 200;
    s.members = 5;
    s.speed = 0.25;
    s.theme = "dark";
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
        out.setValue("run/threads", "many");
        out.setValue("run/speed", -3);
    }
    const QSettings in(path, QSettings::IniFormat);
    const SavedSession s = load_session(in);
    EXPECT_EQ(s.threads, 0);
    EXPECT_EQ(s.speed, 1.0);
    EXPECT_EQ(s.members, 5);
    EXPECT_EQ(s.scenario, "herd-100");
}

} // namespace
} // namespace wn::ui
