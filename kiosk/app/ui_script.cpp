#include "ui_script.hpp"

#include "platform/pointer_input.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <utility>
#include <sstream>
#include <stdexcept>

namespace app {
namespace {

// Every verb, in the order the "unknown command" message lists them.
constexpr std::array<std::string_view, 21> kVerbs{
    "tap",    "double-tap", "touch", "double-touch", "drag",  "expect-screen", "expect-scrolled",
    "expect-target", "screenshot", "timeout", "wait",  "loop",  "repeat",  "press",
    "release", "key",   "close-request", "resize", "fail-frame", "idle", "quit"};

bool knownVerb(const std::string& v) { return std::find(kVerbs.begin(), kVerbs.end(), v) != kVerbs.end(); }

std::string verbList() {
    std::string list;
    for (auto verb : kVerbs) list += (list.empty() ? "" : ", ") + std::string(verb);
    return list;
}

// Commands that go on to the next one in the same turn when they are done; the others inject
// input and let the loop handle it (and draw what it changes) before the script looks again.
bool injectsInput(const std::string& v) {
    return v == "tap" || v == "double-tap" || v == "touch" || v == "double-touch" || v == "drag" || v == "press" ||
           v == "release" || v == "key" || v == "close-request" || v == "resize" || v == "fail-frame";
}

// Enough for any script's commands between two inputs; a `repeat` with nothing to wait for
// (a loop of screenshots) takes turns instead of spinning inside one.
constexpr int kCommandsPerTurn = 64;

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

constexpr double kLongestWaitSeconds = 24 * 3600;  // keeps the milliseconds within a Uint32

// The text as a number of seconds, decimals allowed ("2", "0.5"); 0 when the text is anything
// else (trailing words included) or not in (0, kLongestWaitSeconds].
double secondsOf(const std::string& text) {
    char* end = nullptr;
    double seconds = std::strtod(text.c_str(), &end);
    bool allRead = !text.empty() && end == text.c_str() + text.size();
    return allRead && std::isfinite(seconds) && seconds > 0 && seconds <= kLongestWaitSeconds ? seconds : 0;
}

struct KeyChord {
    SDL_Keycode key = SDLK_UNKNOWN;
    Uint16 modifiers = KMOD_NONE;
};

// "Alt+F4" -> F4 with Alt held; names are SDL's key names ("Escape", "Tab", "F4", "Q").
std::optional<KeyChord> parseKeys(const std::string& text) {
    KeyChord chord;
    std::istringstream parts(text);
    std::string part;
    while (std::getline(parts, part, '+')) {
        if (part == "Alt") chord.modifiers |= KMOD_LALT;
        else if (part == "Ctrl") chord.modifiers |= KMOD_LCTRL;
        else if (part == "Shift") chord.modifiers |= KMOD_LSHIFT;
        else if (part == "Super") chord.modifiers |= KMOD_LGUI;
        else chord.key = SDL_GetKeyFromName(part.c_str());
    }
    if (chord.key == SDLK_UNKNOWN) return std::nullopt;
    return chord;
}

// "1280x800" -> the size; nothing for anything else.
std::optional<std::pair<int, int>> parseWindowSize(const std::string& text) {
    int w = 0, h = 0;
    char x = 0;
    std::istringstream in(text);
    if (!(in >> w >> x >> h) || x != 'x' || !in.eof() || w < 320 || h < 240 || w > 7680 || h > 4320)
        return std::nullopt;
    return std::make_pair(w, h);
}

// What is wrong with a command's argument, checked when the script is loaded so that a soak run
// does not fail minutes in on a typo ("" when it is fine).
std::string argumentProblem(const ScriptCommand& c) {
    if (c.verb == "wait" && secondsOf(c.argument) == 0)
        return "expected a number of seconds up to a day, such as 2 or 0.5";
    if (c.verb == "repeat" && !c.argument.empty() &&
        (!allDigits(c.argument) || c.argument.size() > 9 || std::atoi(c.argument.c_str()) < 1))
        return "expected nothing (for ever) or a count from 1 to 999999999";
    if (c.verb == "loop" && !c.argument.empty()) return "expected nothing after it";
    if (c.verb == "resize" && !parseWindowSize(c.argument)) return "expected a size such as 1280x800";
    if (c.verb == "key" && !parseKeys(c.argument)) return "expected a key such as Escape, Alt+F4 or Alt+Tab";
    return "";
}

void pushKey(SDL_Window* window, const KeyChord& chord) {
    for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
        SDL_Event e{};
        e.type = type;
        e.key.windowID = SDL_GetWindowID(window);
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.sym = chord.key;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(chord.key);
        e.key.keysym.mod = chord.modifiers;
        SDL_PushEvent(&e);
    }
}

// What SDL turns the window manager's WM_DELETE_WINDOW into.
void pushCloseRequest(SDL_Window* window) {
    SDL_Event close{};
    close.type = SDL_WINDOWEVENT;
    close.window.windowID = SDL_GetWindowID(window);
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    SDL_PushEvent(&close);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
}

// `which` is the mouse, or SDL_TOUCH_MOUSEID for the mouse events SDL makes from a finger.
void pushMouse(SDL_Window* window, Uint32 type, float x, float y, Uint32 which = 0) {
    SDL_Event e{};
    e.type = type;
    Uint32 id = SDL_GetWindowID(window);
    // Targets are in picture pixels; a real mouse reports window units.
    const ImVec2 at = platform::pixelsToWindowUnits(ImVec2(x, y), window);
    if (type == SDL_MOUSEMOTION) {
        e.motion.windowID = id;
        e.motion.which = which;
        e.motion.x = static_cast<Sint32>(at.x);
        e.motion.y = static_cast<Sint32>(at.y);
    } else {
        e.button.windowID = id;
        e.button.which = which;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = static_cast<Sint32>(at.x);
        e.button.y = static_cast<Sint32>(at.y);
    }
    SDL_PushEvent(&e);
}

void pushFinger(SDL_Window* window, Uint32 type, ImVec2 pixels) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = pixels.x / static_cast<float>(std::max(1, w));
    e.tfinger.y = pixels.y / static_cast<float>(std::max(1, h));
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    e.tfinger.windowID = SDL_GetWindowID(window);
    SDL_PushEvent(&e);
}

