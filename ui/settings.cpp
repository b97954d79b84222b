#include "ui/settings.h"

#include "scenario/scenario_json.h"

#include <QSettings>
#include <QStringList>

namespace wn::ui {

bool start_maximized(QSize available) {
    // Room for a title bar and borders around the 1280x720 client area.
    constexpr int kFrameW = 16, kFrameH = 48;
    return available.width() < 1280 + kFrameW || available.height() < 720 + kFrameH;
}

SavedSession load_session(const QSettings& settings) {
    SavedSession s;
    if (settings.value("version").toInt() != kSettingsVersion)
        return s;
    s.geometry = settings.value("window/geometry").toByteArray();
    s.dock_state = settings.value("window/docks").toByteArray();
    s.scenario_json = settings.value("run/scenario").toString();
    s.strategies = settings.value("run/strategies").toString();
    bool ok = false;
    if (const double v = settings.value("run/speed").toDouble(&ok); ok && v > 0)
        s.speed = v;
    s.slow_motion = settings.value("run/slow_motion", true).toBool();
    s.theme = settings.value("view/theme").toString();
    if (const double v = settings.value("view/font_scale").toDouble(&ok); ok)
        s.font_scale = v;
    if (const double v = settings.value("view/presenter_font_scale").toDouble(&ok); ok)
        s.presenter_font_scale = v;
    s.auto_pause = settings.value("view/auto_pause", false).toBool();
    s.presenter_auto_pause = settings.value("view/presenter_auto_pause", true).toBool();
    return s;
}

void save_session(QSettings& settings, const SavedSession& s) {
    settings.setValue("version", kSettingsVersion);
    settings.setValue("window/geometry", s.geometry);
    settings.setValue("window/docks", s.dock_state);
    settings.setValue("run/scenario", s.scenario_json);
    settings.setValue("run/strategies", s.strategies);
    settings.setValue("run/speed", s.speed);
    settings.setValue("run/slow_motion", s.slow_motion);
    settings.setValue("view/theme", s.theme);
    settings.setValue("view/font_scale", s.font_scale);
    settings.setValue("view/presenter_font_scale", s.presenter_font_scale);
    settings.setValue("view/auto_pause", s.auto_pause);
    settings.setValue("view/presenter_auto_pause", s.presenter_auto_pause);
    settings.sync();
}

std::optional<QString> apply_saved_run(RunChoice& run, const SavedSession& saved) {
    if (!run.scenario_given && !saved.scenario_json.isEmpty()) {
        try {
            run.scenario = parse_scenario(saved.scenario_json.toStdString(), "saved settings");
        } catch (const ScenarioError& e) {
            return QString::fromStdString(e.what());
        }
        if (run.threads)
            run.scenario.threads = *run.threads;
        if (run.seed)
            run.scenario.seed = *run.seed;
        if (run.race_window)
            run.scenario.race_window = *run.race_window;
        if (run.timing)
            run.scenario.timing = *run.timing;
    }
    if (run.strategies.empty() && !saved.strategies.isEmpty()) {
        std::vector<StrategyKind> kinds;
        for (const QString& name : saved.strategies.split(',')) {
            const auto kind = parse_strategy(name.toStdString());
            if (!kind)
                return "saved settings: unknown strategy '" + name + "'";
            kinds.push_back(*kind);
        }
        if (kinds.size() > 4)
            return QString("saved settings: more than four strategies");
        run.strategies = kinds;
        run.scenario.strategy = kinds.front();
    }
    return std::nullopt;
}

} // namespace wn::ui
