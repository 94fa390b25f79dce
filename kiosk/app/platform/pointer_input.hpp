#pragma once
// Touch and mouse events turned into Dear ImGui pointer state, one button change per frame.
#include <SDL.h>
#include <imgui.h>

#include <deque>

namespace platform {

// SDL reports mouse positions in window units and fingers as fractions of the window, but the
// kiosk lays out and draws in the GL picture's pixels; with an output scale (cage on a HiDPI
// panel: a 1280x720 window drawn into 1920x1080 pixels) the two differ. Everything the kiosk
// compares with a button is converted to picture pixels here.
ImVec2 mouseToPixels(int x, int y, SDL_Window* window);
ImVec2 fingerToPixels(float nx, float ny, SDL_Window* window);
// The other way, for events the UI script injects as a mouse would send them.
ImVec2 pixelsToWindowUnits(ImVec2 pixels, SDL_Window* window);

// ImGui 1.86's SDL backend polls the OS mouse, which misses injected events and merges a fast
// tap's press and release into one frame; this queue replays every press and release in order.
class PointerInput {
public:
    void handle(const SDL_Event& event, SDL_Window* window);
    // Call after ImGui_ImplSDL2_NewFrame() and before ImGui::NewFrame().
    void applyTo(ImGuiIO& io);
    bool hasPending() const { return !m_steps.empty(); }
    // A finger (or the mouse button) is down right now.
    bool holding() const { return m_holding; }
    // After a screen change: forget queued taps and ignore new presses for a moment, so a
    // double tap or a tap that lands during the transition acts on nothing.
    void ignorePressesUntil(Uint32 ticks);
    // Longer than that, ignore a press within `radius` pixels of the last one: an impatient
    // second tap on the same spot lands on whatever the new screen has put there.
    void ignoreRepeatsUntil(Uint32 ticks, float radius);
    bool acceptingPresses() const { return SDL_TICKS_PASSED(SDL_GetTicks(), m_ignoreUntil); }
    // Whether a press at this point (picture pixels) would count now.
    bool acceptsPressAt(ImVec2 pos) const;
    // Touch has no hover: once the screen changed, the mouse pointer left where the last tap
    // was highlights nothing until it moves again.
    void liftUntilMoved();
    // A press still held for at least `ms` (a long press); `where` is the finger's position.
    bool heldFor(Uint32 ms, Uint32 now, ImVec2& where) const;

private:
    struct Step {
        ImVec2 pos;
        bool down;
    };
    void press(ImVec2 pos);
    void release(ImVec2 pos, bool liftPointer);

    std::deque<Step> m_steps;
    ImVec2 m_pos{-FLT_MAX, -FLT_MAX};
    bool m_down = false;
    bool m_swallowRelease = false;
    Uint32 m_ignoreUntil = 0;
    Uint32 m_repeatGuardUntil = 0;
    float m_repeatRadius = 0;
    ImVec2 m_lastPress{-FLT_MAX, -FLT_MAX};
    bool m_holding = false;
    Uint32 m_holdStart = 0;
    ImVec2 m_holdPos;
};

}  // namespace platform
