#pragma once

#include "trace/trace.h"

#include <cstddef>
#include <iterator>

namespace wn::ui {

/// The kept events of a trace up to (not including) index `end`: what the trace held when
/// its run stood at an earlier moment. A frame of a checkpoint (a run keeping no events) is
/// built over such a prefix of a longer run of the same branch. Indices are the log's.
class TracePrefix {
public:
    using const_iterator = TraceEvents::const_iterator;
    using reverse_iterator = TraceEvents::reverse_iterator;

    TracePrefix(const TraceEvents& log) : m_log(&log), m_end(log.size()) {} // NOLINT: a view
    TracePrefix(const TraceEvents& log, std::size_t end) : m_log(&log), m_end(end) {}

    std::size_t size() const { return m_end; }
    std::size_t first() const { return m_log->first(); }
    bool empty() const { return m_end <= m_log->first(); }
    const TraceEvent& operator[](std::size_t i) const { return (*m_log)[i]; }
    const TraceEvent& back() const { return (*m_log)[m_end - 1]; }
    const_iterator begin() const { return m_log->begin(); }
    const_iterator end() const { return const_iterator(m_log, m_end); }
    reverse_iterator rbegin() const { return reverse_iterator(end()); }
    reverse_iterator rend() const { return reverse_iterator(begin()); }

private:
    const TraceEvents* m_log;
    std::size_t m_end;
};

} // namespace wn::ui
