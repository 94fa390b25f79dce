#include "lockdown.hpp"

#include "kiosk/common/log.hpp"

namespace app {

namespace {

bool isCloseRequest(const SDL_Event& e) {
    return e.type == SDL_QUIT || (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE);
}

}  // namespace

EventVerdict classifyEvent(const SDL_Event& e, bool lockedDown, bool windowed) {
    if (isCloseRequest(e)) {
        if (!lockedDown) return e.type == SDL_QUIT ? EventVerdict::Quit : EventVerdict::Handle;
        common::logLine(common::LogLevel::Warn, "kiosk", "close request ignored: the kiosk closes only with the staff PIN");
        return EventVerdict::Ignore;
    }
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT) {
        // The citizen screens take no keyboard input at all: a keyboard left on the desk is inert.
        if (lockedDown) return EventVerdict::Ignore;
        if (windowed && e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE) return EventVerdict::Quit;
    }
    return EventVerdict::Handle;
}

void prepareLockdownHints(bool lockedDown) {
    if (!lockedDown) return;
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
}

void lockWindow(SDL_Window* window, bool lockedDown, bool fullscreen) {
    SDL_DisableScreenSaver();
    if (!lockedDown || !fullscreen) return;
    SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
}

void keepInFront(const SDL_Event& e, SDL_Window* window, bool lockedDown) {
    if (!lockedDown || e.type != SDL_WINDOWEVENT) return;
    if (e.window.event == SDL_WINDOWEVENT_MINIMIZED || e.window.event == SDL_WINDOWEVENT_HIDDEN) {
        common::logLine(common::LogLevel::Warn, "kiosk", "window minimised: brought back to the front");
        SDL_RestoreWindow(window);
        SDL_RaiseWindow(window);
    }
}

}  // namespace app
