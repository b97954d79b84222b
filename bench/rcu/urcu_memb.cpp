// liburcu, "memb" flavour (membarrier-based, what our EpochReclaimer imitates). Own
// translation unit: liburcu's headers map the rcu_* names per flavour.

#define _LGPL_SOURCE // inline read-side fast paths, as an application linking liburcu would use
#include <urcu/urcu-memb.h>

#include "bench_common.h"

namespace wn::bench {
namespace {

class UrcuMemb {
public:
    UrcuMemb() : current_(new Value(0)) {}
    void reader_begin() { urcu_memb_register_thread(); }
    void reader_end() { urcu_memb_unregister_thread(); }
    std::uint64_t read() {
        urcu_memb_read_lock();
        const std::uint64_t v = rcu_dereference(current_)->version;
        urcu_memb_read_unlock();
        return v;
    }
    void publish(std::uint64_t v) {
        Value* old = rcu_xchg_pointer(&current_, new Value(v));
        urcu_memb_synchronize_rcu();
        delete old;
    }

private:
    Value* current_;
};

} // namespace

void read_urcu_memb(benchmark::State& state) {
    read_benchmark<UrcuMemb>(state);
}
void publish_urcu_memb(benchmark::State& state) {
    publish_benchmark<UrcuMemb>(state);
}

} // namespace wn::bench
