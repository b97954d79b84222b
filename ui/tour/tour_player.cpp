#include "ui/tour/tour_player.h"

#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"
#include "tour/tour_json.h"
#include "tour/tour_stop.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui/tour/tour_card_view.h"
#include "ui/tour/tour_overlay.h"

#include <QAction>
#include <QChartView>
#include <QCursor>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLayout>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <algorithm>

namespace wn::ui {
namespace {

/// The keys a tour owns while it is on.
const QList<QKeySequence>& tour_keys() {
    static const QList<QKeySequence> keys{QKeySequence(Qt::Key_PageDown),
                                          QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Home)};
    return keys;
}

QAction* make_action(QObject* parent, const QString& text, const QKeySequence& key,
                     const QString& tooltip) {
    auto* a = new QAction(text, parent);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    a->setToolTip(tooltip + " (" + key.toString(QKeySequence::NativeText) + ")");
    a->setStatusTip(tooltip);
    return a;
}

} // namespace

TourPlayer::TourPlayer(MainWindow& window) : QObject(&window), m_window(window) {
    build_actions();
    connect(&m_window.controller(), &SimController::paused_at_stop, this,
            &TourPlayer::on_paused_at_stop);
    // The panes are rebuilt when the comparison is switched: give the new ones the card.
    connect(&m_window.controller(), &SimController::changed, this, [this] {
        if (active())
            update_cards();
    });
}

const std::vector<TourKeyHelp>& tour_key_help() {
    static const std::vector<TourKeyHelp> keys = {
        {"G", "start the guided tour through the blog's chapters"},
        {"PgDown", "tour: play to the next stop and pause there"},
        {"PgUp", "tour: back to the previous stop, exactly"},
        {"Home", "tour: back to the start of this chapter"},
        {"J", "tour: pick a chapter to jump to"},
        {"Ctrl+1 ... Ctrl+9", "tour: jump to chapter 1 ... 9"},
        {"Shift+G", "leave the tour"},
        {"Ctrl+Shift+O", "open a tour file (JSON, docs/tours.md)"},
    };
    return keys;
}

void TourPlayer::build_actions() {
    m_builtin = make_action(this, "&Guided tour (the blog)", QKeySequence(Qt::Key_G),
                            "Start the guided tour through the blog's chapters");
    connect(m_builtin, &QAction::triggered, this, [this] {
        if (const QString why = load("blog"); !why.isEmpty())
            m_window.show_message(why);
    });
    m_open = make_action(this, "Open &tour...", QKeySequence("Ctrl+Shift+O"),
                         "Open a tour file (JSON, docs/tours.md)");
    connect(m_open, &QAction::triggered, this, &TourPlayer::open_dialog);
    m_next = make_action(this, "&Next step", QKeySequence(Qt::Key_PageDown),
                         "Tour: play to the next stop and pause there");
    connect(m_next, &QAction::triggered, this, &TourPlayer::next);
    m_previous = make_action(this, "&Previous step", QKeySequence(Qt::Key_PageUp),
                             "Tour: back to the previous stop, exactly");
    connect(m_previous, &QAction::triggered, this, &TourPlayer::previous);
    m_home = make_action(this, "Restart &chapter", QKeySequence(Qt::Key_Home),
                         "Tour: back to the start of this chapter");
    connect(m_home, &QAction::triggered, this, &TourPlayer::restart_chapter);
    m_chapter_list = make_action(this, "Chapter &list...", QKeySequence(Qt::Key_J),
                                 "Tour: pick a chapter to jump to");
    connect(m_chapter_list, &QAction::triggered, this, [this] {
        if (active())
            m_chapters->popup(m_window.mapToGlobal(m_window.rect().center()));
    });
    m_close = make_action(this, "&Close tour", QKeySequence("Shift+G"),
                          "Leave the tour; the keys go back to stepping events");
    connect(m_close, &QAction::triggered, this, &TourPlayer::close);

    m_menu = new QMenu("T&our", &m_window);
    m_menu->setToolTipsVisible(true);
    m_menu->addAction(m_builtin);
    m_menu->addAction(m_open);
    m_menu->addSeparator();
    m_menu->addAction(m_next);
    m_menu->addAction(m_previous);
    m_menu->addAction(m_home);
    m_chapters = m_menu->addMenu("C&hapters");
    m_chapters->setToolTipsVisible(true);
    m_menu->addAction(m_chapter_list);
    m_menu->addSeparator();
    m_menu->addAction(m_close);
    // Before Help, which stays last.
    const QList<QAction*> bar = m_window.menuBar()->actions();
    m_window.menuBar()->insertMenu(bar.isEmpty() ? nullptr : bar.back(), m_menu);
    for (QAction* a : bar) {
        if (a->menu() && a->text() == "&File")
            a->menu()->addAction(m_open);
        if (a->menu() && a->text() == "&View")
            a->menu()->addAction(m_builtin);
    }
    // Window-wide keys even when no menu shows them (full screen hides the menu bar).
    m_window.addActions({m_builtin, m_open, m_next, m_previous, m_home, m_chapter_list, m_close});
    for (QAction* a : {m_next, m_previous, m_home, m_chapter_list, m_close})
        a->setEnabled(false);
}

