#include "db_watch.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "kiosk/common/log.hpp"

namespace platform {

DatabaseWatch::DatabaseWatch(const std::string& dbPath) {
    namespace fs = std::filesystem;
    fs::path path = fs::absolute(dbPath);
    m_fileName = path.filename().string();
    m_inotify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (m_inotify < 0 || pipe2(m_stopPipe, O_CLOEXEC) != 0 ||
        inotify_add_watch(m_inotify, path.parent_path().c_str(),
                          IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM) < 0) {
        common::logLine(common::LogLevel::Warn, "kiosk", "cannot watch %s for changes (%s): checking once a second",
                        dbPath.c_str(), std::strerror(errno));
        return;
    }
    m_eventType = SDL_RegisterEvents(1);
    if (m_eventType == static_cast<Uint32>(-1)) {
        m_eventType = 0;
        return;
    }
    m_thread = std::thread([this] { run(); });
}

DatabaseWatch::~DatabaseWatch() {
    if (m_thread.joinable()) {
        char stop = 1;
        ssize_t ignored = ::write(m_stopPipe[1], &stop, 1);
        (void)ignored;
        m_thread.join();
    }
    for (int fd : {m_inotify, m_stopPipe[0], m_stopPipe[1]})
        if (fd >= 0) ::close(fd);
}

bool DatabaseWatch::concernsDatabase(const char* name) const {
    // "kiosk.db" and "kiosk.db-wal"; the -shm changes on every read too, so it is left out.
    return m_fileName == name || m_fileName + "-wal" == name;
}

void DatabaseWatch::run() {
    alignas(inotify_event) char buffer[4096];
    pollfd fds[2] = {{m_inotify, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
    while (poll(fds, 2, -1) >= 0 || errno == EINTR) {
        if (fds[1].revents) return;
        if (!(fds[0].revents & POLLIN)) continue;
        bool changed = false;
        ssize_t n;
        while ((n = ::read(m_inotify, buffer, sizeof buffer)) > 0) {
            for (char* p = buffer; p < buffer + n;) {
                auto* event = reinterpret_cast<inotify_event*>(p);
                if (event->len > 0 && concernsDatabase(event->name)) changed = true;
                p += sizeof(inotify_event) + event->len;
            }
        }
        // One event per burst: a commit writes the -wal several times.
        if (changed && !m_pending.exchange(true)) {
            SDL_Event e{};
            e.type = m_eventType;
            SDL_PushEvent(&e);
        }
    }
}

ServerWatch::ServerWatch() {
    m_eventType = SDL_RegisterEvents(1);
    if (m_eventType == static_cast<Uint32>(-1) || pipe2(m_stopPipe, O_CLOEXEC) != 0) {
        m_eventType = 0;
        common::logLine(common::LogLevel::Warn, "kiosk", "cannot watch the server for changes: checking once a second");
        return;
    }
    m_thread = std::thread([this] { run(); });
}

ServerWatch::~ServerWatch() {
    if (m_thread.joinable()) {
        char stop = 1;
        ssize_t ignored = ::write(m_stopPipe[1], &stop, 1);
        (void)ignored;
        m_thread.join();
    }
    for (int fd : m_stopPipe)
        if (fd >= 0) ::close(fd);
}

void ServerWatch::run() {
    // While an event is pending, or the server is away, only the stop pipe is watched, with a
    // pause: the loop reads the socket after taking the event, and a new socket comes with it.
    constexpr int kRecheckMs = 100;
    for (;;) {
        const int socket = m_socket.load();
        const bool watching = socket >= 0 && !m_pending.load();
        pollfd fds[2] = {{m_stopPipe[0], POLLIN, 0}, {socket, POLLIN, 0}};
        const int ready = poll(fds, watching ? 2 : 1, kRecheckMs);
        if (ready < 0 && errno != EINTR) return;
        if (fds[0].revents) return;
        if (watching && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) && !m_pending.exchange(true)) {
            SDL_Event e{};
            e.type = m_eventType;
            SDL_PushEvent(&e);
        }
    }
}

}  // namespace platform
