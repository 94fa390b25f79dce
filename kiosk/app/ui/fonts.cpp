#include "fonts.hpp"

#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace ui {
namespace fs = std::filesystem;
namespace {

// Latin-1, Latin Extended-A (names such as Łukasz or Ştefan), typographic punctuation
// (en dash, curly apostrophe, ellipsis) and the euro sign: Dear ImGui's default is Latin-1 only.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
// The ticket face only ever draws codes such as "A007", and the staff's "78%".
const ImWchar kTicketRanges[] = {0x0025, 0x0025, 0x0030, 0x0039, 0x0041, 0x005A, 0};

const char* kDejaVuRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kDejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

std::string firstExisting(const std::vector<fs::path>& candidates) {
    for (const auto& p : candidates)
        if (fs::exists(p)) return p.string();
    return {};
}

std::string titillium(const std::string& assetsDir, const std::string& weight) {
    fs::path base = fs::path(assetsDir) / "fonts";
    std::string file = "TitilliumWeb_" + weight + ".ttf";
    return firstExisting({base / file, base / "node_modules" / "@expo-google-fonts" / "titillium-web" / weight / file});
}

// Horizontal oversampling sharpens small text placed between pixels; from heading size up the
// glyphs are big enough without it, and it would double their share of the atlas texture.
constexpr float kOversampleBelowPixels = 40.0f;

ImFont* addFont(const std::string& primary, const char* fallback, float size, const ImWchar* ranges) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = size < kOversampleBelowPixels ? 2 : 1;
    cfg.OversampleV = 1;
    ImFont* font = nullptr;
    if (!primary.empty()) font = io.Fonts->AddFontFromFileTTF(primary.c_str(), size, &cfg, ranges);
    if (fs::exists(fallback)) {
        // Merged after the primary face: only glyphs the primary lacks come from DejaVu.
        ImFontConfig merge = cfg;
        merge.MergeMode = font != nullptr;
        ImFont* f = io.Fonts->AddFontFromFileTTF(fallback, size, &merge, ranges);
        if (!font) font = f;
    }
    if (!font) {
        ImFontConfig def;
        def.SizePixels = size;
        font = io.Fonts->AddFontDefault(&def);
    }
    return font;
}

// The atlas pixels (an alpha and an RGBA copy, 20 MB at 1920x1080) are only needed to make the
// texture: once the OpenGL backend has uploaded it they are freed. Without that backend (frame
// benchmarks, tests that build frames without a GPU) the pixels stay for whoever uploads them.
void uploadAndFreePixels() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.BackendRendererUserData == nullptr || io.BackendRendererName == nullptr ||
        std::strcmp(io.BackendRendererName, "imgui_impl_opengl3") != 0)
        return;
    // Recreated rather than created: NewFrame would otherwise upload from the freed pixels.
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts->ClearTexData();
}

}  // namespace

Fonts loadFonts(const std::string& assetsDir, float scale, float ticketPixels) {
    ImGui::GetIO().Fonts->Clear();
    std::string regular = titillium(assetsDir, "400Regular");
    std::string semibold = titillium(assetsDir, "600SemiBold");
    std::string bold = titillium(assetsDir, "700Bold");
    Fonts f;
    f.small = addFont(regular, kDejaVuRegular, 26 * scale, kTextRanges);
    f.body = addFont(regular, kDejaVuRegular, 32 * scale, kTextRanges);
    f.bodyBold = addFont(semibold, kDejaVuBold, 32 * scale, kTextRanges);
    f.heading = addFont(semibold, kDejaVuBold, 52 * scale, kTextRanges);
    f.display = addFont(bold, kDejaVuBold, 72 * scale, kTextRanges);
    f.ticket = addFont(bold, kDejaVuBold, ticketPixels * scale, kTicketRanges);
    f.description = regular.empty() ? std::string("Titillium Web not found (run .ci/setup): using DejaVu Sans")
                                     : "Titillium Web from " + fs::path(regular).parent_path().string() +
                                           ", DejaVu Sans for missing glyphs";
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Build();
    char size[48];
    std::snprintf(size, sizeof size, ", atlas %dx%d", atlas.TexWidth, atlas.TexHeight);
    f.description += size;
    uploadAndFreePixels();
    return f;
}

}  // namespace ui
