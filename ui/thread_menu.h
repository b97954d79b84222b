#pragma once

#include "scenario/scenario.h"

#include <QPoint>
#include <QString>
#include <functional>

class QWidget;

namespace wn::ui {

class SimController;

/// The thread menu's words for a pause, resume or step ("Step this thread (one line)").
QString thread_action_label(UserAction::Kind kind);
/// What the item's tooltip says it does.
QString thread_action_tooltip(UserAction::Kind kind);

/// Pauses, resumes or steps thread `thread` (1..N; 0 the monitor) now, in every pane.
/// Returns "" on success or why it was refused; `status` is set to the line to show.
QString apply_thread_action(SimController& controller, int thread, UserAction::Kind kind,
                            QString& status);

/// Pops up what can be done to thread `thread` at `global`: Pause or Resume, and Step this
/// thread, each with its key and tooltip; only what makes sense now is enabled. Each
/// choice calls `act(kind)`.
void exec_thread_menu(QWidget* parent, const SimController& controller, int thread, QPoint global,
                      const std::function<void(UserAction::Kind)>& act);

} // namespace wn::ui
