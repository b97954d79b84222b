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
};

const char* file_of(StrategyKind strategy) {
    switch (strategy) {
    case StrategyKind::Naive:
    case StrategyKind::Mutex:
    case StrategyKind::RwLock:
        return "naive.py";
    case StrategyKind::Wasp:
        return "wasp.py";
    default:
        return "";
    }
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
