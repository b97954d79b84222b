#pragma once

// A lab strategy's colour, from the lab's part of the application's palette.

#include "lab/strategy.h"
#include "ui/palette.h"

#include <QColor>

namespace wn::ui {

inline QColor strategy_color(const LabColors& colors, lab::Strategy s) {
    switch (s) {
    case lab::Strategy::wasp:
        return colors.wasp;
    case lab::Strategy::wasp_refcount:
        return colors.wasp_refcount;
    case lab::Strategy::mutex:
        return colors.mutex;
    case lab::Strategy::rwlock:
        return colors.rwlock;
    case lab::Strategy::naive_in_place:
        return colors.naive_in_place;
    }
    return colors.unknown_strategy;
}

} // namespace wn::ui
