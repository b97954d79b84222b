#include "ui/model/side_worker.h"

#include "platform/thread_role.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

namespace wn::ui {

SideWorker::~SideWorker() {
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void SideWorker::loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_stop || m_job; });
        if (!m_job)
            return; // stopping, nothing left to run
        const std::function<void()>* job = m_job;
        lock.unlock();
        std::exception_ptr error;
        try {
            (*job)();
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        m_error = error;
        m_job = nullptr;
        m_cv.notify_all();
    }
}

void SideWorker::start_thread() {
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] {
        name_this_thread(m_name);
        loop();
    });
#ifdef __linux__
    cpu_set_t cores; // a new thread starts on its creator's cores
    CPU_ZERO(&cores);
    if (pthread_getaffinity_np(m_thread.native_handle(), sizeof cores, &cores) == 0)
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &cores))
                m_cores.push_back(c);
#endif
}

void SideWorker::keep_off_cpu(int cpu) {
#ifdef __linux__
    start_thread();
    if (cpu == m_kept_off)
        return;
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    for (const int core : m_cores)
        if (core != cpu)
            CPU_SET(core, &allowed);
    if (CPU_COUNT(&allowed) == 0)
        return;
    if (pthread_setaffinity_np(m_thread.native_handle(), sizeof allowed, &allowed) == 0)
        m_kept_off = cpu;
#else
    (void)cpu;
#endif
}

void SideWorker::keep_off_callers_cpu() {
#ifdef __linux__
    keep_off_cpu(sched_getcpu());
#endif
}

void SideWorker::start(std::function<void()> job) {
    start_thread();
    {
        std::lock_guard lock(m_mutex);
        m_started = std::move(job);
        m_job = &m_started;
    }
    m_cv.notify_all();
}

void SideWorker::wait() {
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_job; });
    m_started = nullptr; // what it captured goes now, not at the next start()
    const std::exception_ptr error = std::exchange(m_error, nullptr);
    lock.unlock();
    if (error)
        std::rethrow_exception(error);
}

void SideWorker::run_both(const std::function<void()>& there, const std::function<void()>& here) {
    start_thread();
    {
        std::lock_guard lock(m_mutex);
        m_job = &there;
    }
    m_cv.notify_all();
    std::exception_ptr here_error;
    try {
        here();
    } catch (...) {
        here_error = std::current_exception();
    }
    // Wait for `there` even when `here` threw: it may still be using what the caller owns.
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_job; });
    const std::exception_ptr there_error = std::exchange(m_error, nullptr);
    lock.unlock();
    if (here_error)
        std::rethrow_exception(here_error);
    if (there_error)
        std::rethrow_exception(there_error);
}

} // namespace wn::ui
