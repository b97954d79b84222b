#include "platform/thread_role.h"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#endif

namespace wn {

void name_this_thread([[maybe_unused]] const char* name) {
#if defined(__linux__)
    char kept[16] = {};
    std::strncpy(kept, name, sizeof kept - 1);
    pthread_setname_np(pthread_self(), kept);
#endif
}

void lower_this_thread([[maybe_unused]] int nice) {
#if defined(__linux__)
    // Niceness is per thread on Linux (PRIO_PROCESS with a thread id); lowering one's own
    // needs no privilege.
    if (nice > 0 && nice < 20)
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), nice);
#endif
}

void idle_this_thread() {
#if defined(__linux__)
    const sched_param none{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
#endif
}

} // namespace wn
