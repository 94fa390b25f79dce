#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
Palette g_palette;
}  // namespace

Palette standardPalette() { return Palette{}; }

// Light text on black rather than black on white: a large bright screen glares for eyes with
// cataract or photophobia, and yellow on black is the combination low-vision users most often
// choose. Actions are yellow with black labels; everything still has a border because shadows
// do not show on black.
Palette highContrastPalette() {
    Palette p;
    p.background = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    p.surface = IM_COL32(0x14, 0x14, 0x14, 0xFF);
    p.primary = IM_COL32(0xFF, 0xD2, 0x00, 0xFF);
    p.primaryDark = IM_COL32(0xFF, 0xE5, 0x66, 0xFF);  // pressed: lighter, as dark would vanish on black
    p.primaryLight = IM_COL32(0x3D, 0x33, 0x00, 0xFF);
    p.text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    p.textMuted = IM_COL32(0xD9, 0xD9, 0xD9, 0xFF);
    p.onPrimary = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    p.border = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    p.success = IM_COL32(0x4A, 0xDE, 0x80, 0xFF);
    p.warning = IM_COL32(0xFF, 0xB0, 0x20, 0xFF);
    p.danger = IM_COL32(0xFF, 0x7A, 0x7A, 0xFF);
    p.shadow = IM_COL32(0x00, 0x00, 0x00, 0x00);
    p.mutedFill = IM_COL32(0x2B, 0x2B, 0x2B, 0xFF);
    p.highlight = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    p.onHighlight = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    p.faces = {IM_COL32(0xFF, 0x6B, 0x6B, 0xFF), IM_COL32(0xFF, 0xA9, 0x4D, 0xFF), IM_COL32(0xFF, 0xE0, 0x66, 0xFF),
               IM_COL32(0xA9, 0xE3, 0x4B, 0xFF), IM_COL32(0x4A, 0xDE, 0x80, 0xFF)};
    p.onFace = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    return p;
}

std::optional<Palette> paletteNamed(std::string_view name) {
    if (name == "standard") return standardPalette();
    if (name == "high-contrast") return highContrastPalette();
    return std::nullopt;
}

const Palette& palette() { return g_palette; }
void usePalette(const Palette& p) { g_palette = p; }

