#include "fonts.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <stb_truetype.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <list>
#include <map>
#include <memory>
#include <set>

#include "glyph_texts.hpp"
#include "kiosk/common/font_files.hpp"

namespace ui {
namespace fs = std::filesystem;
namespace {

// One font file, parsed to ask which characters it has and how tall its capitals are.
struct Face {
    std::string name;  // "Noto Sans", for the log
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};  // points into data: a Face is never copied (shared_ptr)
    float capRatio = 0;     // height of "H" over ascent - descent, the box ImGui sizes a font by

    bool has(char32_t c) const { return c <= 0xFFFF && stbtt_FindGlyphIndex(&info, static_cast<int>(c)) != 0; }
};

std::shared_ptr<const Face> loadFace(const fs::path& path, const char* name) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return nullptr;
    auto face = std::make_shared<Face>();
    face->name = name;
    face->data.resize(static_cast<size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(face->data.data()), static_cast<std::streamsize>(face->data.size())))
        return nullptr;
    const int offset = stbtt_GetFontOffsetForIndex(face->data.data(), 0);
    if (offset < 0 || stbtt_InitFont(&face->info, face->data.data(), offset) == 0) return nullptr;
    int ascent = 0, descent = 0, gap = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetFontVMetrics(&face->info, &ascent, &descent, &gap);
    if (stbtt_GetCodepointBox(&face->info, 'H', &x0, &y0, &x1, &y1) != 0 && ascent > descent)
        face->capRatio = static_cast<float>(y1) / static_cast<float>(ascent - descent);
    return face;
}

// Each file is read once per load, although several weights share it (Noto Sans Bold).
class FaceFiles {
public:
    std::shared_ptr<const Face> get(const fs::path& path, const char* name) {
        auto it = m_faces.find(path.string());
        if (it == m_faces.end()) it = m_faces.emplace(path.string(), loadFace(path, name)).first;
        return it->second;
    }

private:
    std::map<std::string, std::shared_ptr<const Face>> m_faces;  // null: not there or unreadable
};

// The faces of one weight, in order of preference; files that are not there are left out.
using Chain = std::vector<std::shared_ptr<const Face>>;

// The files come from common::fontFilesFor, which kioskctl doctor checks too.
Chain chainFor(FaceFiles& files, const std::string& assetsDir, const std::string& titilliumWeight, bool bold) {
    Chain chain;
    for (const common::FontFile& file : common::fontFilesFor(assetsDir, titilliumWeight, bold))
        if (auto face = files.get(file.path, file.name)) chain.push_back(std::move(face));
    return chain;
}

// Scripts whose letters must all come from one face: Titillium has none of them, and a
// Ukrainian word with its letters from two typefaces would look patched together.
struct Script {
    const char* name;
    std::vector<std::pair<char32_t, char32_t>> blocks;
    bool contains(char32_t c) const {
        return std::any_of(blocks.begin(), blocks.end(), [c](const auto& b) { return c >= b.first && c <= b.second; });
    }
};

const std::vector<Script>& singleFaceScripts() {
    static const std::vector<Script> scripts = {
        {"Greek", {{0x0370, 0x03FF}, {0x1F00, 0x1FFF}}},
        {"Cyrillic", {{0x0400, 0x052F}, {0x1C80, 0x1C8F}, {0x2DE0, 0x2DFF}, {0xA640, 0xA69F}}},
        {"Armenian", {{0x0530, 0x058F}}},
        {"Hebrew", {{0x0590, 0x05FF}}},
        {"Georgian", {{0x10A0, 0x10FF}}}};
    return scripts;
}

// Which face of the chain draws each used character.
struct Assignment {
    std::vector<std::set<char32_t>> perFace;  // parallel to the chain
    std::vector<std::string> scriptsPerFace;  // "Cyrillic" when a script was given to that face
    std::vector<size_t> scriptLetters;        // how many of its characters came with those scripts
    std::set<char32_t> inNoFace;
};

Assignment assign(const Chain& chain, const std::set<char32_t>& used) {
    Assignment a;
    a.perFace.resize(chain.size());
    a.scriptsPerFace.resize(chain.size());
    a.scriptLetters.resize(chain.size());
    std::set<char32_t> rest = used;
    for (const Script& script : singleFaceScripts()) {
        std::set<char32_t> letters;
        for (char32_t c : used)
            if (script.contains(c)) letters.insert(c);
        if (letters.empty()) continue;
        for (size_t i = 0; i < chain.size(); ++i) {
            if (!std::all_of(letters.begin(), letters.end(), [&](char32_t c) { return chain[i]->has(c); })) continue;
            a.perFace[i].insert(letters.begin(), letters.end());
            a.scriptsPerFace[i] += (a.scriptsPerFace[i].empty() ? "" : " ") + std::string(script.name);
            a.scriptLetters[i] += letters.size();
            for (char32_t c : letters) rest.erase(c);
            break;
        }
    }
    // Latin, punctuation, symbols, and a script no face has whole: the first face with the glyph.
    for (char32_t c : rest) {
        auto face = std::find_if(chain.begin(), chain.end(), [c](const auto& f) { return f->has(c); });
        if (face == chain.end())
            a.inNoFace.insert(c);
        else
            a.perFace[static_cast<size_t>(face - chain.begin())].insert(c);
    }
    return a;
}

