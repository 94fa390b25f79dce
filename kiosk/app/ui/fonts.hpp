#pragma once
// Loading the typefaces at the sizes the screens use, with the glyphs the loaded texts use.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace ui {

struct Fonts {
    ImFont* small = nullptr;    // 26 px: footers, hints
    ImFont* body = nullptr;     // 32 px: running text
    ImFont* bodyBold = nullptr;
    ImFont* heading = nullptr;  // 52 px: screen titles, tile labels
    ImFont* display = nullptr;  // 72 px: clock, the most important line of a screen
    ImFont* ticket = nullptr;   // the ticket number, letters and digits only
    std::string description;    // which files were used, for the log
};

// What the atlas cost, for the log and the README.
struct AtlasFigures {
    int width = 0;  // texture pixels
    int height = 0;
    int glyphs = 0;           // over every font of the atlas
    double buildMs = 0;       // choosing faces, reading them and rasterising, upload excluded
};

// Both text sizes, in one atlas: `large` is what the citizen gets with A+.
struct FontSet {
    Fonts normal;
    Fonts large;  // every size x largeFactor; the ticket number is already big and is shared
    const Fonts& pick(bool largeText) const { return largeText ? large : normal; }
    std::string description;  // which face draws which script, atlas size and build time
    AtlasFigures figures;
};

struct FontRequest {
    float scale = 1.0f;           // ui::scaleForWindow
    float ticketPixels = 260.0f;  // the board's number is read from the back of the room: 400
    float largeFactor = 1.3f;     // 1 builds no second set (staff console, board): large == normal
    // Every string the screens may draw (glyphTextsFor); composedCharacters() are always added.
    std::vector<std::string> texts;
};

// Builds the atlas from the code points the texts use. Faces, in order of preference: Titillium
// Web (assets/fonts, from npm), Noto Sans and DejaVu Sans (Debian). A script the first face lacks
// (Cyrillic) is taken whole from the first face that has all its letters in the texts, so a
// word never mixes faces; other characters come one by one from the first face that has them.
// Call before the first frame; with the OpenGL backend running it uploads the texture at once
// and frees the atlas pixels and the font files' copies.
FontSet loadFontSet(const std::string& assetsDir, const FontRequest& request);

// The characters of a UTF-8 text that the font has no glyph for: it would draw them as '?'.
std::vector<char32_t> missingGlyphs(const ImFont& font, std::string_view utf8);

}  // namespace ui
