#include "ui/bookmarks_menu.h"

#include "ui/controller.h"
#include "ui/main_window.h"

#include <QAction>
#include <QInputDialog>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenu>

namespace wn::ui {
namespace {

void add_bookmark(MainWindow& w) {
    SimController& c = w.controller();
    c.pause();
    bool ok = false;
    const QString at = QString::number(c.now(), 'f', 3);
    const QString name = QInputDialog::getText(
        &w, "Add bookmark", "Name of the moment t = " + at + " s:", QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    c.add_bookmark(name);
    w.show_message("Bookmarked t = " + at + " s. File > Save keeps the bookmarks.");
}

void fill(MainWindow& w, QMenu& menu, QAction* add) {
    for (QAction* a : menu.actions()) {
        if (a == add)
            continue;
        menu.removeAction(a);
        a->deleteLater();
    }
    const auto& marks = w.controller().bookmarks();
    if (marks.empty()) {
        QAction* none = menu.addAction("(no bookmarks yet)");
        none->setEnabled(false);
        return;
    }
    menu.addSeparator();
    for (const Bookmark& b : marks) {
        const double t = b.at_s;
        QAction* jump = menu.addAction(QString::fromStdString(b.name) + "\t" +
                                       QString::number(t, 'f', 3) + " s");
        QObject::connect(jump, &QAction::triggered, &w, [&w, t] { w.controller().seek(t); });
    }
}

} // namespace

void install_bookmarks_menu(MainWindow& w, QMenu& menu) {
    QAction* add = menu.addAction("&Add bookmark...");
    add->setShortcut(QKeySequence("Ctrl+B"));
    add->setToolTip("Name this moment of the run, to jump back to it");
    QObject::connect(add, &QAction::triggered, &w, [&w] { add_bookmark(w); });
    auto refill = [&w, &menu, add] {
        fill(w, menu, add);
    };
    QObject::connect(&w.controller(), &SimController::bookmarks_changed, &menu, refill);
    QObject::connect(&w.controller(), &SimController::restarted, &menu, refill);
    refill();
}

} // namespace wn::ui
