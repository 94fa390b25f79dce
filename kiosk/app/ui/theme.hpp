#pragma once
// The kiosk's look: Designers Italia colours and sizes, scaled from a 1920x1080 design.
#include <imgui.h>

namespace ui {

// UI Kit Italia palette; text colours keep WCAG AA contrast on their backgrounds.
namespace color {
inline constexpr ImU32 kBackground = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);
inline constexpr ImU32 kSurface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kPrimary = IM_COL32(0x00, 0x66, 0xCC, 0xFF);
inline constexpr ImU32 kPrimaryDark = IM_COL32(0x00, 0x4D, 0x99, 0xFF);
inline constexpr ImU32 kPrimaryLight = IM_COL32(0xE6, 0xF0, 0xFA, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
inline constexpr ImU32 kTextMuted = IM_COL32(0x4A, 0x54, 0x5E, 0xFF);
inline constexpr ImU32 kOnPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kBorder = IM_COL32(0xD2, 0xD9, 0xE0, 0xFF);
inline constexpr ImU32 kSuccess = IM_COL32(0x00, 0x80, 0x55, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0xA6, 0x63, 0x00, 0xFF);
inline constexpr ImU32 kDanger = IM_COL32(0xCC, 0x33, 0x4D, 0xFF);
}  // namespace color

// Lengths of the 1920x1080 design, multiplied by the window's scale when drawing.
struct Metrics {
    float scale = 1.0f;
    float px(float designPixels) const { return designPixels * scale; }
};

// The scale that fits the 1920x1080 design into the window (1280x800 and 4K work too).
float scaleForWindow(int width, int height);

// Sets ImGui's style once: light, rounded, roomy, no borders or title bars.
void applyStyle(float scale);

}  // namespace ui
