#pragma once

#include <cstddef>

namespace wn {

/// Memory for BlockLog's blocks. A block is 2 MB, written once front to back: with 4 kB pages
/// its first touch costs 512 page faults, 6.4 ms a block on the 2-core VM we measure on
/// (0.24 ms as one huge page), paid by whichever frame fills the block before it. Blocks of
/// a whole number of huge pages are therefore mapped aligned to them and offered to the
/// kernel as transparent huge pages; where it declines (or off Linux) they are ordinary
/// memory.
namespace block_memory {

/// The huge page size blocks are aligned to where that is worth it.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

/// How much released huge-page memory is kept for the next allocations instead of being
/// returned to the kernel. Every click or seek that starts a new branch frees the whole runs
/// of the old one (up to 256 MB a pane) and builds new ones of the same size at once: fresh
/// memory costs a fault and the zeroing of every page (4 ms a block on the VM we measure on
/// when the host must back it anew), reused memory neither.
constexpr std::size_t kPoolCap = std::size_t{512} << 20;

/// With keep_ready(true), this many blocks of the size last allocated are kept in the pool,
/// their memory already backed: a thread of its own (at a low priority) faults them in.
constexpr std::size_t kReadyBlocks = 4;

/// Whether blocks are kept ready. A window's runs fill a new block every few frames at
/// 1000 threads and 100x until their traces reach their cap; fresh, each cost its frame 4 ms
/// of zeroing on the VM we measure on. Off by default: the engine alone needs no thread.
void keep_ready(bool on);
/// Blocks until the ready blocks are there (or keeping them is off): tests.
void wait_ready();
/// Marks the calling thread as background work, off the frames' path: it leaves the
/// ready blocks to the others and takes fresh memory instead (which it may well wait for).
void set_background_thread();

/// `bytes` of uninitialised memory; released with release(p, bytes). Throws std::bad_alloc.
void* allocate(std::size_t bytes);
void release(void* p, std::size_t bytes) noexcept;
/// Bytes released and kept for reuse: at most kPoolCap, plus the ready blocks.
std::size_t pooled_bytes();

} // namespace block_memory
} // namespace wn
