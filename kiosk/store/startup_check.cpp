#include "kiosk/store/startup_check.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <system_error>
#include <vector>

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

std::vector<std::string> textColumn(sqlite3* db, const std::string& sql, const std::string& path) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr);
    std::vector<std::string> values;
    if (rc == SQLITE_OK)
        while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(raw, 0);
            values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
    sqlite3_finalize(raw);
    if (rc == SQLITE_DONE) return values;
    if (meansDamage(rc)) throwDamaged(path, "is damaged", sqlite3_errstr(rc));
    throwOtherFailure(db, rc, path);
}

// "table tickets", "index calls_day on calls", "trigger demand_cells_insert on tickets", sorted.
std::vector<std::string> schemaObjects(sqlite3* db, const std::string& path) {
    return textColumn(db,
                      "SELECT type || ' ' || name || CASE WHEN type = 'table' THEN '' ELSE ' on ' || tbl_name END "
                      "FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY 1",
                      path);
}

// A table's column names, sorted: the order of ALTER TABLE ... ADD COLUMN does not matter here.
std::vector<std::string> columnsOf(sqlite3* db, const std::string& table, const std::string& path) {
    char* quoted = sqlite3_mprintf("%Q", table.c_str());
    const std::string sql = std::string("SELECT name FROM pragma_table_info(") + quoted + ") ORDER BY 1";
    sqlite3_free(quoted);
    return textColumn(db, sql, path);
}

std::vector<std::string> missingFrom(const std::vector<std::string>& sorted, const std::vector<std::string>& of) {
    std::vector<std::string> missing;
    std::set_difference(of.begin(), of.end(), sorted.begin(), sorted.end(), std::back_inserter(missing));
    return missing;
}

// "it lacks table calls, table settings, ... and 12 more": a message names a few, not a whole schema.
void appendList(std::string& text, std::string_view label, const std::vector<std::string>& items) {
    constexpr std::size_t kNamed = 4;
    if (items.empty()) return;
    if (!text.empty()) text += "; ";
    text += label;
    for (std::size_t i = 0; i < items.size() && i < kNamed; ++i) text += (i == 0 ? " " : ", ") + items[i];
    if (items.size() > kNamed) text += " and " + std::to_string(items.size() - kNamed) + " more";
}

}  // namespace

ReadSnapshot::ReadSnapshot(sqlite3* db, const std::string& path) : m_db(db) {
    const int rc = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwOtherFailure(db, rc, path);
}

ReadSnapshot::~ReadSnapshot() {
    if (!sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
}

std::string schemaDifference(sqlite3* db, sqlite3* reference, const std::string& path) {
    const auto found = schemaObjects(db, path);
    const auto expected = schemaObjects(reference, path);
    std::string difference;
    appendList(difference, "it has", missingFrom(expected, found));
    appendList(difference, "it lacks", missingFrom(found, expected));
    if (!difference.empty()) return difference;
    for (const auto& object : expected) {
        constexpr std::string_view kTable = "table ";
        if (!object.starts_with(kTable)) continue;
        const std::string table = object.substr(kTable.size());
        const auto columns = columnsOf(db, table, path);
        const auto expectedColumns = columnsOf(reference, table, path);
        appendList(difference, "its " + object + " has the columns", missingFrom(expectedColumns, columns));
        appendList(difference, "its " + object + " lacks the columns", missingFrom(columns, expectedColumns));
    }
    return difference;
}

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
