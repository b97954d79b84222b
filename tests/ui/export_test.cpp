// waspsnest's headless exports: --record, a video of a time range checked with ffprobe
// (and no file left under the chosen name when it fails), and --screenshot-markers.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#ifdef WN_WASPSNEST_PATH

namespace {

struct ProgramResult {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

ProgramResult
run_program(const QString& program, const QStringList& args,
            const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProgramResult r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList herd_range(const QString& out) {
    return {"--scenario", "herd-100", "--strategy", "naive,wasp", "--record", out,
            "--from",     "9.5",      "--to",       "10.5",       "--fps",    "12",
            "--speed",    "0.5",      "--size",     "640x360"};
}

/// ffprobe's view of the first video stream and the container.
QJsonObject probe(const QString& path) {
    const ProgramResult r =
        run_program(QStandardPaths::findExecutable("ffprobe"),
                    {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                     "stream=codec_name,width,height,pix_fmt,nb_read_frames:"
                     "format=duration",
                     "-of", "json", path});
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QJsonObject stream = doc["streams"].toArray().at(0).toObject();
    stream["duration"] = doc["format"].toObject()["duration"];
    return stream;
}

class Record : public ::testing::Test {
protected:
    void SetUp() override {
        if (QStandardPaths::findExecutable("ffmpeg").isEmpty() ||
            QStandardPaths::findExecutable("ffprobe").isEmpty())
            GTEST_SKIP() << "ffmpeg is not installed (Debian package ffmpeg)";
        ASSERT_TRUE(m_dir.isValid());
    }
    QTemporaryDir m_dir;
};

// 1 s of virtual time at half speed is 2 s of video: 24 frames at 12 fps.
TEST_F(Record, AnMp4OfTheHerdHasTheAskedDurationSizeAndFrames) {
    const QString out = m_dir.filePath("herd.mp4");
    const ProgramResult r = run_program(WN_WASPSNEST_PATH, herd_range(out));
    ASSERT_EQ(r.exit_code, 0) << r.err.toStdString();
    const QJsonObject s = probe(out);
    EXPECT_EQ(s["codec_name"].toString(), "h264");
    EXPECT_EQ(s["pix_fmt"].toString(), "yuv420p");
    EXPECT_EQ(s["width"].toInt(), 640);
    EXPECT_EQ(s["height"].toInt(), 360);
    EXPECT_EQ(s["nb_read_frames"].toString().toInt(), 24);
    EXPECT_NEAR(s["duration"].toString().toDouble(), 2.0, 0.05);
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"herd.mp4"})
        << "the temporary file was left behind";
}

TEST_F(Record, AGifOfTheHerdHasEveryFrame) {
    const QString out = m_dir.filePath("herd.gif");
    const ProgramResult r = run_program(WN_WASPSNEST_PATH, herd_range(out));
    ASSERT_EQ(r.exit_code, 0) << r.err.toStdString();
    const QJsonObject s = probe(out);
    EXPECT_EQ(s["codec_name"].toString(), "gif");
    EXPECT_EQ(s["width"].toInt(), 640);
    EXPECT_EQ(s["nb_read_frames"].toString().toInt(), 24);
}

// An encoder that dies mid-stream: exit 2, one line, and nothing under the chosen name.
TEST_F(Record, AFailedRecordingLeavesNoFile) {
    QFile fake(m_dir.filePath("bin/ffmpeg"));
    ASSERT_TRUE(QDir(m_dir.path()).mkpath("bin"));
    ASSERT_TRUE(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\nhead -c 100000 > /dev/null\necho 'encoder crashed' >&2\nexit 1\n");
    fake.close();
    fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", m_dir.filePath("bin") + ":/usr/bin:/bin");
    const QString out = m_dir.filePath("herd.mp4");
    const ProgramResult r = run_program(WN_WASPSNEST_PATH, herd_range(out), env);
    EXPECT_EQ(r.exit_code, 2) << r.err.toStdString();
    EXPECT_EQ(r.err.trimmed().count('\n'), 0) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{})
        << "a partial file was left behind";
}

TEST(RecordWithoutFfmpeg, NamesThePackageAndExitsTwo) {
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", dir.path()); // an empty directory: no ffmpeg
    const ProgramResult r = run_program(WN_WASPSNEST_PATH, herd_range(dir.filePath("x.mp4")), env);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err.trimmed().count('\n'), 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Debian package ffmpeg")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("x.mp4")));
}

TEST(MarkerStills, OnePngPerFaultElectionAndFirstError) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("slides");
    const ProgramResult r =
        run_program(WN_WASPSNEST_PATH, {"--scenario", "herd-100", "--strategy", "naive",
                                        "--screenshot-markers", out, "--size", "1280x720"});
    ASSERT_EQ(r.exit_code, 0) << r.err.toStdString();
    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    // herd-100 kills db1 at 10 s; an election follows.
    ASSERT_GE(files.size(), 2) << files.join(' ').toStdString();
    EXPECT_EQ(files.first(), "010.000s-fault.png");
    EXPECT_EQ(files.filter("-election.png").size(), 1) << files.join(' ').toStdString();
    EXPECT_LE(files.filter("-first-error.png").size(), 1);
    QImage image;
    ASSERT_TRUE(image.load(QDir(out).filePath(files.first())));
    EXPECT_EQ(image.size(), QSize(1280, 720));
}

TEST(MarkerStills, SvgSlidesWhenAsked) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath("slides");
    const ProgramResult r =
        run_program(WN_WASPSNEST_PATH, {"--scenario", "herd-100", "--strategy", "naive,wasp",
                                        "--screenshot-markers", out, "--markers-format", "svg"});
    ASSERT_EQ(r.exit_code, 0) << r.err.toStdString();
    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 2) << files.join(' ').toStdString();
    EXPECT_EQ(files.first(), "010.000s-fault.svg");
    EXPECT_EQ(files.filter(".png").size(), 0);
    QFile f(QDir(out).filePath(files.first()));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    EXPECT_TRUE(svg.contains("<svg"));
    EXPECT_TRUE(svg.contains("</svg>"));
    EXPECT_TRUE(svg.contains(">db1:27017</text>"));
}

} // namespace

#endif // WN_WASPSNEST_PATH
