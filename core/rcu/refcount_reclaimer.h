#pragma once

// Reference-count reclamation: what CPython did for PyMongo's RSState, where a value dies when
// its last reference goes. Made lock-free with a split ("differential") count:
//
//  - The cell's word packs the current node's address (low 48 bits) with the number of guards
//    that borrowed it through the word (high 16 bits). A reader takes a guard with one
//    fetch_add on the word, so it can never see a node whose count it has not yet raised: the
//    load and the increment are the same atomic operation.
//  - A reader that leaves while the node is still current gives its borrow back with a CAS on
//    the word. If the node has been swapped out, the writer has taken (or will take) the whole
//    borrow count from the old word and moves it onto the node's own counter; the reader then
//    decrements that counter instead. Whoever brings the node's counter to zero frees it.
//
// The price compared with epochs: every read writes the cell's shared cache line twice, so
// readers on different cores contend. The benefit: a stalled reader pins only the value it
// holds, and values are freed the moment their last reader leaves.

#include "rcu/cell_stats.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

namespace wn::rcu::detail {

template <class T> class RefCountEngine {
    static_assert(sizeof(void*) == 8, "the split count packs a 48-bit address into 64 bits");

    struct Node {
        template <class... Args>
        explicit Node(std::in_place_t, Args&&... args) : value(std::forward<Args>(args)...) {}
        T value;
        /// Borrows transferred from the word by the writer minus borrows returned here. Starts
        /// at zero and may dip below it when readers return before the writer transfers.
        std::atomic<std::int64_t> transferred{0};
    };

    static constexpr unsigned kCountShift = 48;
    static constexpr std::uint64_t kOne = std::uint64_t{1} << kCountShift;
    static constexpr std::uint64_t kAddressMask = kOne - 1;

public:
    using Token = Node*;
    struct Read {
        Token token;
        const T* value;
    };

    /// The limit on guards open at once on one cell (the width of the packed count).
    static constexpr std::uint64_t kMaxConcurrentGuards = (std::uint64_t{1} << 16) - 1;

    template <class... Args> explicit RefCountEngine(std::in_place_t, Args&&... args) {
        auto node = std::make_unique<Node>(std::in_place, std::forward<Args>(args)...);
        word_.store(pack(node.get()), std::memory_order_release);
        node.release();
        published_.store(1, std::memory_order_relaxed);
    }

    RefCountEngine(const RefCountEngine&) = delete;
    RefCountEngine& operator=(const RefCountEngine&) = delete;

    /// Precondition: no guard on this cell is open. Values retired earlier are already freed
    /// or will be freed by their last reader, which does not touch the cell.
    ~RefCountEngine() { retire(word_.exchange(0, std::memory_order_acq_rel)); }

    /// Returns the current node with one borrow taken on it. acq_rel: acquire pairs with the
    /// publishing exchange so the value is fully visible; release keeps the increment from
    /// sinking below the reads it protects.
    Read enter() const {
        Node* node = address_of(word_.fetch_add(kOne, std::memory_order_acq_rel));
        return {node, &node->value};
    }

    void exit(Token node) const noexcept {
        std::uint64_t word = word_.load(std::memory_order_relaxed);
        // No ABA: the node cannot be freed (and its address reused) while we hold a borrow.
        while (address_of(word) == node) {
            if (word_.compare_exchange_weak(word, word - kOne, std::memory_order_acq_rel,
                                            std::memory_order_relaxed)) {
                return;
            }
        }
        blocking_.fetch_sub(1, std::memory_order_relaxed);
        if (node->transferred.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            destroy(node);
        }
    }

    template <class... Args> void emplace(Args&&... args) {
        auto next = std::make_unique<Node>(std::in_place, std::forward<Args>(args)...);
        std::lock_guard lock(writer_mu_);
        install_locked(std::move(next));
    }

    template <class Fn> void update(Fn&& make_next) {
        std::lock_guard lock(writer_mu_);
        // Safe without a borrow: the cell's own reference is only dropped by a writer.
        const T& current = address_of(word_.load(std::memory_order_acquire))->value;
        install_locked(std::make_unique<Node>(std::in_place, std::forward<Fn>(make_next)(current)));
    }

    /// Returns 0: nothing is ever deferred, the last reader frees a value as it leaves.
    std::size_t reclaim() { return 0; }

    /// Waits until no retired value is pending (a count cannot tell which values were retired
    /// before the call, so under continuous publication it may wait for later ones too). Must
    /// not be called while this thread holds a guard on the cell: it would wait for itself and
    /// this scheme cannot detect that.
    void synchronize() {
        while (reclaimed_.load(std::memory_order_acquire) <
               retired_.load(std::memory_order_acquire)) {
            std::this_thread::yield();
        }
    }

    CellStats stats() const {
        CellStats s;
        // Reclaimed first, with acquire: a value's retirement happens-before its reclamation,
        // so the snapshot never shows more reclaimed than retired.
        s.reclaimed = reclaimed_.load(std::memory_order_acquire);
        s.retired = retired_.load(std::memory_order_relaxed);
        s.published = published_.load(std::memory_order_relaxed);
        s.grace_period = s.published;
        const std::int64_t blocking = blocking_.load(std::memory_order_relaxed);
        s.readers_blocking = blocking > 0 ? static_cast<std::uint64_t>(blocking) : 0;
        return s;
    }

private:
    static Node* address_of(std::uint64_t word) noexcept {
        return reinterpret_cast<Node*>(static_cast<std::uintptr_t>(word & kAddressMask));
    }
    static std::uint64_t count_of(std::uint64_t word) noexcept { return word >> kCountShift; }

    /// Returns the word for `node` with no borrows; throws (leaving ownership with the caller)
    /// if the address does not fit in 48 bits.
    static std::uint64_t pack(const Node* node) {
        const auto bits = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(node));
        if ((bits & ~kAddressMask) != 0) {
            throw std::runtime_error("RcuCell<RefCountReclaimer>: heap address above 2^48");
        }
        return bits;
    }

    void install_locked(std::unique_ptr<Node> next) {
        const std::uint64_t word = pack(next.get());
        next.release();
        published_.fetch_add(1, std::memory_order_relaxed);
        // The one atomic swap that publishes; release makes the node's construction visible.
        retire(word_.exchange(word, std::memory_order_acq_rel));
    }

    /// Drops the cell's reference to the node in `old_word`, handing its borrows to the node.
    void retire(std::uint64_t old_word) {
        Node* old = address_of(old_word);
        if (old == nullptr) {
            return;
        }
        const auto borrowed = static_cast<std::int64_t>(count_of(old_word));
        retired_.fetch_add(1, std::memory_order_relaxed);
        blocking_.fetch_add(borrowed, std::memory_order_relaxed);
        if (old->transferred.fetch_add(borrowed, std::memory_order_acq_rel) + borrowed == 0) {
            destroy(old);
        }
    }

    void destroy(Node* node) const noexcept {
        delete node;
        reclaimed_.fetch_add(1, std::memory_order_release);
    }

    alignas(64) mutable std::atomic<std::uint64_t> word_{0};
    alignas(64) std::mutex writer_mu_;
    std::atomic<std::uint64_t> published_{0};
    std::atomic<std::uint64_t> retired_{0};
    mutable std::atomic<std::uint64_t> reclaimed_{0};
    mutable std::atomic<std::int64_t> blocking_{0};
};

} // namespace wn::rcu::detail

namespace wn::rcu {

/// Reference-count reclamation (see refcount_reclaimer.h).
struct RefCountReclaimer {
    template <class T> using Engine = detail::RefCountEngine<T>;
};

} // namespace wn::rcu
