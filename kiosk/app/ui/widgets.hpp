#pragma once
// The few custom widgets every screen is built from: header, tiles, buttons, text blocks.
#include <imgui.h>

#include <map>
#include <optional>
#include <string>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"
#include "domain/texts.hpp"
#include "fonts.hpp"
#include "icons.hpp"
#include "theme.hpp"

namespace ui {

// What a recorded target is: something to press, a mark that UI scripts look for (an error
// line, a called number), or a region that scrolls. Only buttons must meet the minimum touch size.
enum class TargetKind { Button, Marker, ScrollArea };

// Where a target was drawn, and what it is.
struct TargetRect {
    ImVec2 min, max;
    TargetKind kind = TargetKind::Button;
};

// Where each named touch target was drawn in the last frame: lets UI scripts tap by name.
class Targets {
public:
    void beginFrame() {
        m_current.clear();
        m_scrollCurrent.clear();
    }
    void endFrame() {
        m_last = m_current;
        m_scrollLast = m_scrollCurrent;
    }
    void record(const std::string& id, ImVec2 min, ImVec2 max, TargetKind kind = TargetKind::Button) {
        m_current[id] = {min, max, kind};
    }
    std::optional<ImVec2> centerOf(const std::string& id) const;
    // Everything recorded in the last frame (the touch-size test measures the buttons).
    const std::map<std::string, TargetRect>& lastFrame() const { return m_last; }
    // Whether a point lies on a button of the last frame (the tap click plays only there).
    bool buttonAt(ImVec2 point) const;
    // The last frame's targets as "id@x0,y0,x1,y1 ..." (pixels), for the debug log that tests
    // driving the kiosk with real input read to know where to tap.
    std::string describe() const;
    // Scroll areas report how far they are scrolled, so scripts can check a finger drag.
    void recordScroll(const std::string& id, float y) { m_scrollCurrent[id] = y; }
    std::optional<float> scrollOf(const std::string& id) const;

private:
    std::map<std::string, TargetRect> m_current, m_last;
    std::map<std::string, float> m_scrollCurrent, m_scrollLast;
};

// Everything a screen needs to draw itself.
struct UiContext {
    const Fonts& fonts;
    const domain::Texts& texts;
    Targets& targets;
    Metrics metrics;
    ImVec2 size;  // window size in pixels
    ImDrawList* draw = nullptr;
    std::string language = "it";  // the citizen's chosen language: picks translated config texts
    bool largeText = false;       // A+ is on: fonts are the large set
    float px(float design) const { return metrics.px(design); }
};

enum class TileStyle { Primary, Card, Muted };

struct TileSpec {
    const char* id;
    ImVec2 min, max;
    std::string label;
    std::string sublabel;
    Icon icon = Icon::None;
    TileStyle style = TileStyle::Card;
    std::string badge;  // a small mark in the corner ("Esempio")
    bool smallLabel = false;  // the label in body type: a row of tiles shrinks its labels together
    bool smallSublabel = false;  // the explanatory line in small type: a crowded grid shrinks it too
};

// A big touch tile with icon, label and one explanatory line; true when tapped.
bool tile(UiContext& ctx, const TileSpec& spec);
// Whether the label (one line) and the wrapped line fit beside the icon: on narrow screens a
// row of tiles drops its icons together when one of them does not fit.
bool tileTextFits(const UiContext& ctx, const TileSpec& spec);
// Whether the label fits on one line in its usual (heading) type, as the tile will be drawn.
bool tileLabelFits(const UiContext& ctx, const TileSpec& spec);
// Whether the label and the explanatory line fit inside the tile, 8 px clear of its top and
// bottom, in the type the spec asks for, as tile() draws them (the icon too, when it is shown).
// A tile whose words do not fit records the marker "crowded:ID" (past its edge they are cut).
bool tileFits(const UiContext& ctx, const TileSpec& spec);

// A pill-shaped secondary button ("Indietro", "Ho capito"); true when tapped. The label in bold
// body type unless another font is given.
bool pillButton(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max, const std::string& label, Icon icon,
                bool filled, ImFont* font = nullptr);

// "Indietro" in the bottom-left corner, the same place on every screen; true when tapped.
bool backButton(UiContext& ctx);
float backButtonTop(const UiContext& ctx);

// The blue band with the Comune, the office and the clock; "DEMO" when the clock is simulated.
// Returns the x where the band's right-hand items (DEMO, clock) begin.
float headerBar(UiContext& ctx, const domain::Office& office, const domain::LocalDateTime& now, bool demo);

// What the citizen tapped among the header's tools.
struct HeaderTaps {
    bool language = false;
    bool largeText = false;
};
// The language button (a globe and the language's own name) and the large-text switch (A+),
// right-aligned to end at `right`, on every citizen screen.
HeaderTaps headerTools(UiContext& ctx, float right, const std::string& languageName, bool largeTextOn);
float headerHeight(const UiContext& ctx);

// Address and contacts along the bottom edge.
void footerBar(UiContext& ctx, const domain::Office& office);
float footerHeight(const UiContext& ctx);

// Text helpers drawing straight into the window's draw list.
void textAt(UiContext& ctx, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text);
void textCentered(UiContext& ctx, ImFont* font, float centerX, float y, ImU32 color, const std::string& text);
// Wraps at maxWidth; returns the height used.
float textWrapped(UiContext& ctx, ImFont* font, ImVec2 pos, float maxWidth, ImU32 color, const std::string& text);
// Wraps at maxWidth and centres each line on centerX; returns the height used.
float textWrappedCentered(UiContext& ctx, ImFont* font, float centerX, float y, float maxWidth, ImU32 color,
                          const std::string& text);
ImVec2 measure(ImFont* font, const std::string& text);

// A 3x4 keypad (1-9, delete, 0, OK) centred on centerX below top; ids are idPrefix + key
// ("key:7", "key:<", "key:ok"). Returns the key tapped: '0'..'9', '<' (delete) or '\n' (OK).
std::optional<char> keypad(UiContext& ctx, const std::string& idPrefix, float centerX, float top, ImVec2 keySize,
                           const std::string& deleteLabel, const std::string& okLabel, bool okFilled);

// A region that scrolls with a finger drag (and the wheel); draw ImGui text between begin/end.
void beginScrollArea(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max);
void endScrollArea(UiContext& ctx, const char* id);

// A screen title with an optional line under it; returns the y below them.
float screenTitle(UiContext& ctx, const std::string& title, const std::string& subtitle);

// A white rounded panel with a hairline border.
void panel(UiContext& ctx, ImVec2 min, ImVec2 max);

// A small rounded label ("Esempio", "Oggi").
void badge(UiContext& ctx, ImVec2 pos, const std::string& text, ImU32 fill, ImU32 textColor);

// The full-window ImGui window every screen draws into.
void beginScreen(const char* name, ImVec2 size);
void endScreen();

}  // namespace ui
