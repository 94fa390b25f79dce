#include "no_ticket_screen.hpp"

namespace screens {

void drawNoTicketScreen(ui::UiContext& ctx, const domain::IssueDecision& decision, Intents& intents) {
    const float cx = ctx.size.x / 2;
    float y = ui::headerHeight(ctx) + ctx.px(170);
    ctx.draw->AddCircleFilled(ImVec2(cx, y), ctx.px(66), ui::palette().primary, 48);
    ui::drawIcon(ctx.draw, ui::Icon::Clock, ImVec2(cx, y), ctx.px(110), ui::palette().onPrimary);
    y += ctx.px(110);
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().text, ctx.texts.get("no_ticket.title"));
    y += ctx.px(100);
    ui::textWrappedCentered(ctx, ctx.fonts.bodyBold, cx, y, ctx.px(1300), ui::palette().text,
                            domain::refusalText(ctx.texts, decision));
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

}  // namespace screens