// A finger's tap as SDL reports it from a touchscreen: for the first finger it sends the mouse
// events it makes from it (which = SDL_TOUCH_MOUSEID) before each finger event.
void pushTouch(SDL_Window* window, ImVec2 at) {
    pushMouse(window, SDL_MOUSEMOTION, at.x, at.y, SDL_TOUCH_MOUSEID);
    pushMouse(window, SDL_MOUSEBUTTONDOWN, at.x, at.y, SDL_TOUCH_MOUSEID);
    pushFinger(window, SDL_FINGERDOWN, at);
    pushMouse(window, SDL_MOUSEBUTTONUP, at.x, at.y, SDL_TOUCH_MOUSEID);
    pushFinger(window, SDL_FINGERUP, at);
}

void pushClick(SDL_Window* window, ImVec2 at) {
    pushMouse(window, SDL_MOUSEBUTTONDOWN, at.x, at.y);
    pushMouse(window, SDL_MOUSEBUTTONUP, at.x, at.y);
}

void pushDrag(SDL_Window* window, ImVec2 from, float dy) {
    constexpr int kSteps = 12;
    pushMouse(window, SDL_MOUSEMOTION, from.x, from.y);
    pushMouse(window, SDL_MOUSEBUTTONDOWN, from.x, from.y);
    for (int i = 1; i <= kSteps; ++i)
        pushMouse(window, SDL_MOUSEMOTION, from.x, from.y + dy * static_cast<float>(i) / kSteps);
    pushMouse(window, SDL_MOUSEBUTTONUP, from.x, from.y + dy);
}

// "TARGET DY" of a drag; nothing when malformed.
std::optional<std::pair<std::string, float>> parseDrag(const std::string& argument) {
    std::istringstream words(argument);
    std::string target;
    float dy = 0;
    if (!(words >> target >> dy)) return std::nullopt;
    return std::make_pair(target, dy);
}

}  // namespace

