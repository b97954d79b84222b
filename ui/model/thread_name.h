#pragma once

#if defined(__linux__)
#include <pthread.h>
#endif

namespace wn::ui {

/// Names the calling thread (Linux keeps the first 15 characters), so that `top -H`, perf
/// and gdb tell the window's workers apart instead of showing the program's name for each.
inline void name_this_thread(const char* name) {
#if defined(__linux__)
    pthread_setname_np(pthread_self(), name);
#else
    (void)name;
#endif
}

} // namespace wn::ui
