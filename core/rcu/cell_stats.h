#pragma once

#include <cstdint>

namespace wn::rcu {

/// A snapshot of a cell's instrumentation. The counters are maintained with relaxed atomics
/// on the writer side (and on the reader side only when a reader performs a reclamation), so
/// they are cheap enough to leave on in production; a snapshot taken while threads run is
/// approximate but each field is monotonic except `readers_blocking`.
struct CellStats {
    /// Values made current, including the initial one.
    std::uint64_t published = 0;
    /// Values that were current and have been replaced: no new reader can reach them.
    std::uint64_t retired = 0;
    /// Values destroyed. `retired - reclaimed` are waiting for their last reader.
    std::uint64_t reclaimed = 0;
    /// Epoch scheme: the global grace-period counter (advances once per publish in any cell of
    /// the same domain). Reference counting has no global grace period, so there it is the
    /// version of the current value (= `published`).
    std::uint64_t grace_period = 0;
    /// Readers currently holding back at least one retired value: for the epoch scheme, reader
    /// threads whose announced epoch was too old at the last reclamation scan; for reference
    /// counting, guards still open on retired values.
    std::uint64_t readers_blocking = 0;

    /// Returns how many replaced values still await reclamation.
    [[nodiscard]] std::uint64_t pending() const noexcept { return retired - reclaimed; }
};

} // namespace wn::rcu
