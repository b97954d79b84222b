// Coroutine frames freed on another thread than the one that allocated them (a comparison's
// second pane, a seek's background run, both destroyed on the window's thread): the freeing
// thread's pool keeps what it can reuse, and no more than its cap, so memory stays bounded
// however often the runs are rebuilt.

#include "sim/task.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <thread>
#include <vector>

namespace wn {
namespace {

using detail::FramePool;

TEST(FramePool, KeepsFramesFreedFromAnotherThreadOnlyUpToItsCap) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer builds take every frame from the heap";
#endif
    constexpr std::size_t kSize = 200;
    std::vector<void*> frames(FramePool::kMaxKept + 100);
    std::thread([&] {
        for (void*& f : frames)
            f = FramePool::allocate(kSize);
    }).join();
    // A fresh thread, as the window's is to the frames of a run another thread built.
    std::size_t after_ten = 0, after_all = 0;
    std::thread([&] {
        for (std::size_t i = 0; i < 10; ++i)
            FramePool::release(frames[i], kSize);
        after_ten = FramePool::kept(kSize);
        for (std::size_t i = 10; i < frames.size(); ++i)
            FramePool::release(frames[i], kSize);
        after_all = FramePool::kept(kSize);
    }).join();
    EXPECT_EQ(after_ten, 10u) << "frames under the cap are kept for reuse";
    EXPECT_EQ(after_all, FramePool::kMaxKept) << "the rest went back to the heap";
}

} // namespace
} // namespace wn
