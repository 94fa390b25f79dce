#include "category_screen.hpp"

#include <algorithm>

#include "domain/config_translations.hpp"

namespace screens {

ui::Icon iconForCategory(const std::string& id) {
    if (id == "anziani") return ui::Icon::Elderly;
    if (id == "disabili") return ui::Icon::Disability;
    if (id == "minori-famiglie") return ui::Icon::Family;
    return ui::Icon::Adult;
}

namespace {

// The type of a grid's tiles, largest first: the label, then the explanatory line, give way.
struct TileType {
    bool smallLabel;
    bool smallSublabel;
};
constexpr TileType kTileTypes[] = {{false, false}, {true, false}, {true, true}};

// The whole grid shrinks together, so tiles side by side look alike: icons go first (as on the
// home screen), then the type steps down until every tile's words fit. domain::kMaxCategories is
// the most that fit this way at 1920x1080 with large text (tests/ui/touch_size_test.cpp).
void fitTogether(const ui::UiContext& ctx, std::vector<ui::TileSpec>& specs) {
    const bool iconsFit =
        std::all_of(specs.begin(), specs.end(), [&](const ui::TileSpec& s) { return ui::tileTextFits(ctx, s); });
    for (auto& spec : specs)
        if (!iconsFit) spec.icon = ui::Icon::None;
    for (const TileType type : kTileTypes) {
        for (auto& spec : specs) {
            spec.smallLabel = type.smallLabel;
            spec.smallSublabel = type.smallSublabel;
        }
        if (std::all_of(specs.begin(), specs.end(), [&](const ui::TileSpec& s) { return ui::tileFits(ctx, s); }))
            return;
    }
}

}  // namespace

std::optional<std::string> categoryGrid(ui::UiContext& ctx, const std::vector<domain::Category>& categories,
                                        const std::string& idPrefix, float top, float bottom) {
    const float pad = ctx.px(96);
    // Two columns; as many rows as the config has categories (four in the charter, at most three
    // rows). Three rows close up, to leave the tiles room for two lines of words.
    const int rows = static_cast<int>((categories.size() + 1) / 2);
    const float gap = rows > 2 ? ctx.px(24) : ctx.px(40);
    const float cellW = (ctx.size.x - 2 * pad - gap) / 2;
    const float cellH =
        rows > 0 ? (bottom - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) : 0;
    std::vector<std::string> ids;
    std::vector<ui::TileSpec> specs;
    ids.reserve(categories.size());  // the specs point into these strings
    for (size_t i = 0; i < categories.size(); ++i) {
        const auto& c = categories[i];
        float x = pad + static_cast<float>(i % 2) * (cellW + gap);
        float y = top + static_cast<float>(i / 2) * (cellH + gap);
        ids.push_back(idPrefix + c.id);
        const domain::LocalizedCategory text = domain::localizedCategory(c, ctx.language);
        specs.push_back({ids.back().c_str(), ImVec2(x, y), ImVec2(x + cellW, y + cellH), text.label, text.description,
                         iconForCategory(c.id), ui::TileStyle::Card, {}});
    }
    fitTogether(ctx, specs);
    std::optional<std::string> tapped;
    for (size_t i = 0; i < categories.size(); ++i)
        if (ui::tile(ctx, specs[i])) tapped = categories[i].id;
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
