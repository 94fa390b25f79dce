#include "widgets.hpp"

#include <imgui_internal.h>

#include <array>

namespace ui {

std::optional<ImVec2> Targets::centerOf(const std::string& id) const {
    auto it = m_last.find(id);
    if (it == m_last.end()) return std::nullopt;
    return ImVec2((it->second.min.x + it->second.max.x) / 2, (it->second.min.y + it->second.max.y) / 2);
}

bool Targets::buttonAt(ImVec2 point) const {
    for (const auto& [id, rect] : m_last)
        if (rect.kind == TargetKind::Button && point.x >= rect.min.x && point.x < rect.max.x && point.y >= rect.min.y &&
            point.y < rect.max.y)
            return true;
    return false;
}

std::string Targets::describe() const {
    std::string out;
    for (const auto& [id, rect] : m_last) {
        if (!out.empty()) out += ' ';
        out += id + '@' + std::to_string(static_cast<int>(rect.min.x)) + ',' + std::to_string(static_cast<int>(rect.min.y)) +
               ',' + std::to_string(static_cast<int>(rect.max.x)) + ',' + std::to_string(static_cast<int>(rect.max.y));
    }
    return out;
}

std::optional<float> Targets::scrollOf(const std::string& id) const {
    auto it = m_scrollLast.find(id);
    if (it == m_scrollLast.end()) return std::nullopt;
    return it->second;
}

void beginScreen(const char* name, ImVec2 size) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
}

void endScreen() { ImGui::End(); }

ImVec2 measure(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
}

void textAt(UiContext& ctx, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text) {
    ctx.draw->AddText(font, font->FontSize, pos, color, text.c_str());
}

void textCentered(UiContext& ctx, ImFont* font, float centerX, float y, ImU32 color, const std::string& text) {
    textAt(ctx, font, ImVec2(centerX - measure(font, text).x / 2, y), color, text);
}

float textWrapped(UiContext& ctx, ImFont* font, ImVec2 pos, float maxWidth, ImU32 color, const std::string& text) {
    ctx.draw->AddText(font, font->FontSize, pos, color, text.c_str(), nullptr, maxWidth);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, maxWidth, text.c_str()).y;
}

float textWrappedCentered(UiContext& ctx, ImFont* font, float centerX, float y, float maxWidth, ImU32 color,
                          const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    float top = y;
    while (begin < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, begin, end, maxWidth);
        if (lineEnd == begin) ++lineEnd;  // a word wider than the box still advances
        std::string line(begin, lineEnd);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
        textCentered(ctx, font, centerX, y, color, line);
        y += font->FontSize * 1.25f;
        begin = lineEnd;
        while (begin < end && (*begin == ' ' || *begin == '\n')) ++begin;
    }
    return y - top;
}

namespace {

// An invisible ImGui button over the rectangle: ImGui does hit-testing, we do the drawing.
bool touchArea(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max, bool& held, bool& hovered) {
    ctx.targets.record(id, min, max);
    ImGui::SetCursorScreenPos(min);
    bool pressed = ImGui::InvisibleButton(id, ImVec2(max.x - min.x, max.y - min.y));
    held = ImGui::IsItemActive();
    hovered = ImGui::IsItemHovered();
    return pressed;
}

ImU32 tileFill(TileStyle style, bool held) {
    if (style == TileStyle::Primary) return held ? palette().primaryDark : palette().primary;
    if (style == TileStyle::Muted) return palette().mutedFill;
    return held ? palette().primaryLight : palette().surface;
}

}  // namespace

