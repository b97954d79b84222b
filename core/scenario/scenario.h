#pragma once

#include "sim/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wn {

enum class StrategyKind { Naive, Mutex, RwLock, Wasp, Sdam };
const char* strategy_name(StrategyKind kind);
std::optional<StrategyKind> parse_strategy(const std::string& name);

enum class ReadPreference { Primary, SecondaryPreferred };

/// One server of the simulated replica set.
struct MemberSpec {
    std::string host;       // "db1:27017"
    int priority = 1;       // 0: passive (never primary); the highest reachable wins elections
    double ping_ms = 1.0;   // base round trip
    double jitter_ms = 0.5; // uniform extra round trip in [0, jitter_ms]
    bool arbiter = false;
};

/// Something that happens to the replica set: from the scenario's timeline or a click.
enum class FaultKind {
    Kill,
    Revive,
    StepDown,
    CutOff,
    Restore,
    SetPing,
    AddMember,
    RemoveMember,
    PowerOff, // the machine loses power or its cable is pulled: packets vanish
    Isolate,  // cut off from the other members; the client still reaches it
    Heal,
};
const char* fault_name(FaultKind kind);
std::optional<FaultKind> parse_fault(const std::string& name);

struct Fault {
    double at_s = 0;
    FaultKind kind = FaultKind::Kill;
    std::string host;     // for add: the new member's host; "" picks the next dbN:27017
    double ping_ms = 1.0; // set_ping, add
    int priority = 1;     // add
    bool arbiter = false; // add
};

/// Something a person did during a run, kept with its exact position so the run can be
/// replayed bit for bit.
struct UserAction {
    enum class Kind { Fault, WakeMonitor, PauseThread, ResumeThread, StepThread };
    SimTime at = 0;
    std::uint64_t after_entries = 0; // how many scheduler entries had run: the exact moment
    Kind kind = Kind::Fault;
    Fault fault;    // for Kind::Fault
    int thread = 0; // for the thread kinds: 1..threads, 0 the monitor
    /// Replayed by time instead: applied at `at` before any later entry runs. Entry counts
    /// belong to one strategy and thread count; other runs of the same demo use this.
    bool by_time = false;
};

/// A named moment of a run, to jump back to during a talk.
struct Bookmark {
    std::string name;
    double at_s = 0;
};

/// What a saved demo adds to its scenario (file format 2): the clicks at their exact
/// positions, where the playhead was and the bookmarks. The positions were recorded under
/// `strategy`; a run under another strategy replays the clicks by time.
struct RecordedRun {
    StrategyKind strategy = StrategyKind::Wasp;
    std::vector<UserAction> actions;
    double playhead_s = 0;
    std::uint64_t playhead_entries = 0; // 0: the playhead is a time only
    std::vector<Bookmark> bookmarks;

    bool empty() const { return actions.empty() && playhead_s == 0 && bookmarks.empty(); }
};

/// What each application thread does: think, then one operation, forever.
struct Workload {
    double think_ms = 500;      // mean of an exponential think time
    double read_fraction = 0.5; // the rest are writes to the primary
    ReadPreference read_preference = ReadPreference::SecondaryPreferred;
    double server_op_ms = 0.5; // server time to execute one operation
};

/// How the simulated interpreter schedules threads between two steps of Python code.
struct Interleaving {
    double step_us = 20;               // mean cost of one step (a line of Python)
    double preempt_probability = 0.25; // chance a thread is descheduled after a step
    double preempt_mean_ms = 20;       // mean time it then waits for the interpreter
};

/// Which interleaving a run uses. Magnified: the scenario's `interleaving` (by default a
/// 25% chance of a ~20 ms pause after each line), so a race shows in a one-minute demo.
/// Realistic: CPython 2's own rhythm (kRealisticInterleaving).
enum class RaceWindow { Magnified, Realistic };
const char* race_window_name(RaceWindow window);
std::optional<RaceWindow> parse_race_window(const std::string& name);

/// CPython 2 checks for a thread switch every 100 bytecodes (`sys.setcheckinterval`, default
/// 100). A line such as `host = self.primary` is about 5 bytecodes and takes about 1 us, so
/// about 1 line in 20 ends at a switch; the thread that takes the GIL then runs at most its
/// own 100 bytecodes (about 5 us) or blocks on I/O before the first can continue.
constexpr Interleaving kRealisticInterleaving{1.0, 0.05, 0.005};

