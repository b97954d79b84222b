// `waspsnest --tour NAME --screenshot-steps DIR`, run as a program: one PNG per step, one
// line per file, and one line with exit code 2 for a bad tour.

#include "tour/tour_json.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

#ifdef WN_WASPSNEST_PATH
constexpr const char* kWaspsnest = WN_WASPSNEST_PATH;
#else
constexpr const char* kWaspsnest = nullptr;
#endif

struct ProgramRun {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

ProgramRun run(const QStringList& args) {
    QProcess p;
    p.start(QString::fromUtf8(kWaspsnest), args);
    ProgramRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    if (p.exitStatus() == QProcess::NormalExit)
        r.exit_code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

TEST(TourStills, OnePngPerStepAndOneLinePerFile) {
    if (!kWaspsnest)
        GTEST_SKIP() << "the waspsnest program is not part of this build";
    QTemporaryDir dir;
    const QString out = dir.filePath("slides");
    const ProgramRun r = run({"--tour", "blog", "--screenshot-steps", out, "--size", "1280x720"});
    ASSERT_EQ(r.exit_code, 0) << r.err.toStdString();
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    const auto steps = static_cast<qsizetype>(wn::load_tour("blog").step_count());
    ASSERT_EQ(lines.size(), steps);
    EXPECT_TRUE(lines.front().endsWith("01-c1-s1.png")) << lines.front().toStdString();
    for (const QByteArray& line : lines) {
        const QImage image(QString::fromLocal8Bit(line));
        EXPECT_EQ(image.size(), QSize(1280, 720)) << line.toStdString();
    }
    EXPECT_EQ(QDir(out).entryList({"*.png"}).size(), steps);
}

TEST(TourStills, BadTourIsOneLineAndExitCode2) {
    if (!kWaspsnest)
        GTEST_SKIP() << "the waspsnest program is not part of this build";
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"title": "t", "chapters": [{"title": "c", "steps": [
        {"scenario": "primary-fails", "stop": {"at_s": 1}, "text": "x", "speed": -1}]}]})");
    f.close();
    const ProgramRun r = run({"--tour", bad, "--screenshot-steps", dir.filePath("out")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "waspsnest: --tour: " + bad.toLocal8Bit() +
                         ": field 'chapters[0].steps[0].speed': must be between 0.01 and 100 "
                         "times real time\n");
    EXPECT_FALSE(QDir(dir.filePath("out")).exists()) << "wrote before the tour was read";
}

} // namespace
