#pragma once

#include "scenario/scenario.h"

#include <QPoint>
#include <QString>
#include <functional>

class QWidget;

namespace wn::ui {

class SimController;

/// Applies a fault to member `member` (index in the world's servers) now, in every pane.
/// Returns "" on success or why it was refused; `status` is set to the line to show.
QString apply_member_action(SimController& controller, int member, FaultKind kind, double ping_ms,
                            QString& status);

/// The member menu's words for `kind` ("Step down", "Cut off from the client"); the status
/// bar reports a click in the same words.
QString member_action_label(FaultKind kind);

/// Pops up what can be done to member `member` at `global`: kill, revive, step down, cut
/// off or restore, set its ping, remove it. Only what makes sense now is enabled. Each
/// choice calls `act(kind, ping_ms)`.
void exec_member_menu(QWidget* parent, const SimController& controller, int member, QPoint global,
                      const std::function<void(FaultKind, double)>& act);

} // namespace wn::ui
