// The waspsnest program's command-line contract: --screenshot renders a PNG with no
// display and exits 0; bad options print one line and exit 2.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace {

// The program's path, set by CMake when the waspsnest target is part of the build.
#ifdef WN_WASPSNEST_PATH
constexpr const char* kWaspsnest = WN_WASPSNEST_PATH;
#else
constexpr const char* kWaspsnest = nullptr;
#endif

#define SKIP_WITHOUT_WASPSNEST()                                                                   \
    if (!kWaspsnest)                                                                               \
    GTEST_SKIP() << "the waspsnest program is not part of this build (WN_WASPSNEST_PATH unset)"

struct ProgramRun {
    int exit_code = -1;
    bool crashed = false;
    QByteArray err;
};

/// How the program is started: with the offscreen platform the tests' main put in the
/// environment, or as from a shell on a machine without a display.
enum class Env { Offscreen, Headless };

ProgramRun run_waspsnest(const QStringList& args, Env env = Env::Offscreen) {
    QProcess p;
    if (env == Env::Headless) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            e.remove(name);
        p.setProcessEnvironment(e);
    }
    p.start(QString::fromUtf8(kWaspsnest), args);
    ProgramRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exit_code = p.exitCode();
    r.err = p.readAllStandardError();
    return r;
}

std::string quote(const QByteArray& text) {
    std::string quoted(1, '"');
    quoted.append(text.toStdString()).push_back('"');
    return quoted;
}

TEST(ScreenshotContract, WritesAPngOfTheRequestedSize) {
    SKIP_WITHOUT_WASPSNEST();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("shot.png");
    const ProgramRun r = run_waspsnest({"--screenshot", out, "--at", "12", "--size", "1280x720"});
    ASSERT_FALSE(r.crashed) << quote(r.err);
    EXPECT_EQ(r.exit_code, 0) << quote(r.err);
    QImage image;
    ASSERT_TRUE(image.load(out)) << "no PNG at " << out.toStdString();
    EXPECT_EQ(image.size(), QSize(1280, 720));
    // Not a blank canvas: a rendered scene has many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 9)
        for (int x = 0; x < image.width(); x += 9)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 8);
}

// Four panes in two rows must still fit the requested height: the panes shrink, the image
// does not grow.
TEST(ScreenshotContract, FourStrategiesKeepTheRequestedSize) {
    SKIP_WITHOUT_WASPSNEST();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("four.png");
    const ProgramRun r = run_waspsnest({"--strategy", "naive,mutex,rwlock,wasp", "--screenshot",
                                        out, "--at", "12", "--size", "1280x720"});
    ASSERT_FALSE(r.crashed) << quote(r.err);
    EXPECT_EQ(r.exit_code, 0) << quote(r.err);
    EXPECT_EQ(QImage(out).size(), QSize(1280, 720));
}

// SVG keeps the scene's words as text, so a slide stays sharp at any size, and a standard
// renderer (rsvg-convert, as a browser would) draws it at the requested size.
TEST(ScreenshotContract, WritesAnSvgWhoseTextStaysTextAndThatRsvgDraws) {
    SKIP_WITHOUT_WASPSNEST();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("shot.svg");
    const ProgramRun r = run_waspsnest({"--scenario", "herd-100", "--strategy", "naive,wasp",
                                        "--screenshot", out, "--at", "12", "--size", "1280x720"});
    ASSERT_FALSE(r.crashed) << quote(r.err);
    ASSERT_EQ(r.exit_code, 0) << quote(r.err);
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    EXPECT_TRUE(svg.startsWith("<?xml")) << svg.left(80).toStdString();
    EXPECT_TRUE(svg.contains("<svg"));
    EXPECT_TRUE(svg.contains("viewBox=\"0 0 1280 720\""));
    // The client box's title and a member's name are <text>, not outlines.
    EXPECT_TRUE(svg.contains(">MongoReplicaSetClient</text>"));
    EXPECT_TRUE(svg.contains(">db2:27017</text>"));
    QProcess rsvg;
    const QString png = dir.filePath("drawn.png");
    rsvg.start("rsvg-convert", {"--format", "png", "--output", png, out});
    ASSERT_TRUE(rsvg.waitForFinished(60000)) << "rsvg-convert (librsvg2-bin) did not run";
    ASSERT_EQ(rsvg.exitCode(), 0) << rsvg.readAllStandardError().toStdString();
    QImage drawn;
    ASSERT_TRUE(drawn.load(png));
    // The size is written in millimetres (338.667mm), which rsvg rounds up by at most a pixel.
    EXPECT_NEAR(drawn.width(), 1280, 1);
    EXPECT_NEAR(drawn.height(), 720, 1);
    QSet<QRgb> colours;
    for (int y = 0; y < drawn.height(); y += 9)
        for (int x = 0; x < drawn.width(); x += 9)
            colours.insert(drawn.pixel(x, y));
    EXPECT_GT(colours.size(), 8) << "rsvg drew a blank page";
}

