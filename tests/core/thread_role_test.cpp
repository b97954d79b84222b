// A thread's name and priority are its own: setting them on a worker leaves the thread that
// started it as it was.

#include "platform/thread_role.h"

#include <gtest/gtest.h>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace wn {
namespace {

std::string this_thread_name() {
    char name[16] = {};
    pthread_getname_np(pthread_self(), name, sizeof name);
    return name;
}

int this_thread_nice() {
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

int this_thread_policy() {
    int policy = -1;
    sched_param param{};
    pthread_getschedparam(pthread_self(), &policy, &param);
    return policy;
}

TEST(ThreadRole, ANameOverFifteenCharactersIsCutThereAndStaysTheWorkers) {
    const std::string before = this_thread_name();
    std::string seen;
    std::thread([&] {
        name_this_thread("wn-a-rather-long-name");
        seen = this_thread_name();
    }).join();
    EXPECT_EQ(seen, "wn-a-rather-lon");
    EXPECT_EQ(this_thread_name(), before);
}

TEST(ThreadRole, ALoweredThreadRunsAtItsNicenessAndTheOthersKeepTheirs) {
    const int before = this_thread_nice();
    ASSERT_LT(before, 7) << "the test needs room below the main thread's priority";
    int lowered = -100, unchanged = -100;
    std::thread([&] {
        lower_this_thread(7);
        lowered = this_thread_nice();
    }).join();
    std::thread([&] {
        lower_this_thread(0); // not a lowering: left as started
        unchanged = this_thread_nice();
    }).join();
    EXPECT_EQ(lowered, 7);
    EXPECT_EQ(unchanged, before);
    EXPECT_EQ(this_thread_nice(), before);
}

TEST(ThreadRole, AnIdleThreadTakesTheIdlePolicyAndTheOthersKeepTheirs) {
    const int before = this_thread_policy();
    ASSERT_NE(before, SCHED_IDLE);
    int policy = -1;
    std::thread([&] {
        idle_this_thread();
        policy = this_thread_policy();
    }).join();
    EXPECT_EQ(policy, SCHED_IDLE);
    EXPECT_EQ(this_thread_policy(), before);
}

} // namespace
} // namespace wn
#endif