namespace {

float wrappedHeight(ImFont* font, const std::string& text, float width) {
    return text.empty() ? 0.0f : font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

// Where tile() puts its picture and words, and whether the words fit inside it.
struct TileLayout {
    bool showIcon = false;
    float iconBox = 0;
    float textX = 0, textWidth = 0;
    ImFont* labelFont = nullptr;
    ImFont* sublabelFont = nullptr;
    float labelH = 0, subH = 0;
    bool fits = true;
};

TileLayout tileLayout(const UiContext& ctx, const TileSpec& spec) {
    TileLayout l;
    const bool primary = spec.style == TileStyle::Primary;
    const float height = spec.max.y - spec.min.y;
    const float pad = ctx.px(44);
    l.iconBox = std::min(height * 0.62f, ctx.px(200));
    // On a narrow screen a tile's words matter more than its picture (screens drop the icons of a
    // whole row with tileTextFits; this is the safety net for a single tile).
    l.showIcon = spec.icon != Icon::None && (primary || tileTextFits(ctx, spec));
    l.textX = spec.min.x + pad + (l.showIcon ? l.iconBox + ctx.px(36) : 0);
    l.textWidth = spec.max.x - l.textX - (l.showIcon ? pad : ctx.px(24));
    l.labelFont = primary ? ctx.fonts.display : ctx.fonts.heading;
    if (spec.smallLabel || measure(l.labelFont, spec.label).x > l.textWidth) l.labelFont = ctx.fonts.bodyBold;
    l.sublabelFont = spec.smallSublabel ? ctx.fonts.small : ctx.fonts.body;
    const ImVec2 label = measure(l.labelFont, spec.label);
    l.labelH = label.y;
    l.subH = wrappedHeight(l.sublabelFont, spec.sublabel, l.textWidth);
    const float textH = l.labelH + (l.subH > 0 ? ctx.px(8) + l.subH : 0);
    l.fits = label.x <= l.textWidth && textH <= height - ctx.px(16);
    return l;
}

}  // namespace

bool tile(UiContext& ctx, const TileSpec& spec) {
    bool held = false, hovered = false;
    bool pressed = touchArea(ctx, spec.id, spec.min, spec.max, held, hovered);
    const bool primary = spec.style == TileStyle::Primary;
    const float rounding = ctx.px(16);
    // A soft shadow lifts the tile off the page so it reads as something to press.
    ctx.draw->AddRectFilled(ImVec2(spec.min.x, spec.min.y + ctx.px(6)), ImVec2(spec.max.x, spec.max.y + ctx.px(6)),
                            palette().shadow, rounding);
    ctx.draw->AddRectFilled(spec.min, spec.max, tileFill(spec.style, held), rounding);
    if (!primary) ctx.draw->AddRect(spec.min, spec.max, hovered ? palette().primary : palette().border, rounding, 0, ctx.px(3));
    if (!spec.badge.empty()) {
        ImVec2 size = measure(ctx.fonts.small, spec.badge);
        badge(ctx, ImVec2(spec.max.x - size.x - ctx.px(60), spec.min.y + ctx.px(20)), spec.badge,
              palette().highlight, palette().onHighlight);
    }

    const TileLayout l = tileLayout(ctx, spec);
    const float height = spec.max.y - spec.min.y;
    const float pad = ctx.px(44);
    ImU32 fg = primary ? palette().onPrimary : spec.style == TileStyle::Muted ? palette().textMuted : palette().primary;
    if (l.showIcon) {
        ImVec2 c(spec.min.x + pad + l.iconBox / 2, spec.min.y + height / 2);
        if (!primary) ctx.draw->AddCircleFilled(c, l.iconBox / 2, palette().primaryLight, 48);
        drawIcon(ctx.draw, spec.icon, c, l.iconBox * (primary ? 0.9f : 0.72f), fg);
    }
    const float subGap = l.subH > 0 ? ctx.px(8) : 0;
    float y = std::max(spec.min.y + ctx.px(8), spec.min.y + (height - l.labelH - l.subH - subGap) / 2);
    // Whatever a translation's length, nothing is drawn outside the tile. Words that do not fit
    // with the tile's margins (pressed against its edge, or cut by it) are marked, so tests and UI
    // scripts can tell; the category grid sizes its type to avoid it.
    if (!l.fits) ctx.targets.record(std::string("crowded:") + spec.id, spec.min, spec.max, TargetKind::Marker);
    ctx.draw->PushClipRect(spec.min, spec.max, true);
    textAt(ctx, l.labelFont, ImVec2(l.textX, y), primary ? palette().onPrimary : palette().text, spec.label);
    if (l.subH > 0)
        textWrapped(ctx, l.sublabelFont, ImVec2(l.textX, y + l.labelH + subGap), l.textWidth,
                    primary ? palette().onPrimary : palette().textMuted, spec.sublabel);
    ctx.draw->PopClipRect();
    return pressed;
}

bool tileFits(const UiContext& ctx, const TileSpec& spec) { return tileLayout(ctx, spec).fits; }

bool tileLabelFits(const UiContext& ctx, const TileSpec& spec) {
    const float height = spec.max.y - spec.min.y;
    const bool showIcon = spec.icon != Icon::None;
    const float iconBox = showIcon ? std::min(height * 0.62f, ctx.px(200)) + ctx.px(36) : 0;
    const float width = spec.max.x - spec.min.x - ctx.px(44) - iconBox - (showIcon ? ctx.px(44) : ctx.px(24));
    ImFont* labelFont = spec.style == TileStyle::Primary ? ctx.fonts.display : ctx.fonts.heading;
    return measure(labelFont, spec.label).x <= width;
}

bool tileTextFits(const UiContext& ctx, const TileSpec& spec) {
    const float height = spec.max.y - spec.min.y;
    const float iconBox = spec.icon == Icon::None ? 0 : std::min(height * 0.62f, ctx.px(200)) + ctx.px(36);
    const float width = spec.max.x - spec.min.x - 2 * ctx.px(44) - iconBox;
    ImFont* labelFont = spec.style == TileStyle::Primary ? ctx.fonts.display : ctx.fonts.heading;
    const ImVec2 label = measure(labelFont, spec.label);
    return label.x <= width && label.y + wrappedHeight(ctx.fonts.body, spec.sublabel, width) + ctx.px(8) <= height - ctx.px(16);
}

bool pillButton(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max, const std::string& label, Icon icon,
                bool filled, ImFont* font) {
    if (font == nullptr) font = ctx.fonts.bodyBold;
    bool held = false, hovered = false;
    bool pressed = touchArea(ctx, id, min, max, held, hovered);
    const float rounding = (max.y - min.y) / 2;
    ImU32 fill = filled ? (held ? palette().primaryDark : palette().primary) : (held ? palette().primaryLight : palette().surface);
    ImU32 fg = filled ? palette().onPrimary : palette().primary;
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    if (!filled) ctx.draw->AddRect(min, max, palette().primary, rounding, 0, ctx.px(3));
    ImVec2 textSize = measure(font, label);
    float iconSize = icon == Icon::None ? 0 : ctx.px(40);
    float gap = icon == Icon::None ? 0 : ctx.px(16);
    float x = (min.x + max.x - textSize.x - iconSize - gap) / 2;
    float cy = (min.y + max.y) / 2;
    if (icon != Icon::None) drawIcon(ctx.draw, icon, ImVec2(x + iconSize / 2, cy), iconSize, fg);
    textAt(ctx, font, ImVec2(x + iconSize + gap, cy - textSize.y / 2), fg, label);
    return pressed;
}

float backButtonTop(const UiContext& ctx) { return ctx.size.y - footerHeight(ctx) - ctx.px(40) - ctx.px(104); }

std::optional<char> keypad(UiContext& ctx, const std::string& idPrefix, float centerX, float top, ImVec2 keySize,
                           const std::string& deleteLabel, const std::string& okLabel, bool okFilled) {
    static constexpr std::array<const char*, 12> kKeys{"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "ok"};
    const float gap = ctx.px(18);
    std::optional<char> tapped;
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        const float x = centerX - 1.5f * keySize.x - gap + static_cast<float>(i % 3) * (keySize.x + gap);
        const float y = top + static_cast<float>(i / 3) * (keySize.y + gap);
        const std::string key = kKeys[i];
        const bool ok = key == "ok";
        const std::string label = key == "<" ? deleteLabel : ok ? okLabel : key;
        if (pillButton(ctx, (idPrefix + key).c_str(), ImVec2(x, y), ImVec2(x + keySize.x, y + keySize.y), label,
                       Icon::None, ok && okFilled))
            tapped = ok ? '\n' : key[0];
    }
    return tapped;
}

bool backButton(UiContext& ctx) {
    const float bottom = ctx.size.y - footerHeight(ctx) - ctx.px(40);
    ImVec2 min(ctx.px(96), backButtonTop(ctx));
    return pillButton(ctx, "back", min, ImVec2(min.x + ctx.px(340), bottom), ctx.texts.get("common.back"), Icon::Back,
                      false);
}

float headerHeight(const UiContext& ctx) { return ctx.px(150); }

float headerBar(UiContext& ctx, const domain::Office& office, const domain::LocalDateTime& now, bool demo) {
    const float h = headerHeight(ctx);
    const float pad = ctx.px(56);
    ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.size.x, h), palette().primary);
    textAt(ctx, ctx.fonts.body, ImVec2(pad, ctx.px(22)), palette().onPrimary, office.comune);
    textAt(ctx, ctx.fonts.heading, ImVec2(pad, ctx.px(62)), palette().onPrimary, office.name);

    std::string clock = now.hhmm();
    ImVec2 clockSize = measure(ctx.fonts.display, clock);
    float clockX = ctx.size.x - pad - clockSize.x;
    textAt(ctx, ctx.fonts.display, ImVec2(clockX, (h - clockSize.y) / 2), palette().onPrimary, clock);
    if (demo) {
        // The simulated clock must never be mistaken for the real time.
        std::string label = ctx.texts.get("common.demo");
        ImVec2 s = measure(ctx.fonts.bodyBold, label);
        ImVec2 max(clockX - ctx.px(28), h / 2 + s.y / 2 + ctx.px(8));
        ImVec2 min(max.x - s.x - ctx.px(40), h / 2 - s.y / 2 - ctx.px(8));
        ctx.draw->AddRectFilled(min, max, palette().highlight, ctx.px(10));
        textAt(ctx, ctx.fonts.bodyBold, ImVec2(min.x + ctx.px(20), min.y + ctx.px(8)), palette().onHighlight, label);
        return min.x;
    }
    return clockX;
}

