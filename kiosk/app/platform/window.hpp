#pragma once
// RAII ownership of SDL, the window, its OpenGL context and Dear ImGui's backends.
#include <SDL.h>

#include <string>

namespace platform {

// Where a window that is not full screen goes on its monitor.
enum class Placement { Center, Left, Right };

struct WindowOptions {
    int width = 1920;   // used when windowed or hidden
    int height = 1080;
    bool fullscreen = true;
    bool hidden = false;  // off-screen rendering (--screenshot)
    std::string title = "Segretariato sociale";
    int display = 0;  // 1-based monitor; 0 = the desktop's choice
    Placement placement = Placement::Center;
};

// One window with a GL 3 context and ImGui bound to it; everything torn down in reverse order.
class Window {
public:
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    SDL_Window* sdl() const { return m_window; }
    void drawableSize(int& w, int& h) const;
    void present() const;

private:
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_gl = nullptr;
    bool m_imguiReady = false;
};

}  // namespace platform
