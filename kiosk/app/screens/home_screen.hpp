#pragma once
#include "domain/config.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// What the home screen shows: where am I, how busy is it, take a number.
struct HomeView {
    const domain::Office& office;
    domain::LocalDateTime now;
    int waitingCount = 0;
};

void drawHomeScreen(ui::UiContext& ctx, const HomeView& view, Intents& intents);

}  // namespace screens
