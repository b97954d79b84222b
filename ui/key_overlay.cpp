#include "ui/key_overlay.h"

#include "ui/actions.h"
#include "ui/presenter.h"

#include <QAction>
#include <QKeySequence>
#include <QSet>
#include <QStringList>
#include <QTextDocument>
#include <QWidget>
#include <map>

namespace wn::ui {
namespace {

QString plain_name(QString text) {
    text.remove('&');
    if (text.endsWith("..."))
        text.chop(3);
    return text;
}

/// `text` (plain) escaped, with line breaks between words so that no line is longer than
/// `chars` unless one word is.
QString wrapped(const QString& text, int chars) {
    if (chars <= 0 || text.size() <= chars)
        return text.toHtmlEscaped();
    QStringList lines;
    QString line;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > chars) {
            lines << line.toHtmlEscaped();
            line.clear();
        }
        line += (line.isEmpty() ? "" : " ") + word;
    }
    lines << line.toHtmlEscaped();
    return lines.join("<br>");
}

/// "Ctrl+Shift+1 / 2 / 3": a list of keys with the modifiers they share said once.
QString listed(const QStringList& keys) {
    const QString& first = keys.front();
    // The '+' before the key itself, which may be '+' too ("Ctrl++").
    const qsizetype cut = first.size() >= 3 ? first.lastIndexOf('+', first.size() - 2) : -1;
    if (cut <= 0)
        return keys.join(" / ");
    const QString shared = first.left(cut + 1);
    QStringList shown{first};
    for (qsizetype i = 1; i < keys.size(); ++i) {
        if (!keys[i].startsWith(shared) || keys[i].size() == shared.size())
            return keys.join(" / ");
        shown << keys[i].mid(shared.size());
    }
    return shown.join(" / ");
}

} // namespace

std::vector<KeyRow> key_rows(const QWidget& window) {
    struct Group {
        std::size_t row;
        QStringList keys; // each action's keys, in order
        bool list;
    };
    std::vector<KeyRow> rows;
    QSet<const QAction*> seen;
    std::map<QString, Group> groups;
    for (const QAction* a : window.findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        const QString group = a->property(kKeyGroupProperty).toString();
        if (group.isEmpty()) {
            rows.push_back({keys.join(", "), plain_name(a->text())});
            continue;
        }
        auto it = groups.find(group);
        if (it == groups.end()) {
            it = groups.emplace(group, Group{rows.size(), {}, false}).first;
            rows.push_back({"", group});
        }
        it->second.keys << (a->property(kKeyListProperty).toBool() ? keys.front()
                                                                   : keys.join(", "));
        it->second.list = it->second.list || a->property(kKeyListProperty).toBool();
    }
    for (const auto& [name, g] : groups) {
        // A list names every key; a range its first and its last ("Ctrl+1 … Ctrl+9").
        rows[g.row].keys = g.list || g.keys.size() == 1
                               ? listed(g.keys)
                               : g.keys.front() + " \u2026 " + g.keys.back();
    }
    return rows;
}

QString key_overlay_html(const std::vector<KeyRow>& rows, int columns, int wrap_chars) {
    const std::size_t cols = static_cast<std::size_t>(std::max(1, columns));
    const std::size_t per_column = (rows.size() + cols - 1) / cols;
    QString html = "<h3>Keys</h3><table cellspacing=0 cellpadding=2>";
    for (std::size_t i = 0; i < per_column; ++i) {
        html += "<tr>";
        for (std::size_t c = 0; c < cols; ++c) {
            const std::size_t k = i + c * per_column;
            if (k >= rows.size())
                break;
            if (c > 0)
                html += "<td width=24></td>";
            html += "<td align=right valign=top><b>" + rows[k].keys + "</b></td><td>" +
                    wrapped(rows[k].name, wrap_chars) + "</td>";
        }
        html += "</tr>";
    }
    // The gestures side by side too: two to a row.
    html += "</table><h3>Mouse</h3><table cellspacing=0 cellpadding=2>";
    const auto& list = gestures();
    for (std::size_t i = 0; i < list.size(); i += 2) {
        html += "<tr>";
        for (std::size_t k = i; k < std::min(i + 2, list.size()); ++k) {
            if (k > i)
                html += "<td width=24></td>";
            html += "<td align=right valign=top><b>" + wrapped(list[k].what, wrap_chars) +
                    "</b></td><td>" + wrapped(list[k].does, wrap_chars) + "</td>";
        }
        html += "</tr>";
    }
    return html + "</table><p>Esc or ? closes this.</p>";
}

KeyOverlayText fit_key_overlay(const QWidget& window, QFont font, QSize room, int start_px) {
    const std::vector<KeyRow> rows = key_rows(window);
    // Fewer, wider columns or more, narrower ones with the names over two lines: whichever
    // gives the larger type. A key cut off the bottom is a key the presenter cannot find.
    const std::pair<int, int> layouts[] = {{2, 0}, {2, 26}, {3, 20}, {3, 14}, {4, 14}};
    KeyOverlayText best{key_overlay_html(rows, 3, 14), font};
    best.font.setPixelSize(8);
    QTextDocument measure;
    for (const auto& [columns, wrap] : layouts) {
        const QString html = key_overlay_html(rows, columns, wrap);
        measure.setHtml(html);
        for (int px = start_px; px > best.font.pixelSize(); --px) {
            font.setPixelSize(px);
            measure.setDefaultFont(font);
            measure.setTextWidth(-1);
            if (measure.size().height() <= room.height() && measure.idealWidth() <= room.width()) {
                best = {html, font};
                break;
            }
        }
    }
    return best;
}

} // namespace wn::ui