namespace {

// A white pill on the blue band; `on` shows a switched-on state (tick, tinted fill).
bool headerPill(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max, const std::string& label, Icon icon, bool on) {
    bool held = false, hovered = false;
    bool pressed = touchArea(ctx, id, min, max, held, hovered);
    const float rounding = (max.y - min.y) / 2;
    ctx.draw->AddRectFilled(min, max, held || on ? palette().primaryLight : palette().surface, rounding);
    if (on) ctx.draw->AddRect(min, max, palette().onPrimary, rounding, 0, ctx.px(4));
    const ImVec2 textSize = measure(ctx.fonts.bodyBold, label);
    const float iconSize = icon == Icon::None ? 0 : ctx.px(40);
    const float gap = icon == Icon::None ? 0 : ctx.px(12);
    const float x = (min.x + max.x - textSize.x - iconSize - gap) / 2;
    const float cy = (min.y + max.y) / 2;
    if (icon != Icon::None) drawIcon(ctx.draw, icon, ImVec2(x + iconSize / 2, cy), iconSize, palette().primary);
    textAt(ctx, ctx.fonts.bodyBold, ImVec2(x + iconSize + gap, cy - textSize.y / 2), palette().primary, label);
    return pressed;
}

}  // namespace

HeaderTaps headerTools(UiContext& ctx, float right, const std::string& languageName, bool largeTextOn) {
    const float h = headerHeight(ctx);
    const float buttonH = ctx.px(96);
    const float top = (h - buttonH) / 2;
    const float gap = ctx.px(24);
    HeaderTaps taps;
    const std::string large = ctx.texts.get("common.large_text");
    const float largeW = std::max(buttonH * 1.4f, measure(ctx.fonts.bodyBold, large).x + ctx.px(48) +
                                                      (largeTextOn ? ctx.px(52) : 0));
    ImVec2 largeMin(right - gap - largeW, top);
    taps.largeText = headerPill(ctx, "large_text", largeMin, ImVec2(largeMin.x + largeW, top + buttonH), large,
                                largeTextOn ? Icon::Check : Icon::None, largeTextOn);
    const float languageW = measure(ctx.fonts.bodyBold, languageName).x + ctx.px(40 + 12 + 64);
    ImVec2 languageMin(largeMin.x - gap - languageW, top);
    taps.language = headerPill(ctx, "language", languageMin, ImVec2(largeMin.x - gap, top + buttonH), languageName,
                               Icon::Globe, false);
    return taps;
}

