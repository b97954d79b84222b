#pragma once

#include <QChart>
#include <QGraphicsTextItem>
#include <QStringList>

#include <vector>

namespace wn::ui::testing {

/// Every text Qt Charts drew in `chart` (its title, its axes' labels), as it laid them out
/// (elided or not).
inline QStringList chart_texts(QChart* chart) {
    QStringList texts;
    const QList<QGraphicsItem*> children = chart->childItems();
    std::vector<QGraphicsItem*> todo(children.begin(), children.end());
    while (!todo.empty()) {
        QGraphicsItem* item = todo.back();
        todo.pop_back();
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            texts << text->toPlainText();
        for (QGraphicsItem* child : item->childItems())
            todo.push_back(child);
    }
    return texts;
}

} // namespace wn::ui::testing
