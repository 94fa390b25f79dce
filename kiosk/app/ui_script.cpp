#include "ui_script.hpp"

#include "platform/pointer_input.hpp"

#include <algorithm>
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

// Frames drawn after a tap before the next command, so the tap's effect is on screen.
constexpr int kSettleFrames = 3;

bool knownVerb(const std::string& v) {
    return v == "tap" || v == "double-tap" || v == "drag" || v == "expect-screen" || v == "expect-scrolled" ||
           v == "expect-target" || v == "screenshot" || v == "timeout" || v == "wait" || v == "loop" ||
           v == "repeat" || v == "press" || v == "release" || v == "key" || v == "close-request" ||
           v == "fail-frame" || v == "idle" || v == "resize" || v == "quit";
}

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

void pushMouse(SDL_Window* window, Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    Uint32 id = SDL_GetWindowID(window);
    // Targets are in picture pixels; a real mouse reports window units.
    const ImVec2 at = platform::pixelsToWindowUnits(ImVec2(x, y), window);
    x = at.x;
    y = at.y;
    if (type == SDL_MOUSEMOTION) {
        e.motion.windowID = id;
        e.motion.x = static_cast<Sint32>(x);
        e.motion.y = static_cast<Sint32>(y);
    } else {
        e.button.windowID = id;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = static_cast<Sint32>(x);
        e.button.y = static_cast<Sint32>(y);
    }
    SDL_PushEvent(&e);
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
                                     "\" (expected tap, double-tap, drag, expect-screen, expect-scrolled, expect-target, "
                                     "screenshot, timeout, wait, loop, repeat, press, release, key, close-request, fail-frame, idle, quit)");
        if (std::string problem = argumentProblem(c); !problem.empty())
            throw std::runtime_error(path + ":" + std::to_string(lineNo) + ": " + c.verb + " " + c.argument + ": " +
                                     problem);
        c.loopStart = loopStart;
        script.m_commands.push_back(c);
        if (c.verb == "loop") loopStart = script.m_commands.size();
    }
    return script;
}

UiScript::Status UiScript::fail(const std::string& message) {
    const auto& c = m_commands[m_next];
    m_error = m_path + ":" + std::to_string(c.line) + ": " + c.verb + " " + c.argument + ": " + message;
    return Status::Failed;
}

bool UiScript::tap(const ui::Targets& targets, SDL_Window* window, const std::string& target, int times) {
    auto center = targets.centerOf(target);
    if (!center) return false;
    pushMouse(window, SDL_MOUSEMOTION, center->x, center->y);
    for (int i = 0; i < times; ++i) {
        pushMouse(window, SDL_MOUSEBUTTONDOWN, center->x, center->y);
        pushMouse(window, SDL_MOUSEBUTTONUP, center->x, center->y);
    }
    return true;
}

bool UiScript::drag(const ui::Targets& targets, SDL_Window* window, const std::string& argument) {
    std::istringstream words(argument);
    std::string target;
    float dy = 0;
    if (!(words >> target >> dy)) return false;
    auto center = targets.centerOf(target);
    if (!center) return false;
    constexpr int kSteps = 12;
    pushMouse(window, SDL_MOUSEMOTION, center->x, center->y);
    pushMouse(window, SDL_MOUSEBUTTONDOWN, center->x, center->y);
    for (int i = 1; i <= kSteps; ++i)
        pushMouse(window, SDL_MOUSEMOTION, center->x, center->y + dy * static_cast<float>(i) / kSteps);
    pushMouse(window, SDL_MOUSEBUTTONUP, center->x, center->y + dy);
    return true;
}

UiScript::Status UiScript::waitFor(bool condition, const std::string& failure) {
    if (condition) return Status::Finished;
    if (m_waitStartedMs == 0) m_waitStartedMs = SDL_GetTicks();
    if (SDL_GetTicks() - m_waitStartedMs > m_waitLimitMs) return fail(failure);
    return Status::Running;
}

