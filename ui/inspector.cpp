#include "ui/inspector.h"

#include <QStringList>

#include "simulation.h"
#include "ui/model/caption.h"
#include "ui/model/code_listing.h"
#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <nlohmann/json.hpp>

namespace wn::ui {
namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString state_html(const Simulation& sim, int version) {
    const StateHeap* heap = sim.client().heap();
    if (!heap || version < 1 || static_cast<std::size_t>(version) > heap->records().size())
        return "";
    const VersionRecord& r = heap->record(version);
    const bool sdam = sim.client().strategy() == StrategyKind::Sdam;
    QString html = QString("<b>") + state_type_name(sim.client().strategy()) + " v" +
                   QString::number(version) + "</b>";
    if (version == heap->current_version())
        html += sdam ? " (current: topology.description points here)"
                     : " (current: self.rsstate points here)";
    html += "<br>built by " + esc(actor_label(r.built_by)) +
            ", published at t=" + QString::number(to_seconds(r.published_at), 'f', 3) + " s";
    if (r.replaced_at >= 0)
        html += ", replaced at t=" + QString::number(to_seconds(r.replaced_at), 'f', 3) + " s";
    if (!r.live())
        return html + "<br><b>freed at t=" + QString::number(to_seconds(r.reclaimed_at), 'f', 3) +
               " s</b> (its last holder let go)";
    html += "<br>reference count: " + QString::number(r.refcount) + " — held by ";
    QStringList holders;
    for (ActorId a : r.holders)
        holders << esc(holder_label(a, sim.client().strategy()));
    html += holders.join(", ");
    const RSState& s = *r.state;
    html += "<br>primary: " + (s.writer() ? esc(sim.hosts().name(*s.writer()))
                                          : "<i>none</i> — " + esc(s.error_message()));
    html += "<ul>";
    for (const Member& m : s.members())
        html += "<li>" + esc(sim.hosts().name(m.host())) + " — " +
                (m.up() ? QString(role_name(m.role())) : QString("DOWN")) + ", ping avg " +
                QString::number(m.avg_ping_ms(), 'f', 1) + " ms over " +
                QString::number(m.sample_count()) + " sample(s), pool #" +
                QString::number(m.pool_id()) + "</li>";
    html += "</ul>";
    return html;
}

/// A thread paused by hand: the line of Python it stands at (View > Code marks it too).
QString paused_html(const Simulation& sim, const ThreadState& t) {
    if (!t.paused)
        return "";
    if (!t.parked)
        return "<br><b>paused by hand</b>: it stops at its next line of Python";
    const CodeListing listing = code_listing(sim.scenario().strategy);
    const int line = code_line(listing, t.point);
    if (line < 0)
        return "<br><b>paused by hand</b> at an interleaving point";
    return "<br><b>paused by hand</b> before <code>" +
           esc(listing.lines[static_cast<std::size_t>(line)].substr(
               listing.lines[static_cast<std::size_t>(line)].find_first_not_of(' '))) +
           "</code>";
}

} // namespace

QString describe_thread(const Simulation& sim, int id) {
    const auto& threads = sim.client().threads();
    if (id < 1 || static_cast<std::size_t>(id) >= threads.size())
        return "";
    const ThreadState& t = threads[static_cast<std::size_t>(id)];
    QString html = "<h3>Thread T" + QString::number(id) + "</h3>";
    html += "step: <b>" + QString(thread_step_name(t.step)) + "</b>";
    if (t.target >= 0)
        html += " (" + esc(sim.hosts().name(t.target)) + ")";
    html += " since t=" + QString::number(to_seconds(t.since), 'f', 3) + " s";
    html += paused_html(sim, t);
    html += "<br>operations ok: " + QString::number(t.ops_ok) +
            ", errors: " + QString::number(t.errors);
    if (t.last_error != ErrorKind::None)
        html += " (last: " + QString(error_kind_name(t.last_error)) +
                " at t=" + QString::number(to_seconds(t.last_error_at), 'f', 3) + " s)";
    if (t.last_error == ErrorKind::KeyError) {
        const auto& events = sim.trace().events();
        for (std::size_t i = events.size();
             i > events.first() && events[i - 1].time >= t.last_error_at; --i)
            if (events[i - 1].kind == EventKind::KeyErrorCause && events[i - 1].actor == id) {
                html += "<p>" + esc(key_error_text(sim, events[i - 1])) + "</p>";
                break;
            }
    }
    if (t.held_version > 0)
        html += "<p>Its local variable <code>rsstate</code> references:</p>" +
                state_html(sim, t.held_version);
    else if (sim.client().heap())
        html += "<p>It holds no RSState right now.</p>";
    else
        html += "<p>It reads the shared, mutable <code>self.members</code> and "
                "<code>self.primary</code> directly.</p>";
    return html;
}

QString describe_version(const Simulation& sim, int version) {
    return state_html(sim, version);
}

QString describe_member(const Simulation& sim, int index) {
    const auto& servers = sim.world().servers();
    if (index < 0 || static_cast<std::size_t>(index) >= servers.size())
        return "";
    const Server& s = servers[static_cast<std::size_t>(index)];
    QString html = "<h3>" + esc(sim.hosts().name(s.host)) + "</h3>";
    html += "state: <b>" + esc(member_state(s.role, s.up)) + "</b>";
    if (s.up && s.role == ServerRole::Startup2)
        html += " (initial sync: it copies the data and serves no reads yet)";
    if (s.cut_off)
        html += ", <b>cut off from the client</b>";
    html += "<br>priority " + QString::number(s.priority) + (s.arbiter ? ", arbiter" : "") +
            ", ping " + QString::number(s.ping_ms, 'f', 1) + " ms";
    html += "<br>requests in flight: " + QString::number(s.in_flight) +
            ", ismaster calls so far: " + QString::number(s.ismaster_calls);
    if (!s.up) {
        html += "<p>ismaster: <b>no reply</b>. The process is down: a call fails with a "
                "connection error.</p>";
        return html;
    }
    if (s.cut_off) {
        html += "<p>ismaster: <b>no reply</b> to the client. The network between them is cut; "
                "the other members still see it.</p>";
        return html;
    }
    const std::string reply = sim.world().ismaster_reply(s.host).to_json(sim.hosts()).dump(1);
    html += "<p>ismaster would reply:</p><pre>" + esc(reply) + "</pre>";
    return html;
}

QString describe_monitor(const Simulation& sim) {
    const ThreadState& m = sim.client().threads().front();
    QString html = "<h3>Monitor thread</h3>step: <b>" + QString(thread_step_name(m.step)) + "</b>";
    if (m.step == ThreadStep::Sleeping)
        html += ", next timer refresh at t=" +
                QString::number(to_seconds(sim.client().monitor_wake_at()), 'f', 3) + " s";
    // Both counts, as the canvas's counters give them: the monitor's own refreshes alone
    // read as stale when the application threads do most of the refreshing.
    const Metrics& metrics = sim.metrics();
    html += "<br>refresh() calls so far: " + QString::number(metrics.refresh_calls) + " (" +
            QString::number(metrics.refresh_calls_by_monitor) + " by the monitor, " +
            QString::number(metrics.refresh_calls - metrics.refresh_calls_by_monitor) +
            " by app threads), at t=" + QString::number(to_seconds(sim.now()), 'f', 3) + " s";
    html += paused_html(sim, m);
    html += "<p>Wake monitor (W) calls <code>schedule_refresh()</code>: it wakes now.</p>";
    return html;
}

} // namespace wn::ui
