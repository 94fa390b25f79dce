#pragma once
// The daily copy of the ticket database: written once a day into [backup] directory, oldest
// copies beyond [backup] keep deleted. Called by the kiosk's main loop and by
// `kioskctl backup --daily` (for a systemd timer on PCs where the kiosk is not running).
#include <optional>
#include <string>
#include <vector>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"
#include "kiosk/store/sqlite_backup.hpp"

namespace common {

struct DailyBackupResult {
    std::string directory;             // where the copies are
    std::string written;               // today's copy, when this call wrote it; empty otherwise
    store::DatabaseCounts counts;      // of the copy written
    std::vector<std::string> deleted;  // older copies removed, oldest first
    bool walEmptied = false;           // PRAGMA wal_checkpoint(TRUNCATE) completed after the copy
    // The newest copy's day when it is after today: the PC's clock is behind (or was ahead).
    std::optional<domain::LocalDate> newestAfterToday;
};

// [backup] directory, or the "backups" folder next to the database when it is not set.
std::string backupDirectory(const std::string& dbPath, const domain::BackupConfig& config);

// Does nothing when [backup] enabled is false. Makes the folder the kiosk user's only (0700, which
// also covers copies older versions left 0644; a folder that cannot be changed is logged); then,
// unless today's copy (segretariato-YYYY-MM-DD.db) is there already, writes it
// (store::backupDatabase: 0600, verified, never half-written under
// the final name), then deletes the oldest daily copies beyond keep (domain::planDailyBackup,
// which never names another file nor today's copy) and empties the -wal. A copy dated after
// today is logged as a warning about the PC's clock. A failed copy deletes nothing and throws
// domain::StoreError; a copy that cannot be deleted is logged and left. On a big database the
// copy takes a while (measured: 1 M tickets, 340 MB, 17.5 s including the integrity_check; 90 000
// tickets about 1 s): call it where a pause of that length does not freeze a citizen's screen.
DailyBackupResult runDailyBackupIfDue(const std::string& dbPath, const domain::BackupConfig& config,
                                      const domain::LocalDate& today);

}  // namespace common
