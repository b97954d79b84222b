#pragma once

// Every colour of the "Real threads" window, named in one place, so that it can join the
// application's single palette.

#include "lab/strategy.h"

#include <QColor>

namespace wn::ui {

struct LabColors {
    // Okabe-Ito (colour-blind safe); each strategy also has a line style of its own, so that
    // colour is never alone.
    QColor wasp{0x00, 0x72, 0xB2};
    QColor wasp_refcount{0x00, 0x9E, 0x73};
    QColor mutex{0xD5, 0x5E, 0x00};
    QColor rwlock{0xCC, 0x79, 0xA7};
    QColor unknown_strategy{Qt::black};
    /// Behind the line samples of the checkboxes and the table.
    QColor sample_background{Qt::transparent};
    /// The "Torn reads" cell: none, as it must be, or some.
    QColor torn_none{0x00, 0x6B, 0x3C};
    QColor torn_some{Qt::red};
    /// A kill marker is the running strategy's colour darkened by this (QColor::darker).
    int marker_darker = 130;

    QColor strategy(lab::Strategy s) const {
        switch (s) {
        case lab::Strategy::wasp:
            return wasp;
        case lab::Strategy::wasp_refcount:
            return wasp_refcount;
        case lab::Strategy::mutex:
            return mutex;
        case lab::Strategy::rwlock:
            return rwlock;
        }
        return unknown_strategy;
    }
};

inline const LabColors& lab_colors() {
    static const LabColors colors;
    return colors;
}

} // namespace wn::ui
