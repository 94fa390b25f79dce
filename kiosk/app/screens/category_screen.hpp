#pragma once
#include <vector>

#include "domain/ticket.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// The visit to the category choice: its token makes repeated taps one ticket.
struct CategoryScreenState {
    std::string requestToken;
};

void drawCategoryScreen(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                        const CategoryScreenState& state, Intents& intents);

// The pictogram of a category, by its id; a neutral person for ids the kiosk does not know.
ui::Icon iconForCategory(const std::string& categoryId);

}  // namespace screens
