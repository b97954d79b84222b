#pragma once

#if defined(__linux__)
#include <pthread.h>

#include <cstring>
#endif

namespace wn::ui {

/// Names the calling thread, so that `top -H`, perf and gdb tell the window's workers apart
/// instead of showing the program's name for each. Linux refuses a name over 15 characters,
/// so a longer one is cut there.
inline void name_this_thread(const char* name) {
#if defined(__linux__)
    char kept[16] = {};
    std::strncpy(kept, name, sizeof kept - 1);
    pthread_setname_np(pthread_self(), kept);
#else
    (void)name;
#endif
}

} // namespace wn::ui
