#include "ticket_screen.hpp"

#include "category_screen.hpp"
#include "domain/config_translations.hpp"
#include "domain/format.hpp"

namespace screens {

void drawTicketScreen(ui::UiContext& ctx, const TicketScreenState& state, Intents& intents) {
    const auto& issued = state.issued;
    const float cx = ctx.size.x / 2;
    const float cardW = ctx.px(1100);
    const float top = ui::headerHeight(ctx) + ctx.px(40);
    const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(40);
    const float buttonTop = bottom - ctx.px(112);
    // Between the card and the buttons, the countdown line: its height grows with A+.
    const float countdownH = ctx.fonts.small->FontSize + ctx.px(24);
    ImVec2 cardMin(cx - cardW / 2, top), cardMax(cx + cardW / 2, buttonTop - countdownH);
    ctx.draw->AddRectFilled(ImVec2(cardMin.x, cardMin.y + ctx.px(6)), ImVec2(cardMax.x, cardMax.y + ctx.px(6)),
                            ui::palette().shadow, ctx.px(16));
    ctx.draw->AddRectFilled(cardMin, cardMax, ui::palette().surface, ctx.px(16));
    // The outline is what sets the card off the page where a shadow does not show (high contrast).
    ctx.draw->AddRect(cardMin, cardMax, ui::palette().border, ctx.px(16), 0, ctx.px(2));
    ctx.draw->AddRectFilled(cardMin, ImVec2(cardMax.x, cardMin.y + ctx.px(14)), ui::palette().primary, ctx.px(16),
                            ImDrawFlags_RoundCornersTop);

    float y = cardMin.y + ctx.px(40);
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().textMuted, ctx.texts.get("ticket.your_number"));
    y += ctx.px(52);
    ui::textCentered(ctx, ctx.fonts.ticket, cx, y, ui::palette().primary, issued.ticket.code);
    y += ctx.fonts.ticket->FontSize * 0.86f;
    std::string category =
        issued.category ? domain::localizedCategory(*issued.category, ctx.language).label : issued.ticket.categoryId;
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().text, category);
    y += ctx.px(80);
    ui::textCentered(ctx, ctx.fonts.bodyBold, cx, y, ui::palette().text,
                     domain::countText(ctx.texts, "ticket.ahead", issued.peopleAhead));
    y += ctx.px(46);
    ui::textCentered(ctx, ctx.fonts.body, cx, y, ui::palette().text,
                     ctx.texts.format("ticket.wait_estimate", {{"minutes", std::to_string(issued.waitMinutes)}}));
    y += ctx.px(46);
    // What to do with the paper: take it, or write the number down when the printer failed.
    std::string hint = ctx.texts.get("ticket.wait_hint");
    ImU32 hintColor = ui::palette().textMuted;
    ImFont* hintFont = ctx.fonts.body;
    if (state.print == PrintOutcome::Printed) hint = ctx.texts.get("ticket.take_printed");
    if (state.print == PrintOutcome::Failed) {
        hint = ctx.texts.get("ticket.print_failed");
        hintColor = ui::palette().danger;
        hintFont = ctx.fonts.bodyBold;
        ctx.targets.record("print_failed", ImVec2(cx - 1, y), ImVec2(cx + 1, y + 1), ui::TargetKind::Marker);
    }
    ui::textCentered(ctx, hintFont, cx, y, hintColor, hint);
    if (!issued.ticket.surveyCode.empty()) {
        // A band of its own at the foot of the card, like the tear-off part of a paper ticket.
        const float bandTop = cardMax.y - ctx.px(76);
        ctx.draw->AddRectFilled(ImVec2(cardMin.x, bandTop), cardMax, ui::palette().primaryLight, ctx.px(16),
                                ImDrawFlags_RoundCornersBottom);
        ui::textCentered(ctx, ctx.fonts.bodyBold, cx, bandTop + (ctx.px(76) - ctx.fonts.bodyBold->FontSize) / 2,
                         ui::palette().text, ctx.texts.format("ticket_survey.code", {{"code", issued.ticket.surveyCode}}));
    }

    // "Ascolta il numero" beside "Ho capito" when the kiosk can speak: for those who cannot read
    // the screen, in the language they chose.
    const float buttonW = ctx.px(520), gap = ctx.px(40);
    const float doneLeft = state.canListen ? cx + gap / 2 : cx - buttonW / 2;
    if (state.canListen && ui::pillButton(ctx, "listen", ImVec2(cx - gap / 2 - buttonW, buttonTop), ImVec2(cx - gap / 2, bottom),
                                          ctx.texts.get("ticket.listen"), ui::Icon::Speaker, false))
        intents.listenTicket = true;
    if (ui::pillButton(ctx, "done", ImVec2(doneLeft, buttonTop), ImVec2(doneLeft + buttonW, bottom),
                       ctx.texts.get("ticket.done"), ui::Icon::Check, true))
        intents.goTo = ScreenId::Home;
    std::string countdown = ctx.texts.format("ticket.auto_home", {{"s", std::to_string(state.secondsLeft)}});
    ui::textCentered(ctx, ctx.fonts.small, cx, cardMax.y + ctx.px(12), ui::palette().textMuted, countdown);
}

}  // namespace screens
