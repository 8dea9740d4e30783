// The side panel (and the status line) as a screen reader meets them: the fields, choices, boxes
// and buttons of the panel's last frame (from the widget registry), each with its label, kind and
// value, and the one that has the keyboard. The page shows them beside the copy of the map as
// read-only form controls, and says the field the keyboard moves to (web/a11y-mirror.js): the
// panel is drawn on the canvas, where a screen reader finds nothing.
#pragma once

#include <string>
#include <vector>

#include "i18n.hpp"
#include "widget_registry.hpp"

namespace trayecto::app {

struct PanelItem {
    enum class Kind { Button, Tab, Check, Text, Number, Choice, Colour };
    std::string label, value;   // the label as shown; the value as text ("chosen" for the tab shown)
    Kind kind = Kind::Button;
    bool checked = false;       // a check box's state
    bool operator==(const PanelItem& o) const {
        return label == o.label && value == o.value && kind == o.kind && checked == o.checked;
    }
};

class PanelCopy {
public:
    // The panel's widgets are those of windows named from `window` on ("##side", its child
    // windows). `keyboard`: the widget that has the keyboard (0 when the keyboard is elsewhere).
    // `status`: what the status line says (App::statusWords), shown with the panel.
    // True when what the copy shows or says changed since the last call.
    bool update(const std::vector<widgets::Widget>& frame, const char* window, ImGuiID keyboard,
                const std::string& status);
    // {"name": …, "items": [{"label", "value", "kind", "checked"}…], "focused": n, "say": …,
    //  "statusName": …, "status": …}, worded in `lang`: "say" is what to announce for the focused
    // item ("" when none).
    std::string json(Lang lang) const;

private:
    std::vector<PanelItem> items_, next_;
    std::vector<ImGuiID> ids_;
    int focused_ = -1;   // index into items_, -1 when the keyboard is not on one
    std::string status_;
};

}  // namespace trayecto::app
