#pragma once

#include "client/thread_state.h"
#include "scenario/scenario.h"

#include <string>
#include <vector>

namespace wn::ui {

/// The PyMongo source a strategy runs, as the code panel quotes it (resources/code), with
/// the line each interleaving point stands for.
struct CodeListing {
    std::string file;               // "naive.py"; "" when the strategy quotes no source
    std::string note;               // what the lines are: PyMongo, or not (shown above them)
    std::vector<std::string> lines; // UTF-8, without line ends
};

/// The quoted source of `strategy`: 2.5 for naive, 2.5.1 for wasp, 2.5 plus this program's
/// lock for mutex and rwlock, and for sdam a sketch after MongoDB's specifications.
CodeListing code_listing(StrategyKind strategy);

/// The 0-based line of `listing` that `point` stands for, or -1 (no such line in it).
int code_line(const CodeListing& listing, CodePoint point);

/// A paused thread's mark beside a line: "T1 ▶".
struct CodeMark {
    int line = -1;
    ActorId thread = 0;
    std::string label;
};
/// The marks of every thread stopped at a line of `listing` (paused and parked), in thread
/// order; the monitor is index 0 of `threads` (Client::threads() order).
std::vector<CodeMark> code_marks(const CodeListing& listing,
                                 const std::vector<ThreadState>& threads);

} // namespace wn::ui