void TourPlayer::open_dialog() {
    const QString path = QFileDialog::getOpenFileName(&m_window, "Open tour", {}, "Tours (*.json)");
    if (path.isEmpty())
        return;
    if (const QString why = load(path); !why.isEmpty()) {
        // Not modal-blocking: the tour on screen keeps running behind the message.
        auto* box =
            new QMessageBox(QMessageBox::Warning, "Open tour", why, QMessageBox::Ok, &m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

QString TourPlayer::load(const QString& name_or_file) {
    Tour tour;
    std::vector<std::optional<double>> stops;
    try {
        tour = load_tour(name_or_file.toStdString());
        for (const TourChapter& c : tour.chapters)
            for (const TourStep& s : c.steps)
                check_window_budget(step_scenario(s), name_or_file.toStdString());
        stops = plan_tour(tour);
    } catch (const ScenarioError& e) {
        const QString why = QString::fromUtf8(e.what());
        m_window.show_message(why);
        return why;
    }
    const bool was_active = active();
    m_tour = std::move(tour);
    m_name = QFileInfo(name_or_file).completeBaseName();
    m_stops = std::move(stops);
    m_flat.clear();
    m_chapter_of.clear();
    for (std::size_t c = 0; c < m_tour->chapters.size(); ++c)
        for (const TourStep& s : m_tour->chapters[c].steps) {
            m_flat.push_back(&s);
            m_chapter_of.push_back(static_cast<int>(c));
        }
    m_loaded = nullptr;
    if (!was_active) {
        m_slow_motion_before = m_window.controller().slow_motion();
        m_speed_before = m_window.controller().speed();
        claim_keys(true);
    }
    // A step's speed is the speed it plays at: slow motion would second-guess it.
    m_window.controller().set_slow_motion(false);
    for (QAction* a : {m_next, m_previous, m_home, m_chapter_list, m_close})
        a->setEnabled(true);
    rebuild_chapter_menu();
    go_to(0, false);
    m_window.show_message("Tour: " + QString::fromStdString(m_tour->title) +
                          ". PgDown plays to the next stop.");
    return "";
}

void TourPlayer::rebuild_chapter_menu() {
    m_chapters->clear();
    for (std::size_t c = 0; c < m_tour->chapters.size(); ++c) {
        const QString title = QString::fromStdString(m_tour->chapters[c].title);
        QAction* a = m_chapters->addAction(title);
        a->setToolTip("Jump to the start of " + title);
        if (c < 9) {
            a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + c)));
            a->setToolTip(a->toolTip() + " (" + a->shortcut().toString() + ")");
            // One line in the key overlay for all of them, not one per chapter.
            a->setProperty(kKeyGroupProperty, "Jump to a chapter of the tour");
            m_window.addAction(a);
        }
        connect(a, &QAction::triggered, this, [this, c] { go_to_chapter(static_cast<int>(c)); });
    }
}

void TourPlayer::claim_keys(bool claim) {
    if (claim) {
        const QList<QAction*> ours{m_next, m_previous, m_home};
        for (QAction* a : m_window.findChildren<QAction*>()) {
            if (ours.contains(a))
                continue;
            QList<QKeySequence> keys = a->shortcuts();
            const qsizetype before = keys.size();
            keys.removeIf([](const QKeySequence& k) { return tour_keys().contains(k); });
            if (keys.size() != before) {
                m_taken_keys.insert(a, a->shortcuts());
                a->setShortcuts(keys);
            }
        }
        return;
    }
    for (auto it = m_taken_keys.begin(); it != m_taken_keys.end(); ++it)
        if (m_window.findChildren<QAction*>().contains(it.key()))
            it.key()->setShortcuts(it.value());
    m_taken_keys.clear();
}

