#include "ui/model/scene_text_forms.h"

#include <algorithm>
#include <utility>

namespace wn::ui {
namespace {

/// `forms` without a form equal to the one before it.
std::vector<std::string> distinct(std::vector<std::string> forms) {
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(separator, from)) != std::string::npos;
         from = at + separator.size())
        parts.push_back(text.substr(from, at - from));
    parts.push_back(text.substr(from));
    return parts;
}

std::string port_of(const std::string& host) {
    const auto colon = host.rfind(':');
    return colon == std::string::npos ? std::string() : host.substr(colon);
}

} // namespace

std::vector<std::string> dropping_tail(const std::string& text, const std::string& separator) {
    std::vector<std::string> forms{text};
    for (auto at = text.rfind(separator); at != std::string::npos && at > 0;
         at = text.rfind(separator, at - 1))
        forms.push_back(text.substr(0, at));
    return forms;
}

bool members_share_port(const Frame& f) {
    if (f.members.empty())
        return false;
    const std::string port = port_of(f.members.front().host);
    if (port.empty())
        return false;
    std::vector<std::string> names;
    for (const MemberFrame& m : f.members) {
        if (port_of(m.host) != port)
            return false;
        names.push_back(without_port(m.host));
    }
    std::sort(names.begin(), names.end());
    return std::adjacent_find(names.begin(), names.end()) == names.end();
}

std::string without_port(const std::string& host) {
    const std::string port = port_of(host);
    return host.substr(0, host.size() - port.size());
}

std::vector<std::string> threads_heading_forms(const Frame& f) {
    const std::string n = std::to_string(f.threads.size());
    return {threads_heading(f), n + " threads"};
}

std::vector<std::string> lane_label_forms(const ThreadState& t, const Frame& f) {
    const std::string paused = !t.paused ? "" : t.parked ? "paused \u00B7 " : "pausing \u00B7 ";
    const std::string held =
        t.held_version > 0 ? std::string("v").append(std::to_string(t.held_version)) : "";
    const bool failed = t.step == ThreadStep::Failed;
    const std::string step = failed ? step_text(t, f) : short_step_name(t.step);
    std::vector<std::string> forms{lane_label(t, f)};
    forms.push_back(paused + (held.empty() ? step : held + "  " + step));
    if (!held.empty())
        forms.push_back(paused + held);
    if (!paused.empty())
        forms.push_back(held.empty() ? step : held);
    if (failed)
        forms.push_back("\u2717");
    forms.push_back("");
    return distinct(forms);
}

std::vector<std::string> monitor_state_forms(const Frame& f) {
    if (!f.server_monitors.empty()) {
        const auto checking = std::count_if(f.server_monitors.begin(), f.server_monitors.end(),
                                            [](const ServerMonitorFrame& m) { return m.checking; });
        return {monitor_state(f), std::to_string(checking) + " checking"};
    }
    if (f.monitor.step == ThreadStep::Sleeping) {
        const std::string in = fixed(std::max(0.0, f.monitor_wake_at - f.now), 1) + " s";
        return {monitor_state(f), "next refresh in " + in, "sleeping " + in, in};
    }
    return {monitor_state(f), "refreshing"};
}

std::vector<std::string> members_heading_forms(const Frame& f) {
    if (f.election_pending)
        return {members_heading(f), "Election (t=" + fixed(f.election_at, 1) + " s)", "Election"};
    return distinct({members_heading(f), "Replica set"});
}

std::vector<std::string> member_host_forms(const MemberFrame& m, bool short_hosts) {
    if (short_hosts)
        return {m.host, without_port(m.host)};
    return {m.host};
}

std::vector<std::string> member_role_forms(const MemberFrame& m) {
    std::string state = member_state(m.role, m.up);
    const std::string cut = m.cut_off ? " \u00b7 cut" : "";
    std::vector<std::string> forms{member_role(m), state + cut};
    const std::pair<const char*, const char*> abbreviations[] = {{"PRIMARY", "PRIM."},
                                                                 {"SECONDARY", "SEC."},
                                                                 {"STARTUP2", "START2"},
                                                                 {"ARBITER", "ARB."},
                                                                 {"REMOVED", "REM."}};
    for (const auto& [full, abbreviated] : abbreviations)
        if (state == full)
            state = abbreviated;
    forms.push_back(state + cut);
    return forms;
}

