#pragma once
#include <optional>
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

// The categories as a two-column grid of big tiles between top and bottom; the tapped id.
// Tile ids are idPrefix + category id ("category:adulti").
std::optional<std::string> categoryGrid(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                                        const std::string& idPrefix, float top, float bottom);

// The pictogram of a category, by its id; a neutral person for ids the kiosk does not know.
ui::Icon iconForCategory(const std::string& categoryId);

}  // namespace screens