namespace {

// sRGB channel (0..255) to linear light, as WCAG 2.x defines it.
double linearChannel(unsigned value) {
    const double c = static_cast<double>(value) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

unsigned channel(ImU32 color, int shift) { return (color >> shift) & 0xFFu; }

}  // namespace

double relativeLuminance(ImU32 color) {
    return 0.2126 * linearChannel(channel(color, IM_COL32_R_SHIFT)) +
           0.7152 * linearChannel(channel(color, IM_COL32_G_SHIFT)) +
           0.0722 * linearChannel(channel(color, IM_COL32_B_SHIFT));
}

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double requiredRatio(PairUse use) { return use == PairUse::NormalText ? 4.5 : 3.0; }

namespace {

template <std::size_t I>
ImU32 face(const Palette& p) {
    return p.faces[I];
}

// Where each pair is drawn, so a reader can find it on the screens.
constexpr ColorPair kPairs[] = {
    // Panels, cards and tiles: labels, running text, the ticket's lines, the staff lists.
    {"text on surface", [](const Palette& p) { return p.text; }, [](const Palette& p) { return p.surface; },
     PairUse::NormalText},
    // Questions, error and no-ticket explanations, the survey's scale labels.
    {"text on background", [](const Palette& p) { return p.text; }, [](const Palette& p) { return p.background; },
     PairUse::NormalText},
    // Tile explanations, the footer, "Chiuso" in the week table, closure reasons.
    {"textMuted on surface", [](const Palette& p) { return p.textMuted; }, [](const Palette& p) { return p.surface; },
     PairUse::NormalText},
    // Screen subtitles, the ticket screen's countdown, "Il questionario è anonimo".
    {"textMuted on background", [](const Palette& p) { return p.textMuted; },
     [](const Palette& p) { return p.background; }, PairUse::NormalText},
    // The header band, "Prendi il numero", filled buttons, the "Oggi" badge, the board's call.
    {"onPrimary on primary", [](const Palette& p) { return p.onPrimary; }, [](const Palette& p) { return p.primary; },
     PairUse::NormalText},
    // A filled button while pressed; the board's call while it pulses.
    {"onPrimary on primaryDark", [](const Palette& p) { return p.onPrimary; },
     [](const Palette& p) { return p.primaryDark; }, PairUse::NormalText},
    // Light buttons' labels, the card's section titles, the ticket number, the waiting count.
    {"primary on surface", [](const Palette& p) { return p.primary; }, [](const Palette& p) { return p.surface; },
     PairUse::NormalText},
    // A light button while pressed; tile icons on their round backdrop.
    {"primary on primaryLight", [](const Palette& p) { return p.primary; },
     [](const Palette& p) { return p.primaryLight; }, PairUse::NormalText},
    // Today's row in the week table, the survey-code band of the ticket, a card tile while pressed.
    {"text on primaryLight", [](const Palette& p) { return p.text; }, [](const Palette& p) { return p.primaryLight; },
     PairUse::NormalText},
    {"textMuted on primaryLight", [](const Palette& p) { return p.textMuted; },
     [](const Palette& p) { return p.primaryLight; }, PairUse::NormalText},
    // "Numeri esauriti": the take-ticket tile when no number can be had; disabled staff buttons.
    {"text on mutedFill", [](const Palette& p) { return p.text; }, [](const Palette& p) { return p.mutedFill; },
     PairUse::NormalText},
    {"textMuted on mutedFill", [](const Palette& p) { return p.textMuted; },
     [](const Palette& p) { return p.mutedFill; }, PairUse::NormalText},
    // "Esempio" badges (hours, service cards) and "DEMO" in the header.
    {"onHighlight on highlight", [](const Palette& p) { return p.onHighlight; },
     [](const Palette& p) { return p.highlight; }, PairUse::NormalText},
    // "Aperto ora" on the home screen; staff: called tickets, status line.
    {"success on surface", [](const Palette& p) { return p.success; }, [](const Palette& p) { return p.surface; },
     PairUse::NormalText},
    {"success on background", [](const Palette& p) { return p.success; },
     [](const Palette& p) { return p.background; }, PairUse::NormalText},
    // "Chiuso ora", the printer failure on the ticket card.
    {"danger on surface", [](const Palette& p) { return p.danger; }, [](const Palette& p) { return p.surface; },
     PairUse::NormalText},
    // A wrong survey code, a wrong PIN, staff errors.
    {"danger on background", [](const Palette& p) { return p.danger; }, [](const Palette& p) { return p.background; },
     PairUse::NormalText},
    // The error screen's "!" (72 px design).
    {"onPrimary on warning", [](const Palette& p) { return p.onPrimary; }, [](const Palette& p) { return p.warning; },
     PairUse::LargeText},
    // Icons in coloured circles: open (check), closed (clock), thanks (check).
    {"onPrimary on success (icon)", [](const Palette& p) { return p.onPrimary; },
     [](const Palette& p) { return p.success; }, PairUse::Graphic},
    {"onPrimary on danger (icon)", [](const Palette& p) { return p.onPrimary; },
     [](const Palette& p) { return p.danger; }, PairUse::Graphic},
    // The survey's progress dots; staff satisfaction bars on their empty track.
    {"primary on background (dots)", [](const Palette& p) { return p.primary; },
     [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"primary on mutedFill (bars)", [](const Palette& p) { return p.primary; },
     [](const Palette& p) { return p.mutedFill; }, PairUse::Graphic},
    // Each survey face must stand out from the page, and its eyes and mouth from the face.
    {"face 1 on background", face<0>, [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"face 2 on background", face<1>, [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"face 3 on background", face<2>, [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"face 4 on background", face<3>, [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"face 5 on background", face<4>, [](const Palette& p) { return p.background; }, PairUse::Graphic},
    {"onFace on face 1", [](const Palette& p) { return p.onFace; }, face<0>, PairUse::Graphic},
    {"onFace on face 2", [](const Palette& p) { return p.onFace; }, face<1>, PairUse::Graphic},
    {"onFace on face 3", [](const Palette& p) { return p.onFace; }, face<2>, PairUse::Graphic},
    {"onFace on face 4", [](const Palette& p) { return p.onFace; }, face<3>, PairUse::Graphic},
    {"onFace on face 5", [](const Palette& p) { return p.onFace; }, face<4>, PairUse::Graphic},
};

}  // namespace

std::span<const ColorPair> colorPairs() { return kPairs; }

float scaleForWindow(int width, int height) {
    return std::max(0.4f, std::min(static_cast<float>(width) / 1920.0f, static_cast<float>(height) / 1080.0f));
}

void applyStyle(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(0, 0);
    style.FrameRounding = 14;
    style.FramePadding = ImVec2(24, 16);
    style.ItemSpacing = ImVec2(24, 24);
    style.ScrollbarSize = 24;
    style.ScrollbarRounding = 12;
    style.TouchExtraPadding = ImVec2(4, 4);
    style.Colors[ImGuiCol_WindowBg] = ImColor(palette().background);
    style.Colors[ImGuiCol_Text] = ImColor(palette().text);
    style.ScaleAllSizes(scale);
}

}  // namespace ui
