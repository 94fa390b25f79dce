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

void drawServerLost(ui::UiContext& ctx, const domain::Texts* italianAlso) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ui::Palette& palette = ui::palette();
    ctx.targets.record("in-use:" + ctx.language, ImVec2(0, 0), ImVec2(1, 1), ui::TargetKind::Marker);
    draw->AddRectFilled(ImVec2(0, 0), ctx.size, palette.background);
    const float band = ctx.px(12);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.size.x, band), palette.danger);
    float y = ctx.size.y * 0.36f;
    ImFont* heading = ctx.fonts.heading;
    y += centred(draw, heading, heading->FontSize, ctx.texts.get("error.server_lost"), y, ctx.size.x, palette.danger);
    y += ctx.px(32);
    ImFont* body = ctx.fonts.body;
    y += centred(draw, body, body->FontSize, ctx.texts.get("error.server_retrying"), y, ctx.size.x, palette.text);
    if (!italianAlso) return;
    y += ctx.px(48);
    ImFont* small = ctx.fonts.small;
    const std::string italian = italianAlso->get("error.server_lost") + " – " + italianAlso->get("error.server_retrying");
    centred(draw, small, small->FontSize, italian, y, ctx.size.x, palette.textMuted);
}

void drawDatabaseLost(ui::UiContext& ctx, const domain::Texts* italianAlso, const domain::Texts& italian, bool saved,
                      const std::string& dbPath) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ui::Palette& palette = ui::palette();
    ctx.targets.record("in-use:" + ctx.language, ImVec2(0, 0), ImVec2(1, 1), ui::TargetKind::Marker);
    ctx.targets.record(saved ? "tickets-saved" : "tickets-not-saved", ImVec2(0, 0), ImVec2(1, 1),
                       ui::TargetKind::Marker);
    draw->AddRectFilled(ImVec2(0, 0), ctx.size, palette.background);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.size.x, ctx.px(12)), palette.danger);
    float y = ctx.size.y * 0.32f;
    ImFont* heading = ctx.fonts.heading;
    y += centred(draw, heading, heading->FontSize, ctx.texts.get("error.title"), y, ctx.size.x, palette.danger);
    y += ctx.px(32);
    ImFont* body = ctx.fonts.body;
    y += centred(draw, body, body->FontSize, ctx.texts.get("error.database_lost"), y, ctx.size.x, palette.text);
    ImFont* small = ctx.fonts.small;
    if (italianAlso) {
        y += ctx.px(48);
        const std::string both = italianAlso->get("error.title") + " – " + italianAlso->get("error.database_lost");
        y += centred(draw, small, small->FontSize, both, y, ctx.size.x, palette.textMuted);
    }
    const std::string staff = italian.format(saved ? "admin.database_lost_saved" : "admin.database_lost_unsaved",
                                             {{"file", dbPath + "-wal"}, {"db", dbPath}});
    const float wrap = ctx.size.x * 0.8f;
    const float height = small->CalcTextSizeA(small->FontSize, FLT_MAX, wrap, staff.c_str()).y;
    centred(draw, small, small->FontSize, staff, std::max(y + ctx.px(48), ctx.size.y - height - ctx.px(48)), ctx.size.x,
            palette.textMuted);
}

}  // namespace app
