#pragma once
// Loading the typefaces at the sizes the screens use, with the glyphs Italian text needs.
#include <imgui.h>

#include <string>

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

// Builds the atlas for this scale from assets/fonts (Titillium Web from npm), falling back to
// Debian's DejaVu Sans, which also fills glyphs Titillium lacks. Call before the first frame.
// With the OpenGL backend running it uploads the texture at once and frees the atlas pixels.
Fonts loadFonts(const std::string& assetsDir, float scale, float ticketPixels = 260.0f);

}  // namespace ui
