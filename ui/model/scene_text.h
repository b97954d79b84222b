#pragma once

#include "ui/model/frame.h"

#include <array>
#include <string>
#include <vector>

namespace wn::ui {

// The scene's words: every sentence the renderer paints, as plain functions of a Frame so
// they are tested without painting. UTF-8.

/// What a thread's lane says it is doing: "write → db2:27017", "✗ KeyError".
std::string step_text(const ThreadState& thread, const Frame& frame);
/// The lane's label: the held version, if any, then the step ("v3  write → db2:27017");
/// "paused · " first when paused by hand ("pausing · " until it reaches its next line).
std::string lane_label(const ThreadState& thread, const Frame& frame);
/// One word per step, for the legend of the aggregated grid.
const char* short_step_name(ThreadStep step);
/// The legend entry of the aggregated grid: "12 waiting".
std::string step_count_label(ThreadStep step, int count);
/// One entry of the aggregated grid's legend.
struct LegendEntry {
    ThreadStep step = ThreadStep::Thinking;
    int count = 0;
    std::string label;   // step_count_label()
    bool paused = false; // the threads paused by hand, whatever their step: "2 paused"
};
/// The aggregated grid's legend: one entry per step some thread is in, most common first,
/// so that every state shown has an entry and the counts add up to threads.size().
std::vector<LegendEntry> grid_legend(const std::vector<ThreadState>& threads);
/// The heading above the thread lanes.
std::string threads_heading(const Frame& frame);
/// The monitor lane's title: "monitor", or "monitors" under sdam (one per server).
std::string monitor_title(const Frame& frame);
/// Under "monitor": its timer, or that it is refreshing.
std::string monitor_state(const Frame& frame);

/// The client box's second line: which attributes every thread shares.
std::string client_attributes(const Frame& frame);
/// How the shared dict is guarded under `strategy` ("mutated in place", "mutex-guarded").
const char* shared_dict_guard(StrategyKind strategy);

/// What the heap's versions are: "TopologyDescription" under sdam, "RSState" elsewhere.
const char* state_type_name(StrategyKind strategy);
/// A version box's title: "RSState v7  (current)", "v5", "v4 (freed)".
std::string version_title(const VersionFrame& version, StrategyKind strategy);
std::string version_refs(const VersionFrame& version);
/// The current version's primary line: "♛ primary: db2:27017" or "no primary".
std::string version_primary(const VersionFrame& version);
std::string version_error(const VersionFrame& version);
/// An older version's one line: who holds it, or when it was freed.
std::string version_holders(const VersionFrame& version);
/// Under the heap: "2 live versions · 5 reclaimed · +1 not shown".
std::string heap_footer(const HeapFrame& heap, std::size_t boxes_shown);

/// The shared dict's primary line: "self.primary = 'db1:27017'" or "self.primary = None".
std::string shared_primary_line(const SharedDictFrame& shared);

/// Above the members: "Replica set", or the pending election and when it decides; under the
/// MongoDB 2.4 timing profile each says so.
std::string members_heading(const Frame& frame);
/// A member's state as MongoDB 2.4 names it ("PRIMARY", "STARTUP2" while it syncs), or
/// "DOWN": the canvas and the inspector both say this.
std::string member_state(ServerRole role, bool up);
/// Under a member's name: "PRIMARY", "DOWN", "STARTUP2 · cut off".
std::string member_role(const MemberFrame& member);
/// Its third line: "1.2 ms ping · ismaster ×14".
std::string member_detail(const MemberFrame& member);
/// Under sdam, the third line is the server's own monitor lane: "◆ hello in flight",
/// "◆ next hello in 7.9 s · rtt 1.2 ms".
std::string server_monitor_line(const ServerMonitorFrame& monitor, double now);

/// The caption's second line: the run's counters.
std::string counters(const Frame& frame);
/// The clock's time alone: "t = 12.000 s" (a narrow pane at large text shows only that).
std::string clock_time(double now);
/// The caption's clock: "t = 11.000 s   paused 1×", "t = 3.100 s   ▶ slow motion 0.2×".
std::string clock_text(double now, bool playing, double speed, bool slowed = false);
/// The clock without its speed, for a narrow pane at large text: "t = 12.000 s  paused",
/// "t = 3.100 s  ▶"; `bare`: without the "t = " ("12.000 s  paused").
std::string clock_state_text(double now, bool playing, bool bare = false);
/// Under the clock: "wasp · primary-fails · race ×4000".
std::string strategy_line(const Frame& frame);

/// One invariant badge: whether it still holds, the sentence, and a shorter one for
/// narrow panes.
struct BadgeText {
    bool ok = true;
    std::string text;
    std::string short_text;
    std::string tiny_text;  // fewer words: "✘ 91 refreshes"
    std::string least_text; // the fewest, for the narrowest pane: "✘ 91 at once"
    /// Over two lines of a pill too narrow for any of them on one: "✔ no torn reads" (its
    /// words are shorter than "consistent").
    std::string wrapped_text;
};
/// The three badges: consistent reads, one refresh at a time, no KeyError.
std::array<BadgeText, 3> badge_texts(const Metrics& metrics);

/// "×12": how many threads a bundled arrow stands for.
std::string times_label(int count);

/// `value` with `decimals` digits after the point; a tie rounds away from zero.
std::string fixed(double value, int decimals);

} // namespace wn::ui
