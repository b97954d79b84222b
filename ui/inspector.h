#pragma once

#include <QString>

namespace wn {
class Simulation;
}

namespace wn::ui {

/// The inspector's text (HTML) for a clicked thing, from the engine's current state.
QString describe_thread(const Simulation& sim, int id);
QString describe_version(const Simulation& sim, int version);
QString describe_member(const Simulation& sim, int index);
QString describe_monitor(const Simulation& sim);

} // namespace wn::ui
