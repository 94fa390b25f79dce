#include "ticket_preview.hpp"

#include <stb_image_write.h>
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

#include "escpos.hpp"

namespace common {
namespace {

using Style = domain::PrintLine::Style;

// A thermal head of 8 dots/mm prints its built-in font 12 dots wide and 24 high on 30-dot lines.
constexpr int kDotsPerChar = 12;
constexpr int kTextPixels = 24;
constexpr int kLinePixels = 30;
constexpr int kTopMargin = 16;
constexpr int kSideMargin = 8;
constexpr int kFeedLinesBeforeCut = 4;  // as encodeEscPos feeds before the cut
constexpr int kCutLineHeight = 32;

constexpr unsigned char kPaper = 255;
constexpr unsigned char kInk = 0;

const char* const kDejaVuRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kDejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct Face {
    std::vector<unsigned char> data;  // stbtt_fontinfo points into it: never moved after init
    stbtt_fontinfo info{};
};

// Faces in order of preference; a character missing from the first comes from the next.
using FaceChain = std::vector<std::unique_ptr<Face>>;

std::unique_ptr<Face> loadFace(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    auto face = std::make_unique<Face>();
    face->data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const int offset = stbtt_GetFontOffsetForIndex(face->data.data(), 0);
    if (offset < 0 || stbtt_InitFont(&face->info, face->data.data(), offset) == 0) return nullptr;
    return face;
}

std::string titilliumPath(const std::string& assetsDir, const std::string& weight) {
    return assetsDir + "/fonts/node_modules/@expo-google-fonts/titillium-web/" + weight + "/TitilliumWeb_" + weight +
           ".ttf";
}

FaceChain loadChain(const std::vector<std::string>& paths) {
    FaceChain chain;
    for (const std::string& path : paths)
        if (auto face = loadFace(path)) chain.push_back(std::move(face));
    if (chain.empty()) throw std::runtime_error("ticket preview: no font could be loaded (tried " + paths.back() + ")");
    return chain;
}

struct Fonts {
    FaceChain regular;
    FaceChain bold;
};

// The kiosk's faces first, as on its screens (kiosk/app/ui/fonts.cpp); DejaVu fills the gaps.
Fonts loadFonts(const std::string& assetsDir) {
    return {loadChain({titilliumPath(assetsDir, "400Regular"), kDejaVuRegular}),
            loadChain({titilliumPath(assetsDir, "700Bold"), kDejaVuBold})};
}

// One glyph placed on a row, x relative to the row's start.
struct Placed {
    const Face* face = nullptr;
    int glyph = 0;
    float x = 0;
    float scale = 1;
};

struct Run {
    std::vector<Placed> glyphs;
    float width = 0;
};

const Face& faceFor(const FaceChain& chain, char32_t code) {
    for (const auto& face : chain)
        if (stbtt_FindGlyphIndex(&face->info, static_cast<int>(code)) != 0) return *face;
    return *chain.front();  // its "missing glyph" box, as any program would show
}

Run placeGlyphs(const std::u32string& text, const FaceChain& chain, float pixels) {
    Run run;
    const Placed* previous = nullptr;
    for (const char32_t code : text) {
        const Face& face = faceFor(chain, code);
        Placed placed{&face, stbtt_FindGlyphIndex(&face.info, static_cast<int>(code)), run.width,
                      stbtt_ScaleForPixelHeight(&face.info, pixels)};
        if (previous != nullptr && previous->face == &face)
            placed.x += placed.scale * static_cast<float>(stbtt_GetGlyphKernAdvance(&face.info, previous->glyph,
                                                                                     placed.glyph));
        int advance = 0;
        int leftBearing = 0;
        stbtt_GetGlyphHMetrics(&face.info, placed.glyph, &advance, &leftBearing);
        run.width = placed.x + placed.scale * static_cast<float>(advance);
        run.glyphs.push_back(placed);
        previous = &run.glyphs.back();
    }
    return run;
}

// Greyscale paper: 255 is blank, ink only ever darkens it.
struct Canvas {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;

    Canvas(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w * h), kPaper) {}

    void darken(int x, int y, unsigned char coverage) {
        if (x < 0 || y < 0 || x >= width || y >= height) return;
        unsigned char& pixel = pixels[static_cast<std::size_t>(y * width + x)];
        pixel = std::min(pixel, static_cast<unsigned char>(kPaper - coverage));
    }
};

void drawGlyph(Canvas& canvas, const Placed& placed, float originX, int baseline) {
    const float left = originX + placed.x;
    const float shift = left - std::floor(left);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBoxSubpixel(&placed.face->info, placed.glyph, placed.scale, placed.scale, shift, 0, &x0, &y0,
                                    &x1, &y1);
    const int w = x1 - x0;
    const int h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    std::vector<unsigned char> coverage(static_cast<std::size_t>(w * h));
    stbtt_MakeGlyphBitmapSubpixel(&placed.face->info, coverage.data(), w, h, w, placed.scale, placed.scale, shift, 0,
                                  placed.glyph);
    const int penX = static_cast<int>(std::floor(left)) + x0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) canvas.darken(penX + x, baseline + y0 + y, coverage[static_cast<std::size_t>(y * w + x)]);
}

