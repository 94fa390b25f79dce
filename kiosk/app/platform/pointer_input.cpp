#include "pointer_input.hpp"

namespace platform {

namespace {

ImVec2 pixelsPerWindowUnit(SDL_Window* window) {
    int w = 0, h = 0, pw = 0, ph = 0;
    SDL_GetWindowSize(window, &w, &h);
    SDL_GL_GetDrawableSize(window, &pw, &ph);
    if (w <= 0 || h <= 0 || pw <= 0 || ph <= 0) return {1.0f, 1.0f};
    return {static_cast<float>(pw) / static_cast<float>(w), static_cast<float>(ph) / static_cast<float>(h)};
}

}  // namespace

ImVec2 mouseToPixels(int x, int y, SDL_Window* window) {
    const ImVec2 ratio = pixelsPerWindowUnit(window);
    return {static_cast<float>(x) * ratio.x, static_cast<float>(y) * ratio.y};
}

ImVec2 fingerToPixels(float nx, float ny, SDL_Window* window) {
    int pw = 0, ph = 0;
    SDL_GL_GetDrawableSize(window, &pw, &ph);
    return {nx * static_cast<float>(pw), ny * static_cast<float>(ph)};
}

ImVec2 pixelsToWindowUnits(ImVec2 pixels, SDL_Window* window) {
    const ImVec2 ratio = pixelsPerWindowUnit(window);
    return {pixels.x / ratio.x, pixels.y / ratio.y};
}

void PointerInput::ignorePressesUntil(Uint32 ticks) {
    m_ignoreUntil = ticks;
    m_steps.clear();
    if (m_down || m_holding) m_swallowRelease = true;
    m_holding = false;
    m_down = false;
}

void PointerInput::ignoreRepeatsUntil(Uint32 ticks, float radius) {
    m_repeatGuardUntil = ticks;
    m_repeatRadius = radius;
}

bool PointerInput::acceptsPressAt(ImVec2 pos) const {
    if (!acceptingPresses()) return false;
    if (SDL_TICKS_PASSED(SDL_GetTicks(), m_repeatGuardUntil)) return true;
    const float dx = pos.x - m_lastPress.x, dy = pos.y - m_lastPress.y;
    return dx * dx + dy * dy > m_repeatRadius * m_repeatRadius;
}

void PointerInput::liftUntilMoved() {
    if (m_steps.empty() && !m_down) m_pos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void PointerInput::press(ImVec2 pos) {
    if (!acceptsPressAt(pos)) {
        m_swallowRelease = true;
        return;
    }
    m_lastPress = pos;
    m_steps.push_back({pos, true});
    m_holding = true;
    m_holdStart = SDL_GetTicks();
    m_holdPos = pos;
}

bool PointerInput::heldFor(Uint32 ms, Uint32 now, ImVec2& where) const {
    if (!m_holding || now - m_holdStart < ms) return false;
    where = m_holdPos;
    return true;
}

void PointerInput::release(ImVec2 pos, bool liftPointer) {
    m_holding = false;
    if (m_swallowRelease) {
        m_swallowRelease = false;
        return;
    }
    m_steps.push_back({pos, false});
    // A finger that left the glass hovers nothing: no highlighted button stays behind.
    if (liftPointer) m_steps.push_back({ImVec2(-FLT_MAX, -FLT_MAX), false});
}


void PointerInput::handle(const SDL_Event& e, SDL_Window* window) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // already seen as a finger event
            if (m_holding) m_holdPos = mouseToPixels(e.motion.x, e.motion.y, window);
            if (m_steps.empty())
                m_pos = mouseToPixels(e.motion.x, e.motion.y, window);
            else
                m_steps.push_back({mouseToPixels(e.motion.x, e.motion.y, window),
                                   m_steps.back().down});
            return;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
            press(mouseToPixels(e.button.x, e.button.y, window));
            return;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
            release(mouseToPixels(e.button.x, e.button.y, window), false);
            return;
        case SDL_FINGERDOWN:
            press(fingerToPixels(e.tfinger.x, e.tfinger.y, window));
            return;
        case SDL_FINGERMOTION:
            if (m_holding) m_holdPos = fingerToPixels(e.tfinger.x, e.tfinger.y, window);
            if (m_steps.empty()) m_pos = fingerToPixels(e.tfinger.x, e.tfinger.y, window);
            else m_steps.push_back({fingerToPixels(e.tfinger.x, e.tfinger.y, window), m_steps.back().down});
            return;
        case SDL_FINGERUP:
            release(fingerToPixels(e.tfinger.x, e.tfinger.y, window), true);
            return;
        default:
            return;
    }
}

void PointerInput::applyTo(ImGuiIO& io) {
    // A press or release gets a frame of its own, and so does every move of a pressed finger
    // (a drag must be seen moving); moves of a hovering mouse are merged.
    while (!m_steps.empty()) {
        Step s = m_steps.front();
        m_steps.pop_front();
        m_pos = s.pos;
        bool changed = s.down != m_down;
        m_down = s.down;
        if (changed || m_down) break;
    }
    io.MousePos = m_pos;
    io.MouseDown[0] = m_down;
    io.MouseDown[1] = io.MouseDown[2] = false;
}

}  // namespace platform
