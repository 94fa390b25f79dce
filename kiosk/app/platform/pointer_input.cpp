#include "pointer_input.hpp"

namespace platform {

void PointerInput::ignorePressesUntil(Uint32 ticks) {
    m_ignoreUntil = ticks;
    m_steps.clear();
    if (m_down || m_holding) m_swallowRelease = true;
    m_holding = false;
    m_down = false;
}

void PointerInput::press(ImVec2 pos) {
    if (!acceptingPresses()) {
        m_swallowRelease = true;
        return;
    }
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

ImVec2 PointerInput::toWindow(float nx, float ny, SDL_Window* window) const {
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    return {nx * static_cast<float>(w), ny * static_cast<float>(h)};
}

void PointerInput::handle(const SDL_Event& e, SDL_Window* window) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // already seen as a finger event
            if (m_holding) m_holdPos = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
            if (m_steps.empty())
                m_pos = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
            else
                m_steps.push_back({ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)),
                                   m_steps.back().down});
            return;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
            press(ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)));
            return;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
            release(ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)), false);
            return;
        case SDL_FINGERDOWN:
            press(toWindow(e.tfinger.x, e.tfinger.y, window));
            return;
        case SDL_FINGERMOTION:
            if (m_holding) m_holdPos = toWindow(e.tfinger.x, e.tfinger.y, window);
            if (m_steps.empty()) m_pos = toWindow(e.tfinger.x, e.tfinger.y, window);
            else m_steps.push_back({toWindow(e.tfinger.x, e.tfinger.y, window), m_steps.back().down});
            return;
        case SDL_FINGERUP:
            release(toWindow(e.tfinger.x, e.tfinger.y, window), true);
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
