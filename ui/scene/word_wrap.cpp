#include "ui/scene/word_wrap.h"

#include "ui/scene/paint_cache.h"

#include <QFontMetricsF>
#include <QStringList>

namespace wn::ui {

WrappedText word_wrap(const QString& text, const QFont& font, double width) {
    WrappedText w;
    const QFontMetricsF fm(font);
    // Only at spaces: an identifier (self.members[self.primary]) is never cut inside, and
    // a no-break space keeps "t=10 s" on one line.
    const QStringList words = text.split(' ', Qt::SkipEmptyParts);
    QString line;
    for (const QString& word : words) {
        const QString longer = line.isEmpty() ? word : line + ' ' + word;
        if (!line.isEmpty() && text_advance(font, longer) > width) {
            w.lines.push_back(line);
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty())
        w.lines.push_back(line);
    w.height = fm.lineSpacing() * static_cast<double>(w.lines.size());
    return w;
}

} // namespace wn::ui
