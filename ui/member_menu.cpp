#include "ui/member_menu.h"

#include "ui/controller.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>

namespace wn::ui {

QString member_action_label(FaultKind kind) {
    switch (kind) {
    case FaultKind::Kill:
        return "Kill the process (burst into flames)";
    case FaultKind::PowerOff:
        return "Power off / unplug";
    case FaultKind::Revive:
        return "Revive";
    case FaultKind::StepDown:
        return "Step down";
    case FaultKind::CutOff:
        return "Cut off from the client";
    case FaultKind::Restore:
        return "Restore the network";
    case FaultKind::SetPing:
        return "Set ping";
    case FaultKind::RemoveMember:
        return "Remove from the set";
    default:
        return QString(fault_name(kind));
    }
}

QString apply_member_action(SimController& c, int member, FaultKind kind, double ping_ms,
                            QString& status) {
    const auto& servers = c.sim().world().servers();
    if (member < 0 || static_cast<std::size_t>(member) >= servers.size()) {
        status = "no such member";
        return status;
    }
    UserAction a;
    a.fault.kind = kind;
    a.fault.host = c.sim().hosts().name(servers[static_cast<std::size_t>(member)].host);
    a.fault.ping_ms = ping_ms;
    const QString why = c.apply(a);
    QString done = QString::fromStdString(a.fault.host) + ": " + member_action_label(kind);
    if (kind == FaultKind::SetPing)
        done += " to " + QString::number(ping_ms) + " ms";
    status = why.isEmpty()
                 ? done + " at t=" + QString::number(to_seconds(c.sim().now()), 'f', 3) + " s"
                 : why;
    return why;
}

void exec_member_menu(QWidget* parent, const SimController& c, int index, QPoint global,
                      const std::function<void(FaultKind, double)>& act) {
    const auto& servers = c.sim().world().servers();
    if (index < 0 || static_cast<std::size_t>(index) >= servers.size())
        return;
    const Server s = servers[static_cast<std::size_t>(index)];
    QMenu menu(parent);
    menu.addSection(QString::fromStdString(c.sim().hosts().name(s.host)));
    auto item = [&](const QString& label, FaultKind kind, bool enabled) {
        QAction* a = menu.addAction(label, parent, [act, kind] { act(kind, 0); });
        a->setEnabled(enabled);
    };
    const bool removed = s.role == ServerRole::Removed;
    item(member_action_label(FaultKind::Kill), FaultKind::Kill, s.up);
    item(member_action_label(FaultKind::PowerOff), FaultKind::PowerOff, s.up);
    item(member_action_label(FaultKind::Revive), FaultKind::Revive, !s.up && !removed);
    item(member_action_label(FaultKind::StepDown), FaultKind::StepDown,
         s.up && s.role == ServerRole::Primary);
    if (s.cut_off)
        item(member_action_label(FaultKind::Restore), FaultKind::Restore, true);
    else
        item(member_action_label(FaultKind::CutOff), FaultKind::CutOff, !removed);
    menu.addAction(member_action_label(FaultKind::SetPing) + "...", parent, [parent, act, s] {
        bool ok = false;
        const double ping = QInputDialog::getDouble(
            parent, "Set ping", "Round trip (ms):", s.ping_ms, 0, 10000, 1, &ok);
        if (ok)
            act(FaultKind::SetPing, ping);
    });
    item(member_action_label(FaultKind::RemoveMember), FaultKind::RemoveMember, !removed);
    menu.exec(global);
}

} // namespace wn::ui
