#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace wn::ui {

/// One persistent thread that runs a job while the caller runs another, so that two pieces
/// of independent work (the panes of a comparison) take the time of the longer one on a
/// machine with two cores. The thread starts on the first run_both() and lives as long as
/// this object; a thread per call would cost more than a short job saves.
class SideWorker {
public:
    /// `name` names the thread (what `top -H`, perf and gdb show; 15 characters kept). It is
    /// kept as given, not copied: a string literal.
    explicit SideWorker(const char* name = "wn-worker") : m_name(name) {}
    ~SideWorker();
    SideWorker(const SideWorker&) = delete;
    SideWorker& operator=(const SideWorker&) = delete;

    /// Runs `there` on the worker thread and `here` on the calling thread, and returns once
    /// both have returned: whatever `there` wrote is then visible to the caller. An exception
    /// from either is rethrown here (`here`'s first).
    void run_both(const std::function<void()>& there, const std::function<void()>& here);
    /// Starts `job` on the worker thread and returns at once; wait() returns once it has.
    /// Only one job at a time: call wait() before the next start() or run_both().
    void start(std::function<void()> job);
    /// Returns once the job start() began has returned (at once if none), rethrowing its
    /// exception; whatever it wrote is then visible to the caller.
    void wait();
    /// Keeps the worker thread off core `cpu` from its next wake-up on, on the other cores it
    /// started with (Linux; nothing where that would leave it none; -1 gives them all back).
    /// A worker woken while the caller paints otherwise often lands on the caller's own
    /// core, the one it last ran on, and takes it from the caller.
    void keep_off_cpu(int cpu);
    /// keep_off_cpu() with the core the calling thread runs on now.
    void keep_off_callers_cpu();
    /// The worker thread's id (a default id before the first job).
    std::thread::id id() const { return m_thread.get_id(); }

private:
    void loop();
    void start_thread();

    std::mutex m_mutex;
    std::condition_variable m_cv;
    const std::function<void()>* m_job = nullptr; // set: the worker runs it, then clears it
    std::function<void()> m_started;              // start()'s job, which m_job points to
    std::exception_ptr m_error;
    bool m_stop = false;
    const char* m_name;
    int m_kept_off = -1;      // the core keep_off_cpu() last kept it off (-1: none)
    std::vector<int> m_cores; // the cores the thread started with (its creator's)
    std::thread m_thread;
};

} // namespace wn::ui
