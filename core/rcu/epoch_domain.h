#pragma once

// The grace-period machinery shared by every epoch-reclaimed cell: a global epoch counter and
// one announcement slot per reader thread, in the style of liburcu and the kernel's RCU.
//
// Protocol. A reader entering its outermost critical section copies the global epoch into its
// slot ("announces") and only then loads the cell's pointer. A writer swaps the pointer, tags
// the old value with the epoch it read while advancing the counter, and later frees every value
// whose tag is older than every announcement it can see. A reader that announced epoch `a > t`
// read the counter after the advance that followed the swap, so it can only have loaded the
// new pointer; a reader whose slot the writer saw empty announces after the writer looked, so
// its pointer load also comes after the swap. Both arguments need the announcement store to be
// ordered before the reader's pointer load (store->load), which is the one expensive ordering.
//
// Two ways to pay for it:
//  - ReaderFence::seq_cst: the announcement is a seq_cst store and the writer's swap, counter
//    advance and slot loads are seq_cst too, so the single total order of seq_cst operations
//    gives the guarantee inside the C++ memory model (and ThreadSanitizer can follow it).
//  - ReaderFence::asymmetric: the announcement is a release store plus a compiler barrier, and
//    the writer issues membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) before reading the slots,
//    which executes a full barrier on every CPU running one of our threads. This is what
//    liburcu's "memb" flavour does; it moves the fence cost from every read to every scan. It
//    falls back to the seq_cst protocol when the kernel refuses membarrier and in
//    ThreadSanitizer builds (TSan does not model the syscall).

#include <atomic>
#include <cstdint>

namespace wn::rcu {

enum class ReaderFence {
    /// Reader pays a compiler barrier only; writers pay a membarrier syscall per scan.
    asymmetric,
    /// Reader pays a seq_cst store; pure C++ memory model, no OS help.
    seq_cst,
};

namespace detail {

/// One reader thread's announcement. Aligned to two cache lines so that readers never write a
/// line another reader writes, nor its neighbour, which x86's adjacent-line prefetcher fetches
/// as a pair.
struct alignas(128) ReaderSlot {
    /// The epoch announced by the thread's outermost guard; 0 when there is none.
    std::atomic<std::uint64_t> announced{0};
    /// While nested guards are open: the epoch they are protected by (the outermost guard's
    /// at the time the first of them opened); else 0. A second word so that the outermost
    /// guard can close with one store, without looking at what is nested inside it.
    std::atomic<std::uint64_t> nested_announced{0};
    /// Nested guards open on this thread. Only the owning thread touches it.
    std::uint32_t nested_guards = 0;
    /// Set while a live thread owns the slot; slots are reused, never freed.
    std::atomic<bool> in_use{false};
    /// Next slot in the registry; immutable once the slot is linked.
    ReaderSlot* next = nullptr;
};

/// Result of one reclamation scan over all reader slots.
struct ScanResult {
    /// Smallest epoch announced by a reader inside a critical section, or UINT64_MAX if none.
    std::uint64_t min_active = UINT64_MAX;
    /// Readers whose announcement is <= the `newest_tag` passed to scan().
    std::uint64_t at_or_before_newest = 0;
};

class EpochDomain {
public:
    explicit constexpr EpochDomain(ReaderFence requested) noexcept : requested_(requested) {}
    EpochDomain(const EpochDomain&) = delete;
    EpochDomain& operator=(const EpochDomain&) = delete;

    /// Returns the calling thread's slot, claiming (or creating) one on first use and arranging
    /// for it to be released when the thread exits. Stores it in `tls_slot`, and also in
    /// `tls_fast_slot` when the thread may announce with the asymmetric protocol. Out of line
    /// because it runs once per thread.
    ReaderSlot* register_current_thread(ReaderSlot*& tls_slot, ReaderSlot*& tls_fast_slot);

    /// Returns the current epoch. Acquire so that a reader that sees an advance also sees the
    /// pointer swap that preceded it.
    [[nodiscard]] std::uint64_t epoch() const noexcept {
        return epoch_.load(std::memory_order_acquire);
    }

    /// Advances the epoch and returns the value before the advance: the tag for a value that
    /// was swapped out just before this call. seq_cst: it participates in the store->load
    /// argument above.
    std::uint64_t advance() noexcept { return epoch_.fetch_add(1, std::memory_order_seq_cst); }

    /// Issues the writer-side barrier (membarrier in asymmetric mode) and reads every slot.
    /// `newest_tag` only feeds the `at_or_before_newest` statistic.
    ScanResult scan(std::uint64_t newest_tag);

    /// Returns true if readers of this domain announce with the asymmetric protocol, i.e. the
    /// kernel accepted membarrier registration and this is not a ThreadSanitizer build.
    bool asymmetric_active();

