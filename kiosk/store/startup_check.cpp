#include "kiosk/store/startup_check.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <string_view>
#include <system_error>

#include "domain/ticket_store.hpp"
#include "kiosk/store/sqlite_errors.hpp"

namespace store::detail {
namespace {

using domain::StoreError;

bool meansDamage(int resultCode) {
    const int primary = resultCode & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

[[noreturn]] void throwDamaged(const std::string& path, std::string_view what, std::string_view sqliteSays) {
    std::string message = "the ticket database ";
    message += path;
    message += ' ';
    message += what;
    message += " (SQLite: ";
    message += sqliteSays;
    message += "); it was not modified. ";
    message += restoreAdvice(path);
    throw StoreError(message);
}

[[noreturn]] void throwOtherFailure(sqlite3* db, int resultCode, const std::string& path) {
    throw StoreError("checking the ticket database " + path + " failed: " + explainFailure(db, resultCode) +
                     "; it was not modified");
}

std::int64_t pragmaInteger(sqlite3* db, const char* sql, const std::string& path) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    std::int64_t value = 0;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(raw);
        if (rc == SQLITE_ROW) value = sqlite3_column_int64(raw, 0);
    }
    sqlite3_finalize(raw);
    if (rc == SQLITE_ROW) return value;
    if (meansDamage(rc)) throwDamaged(path, "is damaged", sqlite3_errstr(rc));
    throwOtherFailure(db, rc, path);
}

}  // namespace

std::string restoreAdvice(const std::string& path) {
    return "Stop the kiosks and restore the latest backup with \"kioskctl --db " + path +
           " restore BACKUP_FILE\" (the daily copies are segretariato-YYYY-MM-DD.db in the folder set by "
           "[backup] directory, by default \"backups\" next to the database).";
}

void holdCheckpointOnClose(sqlite3* db, const std::string& path) {
    std::error_code error;
    const auto walBytes = std::filesystem::file_size(path + "-wal", error);
    if (!error && walBytes > 0) sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void releaseCheckpointOnClose(sqlite3* db) { sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr); }

void refuseUnreadableFile(sqlite3* db, const std::string& path) {
    // Preparing any statement reads page 1 and parses the schema: that is where a file of
    // another kind, or a damaged first page, shows.
    const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) == SQLITE_NOTADB)
        throwDamaged(path,
                     "is not an SQLite database: if the configured path is right, the file was overwritten or is "
                     "damaged",
                     sqlite3_errmsg(db));
    if (meansDamage(rc)) throwDamaged(path, "is damaged", sqlite3_errmsg(db));
    throwOtherFailure(db, rc, path);
}

void refuseDamagedFile(sqlite3* db, const std::string& path) {
    const std::int64_t bytes = pragmaInteger(db, "PRAGMA page_count", path) * pragmaInteger(db, "PRAGMA page_size", path);
    if (bytes > kFullCheckMaxBytes) return;

    sqlite3_stmt* raw = nullptr;
    // quick_check reads every page and checks the b-trees, but not that each index matches its
    // table: that is integrity_check, several times slower, left to backups. (1): the first
    // problem is enough to refuse.
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &raw, nullptr);
    std::string verdict;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(raw);
        if (rc == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(raw, 0);
            verdict = text ? reinterpret_cast<const char*>(text) : "";
        }
    }
    sqlite3_finalize(raw);
    if (rc == SQLITE_ROW) {
        if (verdict == "ok") return;
        throwDamaged(path, "is damaged", "quick_check found: " + verdict);
    }
    if (meansDamage(rc)) throwDamaged(path, "is damaged", sqlite3_errstr(rc));
    throwOtherFailure(db, rc, path);
}

}  // namespace store::detail
