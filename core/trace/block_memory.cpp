#include "trace/block_memory.h"

#include "platform/thread_role.h"

#include <condition_variable>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <new>
#include <thread>
#include <utility>
#include <vector>

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <sys/mman.h>
#define WN_HUGE_BLOCKS 1
#endif

namespace wn::block_memory {
namespace {

bool huge_sized(std::size_t bytes) {
    return bytes >= kHugePage && bytes % kHugePage == 0;
}

#if defined(WN_HUGE_BLOCKS)
struct Pool {
    std::mutex mutex;
    std::vector<std::pair<void*, std::size_t>> blocks; // (address, bytes), newest last
    std::size_t bytes = 0;
    // Keeping blocks ready (keep_ready): of which size, and the filler's state.
    bool keep_ready = false;
    std::size_t ready_size = 0; // 0: no block allocated yet
    bool filler_started = false;
    std::condition_variable changed;
};

// Never destroyed: a static log released after it at exit would find it gone.
Pool& pool() {
    static Pool* const p = new Pool;
    return *p;
}

std::size_t ready_locked(const Pool& p) {
    std::size_t n = 0;
    for (const auto& [block, bytes] : p.blocks)
        n += bytes == p.ready_size ? 1 : 0;
    return n;
}

bool wants_block_locked(const Pool& p) {
    // Not bounded by kPoolCap: a pool full of released blocks of another size still gets
    // its few ready ones.
    return p.keep_ready && p.ready_size > 0 && ready_locked(p) < kReadyBlocks;
}

void* fresh_block(std::size_t bytes) {
    // Over-map by one huge page and trim both ends: mmap only promises page alignment.
    const std::size_t mapped = bytes + kHugePage;
    void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
    if (aligned > start)
        munmap(raw, aligned - start);
    if (const std::uintptr_t tail = start + mapped - (aligned + bytes); tail > 0)
        munmap(reinterpret_cast<void*>(aligned + bytes), tail);
    void* p = reinterpret_cast<void*>(aligned);
    madvise(p, bytes, MADV_HUGEPAGE); // advice: declined, the pages are just small
    return p;
}

/// The filler: faults blocks in ahead of the runs that will write them, below the priority of
/// the window's threads, so the zeroing happens while a core is free rather than inside a
/// frame.
void fill() {
    name_this_thread("wn-block-fill");
    idle_this_thread();
    Pool& p = pool();
    std::unique_lock lock(p.mutex);
    for (;;) {
        p.changed.wait(lock, [&] { return wants_block_locked(p); });
        const std::size_t bytes = p.ready_size;
        lock.unlock();
        void* block = nullptr;
        try {
            block = fresh_block(bytes);
            for (std::size_t i = 0; i < bytes; i += 4096)
                static_cast<volatile char*>(block)[i] = 0;
        } catch (const std::bad_alloc&) {
            // Out of memory: the runs allocate as they would without a filler.
        }
        lock.lock();
        if (!block) {
            p.keep_ready = false;
        } else {
            // Oldest first: a block released last (warm in the cache) is still taken first.
            p.blocks.emplace(p.blocks.begin(), block, bytes);
            p.bytes += bytes;
        }
        p.changed.notify_all();
    }
}

/// After an allocation of `bytes`: the filler tops the ready blocks up.
void top_up(std::size_t bytes) {
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    if (!p.keep_ready)
        return;
    p.ready_size = bytes;
    if (!p.filler_started) {
        p.filler_started = true;
        std::thread(fill).detach(); // lives as long as the process, like the pool
    }
    p.changed.notify_all();
}

thread_local bool t_background = false;

void* take_pooled(std::size_t bytes) {
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    if (t_background && p.keep_ready && bytes == p.ready_size && ready_locked(p) <= kReadyBlocks)
        return nullptr;
    for (auto it = p.blocks.rbegin(); it != p.blocks.rend(); ++it) {
        if (it->second != bytes)
            continue;
        void* block = it->first;
        p.blocks.erase(std::next(it).base());
        p.bytes -= bytes;
        return block;
    }
    return nullptr;
}

bool pool_block(void* block, std::size_t bytes) {
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    if (p.bytes + bytes > kPoolCap)
        return false;
    p.blocks.emplace_back(block, bytes);
    p.bytes += bytes;
    return true;
}
#endif

} // namespace

void keep_ready(bool on) {
#if defined(WN_HUGE_BLOCKS)
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    p.keep_ready = on;
    p.changed.notify_all();
#else
    (void)on;
#endif
}

void set_background_thread() {
#if defined(WN_HUGE_BLOCKS)
    t_background = true;
#endif
}

void wait_ready() {
#if defined(WN_HUGE_BLOCKS)
    Pool& p = pool();
    std::unique_lock lock(p.mutex);
    p.changed.wait(lock, [&] { return !wants_block_locked(p) || !p.filler_started; });
#endif
}

void* allocate(std::size_t bytes) {
#if defined(WN_HUGE_BLOCKS)
    if (huge_sized(bytes)) {
        void* block = take_pooled(bytes);
        if (!block)
            block = fresh_block(bytes);
        top_up(bytes);
        return block;
    }
#endif
    return ::operator new(bytes);
}

void release(void* p, std::size_t bytes) noexcept {
    if (!p)
        return;
#if defined(WN_HUGE_BLOCKS)
    if (huge_sized(bytes)) {
        if (!pool_block(p, bytes))
            munmap(p, bytes);
        return;
    }
#endif
    ::operator delete(p);
}

std::size_t pooled_bytes() {
#if defined(WN_HUGE_BLOCKS)
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    return p.bytes;
#else
    return 0;
#endif
}

} // namespace wn::block_memory