UiScript UiScript::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot read the UI script");
    UiScript script;
    script.m_path = path;
    std::string text;
    size_t loopStart = 0;
    for (int lineNo = 1; std::getline(in, text); ++lineNo) {
        std::istringstream words(text);
        ScriptCommand c;
        c.line = lineNo;
        if (!(words >> c.verb) || c.verb[0] == '#') continue;
        std::getline(words >> std::ws, c.argument);
        if (!knownVerb(c.verb))
            throw std::runtime_error(path + ":" + std::to_string(lineNo) + ": unknown command \"" + c.verb +
                                     "\" (expected " + verbList() + ")");
        if (std::string problem = argumentProblem(c); !problem.empty())
            throw std::runtime_error(path + ":" + std::to_string(lineNo) + ": " + c.verb + " " + c.argument + ": " +
                                     problem);
        c.loopStart = loopStart;
        script.m_commands.push_back(c);
        if (c.verb == "loop") loopStart = script.m_commands.size();
    }
    return script;
}

bool UiScript::takesScreenshots() const {
    return std::any_of(m_commands.begin(), m_commands.end(), [](const ScriptCommand& c) { return c.verb == "screenshot"; });
}

UiScript::Outcome UiScript::fail(const std::string& message) {
    const auto& c = m_commands[m_next];
    m_error = m_path + ":" + std::to_string(c.line) + ": " + c.verb + " " + c.argument + ": " + message;
    return Outcome::Failed;
}

UiScript::Outcome UiScript::waitFor(bool condition, const std::string& failure) {
    if (condition) return Outcome::Next;
    if (m_waitStartedMs == 0) m_waitStartedMs = std::max<Uint32>(1, SDL_GetTicks());
    if (SDL_GetTicks() - m_waitStartedMs > m_waitLimitMs) return fail(failure);
    return Outcome::Wait;
}

UiScript::Outcome UiScript::pause(const std::string& seconds) {
    if (m_waitStartedMs == 0) m_waitStartedMs = std::max<Uint32>(1, SDL_GetTicks());
    const auto ms = static_cast<Uint32>(std::lround(secondsOf(seconds) * 1000));
    return SDL_GetTicks() - m_waitStartedMs >= ms ? Outcome::Next : Outcome::Wait;
}

// Sets m_next: back to the loop's start, or on past the `repeat` once its count is used up.
void UiScript::repeat(const ScriptCommand& command) {
    if (command.argument.empty()) {
        m_next = command.loopStart;
        return;
    }
    if (m_repeatsLeft < 0) m_repeatsLeft = std::atoi(command.argument.c_str());
    if (m_repeatsLeft == 0) {
        m_repeatsLeft = -1;
        ++m_next;
        return;
    }
    --m_repeatsLeft;
    m_next = command.loopStart;
}

// Taps, touches and drags: on a target of the picture on screen, once a person's tap there
// would count (not during a screen change's guard), as a person waits for the screen.
UiScript::Outcome UiScript::tapCommand(const ScriptCommand& c, const ScriptView& view) {
    const bool isDrag = c.verb == "drag";
    const auto drag = isDrag ? parseDrag(c.argument) : std::nullopt;
    if (isDrag && !drag) return fail("expected TARGET DY with a target on screen \"" + view.onScreen + "\"");
    const auto center = view.targets.centerOf(isDrag ? drag->first : c.argument);
    if (!center) return fail("no such touch target on screen \"" + view.onScreen + "\"");
    if (Outcome o = waitFor(view.pointer.acceptsPressAt(*center), "the screen never took a tap there"); o != Outcome::Next)
        return o;
    if (isDrag) {
        pushDrag(view.window, *center, drag->second);
    } else if (c.verb == "touch" || c.verb == "double-touch") {
        for (int i = 0; i < (c.verb == "double-touch" ? 2 : 1); ++i) pushTouch(view.window, *center);
    } else {
        pushMouse(view.window, SDL_MOUSEMOTION, center->x, center->y);
        for (int i = 0; i < (c.verb == "double-tap" ? 2 : 1); ++i) pushClick(view.window, *center);
    }
    return Outcome::Injected;
}

