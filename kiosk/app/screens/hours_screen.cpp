#include "hours_screen.hpp"

#include <algorithm>

#include "domain/format.hpp"
#include "home_screen.hpp"

namespace screens {
namespace {

std::vector<domain::Session> weeklyOn(const domain::HoursConfig& hours, int weekday) {
    std::vector<domain::Session> sessions;
    for (const auto& w : hours.weekly)
        if (w.weekday == weekday) sessions.push_back({{}, w.fromMinute, w.toMinute, w.desks});
    std::sort(sessions.begin(), sessions.end(),
              [](const domain::Session& a, const domain::Session& b) { return a.fromMinute < b.fromMinute; });
    return sessions;
}

void weekTable(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const HoursView& view) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(40);
    const float rowH = (max.y - min.y - 2 * pad) / 7;
    const int todayWeekday = view.today.weekdayIso();
    for (int day = 1; day <= 7; ++day) {
        float y = min.y + pad + rowH * static_cast<float>(day - 1);
        const bool isToday = day == todayWeekday;
        if (isToday)
            ctx.draw->AddRectFilled(ImVec2(min.x + ctx.px(16), y), ImVec2(max.x - ctx.px(16), y + rowH),
                                    ui::palette().primaryLight, ctx.px(10));
        auto sessions = weeklyOn(view.hours, day);
        ImFont* font = isToday || !sessions.empty() ? ctx.fonts.bodyBold : ctx.fonts.body;
        float ty = y + (rowH - font->FontSize) / 2;
        std::string name = domain::capitalizedFirst(ctx.texts.get("calendar.weekday_" + std::to_string(day)));
        ui::textAt(ctx, font, ImVec2(min.x + pad, ty), ui::palette().text, name);
        if (isToday) ui::badge(ctx, ImVec2(min.x + pad + ctx.px(230), ty), ctx.texts.get("hours.today"), ui::palette().primary,
                               ui::palette().onPrimary);
        std::string hoursText = sessions.empty() ? ctx.texts.get("hours.closed") : sessionsText(sessions);
        ImVec2 size = ui::measure(font, hoursText);
        ui::textAt(ctx, font, ImVec2(max.x - pad - size.x, ty), sessions.empty() ? ui::palette().textMuted : ui::palette().text,
                   hoursText);
    }
}

void closuresPanel(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const HoursView& view) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(40);
    const float width = max.x - min.x - 2 * pad;
    float y = min.y + pad;
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(min.x + pad, y), ui::palette().text, ctx.texts.get("hours.closures"));
    y += ctx.px(90);
    if (view.upcomingClosures.empty())
        ui::textWrapped(ctx, ctx.fonts.body, ImVec2(min.x + pad, y), width, ui::palette().textMuted,
                        ctx.texts.get("hours.no_closures"));
    for (const auto& c : view.upcomingClosures) {
        if (y > max.y - pad - ctx.px(80)) break;  // the next ones will show as these pass
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(min.x + pad, y), ui::palette().text, domain::longDate(ctx.texts, c.date));
        y += ctx.px(42);
        y += ui::textWrapped(ctx, ctx.fonts.body, ImVec2(min.x + pad, y), width, ui::palette().textMuted, c.reason) +
             ctx.px(20);
    }
}

}  // namespace

void drawHoursScreen(ui::UiContext& ctx, const HoursView& view, Intents& intents) {
    float top = ui::screenTitle(ctx, ctx.texts.get("hours.title"), ctx.texts.get("hours.subtitle"));
    if (view.hours.example)
        ui::badge(ctx, ImVec2(ctx.px(96) + ui::measure(ctx.fonts.heading, ctx.texts.get("hours.title")).x + ctx.px(30),
                              ui::headerHeight(ctx) + ctx.px(56)),
                  ctx.texts.get("hours.example"), ui::palette().highlight, ui::palette().onHighlight);
    const float pad = ctx.px(96);
    const float gap = ctx.px(40);
    const float bottom = ui::backButtonTop(ctx) - ctx.px(32);
    const float split = pad + (ctx.size.x - 2 * pad - gap) * 0.55f;
    weekTable(ctx, ImVec2(pad, top), ImVec2(split, bottom), view);
    closuresPanel(ctx, ImVec2(split + gap, top), ImVec2(ctx.size.x - pad, bottom), view);
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

}  // namespace screens
