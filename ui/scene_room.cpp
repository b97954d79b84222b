#include "ui/scene_room.h"

#include "ui/main_window.h"

#include <QDockWidget>
#include <QEvent>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace wn::ui {

QSize scene_room_wanted(QSize window, int panes, double font_scale) {
    const int columns = panes <= 2 ? std::max(1, panes) : 2;
    const int rows = (panes + columns - 1) / columns;
    // compute_layout's text is min(h / 28, w / 38) of a narrow pane, min(h / 38, w / 56) of a
    // wide one (wider than 1.5 times its height), never under 10 px times the text size:
    // below the room for 10 px, the floor makes the scene's boxes outgrow the pane and run
    // into each other. A wide pane needs the most height; large text makes a pane wide.
    constexpr int px = 10;
    const double scale = std::max(1.0, font_scale);
    const int pane_w = static_cast<int>(38 * px * scale);
    const int pane_h = static_cast<int>(28 * px * std::min(scale, 38.0 / 28));
    const int w = columns * pane_w + (columns - 1) * 4, h = rows * pane_h + (rows - 1) * 4;
    // At the desk the docks keep at least a fifth of the width; on a projector (large text)
    // the panes come first and a side panel that leaves them too narrow becomes a tab. The
    // docks keep a third of the height.
    return {scale > 1 ? std::min(w, window.width())
                      : std::min(w, static_cast<int>(window.width() * 0.8)),
            std::min(h, static_cast<int>(window.height() * 0.55))};
}

SceneRoom::SceneRoom(MainWindow& window, QWidget& panes)
    : QObject(&window), m_window(window), m_panes(panes) {
    m_panes.installEventFilter(this);
}

bool SceneRoom::eventFilter(QObject* watched, QEvent* event) {
    // Once per burst of resizes, after the window's layout has settled.
    if (watched == &m_panes && event->type() == QEvent::Resize && !m_pending) {
        m_pending = true;
        QTimer::singleShot(0, this, &SceneRoom::fit);
    }
    return QObject::eventFilter(watched, event);
}

void SceneRoom::fit() {
    m_pending = false;
    if (m_window.isMinimized() || !m_window.isVisible())
        return;
    const QSize want = scene_room_wanted(m_window.size(), static_cast<int>(m_window.views().size()),
                                         m_window.colours().font_scale);
    const QSize have = m_panes.size();
    if (want.height() - have.height() > 1)
        shrink_docks(Qt::Vertical, want.height() - have.height());
    const int short_w = want.width() - have.width();
    if (short_w > 1 && shrink_docks(Qt::Horizontal, short_w) < short_w)
        tabify_side_docks();
}

void SceneRoom::tabify_side_docks() {
    // Panels on both sides of a comparison leave its panes too narrow to read even at their
    // smallest: one side's panels become tabs of the other's, as an IDE's do. Dragging a
    // tab out puts it back.
    QList<QDockWidget*> left, right;
    for (QDockWidget* dock : m_window.findChildren<QDockWidget*>()) {
        if (!dock->isVisible() || dock->isFloating())
            continue;
        const Qt::DockWidgetArea area = m_window.dockWidgetArea(dock);
        if (area == Qt::LeftDockWidgetArea)
            left << dock;
        else if (area == Qt::RightDockWidgetArea)
            right << dock;
    }
    if (left.isEmpty() && right.isEmpty())
        return;
    // Panels on one side only join the panels under the scene (the charts), full width.
    QDockWidget* host = nullptr;
    if (!left.isEmpty() && !right.isEmpty()) {
        host = right.front();
    } else {
        for (QDockWidget* dock : m_window.findChildren<QDockWidget*>())
            if (dock->isVisible() && !dock->isFloating() &&
                m_window.dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
                host = dock;
        if (!host)
            return;
        if (left.isEmpty())
            left.swap(right);
    }
    for (QDockWidget* dock : left)
        m_window.tabifyDockWidget(host, dock);
    left.back()->raise(); // the panel just opened stays in front
}

int SceneRoom::shrink_docks(Qt::Orientation across, int by) {
    // Per dock area: its docks share one size across the scene (e.g. the inspector over the
    // log), so an area gives its room back as one.
    struct Area {
        QList<QDockWidget*> docks;
        int size = 0, spare = 0;
    };
    std::map<Qt::DockWidgetArea, Area> areas;
    const bool vertical = across == Qt::Vertical;
    for (QDockWidget* dock : m_window.findChildren<QDockWidget*>()) {
        if (!dock->isVisible() || dock->isFloating())
            continue;
        const Qt::DockWidgetArea area = m_window.dockWidgetArea(dock);
        const bool beside = area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea;
        if (beside == vertical || area == Qt::NoDockWidgetArea)
            continue;
        // A side panel narrower than this shows too little code or text to be worth open.
        const int floor = vertical ? 0 : static_cast<int>(200 * m_window.colours().font_scale);
        const QSize min =
            dock->minimumSizeHint().expandedTo(dock->minimumSize()).expandedTo(QSize(floor, 0));
        const int size = vertical ? dock->height() : dock->width();
        Area& a = areas[area];
        a.docks << dock;
        a.size = std::max(a.size, size);
        a.spare = std::max(a.spare, size - (vertical ? min.height() : min.width()));
    }
    int spare = 0;
    for (const auto& [area, a] : areas)
        spare += std::max(0, a.spare);
    if (spare <= 0)
        return 0;
    QList<QDockWidget*> docks;
    QList<int> sizes;
    for (const auto& [area, a] : areas) {
        // Each area gives in proportion to what it can spare.
        const int give = std::min(a.spare, static_cast<int>(std::ceil(1.0 * by * a.spare / spare)));
        for (QDockWidget* dock : a.docks) {
            docks << dock;
            sizes << a.size - std::max(0, give);
        }
    }
    m_window.resizeDocks(docks, sizes, across);
    return spare;
}

} // namespace wn::ui
