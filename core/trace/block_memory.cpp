#include "trace/block_memory.h"

#include <cstdint>
#include <new>

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <sys/mman.h>
#define WN_HUGE_BLOCKS 1
#endif

namespace wn::block_memory {
namespace {

bool huge_sized(std::size_t bytes) {
    return bytes >= kHugePage && bytes % kHugePage == 0;
}

} // namespace

void* allocate(std::size_t bytes) {
#if defined(WN_HUGE_BLOCKS)
    if (huge_sized(bytes)) {
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
        munmap(p, bytes);
        return;
    }
#endif
    ::operator delete(p);
}

} // namespace wn::block_memory
