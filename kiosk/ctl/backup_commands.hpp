#pragma once
// kioskctl's backup, restore and vacuum: the store does the work (kiosk/store/sqlite_backup.hpp),
// these parse, print what was done, and map failures to exit codes.
#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "domain/civil_time.hpp"

namespace ctl {

struct BackupOptions {
    std::string file;    // backup: the copy to write; restore: the copy to read
    bool daily = false;  // backup --daily: the [backup] daily copy and rotation
};

struct BackupCommands {
    CLI::App* backup = nullptr;
    CLI::App* restore = nullptr;
    CLI::App* vacuum = nullptr;
};

BackupCommands addBackupCommands(CLI::App& app, BackupOptions& options);

// What the commands need from kioskctl's global options.
struct BackupContext {
    std::string dbPath;
    std::string configPath;    // needed by backup --daily only
    domain::LocalDateTime now;  // --now, or the wall clock: today's copy, the restore's timestamp
};

// nullopt when none of these subcommands was given. Throws domain::StoreError (exit 4) and
// domain::ConfigError (exit 3) for the caller to report.
std::optional<int> runBackupCommand(const BackupCommands& commands, const BackupOptions& options,
                                    const BackupContext& context, std::ostream& out, std::ostream& err);

// backup --daily on a PostgreSQL site ([kiosk] store at `url`): the server's backups are pg_dump's,
// so the daily job is the survey answers' housekeeping (store::PostgresStore::settleSurveyAnswers)
// for the days before `today`. Throws domain::StoreError (exit 4) for the caller to report.
int settleAnswersOnServer(const std::string& url, const domain::LocalDate& today, std::ostream& out);

// "kiosk.db.before-restore-20261130-154500": where restore keeps the database it replaces.
std::string beforeRestorePath(const std::string& dbPath, const domain::LocalDateTime& now);

}  // namespace ctl
