// liburcu, "qsbr" flavour: read_lock/unlock are empty and each reader thread reports a
// quiescent state itself. We report one every kReadsPerQuiescentState reads, which is how a
// server loop would amortize it; the writer's synchronize waits for every reader to do so.

#define _LGPL_SOURCE
#include <urcu/urcu-qsbr.h>

#include "bench_common.h"

namespace wn::bench {
namespace {

constexpr unsigned kReadsPerQuiescentState = 256;

class UrcuQsbr {
public:
    UrcuQsbr() : current_(new Value(0)) {}
    void reader_begin() { urcu_qsbr_register_thread(); }
    void reader_end() { urcu_qsbr_unregister_thread(); }
    std::uint64_t read() {
        urcu_qsbr_read_lock();
        const std::uint64_t v = rcu_dereference(current_)->version;
        urcu_qsbr_read_unlock();
        if (++reads_ % kReadsPerQuiescentState == 0) {
            urcu_qsbr_quiescent_state();
        }
        return v;
    }
    void publish(std::uint64_t v) {
        Value* old = rcu_xchg_pointer(&current_, new Value(v));
        urcu_qsbr_synchronize_rcu();
        delete old;
    }

private:
    Value* current_;
    static thread_local unsigned reads_;
};

thread_local unsigned UrcuQsbr::reads_ = 0;

} // namespace

void read_urcu_qsbr(benchmark::State& state) {
    read_benchmark<UrcuQsbr>(state);
}
void publish_urcu_qsbr(benchmark::State& state) {
    publish_benchmark<UrcuQsbr>(state);
}

} // namespace wn::bench