// One printed row: a wrapped piece of a line, in its line's style.
struct Row {
    std::u32string text;
    Style style = Style::Normal;
    bool centered = true;
};

int rowHeight(Style style) { return style == Style::Big ? 2 * kLinePixels : kLinePixels; }

std::vector<Row> rowsOf(const domain::PrintedTicket& ticket, int widthChars) {
    std::vector<Row> rows;
    for (const domain::PrintLine& line : ticket.lines)
        for (const std::string& part : domain::wrapText(line.text, domain::columnsFor(line.style, widthChars)))
            rows.push_back({printedCharacters(part), line.style, line.centered});
    return rows;
}

// Proportional letters may not fit where the printer's fixed-width ones do: such a row shrinks.
void drawRow(Canvas& canvas, const Row& row, const Fonts& fonts, int top) {
    const FaceChain& chain = row.style == Style::Normal ? fonts.regular : fonts.bold;
    // Titillium's letters are smaller than the printer's for the same size: the code gets a little
    // more, to stand out as the double-size code does on paper.
    const float nominal = static_cast<float>(row.style == Style::Big ? 2 * kTextPixels + 8 : kTextPixels);
    const float room = static_cast<float>(canvas.width - 2 * kSideMargin);
    Run run = placeGlyphs(row.text, chain, nominal);
    float pixels = nominal;
    if (run.width > room) {
        pixels = nominal * room / run.width;
        run = placeGlyphs(row.text, chain, pixels);
    }
    const Face& primary = *chain.front();
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&primary.info, &ascent, &descent, &gap);
    const float scale = stbtt_ScaleForPixelHeight(&primary.info, pixels);
    const int textTop = top + (rowHeight(row.style) - static_cast<int>(pixels)) / 2;
    const int baseline = textTop + static_cast<int>(std::lround(static_cast<float>(ascent) * scale));
    const float originX = row.centered ? (static_cast<float>(canvas.width) - run.width) / 2 : kSideMargin;
    for (const Placed& placed : run.glyphs) drawGlyph(canvas, placed, originX, baseline);
}

// Where the cutter goes through: scissors and a dashed line across the strip.
void drawCutLine(Canvas& canvas, const Fonts& fonts) {
    const int y = canvas.height - kCutLineHeight / 2;
    constexpr int kDash = 10;
    constexpr int kGap = 6;
    constexpr int kScissorsRoom = 30;
    for (int x = kScissorsRoom; x < canvas.width; x += kDash + kGap)
        for (int dx = 0; dx < kDash; ++dx)
            for (int dy = 0; dy < 2; ++dy) canvas.darken(x + dx, y + dy, 200);
    // Scissors sit on the line: DejaVu draws them about 60% of the pixel size above the baseline.
    constexpr int kScissorsPixels = 22;
    const Run scissors = placeGlyphs(U"\u2702", fonts.regular, static_cast<float>(kScissorsPixels));
    for (const Placed& placed : scissors.glyphs) drawGlyph(canvas, placed, 2, y + 1 + kScissorsPixels * 3 / 10);
}

}  // namespace

void writeTicketPreviewPng(const domain::PrintedTicket& ticket, int widthChars, const std::string& assetsDir,
                           const std::string& pngPath) {
    const Fonts fonts = loadFonts(assetsDir);
    const std::vector<Row> rows = rowsOf(ticket, widthChars);
    int textHeight = 0;
    for (const Row& row : rows) textHeight += rowHeight(row.style);
    const int height = kTopMargin + textHeight + kFeedLinesBeforeCut * kLinePixels + kCutLineHeight;
    Canvas canvas(std::max(1, widthChars) * kDotsPerChar, height);
    int top = kTopMargin;
    for (const Row& row : rows) {
        drawRow(canvas, row, fonts, top);
        top += rowHeight(row.style);
    }
    drawCutLine(canvas, fonts);
    if (stbi_write_png(pngPath.c_str(), canvas.width, canvas.height, 1, canvas.pixels.data(), canvas.width) == 0)
        throw std::runtime_error("ticket preview: cannot write " + pngPath);
}

}  // namespace common
