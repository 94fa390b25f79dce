#include "home_screen.hpp"

#include <array>

#include "domain/format.hpp"

namespace screens {

std::string sessionsText(const std::vector<domain::Session>& sessions) {
    std::string text;
    for (const auto& s : sessions) {
        if (!text.empty()) text += ", ";
        text += s.start().hhmm() + "–" + s.end().hhmm();
    }
    return text;
}

namespace {

std::string todayText(const ui::UiContext& ctx, const HomeView& view) {
    if (view.closedReason) return ctx.texts.format("home.today_holiday", {{"reason", *view.closedReason}});
    if (view.today.empty()) return ctx.texts.get("home.today_closed");
    return ctx.texts.format("home.today", {{"hours", sessionsText(view.today)}});
}

// Open or closed, in a word and a colour and an icon: never colour alone.
float openStatus(ui::UiContext& ctx, ImVec2 pos, const HomeView& view) {
    const bool open = view.openNow.has_value();
    const ImU32 col = open ? ui::palette().success : ui::palette().danger;
    const float r = ctx.px(22);
    ImVec2 c(pos.x + r, pos.y + ctx.px(30));
    ctx.draw->AddCircleFilled(c, r, col, 32);
    ui::drawIcon(ctx.draw, open ? ui::Icon::Check : ui::Icon::Clock, c, r * 1.5f, ui::palette().onPrimary);
    std::string text = open ? ctx.texts.format("home.open_now", {{"time", view.openNow->end().hhmm()}})
                            : ctx.texts.get("home.closed_now");
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(pos.x + 2 * r + ctx.px(16), pos.y + ctx.px(8)), col, text);
    return ctx.px(72);
}

void statusCard(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const HomeView& view) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(44);
    const float width = max.x - min.x - 2 * pad;
    const float x = min.x + pad;
    float y = min.y + pad;
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(x, y), ui::palette().text,
               domain::capitalizedFirst(domain::longDate(ctx.texts, view.now.date)));
    y += ctx.px(90);
    y += openStatus(ctx, ImVec2(x, y), view);
    y += ui::textWrapped(ctx, ctx.fonts.body, ImVec2(x, y), width, ui::palette().text, todayText(ctx, view)) + ctx.px(12);
    if (!view.openNow && view.nextOpening) {
        std::string when = domain::sessionStartText(ctx.texts, *view.nextOpening);
        y += ui::textWrapped(ctx, ctx.fonts.body, ImVec2(x, y), width, ui::palette().text,
                             ctx.texts.format("home.next_opening", {{"when", when}}));
    }
    y += ctx.px(36);
    ctx.draw->AddLine(ImVec2(x, y), ImVec2(max.x - pad, y), ui::palette().border, ctx.px(2));
    y += ctx.px(28);
    ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().textMuted, ctx.texts.get("home.waiting_label"));
    ImVec2 numberSize = ui::measure(ctx.fonts.display, std::to_string(view.waitingCount));
    ui::textAt(ctx, ctx.fonts.display, ImVec2(max.x - pad - numberSize.x, y - ctx.px(20)), ui::palette().primary,
               std::to_string(view.waitingCount));
}

ui::TileSpec takeTicketTile(const ui::UiContext& ctx, const HomeView& view, ImVec2 min, ImVec2 max) {
    if (view.decision.allowed())
        return {"take_ticket", min, max, ctx.texts.get("home.take_ticket"),
                domain::countText(ctx.texts, "home.waiting", view.waitingCount), ui::Icon::Ticket,
                ui::TileStyle::Primary, {}};
    return {"take_ticket", min, max, ctx.texts.get("home.no_tickets"),
            domain::refusalText(ctx.texts, view.decision), ui::Icon::Ticket, ui::TileStyle::Muted, {}};
}

}  // namespace

void drawHomeScreen(ui::UiContext& ctx, const HomeView& view, Intents& intents) {
    const float pad = ctx.px(96);
    const float gap = ctx.px(40);
    const float top = ui::headerHeight(ctx) + ctx.px(56);
    const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(56);
    const float split = pad + (ctx.size.x - 2 * pad - gap) * 0.62f;
    const float smallTileH = ctx.px(190);

    ui::TileSpec take = takeTicketTile(ctx, view, ImVec2(pad, top), ImVec2(split, bottom - smallTileH - gap));
    if (ui::tile(ctx, take)) intents.goTo = view.decision.allowed() ? ScreenId::Category : ScreenId::NoTicket;

    // Three equal tiles under the big one: hours, services, the survey.
    const float third = (split - pad - 2 * gap) / 3;
    const float rowTop = bottom - smallTileH;
    struct SmallTile {
        const char* id;
        const char* label;
        const char* hint;
        ui::Icon icon;
        ScreenId target;
    };
    static constexpr std::array<SmallTile, 3> kTiles{{
        {"hours", "home.hours", "home.hours_hint", ui::Icon::Clock, ScreenId::Hours},
        {"services", "home.services", "home.services_hint", ui::Icon::Info, ScreenId::Services},
        {"survey", "survey.tile", "survey.tile_hint", ui::Icon::Check, ScreenId::SurveyCode},
    }};
    std::array<ui::TileSpec, kTiles.size()> specs;
    bool iconsFit = true;
    for (std::size_t i = 0; i < kTiles.size(); ++i) {
        float x = pad + static_cast<float>(i) * (third + gap);
        specs[i] = {kTiles[i].id, ImVec2(x, rowTop), ImVec2(x + third, bottom), ctx.texts.get(kTiles[i].label),
                    ctx.texts.get(kTiles[i].hint), kTiles[i].icon, ui::TileStyle::Card, {}};
        iconsFit = iconsFit && ui::tileTextFits(ctx, specs[i]);
    }
    bool labelsFit = true;
    for (auto& spec : specs) {
        if (!iconsFit) spec.icon = ui::Icon::None;
        labelsFit = labelsFit && ui::tileLabelFits(ctx, spec);
    }
    // One label too long for heading type (a translation, large text): the row shrinks together.
    for (std::size_t i = 0; i < kTiles.size(); ++i) {
        specs[i].smallLabel = !labelsFit;
        if (ui::tile(ctx, specs[i])) intents.goTo = kTiles[i].target;
    }

    statusCard(ctx, ImVec2(split + gap, top), ImVec2(ctx.size.x - pad, bottom), view);
}

}  // namespace screens
