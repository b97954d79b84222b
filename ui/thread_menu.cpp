#include "ui/thread_menu.h"

#include "ui/controller.h"
#include "ui/model/frame.h"

#include <QAction>
#include <QMenu>

namespace wn::ui {

QString thread_action_label(UserAction::Kind kind) {
    switch (kind) {
    case UserAction::Kind::PauseThread:
        return "Pause";
    case UserAction::Kind::ResumeThread:
        return "Resume";
    case UserAction::Kind::StepThread:
        return "Step this thread (one line)";
    default:
        return {};
    }
}

QString thread_action_tooltip(UserAction::Kind kind) {
    switch (kind) {
    case UserAction::Kind::PauseThread:
        return "Stop this thread at its next line of Python; the others run on";
    case UserAction::Kind::ResumeThread:
        return "Let this thread run on from the line it is paused at";
    case UserAction::Kind::StepThread:
        return "Run exactly one line (one interleaving point) of this thread, then pause it "
               "again";
    default:
        return {};
    }
}

QString apply_thread_action(SimController& c, int thread, UserAction::Kind kind, QString& status) {
    UserAction a;
    a.kind = kind;
    a.thread = thread;
    const QString why = c.apply(a);
    const QString who = QString::fromStdString(actor_label(thread));
    if (!why.isEmpty()) {
        status = why;
        return why;
    }
    const QString at = " at t=" + QString::number(to_seconds(c.sim().now()), 'f', 3) + " s";
    switch (kind) {
    case UserAction::Kind::PauseThread:
        status = who + " pauses at its next line" + at;
        break;
    case UserAction::Kind::ResumeThread:
        status = who + " runs on" + at;
        break;
    default:
        status = who + ": one line" + at;
        break;
    }
    return why;
}

void exec_thread_menu(QWidget* parent, const SimController& c, int thread, QPoint global,
                      const std::function<void(UserAction::Kind)>& act) {
    const auto& threads = c.sim().client().threads();
    if (thread < 0 || static_cast<std::size_t>(thread) >= threads.size())
        return;
    const ThreadState& t = threads[static_cast<std::size_t>(thread)];
    QMenu menu(parent);
    menu.setToolTipsVisible(true);
    menu.addSection(QString::fromStdString(actor_label(thread)) + ": " + thread_step_name(t.step));
    auto item = [&](UserAction::Kind kind, const QString& key, bool enabled) {
        // The key is shown, not bound: the window's Thread menu binds it to the selection.
        QAction* a = menu.addAction(thread_action_label(kind) + "\t" + key, parent,
                                    [act, kind] { act(kind); });
        a->setToolTip(thread_action_tooltip(kind) + " (" + key + ")");
        a->setEnabled(enabled);
    };
    item(t.paused ? UserAction::Kind::ResumeThread : UserAction::Kind::PauseThread, "P", true);
    item(UserAction::Kind::StepThread, "S", !t.paused || t.parked);
    menu.exec(global);
}

} // namespace wn::ui
