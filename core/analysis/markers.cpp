#include "analysis/markers.h"

#include <algorithm>

namespace wn {

std::vector<Marker> extract_markers(const TraceEvents& events, std::size_t from) {
    std::vector<Marker> markers;
    for (std::size_t i = std::max(from, events.first()); i < events.size(); ++i) {
        const TraceEvent& e = events[i];
        const double t = to_seconds(e.time);
        switch (e.kind) {
        case EventKind::ServerDown:
        case EventKind::ServerUp:
        case EventKind::CutOff:
        case EventKind::Restore:
        case EventKind::StepDown:
        case EventKind::MemberAdded:
        case EventKind::MemberRemoved:
        case EventKind::PingSet:
            markers.push_back({t, Marker::Kind::Fault});
            break;
        case EventKind::Elected:
            markers.push_back({t, Marker::Kind::Election});
            break;
        case EventKind::Publish:
            markers.push_back({t, Marker::Kind::Publish});
            break;
        case EventKind::Reclaim:
            markers.push_back({t, Marker::Kind::Reclaim});
            break;
        case EventKind::OpEnd:
            if (e.a != static_cast<int>(ErrorKind::None))
                markers.push_back({t, Marker::Kind::Error});
            break;
        default:
            break;
        }
    }
    return markers;
}

} // namespace wn
