#include "home_screen.hpp"

#include "../ui/format.hpp"

namespace screens {

void drawHomeScreen(ui::UiContext& ctx, const HomeView& view, Intents& intents) {
    const float pad = ctx.px(96);
    const float top = ui::headerHeight(ctx) + ctx.px(64);
    const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(64);

    std::string today = ui::longDate(ctx.texts, view.now.date);
    if (!today.empty()) today[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(today[0])));
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(pad, top), ui::color::kText, today);
    std::string waiting = ui::countText(ctx.texts, "home.waiting", view.waitingCount);
    ui::textAt(ctx, ctx.fonts.body, ImVec2(pad, top + ctx.px(76)), ui::color::kTextMuted, waiting);

    ui::TileSpec take{"take_ticket",
                      ImVec2(pad, top + ctx.px(170)),
                      ImVec2(ctx.size.x - pad, bottom),
                      ctx.texts.get("home.take_ticket"),
                      ctx.texts.get("home.take_ticket_hint"),
                      ui::Icon::Ticket,
                      ui::TileStyle::Primary};
    if (ui::tile(ctx, take)) intents.goTo = ScreenId::Category;
}

}  // namespace screens
