// The code panel's source and marks (ui/model/code_listing.h): every interleaving point of
// the quoted strategies stands at a line of the quoted Python, and only threads stopped at a
// line are marked.

#include "ui/model/code_listing.h"
#include "ui/model/scene_text.h"

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

/// The points each strategy's engine code can stop at (core/client/).
std::vector<CodePoint> points_of(StrategyKind strategy) {
    using P = CodePoint;
    const std::vector<P> naive_refresh = {
        P::NaiveCheckPrimary, P::NaiveDisconnect, P::NaiveReadMembers, P::NaiveRefreshBegin,
        P::NaiveUpdatePools,  P::NaiveUpdateHost, P::NaiveDropStale,   P::NaiveSetWriter};
    std::vector<P> points;
    switch (strategy) {
    case StrategyKind::Naive:
        points = naive_refresh;
        points.insert(points.end(), {P::NaiveCheckWriter, P::NaiveReadWriter, P::NaiveLookup});
        break;
    case StrategyKind::Mutex:
        points = naive_refresh;
        points.insert(points.end(),
                      {P::LockReadWriter, P::LockReadWriterAfterRefresh, P::LockLookup});
        break;
    case StrategyKind::RwLock:
        points = naive_refresh;
        points.insert(points.end(), {P::LockReadWriter, P::LockReadWriterAgain,
                                     P::LockReadWriterAfterRefresh, P::LockLookup});
        break;
    case StrategyKind::Wasp:
        points = {P::WaspCopyRef,     P::WaspCopyRefAgain, P::WaspLookup,        P::WaspPublishRead,
                  P::WaspPublishSwap, P::WaspRefreshBegin, P::WaspRefreshPublish};
        break;
    case StrategyKind::Sdam:
        points = {P::SdamSelect, P::SdamSend};
        break;
    }
    return points;
}

TEST(CodeListing, EveryPointOfEveryStrategyHasALineInItsSource) {
    std::vector<bool> covered(static_cast<std::size_t>(CodePoint::Count), false);
    for (StrategyKind s : {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock,
                           StrategyKind::Wasp, StrategyKind::Sdam}) {
        const CodeListing own = code_listing(s);
        ASSERT_GT(own.lines.size(), 30u) << strategy_name(s);
        EXPECT_FALSE(own.note.empty()) << strategy_name(s);
        for (CodePoint p : points_of(s)) {
            covered[static_cast<std::size_t>(p)] = true;
            EXPECT_GE(code_line(own, p), 0) << strategy_name(s) << " " << code_point_name(p);
        }
        EXPECT_EQ(code_line(own, CodePoint::None), -1);
    }
    for (int i = 1; i < static_cast<int>(CodePoint::Count); ++i)
        EXPECT_TRUE(covered[static_cast<std::size_t>(i)])
            << code_point_name(static_cast<CodePoint>(i)) << " belongs to no strategy here";
}

TEST(CodeListing, TheLockAndSdamListingsSayTheyAreNotPyMongo) {
    for (StrategyKind s : {StrategyKind::Mutex, StrategyKind::RwLock, StrategyKind::Sdam}) {
        const CodeListing l = code_listing(s);
        EXPECT_EQ(l.note.rfind("Not PyMongo", 0), 0u) << strategy_name(s) << ": " << l.note;
        EXPECT_NE(l.lines.front().find("NOT PyMongo"), std::string::npos) << strategy_name(s);
    }
    EXPECT_NE(code_listing(StrategyKind::Mutex).note.find("2.5 plus this program's lock"),
              std::string::npos);
    EXPECT_EQ(code_listing(StrategyKind::Naive).note, "PyMongo 2.5, quoted (trimmed).");
    // Every line the lock adds is labelled as ours.
    const CodeListing mutex = code_listing(StrategyKind::Mutex);
    for (const std::string& line : mutex.lines) {
        if (line.find("self.__lock") != std::string::npos) {
            EXPECT_NE(line.find("# + lock"), std::string::npos) << line;
        }
    }
}

