#include "ui/presenter.h"

#include "ui/actions.h"
#include "ui/controller.h"
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
#include <QSet>
#include <QStatusBar>
#include <QTextDocument>
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

QString plain_name(QString text) {
    text.remove('&');
    if (text.endsWith("..."))
        text.chop(3);
    return text;
}

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
    auto* label = new QLabel(keys_html(m_window), m_keys);
    label->setObjectName("keys");
    label->setTextFormat(Qt::RichText);
    // No wrapping: the type shrinks instead, so each key stays on one line beside its name.
    label->setWordWrap(false);
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    // The scale's size, or smaller until the whole list fits the window: a key cut off the
    // bottom is a key the presenter cannot find.
    const int padding = qRound(12 * font_scale());
    const QSize room = m_window.size() - QSize(2 * padding + 48, 2 * padding + 48);
    QTextDocument measure;
    measure.setHtml(label->text());
    for (int px = qRound(15 * font_scale()); px >= 8; --px) {
        font.setPixelSize(px);
        measure.setDefaultFont(font);
        measure.setTextWidth(-1);
        if (measure.size().height() <= room.height() && measure.idealWidth() <= room.width())
            break;
    }
    label->setFont(font);
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
    // Every action of the window with a key, wherever it was added: the table, the
    // presenter's, the bookmarks', and any a later feature adds.
    struct Row {
        QString keys, name;
    };
    std::vector<Row> rows;
    QSet<const QAction*> seen;
    std::map<QString, std::size_t> group_rows; // a key group's name -> its one row
    for (const QAction* a : window.findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        const QString group = a->property(kKeyGroupProperty).toString();
        if (group.isEmpty()) {
            rows.push_back({keys.join(", "), plain_name(a->text()).toHtmlEscaped()});
        } else if (const auto it = group_rows.find(group); it == group_rows.end()) {
            group_rows.emplace(group, rows.size());
            rows.push_back({keys.join(", "), group.toHtmlEscaped()});
        } else {
            // "Ctrl+1 … Ctrl+9": the group's first key and its latest.
            QString& shown = rows[it->second].keys;
            shown = shown.section(QString(" \u2026 "), 0, 0) + " \u2026 " + keys.join(", ");
        }
    }
    // Two or three pairs of columns, so that the list fits a 720-line projector at large
    // text (show_keys() also shrinks the type until it fits).
    const std::size_t columns = rows.size() > 30 ? 3 : 2;
    const std::size_t per_column = (rows.size() + columns - 1) / columns;
    QString html = "<h3>Keys</h3><table cellspacing=0 cellpadding=3>";
    for (std::size_t i = 0; i < per_column; ++i) {
        html += "<tr>";
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t k = i + c * per_column;
            if (k >= rows.size())
                break;
            if (c > 0)
                html += "<td width=24></td>";
            html += "<td align=right><b>" + rows[k].keys + "</b></td><td>" + rows[k].name + "</td>";
        }
        html += "</tr>";
    }
    html += "</table><h3>Mouse</h3><table cellspacing=0 cellpadding=3>";
    for (const Gesture& g : gestures())
        html += "<tr><td align=right><b>" + g.what.toHtmlEscaped() + "</b></td><td>" +
                g.does.toHtmlEscaped() + "</td></tr>";
    return html + "</table><p>Esc or ? closes this.</p>";
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
    // The docks' text follows the scene's.
    static const double base_pt = QApplication::font().pointSizeF();
    for (const char* name : {"inspector", "log"}) {
        if (auto* dock = m_window.findChild<QDockWidget*>(name)) {
            QFont font = dock->widget()->font();
            font.setPointSizeF(base_pt * scale);
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