void TourPlayer::close() {
    if (!active())
        return;
    m_window.controller().set_pause_at(-1);
    m_window.controller().pause();
    m_window.controller().set_slow_motion(m_slow_motion_before);
    m_window.controller().set_speed(m_speed_before);
    claim_keys(false);
    for (QAction* a : {m_next, m_previous, m_home, m_chapter_list, m_close})
        a->setEnabled(false);
    m_chapters->clear();
    m_tour.reset();
    m_flat.clear();
    m_stops.clear();
    m_card.reset();
    highlight_chart(-1);
    put_charts_back();
    for (SimView* v : m_window.views())
        v->set_tour_card(nullptr);
    m_card_in_band = m_chart_in_band = false;
    m_placed_step = -1;
    if (m_card_dock)
        m_card_dock->hide();
    m_window.timeline().setVisible(true);
    m_window.show_message("Tour closed.");
    emit state_changed();
}

int TourPlayer::chapter() const {
    return chapter_of(m_step);
}

int TourPlayer::chapter_of(int index) const {
    return m_chapter_of.empty() ? 0 : m_chapter_of[static_cast<std::size_t>(index)];
}

std::optional<double> TourPlayer::stop_time(int index) const {
    return m_stops.at(static_cast<std::size_t>(index));
}

double TourPlayer::start_time(int index) const {
    if (index > 0 && same_run(step_at(index - 1), step_at(index)))
        return stop_time(index - 1).value_or(step_scenario(step_at(index)).duration_s);
    return 0;
}

void TourPlayer::set_run_for(int index) {
    const TourStep& step = step_at(index);
    if (m_loaded && same_run(*m_loaded, step))
        return;
    Scenario s = step_scenario(step);
    std::vector<StrategyKind> strategies = step.strategies;
    if (strategies.empty())
        strategies = {s.strategy};
    // A comparison opens with its charts under the panes (show_charts_for() then hides or
    // moves them); with the timeline still there too they would make the window grow.
    if (strategies.size() > 1) {
        m_window.timeline().hide();
        // Now, not at the next event: the charts' dock would be added to the old minimum.
        m_window.centralWidget()->layout()->activate();
        m_window.layout()->activate();
    }
    m_window.set_run(s, strategies);
    m_loaded = &step;
}

void TourPlayer::show_charts_for(int index) {
    place_card_for(index);
    // Only a step about a chart shows the charts, and then that chart alone, beside the
    // scene: under it, the dock took a third of the height and the scene's text shrank to
    // about 11 px. A wide scene's text is bound by its height, so taking width costs none.
    const TourStep& step = step_at(index);
    const bool chart = step.spotlight.kind == Spotlight::Kind::Chart;
    const auto& names = tour_chart_names();
    const int lit =
        chart ? static_cast<int>(std::find(names.begin(), names.end(), step.spotlight.chart) -
                                 names.begin())
              : -1;
    m_window.charts().set_solo(lit);
    m_chart_in_band = false;
    if (auto* dock = m_window.findChild<QDockWidget*>("charts")) {
        if (chart && m_card_in_band) {
            // A comparison's narrow panes are bound by their width: beside them the chart
            // left each about 440 px on 1280x720 and cut their badges. It goes in the band
            // under them, right of the card, and the panes lose height instead.
            if (m_window.dockWidgetArea(dock) != Qt::BottomDockWidgetArea)
                m_window.addDockWidget(Qt::BottomDockWidgetArea, dock);
            dock->setVisible(true);
            m_window.splitDockWidget(card_dock(), dock, Qt::Horizontal);
            m_chart_in_band = true;
        } else if (chart) {
            if (m_window.dockWidgetArea(dock) != Qt::RightDockWidgetArea)
                m_window.addDockWidget(Qt::RightDockWidgetArea, dock);
            dock->setVisible(true);
            // On a narrow window the chart gets less than its share, down to 320 px (its
            // title, axes and legend still read), so the scene keeps about 700 px.
            const double share = m_window.width() * 0.36;
            const double width =
                std::max(std::min(share, m_window.width() - 700.0), std::min(320.0, share));
            m_window.resizeDocks({dock}, {static_cast<int>(width)}, Qt::Horizontal);
        } else {
            dock->setVisible(false);
        }
    }
    highlight_chart(lit);
    m_band_fitted = {};
    update_cards();
}

