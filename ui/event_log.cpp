#include "ui/event_log.h"

#include "simulation.h"
#include "trace/trace_json.h"
#include "ui/model/frame.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace wn::ui {
namespace {

enum Category { All, Refresh, Versions, Shared, Operations, Errors, Servers };

bool in_category(const TraceEvent& e, int category) {
    switch (category) {
    case Refresh:
        return e.kind == EventKind::RefreshBegin || e.kind == EventKind::RefreshEnd ||
               e.kind == EventKind::IsMasterBegin || e.kind == EventKind::IsMasterEnd ||
               e.kind == EventKind::MonitorWake || e.kind == EventKind::ScheduleRefresh ||
               e.kind == EventKind::RefreshedSet;
    case Versions:
        return e.kind == EventKind::Publish || e.kind == EventKind::Acquire ||
               e.kind == EventKind::Release || e.kind == EventKind::Reclaim;
    case Shared:
        return e.kind == EventKind::MemberPut || e.kind == EventKind::MemberPop ||
               e.kind == EventKind::PrimaryAssign || e.kind == EventKind::ReadPrimary;
    case Operations:
        return e.kind <= EventKind::LockRelease;
    case Errors:
        return (e.kind == EventKind::OpEnd && e.a != 0) ||
               (e.kind == EventKind::LookupMember && e.b == 0) ||
               e.kind == EventKind::KeyErrorCause;
    case Servers:
        return (e.kind >= EventKind::ServerDown && e.kind <= EventKind::Synced) ||
               e.kind == EventKind::PowerOff;
    default:
        return true;
    }
}

} // namespace

void EventLog::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::FontChange || !m_table)
        return;
    // The time, the actor and the event's name keep their whole text at any size.
    const QFontMetrics fm(font());
    const char* widest[] = {"00.000000", "monitor", "ismaster reply"};
    for (int c = 0; c < 3; ++c)
        m_table->horizontalHeader()->resizeSection(c,
                                                   fm.horizontalAdvance(widest[c]) + fm.height());
}

EventLog::EventLog(QWidget* parent) : QWidget(parent) {
    m_kind = new QComboBox(this);
    m_kind->addItems({"All events", "refresh() and ismaster", "RSState versions",
                      "Shared dict (in place)", "Operations", "Errors", "Servers and faults"});
    m_kind->setToolTip("Show only one kind of event");
    m_actor = new QLineEdit(this);
    m_actor->setPlaceholderText("actor: T3, monitor, user...");
    m_actor->setToolTip("Show only events by this actor");
    m_actor->setClearButtonEnabled(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({"t (s)", "actor", "event", "details"});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel("Filter:", this));
    filters->addWidget(m_kind);
    filters->addWidget(m_actor, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(m_table);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EventLog::filter_changed);
    connect(m_actor, &QLineEdit::textChanged, this, &EventLog::filter_changed);
}

void EventLog::show_events(const Simulation& sim) {
    constexpr int kRows = 300;
    const auto& events = sim.trace().events();
    const int category = m_kind->currentIndex();
    const QString actor = m_actor->text().trimmed();
    std::vector<const TraceEvent*> rows;
    // Scan back a bounded distance so the log stays cheap with a thousand threads.
    const std::size_t stop =
        std::max(events.first(), events.size() > 200000 ? events.size() - 200000 : 0);
    for (std::size_t i = events.size(); i > stop && rows.size() < kRows; --i) {
        const TraceEvent& e = events[i - 1];
        if (!in_category(e, category))
            continue;
        if (!actor.isEmpty() &&
            QString::fromStdString(actor_label(e.actor)).compare(actor, Qt::CaseInsensitive) != 0)
            continue;
        rows.push_back(&e);
    }
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const TraceEvent& e = *rows[static_cast<std::size_t>(r)];
        const QString cells[] = {QString::number(to_seconds(e.time), 'f', 6),
                                 QString::fromStdString(actor_label(e.actor)),
                                 event_kind_name(e.kind),
                                 QString::fromStdString(event_payload(e, sim.hosts()).dump())};
        for (int c = 0; c < 4; ++c) {
            auto* item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
        }
    }
    m_table->setUpdatesEnabled(true);
}

} // namespace wn::ui
