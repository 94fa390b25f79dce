#pragma once
// Drives the real kiosk from a text script (UI tests, README screenshots): taps are injected as
// the SDL events a mouse or a touchscreen produces, at the centre of named touch targets, so they
// go through the normal input path. The script only reads what is on screen: the loop draws the
// frames it would draw for a person, and the script waits for them.
#include <SDL.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/pointer_input.hpp"
#include "ui/widgets.hpp"

namespace app {

// One line of a script:
//   tap TARGET            press and release on a target with the mouse ("take_ticket", "category:adulti", "back")
//   double-tap TARGET     two taps in the same instant, as a nervous finger does
//   touch TARGET          a finger's tap: SDL's finger events with the mouse events SDL makes from them
//   double-touch TARGET   two finger taps in the same instant
//   drag TARGET DY        press on a target, move the finger DY pixels (negative: up), lift
//   expect-screen NAME    wait until that screen is shown (fails after a bound of frames)
//   expect-scrolled TARGET  wait until that scroll area has moved down from the top
//   expect-target TARGET  wait until that target is on screen (a row, a called number on the board)
//   screenshot FILE.png   save the picture on screen now
//   timeout SECONDS       how long the expect-... commands after it wait before failing (20 s)
//   wait SECONDS          let the kiosk run on for that long (decimals allowed), frames keep being drawn
//   loop                  marks where the next `repeat` goes back to (without one: the first command)
//   repeat [N]            go back to the last `loop` N more times, then carry on; without N, for ever
//                         (soak runs: tests/soak/soak). Loops do not nest.
//   press TARGET          put a finger on a target and keep it there (a long press: press, wait, release)
//   release               lift the finger put down by `press`
//   key KEYS              a key press as a keyboard sends it: "Escape", "Alt+F4", "Alt+Tab", "Ctrl+Q"
//   close-request         what the window manager sends for Alt+F4 or the title bar's X
//   resize WxH            the window changes size, as when a compositor settles its output (waits for it)
//   fail-frame            the next frame throws, as a bug or a database error would (lockdown tests)
//   idle                  the script ends here and the kiosk carries on by itself (measurements)
//   quit                  leave with exit code 0
struct ScriptCommand {
    std::string verb;
    std::string argument;
    int line = 0;
    size_t loopStart = 0;  // repeat: index of the first command after the last `loop` above it
};

// What the script reads of the kiosk after each turn of the loop.
struct ScriptView {
    const std::string& onScreen;  // the screen of the frame on screen now
    const ui::Targets& targets;   // where that frame drew its targets
    SDL_Window* window;
    bool settled;  // no event waiting, no frame owed: the picture is final
    bool pictureFitsWindow;  // the picture on screen was drawn at the window's present size
    const platform::PointerInput& pointer;  // whether a tap somewhere would count now
};

class UiScript {
public:
    // Detached: the script ended with `idle`; the kiosk goes on without it.
    enum class Status { Running, Finished, Failed, Detached };

    static UiScript load(const std::string& path);  // throws std::runtime_error naming file:line

    // Runs after each turn of the loop: carries out commands until one has to wait for the
    // kiosk. `screenshot` saves the picture on screen.
    Status step(const ScriptView& view, const std::function<void(const std::string&)>& screenshot);
    // How soon the script wants to look again. It only reads: being woken draws nothing.
    int wakeInMs() const { return kLookEveryMs; }
    // Whether it has a `screenshot` command: only then are the frames shown worth keeping.
    bool takesScreenshots() const;
    const std::string& error() const { return m_error; }
    // True once after a `fail-frame` command: the loop then throws inside the guarded frame.
    bool takeFailFrameRequest() { return std::exchange(m_failFrameRequested, false); }

private:
    static constexpr int kLookEveryMs = 10;
    // What running one command led to.
    enum class Outcome { Next, Wait, Injected, Failed, Finished, Detached };

    Outcome run(const ScriptCommand& c, const ScriptView& view, const std::function<void(const std::string&)>& screenshot);
    Outcome tapCommand(const ScriptCommand& c, const ScriptView& view);
    Outcome injectEvent(const ScriptCommand& c, const ScriptView& view);
    Outcome awaitResize(const ScriptView& view);
    Outcome waitFor(bool condition, const std::string& failure);
    Outcome pause(const std::string& seconds);
    void repeat(const ScriptCommand& command);
    Outcome fail(const std::string& message);

    std::string m_path;
    std::vector<ScriptCommand> m_commands;
    size_t m_next = 0;
    Uint32 m_waitStartedMs = 0;  // 0: not waiting
    Uint32 m_waitLimitMs = 20000;  // generous: a failing test ends, a loaded machine still passes
    std::optional<std::pair<int, int>> m_awaitedSize;  // a `resize` not yet in effect
    bool m_failFrameRequested = false;
    SDL_FPoint m_pressedAt{0, 0};
    int m_repeatsLeft = -1;  // jumps left for the `repeat N` being run; -1: not counting yet
    std::string m_error;
};

}  // namespace app