// ImGui keeps a pointer to each font's glyph ranges and reads them whenever it builds the atlas
// (a build from the pixels' first request, in tests and benchmarks): they live here until the next load.
std::list<std::vector<ImWchar>>& liveRanges() {
    static std::list<std::vector<ImWchar>> ranges;
    return ranges;
}

const ImWchar* rangesOf(const std::set<char32_t>& chars) {
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : chars)
        if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return liveRanges().emplace_back(built.begin(), built.end()).data();
}

// A weight's faces with the characters each of them draws, ready to add at any size.
struct Weight {
    Chain chain;
    Assignment assignment;
    std::vector<const ImWchar*> ranges;  // parallel to the chain
};

Weight prepareWeight(Chain chain, const std::set<char32_t>& used) {
    Weight w{std::move(chain), {}, {}};
    w.assignment = assign(w.chain, used);
    for (const auto& chars : w.assignment.perFace) w.ranges.push_back(chars.empty() ? nullptr : rangesOf(chars));
    return w;
}

// Horizontal oversampling sharpens small text placed between pixels; from heading size up the
// glyphs are big enough without it, and it would double their share of the atlas texture.
constexpr float kOversampleBelowPixels = 40.0f;

ImFont* addFont(const Weight& w, float size) {
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = nullptr;
    const Face* first = nullptr;
    for (size_t i = 0; i < w.chain.size(); ++i) {
        if (w.ranges[i] == nullptr) continue;
        const Face& face = *w.chain[i];
        ImFontConfig cfg;
        cfg.OversampleH = size < kOversampleBelowPixels ? 2 : 1;
        cfg.OversampleV = 1;
        cfg.MergeMode = font != nullptr;
        // Merged glyphs sit on the first face's baseline; scaled so their capitals are as tall
        // as its capitals (Noto Sans at the same pixel size is about 15% larger than Titillium).
        float faceSize = size;
        if (first != nullptr && first->capRatio > 0 && face.capRatio > 0) faceSize = size * first->capRatio / face.capRatio;
        std::snprintf(cfg.Name, sizeof cfg.Name, "%s %.0fpx", face.name.c_str(), faceSize);
        // Each font needs its own copy, which the atlas frees (ImGui 1.86 copies a buffer it does
        // not own anyway): ClearInputData drops them all once the texture is uploaded.
        void* copy = IM_ALLOC(face.data.size());
        std::memcpy(copy, face.data.data(), face.data.size());
        ImFont* f = io.Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(face.data.size()), faceSize, &cfg, w.ranges[i]);
        if (font == nullptr) {
            font = f;
            first = &face;
        }
    }
    if (font == nullptr) {
        ImFontConfig def;
        def.SizePixels = size;
        font = io.Fonts->AddFontDefault(&def);
    }
    return font;
}

Fonts addSizes(const Weight& regular, const Weight& semibold, const Weight& bold, float scale) {
    Fonts f;
    f.small = addFont(regular, 26 * scale);
    f.body = addFont(regular, 32 * scale);
    f.bodyBold = addFont(semibold, 32 * scale);
    f.heading = addFont(semibold, 52 * scale);
    f.display = addFont(bold, 72 * scale);
    return f;
}

std::set<char32_t> codepointsOf(const std::vector<std::string>& texts) {
    std::set<char32_t> used;
    for (const std::string& text : texts)
        for (char32_t c : decodeUtf8(text))
            if (c >= 0x20) used.insert(c);  // line breaks and tabs are layout, not glyphs
    return used;
}

// The ticket face only ever draws codes such as "A007", and the staff's "78%" or "78,5%".
std::set<char32_t> ticketCodepoints() {
    std::set<char32_t> chars{'%', ',', '.'};
    for (char32_t c = '0'; c <= '9'; ++c) chars.insert(c);
    for (char32_t c = 'A'; c <= 'Z'; ++c) chars.insert(c);
    return chars;
}

