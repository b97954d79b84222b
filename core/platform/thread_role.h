#pragma once

namespace wn {

/// Names the calling thread, so that `top -H`, perf and gdb tell the program's workers apart
/// instead of showing the program's name for each. Linux refuses a name over 15 characters,
/// so a longer one is cut there.
void name_this_thread(const char* name);

/// Lowers the calling thread's priority to niceness `nice` (1-19; anything else leaves it).
/// The thread still gets a share of a busy core, in proportion: for work someone waits for.
void lower_this_thread(int nice);

/// Lets the calling thread run only on a core no other thread wants (Linux's SCHED_IDLE):
/// for work nobody waits for. A niceness is not enough for that: on a busy core the
/// scheduler lets the running thread finish its slice first (milliseconds), so a window
/// woken by its frame timer would start late; a SCHED_IDLE thread gives way at once. The
/// thread cannot take its priority back afterwards without privilege.
void idle_this_thread();

} // namespace wn
