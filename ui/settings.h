#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace wn::ui {

/// What the window remembers between runs (QSettings, organisation "WaspsNest",
/// application "waspsnest"). A plain value, so loading, saving and overriding it by the
/// command line are testable without a window.
struct SavedSession {
    QByteArray geometry;   ///< QWidget::saveGeometry()
    QByteArray dock_state; ///< QMainWindow::saveState()
    QString scenario;      ///< a built-in scenario's name or a scenario file's path
    QString strategies;    ///< "wasp", or "naive,wasp" for the side-by-side view
    int threads = 0;       ///< 0: not saved
    int members = 0;       ///< 0: not saved
    double speed = 1.0;
    QString theme; ///< empty: the default theme

    bool operator==(const SavedSession&) const = default;
};

/// Reads what was saved; missing or unreadable values keep their defaults.
SavedSession load_session(const QSettings& settings);
void save_session(QSettings& settings, const SavedSession& session);

/// Bumped when the meaning of a key changes, so an old file is dropped, not misread.
inline constexpr int kSettingsVersion = 1;

} // namespace wn::ui
