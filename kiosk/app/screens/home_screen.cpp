#include "home_screen.hpp"

#include "../ui/format.hpp"

namespace screens {

namespace {

// The card beside the big tile: today's date and how many people are waiting.
void queueCard(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const HomeView& view) {
    ctx.draw->AddRectFilled(min, max, ui::color::kSurface, ctx.px(16));
    ctx.draw->AddRect(min, max, ui::color::kBorder, ctx.px(16), 0, ctx.px(2));
    const float pad = ctx.px(48);
    const float width = max.x - min.x - 2 * pad;
    std::string today = ui::longDate(ctx.texts, view.now.date);
    if (!today.empty()) today[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(today[0])));
    float y = min.y + pad;
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(min.x + pad, y), ui::color::kText, today);
    y += ctx.px(110);
    ui::textAt(ctx, ctx.fonts.body, ImVec2(min.x + pad, y), ui::color::kTextMuted, ctx.texts.get("home.waiting_label"));
    y += ctx.px(40);
    ui::textAt(ctx, ctx.fonts.ticket, ImVec2(min.x + pad, y), ui::color::kPrimary, std::to_string(view.waitingCount));
    y += ctx.fonts.ticket->FontSize;
    ui::textWrapped(ctx, ctx.fonts.body, ImVec2(min.x + pad, y), width, ui::color::kText,
                    ui::countText(ctx.texts, "home.waiting", view.waitingCount));
}

}  // namespace

void drawHomeScreen(ui::UiContext& ctx, const HomeView& view, Intents& intents) {
    const float pad = ctx.px(96);
    const float gap = ctx.px(48);
    const float top = ui::headerHeight(ctx) + ctx.px(64);
    const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(64);
    const float split = pad + (ctx.size.x - 2 * pad - gap) * 0.62f;

    ui::TileSpec take{"take_ticket",
                      ImVec2(pad, top),
                      ImVec2(split, bottom),
                      ctx.texts.get("home.take_ticket"),
                      ctx.texts.get("home.take_ticket_hint"),
                      ui::Icon::Ticket,
                      ui::TileStyle::Primary};
    if (ui::tile(ctx, take)) intents.goTo = ScreenId::Category;
    queueCard(ctx, ImVec2(split + gap, top), ImVec2(ctx.size.x - pad, bottom), view);
}

}  // namespace screens
