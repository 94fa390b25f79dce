#include "main_loop.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <SDL_opengl.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <stdexcept>

#include "frame_guard.hpp"
#include "kiosk/common/log.hpp"
#include "lockdown.hpp"
#include "platform/db_watch.hpp"
#include "platform/screenshot.hpp"
#include "ui/theme.hpp"
#include "ui_script.hpp"

namespace app {

namespace {

// After input, keep drawing at full rate for a while: ImGui needs a few frames to settle.
constexpr Uint32 kActiveAfterInputMs = 1500;
// Idle, the loop wakes once a second for the clock and PRAGMA data_version (a few microseconds);
// another process's ticket or call wakes it at once through the database watch.
constexpr int kIdleWakeMs = 1000;
constexpr int kActiveWakeMs = 8;

struct LoopState {
    bool quit = false;
    bool visible = true;  // nothing is drawn for a hidden or minimised window
    Uint32 lastInput = 0;
    Uint32 activeUntil = 0;
    std::time_t shownMinute = 0;
    bool firstFrameShown = false;
};

// The header clock shows minutes: redraw when the wall clock's minute changes, not more.
bool clockMinuteChanged(LoopState& loop) {
    std::time_t minute = std::time(nullptr) / 60;
    if (minute == loop.shownMinute) return false;
    loop.shownMinute = minute;
    return true;
}

void trackVisibility(const SDL_Event& e, LoopState& loop) {
    if (e.type != SDL_WINDOWEVENT) return;
    switch (e.window.event) {
        case SDL_WINDOWEVENT_HIDDEN:
        case SDL_WINDOWEVENT_MINIMIZED: loop.visible = false; break;
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_EXPOSED: loop.visible = true; break;
        default: break;
    }
}

// Touches and the mouse go through PointerInput (one press or release per frame).
bool isPointerEvent(const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION: return true;
        default: return false;
    }
}

// Where a finger or the left mouse button went down, in picture pixels; nothing for other events.
// A touch also arrives as a synthetic mouse press (SDL_TOUCH_MOUSEID): counted once, as the finger.
std::optional<ImVec2> pressPosition(const SDL_Event& e, SDL_Window* window) {
    if (e.type == SDL_MOUSEBUTTONDOWN && e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
        return platform::mouseToPixels(e.button.x, e.button.y, window);
    if (e.type != SDL_FINGERDOWN) return std::nullopt;
    return platform::fingerToPixels(e.tfinger.x, e.tfinger.y, window);
}

// What a person did, as opposed to window or wake-up events: it restarts the idle timers.
bool isUserInput(const SDL_Event& e) {
    return isPointerEvent(e) || e.type == SDL_MOUSEWHEEL || e.type == SDL_KEYDOWN || e.type == SDL_KEYUP ||
           e.type == SDL_TEXTINPUT;
}

class Loop {
public:
    explicit Loop(LoopSetup& setup)
        : m_s(setup), m_watch(setup.dbPath), m_startedAt(std::chrono::steady_clock::now()) {
        if (!setup.uiScript.empty()) m_script = UiScript::load(setup.uiScript);
        m_loop.lastInput = SDL_GetTicks();
    }

    int run();

private:
    void handleEvent(const SDL_Event& e);
    bool wantsFullRate(Uint32 now) const;
    UiScript::Status buildAndShowFrame();
    void logFirstFrame();
    void followPictureSize();

    LoopSetup& m_s;
    platform::DatabaseWatch m_watch;
    std::chrono::steady_clock::time_point m_startedAt;
    std::optional<UiScript> m_script;
    platform::PointerInput m_pointer;
    ui::Targets m_targets;
    LoopState m_loop;
    FrameGuard m_guard;
    bool m_redraw = true;
    int m_pictureWidth = 0;
    int m_pictureHeight = 0;
};

// A compositor may settle the output's size or scale after the window is shown (cage does):
// the layout, the style and the fonts follow the picture's size as it is now.
void Loop::followPictureSize() {
    int w = 0, h = 0;
    m_s.window.drawableSize(w, h);
    if (w == m_pictureWidth && h == m_pictureHeight) return;
    const bool first = m_pictureWidth == 0 && m_pictureHeight == 0;
    m_pictureWidth = w;
    m_pictureHeight = h;
    if (first || !m_s.onPictureResized) return;
    common::logLine(common::LogLevel::Info, "kiosk", "picture is now %dx%d: layout and fonts follow", w, h);
    m_s.onPictureResized(w, h);
    m_redraw = true;
}

void Loop::handleEvent(const SDL_Event& e) {
    if (m_watch.eventType() != 0 && e.type == m_watch.eventType()) {
        m_watch.acknowledge();  // not input: the idle timers keep running
        return;
    }
    switch (classifyEvent(e, m_s.lockedDown, m_s.windowed)) {
        case EventVerdict::Quit: m_loop.quit = true; return;
        case EventVerdict::Ignore: return;
        case EventVerdict::Handle: break;
    }
    keepInFront(e, m_s.window.sdl(), m_s.lockedDown);
    trackVisibility(e, m_loop);
    if (isPointerEvent(e)) {
        // The click answers a press on something pressable, as a button's own sound would;
        // not a press on the page, nor one the screen ignores after a transition.
        const auto pressedAt = m_s.onButtonPress ? pressPosition(e, m_s.window.sdl()) : std::nullopt;
        if (pressedAt && m_pointer.acceptingPresses() && m_targets.buttonAt(*pressedAt)) m_s.onButtonPress();
        m_pointer.handle(e, m_s.window.sdl());
    } else
        ImGui_ImplSDL2_ProcessEvent(&e);
    if (!isUserInput(e)) return;
    m_loop.lastInput = SDL_GetTicks();
    m_loop.activeUntil = m_loop.lastInput + kActiveAfterInputMs;
}

bool Loop::wantsFullRate(Uint32 now) const {
    return m_redraw || m_script || m_pointer.hasPending() || !SDL_TICKS_PASSED(now, m_loop.activeUntil) ||
           (m_loop.visible && m_s.role.animating(now));
}

void Loop::logFirstFrame() {
    if (m_loop.firstFrameShown) return;
    m_loop.firstFrameShown = true;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_startedAt);
    common::logLine(common::LogLevel::Info, "kiosk", "first frame shown, %lld ms after the loop started",
                    static_cast<long long>(ms.count()));
}

// Returns the script's verdict (Running without a script).
UiScript::Status Loop::buildAndShowFrame() {
    followPictureSize();
    const bool dataChanged = m_s.role.refreshIfChanged();
    m_redraw |= dataChanged;
    m_redraw |= m_s.role.tick(SDL_GetTicks(), m_loop.lastInput, m_pointer);
    if (clockMinuteChanged(m_loop)) {
        m_redraw = true;
        if (m_s.everyMinute) m_s.everyMinute();
    }
    m_redraw |= m_script.has_value() || (m_loop.visible && m_s.role.animating(SDL_GetTicks()));
    if ((!m_redraw && !m_pointer.hasPending()) || (!m_loop.visible && !m_script)) return UiScript::Status::Running;

    ui::UiContext ctx = beginFrame(m_s.window, m_pointer, m_s.fonts, m_s.texts, m_targets);
    m_s.role.drawFrame(ctx);
    endFrame(m_s.window, m_targets);
    m_s.role.applyIntents(m_pointer);
    auto status = UiScript::Status::Running;
    if (m_script) {
        int w = 0, h = 0;
        m_s.window.drawableSize(w, h);
        // A script taps like a person: only once the screen accepts taps again.
        bool inputBusy = m_pointer.hasPending() || !m_pointer.acceptingPresses();
        status = m_script->step(m_s.role.screenName(), m_targets, m_s.window.sdl(), inputBusy,
                                [&](const std::string& path) { platform::savePng(path, w, h); });
    }
    m_s.window.present();
    // After the swap: the measuring command reads this line as "the change is on screen".
    if (dataChanged)
        common::logLine(common::LogLevel::Debug, "kiosk", "data changed: shown on %s", m_s.role.screenName().c_str());
    logFirstFrame();
    m_redraw = false;
    return status;
}

int Loop::run() {
    while (!m_loop.quit && !m_s.role.exitRequested()) {
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wantsFullRate(SDL_GetTicks()) ? kActiveWakeMs : kIdleWakeMs)) {
            handleEvent(e);
            while (SDL_PollEvent(&e)) handleEvent(e);
            m_redraw = true;
        }
        try {
            if (m_script && m_script->takeFailFrameRequest()) throw std::runtime_error("failure injected by the UI script");
            auto status = buildAndShowFrame();
            if (status == UiScript::Status::Failed) {
                common::logLine(common::LogLevel::Error, "kiosk", "UI script failed: %s", m_script->error().c_str());
                return 1;
            }
            if (status == UiScript::Status::Finished) return 0;
            if (status == UiScript::Status::Detached) m_script.reset();
        } catch (const std::exception& error) {
            if (m_guard.recordFailure(error, SDL_GetTicks())) return FrameGuard::kExitCode;
            m_s.role.recover();
            m_pointer.ignorePressesUntil(SDL_GetTicks() + 500);
            m_redraw = true;
        }
    }
    return 0;
}

}  // namespace

ui::UiContext beginFrame(platform::Window& window, platform::PointerInput& pointer, const ui::Fonts& fonts,
                         const domain::Texts& texts, ui::Targets& targets) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    int w = 0, h = 0;
    window.drawableSize(w, h);
    // The kiosk measures everything in picture pixels (see pointer_input.hpp), so ImGui does too:
    // the backend's window units and framebuffer scale would otherwise enlarge and cut the picture.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    pointer.applyTo(io);
    ImGui::NewFrame();
    targets.beginFrame();
    return ui::UiContext{fonts, texts, targets, ui::Metrics{ui::scaleForWindow(w, h)},
                         ImVec2(static_cast<float>(w), static_cast<float>(h)), nullptr};
}

void endFrame(platform::Window& window, ui::Targets& targets) {
    targets.endFrame();
    ImGui::Render();
    int w = 0, h = 0;
    window.drawableSize(w, h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImColor(ui::palette().background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

int runLoop(LoopSetup& setup) { return Loop(setup).run(); }

}  // namespace app
