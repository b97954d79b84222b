#include "ui/member_menu.h"

#include "ui/controller.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>

namespace wn::ui {

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
    status = why.isEmpty()
                 ? QString(fault_name(kind)) + " " + QString::fromStdString(a.fault.host) +
                       " at t=" + QString::number(to_seconds(c.sim().now()), 'f', 3) + " s"
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
    item("Kill the process (burst into flames)", FaultKind::Kill, s.up);
    item("Power off / unplug", FaultKind::PowerOff, s.up);
    item("Revive", FaultKind::Revive, !s.up && !removed);
    item("Step down", FaultKind::StepDown, s.up && s.role == ServerRole::Primary);
    if (s.cut_off)
        item("Restore the network", FaultKind::Restore, true);
    else
        item("Cut off from the client", FaultKind::CutOff, !removed);
    menu.addAction("Set ping...", parent, [parent, act, s] {
        bool ok = false;
        const double ping = QInputDialog::getDouble(
            parent, "Set ping", "Round trip (ms):", s.ping_ms, 0, 10000, 1, &ok);
        if (ok)
            act(FaultKind::SetPing, ping);
    });
    item("Remove from the set", FaultKind::RemoveMember, !removed);
    menu.exec(global);
}

} // namespace wn::ui
