#pragma once

// Shared harness for waspsnest-bench: the value every implementation protects, the background
// writer that replaces it every millisecond while readers are measured, and the two benchmark
// bodies. An implementation is a type with
//   void reader_begin(); void reader_end();   // per reader thread (liburcu registration)
//   std::uint64_t read();                     // one read-side critical section
//   void publish(std::uint64_t version);      // build a new value, swap it in, reclaim
// liburcu flavours live in their own translation units because their headers map the same
// rcu_* names to different functions.

#include <benchmark/benchmark.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace wn::bench {

/// What readers read: small, immutable once published, and bigger than a pointer so that a
/// torn or stale read would be noticed by a check.
struct Value {
    explicit Value(std::uint64_t v) : version(v), payload{v, v + 1, v + 2} {}
    std::uint64_t version;
    std::uint64_t payload[3];
};

/// Replaces the value every millisecond until stopped. Paced with a condition variable so that
/// stop() is prompt and deterministic (no sleep stands in for synchronisation).
class BackgroundWriter {
public:
    template <class Publish> void start(Publish publish) {
        stop_ = false;
        publishes_ = 0;
        thread_ = std::thread([this, publish]() mutable {
            std::unique_lock lock(mu_);
            std::uint64_t version = 1;
            while (!stop_) {
                lock.unlock();
                publish(++version);
                lock.lock();
                ++publishes_;
                cv_.wait_for(lock, std::chrono::milliseconds(1), [this] { return stop_; });
            }
        });
    }

    /// Stops and joins the writer; returns how many values it published.
    std::uint64_t stop() {
        {
            std::lock_guard lock(mu_);
            stop_ = true;
        }
        cv_.notify_all();
        thread_.join();
        std::lock_guard lock(mu_);
        return publishes_;
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::uint64_t publishes_ = 0;
    std::thread thread_;
};

/// BM_Read/<impl>: every benchmark thread reads in a loop while a writer publishes every ms.
/// Thread 0 starts the writer before the timed loop and stops it after; Google Benchmark's
/// start/stop barriers order that against the other threads' loops.
template <class Impl> void read_benchmark(benchmark::State& state) {
    static Impl impl;
    static BackgroundWriter writer;
    if (state.thread_index() == 0) {
        writer.start([](std::uint64_t v) { impl.publish(v); });
    }
    impl.reader_begin();
    for (auto _ : state) {
        benchmark::DoNotOptimize(impl.read());
    }
    impl.reader_end();
    if (state.thread_index() == 0) {
        state.counters["publishes"] = static_cast<double>(writer.stop());
    }
    state.SetItemsProcessed(state.iterations());
}

/// BM_Publish/<impl>: the cost of building, swapping in and reclaiming one value. The writer
/// is itself a registered, idle reader thread, so that every RCU flavour does its full grace-
/// period work (liburcu skips it entirely while no reader thread is registered).
template <class Impl> void publish_benchmark(benchmark::State& state) {
    static Impl impl;
    impl.reader_begin();
    (void)impl.read();
    std::uint64_t v = 0;
    for (auto _ : state) {
        impl.publish(++v);
    }
    impl.reader_end();
    state.SetItemsProcessed(state.iterations());
}

} // namespace wn::bench
