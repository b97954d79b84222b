#pragma once

// Shorter wordings of the scene's labels, longest first, for a narrow pane at large text
// (the comparison on a projector): the painter shows the first that fits and elides only
// the last, so a room reads "1000 threads" rather than "1000 applicati…".

#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace wn::ui {

/// `text`, then `text` without its last `separator`-joined part, and so on down to its
/// first part: "a · b · c", "a · b", "a".
std::vector<std::string> dropping_tail(const std::string& text, const std::string& separator);

/// Whether every member's host ends in the same ":port", so that the names stay told apart
/// without it. Asked once a frame: the forms below take the answer (`short_hosts`).
bool members_share_port(const Frame& frame);
/// "db1:27017" without its ":27017".
std::string without_port(const std::string& host);

std::vector<std::string> threads_heading_forms(const Frame& frame);
/// A thread lane's label, then shorter: the snapshot it holds with the step's one word
/// ("v2  copy ref"), the snapshot alone ("v2", the point of the wasp's steps), a failure's
/// mark ("✗"), then nothing: the token's colour and glyph still tell the step.
std::vector<std::string> lane_label_forms(const ThreadState& thread, const Frame& frame);
std::vector<std::string> monitor_state_forms(const Frame& frame);
std::vector<std::string> members_heading_forms(const Frame& frame);
/// A member's name; without the port too when every member shares it.
std::vector<std::string> member_host_forms(const MemberFrame& member, bool short_hosts);
/// "SECONDARY", then "SEC." only as the last resort. The member labels' forms have as many
/// steps for every member (a step that changes nothing repeats the one before), so that the
/// members take the same step: fit_group().
std::vector<std::string> member_role_forms(const MemberFrame& member);
/// "1.2 ms ping · ismaster ×14", "1.2 ms ping", "1.2 ms", then nothing: the line is a detail.
std::vector<std::string> member_detail_forms(const MemberFrame& member);
std::vector<std::string> server_monitor_forms(const ServerMonitorFrame& monitor, double now);
std::vector<std::string> client_attributes_forms(const Frame& frame);
/// The client box's class name, then shorter names for a narrow pane at large text.
std::vector<std::string> client_title_forms();
std::vector<std::string> version_title_forms(const VersionFrame& version, StrategyKind strategy);
std::vector<std::string> version_primary_forms(const VersionFrame& version, bool short_hosts);
/// A version's error line ("error_message: No primary available"), the error alone, then
/// nothing: "no primary" above it says the gist.
std::vector<std::string> version_error_forms(const VersionFrame& version);
/// An RSState or shared-dict member line ("db1:27017  Secondary  1.0 ms"): the ping goes
/// first, then the port, then the role, before the host is cut. Always kMemberLineForms
/// forms (a step that changes nothing repeats the one before), so that the lines of one box
/// take the same step: fit_group().
constexpr std::size_t kMemberLineForms = 4;
std::vector<std::string> member_line_forms(const std::string& line, bool short_hosts);
std::vector<std::string> shared_primary_forms(const SharedDictFrame& shared, bool short_hosts);
/// A badge's sentence, its short wording, then its shortest ("✘ 91 refreshes").
std::vector<std::string> badge_forms(const BadgeText& badge);
/// The badge's forms to wrap over two lines of a narrow pill: badge_forms(), then the one
/// made for it.
std::vector<std::string> badge_wrapped_forms(const BadgeText& badge);

} // namespace wn::ui
