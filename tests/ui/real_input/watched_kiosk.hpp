#pragma once
// A kiosk program (any role) started on a test's X server with its debug log read as it is
// written, its "on screen" lines parsed (shown_screen.hpp).
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "shown_screen.hpp"

namespace real_input {

class WatchedKiosk {
public:
    using Clock = std::chrono::steady_clock;

    // Starts `program` with args on `display`, with KIOSK_LOG_LEVEL=debug and SDL's dummy sound.
    WatchedKiosk(const std::string& program, const std::vector<std::string>& args, const std::string& display);
    ~WatchedKiosk();  // SIGTERM (a locked kiosk's service stop), SIGKILL if it does not go
    WatchedKiosk(const WatchedKiosk&) = delete;
    WatchedKiosk& operator=(const WatchedKiosk&) = delete;

    // How many "on screen" lines have come so far: pass it to waitForShown to see only later ones.
    size_t mark() const;
    // The first screen shown after `mark` that satisfies `wanted`, waiting until `deadline`.
    std::optional<ShownScreen> waitForShown(size_t mark, const std::function<bool(const ShownScreen&)>& wanted,
                                            Clock::time_point deadline);
    std::optional<ShownScreen> waitForScreen(size_t mark, const std::string& name, Clock::time_point deadline);
    // The exit code once the program has ended by `deadline`; nothing if it still runs.
    std::optional<int> waitForExit(Clock::time_point deadline);
    std::string log() const;

private:
    void readLog(int fd);

    pid_t m_pid = -1;
    std::optional<int> m_exitCode;
    std::thread m_reader;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string> m_lines;
    std::vector<ShownScreen> m_shown;
    bool m_ended = false;  // its stderr closed: the program is gone
};

}  // namespace real_input
