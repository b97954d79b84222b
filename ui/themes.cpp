#include "ui/themes.h"

#include <algorithm>
#include <cmath>

namespace wn::ui {
namespace {

Palette dark() {
    Palette p;
    p.background = QColor(28, 28, 32);
    p.panel = QColor(40, 40, 46);
    p.ink = QColor(232, 232, 228);
    p.muted = QColor(165, 165, 165);
    p.grid = QColor(72, 72, 78);
    p.inactive = QColor(100, 100, 105);
    p.stale = QColor(130, 130, 130);
    p.idle = QColor(100, 100, 105);
    p.publishing = QColor(235, 235, 235);
    p.selection = QColor(86, 180, 233, 60);
    p.caption_band = QColor(8, 8, 10);
    p.timeline_rows[3] = QColor(130, 130, 130);
    p.hosts[6] = QColor(190, 190, 190);
    p.lab.unknown_strategy = p.ink;
    return p;
}

Palette high_contrast() {
    // Light ink on black, the brightest state colours and heavier lines.
    Palette p = dark();
    p.background = QColor(0, 0, 0);
    p.panel = QColor(0, 0, 0);
    p.ink = QColor(255, 255, 255);
    p.muted = QColor(225, 225, 225);
    p.grid = QColor(150, 150, 150);
    p.idle = QColor(85, 85, 85); // lighter greys meet green "sending" for deuteranopes
    p.inactive = QColor(85, 85, 85);
    p.publishing = QColor(255, 255, 255);
    p.stale = QColor(190, 190, 190);
    p.caption_band = QColor(0, 0, 0);
    p.caption_detail = QColor(235, 235, 235);
    p.caption_clock = QColor(255, 240, 0);
    p.waiting = QColor(255, 240, 0);
    p.crown = QColor(255, 240, 0);
    Palette::Pens& pens = p.pens;
    for (double* w : {&pens.outline, &pens.member, &pens.client, &pens.version, &pens.request,
                      &pens.marker, &pens.holder_arrow, &pens.reader_arrow, &pens.glyph})
        *w *= 1.5;
    return p;
}

void scale_pens(Palette::Pens& pens, double k) {
    for (double* w : {&pens.outline,         &pens.member,        &pens.member_selected,
                      &pens.client,          &pens.mutated,       &pens.petiole,
                      &pens.current_version, &pens.version,       &pens.selected_version,
                      &pens.holder_arrow,    &pens.reader_arrow,  &pens.cut_off,
                      &pens.glyph,           &pens.selected_cell, &pens.request,
                      &pens.ismaster,        &pens.landmark,      &pens.marker,
                      &pens.playhead,        &pens.chart_line})
        *w *= k;
}

} // namespace

QString theme_name(Theme theme) {
    switch (theme) {
    case Theme::Dark:
        return "dark";
    case Theme::HighContrast:
        return "high-contrast";
    case Theme::Light:
        break;
    }
    return "light";
}

QString theme_title(Theme theme) {
    switch (theme) {
    case Theme::Dark:
        return "Dark";
    case Theme::HighContrast:
        return "High contrast";
    case Theme::Light:
        break;
    }
    return "Light";
}

std::optional<Theme> parse_theme(const QString& name) {
    for (const Theme t : kThemes)
        if (theme_name(t) == name)
            return t;
    return std::nullopt;
}

double step_font_scale(double scale, int direction) {
    if (direction > 0) {
        for (const double s : kFontScales)
            if (s > scale + 1e-9)
                return s;
        return kFontScales.back();
    }
    for (auto it = kFontScales.rbegin(); it != kFontScales.rend(); ++it)
        if (*it < scale - 1e-9)
            return *it;
    return kFontScales.front();
}

bool valid_font_scale(double scale) {
    return std::isfinite(scale) && scale >= kFontScales.front() - 1e-9 &&
           scale <= kFontScales.back() + 1e-9;
}

Palette theme_palette(Theme theme) {
    switch (theme) {
    case Theme::Dark:
        return dark();
    case Theme::HighContrast:
        return high_contrast();
    case Theme::Light:
        break;
    }
    return Palette{};
}

Palette view_palette(Theme theme, double font_scale, bool presenter) {
    Palette p = theme_palette(theme);
    scale_pens(p.pens, font_scale);
    p.font_scale = font_scale;
    p.presenter = presenter;
    if (presenter) {
        // Read from the back of the room: no wire thinner than 3 px, and the threads'
        // local snapshot pointers (the pattern's point) drawn widest of all, at full ink.
        Palette::Pens& pens = p.pens;
        for (double* w : {&pens.request, &pens.ismaster, &pens.reader_arrow, &pens.petiole,
                          &pens.outline, &pens.marker})
            *w = std::max(*w, 3.0);
        const double widest = std::max({pens.petiole, pens.request, pens.ismaster,
                                        pens.reader_arrow, pens.cut_off, pens.mutated});
        pens.holder_arrow = std::max(pens.holder_arrow * 3, widest + 2);
    }
    return p;
}

} // namespace wn::ui
