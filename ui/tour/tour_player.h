#pragma once

#include "tour/tour.h"
#include "ui/tour/tour_card.h"

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <array>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QDockWidget;
class QMenu;

namespace wn::ui {

class MainWindow;
class TourCardView;

/// A line of the key list (--help, the ? overlay lists the actions themselves).
struct TourKeyHelp {
    QString keys;
    QString help;
};
/// The tour's keys as --help lists them; a test holds it to the Tour menu's shortcuts.
const std::vector<TourKeyHelp>& tour_key_help();

/// Plays a guided tour (core/tour) in a window: each step sets up its run, plays to its
/// stop at its speed and pauses there by itself; the step's words and spotlight are drawn
/// over the scene. Going back re-simulates (Replay::seek), so it returns to exactly the
/// state the step stopped at. While a tour is on, its keys (PgDown, PgUp, Home) are its
/// own: other actions give them up until the tour closes.
class TourPlayer : public QObject {
    Q_OBJECT
public:
    explicit TourPlayer(MainWindow& window);

    bool active() const { return m_tour.has_value(); }
    const Tour& tour() const { return *m_tour; }
    /// The current step, in reading order over all chapters.
    int step() const { return m_step; }
    int steps() const { return static_cast<int>(m_flat.size()); }
    /// The chapter of the current step.
    int chapter() const;
    /// Whether the run stands at the current step's stop (else at its start, or on its way).
    bool arrived() const { return m_arrived; }
    /// Where step `index` stops, in seconds (nothing: its run ends first).
    std::optional<double> stop_time(int index) const;
    const TourStep& step_at(int index) const { return *m_flat[static_cast<std::size_t>(index)]; }

    /// Starts a built-in tour's name or a tour file at its first step; returns "" or the
    /// one-line error, and then the current tour (if any) keeps running untouched.
    QString load(const QString& name_or_file);
    /// PgDown: plays to the current step's stop, or on to the next step's; while playing
    /// towards a stop, jumps to it.
    void next();
    /// PgUp: back to the previous step's stop, exactly.
    void previous();
    /// Home: the current chapter's first step, at its start.
    void restart_chapter();
    void go_to_chapter(int chapter);
    /// Shows step `index` at its stop (`at_stop`) or at its start, paused.
    void go_to(int index, bool at_stop);
    void close();
    /// Plays every step this many times faster (tests; presenters in a hurry).
    void set_speed_factor(double factor) { m_speed_factor = factor; }

    /// The tour's actions, for the window's menus and the key help.
    QAction* guided_tour_action() const { return m_builtin; }
    QAction* open_action() const { return m_open; }
    QAction* next_action() const { return m_next; }
    QAction* previous_action() const { return m_previous; }
    QAction* restart_chapter_action() const { return m_home; }
    /// A comparison step's card, in the band under the panes (nullptr before the first).
    const TourCardView* card_band() const { return m_card_view; }
    QMenu* chapters_menu() const { return m_chapters; }

signals:
    /// The run paused at the current step's stop.
    void arrived_at_stop(int step);
    /// Another tour, another step, or the tour closed.
    void state_changed();

private:
    void build_actions();
    void open_dialog();
    void rebuild_chapter_menu();
    void set_run_for(int index);
    void show_charts_for(int index);
    /// A comparison's card goes in a band across the window under its panes, in the
    /// timeline's place; a one-pane step's goes on its scene.
    void place_card_for(int index);
    /// The band's height: the card's, or beside a chart, the chart's.
    void fit_card_band();
    QDockWidget* card_dock();
    /// The charts as they were before the tour: all of them, under the scene.
    void put_charts_back();
    /// Frames chart `lit` (-1: none).
    void highlight_chart(int lit);
    void play_to_stop();
    void on_paused_at_stop();
    void update_cards();
    void claim_keys(bool claim);
    double start_time(int index) const;
    int chapter_of(int index) const;

    MainWindow& m_window;
    std::optional<Tour> m_tour;
    QString m_name;
    std::vector<const TourStep*> m_flat;
    std::vector<int> m_chapter_of; // by step
    std::vector<std::optional<double>> m_stops;
    int m_step = 0;
    bool m_arrived = false;
    bool m_playing_to_stop = false;
    const TourStep* m_loaded = nullptr; // the step whose run the window shows
    double m_speed_factor = 1;
    bool m_slow_motion_before = true; // put back when the tour closes
    double m_speed_before = 1;
    QHash<QAction*, QList<QKeySequence>> m_taken_keys;
    QAction* m_builtin = nullptr;
    QAction* m_open = nullptr;
    QAction* m_next = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_home = nullptr;
    QAction* m_chapter_list = nullptr;
    QAction* m_close = nullptr;
    QMenu* m_menu = nullptr;
    QMenu* m_chapters = nullptr;
    std::shared_ptr<const TourCard> m_card;
    QDockWidget* m_card_dock = nullptr;
    TourCardView* m_card_view = nullptr;
    bool m_card_in_band = false;
    bool m_chart_in_band = false;
    int m_placed_step = -1;             // the step the card and charts were placed for
    std::array<int, 4> m_band_fitted{}; // the window and card the band was last fitted to
};

} // namespace wn::ui