// The verbs that only inject input: a press held down, its release, keys, a close request.
UiScript::Outcome UiScript::injectEvent(const ScriptCommand& c, const ScriptView& view) {
    if (c.verb == "press") {
        auto center = view.targets.centerOf(c.argument);
        if (!center) return fail("no such touch target on screen \"" + view.onScreen + "\"");
        if (Outcome o = waitFor(view.pointer.acceptsPressAt(*center), "the screen never took a press there");
            o != Outcome::Next)
            return o;
        m_pressedAt = {center->x, center->y};
        pushMouse(view.window, SDL_MOUSEMOTION, center->x, center->y);
        pushMouse(view.window, SDL_MOUSEBUTTONDOWN, center->x, center->y);
    } else if (c.verb == "release") {
        pushMouse(view.window, SDL_MOUSEBUTTONUP, m_pressedAt.x, m_pressedAt.y);
    } else if (c.verb == "key") {
        pushKey(view.window, *parseKeys(c.argument));
    } else if (c.verb == "close-request") {
        pushCloseRequest(view.window);
    } else if (c.verb == "resize") {
        // As a compositor does when it settles the output after the window is shown.
        m_awaitedSize = *parseWindowSize(c.argument);
        SDL_SetWindowSize(view.window, m_awaitedSize->first, m_awaitedSize->second);
    } else if (c.verb == "fail-frame") {
        m_failFrameRequested = true;
    } else {
        return tapCommand(c, view);
    }
    return Outcome::Injected;
}

// After `resize`: the next command waits until the window has that size (the window system
// answers in its own time) and the loop has drawn the picture at it.
UiScript::Outcome UiScript::awaitResize(const ScriptView& view) {
    int w = 0, h = 0;
    SDL_GetWindowSize(view.window, &w, &h);
    Outcome o = waitFor(std::make_pair(w, h) == *m_awaitedSize && view.pictureFitsWindow, "the window never took that size");
    if (o == Outcome::Next) m_awaitedSize.reset();
    return o;
}

UiScript::Outcome UiScript::run(const ScriptCommand& c, const ScriptView& view,
                                const std::function<void(const std::string&)>& screenshot) {
    const std::string onScreen = " on screen \"" + view.onScreen + "\"";
    if (c.verb == "quit") return Outcome::Finished;
    if (c.verb == "idle") return Outcome::Detached;
    if (c.verb == "expect-screen") return waitFor(view.onScreen == c.argument, "still" + onScreen);
    if (c.verb == "expect-target") return waitFor(view.targets.centerOf(c.argument).has_value(), "not found" + onScreen);
    if (c.verb == "expect-scrolled") {
        auto scrolled = view.targets.scrollOf(c.argument);
        return waitFor(scrolled && *scrolled > 0, scrolled ? "not scrolled" : "no such scroll area" + onScreen);
    }
    if (c.verb == "screenshot") screenshot(c.argument);
    else if (c.verb == "wait") return pause(c.argument);
    else if (c.verb == "timeout") m_waitLimitMs = static_cast<Uint32>(std::max(1, std::atoi(c.argument.c_str()))) * 1000;
    else if (injectsInput(c.verb)) return injectEvent(c, view);
    // `loop` is only a mark for `repeat`, resolved when the script was loaded.
    return Outcome::Next;
}

UiScript::Status UiScript::step(const ScriptView& view, const std::function<void(const std::string&)>& screenshot) {
    // Whatever the last input changed is drawn first: the script looks at a settled picture.
    if (!view.settled) return Status::Running;
    if (m_awaitedSize) {
        Outcome o = awaitResize(view);
        if (o == Outcome::Failed) return Status::Failed;
        if (o == Outcome::Wait) return Status::Running;
    }
    for (int i = 0; i < kCommandsPerTurn; ++i) {
        if (m_next >= m_commands.size()) return Status::Finished;
        const ScriptCommand& c = m_commands[m_next];
        if (c.verb == "repeat") {
            repeat(c);
            continue;
        }
        switch (run(c, view, screenshot)) {
            case Outcome::Next: break;
            case Outcome::Wait: return Status::Running;
            case Outcome::Failed: return Status::Failed;
            case Outcome::Finished: return Status::Finished;
            case Outcome::Detached: return Status::Detached;
            case Outcome::Injected:
                m_waitStartedMs = 0;
                ++m_next;
                return Status::Running;
        }
        m_waitStartedMs = 0;
        ++m_next;
    }
    return Status::Running;
}

}  // namespace app
