#include "category_screen.hpp"

namespace screens {

ui::Icon iconForCategory(const std::string& id) {
    if (id == "anziani") return ui::Icon::Elderly;
    if (id == "disabili") return ui::Icon::Disability;
    if (id == "minori-famiglie") return ui::Icon::Family;
    return ui::Icon::Adult;
}

void drawCategoryScreen(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                        const CategoryScreenState&, Intents& intents) {
    const float pad = ctx.px(96);
    const float gap = ctx.px(40);
    float y = ui::headerHeight(ctx) + ctx.px(48);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(pad, y), ui::color::kText, ctx.texts.get("category.title"));
    ui::textAt(ctx, ctx.fonts.body, ImVec2(pad, y + ctx.px(72)), ui::color::kTextMuted, ctx.texts.get("category.subtitle"));

    // Two columns; as many rows as the config has categories (four in the charter).
    const float gridTop = y + ctx.px(150);
    const float gridBottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(40) - ctx.px(104) - gap;
    const int rows = static_cast<int>((categories.size() + 1) / 2);
    const float cellW = (ctx.size.x - 2 * pad - gap) / 2;
    const float cellH = rows > 0 ? (gridBottom - gridTop - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) : 0;
    for (size_t i = 0; i < categories.size(); ++i) {
        const auto& c = categories[i];
        float x = pad + static_cast<float>(i % 2) * (cellW + gap);
        float top = gridTop + static_cast<float>(i / 2) * (cellH + gap);
        std::string id = "category:" + c.id;
        ui::TileSpec spec{id.c_str(), ImVec2(x, top), ImVec2(x + cellW, top + cellH), c.label, c.description,
                          iconForCategory(c.id), ui::TileStyle::Card};
        if (ui::tile(ctx, spec)) intents.takeTicketCategory = c.id;
    }
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

}  // namespace screens
