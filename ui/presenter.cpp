#include "ui/presenter.h"

#include "ui/actions.h"
#include "ui/app_chrome.h"
#include "ui/controller.h"
#include "ui/key_overlay.h"
#include "ui/main_window.h"
#include "ui/presenter_actions.h"
#include "ui/settings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPainter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace wn::ui {
namespace {

/// A plain colour over the whole window: the black screen, or the key overlay's backdrop.
/// A click on it does `on_click` instead of reaching the scene under it.
class Cover : public QWidget {
public:
    Cover(QWidget* parent, QColor colour, std::function<void()> on_click)
        : QWidget(parent), m_colour(colour), m_on_click(std::move(on_click)) {
        setGeometry(parent->rect());
        raise();
        show();
    }

protected:
    void paintEvent(QPaintEvent*) override { QPainter(this).fillRect(rect(), m_colour); }
    void mousePressEvent(QMouseEvent*) override {
        if (m_on_click)
            m_on_click();
    }

private:
    QColor m_colour;
    std::function<void()> m_on_click;
};

} // namespace

Presenter::Presenter(MainWindow& window, QMenu& view_menu) : QObject(&window), m_window(window) {
    view_menu.addSeparator();
    QMenu* theme_menu = nullptr;
    auto* themes = new QActionGroup(this);
    for (const auto& [id, spec] : presenter_actions()) {
        auto* a = new QAction(spec.name, &window);
        a->setObjectName(id);
        a->setShortcuts(shortcuts(spec));
        a->setToolTip(tooltip_with_keys(spec));
        a->setCheckable(spec.checkable);
        connect(a, &QAction::triggered, this,
                [this, run = spec.run](bool checked) { run(m_window, checked); });
        window.addAction(a); // keys work with the menu bar hidden
        // One row each in the key overlay: "Ctrl+= / Ctrl+- / Ctrl+0".
        const QString group = id.startsWith("theme-") ? "Theme: light / dark / high contrast"
                              : id == "larger" || id == "smaller" || id == "normal"
                                  ? "Text larger / smaller / normal"
                                  : QString();
        if (!group.isEmpty()) {
            a->setProperty(kKeyGroupProperty, group);
            a->setProperty(kKeyListProperty, true);
        }
        if (id.startsWith("theme-")) {
            if (!theme_menu)
                theme_menu = view_menu.addMenu("&Theme");
            themes->addAction(a);
            theme_menu->addAction(a);
        } else {
            if (spec.separator_before)
                view_menu.addSeparator();
            view_menu.addAction(a);
        }
        m_actions[id] = a;
    }
    window.installEventFilter(this);
    sync_actions();
}

Presenter::~Presenter() {
    // The application's palette is global: the next window starts from the desktop's.
    // (The window is being destroyed: only the application is put back.)
    const QPalette desktop = chrome_palette(Theme::Light, ui::palette());
    if (QApplication::palette() != desktop)
        QApplication::setPalette(desktop);
}

void Presenter::set_font_scale(double scale) {
    scale = std::clamp(scale, kFontScales.front(), kFontScales.back());
    (m_presenting ? m_presenter_scale : m_window_scale) = scale;
    apply();
}

void Presenter::set_theme(Theme theme) {
    m_theme = theme;
    apply();
}

void Presenter::set_presenting(bool on) {
    if (on == m_presenting) {
        sync_actions();
        return;
    }
    MainWindow& w = m_window;
    if (on) {
        m_saved_geometry = w.geometry();
        m_saved_state = w.saveState();
        m_saved_window_state = w.windowState();
        m_saved_menu_bar = !w.menuBar()->isHidden();
        m_saved_status_bar = !w.statusBar()->isHidden();
        m_presenting = true;
        // A hidden menu or toolbar takes its actions' keys with it: the window holds them.
        for (QAction* a : w.findChildren<QAction*>())
            if (!a->shortcuts().isEmpty() && !w.actions().contains(a))
                w.addAction(a);
        // Only the scene, the timeline and the docks the presenter chose stay.
        w.menuBar()->hide();
        w.statusBar()->hide();
        for (QToolBar* bar : w.findChildren<QToolBar*>())
            bar->hide();
        apply();
        w.showFullScreen();
    } else {
        m_presenting = false;
        show_keys(false);
        w.menuBar()->setVisible(m_saved_menu_bar);
        w.statusBar()->setVisible(m_saved_status_bar);
        apply();
        w.setWindowState(m_saved_window_state);
        if (!(m_saved_window_state & (Qt::WindowMaximized | Qt::WindowFullScreen)))
            w.setGeometry(m_saved_geometry);
        w.restoreState(m_saved_state);
    }
    sync_actions();
}

