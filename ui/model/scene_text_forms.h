#pragma once

// Shorter wordings of the scene's labels, longest first, for a narrow pane at large text
// (the comparison on a projector): the painter shows the first that fits and elides only
// the last, so a room reads "1000 threads" rather than "1000 applicati…".

#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <string>
#include <vector>

namespace wn::ui {

/// `text`, then `text` without its last `separator`-joined part, and so on down to its
/// first part: "a · b · c", "a · b", "a".
std::vector<std::string> dropping_tail(const std::string& text, const std::string& separator);

/// Whether every member's host ends in the same ":port", so that the names stay told apart
/// without it.
bool members_share_port(const Frame& frame);
/// "db1:27017" without its ":27017".
std::string without_port(const std::string& host);

std::vector<std::string> threads_heading_forms(const Frame& frame);
std::vector<std::string> monitor_state_forms(const Frame& frame);
std::vector<std::string> members_heading_forms(const Frame& frame);
/// A member's name; without the port too when every member shares it.
std::vector<std::string> member_host_forms(const MemberFrame& member, const Frame& frame);
/// "SECONDARY", then "SEC." only as the last resort.
std::vector<std::string> member_role_forms(const MemberFrame& member);
/// "1.2 ms ping · ismaster ×14", "1.2 ms ping", "1.2 ms", then nothing: the line is a detail.
std::vector<std::string> member_detail_forms(const MemberFrame& member);
std::vector<std::string> server_monitor_forms(const ServerMonitorFrame& monitor, double now);
std::vector<std::string> client_attributes_forms(const Frame& frame);
std::vector<std::string> version_title_forms(const VersionFrame& version, StrategyKind strategy);
std::vector<std::string> version_primary_forms(const VersionFrame& version, const Frame& frame);
/// An RSState or shared-dict member line ("db1:27017  Secondary  1.0 ms"): the ping goes
/// first, then the role, then the port, before the host is cut.
std::vector<std::string> member_line_forms(const std::string& line, const Frame& frame);
std::vector<std::string> shared_primary_forms(const SharedDictFrame& shared, const Frame& frame);
/// A badge's sentence, its short wording, then its shortest ("✘ 91 refreshes").
std::vector<std::string> badge_forms(const BadgeText& badge);

} // namespace wn::ui
