#include "backup_commands.hpp"

#include <cstdio>
#include <ostream>

#include "commands.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/daily_backup.hpp"
#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_backup.hpp"

namespace ctl {
namespace {

void printCounts(const store::DatabaseCounts& counts, std::ostream& out) {
    out << "tickets: " << counts.tickets << '\n'
        << "survey answers: " << counts.answers << '\n'
        << "bytes: " << counts.bytes << '\n';
}

int backupTo(const BackupOptions& options, const BackupContext& context, std::ostream& out, std::ostream& err) {
    if (options.file.empty()) {
        err << "kioskctl: backup needs the FILE to write, or --daily\n";
        return kUsage;
    }
    const store::DatabaseCounts counts = store::backupDatabase(context.dbPath, options.file);
    out << "backup written: " << options.file << " (checked: integrity ok)\n";
    printCounts(counts, out);
    return kOk;
}

int dailyBackup(const BackupContext& context, std::ostream& out, std::ostream& err) {
    if (context.configPath.empty()) {
        err << "kioskctl: backup --daily needs --config FILE (its [backup] section)\n";
        return kUsage;
    }
    const domain::Config config = common::loadConfigFile(context.configPath);
    if (!config.backup.enabled) {
        out << "daily backup disabled ([backup] enabled = false in " << config.sourceName << ")\n";
        return kOk;
    }
    const common::DailyBackupResult result =
        common::runDailyBackupIfDue(context.dbPath, config.backup, context.now.date);
    if (result.written.empty()) {
        out << "today's copy is already in " << result.directory << '\n';
        return kOk;
    }
    out << "daily copy written: " << result.written << " (checked: integrity ok)\n";
    printCounts(result.counts, out);
    for (const auto& old : result.deleted) out << "deleted old copy: " << old << '\n';
    if (result.newestAfterToday)
        err << "kioskctl: warning: the newest daily copy is dated " << result.newestAfterToday->iso()
            << ", after today (" << context.now.date.iso()
            << "): check the PC's clock; today's copy is kept and the others are aged by the dates in their names\n";
    return kOk;
}

int restoreFrom(const BackupOptions& options, const BackupContext& context, std::ostream& out) {
    const store::RestoreResult result =
        store::restoreDatabase(context.dbPath, options.file, beforeRestorePath(context.dbPath, context.now));
    out << "restored " << options.file << " into " << context.dbPath << '\n';
    printCounts(result.restored, out);
    if (!result.previousCopy.empty())
        out << "the database as it was before is kept as " << result.previousCopy << '\n';
    return kOk;
}

int vacuum(const BackupContext& context, std::ostream& out) {
    const store::DatabaseCounts counts = store::compactDatabase(context.dbPath);
    out << "compacted " << context.dbPath << '\n';
    printCounts(counts, out);
    return kOk;
}

}  // namespace

BackupCommands addBackupCommands(CLI::App& app, BackupOptions& options) {
    BackupCommands commands;
    commands.backup = app.add_subcommand(
        "backup", "copy the database to FILE while the kiosks run (checked, never left half-written)");
    commands.backup->add_option("FILE", options.file, "the copy to write, e.g. /media/usb/segretariato.db");
    commands.backup->add_flag("--daily", options.daily,
                              "write today's copy into [backup] directory if missing and delete the oldest "
                              "beyond [backup] keep (needs --config)");
    commands.restore = app.add_subcommand(
        "restore", "replace the database's contents with a backup FILE, keeping the current one beside it");
    commands.restore->add_option("FILE", options.file, "the backup to restore")->required();
    commands.vacuum = app.add_subcommand(
        "vacuum", "compact the database; also erases the order in which survey answers were stored");
    return commands;
}

std::optional<int> runBackupCommand(const BackupCommands& commands, const BackupOptions& options,
                                    const BackupContext& context, std::ostream& out, std::ostream& err) {
    if (commands.backup->parsed()) {
        if (options.daily && !options.file.empty()) {
            err << "kioskctl: backup takes either FILE or --daily, not both\n";
            return kUsage;
        }
        return options.daily ? dailyBackup(context, out, err) : backupTo(options, context, out, err);
    }
    if (commands.restore->parsed()) return restoreFrom(options, context, out);
    if (commands.vacuum->parsed()) return vacuum(context, out);
    return std::nullopt;
}

int settleAnswersOnServer(const std::string& url, const domain::LocalDate& today, std::ostream& out) {
    store::PostgresStore server(url);
    const store::PostgresStore::SettledAnswers settled = server.settleSurveyAnswers(today);
    out << "this site keeps its data on the PostgreSQL server " << server.displayUrl()
        << ": back it up there with pg_dump (see the README)\n"
        << "survey answers of " << settled.days << (settled.days == 1 ? " day" : " days") << " rewritten ("
        << settled.answers << (settled.answers == 1 ? " answer" : " answers")
        << "): no row keeps the order in which they were stored\n"
        << "old row versions vacuumed\n";
    return kOk;
}

std::string beforeRestorePath(const std::string& dbPath, const domain::LocalDateTime& now) {
    const int seconds = now.secondOfDay;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.date.year, now.date.month, now.date.day,
                  seconds / 3600, seconds / 60 % 60, seconds % 60);
    return dbPath + ".before-restore-" + stamp;
}

}  // namespace ctl
