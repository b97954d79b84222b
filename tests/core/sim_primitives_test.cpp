#include "sim/rng.h"
#include "sim/scheduler.h"
#include "sim/sha256.h"
#include "sim/sync.h"
#include "sim/task.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace wn {
namespace {

TEST(Rng, SameSeedSameSequenceOtherSeedOther) {
    Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_NE(x, c.next());
    }
}

TEST(Rng, ExponentialHasTheRequestedMean) {
    Rng rng(7);
    double sum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i)
        sum += rng.exponential(5.0);
    EXPECT_NEAR(sum / n, 5.0, 0.1);
}

TEST(Sha256, MatchesPublishedVectors) {
    Sha256 empty;
    EXPECT_EQ(empty.hex_digest(),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Sha256 abc;
    abc.update("abc", 3);
    EXPECT_EQ(abc.hex_digest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Split across block boundaries, fed in odd pieces.
    const std::string text(1000, 'a');
    Sha256 whole, pieces;
    whole.update(text.data(), text.size());
    for (std::size_t i = 0; i < text.size(); i += 7)
        pieces.update(text.data() + i, std::min<std::size_t>(7, text.size() - i));
    const std::string digest = whole.hex_digest(); // finishes the hash: ask once
    EXPECT_EQ(digest, pieces.hex_digest());
    EXPECT_EQ(digest, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

Task<void> sleeper(Scheduler& s, std::vector<std::string>& log, std::string name, SimTime d) {
    co_await s.sleep(d);
    log.push_back(name + "@" + std::to_string(s.now()));
}

TEST(Scheduler, RunsInTimeThenInsertionOrder) {
    Scheduler s;
    std::vector<std::string> log;
    auto a = sleeper(s, log, "a", 20);
    auto b = sleeper(s, log, "b", 10);
    auto c = sleeper(s, log, "c", 10);
    for (auto* t : {&a, &b, &c})
        s.resume_at(0, t->handle());
    while (!s.empty())
        s.run_one();
    EXPECT_EQ(log, (std::vector<std::string>{"b@10", "c@10", "a@20"}));
}

Task<void> waiter(SimEvent& ev, SimTime timeout, int& result) {
    result = (co_await ev.wait(timeout)) ? 1 : 0;
}

TEST(SimEvent, WaitEndsOnSetOrTimeout) {
    Scheduler s;
    SimEvent ev(s);
    int woken = -1, timed_out = -1;
    auto a = waiter(ev, 100, woken);
    auto b = waiter(ev, 10, timed_out);
    s.resume_at(0, a.handle());
    s.resume_at(0, b.handle());
    s.call_at(50, [&] { ev.set(); });
    while (!s.empty())
        s.run_one();
    EXPECT_EQ(woken, 1);
    EXPECT_EQ(timed_out, 0);
    EXPECT_EQ(s.now(), 100); // the expired timer of `a` still fires, harmlessly
}

Task<void> locker(Scheduler& s, SimMutex& m, std::vector<int>& order, int id) {
    co_await m.lock();
    order.push_back(id);
    co_await s.sleep(5);
    m.unlock();
}

TEST(SimMutex, HandsTheLockOverInArrivalOrder) {
    Scheduler s;
    SimMutex m(s);
    std::vector<int> order;
    std::vector<Task<void>> tasks;
    for (int i = 0; i < 4; ++i) {
        tasks.push_back(locker(s, m, order, i));
        s.resume_at(i, tasks.back().handle());
    }
    while (!s.empty())
        s.run_one();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(s.now(), 20);
    EXPECT_FALSE(m.locked());
}

Task<void> rw_user(Scheduler& s, SimRwLock& l, std::vector<std::string>& log, std::string name,
                   bool writer) {
    if (writer)
        co_await l.lock();
    else
        co_await l.lock_shared();
    log.push_back(name + "@" + std::to_string(s.now()));
    co_await s.sleep(10);
    if (writer)
        l.unlock();
    else
        l.unlock_shared();
}

TEST(SimRwLock, ReadersShareAndAWaitingWriterHoldsBackNewReaders) {
    Scheduler s;
    SimRwLock l(s);
    std::vector<std::string> log;
    auto r1 = rw_user(s, l, log, "r1", false);
    auto r2 = rw_user(s, l, log, "r2", false);
    auto w = rw_user(s, l, log, "w", true);
    auto r3 = rw_user(s, l, log, "r3", false);
    s.resume_at(0, r1.handle());
    s.resume_at(0, r2.handle());
    s.resume_at(1, w.handle());
    s.resume_at(2, r3.handle());
    while (!s.empty())
        s.run_one();
    EXPECT_EQ(log, (std::vector<std::string>{"r1@0", "r2@0", "w@10", "r3@20"}));
}

} // namespace
} // namespace wn
