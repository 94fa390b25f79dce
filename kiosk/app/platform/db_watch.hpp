#pragma once
// Wakes the main loop when another process writes the database: a thread blocks on inotify for
// the database file and its -wal, and pushes one SDL user event per burst of writes. The loop can
// then sleep for a whole second while idle and still show a new ticket at once.
#include <SDL.h>

#include <atomic>
#include <string>
#include <thread>

namespace platform {

class DatabaseWatch {
public:
    // Watches the folder of dbPath for writes to that file or its -wal, and for either being
    // deleted or moved away (the loop then finds the store's -wal gone at once). Without inotify
    // (an odd file system) it does nothing, and the loop's once-a-second look remains.
    explicit DatabaseWatch(const std::string& dbPath);
    ~DatabaseWatch();
    DatabaseWatch(const DatabaseWatch&) = delete;
    DatabaseWatch& operator=(const DatabaseWatch&) = delete;

    // The SDL event type it pushes (0 when not watching).
    Uint32 eventType() const { return m_eventType; }
    // Called by the loop when it took the event: the next write pushes a new one.
    void acknowledge() { m_pending = false; }

private:
    void run();
    bool concernsDatabase(const char* name) const;

    std::string m_fileName;
    int m_inotify = -1;
    int m_stopPipe[2] = {-1, -1};
    Uint32 m_eventType = 0;
    std::atomic<bool> m_pending{false};
    std::thread m_thread;
};

// The same for a site on a PostgreSQL server: a thread waits for the store's connection to become
// readable (a NOTIFY from another PC's commit) and pushes one SDL user event. It only polls the
// socket; the store reads it on the loop's thread (dataVersion), so libpq stays single-threaded.
class ServerWatch {
public:
    ServerWatch();
    ~ServerWatch();
    ServerWatch(const ServerWatch&) = delete;
    ServerWatch& operator=(const ServerWatch&) = delete;

    Uint32 eventType() const { return m_eventType; }
    void acknowledge() { m_pending = false; }
    // The socket to watch: it changes when the store reconnects, and is -1 while the server is away.
    void watchSocket(int socket) { m_socket = socket; }

private:
    void run();

    int m_stopPipe[2] = {-1, -1};
    Uint32 m_eventType = 0;
    std::atomic<int> m_socket{-1};
    std::atomic<bool> m_pending{false};
    std::thread m_thread;
};

}  // namespace platform