float footerHeight(const UiContext& ctx) { return ctx.px(84); }

void footerBar(UiContext& ctx, const domain::Office& office) {
    const float top = ctx.size.y - footerHeight(ctx);
    ctx.draw->AddRectFilled(ImVec2(0, top), ctx.size, palette().surface);
    ctx.draw->AddLine(ImVec2(0, top), ImVec2(ctx.size.x, top), palette().border, ctx.px(2));
    std::string line = office.address;
    if (!office.city.empty()) line += ", " + office.city;
    if (!office.floor.empty()) line += " – " + office.floor;
    if (!office.phones.empty()) line += "   ·   Tel. " + office.phones.front();
    if (!office.email.empty()) line += "   ·   " + office.email;
    ImVec2 s = measure(ctx.fonts.small, line);
    textAt(ctx, ctx.fonts.small, ImVec2(ctx.px(56), top + (footerHeight(ctx) - s.y) / 2), palette().textMuted, line);
}

}  // namespace ui

namespace ui {

void beginScrollArea(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max) {
    ctx.targets.record(id, min, max, TargetKind::ScrollArea);
    ImGui::SetCursorScreenPos(min);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.px(40), ctx.px(32)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImColor(palette().surface).Value);
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImColor(palette().surface).Value);
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImColor(palette().border).Value);
    ImGui::BeginChild(id, ImVec2(max.x - min.x, max.y - min.y), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushTextWrapPos(0.0f);
}

