// The one table of actions (ui/actions.h) is what the window binds, what the tooltips and
// the key help say, and what `waspsnest --help` prints; and the speed slider's mapping.

#include "ui/actions.h"
#include "ui/run_controls.h"
#include "ui_test_support.h"

#include <QAction>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

TEST(ActionTable, EveryKeyNameIsAKeyQtKnows) {
    for (const ActionSpec& spec : action_table())
        for (const QString& key : spec.keys) {
            const QKeySequence seq(key, QKeySequence::PortableText);
            ASSERT_FALSE(seq.isEmpty()) << spec.name.toStdString() << ": " << key.toStdString();
            EXPECT_NE(seq[0].key(), Qt::Key_unknown)
                << spec.name.toStdString() << ": " << key.toStdString();
        }
}

TEST(ActionTable, NoKeyDoesTwoThings) {
    QSet<QString> seen;
    for (const ActionSpec& spec : action_table())
        for (const QKeySequence& k : shortcuts(spec)) {
            const QString text = k.toString(QKeySequence::PortableText);
            EXPECT_FALSE(seen.contains(text)) << text.toStdString() << " is bound twice";
            seen.insert(text);
        }
}

TEST(ActionTable, TheWindowBindsEveryActionWithItsKeysAndTooltip) {
    auto window = make_window();
    const auto actions = window->findChildren<QAction*>();
    for (const ActionSpec& spec : action_table()) {
        if (spec.keys.isEmpty())
            continue;
        const QAction* bound = nullptr;
        for (const QAction* a : actions)
            if (a->shortcuts() == shortcuts(spec))
                bound = a;
        ASSERT_NE(bound, nullptr) << spec.name.toStdString() << " has no action with its keys";
        if (!spec.tooltip.isEmpty()) {
            EXPECT_EQ(bound->toolTip(), tooltip_with_keys(spec));
            EXPECT_TRUE(bound->toolTip().contains(spec.keys.front()));
        }
        EXPECT_FALSE(bound->associatedObjects().isEmpty())
            << spec.name.toStdString() << " is on no menu or toolbar, so its keys do nothing";
    }
}

TEST(ActionTable, TheKeyHelpListsEveryDocumentedAction) {
    const QString html = key_help_html();
    const QString text = key_help_text();
    int listed = 0;
    for (const ActionSpec& spec : action_table()) {
        if (spec.help.isEmpty() || spec.keys.isEmpty())
            continue;
        ++listed;
        EXPECT_TRUE(html.contains("<b>" + spec.keys.front().toHtmlEscaped() + "</b>"))
            << spec.keys.front().toStdString();
        EXPECT_TRUE(html.contains(spec.help.toHtmlEscaped())) << spec.help.toStdString();
        EXPECT_TRUE(text.contains(spec.help)) << spec.help.toStdString();
    }
    EXPECT_GE(listed, 8);
    for (const Gesture& g : gestures()) {
        // The gesture and what it does are apart even when the gesture overflows its column.
        const QRegularExpression line(QRegularExpression::escape(g.what) + "\\s+" +
                                      QRegularExpression::escape(g.does));
        EXPECT_TRUE(text.contains(line)) << g.what.toStdString();
    }
}

TEST(ActionTable, HelpOptionPrintsTheKeyHelp) {
#ifndef WN_WASPSNEST_PATH
    GTEST_SKIP() << "the waspsnest program is not part of this build (WN_WASPSNEST_PATH unset)";
#else
    QProcess p;
    p.start(QStringLiteral(WN_WASPSNEST_PATH), {"--help"});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 0);
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
    for (const QString& line : key_help_text().split('\n', Qt::SkipEmptyParts))
        EXPECT_TRUE(out.contains(line.trimmed())) << line.toStdString();
#endif
}

TEST(SpeedSlider, StopsAtReadableSpeedsBothWays) {
    EXPECT_DOUBLE_EQ(speed_for_slider(0), 0.1);
    EXPECT_DOUBLE_EQ(speed_for_slider(3), 1.0);
    EXPECT_DOUBLE_EQ(speed_for_slider(9), 100.0);
    EXPECT_DOUBLE_EQ(speed_for_slider(99), 100.0) << "clamped";
    for (int position = 0; position <= 9; ++position) {
        ASSERT_EQ(slider_for_speed(speed_for_slider(position)), position);
        if (position > 0) {
            ASSERT_GT(speed_for_slider(position), speed_for_slider(position - 1));
        }
    }
    EXPECT_EQ(slider_for_speed(0.0851), 0) << "an old saved speed snaps to the nearest stop";
}

} // namespace
} // namespace wn::ui
