#include "watched_kiosk.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace real_input {

WatchedKiosk::WatchedKiosk(const std::string& program, const std::vector<std::string>& args, const std::string& display) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> argv{program};
    argv.insert(argv.end(), args.begin(), args.end());
    m_pid = fork();
    if (m_pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        setenv("DISPLAY", display.c_str(), 1);
        setenv("KIOSK_LOG_LEVEL", "debug", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);  // a sound device as on a real kiosk, without ALSA
        std::vector<char*> raw;
        for (auto& a : argv) raw.push_back(a.data());
        raw.push_back(nullptr);
        execv(program.c_str(), raw.data());
        _exit(127);
    }
    close(fds[1]);
    m_reader = std::thread([this, fd = fds[0]] { readLog(fd); });
}

WatchedKiosk::~WatchedKiosk() {
    if (!waitForExit(Clock::now())) {
        kill(m_pid, SIGTERM);
        if (!waitForExit(Clock::now() + std::chrono::seconds(5))) kill(m_pid, SIGKILL);
    }
    m_reader.join();
    if (!m_exitCode) waitpid(m_pid, nullptr, 0);
}

void WatchedKiosk::readLog(int fd) {
    std::string partial;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        partial.append(buffer, static_cast<size_t>(n));
        size_t end = 0;
        while ((end = partial.find('\n')) != std::string::npos) {
            std::string line = partial.substr(0, end);
            partial.erase(0, end + 1);
            auto shown = parseShownLine(line);
            std::lock_guard lock(m_mutex);
            if (shown) {
                shown->loggedAt = Clock::now();
                m_shown.push_back(std::move(*shown));
            }
            m_lines.push_back(std::move(line));
            m_changed.notify_all();
        }
    }
    close(fd);
    std::lock_guard lock(m_mutex);
    m_ended = true;
    m_changed.notify_all();
}

size_t WatchedKiosk::mark() const {
    std::lock_guard lock(m_mutex);
    return m_shown.size();
}

std::optional<ShownScreen> WatchedKiosk::waitForShown(size_t mark, const std::function<bool(const ShownScreen&)>& wanted,
                                                      Clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    for (size_t next = mark;;) {
        for (; next < m_shown.size(); ++next)
            if (wanted(m_shown[next])) return m_shown[next];
        if (m_ended || m_changed.wait_until(lock, deadline) == std::cv_status::timeout) break;
    }
    // Lines that came with the wake-up that timed out still count.
    for (size_t next = mark; next < m_shown.size(); ++next)
        if (wanted(m_shown[next])) return m_shown[next];
    return std::nullopt;
}

std::optional<ShownScreen> WatchedKiosk::waitForScreen(size_t mark, const std::string& name, Clock::time_point deadline) {
    return waitForShown(mark, [&](const ShownScreen& s) { return s.name == name; }, deadline);
}

std::optional<int> WatchedKiosk::waitForExit(Clock::time_point deadline) {
    if (m_exitCode) return m_exitCode;
    {
        // The program's end closes its stderr: the reader sees it.
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_until(lock, deadline, [&] { return m_ended; })) return std::nullopt;
    }
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return m_exitCode;
}

std::string WatchedKiosk::log() const {
    std::lock_guard lock(m_mutex);
    std::string all;
    for (const auto& line : m_lines) all += line + '\n';
    return all;
}

}  // namespace real_input