void endScrollArea(UiContext& ctx, const char* id) {
    ImGui::PopTextWrapPos();
    // Touchscreens have no wheel: a finger dragging anywhere over the text moves it.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 4.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    ctx.targets.recordScroll(id, ImGui::GetScrollY());
    ImGui::EndChild();
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
}

float screenTitle(UiContext& ctx, const std::string& title, const std::string& subtitle) {
    const float pad = ctx.px(96);
    float y = headerHeight(ctx) + ctx.px(44);
    textAt(ctx, ctx.fonts.heading, ImVec2(pad, y), palette().text, title);
    y += ctx.px(72);
    if (!subtitle.empty()) {
        textAt(ctx, ctx.fonts.body, ImVec2(pad, y), palette().textMuted, subtitle);
        y += ctx.px(60);
    }
    return y + ctx.px(16);
}

void panel(UiContext& ctx, ImVec2 min, ImVec2 max) {
    ctx.draw->AddRectFilled(min, max, palette().surface, ctx.px(16));
    ctx.draw->AddRect(min, max, palette().border, ctx.px(16), 0, ctx.px(2));
}

void badge(UiContext& ctx, ImVec2 pos, const std::string& text, ImU32 fill, ImU32 textColor) {
    ImVec2 size = measure(ctx.fonts.small, text);
    ImVec2 pad(ctx.px(14), ctx.px(4));
    ctx.draw->AddRectFilled(pos, ImVec2(pos.x + size.x + 2 * pad.x, pos.y + size.y + 2 * pad.y), fill, ctx.px(8));
    textAt(ctx, ctx.fonts.small, ImVec2(pos.x + pad.x, pos.y + pad.y), textColor, text);
}

}  // namespace ui
