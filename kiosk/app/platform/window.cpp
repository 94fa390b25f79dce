#include "window.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace platform {
namespace {

[[noreturn]] void failSdl(const char* what) { throw std::runtime_error(std::string(what) + ": " + SDL_GetError()); }

Uint32 windowFlags(const WindowOptions& o) {
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.hidden) return flags | SDL_WINDOW_HIDDEN;
    if (o.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    return flags;
}

// The monitor's index for SDL (0-based), or a clear error when it does not exist.
int sdlDisplayIndex(int oneBased) {
    const int count = SDL_GetNumVideoDisplays();
    if (oneBased > count)
        throw std::runtime_error("--display " + std::to_string(oneBased) + ": this computer has " +
                                 std::to_string(count) + " monitor(s)");
    return oneBased - 1;
}

// On X11 a full-screen window may have no window manager to size it (a kiosk started by xinit):
// it must cover its monitor from the start, or a 1920x1080 window centred on a 1280x800 screen
// hangs off its edges while SDL draws for 1280x800 and taps miss. A Wayland compositor (cage)
// always sizes it, and there the display's bounds are in scaled units: a window made that size
// would lose its HiDPI picture.
bool fullscreenNeedsMonitorSize() {
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver && std::string(driver) == "x11";
}

// Where the window goes and how big it is.
SDL_Rect windowRect(const WindowOptions& o) {
    const int display = o.display > 0 ? sdlDisplayIndex(o.display) : 0;
    SDL_Rect r{static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)),
               static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)), o.width, o.height};
    SDL_Rect bounds;
    if (o.fullscreen && fullscreenNeedsMonitorSize() && SDL_GetDisplayBounds(display, &bounds) == 0) return bounds;
    if (o.fullscreen || o.placement == Placement::Center || SDL_GetDisplayUsableBounds(display, &bounds) != 0) return r;
    r.x = o.placement == Placement::Left ? bounds.x : bounds.x + std::max(0, bounds.w - o.width);
    r.y = bounds.y;
    return r;
}

}  // namespace

Window::Window(const WindowOptions& o) {
    // A kiosk must not let the screen blank while citizens are reading it.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) failSdl("SDL_Init");
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_Rect rect;
    try {
        rect = windowRect(o);
    } catch (...) {
        SDL_Quit();
        throw;
    }
    m_window = SDL_CreateWindow(o.title.c_str(), rect.x, rect.y, rect.w, rect.h, windowFlags(o));
    if (!m_window) {
        SDL_Quit();
        failSdl("SDL_CreateWindow");
    }
    m_gl = SDL_GL_CreateContext(m_window);
    if (!m_gl) {
        SDL_DestroyWindow(m_window);
        SDL_Quit();
        failSdl("SDL_GL_CreateContext");
    }
    SDL_GL_MakeCurrent(m_window, m_gl);
    SDL_GL_SetSwapInterval(1);
    if (!o.hidden) SDL_ShowCursor(o.fullscreen ? SDL_DISABLE : SDL_ENABLE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    ImGui_ImplSDL2_InitForOpenGL(m_window, m_gl);
    ImGui_ImplOpenGL3_Init("#version 130");
    m_imguiReady = true;
}

Window::~Window() {
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    SDL_GL_DeleteContext(m_gl);
    SDL_DestroyWindow(m_window);
    SDL_Quit();
}

void Window::drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }

void Window::present() const { SDL_GL_SwapWindow(m_window); }

}  // namespace platform