void Presenter::set_blanked(bool on) {
    if (on == blanked()) {
        sync_actions();
        return;
    }
    if (on) {
        m_blank = new Cover(&m_window, Qt::black, [this] { set_blanked(false); });
    } else {
        delete m_blank;
        m_blank = nullptr;
    }
    sync_actions();
}

void Presenter::show_keys(bool on) {
    if (on == keys_shown())
        return;
    if (!on) {
        delete m_keys;
        m_keys = nullptr;
        sync_actions();
        return;
    }
    const Palette& pal = m_window.colours();
    QColor dim = pal.background;
    dim.setAlpha(200);
    m_keys = new Cover(&m_window, dim, [this] { show_keys(false); });
    auto* column = new QVBoxLayout(m_keys);
    const int padding = qRound(12 * font_scale());
    // The largest type at which the whole list fits the window, starting from the scale's.
    const QSize room = m_window.size() - QSize(2 * padding + 48, 2 * padding + 48);
    auto* label = new QLabel(m_keys);
    const KeyOverlayText text =
        fit_key_overlay(m_window, label->font(), room, qRound(16 * font_scale()));
    label->setText(text.html);
    label->setObjectName("keys");
    label->setTextFormat(Qt::RichText);
    // No wrapping by the label: the text's own line breaks, and the size chosen to fit.
    label->setWordWrap(false);
    label->setAlignment(Qt::AlignCenter);
    label->setFont(text.font);
    label->setStyleSheet(QString("QLabel { background: %1; color: %2; border: 2px solid %2; "
                                 "border-radius: 8px; padding: %3px; }")
                             .arg(pal.panel.name(), pal.ink.name())
                             .arg(padding));
    column->addWidget(label, 0, Qt::AlignCenter);
    m_keys->show();
    if (m_blank)
        m_blank->raise();
    sync_actions();
}

void Presenter::escape() {
    if (keys_shown())
        show_keys(false);
    else if (blanked())
        set_blanked(false);
    else
        set_presenting(false);
}

void Presenter::set_auto_pause(bool on) {
    m_auto_pause[m_presenting] = on;
    sync_actions();
}

QString Presenter::keys_html(const QWidget& window) {
    const std::vector<KeyRow> rows = key_rows(window);
    return key_overlay_html(rows, rows.size() > 30 ? 3 : 2, 0);
}

void Presenter::save(SavedSession& s) const {
    s.theme = theme_name(m_theme);
    s.font_scale = m_window_scale;
    s.presenter_font_scale = m_presenter_scale;
    s.auto_pause = m_auto_pause.at(false);
    s.presenter_auto_pause = m_auto_pause.at(true);
}

void Presenter::restore(const SavedSession& s) {
    if (const auto theme = parse_theme(s.theme))
        m_theme = *theme;
    if (valid_font_scale(s.font_scale))
        m_window_scale = s.font_scale;
    if (valid_font_scale(s.presenter_font_scale))
        m_presenter_scale = s.presenter_font_scale;
    m_auto_pause[false] = s.auto_pause;
    m_auto_pause[true] = s.presenter_auto_pause;
    apply();
    sync_actions();
}

bool Presenter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &m_window) {
        if (event->type() == QEvent::Resize) {
            for (QWidget* cover : {m_blank, m_keys})
                if (cover)
                    cover->setGeometry(m_window.rect());
        } else if (event->type() == QEvent::WindowDeactivate && auto_pause() &&
                   m_window.controller().playing()) {
            // Switching to the slides keeps the moment the audience was looking at.
            m_window.controller().pause();
            m_window.show_message("Paused: the window lost focus.");
        }
    }
    return QObject::eventFilter(watched, event);
}

void Presenter::apply() {
    const double scale = font_scale();
    m_window.set_palette(view_palette(m_theme, scale, m_presenting));
    // Menus, toolbars, dock titles and dialogs too; their text grows in presenter mode.
    apply_chrome(m_window, m_theme, m_window.colours(), m_presenting);
    // The docks' text follows the scene's, in the window too.
    for (const char* name : {"inspector", "log", "code"}) {
        if (auto* dock = m_window.findChild<QDockWidget*>(name)) {
            QFont font = dock->widget()->font();
            font.setPixelSize(chrome_text_px(desktop_text_px(), scale));
            dock->widget()->setFont(font);
        }
    }
    sync_actions();
}

void Presenter::sync_actions() {
    if (m_actions.empty())
        return;
    action("presenter")->setChecked(m_presenting);
    action("blank")->setChecked(blanked());
    action("auto-pause")->setChecked(auto_pause());
    action("escape")->setEnabled(m_presenting || blanked() || keys_shown());
    action("larger")->setEnabled(font_scale() < kFontScales.back() - 1e-9);
    action("smaller")->setEnabled(font_scale() > kFontScales.front() + 1e-9);
    for (const Theme t : kThemes)
        action("theme-" + theme_name(t))->setChecked(t == m_theme);
}

} // namespace wn::ui
