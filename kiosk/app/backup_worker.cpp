#include "backup_worker.hpp"

#include <exception>

#include "kiosk/common/daily_backup.hpp"
#include "kiosk/common/log.hpp"

namespace app {

namespace {

void copyToday(const std::string& dbPath, const domain::BackupConfig& config, const domain::LocalDate& today) {
    try {
        common::DailyBackupResult r = common::runDailyBackupIfDue(dbPath, config, today);
        if (!r.written.empty())
            common::logLine(common::LogLevel::Info, "kiosk", "daily backup written: %s (%zu older copies deleted)",
                            r.written.c_str(), r.deleted.size());
    } catch (const std::exception& e) {
        // The kiosk goes on serving citizens; the staff see the missing copy in the backups folder.
        common::logLine(common::LogLevel::Error, "kiosk", "daily backup failed: %s", e.what());
    }
}

}  // namespace

BackupWorker::~BackupWorker() {
    if (m_thread.joinable()) m_thread.join();
}

void BackupWorker::runIfDue(const domain::LocalDate& today) {
    if (!m_config.enabled || m_running || today == m_attempted) return;
    if (m_thread.joinable()) m_thread.join();
    m_attempted = today;
    m_running = true;
    m_thread = std::thread([this, today] {
        copyToday(m_dbPath, m_config, today);
        m_running = false;
    });
}

}  // namespace app
