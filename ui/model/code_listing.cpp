#include "ui/model/code_listing.h"

#include "embedded_files.h"
#include "ui/model/frame.h"

#include <algorithm>
#include <string_view>

namespace wn::ui {
namespace {

/// Where a point's line is: the first line containing `text` after the first containing
/// `after` (when given), so one anchor can tell apart two equal lines.
struct Anchor {
    CodePoint point;
    const char* after;
    const char* text;
};

constexpr Anchor kAnchors[] = {
    {CodePoint::NaiveCheckWriter, "def __find_primary", "if self.__writer:"},
    {CodePoint::NaiveReadWriter, "", "primary = self.__members[self.__writer]"},
    {CodePoint::NaiveLookup, "", "primary = self.__members[self.__writer]"},
    {CodePoint::NaiveCheckPrimary, "", "self.__writer = self.__check_is_primary(candidate)"},
    {CodePoint::NaiveDisconnect, "", "self.disconnect()"},
    {CodePoint::NaiveReadMembers, "", "members = self.__members.copy().values()"},
    {CodePoint::NaiveRefreshBegin, "", "nodes = self.__hosts or self.__seeds"},
    {CodePoint::NaiveUpdatePools, "", "self.__update_pools()"},
    {CodePoint::NaiveUpdateHost, "def __update_pools", "for host in self.__hosts:"},
    {CodePoint::NaiveDropStale, "", "self.__members.pop(member.host, None)"},
    {CodePoint::NaiveSetWriter, "", "self.__writer = primary"},
    {CodePoint::WaspCopyRef, "", "primary = self.__rs_state.primary_member"},
    {CodePoint::WaspCopyRefAgain, "self.__schedule_refresh(sync=True)",
     "rs_state = self.__rs_state"},
    {CodePoint::WaspLookup, "def __find_primary", "if primary:"},
    {CodePoint::WaspPublishRead, "def disconnect", "rs_state = self.__rs_state"},
    {CodePoint::WaspPublishSwap, "", "self.__rs_state = rs_state.clone_without_writer("},
    {CodePoint::WaspRefreshBegin, "def refresh", "rs_state = self.__rs_state"},
    {CodePoint::WaspRefreshPublish, "", "self.__rs_state = RSState("},
    {CodePoint::LockReadWriter, "def __find_member", "host = self.__writer"},
    {CodePoint::LockReadWriterAgain, "lock = self.__rwlock.write_lock()", "host = self.__writer"},
    {CodePoint::LockReadWriterAfterRefresh,
     "for candidate in self.__hosts:", "host = self.__writer"},
    {CodePoint::LockLookup, "def __find_member", "return self.__members[host]"},
    {CodePoint::SdamSelect, "def select_server", "td = self.topology.description"},
    {CodePoint::SdamSend, "def run_operation", "return conn.command(operation)"},
};

const char* file_of(StrategyKind strategy) {
    switch (strategy) {
    case StrategyKind::Naive:
        return "naive.py";
    case StrategyKind::Mutex:
        return "mutex.py";
    case StrategyKind::RwLock:
        return "rwlock.py";
    case StrategyKind::Wasp:
        return "wasp.py";
    case StrategyKind::Sdam:
        return "sdam.py";
    }
    return "";
}

// What the quoted lines are, said above them: two of the five never shipped and one is no
// driver's code, and a reader must not take them for PyMongo.
const char* note_of(StrategyKind strategy) {
    switch (strategy) {
    case StrategyKind::Naive:
        return "PyMongo 2.5, quoted (trimmed).";
    case StrategyKind::Wasp:
        return "PyMongo 2.5.1, quoted (trimmed).";
    case StrategyKind::Mutex:
    case StrategyKind::RwLock:
        return "Not PyMongo: PyMongo 2.5 plus this program's lock, which never shipped. The "
               "lines marked \"+ lock\" and __find_member are ours.";
    case StrategyKind::Sdam:
        return "Not PyMongo: a sketch after MongoDB's server discovery, monitoring and "
               "selection specifications, as today's drivers work; no driver's real code.";
    }
    return "";
}

int find_line(const std::vector<std::string>& lines, std::string_view text, int from) {
    for (int i = std::max(from, 0); i < static_cast<int>(lines.size()); ++i)
        if (lines[static_cast<std::size_t>(i)].find(text) != std::string::npos)
            return i;
    return -1;
}

} // namespace

CodeListing code_listing(StrategyKind strategy) {
    CodeListing listing;
    const std::string_view name = file_of(strategy);
    if (name.empty())
        return listing;
    for (const EmbeddedFile& f : embedded_code()) {
        if (f.name != name)
            continue;
        listing.file = std::string(name);
        listing.note = note_of(strategy);
        std::string_view rest = f.content;
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            listing.lines.emplace_back(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
    }
    return listing;
}

int code_line(const CodeListing& listing, CodePoint point) {
    for (const Anchor& a : kAnchors) {
        if (a.point != point)
            continue;
        int from = 0;
        if (*a.after) {
            from = find_line(listing.lines, a.after, 0);
            if (from < 0)
                return -1;
        }
        return find_line(listing.lines, a.text, from);
    }
    return -1;
}

std::vector<CodeMark> code_marks(const CodeListing& listing,
                                 const std::vector<ThreadState>& threads) {
    std::vector<CodeMark> marks;
    for (const ThreadState& t : threads) {
        if (!t.paused || !t.parked)
            continue;
        const int line = code_line(listing, t.point);
        if (line >= 0)
            marks.push_back({line, t.id, actor_label(t.id) + " \u25B6"});
    }
    return marks;
}

} // namespace wn::ui