TEST(ScreenshotContract, TheImageFormatFollowsTheExtension) {
    SKIP_WITHOUT_WASPSNEST();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("shot.jpg");
    const ProgramRun r = run_waspsnest({"--screenshot", out, "--size", "1024x768"});
    ASSERT_EQ(r.exit_code, 0) << quote(r.err);
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(3) == QByteArray("\xff\xd8\xff")) << "not a JPEG";
    EXPECT_EQ(QImage(out).size(), QSize(1024, 768));
}

// --reset-settings clears what the window remembered; a screenshot, which reads no settings,
// still renders. The child gets a scratch config directory, never the user's.
TEST(ScreenshotContract, ResetSettingsWithAScreenshotIsFine) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString config = dir.filePath("config");
    const QString conf_file = config + "/WaspsNest/waspsnest.conf";
    ASSERT_TRUE(QDir().mkpath(config + "/WaspsNest"));
    {
        QFile f(conf_file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("[General]\nversion=1\n[run]\nspeed=4\n");
    }
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert("XDG_CONFIG_HOME", config);
    p.setProcessEnvironment(e);
    const QString out = dir.filePath("shot.png");
    p.start(QStringLiteral(WN_WASPSNEST_PATH),
            {"--reset-settings", "--screenshot", out, "--size", "1280x720"});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 0) << quote(p.readAllStandardError());
    EXPECT_EQ(QImage(out).size(), QSize(1280, 720));
    const QSettings left(conf_file, QSettings::IniFormat);
    EXPECT_FALSE(left.contains("run/speed")) << "the settings were not reset";
}

struct BadOption {
    const char* name;
    QStringList args;
};

void PrintTo(const BadOption& o, std::ostream* os) {
    *os << "waspsnest " << o.args.join(' ').toStdString();
}

class BadOptions : public ::testing::TestWithParam<BadOption> {
protected:
    void expect_one_line_and_exit_two(Env env) {
        SKIP_WITHOUT_WASPSNEST();
        const ProgramRun r = run_waspsnest(GetParam().args, env);
        ASSERT_FALSE(r.crashed) << quote(r.err);
        EXPECT_EQ(r.exit_code, 2) << quote(r.err);
        const QByteArray err = r.err.trimmed();
        EXPECT_FALSE(err.isEmpty());
        EXPECT_EQ(err.count('\n'), 0) << "not exactly one line: " << quote(r.err);
        EXPECT_TRUE(err.startsWith("waspsnest: ")) << quote(r.err);
    }
};

TEST_P(BadOptions, OneLineOnStderrAndExitTwo) {
    expect_one_line_and_exit_two(Env::Offscreen);
}

// A typo on a machine with no display (a CI box, an ssh session) is still a one-line error,
// not an abort from the platform plugin.
TEST_P(BadOptions, OneLineOnStderrAndExitTwoWithoutADisplay) {
    expect_one_line_and_exit_two(Env::Headless);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadOptions,
    ::testing::Values(
        BadOption{"threads_zero", {"--threads", "0"}},
        BadOption{"at_negative", {"--screenshot", "x.png", "--at", "-1"}},
        BadOption{"size_too_small", {"--screenshot", "x.png", "--size", "10x10"}},
        BadOption{"unknown_scenario", {"--scenario", "nope"}},
        BadOption{"unknown_strategy", {"--strategy", "foo"}},
        BadOption{"unwritable_screenshot", {"--screenshot", "/nonexistent-dir/shot.png"}},
        BadOption{"screenshot_unknown_extension", {"--screenshot", "shot.tiff"}},
        BadOption{"markers_format_unknown",
                  {"--screenshot-markers", "slides", "--markers-format", "gif"}},
        BadOption{"markers_format_alone", {"--markers-format", "svg"}},
        BadOption{"unwritable_svg", {"--screenshot", "/nonexistent-dir/shot.svg"}},
        BadOption{"record_unknown_extension", {"--record", "x.avi"}},
        BadOption{"record_from_after_to", {"--record", "x.mp4", "--from", "12", "--to", "11"}},
        BadOption{"record_fps_zero", {"--record", "x.gif", "--fps", "0"}},
        BadOption{"record_outside_the_run", {"--record", "x.mp4", "--to", "999"}},
        BadOption{"record_unwritable", {"--record", "/nonexistent-dir/clip.mp4"}},
        BadOption{"from_without_record", {"--from", "3"}}),
    [](const ::testing::TestParamInfo<BadOption>& info) { return std::string(info.param.name); });

} // namespace
