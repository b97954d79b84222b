#pragma once

// Grace-period (epoch) reclamation: what liburcu and the Linux kernel do. Readers write only
// their own thread's slot; a writer swaps the pointer, files the old value with the epoch of
// the swap and frees it once every reader inside a critical section has announced a later
// epoch. Publication never waits: values are reclaimed on later publishes, by reclaim(), or by
// synchronize() (the only call that blocks).

#include "rcu/cell_stats.h"
#include "rcu/epoch_domain.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace wn::rcu::detail {

template <class T, ReaderFence F> class EpochEngine {
public:
    using Token = ReadToken;
    struct Read {
        Token token;
        const T* value;
    };

    template <class... Args>
    explicit EpochEngine(std::in_place_t, Args&&... args)
        : current_(new T(std::forward<Args>(args)...)) {
        published_.store(1, std::memory_order_relaxed);
    }

    EpochEngine(const EpochEngine&) = delete;
    EpochEngine& operator=(const EpochEngine&) = delete;

    /// Precondition: no guard on this cell is open, so nothing can still reach any value.
    ~EpochEngine() {
        delete current_.load(std::memory_order_relaxed);
        for (const Retired& r : retired_) {
            delete r.value;
        }
    }

    /// Returns the slot token and the value current after the announcement. seq_cst load: the
    /// load must not move above the announcement (see epoch_domain.h); on x86 and ARMv8 it
    /// costs the same as an acquire load.
    Read enter() const {
        const Token token = enter_read<F>();
        return {token, current_.load(std::memory_order_seq_cst)};
    }

    void exit(Token token) const noexcept { exit_read(token); }

    template <class... Args> void emplace(Args&&... args) {
        // Built completely before the lock and before the swap makes it visible.
        auto next = std::make_unique<T>(std::forward<Args>(args)...);
        std::lock_guard lock(writer_mu_);
        install_locked(std::move(next));
        collect_locked();
    }

    template <class Fn> void update(Fn&& make_next) {
        std::lock_guard lock(writer_mu_);
        // Safe without a guard: only writers retire values, and we are the only writer now.
        const T& current = *current_.load(std::memory_order_relaxed);
        install_locked(std::make_unique<T>(std::forward<Fn>(make_next)(current)));
        collect_locked();
    }

    std::size_t reclaim() {
        std::lock_guard lock(writer_mu_);
        return collect_locked();
    }

    void synchronize() {
        if (in_read_section<F>()) {
            throw std::logic_error("RcuCell::synchronize() called inside a read guard: it would "
                                   "wait for itself");
        }
        // Everything retired before this call carries a tag below the epoch read here.
        const std::uint64_t boundary = domain<F>.epoch();
        for (;;) {
            {
                std::lock_guard lock(writer_mu_);
                collect_locked();
                if (retired_.empty() || retired_.front().tag >= boundary) {
                    return;
                }
            }
            std::this_thread::yield(); // a reader is still inside; let it run
        }
    }

    CellStats stats() const {
        CellStats s;
        // Reclaimed first, with acquire: the snapshot never shows more reclaimed than retired.
        s.reclaimed = reclaimed_.load(std::memory_order_acquire);
        s.retired = retired_count_.load(std::memory_order_relaxed);
        s.published = published_.load(std::memory_order_relaxed);
        s.grace_period = domain<F>.epoch();
        s.readers_blocking = blocking_.load(std::memory_order_relaxed);
        return s;
    }

private:
    struct Retired {
        T* value;
        std::uint64_t tag;
    };

    void install_locked(std::unique_ptr<T> next) {
        retired_.reserve(retired_.size() + 1); // no allocation failure after the swap
        T* old = current_.exchange(next.release(), std::memory_order_seq_cst);
        const std::uint64_t tag = domain<F>.advance();
        retired_.push_back({old, tag});
        published_.fetch_add(1, std::memory_order_relaxed);
        retired_count_.fetch_add(1, std::memory_order_relaxed);
    }

    /// Frees every retired value older than all active announcements; returns how many.
    std::size_t collect_locked() {
        if (retired_.empty()) {
            blocking_.store(0, std::memory_order_relaxed);
            return 0;
        }
        const ScanResult scan = domain<F>.scan(retired_.back().tag);
        // Tags ascend: they come from one counter advanced under this cell's writer lock.
        std::size_t n = 0;
        while (n < retired_.size() && retired_[n].tag < scan.min_active) {
            delete retired_[n].value;
            ++n;
        }
        retired_.erase(retired_.begin(), retired_.begin() + static_cast<std::ptrdiff_t>(n));
        reclaimed_.fetch_add(n, std::memory_order_release);
        blocking_.store(retired_.empty() ? 0 : scan.at_or_before_newest, std::memory_order_relaxed);
        return n;
    }

    alignas(64) std::atomic<T*> current_;
    alignas(64) std::mutex writer_mu_;
    std::vector<Retired> retired_;
    std::atomic<std::uint64_t> published_{0};
    std::atomic<std::uint64_t> retired_count_{0};
    std::atomic<std::uint64_t> reclaimed_{0};
    std::atomic<std::uint64_t> blocking_{0};
};

} // namespace wn::rcu::detail

namespace wn::rcu {

/// Epoch/grace-period reclamation with the given reader protocol (see epoch_domain.h).
template <ReaderFence F> struct BasicEpochReclaimer {
    static constexpr ReaderFence fence = F;
    template <class T> using Engine = detail::EpochEngine<T, F>;
};

/// The default: near-zero read cost, membarrier on the writer when the kernel offers it.
using EpochReclaimer = BasicEpochReclaimer<ReaderFence::asymmetric>;

/// Pure C++ memory model: a seq_cst store per outermost read, no OS help.
using SeqCstEpochReclaimer = BasicEpochReclaimer<ReaderFence::seq_cst>;

} // namespace wn::rcu
