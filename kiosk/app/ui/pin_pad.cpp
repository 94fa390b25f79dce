#include "pin_pad.hpp"

#include "theme.hpp"

namespace ui {

std::optional<char> pinPad(UiContext& ctx, const std::string& title, std::size_t digits, const std::string& message) {
    const float cx = ctx.size.x / 2;
    float y = headerHeight(ctx) + ctx.px(40);
    textCentered(ctx, ctx.fonts.heading, cx, y, palette().text, title);
    y += ctx.px(90);
    const float dot = ctx.px(16);
    // Where each digit typed shows as a dot: tests driving the kiosk with real input watch it.
    ctx.targets.record("pin_dots", ImVec2(cx - 3.5f * ctx.px(48) - dot, y), ImVec2(cx + 3.5f * ctx.px(48) + dot, y + 2 * dot),
                       TargetKind::Marker);
    for (std::size_t i = 0; i < 8; ++i) {
        ImVec2 c(cx + (static_cast<float>(i) - 3.5f) * ctx.px(48), y + dot);
        if (i < digits) ctx.draw->AddCircleFilled(c, dot, palette().text, 24);
        else ctx.draw->AddCircle(c, dot, palette().border, 24, ctx.px(3));
    }
    y += ctx.px(64);
    if (!message.empty()) {
        ctx.targets.record("pin_error", ImVec2(cx - 1, y), ImVec2(cx + 1, y + 1), TargetKind::Marker);
        textCentered(ctx, ctx.fonts.bodyBold, cx, y, palette().danger, message);
    }
    y += ctx.px(70);
    return keypad(ctx, "pin:", cx, y, ImVec2(ctx.px(190), ctx.px(110)), ctx.texts.get("staff.delete"),
                  ctx.texts.get("staff.ok"), true);
}

}  // namespace ui