QDockWidget* TourPlayer::card_dock() {
    if (!m_card_dock) {
        m_card_dock = new QDockWidget("Tour card", &m_window);
        m_card_dock->setObjectName("tour_card");
        // Part of the tour, not a panel: no title bar, nothing to close, float or move.
        auto* no_title = new QWidget(m_card_dock);
        (new QHBoxLayout(no_title))->setContentsMargins(0, 0, 0, 0); // a height of 0, not -1
        m_card_dock->setTitleBarWidget(no_title);
        m_card_dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
        m_card_view = new TourCardView(m_card_dock);
        m_card_dock->setWidget(m_card_view);
        m_window.addDockWidget(Qt::BottomDockWidgetArea, m_card_dock);
        m_card_dock->hide();
    }
    return m_card_dock;
}

void TourPlayer::place_card_for(int index) {
    // Two panes side by side are each bound by their width (on 1280x720 at 1.5 by their
    // height as much): a card over one hid its client and shared dict, and a strip beside
    // them would shrink their text. The band takes the timeline's place, so the panes keep
    // their size; a tour moves through time by its steps.
    m_card_in_band = step_at(index).strategies.size() > 1;
    m_placed_step = index;
    QDockWidget* dock = card_dock();
    m_window.timeline().setVisible(!m_card_in_band);
    if (m_card_in_band && m_window.dockWidgetArea(dock) != Qt::BottomDockWidgetArea)
        m_window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    // Until fit_card_band() sizes it for this step's card, the band asks for no height: the
    // last step's (beside a chart) with the timeline not yet gone would make the window grow.
    m_card_view->setMinimumHeight(0);
    m_card_view->setMaximumHeight(QWIDGETSIZE_MAX);
    dock->setVisible(m_card_in_band);
}

void TourPlayer::fit_card_band() {
    // Between a step's run and its placement (a seek repaints first) the band waits.
    if (!m_card_in_band || !m_card_view || m_placed_step != m_step)
        return;
    const QSize window = m_window.size();
    const int card_w = m_chart_in_band ? static_cast<int>(window.width() * 0.45) : window.width();
    const int card_h = m_card_view->height_for(card_w);
    // Beside the chart the band is as tall as a comparison's charts are under its panes.
    const int row_h =
        m_chart_in_band ? std::max(card_h, static_cast<int>(window.height() * 0.34)) : card_h;
    const std::array<int, 4> fitted{window.width(), window.height(), card_h,
                                    m_chart_in_band ? 1 : 0};
    if (fitted == m_band_fitted)
        return;
    m_band_fitted = fitted;
    if (m_chart_in_band) {
        m_card_view->setMinimumHeight(card_h);
        m_card_view->setMaximumHeight(QWIDGETSIZE_MAX);
        auto* charts = m_window.findChild<QDockWidget*>("charts");
        m_window.resizeDocks({m_card_dock, charts}, {card_w, window.width() - card_w},
                             Qt::Horizontal);
        m_window.resizeDocks({m_card_dock, charts}, {row_h, row_h}, Qt::Vertical);
    } else {
        m_card_view->setFixedHeight(card_h);
    }
}

void TourPlayer::put_charts_back() {
    m_window.charts().set_solo(-1);
    if (auto* dock = m_window.findChild<QDockWidget*>("charts")) {
        if (m_window.dockWidgetArea(dock) != Qt::BottomDockWidgetArea)
            m_window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->setVisible(m_window.controller().panes() > 1);
        if (dock->isVisibleTo(&m_window))
            m_window.resizeDocks({dock}, {static_cast<int>(m_window.height() * 0.34)},
                                 Qt::Vertical);
    }
}

void TourPlayer::highlight_chart(int lit) {
    // The spotlight on a chart: a frame in the primary colour around it. (Fading the others
    // with a graphics effect breaks QWidget::render, which the exports use.)
    ChartsPanel& charts = m_window.charts();
    const QString frame =
        QString("QChartView { border: 3px solid %1; }").arg(m_window.colours().primary.name());
    for (int i = 0; i < charts.chart_count(); ++i)
        charts.chart_view(i)->setStyleSheet(i == lit ? frame : QString());
}

