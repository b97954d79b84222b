#pragma once

#include "ui/model/code_listing.h"

#include <QTextBrowser>

namespace wn::ui {

class SimController;

/// View > Code: the PyMongo source of the shown strategy's send_message and refresh, with
/// each paused thread's mark ("T1 ▶") at the line it stands on.
class CodePanel : public QTextBrowser {
    Q_OBJECT
public:
    CodePanel(const SimController& controller, QWidget* parent = nullptr);

    /// Follows pane `pane` of the controller now; cheap when nothing it shows changed.
    void refresh(int pane);
    const CodeListing& listing() const { return m_listing; }
    const std::vector<CodeMark>& marks() const { return m_marks; }

private:
    void render();

    const SimController& m_controller;
    StrategyKind m_strategy = StrategyKind::Sdam;
    bool m_loaded = false;
    CodeListing m_listing;
    std::vector<CodeMark> m_marks;
};

} // namespace wn::ui
