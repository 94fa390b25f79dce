#pragma once
// One failing frame (a database error, a bug) must not take the kiosk down in front of a
// citizen: the frame is abandoned, logged, and the screen goes back home. Failing again and
// again means something is broken for good: the process then exits non-zero so the service
// manager restarts it (and its start-up checks say what is wrong).
#include <SDL.h>

#include <deque>
#include <exception>

namespace app {

class FrameGuard {
public:
    // More than kMaxFailures failures within kWindowMs: give up.
    static constexpr int kMaxFailures = 5;
    static constexpr Uint32 kWindowMs = 60000;
    // The exit code then (sysexits' EX_SOFTWARE).
    static constexpr int kExitCode = 70;

    // Records a failure at nowTicks, closes a half-built ImGui frame; true when it is time to exit.
    bool recordFailure(const std::exception& error, Uint32 nowTicks);

private:
    std::deque<Uint32> m_failures;
};

// Ends an ImGui frame that was interrupted by an exception (unbalanced Begin/Push calls).
void abandonImGuiFrame();

}  // namespace app
