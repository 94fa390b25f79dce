#include "kiosk/common/daily_backup.hpp"

#include <filesystem>
#include <system_error>

#include "domain/backup_policy.hpp"
#include "kiosk/common/log.hpp"

namespace common {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> fileNamesIn(const std::string& directory) {
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        if (it->is_regular_file(error)) names.push_back(it->path().filename().string());
    return names;
}

}  // namespace

std::string backupDirectory(const std::string& dbPath, const domain::BackupConfig& config) {
    if (!config.directory.empty()) return config.directory;
    const fs::path parent = fs::path(dbPath).parent_path();
    return ((parent.empty() ? fs::path(".") : parent) / "backups").string();
}

DailyBackupResult runDailyBackupIfDue(const std::string& dbPath, const domain::BackupConfig& config,
                                      const domain::LocalDate& today) {
    DailyBackupResult result;
    result.directory = backupDirectory(dbPath, config);
    if (!config.enabled) return result;
    if (const std::string why = store::makeBackupFolderPrivate(result.directory); !why.empty())
        logLine(LogLevel::Warn, "backup", "%s", why.c_str());
    const domain::DailyBackupPlan plan = domain::planDailyBackup(fileNamesIn(result.directory), config.keep, today);
    result.newestAfterToday = plan.newestAfterToday;
    if (!plan.create) return result;
    if (plan.newestAfterToday)
        logLine(LogLevel::Warn, "backup",
                "the newest daily copy in %s is dated %s, after today (%s): check the PC's clock; today's copy is "
                "kept and the others are aged by the dates in their names",
                result.directory.c_str(), plan.newestAfterToday->iso().c_str(), today.iso().c_str());

    const std::string target = (fs::path(result.directory) / *plan.create).string();
    result.counts = store::backupDatabase(dbPath, target);
    result.written = target;
    logLine(LogLevel::Info, "backup", "daily copy %s written: %lld tickets, %lld answers, %llu bytes", target.c_str(),
            static_cast<long long>(result.counts.tickets), static_cast<long long>(result.counts.answers),
            static_cast<unsigned long long>(result.counts.bytes));

    // Only once today's copy is safely written: a failed copy never costs an older one.
    for (const auto& name : plan.remove) {
        const std::string old = (fs::path(result.directory) / name).string();
        std::error_code error;
        if (fs::remove(old, error))
            result.deleted.push_back(old);
        else if (error)
            logLine(LogLevel::Warn, "backup", "old daily copy %s not deleted: %s", old.c_str(), error.message().c_str());
    }
    result.walEmptied = store::checkpointDatabase(dbPath);
    return result;
}

}  // namespace common
