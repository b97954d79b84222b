#pragma once

#include "ui/themes.h"

#include <QByteArray>
#include <QObject>
#include <QRect>
#include <QString>
#include <map>

class QAction;
class QMenu;
class QWidget;

namespace wn::ui {

class MainWindow;
struct SavedSession;

/// A QAction property: actions that share its value show as one row of the key overlay
/// (the tour's Ctrl+1 … Ctrl+9), named by it.
inline constexpr const char* kKeyGroupProperty = "wn_key_group";

/// What a projector needs, over the window: a text size, a theme, presenter mode (F5: full
/// screen, bigger text and wires, Esc restores the window as it was), a black screen (B),
/// the key overlay (?) and pausing when the window loses focus. The colours and sizes reach
/// the views as one Palette (MainWindow::set_palette), so painting keeps no global state.
class Presenter : public QObject {
    Q_OBJECT
public:
    /// Adds its actions to `view_menu` and to the window (so they work full screen, with
    /// the menu bar hidden).
    Presenter(MainWindow& window, QMenu& view_menu);
    ~Presenter() override;

    /// The text size now: the presenter's in presenter mode, the window's otherwise.
    double font_scale() const { return m_presenting ? m_presenter_scale : m_window_scale; }
    void set_font_scale(double scale);
    Theme theme() const { return m_theme; }
    void set_theme(Theme theme);

    bool presenting() const { return m_presenting; }
    void set_presenting(bool on);
    bool blanked() const { return m_blank != nullptr; }
    void set_blanked(bool on);
    bool keys_shown() const { return m_keys != nullptr; }
    void show_keys(bool on);
    /// Esc: closes the key overlay, else unblanks, else leaves presenter mode.
    void escape();

    /// Whether losing focus pauses playback, in the current mode (on by default in
    /// presenter mode, off in the window).
    bool auto_pause() const { return m_auto_pause.at(m_presenting); }
    void set_auto_pause(bool on);

    /// The key overlay's contents: every action of the window that has a key, and the mouse.
    static QString keys_html(const QWidget& window);

    void save(SavedSession& session) const;
    void restore(const SavedSession& session);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void sync_actions();
    QAction* action(const QString& key) const { return m_actions.at(key); }

    MainWindow& m_window;
    std::map<QString, QAction*> m_actions;
    Theme m_theme = Theme::Light;
    double m_window_scale = 1.0;
    double m_presenter_scale = 1.5;
    std::map<bool, bool> m_auto_pause{{false, false}, {true, true}};
    bool m_presenting = false;
    QWidget* m_blank = nullptr;
    QWidget* m_keys = nullptr;
    // What presenter mode changed, to put back exactly.
    QRect m_saved_geometry;
    QByteArray m_saved_state;
    Qt::WindowStates m_saved_window_state;
    bool m_saved_menu_bar = true;
    bool m_saved_status_bar = true;
};

} // namespace wn::ui
