#pragma once
// The kiosk's look: Designers Italia colours and sizes, scaled from a 1920x1080 design.
#include <imgui.h>

namespace ui {

// The colours every screen draws with. The standard palette is UI Kit Italia's; text colours keep
// WCAG AA contrast on their backgrounds. A theme is chosen once at start (config [kiosk] theme).
struct Palette {
    ImU32 background = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);
    ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 primary = IM_COL32(0x00, 0x66, 0xCC, 0xFF);
    ImU32 primaryDark = IM_COL32(0x00, 0x4D, 0x99, 0xFF);
    ImU32 primaryLight = IM_COL32(0xE6, 0xF0, 0xFA, 0xFF);
    ImU32 text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
    ImU32 textMuted = IM_COL32(0x4A, 0x54, 0x5E, 0xFF);
    ImU32 onPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 border = IM_COL32(0xD2, 0xD9, 0xE0, 0xFF);
    ImU32 success = IM_COL32(0x00, 0x80, 0x55, 0xFF);
    ImU32 warning = IM_COL32(0xA6, 0x63, 0x00, 0xFF);
    ImU32 danger = IM_COL32(0xCC, 0x33, 0x4D, 0xFF);
};

// The palette in use; the standard one until usePalette is called.
const Palette& palette();
void usePalette(const Palette& p);

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
