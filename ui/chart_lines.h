#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace wn {
struct SeriesBin;
}

namespace wn::ui {

class SimController;

/// One value per bin for one line: e.g. refreshes in flight, or ismaster/s for one host.
using Extract = std::function<double(const SeriesBin&, double bin_s)>;

/// One line of a chart: its legend name, its value per bin, and the pane it reads.
struct LineSpec {
    QString name;
    Extract value;
    int pane;
};

/// One chart: its title, the unit its tooltips give, and its lines.
struct ChartDef {
    QString title, unit;
    std::vector<LineSpec> specs;
};

/// Where chart_defs puts the charts the legend speaks of: in a single run the ismaster calls
/// and the RTT have a line per member, in the members' order; errors, KeyError and
/// AutoReconnect.
constexpr int kIsmasterChart = 1;
constexpr int kErrorsChart = 3;
constexpr int kRttChart = 6;

/// The charts of `controller`'s run: the connection storm, refreshes in flight, throughput,
/// errors, waiting, live RSState versions and pings. A line per member in a single run, a
/// line per strategy (all members together) in a comparison.
std::vector<ChartDef> chart_defs(const SimController& controller);

} // namespace wn::ui
