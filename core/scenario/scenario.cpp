#include "scenario/scenario.h"

namespace wn {

const char* strategy_name(StrategyKind kind) {
    switch (kind) {
    case StrategyKind::Naive:
        return "naive";
    case StrategyKind::Mutex:
        return "mutex";
    case StrategyKind::RwLock:
        return "rwlock";
    case StrategyKind::Wasp:
        return "wasp";
    }
    return "?";
}

std::optional<StrategyKind> parse_strategy(const std::string& name) {
    for (auto kind :
         {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock, StrategyKind::Wasp})
        if (name == strategy_name(kind))
            return kind;
    return std::nullopt;
}

std::optional<std::string> threads_error(int threads) {
    if (threads >= kMinThreads && threads <= kMaxThreads)
        return std::nullopt;
    return "must be between " + std::to_string(kMinThreads) + " and " + std::to_string(kMaxThreads);
}

const char* fault_name(FaultKind kind) {
    switch (kind) {
    case FaultKind::Kill:
        return "kill";
    case FaultKind::Revive:
        return "revive";
    case FaultKind::StepDown:
        return "step_down";
    case FaultKind::CutOff:
        return "cut_off";
    case FaultKind::Restore:
        return "restore";
    case FaultKind::SetPing:
        return "set_ping";
    case FaultKind::AddMember:
        return "add_member";
    case FaultKind::RemoveMember:
        return "remove_member";
    case FaultKind::PowerOff:
        return "power_off";
    }
    return "?";
}

std::optional<FaultKind> parse_fault(const std::string& name) {
    for (auto kind : {FaultKind::Kill, FaultKind::Revive, FaultKind::StepDown, FaultKind::CutOff,
                      FaultKind::Restore, FaultKind::SetPing, FaultKind::AddMember,
                      FaultKind::RemoveMember, FaultKind::PowerOff})
        if (name == fault_name(kind))
            return kind;
    return std::nullopt;
}

} // namespace wn
