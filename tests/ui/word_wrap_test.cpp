// The one word wrap shared by the scene's two-line headline and the tour card.

#include "ui/scene/paint_kit.h"
#include "ui/scene/word_wrap.h"

#include <QFontMetricsF>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

TEST(WordWrap, LinesFitTheWidthAndKeepEveryWordInOrder) {
    const QFont font = font_px(20);
    const QFontMetricsF fm(font);
    const QString text = "A thread read self.primary before the pop and looks it up after: "
                         "KeyError, the bug report.";
    const double width = fm.horizontalAdvance("A thread read self.primary") + 1;
    const WrappedText w = word_wrap(text, font, width);
    ASSERT_GE(w.lines.size(), 3u);
    EXPECT_EQ(w.lines.front(), "A thread read self.primary");
    QStringList joined;
    for (const QString& line : w.lines) {
        EXPECT_LE(fm.horizontalAdvance(line), width) << line.toStdString();
        EXPECT_FALSE(line.startsWith(' ') || line.endsWith(' '));
        joined << line;
    }
    EXPECT_EQ(joined.join(' '), text);
    EXPECT_DOUBLE_EQ(w.height, fm.lineSpacing() * static_cast<double>(w.lines.size()));
}

TEST(WordWrap, BreaksOnlyAtSpacesAndGivesAWideWordItsOwnLine) {
    const QFont font = font_px(20);
    const QFontMetricsF fm(font);
    const double width = fm.horizontalAdvance("self.members") + 1;
    const WrappedText w = word_wrap("it reads self.members[self.primary] once", font, width);
    ASSERT_GE(w.lines.size(), 2u);
    EXPECT_EQ(w.lines[0], "it reads");
    EXPECT_EQ(w.lines[1], "self.members[self.primary]"); // wider than the width, whole
    EXPECT_EQ(w.lines[2], "once");
}

TEST(WordWrap, ANoBreakSpaceHoldsItsWordsTogether) {
    const QFont font = font_px(20);
    const QFontMetricsF fm(font);
    const QString nbsp = QString::fromUtf8("\u00a0");
    const double width = fm.horizontalAdvance("At t=10") + 1;
    const WrappedText w = word_wrap("At t=10" + nbsp + "s the primary", font, width);
    ASSERT_GE(w.lines.size(), 2u);
    EXPECT_EQ(w.lines[0], "At");
    EXPECT_EQ(w.lines[1], "t=10" + nbsp + "s");
}

TEST(WordWrap, NothingForNoText) {
    const WrappedText w = word_wrap("  ", font_px(20), 100);
    EXPECT_TRUE(w.lines.empty());
    EXPECT_EQ(w.height, 0);
}

} // namespace
} // namespace wn::ui
