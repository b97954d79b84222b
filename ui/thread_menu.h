#pragma once

#include "scenario/scenario.h"

#include <QPoint>
#include <QString>
#include <functional>

class QMenu;
class QWidget;

namespace wn::ui {

class SimController;

/// The thread menu's words for a pause, resume or step ("Step this thread (one line)").
QString thread_action_label(UserAction::Kind kind);
/// What the item's tooltip says it does.
QString thread_action_tooltip(UserAction::Kind kind);

/// Pauses, resumes or steps thread `thread` (1..N; 0 the monitor) now, in every pane, pane
/// `pane` (the one clicked) first: its refusal is the one reported. Returns "" on success or
/// why it was refused; `status` is set to the line to show.
QString apply_thread_action(SimController& controller, int pane, int thread, UserAction::Kind kind,
                            QString& status);

/// The pause or resume a P on thread `thread` of pane `pane` means now.
UserAction::Kind pause_toggle(const SimController& controller, int pane, int thread);

/// The menu's items for thread `thread` as pane `pane` shows it: Pause or Resume, and Step
/// this thread, each with its key and tooltip; only what makes sense now is enabled, and a
/// thread that cannot be paused at all (sdam's monitor) says why in each item's tooltip.
/// Each choice calls `act(kind)`. `menu` gets a section naming the thread and its step.
void add_thread_items(QMenu& menu, const SimController& controller, int pane, int thread,
                      const std::function<void(UserAction::Kind)>& act);

/// Pops up add_thread_items' menu at `global`.
void exec_thread_menu(QWidget* parent, const SimController& controller, int pane, int thread,
                      QPoint global, const std::function<void(UserAction::Kind)>& act);

} // namespace wn::ui
