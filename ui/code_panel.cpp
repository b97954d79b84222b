#include "ui/code_panel.h"

#include "ui/controller.h"

#include <QTextBlock>
#include <QTextCursor>
#include <algorithm>

namespace wn::ui {

CodePanel::CodePanel(const SimController& controller, QWidget* parent)
    : QTextBrowser(parent), m_controller(controller) {
    setLineWrapMode(QTextEdit::NoWrap);
    setOpenLinks(false);
}

void CodePanel::refresh(int pane) {
    pane = std::clamp(pane, 0, m_controller.panes() - 1);
    const Simulation& sim = m_controller.sim(pane);
    const StrategyKind strategy = sim.scenario().strategy;
    bool changed = false;
    if (!m_loaded || strategy != m_strategy) {
        m_listing = code_listing(strategy);
        m_strategy = strategy;
        m_loaded = true;
        changed = true;
    }
    std::vector<CodeMark> marks = code_marks(m_listing, sim.client().threads());
    const auto same = [](const CodeMark& a, const CodeMark& b) {
        return a.line == b.line && a.thread == b.thread;
    };
    if (!std::equal(marks.begin(), marks.end(), m_marks.begin(), m_marks.end(), same)) {
        m_marks = std::move(marks);
        changed = true;
    }
    if (changed)
        render();
}

void CodePanel::render() {
    if (m_listing.lines.empty()) {
        setHtml("<p>No source is quoted for <b>" + QString(strategy_name(m_strategy)) +
                "</b>; pausing and stepping threads still works.</p>");
        return;
    }
    // A gutter as wide as the longest mark, so the source stays aligned.
    std::vector<QString> gutter(m_listing.lines.size());
    for (const CodeMark& m : m_marks) {
        QString& g = gutter[static_cast<std::size_t>(m.line)];
        const QString label = QString::fromStdString(m.label);
        g = g.isEmpty() ? label : g.chopped(2) + " " + label; // "T1 T3 ▶"
    }
    qsizetype width = 4;
    for (const QString& g : gutter)
        width = std::max(width, g.size());
    // The theme's selection colours, so a marked line reads in light and dark alike.
    const QString marked =
        "<span style=\"background:" + palette().color(QPalette::Highlight).name() +
        ";color:" + palette().color(QPalette::HighlightedText).name() + ";font-weight:bold\">";
    QString html = "<p style=\"margin:0 0 4px 0\"><b>" +
                   QString::fromStdString(m_listing.note).toHtmlEscaped() + "</b></p>" +
                   "<pre style=\"margin:0\">";
    for (std::size_t i = 0; i < m_listing.lines.size(); ++i) {
        const QString code = QString::fromStdString(m_listing.lines[i]).toHtmlEscaped();
        const QString mark = gutter[i].leftJustified(width + 1).toHtmlEscaped();
        if (gutter[i].isEmpty())
            html += mark + code + "\n";
        else
            html += marked + mark + code + "</span>\n";
    }
    html += "</pre>";
    setHtml(html);
    if (!m_marks.empty()) {
        // Keep the first paused thread's line in view.
        const QTextBlock block =
            document()->findBlockByNumber(m_marks.front().line + 1); // after the note
        QTextCursor cursor(block);
        setTextCursor(cursor);
        ensureCursorVisible();
    }
}

} // namespace wn::ui
