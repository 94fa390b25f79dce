#include "main_loop.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <stdexcept>

#include "frame_guard.hpp"
#include "kiosk/common/log.hpp"
#include "lockdown.hpp"
#include "platform/db_watch.hpp"
#include "platform/screenshot.hpp"
#include "server_lost.hpp"
#include "ui/theme.hpp"
#include "ui_script.hpp"

namespace app {

namespace {

// After input the loop draws until ImGui has settled: the frame that feeds it the event, the one
// that shows what the event changed, and one more for layouts ImGui finishes a frame late.
constexpr int kFramesAfterInput = 3;
// A new screen: drawn, then settled (a scroll area learns its content's height in its first frame).
constexpr int kFramesForNewScreen = 2;
// New data, the clock's minute, a countdown: the same screen with other words, one frame.
constexpr int kFramesForNewContent = 1;
// Idle, the loop wakes once a second for the clock and PRAGMA data_version (a few microseconds);
// another process's ticket or call wakes it at once through the database watch.
constexpr int kIdleWakeMs = 1000;
// Between the frames it owes after input or a change.
constexpr int kActiveWakeMs = 8;
// While an animation runs (the board's slow pulse for a new call): 30 frames a second are plenty.
constexpr int kAnimationWakeMs = 33;
// While a finger is held down nothing is drawn, but a long press must be noticed on time.
constexpr int kHoldWakeMs = 50;
constexpr const char* kServerLostScreen = "server-lost";
constexpr const char* kDatabaseLostScreen = "database-lost";

struct LoopState {
    bool quit = false;
    bool visible = true;  // nothing is drawn for a hidden or minimised window
    Uint32 lastInput = 0;
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

// The window system lost or resized the picture: it must be drawn again.
bool pictureNeedsRedraw(const SDL_Event& e) {
    return e.type == SDL_WINDOWEVENT &&
           (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SHOWN ||
            e.window.event == SDL_WINDOWEVENT_RESTORED || e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED);
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

// Events still queued: the loop has not yet seen everything that happened.
bool eventsQueued() { return SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0; }

class Loop {
public:
    explicit Loop(LoopSetup& setup)
        : m_s(setup), m_startedAt(std::chrono::steady_clock::now()) {
        // The SQLite file's folder through inotify, or the server's notifications.
        if (setup.serverSocket) m_serverWatch.emplace();
        else m_watch.emplace(setup.dbPath);
        if (!setup.uiScript.empty()) m_script = UiScript::load(setup.uiScript);
        m_loop.lastInput = SDL_GetTicks();
    }

    int run();

private:
    void handleEvent(const SDL_Event& e);
    void owe(int frames) { m_framesOwed = std::max(m_framesOwed, frames); }
    int wakeTimeoutMs() const;
    void noteChanges();
    void buildAndShowFrame();
    void noteShown(const std::string& screen);
    void present(ImVec2 size);
    std::optional<int> stepScript();
    void logFirstFrame();
    void followPictureSize();
    bool serverLost() const { return m_s.serverLost && m_s.serverLost(); }
    void showServerLost(const std::exception& error);
    void noteServerBack();
    bool databaseLost();
    void showDatabaseLost();

    LoopSetup& m_s;
    std::optional<platform::DatabaseWatch> m_watch;
    std::optional<platform::ServerWatch> m_serverWatch;
    bool m_offline = false;
    std::optional<DatabaseLoss> m_databaseLoss;  // once the -wal is gone: what the log last said
    std::chrono::steady_clock::time_point m_startedAt;
    std::optional<UiScript> m_script;
    platform::PointerInput m_pointer;
    ui::Targets m_targets;
    LoopState m_loop;
    FrameGuard m_guard;
    // Frames still to draw before the picture is final: the first one, then after each change.
    int m_framesOwed = 1;
    bool m_dataChanged = false;  // since the last frame: logged once that frame is on screen
    std::string m_shownScreen;   // the screen of the frame on screen now
    std::string m_shownTargets;  // and where its targets are, for the debug log
    int m_shownWidth = 0, m_shownHeight = 0;  // and its size in pixels
    platform::PresentedPicture m_presented;   // and its pixels, while a script may want them
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
    owe(kFramesForNewScreen);
}

void Loop::handleEvent(const SDL_Event& e) {
    // Wake-ups from other processes' writes are not input: refreshIfChanged decides whether
    // anything shown changed, and the idle timers keep running.
    if (m_watch && m_watch->eventType() != 0 && e.type == m_watch->eventType()) {
        m_watch->acknowledge();
        return;
    }
    if (m_serverWatch && m_serverWatch->eventType() != 0 && e.type == m_serverWatch->eventType()) {
        m_serverWatch->acknowledge();
        return;
    }
    switch (classifyEvent(e, m_s.lockedDown, m_s.windowed)) {
        case EventVerdict::Quit: m_loop.quit = true; return;
        case EventVerdict::Ignore: return;
        case EventVerdict::Handle: break;
    }
    keepInFront(e, m_s.window.sdl(), m_s.lockedDown);
    trackVisibility(e, m_loop);
    if (pictureNeedsRedraw(e)) owe(kFramesForNewScreen);
    if (isPointerEvent(e)) {
        // The click answers a press on something pressable, as a button's own sound would;
        // not a press on the page, nor one the screen ignores after a transition.
        const auto pressedAt = m_s.onButtonPress ? pressPosition(e, m_s.window.sdl()) : std::nullopt;
        if (pressedAt && m_pointer.acceptsPressAt(*pressedAt) && m_targets.buttonAt(*pressedAt)) m_s.onButtonPress();
        m_pointer.handle(e, m_s.window.sdl());
    } else
        ImGui_ImplSDL2_ProcessEvent(&e);
    if (!isUserInput(e)) return;
    m_loop.lastInput = SDL_GetTicks();
    owe(kFramesAfterInput);
}

int Loop::wakeTimeoutMs() const {
    int timeout = kIdleWakeMs;
    if (m_framesOwed > 0 || m_pointer.hasPending())
        timeout = kActiveWakeMs;
    else if (m_loop.visible && m_s.role.animating(SDL_GetTicks()))
        timeout = kAnimationWakeMs;
    else if (m_pointer.holding())
        timeout = kHoldWakeMs;
    // A script only reads what is on screen; it is woken to look, never to draw.
    if (m_script) timeout = std::min(timeout, m_script->wakeInMs());
    return timeout;
}

void Loop::logFirstFrame() {
    if (m_loop.firstFrameShown) return;
    m_loop.firstFrameShown = true;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_startedAt);
    common::logLine(common::LogLevel::Info, "kiosk", "first frame shown, %lld ms after the loop started",
                    static_cast<long long>(ms.count()));
}

// What changed since the last frame without a tap: the data, the clock, countdowns, animations.
void Loop::noteChanges() {
    followPictureSize();
    if (m_s.role.refreshIfChanged()) {
        m_dataChanged = true;
        owe(kFramesForNewContent);
    }
    if (m_s.role.tick(SDL_GetTicks(), m_loop.lastInput, m_pointer)) owe(kFramesForNewContent);
    if (clockMinuteChanged(m_loop)) {
        owe(kFramesForNewContent);
        if (m_s.everyMinute) m_s.everyMinute();
    }
    if (m_loop.visible && m_s.role.animating(SDL_GetTicks())) owe(1);
    if (m_pointer.hasPending()) owe(1);
}

// Draws a frame when one is owed, applies its taps, and owes the frames that show their effect:
// whatever the taps changed is on screen in the next frame, with no further input.
void Loop::buildAndShowFrame() {
    noteChanges();
    if (m_framesOwed == 0 || !m_loop.visible) return;
    const std::string drawn = m_s.role.screenName();
    if (drawn != m_shownScreen) owe(kFramesForNewScreen);  // changed by the clock, a countdown, a failure
    // This frame feeds ImGui a queued press, release or drag: its taps may change what is shown.
    const bool fedInput = m_pointer.hasPending();
    ui::UiContext ctx = beginFrame(m_s.window, m_pointer, m_s.fonts, m_s.texts, m_targets);
    m_s.role.drawFrame(ctx);
    endFrame(m_s.window, m_targets);
    m_s.role.applyIntents(m_pointer);
    present(ctx.size);
    --m_framesOwed;
    if (fedInput) owe(kFramesAfterInput);
    if (m_s.role.screenName() != drawn) {
        owe(kFramesForNewScreen);
        m_pointer.liftUntilMoved();
    }
    noteShown(drawn);
}

// After the swap: the lines that say what a person now sees. The measuring command reads
// "data changed: shown" and real-input tests read "on screen" (KIOSK_LOG_LEVEL=debug).
void Loop::noteShown(const std::string& screen) {
    if (m_dataChanged)
        common::logLine(common::LogLevel::Debug, "kiosk", "data changed: shown on %s", screen.c_str());
    m_dataChanged = false;
    logFirstFrame();
    const bool screenChanged = screen != m_shownScreen;
    m_shownScreen = screen;
    if (common::logThreshold() > common::LogLevel::Debug) return;
    std::string targets = m_targets.describe();
    if (!screenChanged && targets == m_shownTargets) return;
    m_shownTargets = std::move(targets);
    common::logLine(common::LogLevel::Debug, "kiosk", "on screen: %s targets: %s", screen.c_str(),
                    m_shownTargets.c_str());
}

// Swaps the frame drawn at `size` onto the screen. A script's screenshot is the picture on
// screen, so for a script that takes screenshots the frame is copied as it goes up.
void Loop::present(ImVec2 size) {
    m_shownWidth = static_cast<int>(size.x);
    m_shownHeight = static_cast<int>(size.y);
    if (m_script && m_script->takesScreenshots()) m_presented.capture(m_shownWidth, m_shownHeight);
    m_s.window.present();
}

// The script reads what is on screen after each turn of the loop; an exit code when it ends the run.
std::optional<int> Loop::stepScript() {
    if (!m_script) return std::nullopt;
    int w = 0, h = 0;
    m_s.window.drawableSize(w, h);
    const bool settled = m_framesOwed == 0 && !m_pointer.hasPending() && !eventsQueued();
    const bool fits = w == m_shownWidth && h == m_shownHeight;
    const ScriptView view{m_shownScreen, m_targets, m_s.window.sdl(), settled, fits, m_pointer};
    const auto status = m_script->step(view, [&](const std::string& path) { m_presented.savePng(path); });
    switch (status) {
        case UiScript::Status::Failed:
            common::logLine(common::LogLevel::Error, "kiosk", "UI script failed: %s", m_script->error().c_str());
            return 1;
        case UiScript::Status::Finished: return 0;
        case UiScript::Status::Detached:
            m_script.reset();
            m_presented = {};
            return std::nullopt;
        case UiScript::Status::Running: return std::nullopt;
    }
    return std::nullopt;
}

int Loop::run() {
    while (!m_loop.quit && !m_s.role.exitRequested()) {
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wakeTimeoutMs())) {
            handleEvent(e);
            while (SDL_PollEvent(&e)) handleEvent(e);
        }
        if (m_serverWatch) m_serverWatch->watchSocket(m_s.serverSocket());
        try {
            if (m_script && m_script->takeFailFrameRequest()) throw std::runtime_error("failure injected by the UI script");
            if (databaseLost()) {
                showDatabaseLost();
            } else {
                buildAndShowFrame();
                noteServerBack();
            }
        } catch (const std::exception& error) {
            if (serverLost()) {
                showServerLost(error);
            } else {
                if (m_guard.recordFailure(error, SDL_GetTicks())) return FrameGuard::kExitCode;
                m_s.role.recover();
                m_pointer.ignorePressesUntil(SDL_GetTicks() + 500);
                owe(kFramesForNewScreen);
            }
        }
        if (auto exitCode = stepScript()) return *exitCode;
    }
    return 0;
}

// The server is away: whatever the screen was doing is dropped (as after a failed frame) and the
// whole window says so. The loop then idles; each wake asks the store again, which reconnects
// on its own schedule (PostgresStore's backoff), and the first frame that succeeds ends this.
void Loop::showServerLost(const std::exception& error) {
    abandonImGuiFrame();
    if (!m_offline) {
        m_offline = true;
        common::logLine(common::LogLevel::Error, "kiosk", "server unreachable, screen shows it: %s", error.what());
        m_s.role.recover();
    }
    const domain::Texts* visit = m_s.role.visitTexts();
    const domain::Texts& texts = visit ? *visit : m_s.texts;
    ui::UiContext ctx = beginFrame(m_s.window, m_pointer, m_s.fonts, texts, m_targets);
    ctx.language = m_s.role.visitLanguage();
    drawServerLost(ctx, &texts == &m_s.texts ? nullptr : &m_s.texts);
    endFrame(m_s.window, m_targets);
    present(ctx.size);
    m_framesOwed = 0;
    noteShown(kServerLostScreen);
}

// Asked at every turn of the loop (a stat(); the database watch wakes the loop when the -wal is
// deleted). Each change in what the store says (not yet saved, then saved) is logged once.
bool Loop::databaseLost() {
    if (!m_s.databaseLost) return false;
    std::optional<DatabaseLoss> loss = m_s.databaseLost();
    if (!loss) return false;
    if (!m_databaseLoss || m_databaseLoss->message != loss->message) {
        if (!m_databaseLoss) m_s.role.recover();  // whatever the screen was doing is dropped
        common::logLine(common::LogLevel::Error, "kiosk", "out of service: %s", loss->message.c_str());
        owe(kFramesForNewScreen);
    }
    m_databaseLoss = std::move(loss);
    return true;
}

// The role draws nothing more (it would read and write the store): the whole window says the
// service is stopped, in the visitor's language with the Italian below, and a line for the staff.
void Loop::showDatabaseLost() {
    if (m_framesOwed == 0 && m_shownScreen == kDatabaseLostScreen) return;
    const domain::Texts* visit = m_s.role.visitTexts();
    const domain::Texts& texts = visit ? *visit : m_s.texts;
    ui::UiContext ctx = beginFrame(m_s.window, m_pointer, m_s.fonts, texts, m_targets);
    ctx.language = m_s.role.visitLanguage();
    drawDatabaseLost(ctx, &texts == &m_s.texts ? nullptr : &m_s.texts, m_s.texts, m_databaseLoss->saved, m_s.dbPath);
    endFrame(m_s.window, m_targets);
    present(ctx.size);
    m_framesOwed = 0;
    noteShown(kDatabaseLostScreen);
}

void Loop::noteServerBack() {
    if (!m_offline) return;
    m_offline = false;
    owe(kFramesForNewScreen);
    common::logLine(common::LogLevel::Info, "kiosk", "server reachable again");
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