UiScript::Status UiScript::pause(const std::string& seconds) {
    if (m_waitStartedMs == 0) m_waitStartedMs = std::max<Uint32>(1, SDL_GetTicks());
    const auto ms = static_cast<Uint32>(std::lround(secondsOf(seconds) * 1000));
    return SDL_GetTicks() - m_waitStartedMs >= ms ? Status::Finished : Status::Running;
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

// The verbs that only inject input: a press held down, its release, keys, a close request.
UiScript::Status UiScript::injectEvent(const ScriptCommand& c, const ui::Targets& targets, SDL_Window* window,
                                       const std::string& onScreen) {
    if (c.verb == "press") {
        auto center = targets.centerOf(c.argument);
        if (!center) return fail("no such touch target" + onScreen);
        m_pressedAt = {center->x, center->y};
        pushMouse(window, SDL_MOUSEMOTION, center->x, center->y);
        pushMouse(window, SDL_MOUSEBUTTONDOWN, center->x, center->y);
    } else if (c.verb == "release") {
        pushMouse(window, SDL_MOUSEBUTTONUP, m_pressedAt.x, m_pressedAt.y);
    } else if (c.verb == "key") {
        pushKey(window, *parseKeys(c.argument));
    } else if (c.verb == "close-request") {
        pushCloseRequest(window);
    } else if (c.verb == "resize") {
        // As a compositor does when it settles the output after the window is shown.
        const auto [w, h] = *parseWindowSize(c.argument);
        SDL_SetWindowSize(window, w, h);
    } else {
        m_failFrameRequested = true;
    }
    m_settleFrames = kSettleFrames;
    return Status::Finished;
}

UiScript::Status UiScript::step(const std::string& current, const ui::Targets& targets, SDL_Window* window,
                                bool inputBusy, const std::function<void(const std::string&)>& screenshot) {
    if (inputBusy || m_settleFrames > 0) {
        if (!inputBusy) --m_settleFrames;
        return Status::Running;
    }
    if (m_next >= m_commands.size()) return Status::Finished;
    const ScriptCommand& c = m_commands[m_next];
    if (c.verb == "quit") return Status::Finished;
    if (c.verb == "idle") return Status::Detached;
    const std::string onScreen = " on screen \"" + current + "\"";
    if (c.verb == "expect-screen") {
        Status s = waitFor(current == c.argument, "still" + onScreen);
        if (s != Status::Finished) return s;
    } else if (c.verb == "expect-target") {
        Status s = waitFor(targets.centerOf(c.argument).has_value(), "not found" + onScreen);
        if (s != Status::Finished) return s;
    } else if (c.verb == "expect-scrolled") {
        auto scrolled = targets.scrollOf(c.argument);
        Status s = waitFor(scrolled && *scrolled > 0, scrolled ? "not scrolled" : "no such scroll area" + onScreen);
        if (s != Status::Finished) return s;
    } else if (c.verb == "screenshot") {
        screenshot(c.argument);
    } else if (c.verb == "wait") {
        if (pause(c.argument) != Status::Finished) return Status::Running;
    } else if (c.verb == "loop") {
        // Only a mark for `repeat`, resolved when the script was loaded.
    } else if (c.verb == "repeat") {
        repeat(c);
        return Status::Running;
    } else if (c.verb == "timeout") {
        m_waitLimitMs = static_cast<Uint32>(std::max(1, std::atoi(c.argument.c_str()))) * 1000;
    } else if (c.verb == "press" || c.verb == "release" || c.verb == "key" || c.verb == "close-request" ||
               c.verb == "resize" || c.verb == "fail-frame") {
        if (injectEvent(c, targets, window, onScreen) == Status::Failed) return Status::Failed;
    } else if (c.verb == "drag") {
        if (!drag(targets, window, c.argument)) return fail("expected TARGET DY with a target" + onScreen);
        m_settleFrames = kSettleFrames;
    } else if (!tap(targets, window, c.argument, c.verb == "double-tap" ? 2 : 1)) {
        return fail("no such touch target" + onScreen);
    } else {
        m_settleFrames = kSettleFrames;
    }
    m_waitStartedMs = 0;
    ++m_next;
    return Status::Running;
}

}  // namespace app
