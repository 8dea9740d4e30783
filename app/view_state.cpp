#include "view_state.hpp"

#include <algorithm>

namespace trayecto::app {

bool ViewState::isSelected(const Id& id) const {
    return std::find(selection.begin(), selection.end(), id) != selection.end();
}

void ViewState::toggle(const Id& id) {
    auto it = std::find(selection.begin(), selection.end(), id);
    if (it == selection.end()) selection.push_back(id);
    else selection.erase(it);
}

}  // namespace trayecto::app
