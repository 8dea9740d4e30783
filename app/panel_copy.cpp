#include "panel_copy.hpp"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"   // ImGuiItemStatusFlags_Checkable, _Checked

namespace trayecto::app {

namespace {

PanelItem::Kind kindOf(const widgets::Widget& w) {
    using widgets::FieldRole;
    switch (w.role) {
        case FieldRole::Text: return PanelItem::Kind::Text;
        case FieldRole::Number: return PanelItem::Kind::Number;
        case FieldRole::Choice: return PanelItem::Kind::Choice;
        case FieldRole::Colour: return PanelItem::Kind::Colour;
        case FieldRole::Tab: return PanelItem::Kind::Tab;
        case FieldRole::None: break;
    }
    return (w.flags & ImGuiItemStatusFlags_Checkable) ? PanelItem::Kind::Check : PanelItem::Kind::Button;
}

const char* kindName(PanelItem::Kind kind) {
    switch (kind) {
        case PanelItem::Kind::Tab: return "tab";
        case PanelItem::Kind::Check: return "check";
        case PanelItem::Kind::Text: return "text";
        case PanelItem::Kind::Number: return "number";
        case PanelItem::Kind::Choice: return "choice";
        case PanelItem::Kind::Colour: return "colour";
        case PanelItem::Kind::Button: break;
    }
    return "button";
}

// What a screen reader says of an item that takes the keyboard ("Notas: …", "Duplicar, botón").
std::string say(Lang lang, const PanelItem& item) {
    switch (item.kind) {
        case PanelItem::Kind::Button: return format(lang, Text::PanelSayButton, {item.label});
        case PanelItem::Kind::Tab: return format(lang, Text::PanelSayTab, {item.label});
        case PanelItem::Kind::Check:
            return format(lang, item.checked ? Text::PanelSayChecked : Text::PanelSayNotChecked, {item.label});
        default: return format(lang, Text::PanelSayField, {item.label, item.value});
    }
}

}  // namespace

bool PanelCopy::update(const std::vector<widgets::Widget>& frame, const char* window, ImGuiID keyboard,
                       const std::string& status) {
    const size_t prefix = std::strlen(window);
    size_t n = 0;
    int focused = -1;
    ids_.clear();
    for (const widgets::Widget& w : frame) {
        if (w.window.compare(0, prefix, window) != 0) continue;
        const size_t hashes = w.label.find("##");
        const size_t shown = hashes == std::string::npos ? w.label.size() : hashes;
        if (shown == 0) continue;   // no text a person reads (a colour swatch beside a name)
        // A menu or a selectable can report itself twice: one item.
        if (std::find(ids_.begin(), ids_.end(), w.id) != ids_.end()) continue;
        ids_.push_back(w.id);
        if (next_.size() <= n) next_.emplace_back();
        PanelItem& item = next_[n];
        item.label.assign(w.label, 0, shown);
        item.value = w.value;
        item.kind = kindOf(w);
        item.checked = (w.flags & ImGuiItemStatusFlags_Checked) != 0;
        if (keyboard != 0 && w.id == keyboard) focused = static_cast<int>(n);
        ++n;
    }
    const bool changed = n != items_.size() || focused != focused_ || status != status_ ||
                         !std::equal(items_.begin(), items_.end(), next_.begin());
    if (changed) items_.assign(next_.begin(), next_.begin() + static_cast<long>(n));
    focused_ = focused;
    if (status != status_) status_ = status;
    return changed;
}

std::string PanelCopy::json(Lang lang) const {
    using nlohmann::json;
    std::string tab;
    json items = json::array();
    for (const PanelItem& item : items_) {
        if (item.kind == PanelItem::Kind::Tab && !item.value.empty()) tab = item.label;
        items.push_back({{"label", item.label}, {"value", item.value}, {"kind", kindName(item.kind)}, {"checked", item.checked}});
    }
    const json out = {{"name", format(lang, Text::PanelCopyName, {tab})},
                      {"items", std::move(items)},
                      {"focused", focused_},
                      {"say", focused_ >= 0 ? say(lang, items_[static_cast<size_t>(focused_)]) : std::string()},
                      {"statusName", tr(lang, Text::StatusLineName)},
                      {"status", status_}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace trayecto::app
