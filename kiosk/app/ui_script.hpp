#pragma once
// Drives the real kiosk from a text script (UI tests, README screenshots): taps are injected as
// SDL mouse events at the centre of named touch targets, so they go through the normal input path.
#include <SDL.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "ui/widgets.hpp"

namespace app {

// One line of a script:
//   tap TARGET            press and release on a target ("take_ticket", "category:adulti", "back")
//   double-tap TARGET     two taps in the same instant, as a nervous finger does
//   drag TARGET DY        press on a target, move the finger DY pixels (negative: up), lift
//   expect-screen NAME    wait until that screen is shown (fails after a bound of frames)
//   expect-scrolled TARGET  wait until that scroll area has moved down from the top
//   expect-target TARGET  wait until that target is on screen (a row, a called number on the board)
//   screenshot FILE.png   save the window as it is now
//   timeout SECONDS       how long the expect-... commands after it wait before failing (20 s)
//   wait SECONDS          let the kiosk run on for that long (decimals allowed), frames keep being drawn
//   loop                  marks where the next `repeat` goes back to (without one: the first command)
//   repeat [N]            go back to the last `loop` N more times, then carry on; without N, for ever
//                         (soak runs: tests/soak/soak). Loops do not nest.
//   press TARGET          put a finger on a target and keep it there (a long press: press, wait, release)
//   release               lift the finger put down by `press`
//   key KEYS              a key press as a keyboard sends it: "Escape", "Alt+F4", "Alt+Tab", "Ctrl+Q"
//   close-request         what the window manager sends for Alt+F4 or the title bar's X
//   resize WxH            the window changes size, as when a compositor settles its output
//   fail-frame            the next frame throws, as a bug or a database error would (lockdown tests)
//   idle                  the script ends here and the kiosk carries on by itself (measurements)
//   quit                  leave with exit code 0
struct ScriptCommand {
    std::string verb;
    std::string argument;
    int line = 0;
    size_t loopStart = 0;  // repeat: index of the first command after the last `loop` above it
};

class UiScript {
public:
    // Detached: the script ended with `idle`; the kiosk goes on without it.
    enum class Status { Running, Finished, Failed, Detached };

    static UiScript load(const std::string& path);  // throws std::runtime_error naming file:line

    // Runs after each rendered frame. `screenshot` saves the current back buffer.
    Status step(const std::string& current, const ui::Targets& targets, SDL_Window* window, bool inputBusy,
                const std::function<void(const std::string&)>& screenshot);
    const std::string& error() const { return m_error; }
    // True once after a `fail-frame` command: the loop then throws inside the guarded frame.
    bool takeFailFrameRequest() { return std::exchange(m_failFrameRequested, false); }

private:
    bool tap(const ui::Targets& targets, SDL_Window* window, const std::string& target, int times);
    Status injectEvent(const ScriptCommand& c, const ui::Targets& targets, SDL_Window* window,
                       const std::string& onScreen);
    bool drag(const ui::Targets& targets, SDL_Window* window, const std::string& argument);
    Status waitFor(bool condition, const std::string& failure);
    Status pause(const std::string& seconds);
    void repeat(const ScriptCommand& command);
    Status fail(const std::string& message);

    std::string m_path;
    std::vector<ScriptCommand> m_commands;
    size_t m_next = 0;
    Uint32 m_waitStartedMs = 0;  // 0: not waiting
    Uint32 m_waitLimitMs = 20000;  // generous: a failing test ends, a loaded machine still passes
    int m_settleFrames = 0;
    bool m_failFrameRequested = false;
    SDL_FPoint m_pressedAt{0, 0};
    int m_repeatsLeft = -1;  // jumps left for the `repeat N` being run; -1: not counting yet
    std::string m_error;
};

}  // namespace app
