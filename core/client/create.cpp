#include "client/sdam_client.h"
#include "client/strategies.h"

namespace wn {

std::unique_ptr<Client> Client::create(const Scenario& scenario, Scheduler& scheduler,
                                       HostTable& hosts, ReplicaSet& world, Trace& trace) {
    switch (scenario.strategy) {
    case StrategyKind::Naive:
        return std::make_unique<NaiveClient>(scenario, scheduler, hosts, world, trace);
    case StrategyKind::Mutex:
        return std::make_unique<LockingClient>(scenario, scheduler, hosts, world, trace, false);
    case StrategyKind::RwLock:
        return std::make_unique<LockingClient>(scenario, scheduler, hosts, world, trace, true);
    case StrategyKind::Wasp:
        return std::make_unique<WaspClient>(scenario, scheduler, hosts, world, trace);
    case StrategyKind::Sdam:
        return std::make_unique<SdamClient>(scenario, scheduler, hosts, world, trace);
    }
    return nullptr;
}

} // namespace wn
