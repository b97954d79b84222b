#pragma once

#include <QFont>
#include <QString>
#include <vector>

namespace wn::ui {

/// A text broken into lines, and their total height.
struct WrappedText {
    std::vector<QString> lines;
    double height = 0;
};

/// `text` broken at spaces into lines no wider than `width` with `font`; a word wider than
/// that keeps a line of its own (the caller elides it). The one word wrap of the scene's
/// two-line headline and the tour card.
WrappedText word_wrap(const QString& text, const QFont& font, double width);

} // namespace wn::ui
