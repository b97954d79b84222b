#include "ui/thread_menu.h"

#include "ui/controller.h"
#include "ui/model/frame.h"

#include <QAction>
#include <QMenu>
#include <algorithm>

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

QString apply_thread_action(SimController& c, int pane, int thread, UserAction::Kind kind,
                            QString& status) {
    UserAction a;
    a.kind = kind;
    a.thread = thread;
    pane = std::clamp(pane, 0, c.panes() - 1);
    const QString why = c.apply(a, pane);
    const QString who = QString::fromStdString(actor_label(thread));
    if (!why.isEmpty()) {
        status = why;
        return why;
    }
    const QString at = " at t=" + QString::number(to_seconds(c.sim(pane).now()), 'f', 3) + " s";
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

UserAction::Kind pause_toggle(const SimController& c, int pane, int thread) {
    const auto& threads = c.sim(std::clamp(pane, 0, c.panes() - 1)).client().threads();
    const bool paused = thread >= 0 && static_cast<std::size_t>(thread) < threads.size() &&
                        threads[static_cast<std::size_t>(thread)].paused;
    return paused ? UserAction::Kind::ResumeThread : UserAction::Kind::PauseThread;
}

void add_thread_items(QMenu& menu, const SimController& c, int pane, int thread,
                      const std::function<void(UserAction::Kind)>& act) {
    const Client& client = c.sim(std::clamp(pane, 0, c.panes() - 1)).client();
    const auto& threads = client.threads();
    if (thread < 0 || static_cast<std::size_t>(thread) >= threads.size())
        return;
    const ThreadState& t = threads[static_cast<std::size_t>(thread)];
    const QString refusal = QString::fromStdString(client.pause_refusal(thread));
    menu.setToolTipsVisible(true);
    QString title = QString::fromStdString(actor_label(thread)) + ": " + thread_step_name(t.step);
    if (c.panes() > 1)
        title += " (" + QString(strategy_name(client.strategy())) + ")";
    menu.addSection(title);
    auto item = [&](UserAction::Kind kind, const QString& key, bool enabled) {
        // The key is shown, not bound: the window's Thread menu binds it to the selection.
        QAction* a = menu.addAction(thread_action_label(kind) + "\t" + key, &menu,
                                    [act, kind] { act(kind); });
        a->setToolTip(refusal.isEmpty() ? thread_action_tooltip(kind) + " (" + key + ")"
                                        : "Not available: " + refusal);
        a->setEnabled(enabled && refusal.isEmpty());
    };
    item(t.paused ? UserAction::Kind::ResumeThread : UserAction::Kind::PauseThread, "P", true);
    item(UserAction::Kind::StepThread, "S", !t.paused || t.parked);
}

void exec_thread_menu(QWidget* parent, const SimController& c, int pane, int thread, QPoint global,
                      const std::function<void(UserAction::Kind)>& act) {
    QMenu menu(parent);
    add_thread_items(menu, c, pane, thread, act);
    if (!menu.isEmpty())
        menu.exec(global);
}

} // namespace wn::ui
