#pragma once

// RcuCell: the wasp's-nest pattern for real threads. One pointer to an immutable value; readers
// take a guard and read without locks; a writer builds a complete new value and publishes it
// with one atomic swap; a replaced value is destroyed only after every reader that could hold
// it has let go. How "let go" is detected is the Reclaimer:
//
//   RcuCell<T, RefCountReclaimer>  - per-value reference count (CPython / PyMongo 2.5.1)
//   RcuCell<T, EpochReclaimer>     - grace periods over per-thread epochs (liburcu, Linux)
//   RcuCell<T, SeqCstEpochReclaimer> - same, with the reader fence paid in pure C++ atomics
//
// Rules shared by both schemes:
//  - A guard must be destroyed before the cell, on the thread that took it (epoch slots are
//    per thread). Guards nest, also across cells, and may close in any order. Do not read a
//    cell from a thread_local destructor (the thread's epoch slot may already be released).
//  - Writers may run concurrently: emplace()/publish()/update() serialize on a writer-only
//    mutex that readers never touch.
//  - Publishing never waits for readers; only synchronize() does.

#include "rcu/cell_stats.h"
#include "rcu/epoch_reclaimer.h"
#include "rcu/refcount_reclaimer.h"

#include <cstddef>
#include <utility>

namespace wn::rcu {

template <class T, class Reclaimer = EpochReclaimer> class RcuCell {
    using Engine = typename Reclaimer::template Engine<T>;

public:
    using value_type = T;
    using reclaimer_type = Reclaimer;

    /// Keeps one value alive and readable for as long as it exists. Move-only; moving it to
    /// another thread is not allowed.
    class ReadGuard {
    public:
        ReadGuard(ReadGuard&& other) noexcept
            : engine_(std::exchange(other.engine_, nullptr)), token_(other.token_),
              value_(other.value_) {}
        ReadGuard(const ReadGuard&) = delete;
        ReadGuard& operator=(const ReadGuard&) = delete;
        ReadGuard& operator=(ReadGuard&&) = delete;
        ~ReadGuard() {
            if (engine_ != nullptr) {
                engine_->exit(token_);
            }
        }

        /// Returns the value that was current when the guard was taken; never null.
        [[nodiscard]] const T* get() const noexcept { return value_; }
        const T& operator*() const noexcept { return *value_; }
        const T* operator->() const noexcept { return value_; }

    private:
        friend class RcuCell;
        ReadGuard(const Engine* engine, typename Engine::Read read) noexcept
            : engine_(engine), token_(read.token), value_(read.value) {}

        const Engine* engine_;
        typename Engine::Token token_;
        const T* value_;
    };

    /// Constructs the initial value in place.
    template <class... Args>
    explicit RcuCell(std::in_place_t, Args&&... args)
        : engine_(std::in_place, std::forward<Args>(args)...) {}
    explicit RcuCell(const T& initial) : engine_(std::in_place, initial) {}
    explicit RcuCell(T&& initial) : engine_(std::in_place, std::move(initial)) {}

    RcuCell(const RcuCell&) = delete;
    RcuCell& operator=(const RcuCell&) = delete;

    /// Returns a guard on the current value. Lock-free and wait-free for the reader: it never
    /// waits for a writer or another reader.
    [[nodiscard]] ReadGuard read() const { return ReadGuard(&engine_, engine_.enter()); }

    /// Builds a new value from `args`, then makes it current with one atomic swap; the old
    /// value is retired. Exists so that callers never publish a half-built value.
    template <class... Args> void emplace(Args&&... args) {
        engine_.emplace(std::forward<Args>(args)...);
    }

    /// Makes `value` current (moved into a fresh allocation) and retires the old one.
    void publish(T value) { engine_.emplace(std::move(value)); }

    /// Copy-then-swap: calls `make_next(current)` and publishes what it returns, with writers
    /// serialized so that no concurrent update is lost. Returns nothing; readers see either the
    /// old or the new value, never a mix.
    template <class Fn> void update(Fn&& make_next) { engine_.update(std::forward<Fn>(make_next)); }

    /// Frees retired values that no reader can hold any more, without waiting, and returns how
    /// many. Publishing already does this; call it to reclaim when no publish is coming.
    std::size_t reclaim() { return engine_.reclaim(); }

    /// Blocks until every value retired before the call has been reclaimed, i.e. a full grace
    /// period has elapsed. For shutdown and tests; never needed for correctness.
    void synchronize() { engine_.synchronize(); }

    /// Returns a snapshot of the counters (see CellStats).
    [[nodiscard]] CellStats stats() const { return engine_.stats(); }

private:
    Engine engine_;
};

} // namespace wn::rcu
