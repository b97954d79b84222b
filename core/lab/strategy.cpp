#include "lab/strategy.h"

#include <string>

namespace wn::lab {

namespace {
constexpr const char* kRefCountName = "wasp-refcount";
constexpr const char* kInPlaceName = "naive-in-place";
} // namespace

std::optional<StrategyKind> simulated_kind(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return StrategyKind::Wasp;
    case Strategy::wasp_refcount:
    case Strategy::naive_in_place:
        return std::nullopt;
    case Strategy::mutex:
        return StrategyKind::Mutex;
    case Strategy::rwlock:
        return StrategyKind::RwLock;
    }
    return std::nullopt;
}

const char* strategy_name(Strategy s) {
    if (const std::optional<StrategyKind> kind = simulated_kind(s)) {
        return wn::strategy_name(*kind);
    }
    if (s == Strategy::naive_in_place) {
        return kInPlaceName;
    }
    return s == Strategy::wasp_refcount ? kRefCountName : "?";
}

const char* strategy_label(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return "wasp (RCU, epochs)";
    case Strategy::wasp_refcount:
        return "wasp (RCU, refcount)";
    case Strategy::mutex:
        return "mutex";
    case Strategy::rwlock:
        return "rwlock (shared_mutex)";
    case Strategy::naive_in_place:
        return "naive (in place)";
    }
    return "?";
}

std::optional<Strategy> parse_strategy(std::string_view name) {
    if (name == kRefCountName) {
        return Strategy::wasp_refcount;
    }
    if (name == kInPlaceName) {
        return Strategy::naive_in_place;
    }
    const std::optional<StrategyKind> kind = wn::parse_strategy(std::string(name));
    for (Strategy s : kAllStrategies) {
        if (kind && simulated_kind(s) == kind) {
            return s;
        }
    }
    return std::nullopt; // unknown, or "naive": the lab's is "naive-in-place"
}

} // namespace wn::lab