/// The servers' timings. Blog: an election a fixed `election_delay_s` after the primary is
/// lost (the blog's "a few seconds later"). MongoDB 2.4: heartbeats every 2 s, a member
/// down after 10 s without one, then an election round; priority takeover; only members
/// that have caught up are electable (docs/fidelity.md, **Elections**).
enum class TimingProfile { Blog, MongoDB24 };
const char* timing_profile_name(TimingProfile profile);
std::optional<TimingProfile> parse_timing_profile(const std::string& name);
constexpr double kHeartbeatIntervalS = 2; // MongoDB 2.4 replica-set heartbeats
constexpr double kHeartbeatTimeoutS = 10; // a member without a heartbeat reply is down
constexpr double kElectionRoundS = 2;     // freshness check and votes: one heartbeat round

/// A complete, deterministic experiment: the set, the client, the load and the faults.
struct Scenario {
    std::string name = "custom";
    std::string description;
    std::string set_name = "rs0";
    std::string client_set_name; // empty: the same as set_name
    std::vector<MemberSpec> members;
    std::vector<std::string> seeds; // empty: every member
    int threads = 8;
    StrategyKind strategy = StrategyKind::Wasp;
    std::uint64_t seed = 1;
    double duration_s = 60;
    double monitor_interval_s = 30;
    double election_delay_s = 5;
    double sync_delay_s = 3; // an added member's initial sync before it is SECONDARY
    double stepdown_s = 60;  // a stepped-down primary is not electable for this long
    /// PyMongo's connect timeout: pool.py `sock.settimeout(self.conn_timeout or 20.0)`.
    double connect_timeout_s = 20;
    /// How long the OS keeps retransmitting on an open connection to a host that vanished
    /// before it reports an error: Linux's default tcp_retries2 = 15 gives about 924.6 s
    /// (tcp(7)). PyMongo sets no socket timeout by default, so this is what ends the hang.
    double tcp_give_up_s = 924.6;
    double wait_for_refresh_s = 5; // wasp: writes wait this long for the monitor
    bool fail_fast = false;        // wasp: raise AutoReconnect at once instead of waiting
    int max_wire_version = 17;     // sdam: what hello reports, 7 (MongoDB 4.0) or 17 (6.0)
    Workload workload;
    Interleaving interleaving;
    RaceWindow race_window = RaceWindow::Magnified;
    TimingProfile timing = TimingProfile::Blog;
    std::vector<Fault> timeline;
    /// Replayed by every Simulation of this scenario (see RecordedRun).
    RecordedRun recorded;

    /// The interleaving the engine runs with: `interleaving` when magnified, else
    /// kRealisticInterleaving.
    const Interleaving& effective_interleaving() const {
        return race_window == RaceWindow::Realistic ? kRealisticInterleaving : interleaving;
    }

    const std::string& effective_client_set_name() const {
        return client_set_name.empty() ? set_name : client_set_name;
    }
};

/// Hard limits that every scenario source (file, CLI, GUI) is checked against.
constexpr int kMinMembers = 1;
constexpr int kMaxMembers = 7;
constexpr int kMinThreads = 1;
constexpr int kMaxThreads = 1000;
/// Limits on what a scenario file may hold, so that no file can exhaust memory or time
/// before it is refused (docs/scenarios.md lists them).
constexpr std::size_t kMaxScenarioFileBytes = 1 << 20;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxDescriptionLength = 4000;
constexpr std::size_t kMaxSeeds = 64;
constexpr std::size_t kMaxTimelineEntries = 1000;
constexpr std::size_t kMaxUserActions = 10000;
constexpr std::size_t kMaxBookmarks = 100;
/// The scenario file format this program writes; it reads every earlier one too.
constexpr int kScenarioFormat = 2;
/// Why `threads` cannot be a scenario's thread count ("must be between 1 and 1000"), or
/// nothing: the one check for scenario files, the CLI and the GUI.
std::optional<std::string> threads_error(int threads);

/// Mean time between two steps of one thread under `il`, in microseconds: the race window.
double mean_step_gap_us(const Interleaving& il);
/// How many times wider the magnified window is than the realistic one (about 4000 with
/// the default interleaving).
double race_magnification(const Scenario& s);
/// "×4000": race_magnification to two significant digits.
std::string magnification_text(const Scenario& s);
/// For the header: "race ×4000" (magnified) or "race realistic".
std::string race_window_label(const Scenario& s);

} // namespace wn
