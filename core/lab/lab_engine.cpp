// LabEngine: the facade, and the choice of store for the strategy (lab/state_stores.h).

#include "lab/lab_engine.h"

#include "lab/engine_impl.h"
#include "lab/state_stores.h"

#include <stdexcept>
#include <string>

namespace wn::lab {

namespace {

template <class Store> class Runner final : public LabEngine::Impl {
public:
    explicit Runner(LabConfig config) : Impl(config), m_store(initial_state()) {
        if constexpr (requires { m_store.set_midway(this->config().in_place_midway); }) {
            m_store.set_midway(this->config().in_place_midway);
        }
    }
    ~Runner() override { stop(); } // threads use m_store: join before it goes

protected:
    std::jthread launch_reader(std::size_t index) override {
        return std::jthread([this, index](std::stop_token st) { reader_main(st, m_store, index); });
    }
    bool refresh_with(const std::function<std::optional<RSState>()>& build,
                      Clock::duration& writer_wait, Clock::time_point& swapped_at) override {
        return m_store.refresh(build, writer_wait, swapped_at);
    }
    std::optional<rcu::CellStats> cell_stats() const override { return m_store.stats(); }
    void reclaim() override { m_store.reclaim(); }
    void synchronize() override { m_store.synchronize(); }

private:
    Store m_store;
};

std::unique_ptr<LabEngine::Impl> make_impl(const LabConfig& config) {
    if (config.readers < kMinReaders || config.readers > kMaxReaders) {
        throw std::invalid_argument("lab: reader threads must be " + std::to_string(kMinReaders) +
                                    ".." + std::to_string(kMaxReaders));
    }
    if (config.members < 1 || config.members > 7) {
        throw std::invalid_argument("lab: members must be 1..7");
    }
    if (config.interval < std::chrono::microseconds(100) ||
        config.interval > std::chrono::seconds(60)) {
        throw std::invalid_argument("lab: refresh interval must be 100 us..60 s");
    }
    if (config.reader_nice < 0 || config.reader_nice > 19) {
        throw std::invalid_argument("lab: reader nice value must be 0..19");
    }
    if (config.ismaster_latency.count() < 0 || config.ismaster_latency > std::chrono::seconds(60)) {
        throw std::invalid_argument("lab: ismaster latency must be 0..60 s");
    }
    switch (config.strategy) {
    case Strategy::wasp:
        return std::make_unique<Runner<RcuStore<rcu::EpochReclaimer>>>(config);
    case Strategy::wasp_refcount:
        return std::make_unique<Runner<RcuStore<rcu::RefCountReclaimer>>>(config);
    case Strategy::mutex:
        return std::make_unique<Runner<LockStore<std::mutex, false>>>(config);
    case Strategy::rwlock:
        return std::make_unique<Runner<LockStore<std::shared_mutex, true>>>(config);
    case Strategy::naive_in_place:
        return std::make_unique<Runner<InPlaceStore>>(config);
    }
    throw std::invalid_argument("lab: unknown strategy");
}

} // namespace

LabEngine::LabEngine(LabConfig config) : m_impl(make_impl(config)) {
}
LabEngine::~LabEngine() {
    if (m_impl) {
        m_impl->stop();
    }
}
const LabConfig& LabEngine::config() const {
    return m_impl->config();
}
LabServers& LabEngine::servers() {
    return m_impl->servers();
}
void LabEngine::start() {
    m_impl->start();
}
void LabEngine::stop() {
    m_impl->stop();
}
bool LabEngine::running() const {
    return m_impl->running();
}
std::string LabEngine::kill_primary() {
    return m_impl->kill_primary();
}
void LabEngine::schedule_refresh() {
    m_impl->schedule_refresh();
}
Stats LabEngine::snapshot() {
    return m_impl->snapshot();
}
double LabEngine::elapsed_s() const {
    return m_impl->elapsed_s();
}
MonitorProgress LabEngine::progress() const {
    return m_impl->progress();
}
bool LabEngine::wait_for_progress(const std::function<bool(const MonitorProgress&)>& pred,
                                  std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_progress(pred, timeout);
}
bool LabEngine::wait_for_readers_started(std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_readers_started(timeout);
}
bool LabEngine::wait_for_readers(std::chrono::milliseconds timeout) const {
    return m_impl->wait_for_readers(timeout);
}

} // namespace wn::lab