    /// Returns the number of reader slots ever created (threads that have read concurrently).
    [[nodiscard]] std::uint64_t slot_count() const noexcept {
        return slot_count_.load(std::memory_order_relaxed);
    }

private:
    const ReaderFence requested_;
    /// 0 = undecided, 1 = seq_cst protocol, 2 = asymmetric protocol.
    std::atomic<int> mode_{0};
    alignas(64) std::atomic<std::uint64_t> epoch_{1};
    alignas(64) std::atomic<ReaderSlot*> slots_{nullptr};
    std::atomic<std::uint64_t> slot_count_{0};
};

/// One domain per protocol so that a writer never has to consider readers that announce with
/// a weaker protocol than its own barrier covers.
template <ReaderFence F> inline constinit EpochDomain domain{F};

/// What exit_read() needs: the thread's slot, and whether this guard made the outermost
/// announcement (which it then clears with one store) or is nested.
struct ReadToken {
    ReaderSlot* slot;
    bool outermost;
};

/// What tls_fast_slot points at until the thread may use the fast path: a slot that looks
/// busy, so that the fast path's one test sends the read to the slow path. Never written, and
/// not in any registry, so no writer ever sees it.
inline constinit ReaderSlot slow_path_slot{UINT64_MAX};

/// The calling thread's slot in domain<F>, whatever its protocol; null until its first read.
/// Trivially constructed and destroyed so that access is a plain TLS load with no init guard.
template <ReaderFence F> inline thread_local constinit ReaderSlot* tls_slot = nullptr;

/// The same slot when the thread announces with the asymmetric protocol, else
/// &slow_path_slot. Lets the fast path test one loaded word for "registered, asymmetric and
/// not nested".
template <ReaderFence F> inline thread_local constinit ReaderSlot* tls_fast_slot = &slow_path_slot;

/// Everything but the asymmetric outermost read: nested reads, the thread's first read (which
/// registers it) and every read of a thread on the seq_cst protocol.
template <ReaderFence F> ReadToken enter_read_slow() {
    ReaderSlot* slot = tls_slot<F>;
    if (slot == nullptr) [[unlikely]] {
        slot = domain<F>.register_current_thread(tls_slot<F>, tls_fast_slot<F>);
    }
    const std::uint64_t outer = slot->announced.load(std::memory_order_relaxed);
    if (outer == 0) {
        // seq_cst even for an asymmetric slot's first read: stronger than it needs, and once.
        slot->announced.store(domain<F>.epoch(), std::memory_order_seq_cst);
        return {slot, true};
    }
    // The outermost guard protects us now; copying its epoch keeps us protected after it
    // closes. An older copy from guards still open is at least as safe.
    if (slot->nested_guards++ == 0) {
        slot->nested_announced.store(outer, std::memory_order_relaxed);
    }
    return {slot, false};
}

/// Enters a read-side critical section of domain<F>; the token goes to exit_read(). Guards
/// nest and may close in any order: a nested guard is protected by the epoch of the outermost
/// one that was open when it started, which only delays reclamation a little.
template <ReaderFence F> inline ReadToken enter_read() {
    ReaderSlot* slot = tls_fast_slot<F>;
    if (slot->announced.load(std::memory_order_relaxed) == 0) [[likely]] {
        // The writer's membarrier supplies the store->load fence; we only stop the compiler
        // from hoisting the pointer load above the announcement.
        slot->announced.store(domain<F>.epoch(), std::memory_order_release);
        std::atomic_signal_fence(std::memory_order_seq_cst);
        return {slot, true};
    }
    return enter_read_slow<F>();
}

/// Leaves a critical section entered with enter_read(). Release: every read of the protected
/// value happens-before a writer that sees the announcement cleared and frees it. A writer
/// loads `announced` before `nested_announced`, so one that sees the outermost guard gone
/// also sees the copy that nested guards made while it was open.
inline void exit_read(ReadToken token) noexcept {
    ReaderSlot* slot = token.slot;
    if (token.outermost) [[likely]] {
        slot->announced.store(0, std::memory_order_release);
    } else if (--slot->nested_guards == 0) {
        slot->nested_announced.store(0, std::memory_order_release);
    }
}

/// Returns true if the calling thread is inside a critical section of domain<F>; used to reject
/// synchronize() calls that would wait for themselves.
template <ReaderFence F> inline bool in_read_section() noexcept {
    const ReaderSlot* slot = tls_slot<F>;
    return slot != nullptr &&
           (slot->announced.load(std::memory_order_relaxed) != 0 || slot->nested_guards != 0);
}

} // namespace detail
} // namespace wn::rcu
