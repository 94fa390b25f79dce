#include "admin_screen.hpp"

#include "../ui/pin_pad.hpp"

namespace screens {

void drawAdminPinScreen(ui::UiContext& ctx, const AdminPinView& view, Intents& intents) {
    auto key = ui::pinPad(ctx, ctx.texts.get("admin.enter_pin"), view.digits, view.message);
    if (key) intents.pinKey = *key;
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

void drawAdminScreen(ui::UiContext& ctx, const AdminFacts& facts, Intents& intents) {
    const float left = ctx.px(160);
    float y = ui::headerHeight(ctx) + ctx.px(48);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(left, y), ui::palette().text, ctx.texts.get("admin.title"));
    y += ctx.px(96);
    for (const auto& [label, value] : facts) {
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(left, y), ui::palette().textMuted, label);
        y += ui::textWrapped(ctx, ctx.fonts.body, ImVec2(left + ctx.px(420), y), ctx.size.x - left * 2 - ctx.px(420),
                             ui::palette().text, value) +
             ctx.px(20);
    }
    y += ctx.px(40);
    const ImVec2 size(ctx.px(560), ctx.px(110));
    if (ui::pillButton(ctx, "admin:exit", ImVec2(left, y), ImVec2(left + size.x, y + size.y),
                       ctx.texts.get("admin.exit"), ui::Icon::None, true))
        intents.exitKiosk = true;
    if (ui::pillButton(ctx, "admin:resume", ImVec2(left + size.x + ctx.px(40), y),
                       ImVec2(left + size.x * 2 + ctx.px(40), y + size.y), ctx.texts.get("admin.resume"),
                       ui::Icon::None, false))
        intents.goTo = ScreenId::Home;
}

}  // namespace screens
