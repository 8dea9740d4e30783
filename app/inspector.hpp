// The inspector panel: shows and edits every field of the selected item.
#pragma once

#include "trayecto/commands.hpp"
#include "view_state.hpp"

namespace trayecto::app {

void inspector(Document& doc, ViewState& view);

}  // namespace trayecto::app
