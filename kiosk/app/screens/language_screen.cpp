#include "language_screen.hpp"

#include <algorithm>

namespace screens {

void drawLanguageScreen(ui::UiContext& ctx, const std::vector<LanguageChoice>& choices, Intents& intents) {
    float top = ui::screenTitle(ctx, ctx.texts.get("common.language_title"), {});
    float bottom = ui::backButtonTop(ctx) - ctx.px(40);
    const float pad = ctx.px(96);
    const float gap = ctx.px(32);
    // Three across: each tile wide enough for "Українська" beside its globe, even with A+.
    const int columns = std::min<int>(3, std::max<int>(1, static_cast<int>(choices.size())));
    const int rows = (static_cast<int>(choices.size()) + columns - 1) / columns;
    const float cellW = (ctx.size.x - 2 * pad - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float cellH = std::min(ctx.px(200), (bottom - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(std::max(rows, 1)));
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const auto& choice = choices[i];
        const float x = pad + static_cast<float>(static_cast<int>(i) % columns) * (cellW + gap);
        const float y = top + static_cast<float>(static_cast<int>(i) / columns) * (cellH + gap);
        const std::string id = "language:" + choice.code;
        // The language in use carries a tick; the others the globe, so the names line up.
        const ui::Icon icon = choice.code == ctx.language ? ui::Icon::Check : ui::Icon::Globe;
        ui::TileSpec spec{id.c_str(), ImVec2(x, y), ImVec2(x + cellW, y + cellH), choice.selfName, {}, icon,
                          ui::TileStyle::Card, {}};
        if (ui::tile(ctx, spec)) intents.chooseLanguage = choice.code;
    }
    if (ui::backButton(ctx)) intents.chooseLanguage = ctx.language;
}

}  // namespace screens
