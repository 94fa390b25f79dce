#include "error_screen.hpp"

namespace screens {

void drawErrorScreen(ui::UiContext& ctx, Intents& intents) {
    const float cx = ctx.size.x / 2;
    const float width = ctx.px(1200);
    float y = ui::headerHeight(ctx) + ctx.px(160);
    ctx.draw->AddCircleFilled(ImVec2(cx, y), ctx.px(60), ui::palette().warning, 48);
    ui::textCentered(ctx, ctx.fonts.display, cx, y - ctx.px(44), ui::palette().onPrimary, "!");
    y += ctx.px(100);
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().text, ctx.texts.get("error.title"));
    y += ctx.px(90);
    ui::textWrappedCentered(ctx, ctx.fonts.body, cx, y, width, ui::palette().text, ctx.texts.get("error.store"));
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

}  // namespace screens
