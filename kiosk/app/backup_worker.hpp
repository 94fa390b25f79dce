#pragma once
// The daily database copy, taken by the citizen kiosk on a thread of its own: on a big database
// it takes seconds, and a citizen's screen must never freeze for it.
#include <atomic>
#include <string>
#include <thread>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"

namespace app {

class BackupWorker {
public:
    BackupWorker(std::string dbPath, domain::BackupConfig config) : m_dbPath(std::move(dbPath)), m_config(config) {}
    ~BackupWorker();
    BackupWorker(const BackupWorker&) = delete;
    BackupWorker& operator=(const BackupWorker&) = delete;

    // Starts today's copy unless it was already attempted today or a copy is still running.
    // A failed copy is logged and tried again the next day (or at the next start).
    void runIfDue(const domain::LocalDate& today);

private:
    std::string m_dbPath;
    domain::BackupConfig m_config;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    domain::LocalDate m_attempted{};
};

}  // namespace app
