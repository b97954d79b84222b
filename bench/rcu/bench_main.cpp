// waspsnest-bench: read-side and publish-side cost of the RCU cell against the usual
// alternatives and liburcu. See docs/performance.md for results and the exact command.

#include "bench_common.h"
#include "rcu/rcu_cell.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

namespace wn::bench {

// Defined in urcu_memb.cpp and urcu_qsbr.cpp.
void read_urcu_memb(benchmark::State& state);
void publish_urcu_memb(benchmark::State& state);
void read_urcu_qsbr(benchmark::State& state);
void publish_urcu_qsbr(benchmark::State& state);

namespace {

/// The physical limit: one acquire load, no reclamation at all (the writer flips between two
/// values that live forever, which is only correct because nobody frees them).
class PlainAtomic {
public:
    void reader_begin() {}
    void reader_end() {}
    std::uint64_t read() { return current_.load(std::memory_order_acquire)->version; }
    void publish(std::uint64_t v) { current_.store(&values_[v % 2], std::memory_order_release); }

private:
    Value values_[2] = {Value(0), Value(1)};
    std::atomic<const Value*> current_{&values_[0]};
};

template <class Reclaimer> class Rcu {
public:
    void reader_begin() {}
    void reader_end() {}
    std::uint64_t read() { return cell_.read()->version; }
    void publish(std::uint64_t v) { cell_.emplace(v); }

private:
    rcu::RcuCell<Value, Reclaimer> cell_{std::in_place, 0};
};

/// std::atomic<std::shared_ptr>: libstdc++ 12 guards the control block with a spin bit in the
/// pointer, so readers serialize on it briefly.
class AtomicSharedPtr {
public:
    void reader_begin() {}
    void reader_end() {}
    std::uint64_t read() { return current_.load()->version; }
    void publish(std::uint64_t v) { current_.store(std::make_shared<const Value>(v)); }

private:
    std::atomic<std::shared_ptr<const Value>> current_{std::make_shared<const Value>(0)};
};

/// A lock around the pointer; the writer swaps under the exclusive lock and frees after it.
template <class Mutex, template <class> class ReadLock> class Locked {
public:
    void reader_begin() {}
    void reader_end() {}
    std::uint64_t read() {
        ReadLock<Mutex> lock(mu_);
        return current_->version;
    }
    void publish(std::uint64_t v) {
        auto next = std::make_unique<const Value>(v);
        {
            std::lock_guard lock(mu_);
            current_.swap(next);
        }
    }

private:
    Mutex mu_;
    std::unique_ptr<const Value> current_ = std::make_unique<const Value>(0);
};

using SharedMutex = Locked<std::shared_mutex, std::shared_lock>;
using Mutex = Locked<std::mutex, std::unique_lock>;

std::vector<int> reader_thread_counts() {
    // 1 and 2 always (the reference machine has 2 cores), then powers of two up to the
    // hardware's concurrency.
    std::vector<int> counts{1, 2};
    const int hw = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
    for (int n = 4; n <= hw; n *= 2) {
        counts.push_back(n);
    }
    return counts;
}

void register_read(const std::string& impl, void (*fn)(benchmark::State&)) {
    auto* b = benchmark::RegisterBenchmark(("BM_Read/" + impl).c_str(), fn);
    for (int n : reader_thread_counts()) {
        b->Threads(n);
    }
}

void register_publish(const std::string& impl, void (*fn)(benchmark::State&)) {
    benchmark::RegisterBenchmark(("BM_Publish/" + impl).c_str(), fn);
}

void register_all() {
    register_read("plain_atomic", read_benchmark<PlainAtomic>);
    register_read("rcu_epoch", read_benchmark<Rcu<rcu::EpochReclaimer>>);
    register_read("rcu_epoch_seqcst", read_benchmark<Rcu<rcu::SeqCstEpochReclaimer>>);
    register_read("rcu_refcount", read_benchmark<Rcu<rcu::RefCountReclaimer>>);
    register_read("atomic_shared_ptr", read_benchmark<AtomicSharedPtr>);
    register_read("shared_mutex", read_benchmark<SharedMutex>);
    register_read("mutex", read_benchmark<Mutex>);
    register_read("urcu_memb", read_urcu_memb);
    register_read("urcu_qsbr", read_urcu_qsbr);

    register_publish("plain_atomic", publish_benchmark<PlainAtomic>);
    register_publish("rcu_epoch", publish_benchmark<Rcu<rcu::EpochReclaimer>>);
    register_publish("rcu_epoch_seqcst", publish_benchmark<Rcu<rcu::SeqCstEpochReclaimer>>);
    register_publish("rcu_refcount", publish_benchmark<Rcu<rcu::RefCountReclaimer>>);
    register_publish("atomic_shared_ptr", publish_benchmark<AtomicSharedPtr>);
    register_publish("shared_mutex", publish_benchmark<SharedMutex>);
    register_publish("mutex", publish_benchmark<Mutex>);
    register_publish("urcu_memb", publish_urcu_memb);
    register_publish("urcu_qsbr", publish_urcu_qsbr);
}

} // namespace
} // namespace wn::bench

int main(int argc, char** argv) {
    wn::bench::register_all();
    benchmark::Initialize(&argc, argv);
    // Which reader protocol rcu_epoch measured (seq_cst if membarrier is unavailable).
    benchmark::AddCustomContext(
        "rcu_epoch_reader_fence",
        wn::rcu::detail::domain<wn::rcu::ReaderFence::asymmetric>.asymmetric_active()
            ? "asymmetric (membarrier)"
            : "seq_cst (membarrier unavailable)");
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
