#pragma once
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// Shown when a ticket could not be stored: the citizen is sent to the desk, never given a
// number that was not saved.
void drawErrorScreen(ui::UiContext& ctx, Intents& intents);

}  // namespace screens
