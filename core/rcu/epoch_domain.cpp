#include "rcu/epoch_domain.h"

#include <algorithm>
#include <cstdlib>

#if defined(__linux__)
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#if defined(__SANITIZE_THREAD__)
#define WN_RCU_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define WN_RCU_TSAN 1
#endif
#endif

namespace wn::rcu::detail {
namespace {

#if defined(__linux__) && defined(__NR_membarrier)
long membarrier(int cmd) {
    return syscall(__NR_membarrier, cmd, 0, 0);
}

/// Returns true if this process may use MEMBARRIER_CMD_PRIVATE_EXPEDITED from now on.
bool register_membarrier() {
#if defined(WN_RCU_TSAN)
    return false; // TSan cannot see the syscall's ordering; keep it on the seq_cst protocol.
#else
    if (std::getenv("WN_RCU_NO_MEMBARRIER") != nullptr) {
        return false; // lets a user measure or debug the portable protocol
    }
    const long supported = membarrier(MEMBARRIER_CMD_QUERY);
    if (supported < 0 || (supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0) {
        return false;
    }
    return membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
#endif
}

void heavy_barrier() {
    if (membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0) {
        // Registration succeeded, so failure here means the kernel broke its contract; carrying
        // on would free values that readers still hold.
        std::abort();
    }
}
#else
bool register_membarrier() {
    return false;
}
void heavy_barrier() {
}
#endif

/// Releases the calling thread's slots when it exits, so that a dead thread never holds back
/// reclamation and its slot can be reused. One entry per ReaderFence.
struct ThreadSlots {
    ReaderSlot* slots[2] = {nullptr, nullptr};
    ThreadSlots() = default;
    ThreadSlots(const ThreadSlots&) = delete;
    ThreadSlots& operator=(const ThreadSlots&) = delete;
    ~ThreadSlots() {
        // Forget the slots first: once released another thread may claim them, and this thread
        // must not keep announcing through them (e.g. from a later thread_local destructor).
        tls_fast_slot<ReaderFence::asymmetric> = &slow_path_slot;
        tls_fast_slot<ReaderFence::seq_cst> = &slow_path_slot;
        tls_slot<ReaderFence::asymmetric> = nullptr;
        tls_slot<ReaderFence::seq_cst> = nullptr;
        for (ReaderSlot* slot : slots) {
            if (slot != nullptr) {
                slot->nested_guards = 0;
                slot->nested_announced.store(0, std::memory_order_release);
                slot->announced.store(0, std::memory_order_release);
                slot->in_use.store(false, std::memory_order_release);
            }
        }
    }
};

thread_local ThreadSlots thread_slots;

} // namespace

bool EpochDomain::asymmetric_active() {
    int mode = mode_.load(std::memory_order_acquire);
    if (mode == 0) {
        const int decided = requested_ == ReaderFence::asymmetric && register_membarrier() ? 2 : 1;
        // Several threads may race to decide; they all compute the same answer, and registering
        // membarrier twice is harmless.
        int expected = 0;
        mode_.compare_exchange_strong(expected, decided, std::memory_order_acq_rel);
        mode = mode_.load(std::memory_order_acquire);
    }
    return mode == 2;
}

ReaderSlot* EpochDomain::register_current_thread(ReaderSlot*& tls_slot,
                                                 ReaderSlot*& tls_fast_slot) {
    const bool asymmetric = asymmetric_active();
    ReaderSlot* slot = nullptr;
    for (ReaderSlot* s = slots_.load(std::memory_order_acquire); s != nullptr; s = s->next) {
        bool expected = false;
        if (!s->in_use.load(std::memory_order_relaxed) &&
            s->in_use.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) {
            slot = s;
            break;
        }
    }
    if (slot == nullptr) {
        // Never freed: a writer may be walking the list at any time, and the number of slots is
        // bounded by the peak number of concurrent reader threads.
        slot = new ReaderSlot;
        slot->in_use.store(true, std::memory_order_relaxed);
        ReaderSlot* head = slots_.load(std::memory_order_relaxed);
        do {
            slot->next = head;
        } while (!slots_.compare_exchange_weak(head, slot, std::memory_order_seq_cst,
                                               std::memory_order_relaxed));
        slot_count_.fetch_add(1, std::memory_order_relaxed);
    }
    slot->nested_guards = 0;
    thread_slots.slots[requested_ == ReaderFence::asymmetric ? 0 : 1] = slot;
    tls_slot = slot;
    if (asymmetric) {
        tls_fast_slot = slot;
    }
    return slot;
}

ScanResult EpochDomain::scan(std::uint64_t newest_tag) {
    if (asymmetric_active()) {
        heavy_barrier();
    }
    ScanResult result;
    for (ReaderSlot* s = slots_.load(std::memory_order_seq_cst); s != nullptr; s = s->next) {
        // `announced` first: see exit_read().
        const std::uint64_t outer = s->announced.load(std::memory_order_seq_cst);
        const std::uint64_t nested = s->nested_announced.load(std::memory_order_seq_cst);
        const std::uint64_t a =
            std::min(outer == 0 ? UINT64_MAX : outer, nested == 0 ? UINT64_MAX : nested);
        if (a == UINT64_MAX) {
            continue;
        }
        result.min_active = std::min(result.min_active, a);
        if (a <= newest_tag) {
            ++result.at_or_before_newest;
        }
    }
    return result;
}

} // namespace wn::rcu::detail
