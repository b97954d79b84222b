#include "ui/chart_lines.h"

#include "analysis/series.h"
#include "simulation.h"
#include "ui/controller.h"

#include <cmath>

namespace wn::ui {
namespace {

double per_host(const std::vector<int>& v, int host) {
    return static_cast<std::size_t>(host) < v.size() ? v[static_cast<std::size_t>(host)] : 0;
}

} // namespace

std::vector<ChartDef> chart_defs(const SimController& controller) {
    const int panes = controller.panes();
    const bool compare = panes > 1;
    auto strategy = [&](int pane) {
        return QString(strategy_name(controller.strategies()[static_cast<std::size_t>(pane)]));
    };
    auto per_pane = [&](const QString& suffix, Extract f) {
        std::vector<LineSpec> specs;
        for (int pane = 0; pane < panes; ++pane)
            specs.push_back({compare ? strategy(pane) : suffix, f, pane});
        return specs;
    };
    // Per member in a single run; per strategy (all members) in a comparison.
    std::vector<LineSpec> ismaster, ping;
    if (compare) {
        ismaster = per_pane("", [](const SeriesBin& b, double s) { return b.ismaster / s; });
        ping = per_pane("", [](const SeriesBin& b, double) {
            double sum = 0;
            int n = 0;
            for (std::size_t h = 0; h < b.ping_count_by_host.size(); ++h) {
                sum += b.ping_sum_by_host[h];
                n += b.ping_count_by_host[h];
            }
            return n ? sum / n : std::nan("");
        });
    } else {
        const auto& servers = controller.sim().world().servers();
        for (const Server& s : servers) {
            const int host = s.host;
            const QString name = QString::fromStdString(controller.sim().hosts().name(host));
            ismaster.push_back({name,
                                [host](const SeriesBin& b, double sec) {
                                    return per_host(b.ismaster_by_host, host) / sec;
                                },
                                0});
            ping.push_back({name,
                            [host](const SeriesBin& b, double) {
                                const double n = per_host(b.ping_count_by_host, host);
                                return n > 0
                                           ? b.ping_sum_by_host[static_cast<std::size_t>(host)] / n
                                           : std::nan("");
                            },
                            0});
        }
    }
    std::vector<LineSpec> errors;
    for (int pane = 0; pane < panes; ++pane) {
        const QString prefix = compare ? strategy(pane) + " " : "";
        errors.push_back({prefix + "KeyError",
                          [](const SeriesBin& b, double s) { return b.key_errors / s; }, pane});
        errors.push_back({prefix + "AutoReconnect",
                          [](const SeriesBin& b, double s) { return b.auto_reconnects / s; },
                          pane});
    }
    return {
        {"refreshes in flight", "max",
         per_pane("in flight",
                  [](const SeriesBin& b, double) { return b.refreshes_max_in_flight; })},
        {"ismaster calls /s", "/s", ismaster},
        {"operations ok /s", "/s",
         per_pane("ok", [](const SeriesBin& b, double s) { return b.ops_ok / s; })},
        {"errors /s", "/s", errors},
        {"threads waiting", "avg",
         per_pane("waiting",
                  [](const SeriesBin& b, double s) { return b.waiting_thread_seconds / s; })},
        {"live versions", "",
         per_pane("live", [](const SeriesBin& b, double) { return b.live_versions; })},
        {"ismaster RTT (ms)", "ms", ping},
    };
}

} // namespace wn::ui
