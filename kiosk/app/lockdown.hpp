#pragma once
// The citizen kiosk stands alone in a public room: no key, window-manager close request or
// focus switch may close it or uncover the desktop. Only staff, with the PIN, can close it
// (the reserved area, see screens/admin_screen.hpp). Staff console and board are not locked.
#include <SDL.h>

namespace app {

enum class EventVerdict {
    Handle,   // normal input for the UI
    Ignore,   // swallowed: a locked kiosk does not react to it
    Quit,     // leave the loop (unlocked roles only)
};

// What to do with one SDL event. `windowed` allows Escape to close a developer's window.
EventVerdict classifyEvent(const SDL_Event& event, bool lockedDown, bool windowed);

// Before SDL_Init: SIGINT/SIGTERM must stop a locked kiosk (the service manager's stop), so SDL
// must not turn them into a quit request it would ignore; a fullscreen kiosk must not minimise
// when focus moves away.
void prepareLockdownHints(bool lockedDown);

// After the window exists: keeps the keyboard to the kiosk (Alt+Tab and similar shortcuts reach
// it, not the desktop) and the screensaver off (platform::Window already asks SDL for that).
void lockWindow(SDL_Window* window, bool lockedDown, bool fullscreen);

// A locked window that got minimised or lost focus anyway comes back to the front.
void keepInFront(const SDL_Event& event, SDL_Window* window, bool lockedDown);

}  // namespace app