void TourPlayer::go_to(int index, bool at_stop) {
    if (!active() || index < 0 || index >= steps())
        return;
    SimController& c = m_window.controller();
    c.set_pause_at(-1);
    m_playing_to_stop = false;
    set_run_for(index);
    m_step = index;
    const double end = step_scenario(step_at(index)).duration_s;
    // The step's speed even when jumped to: the headline keeps a moment on screen for a
    // span that follows the speed, so a stop reached by PgUp reads as one played to.
    c.set_speed(step_at(index).speed * m_speed_factor);
    c.seek(at_stop ? stop_time(index).value_or(end) : start_time(index));
    m_arrived = at_stop;
    show_charts_for(index);
    update_cards();
    emit state_changed();
    if (at_stop)
        emit arrived_at_stop(index);
}

void TourPlayer::play_to_stop() {
    SimController& c = m_window.controller();
    const TourStep& step = step_at(m_step);
    const double end = step_scenario(step).duration_s;
    const double stop = stop_time(m_step).value_or(end);
    if (c.now() >= stop) {
        go_to(m_step, true);
        return;
    }
    c.set_speed(step.speed * m_speed_factor);
    c.set_pause_at(stop);
    m_playing_to_stop = true;
    c.play();
    update_cards();
}

void TourPlayer::on_paused_at_stop() {
    if (!active() || !m_playing_to_stop)
        return;
    m_playing_to_stop = false;
    m_arrived = true;
    update_cards();
    emit state_changed();
    emit arrived_at_stop(m_step);
}

void TourPlayer::next() {
    if (!active())
        return;
    SimController& c = m_window.controller();
    if (m_playing_to_stop && c.playing()) {
        go_to(m_step, true); // a second press skips the rest of the way
        return;
    }
    if (!m_arrived) {
        play_to_stop();
        return;
    }
    if (m_step + 1 >= steps()) {
        m_window.show_message("End of the tour. Home restarts the chapter; Ctrl+1 the tour.");
        return;
    }
    const int index = m_step + 1;
    if (!(m_loaded && same_run(*m_loaded, step_at(index)))) {
        go_to(index, false);
    } else {
        m_step = index;
        m_arrived = false;
    }
    show_charts_for(index);
    play_to_stop();
    emit state_changed();
}

void TourPlayer::previous() {
    if (!active())
        return;
    if (m_step == 0)
        go_to(0, false);
    else
        go_to(m_step - 1, true);
}

void TourPlayer::restart_chapter() {
    if (!active())
        return;
    go_to_chapter(chapter());
}

void TourPlayer::go_to_chapter(int chapter) {
    if (!active())
        return;
    const auto it = std::find(m_chapter_of.begin(), m_chapter_of.end(), chapter);
    if (it != m_chapter_of.end())
        go_to(static_cast<int>(it - m_chapter_of.begin()), false);
}

void TourPlayer::update_cards() {
    const TourStep& step = step_at(m_step);
    const int ch = chapter();
    auto card = std::make_shared<TourCard>();
    card->heading = QString::fromStdString(m_tour->chapters[static_cast<std::size_t>(ch)].title) +
                    QString::fromUtf8("  \u00b7  step %1 of %2").arg(m_step + 1).arg(steps());
    card->text = QString::fromStdString(step.text);
    card->quote = QString::fromStdString(step.quote);
    card->section = QString::fromStdString(step.section);
    if (m_playing_to_stop)
        card->hint = QString::fromUtf8("playing to the stop\u2026");
    else if (!m_arrived)
        card->hint = "PgDown: play";
    else if (m_step + 1 < steps())
        card->hint = "PgDown: next step";
    else
        card->hint = "end of the tour";
    card->spotlight = step.spotlight;
    auto spot_only = std::make_shared<TourCard>();
    spot_only->spotlight = step.spotlight;
    m_card = card;
    for (SimView* v : m_window.views())
        v->set_tour_card(v->pane() == 0 && !m_card_in_band ? m_card : spot_only);
    if (m_card_in_band && m_card_view) {
        // The card's text as large as on a one-pane step's scene, never under the smallest.
        const double scale = m_window.colours().font_scale;
        const double px = std::max(tour_text_px(QSizeF(m_window.width(), m_window.height() * 0.65)),
                                   min_text_px(scale));
        m_card_view->set_card(m_card, m_window.colours(), px, min_text_px(scale));
        fit_card_band();
    }
}

} // namespace wn::ui