std::vector<std::string> member_detail_forms(const MemberFrame& m) {
    const std::string ping = fixed(m.ping_ms, m.ping_ms < 10 ? 1 : 0) + " ms";
    return {member_detail(m), ping + " ping", ping, ""};
}

std::vector<std::string> server_monitor_forms(const ServerMonitorFrame& m, double now) {
    std::vector<std::string> forms = dropping_tail(server_monitor_line(m, now), " \u00b7 ");
    if (m.checking)
        forms.push_back("\u25c6 in flight");
    else if (!m.requested)
        forms.push_back("\u25c6 " + fixed(std::max(0.0, m.next_check_at - now), 1) + " s");
    return distinct(forms);
}

std::vector<std::string> client_attributes_forms(const Frame& f) {
    if (f.heap && f.strategy == StrategyKind::Sdam)
        return {client_attributes(f), "topology.description", ".description"};
    if (f.heap)
        return {client_attributes(f), "self.rsstate"};
    if (f.shared)
        return {client_attributes(f), "self.members, self.primary", ".members, .primary"};
    return {client_attributes(f)};
}

std::vector<std::string> client_title_forms() {
    // The class PyMongo 2.5 names, then the words a room still reads as "the client".
    return {"MongoReplicaSetClient", "ReplicaSetClient", "client"};
}

std::vector<std::string> version_title_forms(const VersionFrame& v, StrategyKind strategy) {
    const std::string title = version_title(v, strategy);
    if (!v.current)
        return {title};
    // Appended: GCC 12 warns (-Wrestrict, a false positive) on "v" + std::to_string(...).
    std::string version = "v";
    version += std::to_string(v.version);
    std::string named = state_type_name(strategy);
    named += ' ';
    named += version;
    return {title, named, version};
}

std::vector<std::string> version_primary_forms(const VersionFrame& v, bool short_hosts) {
    if (v.writer.empty())
        return {version_primary(v)};
    std::vector<std::string> forms{version_primary(v), "\u265b " + v.writer};
    if (short_hosts)
        forms.push_back("\u265b " + without_port(v.writer));
    return forms;
}

std::vector<std::string> version_error_forms(const VersionFrame& v) {
    return distinct({version_error(v), v.error, ""});
}

std::vector<std::string> member_line_forms(const std::string& line, bool short_hosts) {
    std::vector<std::string> parts = split(line, "  ");
    while (parts.size() > 1 && parts.back().empty())
        parts.pop_back();
    const std::string host = short_hosts ? without_port(parts[0]) : parts[0];
    const std::string role = parts.size() >= 2 ? "  " + parts[1] : std::string();
    return {line, parts[0] + role, host + role, host};
}

std::vector<std::string> shared_primary_forms(const SharedDictFrame& d, bool short_host) {
    if (d.primary.empty())
        return {shared_primary_line(d), "primary = None", "primary=None"};
    std::vector<std::string> forms{shared_primary_line(d)};
    if (short_host)
        forms.push_back("self.primary = '" + without_port(d.primary) + "'");
    forms.push_back("primary = '" + d.primary + "'");
    // The last, still the Python it models, for the narrowest box: the race is about this line.
    const std::string host = short_host ? without_port(d.primary) : d.primary;
    forms.push_back("primary = '" + host + "'");
    forms.push_back("primary='" + host + "'");
    return distinct(forms);
}

std::vector<std::string> badge_forms(const BadgeText& b) {
    return distinct({b.text, b.short_text, b.tiny_text, b.least_text});
}

std::vector<std::string> badge_wrapped_forms(const BadgeText& b) {
    std::vector<std::string> forms = badge_forms(b);
    forms.push_back(b.wrapped_text);
    return distinct(forms);
}

} // namespace wn::ui
