#include "server_lost.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui/theme.hpp"

namespace app {

namespace {

// One line (or a wrapped paragraph) centred horizontally at height y; returns the height used.
float centred(ImDrawList* draw, ImFont* font, float size, const std::string& text, float y, float width, ImU32 colour) {
    const float wrap = width * 0.8f;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    draw->AddText(font, size, ImVec2((width - extent.x) / 2, y), colour, text.c_str(), nullptr, wrap);
    return extent.y;
}

}  // namespace

namespace {

// A whole window that says the kiosk cannot serve now: a red band, `headingKey` and `bodyKey` in
// ctx's language, and both in Italian below when ctx's are another language. Returns the y below.
float outOfServicePage(ui::UiContext& ctx, const domain::Texts* italianAlso, const char* headingKey, const char* bodyKey,
                       float top) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ui::Palette& palette = ui::palette();
    ctx.targets.record("in-use:" + ctx.language, ImVec2(0, 0), ImVec2(1, 1), ui::TargetKind::Marker);
    draw->AddRectFilled(ImVec2(0, 0), ctx.size, palette.background);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.size.x, ctx.px(12)), palette.danger);
    float y = ctx.size.y * top;
    ImFont* heading = ctx.fonts.heading;
    y += centred(draw, heading, heading->FontSize, ctx.texts.get(headingKey), y, ctx.size.x, palette.danger);
    y += ctx.px(32);
    ImFont* body = ctx.fonts.body;
    y += centred(draw, body, body->FontSize, ctx.texts.get(bodyKey), y, ctx.size.x, palette.text);
    if (!italianAlso) return y;
    y += ctx.px(48);
    ImFont* small = ctx.fonts.small;
    const std::string both = italianAlso->get(headingKey) + " – " + italianAlso->get(bodyKey);
    return y + centred(draw, small, small->FontSize, both, y, ctx.size.x, palette.textMuted);
}

}  // namespace

void drawServerLost(ui::UiContext& ctx, const domain::Texts* italianAlso) {
    outOfServicePage(ctx, italianAlso, "error.server_lost", "error.server_retrying", 0.36f);
}

void drawDatabaseLost(ui::UiContext& ctx, const domain::Texts* italianAlso, const domain::Texts& italian, bool saved,
                      const std::string& dbPath) {
    ctx.targets.record(saved ? "tickets-saved" : "tickets-not-saved", ImVec2(0, 0), ImVec2(1, 1),
                       ui::TargetKind::Marker);
    const float y = outOfServicePage(ctx, italianAlso, "error.title", "error.database_lost", 0.32f);
    const std::string staff = italian.format(saved ? "admin.database_lost_saved" : "admin.database_lost_unsaved",
                                             {{"file", dbPath + "-wal"}, {"db", dbPath}});
    ImFont* small = ctx.fonts.small;
    const float wrap = ctx.size.x * 0.8f;
    const float height = small->CalcTextSizeA(small->FontSize, FLT_MAX, wrap, staff.c_str()).y;
    centred(ImGui::GetBackgroundDrawList(), small, small->FontSize, staff,
            std::max(y + ctx.px(48), ctx.size.y - height - ctx.px(48)), ctx.size.x, ui::palette().textMuted);
}

}  // namespace app
