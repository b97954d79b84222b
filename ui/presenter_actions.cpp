#include "ui/presenter_actions.h"

#include "ui/main_window.h"
#include "ui/presenter.h"

namespace wn::ui {

const std::vector<PresenterAction>& presenter_actions() {
    using P = ActionPlace;
    auto theme = [](Theme t, const char* key) {
        return PresenterAction{"theme-" + theme_name(t),
                               {P::ViewMenu,
                                theme_title(t),
                                {key},
                                "theme: " + theme_title(t).toLower(),
                                "Colours: " + theme_title(t).toLower() + " (all colour-blind safe)",
                                [t](MainWindow& w, bool) { w.presenter().set_theme(t); },
                                "",
                                true}};
    };
    static const std::vector<PresenterAction> list = {
        {"presenter",
         {P::ViewMenu,
          "&Presenter mode",
          {"F5"},
          "presenter mode (Esc leaves)",
          "Full screen with large text and bold wires, for a projector; Esc leaves",
          [](MainWindow& w, bool on) { w.presenter().set_presenting(on); },
          "",
          true}},
        {"escape",
         {P::ViewMenu,
          "Leave presenter mode",
          {"Esc"},
          "close the key list, end the black screen, leave presenter mode",
          "Close the key list, end the black screen, or leave presenter mode",
          [](MainWindow& w, bool) {
              w.presenter().escape();
          }}},
        {"blank",
         {P::ViewMenu,
          "&Black screen",
          {"B", "."},
          "black screen and back",
          "Blank the screen to black, and back (a clicker's blank key)",
          [](MainWindow& w, bool on) { w.presenter().set_blanked(on); },
          "",
          true}},
        {"larger",
         {P::ViewMenu,
          "&Larger text",
          {"Ctrl+=", "Ctrl++"},
          "larger text and lines",
          "Larger text and thicker lines everywhere",
          [](MainWindow& w, bool) {
              w.presenter().set_font_scale(step_font_scale(w.presenter().font_scale(), 1));
          },
          "",
          false,
          true}},
        {"smaller",
         {P::ViewMenu,
          "&Smaller text",
          {"Ctrl+-"},
          "smaller text and lines",
          "Smaller text and thinner lines",
          [](MainWindow& w, bool) {
              w.presenter().set_font_scale(step_font_scale(w.presenter().font_scale(), -1));
          }}},
        {"normal",
         {P::ViewMenu,
          "&Normal text size",
          {"Ctrl+0"},
          "normal text size",
          "Text and lines at their normal size",
          [](MainWindow& w, bool) {
              w.presenter().set_font_scale(1.0);
          }}},
        theme(Theme::Light, "Ctrl+Shift+1"),
        theme(Theme::Dark, "Ctrl+Shift+2"),
        theme(Theme::HighContrast, "Ctrl+Shift+3"),
        {"auto-pause",
         {P::ViewMenu,
          "&Pause when the window loses focus",
          {"Ctrl+Shift+F"},
          "pause when the window loses focus",
          "Pause playback when you switch to another window (on by default in presenter "
          "mode)",
          [](MainWindow& w, bool on) { w.presenter().set_auto_pause(on); },
          "",
          true,
          true}},
    };
    return list;
}

} // namespace wn::ui
