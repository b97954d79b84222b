#pragma once

#include "scenario/scenario.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

class QSettings;

namespace wn::ui {

/// What the window remembers between runs (QSettings, organisation "WaspsNest",
/// application "waspsnest"). A plain value, so loading, saving and overriding it by the
/// command line are testable without a window.
/// On a first start (nothing saved), whether a screen of `available` size (the desktop
/// minus panels) is too small for the default 1280x720 window and its frame: then the window
/// opens maximized instead of hanging off a 1024x768 projector's edge.
bool start_maximized(QSize available);

struct SavedSession {
    QByteArray geometry;   ///< QWidget::saveGeometry()
    QByteArray dock_state; ///< QMainWindow::saveState()
    /// The scenario as it last ran, threads, members, seed and edits included, as the JSON
    /// that File > Save writes; empty when none was saved.
    QString scenario_json;
    QString strategies; ///< "wasp", or "naive,wasp" for the side-by-side view
    double speed = 1.0;
    bool slow_motion = true; ///< slow down near notable moments (View > Slow motion)
    QString theme;           ///< empty: the default theme
    double font_scale = 1.0; ///< View > Larger text, in the window
    double presenter_font_scale = 1.5; ///< and in presenter mode (F5)
    bool auto_pause = false;           ///< pause when the window loses focus
    bool presenter_auto_pause = true;  ///< the same in presenter mode

    bool operator==(const SavedSession&) const = default;
};

/// Reads what was saved; missing or unreadable values keep their defaults.
SavedSession load_session(const QSettings& settings);
void save_session(QSettings& settings, const SavedSession& session);

/// The run the window opens on, and which parts of it the command line chose.
struct RunChoice {
    Scenario scenario;
    std::vector<StrategyKind> strategies; ///< empty: the scenario's own strategy
    bool scenario_given = false;
    std::optional<int> threads;
    std::optional<std::uint64_t> seed;
    std::optional<RaceWindow> race_window;
    std::optional<TimingProfile> timing;
};

/// Fills in what the command line left open from the last session: the scenario as it
/// last ran (the given --threads and --seed still apply to it) and its strategies. Returns
/// a one-line reason when the saved run cannot be used; `run` then keeps its defaults.
std::optional<QString> apply_saved_run(RunChoice& run, const SavedSession& saved);

/// Bumped when the meaning of a key changes, so an old file is dropped, not misread.
inline constexpr int kSettingsVersion = 1;

} // namespace wn::ui
