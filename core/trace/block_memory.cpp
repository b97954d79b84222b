#include "trace/block_memory.h"

#include <cstdint>
#include <iterator>
#include <mutex>
#include <new>
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
};

// Never destroyed: a static log released after it at exit would find it gone.
Pool& pool() {
    static Pool* const p = new Pool;
    return *p;
}

void* take_pooled(std::size_t bytes) {
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
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

void* allocate(std::size_t bytes) {
#if defined(WN_HUGE_BLOCKS)
    if (huge_sized(bytes)) {
        if (void* pooled = take_pooled(bytes))
            return pooled;
        // Over-map by one huge page and trim both ends: mmap only promises page alignment.
        const std::size_t mapped = bytes + kHugePage;
        void* raw =
            mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
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
