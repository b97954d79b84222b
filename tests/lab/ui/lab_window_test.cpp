// The "Real threads" window: runs strategies one after the other, the kill button, stop, close.
// Waits on the window's signals (QSignalSpy), never on fixed sleeps.

#include "ui/lab/lab_window.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

QTableWidget* table(LabWindow& w) {
    return w.findChild<QTableWidget*>();
}

QPushButton* button(LabWindow& w, const QString& text_part) {
    for (QPushButton* b : w.findChildren<QPushButton*>()) {
        if (b->text().contains(text_part)) {
            return b;
        }
    }
    return nullptr;
}

TEST(LabWindow, RunsTheCheckedStrategiesInTurnAndKillsThePrimary) {
    LabWindow w;
    w.set_strategies({lab::Strategy::wasp, lab::Strategy::mutex});
    w.set_readers(1);
    w.set_seconds_per_strategy(1);
    w.show();
    QSignalSpy started(&w, &LabWindow::strategy_started);
    QSignalSpy finished(&w, &LabWindow::run_finished);
    QPushButton* kill = button(w, QStringLiteral("Kill"));
    ASSERT_NE(kill, nullptr);
    EXPECT_FALSE(kill->isEnabled());

    w.start();
    ASSERT_TRUE(w.is_running());
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(started.at(0).at(0).toString(), QStringLiteral("wasp"));
    EXPECT_TRUE(kill->isEnabled());
    QTest::mouseClick(kill, Qt::LeftButton);

    ASSERT_TRUE(finished.wait(20000));
    EXPECT_FALSE(w.is_running());
    ASSERT_EQ(started.count(), 2);
    EXPECT_EQ(started.at(1).at(0).toString(), QStringLiteral("mutex"));
    QTableWidget* t = table(w);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        EXPECT_EQ(t->item(row, t->columnCount() - 1)->text(), QStringLiteral("0")) << "torn reads";
        EXPECT_FALSE(t->item(row, 0)->text().contains(QStringLiteral("running")));
    }
    // The first run's primary was killed: db2 took over.
    EXPECT_EQ(t->item(0, t->columnCount() - 2)->text(), QStringLiteral("db2"));
    EXPECT_FALSE(kill->isEnabled());
}

TEST(LabWindow, OffersTheNaiveInPlaceStrategyBesideTheConsistentOnes) {
    LabWindow w;
    QCheckBox* naive = nullptr;
    for (QCheckBox* cb : w.findChildren<QCheckBox*>()) {
        if (cb->text() == QStringLiteral("naive (in place)")) {
            naive = cb;
        }
    }
    ASSERT_NE(naive, nullptr);
    EXPECT_TRUE(naive->isChecked());
    EXPECT_TRUE(naive->toolTip().contains(QStringLiteral("torn")));
}

TEST(LabWindow, StopEndsTheRunAtOnce) {
    LabWindow w;
    w.set_strategies({lab::Strategy::rwlock, lab::Strategy::wasp_refcount});
    w.set_readers(4);
    w.set_seconds_per_strategy(60);
    QSignalSpy finished(&w, &LabWindow::run_finished);
    w.start();
    ASSERT_TRUE(w.is_running());
    w.stop();
    EXPECT_EQ(finished.count(), 1);
    EXPECT_FALSE(w.is_running());
    EXPECT_EQ(table(w)->rowCount(), 1) << "the queued strategy did not start";
}

TEST(LabWindow, AfterStopTheStatusSaysWhatRanAndForHowLong) {
    LabWindow w;
    w.set_strategies({lab::Strategy::wasp, lab::Strategy::mutex, lab::Strategy::rwlock});
    w.set_readers(1);
    w.set_seconds_per_strategy(1);
    QSignalSpy started(&w, &LabWindow::strategy_started);
    w.start();
    ASSERT_TRUE(started.wait(20000)); // wasp has run its second; mutex starts
    ASSERT_EQ(started.count(), 2);
    w.stop();
    QString status;
    for (QLabel* label : w.findChildren<QLabel*>())
        if (label->text().startsWith(QStringLiteral("Stopped:")) ||
            label->text().startsWith(QStringLiteral("Done:")))
            status = label->text();
    EXPECT_TRUE(status.startsWith(QStringLiteral("Stopped"))) << status.toStdString();
    EXPECT_FALSE(status.contains(QStringLiteral("3 strategies"))) << status.toStdString();
    EXPECT_FALSE(status.contains(QStringLiteral("each"))) << status.toStdString();
    // wasp ran its whole second (a busy machine may stretch it a little); mutex had just begun.
    const QRegularExpressionMatch wasp =
        QRegularExpression(QStringLiteral("wasp (\\d+\\.\\d) s")).match(status);
    ASSERT_TRUE(wasp.hasMatch()) << status.toStdString();
    EXPECT_GE(wasp.captured(1).toDouble(), 0.95) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("mutex 0."))) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("rwlock did not run"))) << status.toStdString();
}

TEST(LabWindow, ClosingARunningWindowStopsItsThreads) {
    auto* w = LabWindow::open();
    w->set_readers(2);
    w->start();
    ASSERT_TRUE(w->is_running());
    QPointer<LabWindow> alive(w);
    EXPECT_TRUE(w->close()); // joins the threads; WA_DeleteOnClose posts the deletion
    EXPECT_FALSE(w->is_running());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(alive.isNull());
}

TEST(LabWindow, NoStrategyCheckedDoesNotStart) {
    LabWindow w;
    w.set_strategies({});
    w.start();
    EXPECT_FALSE(w.is_running());
}

} // namespace
} // namespace wn::ui
