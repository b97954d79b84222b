#include "ui/settings.h"

#include <QSettings>

namespace wn::ui {

SavedSession load_session(const QSettings& settings) {
    SavedSession s;
    if (settings.value("version").toInt() != kSettingsVersion)
        return s;
    s.geometry = settings.value("window/geometry").toByteArray();
    s.dock_state = settings.value("window/docks").toByteArray();
    s.scenario = settings.value("run/scenario").toString();
    s.strategies = settings.value("run/strategies").toString();
    bool ok = false;
    if (const int n = settings.value("run/threads").toInt(&ok); ok && n > 0)
        s.threads = n;
    if (const int n = settings.value("run/members").toInt(&ok); ok && n > 0)
        s.members = n;
    if (const double v = settings.value("run/speed").toDouble(&ok); ok && v > 0)
        s.speed = v;
    s.theme = settings.value("view/theme").toString();
    return s;
}

void save_session(QSettings& settings, const SavedSession& s) {
    settings.setValue("version", kSettingsVersion);
    settings.setValue("window/geometry", s.geometry);
    settings.setValue("window/docks", s.dock_state);
    settings.setValue("run/scenario", s.scenario);
    settings.setValue("run/strategies", s.strategies);
    settings.setValue("run/threads", s.threads);
    settings.setValue("run/members", s.members);
    settings.setValue("run/speed", s.speed);
    settings.setValue("view/theme", s.theme);
    settings.sync();
}

} // namespace wn::ui
