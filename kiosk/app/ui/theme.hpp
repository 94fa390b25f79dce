#pragma once
// The kiosk's look: Designers Italia colours and sizes, scaled from a 1920x1080 design.
#include <imgui.h>

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace ui {

// The colours every screen draws with. The standard palette is UI Kit Italia's; text colours keep
// WCAG AA contrast on their backgrounds. A theme is chosen once at start (config [kiosk] theme).
// Every text/background pair the screens use is listed in colorPairs(): a screen that starts
// drawing a new pair adds it there, and the contrast test checks it in every theme.
struct Palette {
    ImU32 background = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);
    ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 primary = IM_COL32(0x00, 0x66, 0xCC, 0xFF);
    ImU32 primaryDark = IM_COL32(0x00, 0x4D, 0x99, 0xFF);   // a primary button while pressed
    ImU32 primaryLight = IM_COL32(0xE6, 0xF0, 0xFA, 0xFF);  // pressed light buttons, today's row
    ImU32 text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
    ImU32 textMuted = IM_COL32(0x4A, 0x54, 0x5E, 0xFF);
    ImU32 onPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 border = IM_COL32(0xD2, 0xD9, 0xE0, 0xFF);
    ImU32 success = IM_COL32(0x00, 0x80, 0x55, 0xFF);
    ImU32 warning = IM_COL32(0xA6, 0x63, 0x00, 0xFF);
    ImU32 danger = IM_COL32(0xCC, 0x33, 0x4D, 0xFF);
    ImU32 shadow = IM_COL32(0x17, 0x32, 0x4D, 0x22);        // soft drop shadow under tiles and cards
    ImU32 mutedFill = IM_COL32(0xEB, 0xEE, 0xF2, 0xFF);     // what cannot be used now; empty bar tracks
    ImU32 highlight = IM_COL32(0xFF, 0xE0, 0x8A, 0xFF);     // "Esempio" and "DEMO" marks
    ImU32 onHighlight = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
    // The survey's five faces, from 1 (red, frowning) to 5 (green, smiling), and their eyes and mouth.
    std::array<ImU32, 5> faces = {IM_COL32(0xCC, 0x33, 0x4D, 0xFF), IM_COL32(0xD9, 0x73, 0x2E, 0xFF),
                                  IM_COL32(0xA6, 0x8A, 0x00, 0xFF), IM_COL32(0x4C, 0x9A, 0x2A, 0xFF),
                                  IM_COL32(0x00, 0x80, 0x55, 0xFF)};
    ImU32 onFace = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
};

// The names config [kiosk] theme accepts (domain::kKioskThemes lists the same ones).
inline constexpr std::array<std::string_view, 2> kThemeNames{"standard", "high-contrast"};

Palette standardPalette();
// White and yellow on black, for low vision: every text pair reaches WCAG AAA (7:1).
Palette highContrastPalette();
// The palette of a theme name in kThemeNames; nullopt for any other name.
std::optional<Palette> paletteNamed(std::string_view name);

// The palette in use; the standard one until usePalette is called.
const Palette& palette();
void usePalette(const Palette& p);

// WCAG 2.x relative luminance (0 black .. 1 white) of a colour's RGB (alpha ignored).
double relativeLuminance(ImU32 color);
// WCAG 2.x contrast ratio, from 1 (same colour) to 21 (black on white); order does not matter.
double contrastRatio(ImU32 a, ImU32 b);

// How a pair is drawn, which sets the ratio WCAG asks of it. Sizes are those at the smallest
// supported window (1280x800, scale 2/3): body text (32 px design = 21 px there) counts as
// normal text even in bold, headings (52 px = 35 px) and larger as large text.
enum class PairUse {
    NormalText,  // 4.5:1 (WCAG 1.4.3)
    LargeText,   // 3:1: >= 24 px, or bold >= 18.66 px
    Graphic,     // 3:1 (WCAG 1.4.11): icons and faces that carry meaning
};

// One foreground drawn on one background somewhere on the screens.
struct ColorPair {
    const char* name;  // "text on surface", "onPrimary on primary" ...
    ImU32 (*foreground)(const Palette&);
    ImU32 (*background)(const Palette&);
    PairUse use;
};

// Every text/background pair the screens draw (citizen, staff and board).
std::span<const ColorPair> colorPairs();
double requiredRatio(PairUse use);

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
