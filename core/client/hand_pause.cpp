// Races played by hand: pausing, resuming and stepping one simulated thread.
#include "client/client.h"

namespace wn {
namespace {

std::string thread_label(ActorId id) {
    if (id == kActorMonitor)
        return "the monitor";
    std::string label = "T"; // appended, not "T" + ...: GCC 12 warns falsely (-Wrestrict) there
    label += std::to_string(id);
    return label;
}

} // namespace

const char* code_point_name(CodePoint point) {
    static const char* const names[] = {"none",
                                        "naive_check_writer",
                                        "naive_read_writer",
                                        "naive_lookup",
                                        "naive_check_primary",
                                        "naive_disconnect",
                                        "naive_read_members",
                                        "naive_refresh_begin",
                                        "naive_update_pools",
                                        "naive_update_host",
                                        "naive_drop_stale",
                                        "naive_set_writer",
                                        "wasp_copy_ref",
                                        "wasp_copy_ref_again",
                                        "wasp_lookup",
                                        "wasp_publish_read",
                                        "wasp_publish_swap",
                                        "wasp_refresh_begin",
                                        "wasp_refresh_publish",
                                        "lock_read_writer",
                                        "lock_read_writer_again",
                                        "lock_read_writer_after_refresh",
                                        "lock_lookup",
                                        "sdam_select",
                                        "sdam_send"};
    static_assert(sizeof(names) / sizeof(names[0]) == static_cast<std::size_t>(CodePoint::Count));
    const auto i = static_cast<std::size_t>(point);
    return i < static_cast<std::size_t>(CodePoint::Count) ? names[i] : "?";
}

std::string Client::pause_refusal(ActorId id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= m_threads.size())
        return "there is no thread " + std::to_string(id) + " (this run has " +
               std::to_string(m_threads.size() - 1) + ")";
    if (id == kActorMonitor && !monitor_pausable())
        return "sdam's monitors (one per server) run no line of Python to pause at";
    return "";
}

std::string Client::pause_thread(ActorId id) {
    if (std::string why = pause_refusal(id); !why.empty())
        return why;
    ThreadState& t = thread(id);
    if (t.paused)
        return thread_label(id) + " is already paused";
    t.paused = true;
    ++m_paused_threads;
    trace_event(id, EventKind::ThreadPaused);
    return "";
}

std::string Client::resume_thread(ActorId id) {
    if (std::string why = pause_refusal(id); !why.empty())
        return why;
    ThreadState& t = thread(id);
    if (!t.paused)
        return thread_label(id) + " is not paused";
    t.paused = false;
    --m_paused_threads;
    trace_event(id, EventKind::ThreadResumed, t.parked ? 1 : 0);
    if (t.parked)
        unpark(id);
    return "";
}

std::string Client::step_thread(ActorId id) {
    if (std::string why = pause_refusal(id); !why.empty())
        return why;
    ThreadState& t = thread(id);
    if (!t.paused)
        return pause_thread(id); // it stops at its next line, ready to be stepped
    if (!t.parked)
        return thread_label(id) + " has not reached its next line yet";
    trace_event(id, EventKind::ThreadStepped, static_cast<std::int32_t>(t.point));
    unpark(id); // still paused: it stops again at its next interleaving point
    return "";
}

bool Client::park(ActorId actor, std::coroutine_handle<> h, SimTime delay) {
    ThreadState& t = thread(actor);
    if (!t.paused)
        return false;
    m_parked[static_cast<std::size_t>(actor)] = Parked{h, delay};
    t.parked = true;
    trace_event(actor, EventKind::ThreadParked, static_cast<std::int32_t>(t.point));
    return true;
}

void Client::unpark(ActorId id) {
    Parked& p = m_parked[static_cast<std::size_t>(id)];
    const Parked run = p;
    p = Parked{};
    thread(id).parked = false;
    m_scheduler.resume_at(m_scheduler.now() + run.delay, run.handle);
}

} // namespace wn