TEST(CodeListing, TheRaceLinesAreTheOnesTheBlogQuotes) {
    const CodeListing naive = code_listing(StrategyKind::Naive);
    const CodeListing wasp = code_listing(StrategyKind::Wasp);
    auto text = [](const CodeListing& l, CodePoint p) {
        const int line = code_line(l, p);
        return line < 0 ? std::string() : l.lines[static_cast<std::size_t>(line)];
    };
    EXPECT_NE(text(naive, CodePoint::NaiveLookup).find("self.__members[self.__writer]"),
              std::string::npos);
    EXPECT_NE(text(naive, CodePoint::NaiveDropStale).find("self.__members.pop("),
              std::string::npos);
    EXPECT_NE(text(wasp, CodePoint::WaspRefreshPublish).find("self.__rs_state = RSState("),
              std::string::npos);
    // Three equal `rs_state = self.__rs_state` lines, told apart by where they are.
    const int again = code_line(wasp, CodePoint::WaspCopyRefAgain);
    const int disconnect = code_line(wasp, CodePoint::WaspPublishRead);
    const int refresh = code_line(wasp, CodePoint::WaspRefreshBegin);
    EXPECT_LT(again, disconnect);
    EXPECT_LT(disconnect, refresh);
    EXPECT_LT(code_line(wasp, CodePoint::WaspRefreshBegin),
              code_line(wasp, CodePoint::WaspRefreshPublish));
    // The rwlock's three reads of self.__writer, told apart by where they are.
    const CodeListing rwlock = code_listing(StrategyKind::RwLock);
    const int first = code_line(rwlock, CodePoint::LockReadWriter);
    const int upgraded = code_line(rwlock, CodePoint::LockReadWriterAgain);
    const int refreshed = code_line(rwlock, CodePoint::LockReadWriterAfterRefresh);
    EXPECT_LT(first, upgraded);
    EXPECT_LT(upgraded, refreshed);
    EXPECT_LT(refreshed, code_line(rwlock, CodePoint::LockLookup));
    EXPECT_NE(text(rwlock, CodePoint::LockLookup).find("self.__members[host]"), std::string::npos);
}

TEST(CodeMarks, OnlyThreadsStoppedAtALineAreMarked) {
    const CodeListing naive = code_listing(StrategyKind::Naive);
    std::vector<ThreadState> threads(4);
    for (int i = 0; i < 4; ++i)
        threads[static_cast<std::size_t>(i)].id = i;
    threads[1].paused = threads[1].parked = true;
    threads[1].point = CodePoint::NaiveLookup;
    threads[2].paused = true; // on its way to its next line
    threads[2].point = CodePoint::NaiveCheckWriter;
    threads[3].point = CodePoint::NaiveCheckWriter; // running
    threads[0].paused = threads[0].parked = true;   // the monitor, in refresh()
    threads[0].point = CodePoint::NaiveSetWriter;
    const std::vector<CodeMark> marks = code_marks(naive, threads);
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[0].thread, 0);
    EXPECT_EQ(marks[0].line, code_line(naive, CodePoint::NaiveSetWriter));
    EXPECT_EQ(marks[1].thread, 1);
    EXPECT_EQ(marks[1].line, code_line(naive, CodePoint::NaiveLookup));
    EXPECT_EQ(marks[1].label, "T1 \u25B6");
}

TEST(PausedLane, SaysPausedAndKeepsItsStep) {
    Frame f;
    ThreadState t;
    t.id = 1;
    t.step = ThreadStep::LookingUp;
    const std::string running = lane_label(t, f);
    t.paused = true;
    EXPECT_EQ(lane_label(t, f), "pausing \u00B7 " + running);
    t.parked = true;
    EXPECT_EQ(lane_label(t, f), "paused \u00B7 " + running);
}

TEST(GridLegend, PausedThreadsHaveTheirOwnEntry) {
    std::vector<ThreadState> threads(5);
    for (std::size_t i = 0; i < threads.size(); ++i)
        threads[i].id = static_cast<ActorId>(i + 1);
    threads[0].paused = threads[1].paused = true;
    threads[1].step = ThreadStep::LookingUp;
    const std::vector<LegendEntry> legend = grid_legend(threads);
    int total = 0, paused = 0;
    for (const LegendEntry& e : legend) {
        total += e.count;
        if (e.paused) {
            paused += e.count;
            EXPECT_EQ(e.label, "2 paused");
        }
        EXPECT_FALSE(!e.paused && e.step == ThreadStep::LookingUp)
            << "a paused thread counted twice";
    }
    EXPECT_EQ(total, 5);
    EXPECT_EQ(paused, 2);
}

} // namespace
} // namespace wn::ui
