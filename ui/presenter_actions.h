#pragma once

#include "ui/actions.h"

#include <vector>

namespace wn::ui {

/// One of the presenter's actions (ui/presenter.h): `id` names it to the Presenter, which
/// keeps the checkmarks in step ("presenter", "blank", "theme-dark", ...).
struct PresenterAction {
    QString id;
    ActionSpec spec;
};

/// The View menu's presentation actions, in menu order. Like action_table() they give the
/// keys, the tooltips and the `--help` lines.
const std::vector<PresenterAction>& presenter_actions();

} // namespace wn::ui
