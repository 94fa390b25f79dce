#pragma once
#include <vector>

#include "domain/config.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// Services, step 1: the categories as tiles.
void drawServicesScreen(ui::UiContext& ctx, const std::vector<domain::Category>& categories, Intents& intents);

// Services, step 2: the charter cards of one category.
void drawServiceListScreen(ui::UiContext& ctx, const domain::Category& category,
                           const std::vector<const domain::ServiceCard*>& cards, Intents& intents);

// Services, step 3: one card with the charter's sections, scrolled with a finger.
void drawCardScreen(ui::UiContext& ctx, const domain::ServiceCard& card, Intents& intents);

}  // namespace screens
