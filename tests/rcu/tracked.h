#pragma once

// A value type that records its own lifetime, so tests can prove that every value is destroyed
// exactly once and never while a reader can still see it.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>

#include <gtest/gtest.h>

#include "rcu/rcu_cell.h"

namespace wn::rcu::testing {

/// Lifetime bookkeeping shared by all Tracked values of one test.
class Lifetimes {
public:
    explicit Lifetimes(std::size_t max_ids)
        : destroyed_(std::make_unique<std::atomic<std::uint8_t>[]>(max_ids)), max_ids_(max_ids) {}

    void constructed() { constructed_.fetch_add(1, std::memory_order_relaxed); }
    void destroyed(std::uint64_t id) {
        destructions_.fetch_add(1, std::memory_order_relaxed);
        if (id >= max_ids_ || destroyed_[id].exchange(1, std::memory_order_relaxed) != 0) {
            double_or_bad_.fetch_add(1, std::memory_order_relaxed);
        }
    }

    /// Returns true if the value with this id has been destroyed.
    bool is_destroyed(std::uint64_t id) const {
        return destroyed_[id].load(std::memory_order_relaxed) != 0;
    }
    std::uint64_t constructions() const { return constructed_.load(std::memory_order_relaxed); }
    std::uint64_t destructions() const { return destructions_.load(std::memory_order_relaxed); }
    /// Returns the number of double destructions or ids out of range; must stay 0.
    std::uint64_t errors() const { return double_or_bad_.load(std::memory_order_relaxed); }

private:
    std::unique_ptr<std::atomic<std::uint8_t>[]> destroyed_;
    std::size_t max_ids_;
    std::atomic<std::uint64_t> constructed_{0};
    std::atomic<std::uint64_t> destructions_{0};
    std::atomic<std::uint64_t> double_or_bad_{0};
};

/// Immutable once published. The destructor poisons the fields so that a reader which reads a
/// reclaimed value fails its check even when no sanitizer is watching.
class Tracked {
public:
    static constexpr std::uint64_t kAlive = 0xA11FEA11FEA11FEull;
    static constexpr std::uint64_t kDead = 0xDEADDEADDEADDEADull;

    Tracked(std::uint64_t id, Lifetimes* lifetimes)
        : id_(id), check_(~id), canary_(kAlive), lifetimes_(lifetimes) {
        lifetimes_->constructed();
    }
    // Not copyable: every id must be constructed and destroyed exactly once.
    Tracked(const Tracked&) = delete;
    Tracked& operator=(const Tracked&) = delete;
    ~Tracked() {
        // Volatile so that the stores survive dead-store elimination before operator delete.
        *static_cast<volatile std::uint64_t*>(&canary_) = kDead;
        *static_cast<volatile std::uint64_t*>(&check_) = id_;
        lifetimes_->destroyed(id_);
    }

    std::uint64_t id() const { return id_; }
    /// Returns true if the value has not been destroyed and is internally consistent.
    bool intact() const { return canary_ == kAlive && check_ == ~id_; }

private:
    std::uint64_t id_;
    std::uint64_t check_;
    std::uint64_t canary_;
    Lifetimes* lifetimes_;
};

/// Every reclamation scheme, for typed test suites, with readable test names.
using Reclaimers = ::testing::Types<RefCountReclaimer, EpochReclaimer, SeqCstEpochReclaimer>;

struct ReclaimerNames {
    template <class R> static std::string GetName(int) {
        if constexpr (std::is_same_v<R, RefCountReclaimer>) {
            return "RefCount";
        } else if constexpr (std::is_same_v<R, EpochReclaimer>) {
            return "Epoch";
        } else {
            return "SeqCstEpoch";
        }
    }
};

} // namespace wn::rcu::testing