// "Titillium Web x1.00: 210 characters; Noto Sans x0.87: Cyrillic 64 + 1 characters".
std::string describeWeight(const Weight& w) {
    std::string out;
    const Face* first = nullptr;
    for (size_t i = 0; i < w.chain.size(); ++i) {
        const auto& chars = w.assignment.perFace[i];
        if (chars.empty()) continue;
        const Face& face = *w.chain[i];
        char line[160];
        const float factor = first && face.capRatio > 0 ? first->capRatio / face.capRatio : 1.0f;
        const std::string& scripts = w.assignment.scriptsPerFace[i];
        if (scripts.empty())
            std::snprintf(line, sizeof line, "%s%s x%.2f: %zu characters", out.empty() ? "" : "; ",
                          face.name.c_str(), factor, chars.size());
        else
            std::snprintf(line, sizeof line, "%s%s x%.2f: %s %zu + %zu characters", out.empty() ? "" : "; ",
                          face.name.c_str(), factor, scripts.c_str(), w.assignment.scriptLetters[i],
                          chars.size() - w.assignment.scriptLetters[i]);
        out += line;
        if (!first) first = &face;
    }
    if (!w.assignment.inNoFace.empty()) {
        out += "; in no face:";
        for (char32_t c : w.assignment.inNoFace) out += " " + codepointName(c);
    }
    return out;
}

// The atlas pixels (an alpha and an RGBA copy: 10 MB for a 1024x2048 texture) and the font
// files' copies are only needed to make the texture: once the OpenGL backend has uploaded it they
// are freed. Without that backend (frame benchmarks, tests that build the atlas without a GPU)
// they stay for whoever uploads or inspects them.
void uploadAndFreePixels() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.BackendRendererUserData == nullptr || io.BackendRendererName == nullptr ||
        std::strcmp(io.BackendRendererName, "imgui_impl_opengl3") != 0)
        return;
    // Recreated rather than created: NewFrame would otherwise upload from the freed pixels.
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts->ClearTexData();
    io.Fonts->ClearInputData();  // the glyphs stay; only a rebuild would need the font files
}

FontSet buildSet(const std::string& assetsDir, const FontRequest& request, const std::set<char32_t>& used) {
    const auto start = std::chrono::steady_clock::now();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    liveRanges().clear();
    FaceFiles files;
    const Weight regular = prepareWeight(chainFor(files, assetsDir, "400Regular", false), used);
    const Weight semibold = prepareWeight(chainFor(files, assetsDir, "600SemiBold", true), used);
    const Weight bold = prepareWeight(chainFor(files, assetsDir, "700Bold", true), used);
    const Weight ticketFace = prepareWeight(chainFor(files, assetsDir, "700Bold", true), ticketCodepoints());

    FontSet set;
    set.normal = addSizes(regular, semibold, bold, request.scale);
    set.normal.ticket = addFont(ticketFace, request.ticketPixels * request.scale);
    if (request.largeFactor > 1.0f) {
        set.large = addSizes(regular, semibold, bold, request.scale * request.largeFactor);
        set.large.ticket = set.normal.ticket;
    } else {
        set.large = set.normal;
    }
    atlas.Build();
    set.figures.width = atlas.TexWidth;
    set.figures.height = atlas.TexHeight;
    for (const ImFont* font : atlas.Fonts) set.figures.glyphs += font->Glyphs.Size;
    set.figures.buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    if (regular.chain.empty() || regular.chain.front()->name != "Titillium Web")
        set.description = "Titillium Web not found (run .ci/setup); ";
    char figures[160];
    std::snprintf(figures, sizeof figures, " | atlas %dx%d (%.1f MB RGBA), %d glyphs, built in %.0f ms",
                  atlas.TexWidth, atlas.TexHeight, atlas.TexWidth * atlas.TexHeight * 4 / 1048576.0,
                  set.figures.glyphs, set.figures.buildMs);
    set.description += "regular: " + describeWeight(regular) + " | bold: " + describeWeight(bold) + figures;
    set.normal.description = set.large.description = set.description;
    uploadAndFreePixels();
    return set;
}

}  // namespace

FontSet loadFontSet(const std::string& assetsDir, const FontRequest& request) {
    std::vector<std::string> texts = request.texts;
    texts.push_back(composedCharacters());
    return buildSet(assetsDir, request, codepointsOf(texts));
}

std::vector<char32_t> missingGlyphs(const ImFont& font, std::string_view utf8) {
    std::vector<char32_t> missing;
    for (char32_t c : decodeUtf8(utf8)) {
        if (c == '\n' || c == '\r') continue;  // ImGui breaks the line, draws nothing
        const bool found = c <= 0xFFFF && font.FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
        if (!found && std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
    }
    return missing;
}

}  // namespace ui
