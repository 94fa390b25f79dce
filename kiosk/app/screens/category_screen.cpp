#include "category_screen.hpp"

#include "domain/config_translations.hpp"

namespace screens {

ui::Icon iconForCategory(const std::string& id) {
    if (id == "anziani") return ui::Icon::Elderly;
    if (id == "disabili") return ui::Icon::Disability;
    if (id == "minori-famiglie") return ui::Icon::Family;
    return ui::Icon::Adult;
}

std::optional<std::string> categoryGrid(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                                        const std::string& idPrefix, float top, float bottom) {
    const float pad = ctx.px(96);
    const float gap = ctx.px(40);
    // Two columns; as many rows as the config has categories (four in the charter).
    const int rows = static_cast<int>((categories.size() + 1) / 2);
    const float cellW = (ctx.size.x - 2 * pad - gap) / 2;
    const float cellH =
        rows > 0 ? (bottom - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) : 0;
    std::optional<std::string> tapped;
    for (size_t i = 0; i < categories.size(); ++i) {
        const auto& c = categories[i];
        float x = pad + static_cast<float>(i % 2) * (cellW + gap);
        float y = top + static_cast<float>(i / 2) * (cellH + gap);
        std::string id = idPrefix + c.id;
        const domain::LocalizedCategory text = domain::localizedCategory(c, ctx.language);
        ui::TileSpec spec{id.c_str(), ImVec2(x, y), ImVec2(x + cellW, y + cellH), text.label, text.description,
                          iconForCategory(c.id), ui::TileStyle::Card, {}};
        if (ui::tile(ctx, spec)) tapped = c.id;
    }
    return tapped;
}

void drawCategoryScreen(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                        const CategoryScreenState&, Intents& intents) {
    float top = ui::screenTitle(ctx, ctx.texts.get("category.title"), ctx.texts.get("category.subtitle"));
    float bottom = ui::backButtonTop(ctx) - ctx.px(40);
    if (auto id = categoryGrid(ctx, categories, "category:", top, bottom)) intents.takeTicketCategory = *id;
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

}  // namespace screens
