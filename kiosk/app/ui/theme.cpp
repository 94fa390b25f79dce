#include "theme.hpp"

#include <algorithm>

namespace ui {

namespace {
Palette g_palette;
}  // namespace

const Palette& palette() { return g_palette; }
void usePalette(const Palette& p) { g_palette = p; }

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
