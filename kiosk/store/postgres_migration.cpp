#include "kiosk/store/postgres_migration.hpp"

#include <sqlite3.h>

#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/store/survey_rows.hpp"

namespace store {

namespace {

using Row = std::vector<std::optional<std::string>>;
const domain::LocalDate kFirstDay{1, 1, 1};
const domain::LocalDate kLastDay{9999, 12, 31};

// The SQLite side read directly: request tokens and which survey codes were used are not part
// of the storage interface, but a moved site must keep them (a double tap, a second answer).
class SqliteReader {
public:
    explicit SqliteReader(const std::string& path) : m_path(path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) fail("opening");
    }
    ~SqliteReader() { sqlite3_close_v2(m_db); }
    SqliteReader(const SqliteReader&) = delete;
    SqliteReader& operator=(const SqliteReader&) = delete;

    std::vector<Row> rows(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail("reading");
        std::vector<Row> out;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            Row row;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const auto* text = sqlite3_column_text(statement, c);
                if (text) row.emplace_back(reinterpret_cast<const char*>(text));
                else row.emplace_back(std::nullopt);
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE) fail("reading");
        return out;
    }

    // Read in one transaction: the kiosk may still be running, and the copy must be one moment.
    void begin() {
        if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) fail("reading");
    }

private:
    [[noreturn]] void fail(const std::string& action) {
        throw domain::StoreError(action + " " + m_path + " for the migration failed: " + sqlite3_errmsg(m_db));
    }
    std::string m_path;
    sqlite3* m_db = nullptr;
};

std::string text(bool value) { return value ? "true" : "false"; }

// A new random key, as submitSurvey gives: the SQLite key is not carried over, nothing needs it.
std::string freshAnswerKey() {
    static constexpr char kDigits[] = "0123456789abcdef";
    unsigned char key[detail::kAnswerKeyBytes];
    detail::randomBytes(key, detail::kAnswerKeyBytes);
    std::string hex = "\\x";
    for (unsigned char byte : key) {
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 0xf];
    }
    return hex;
}

PostgresStore::ImportTable answersTable(SqliteStore& source) {
    PostgresStore::ImportTable table{"survey_answers",
                                     "INSERT INTO survey_answers (key, day, overall, access, professionalism, privacy, "
                                     "waiting, paper) VALUES ($1::bytea, $2, $3, $4, $5, $6, $7, $8)",
                                     {}};
    for (const auto& stored : source.surveyAnswers(kFirstDay, kLastDay)) {
        Row row{freshAnswerKey(), stored.day.iso(), std::to_string(stored.answer.overall)};
        for (const auto& d : stored.answer.dimensions) row.push_back(d ? std::optional(std::to_string(*d)) : std::nullopt);
        row.push_back(text(stored.answer.paper));
        table.rows.push_back(std::move(row));
    }
    return table;
}

PostgresStore::ImportTable contactTable(SqliteStore& source) {
    PostgresStore::ImportTable table{"contact_tallies", "INSERT INTO contact_tallies VALUES ($1, $2, $3, $4, $5)", {}};
    for (const auto& t : source.contactTallies(kFirstDay, kLastDay))
        table.rows.push_back({t.serviceDay.iso(), t.categoryId, t.facet, t.value, std::to_string(t.count)});
    return table;
}

}  // namespace

std::vector<TableCount> migrateSqliteToPostgres(const std::string& sqlitePath, const std::string& url) {
    SqliteStore source(sqlitePath);  // the checks and schema update every open does
    PostgresStore target(url);
    if (target.holdsData())
        throw TargetNotEmptyError("the PostgreSQL database " + target.displayUrl() +
                                  " already holds tickets, answers or settings: migrate-to copies only into an "
                                  "empty database, and nothing was written; create a new one (see the README)");

    SqliteReader reader(sqlitePath);
    reader.begin();
    std::vector<PostgresStore::ImportTable> tables;
    tables.push_back({"tickets",
                      "INSERT INTO tickets (id, service_day, category_id, number, code, issued_at, state, desk, "
                      "request_token, called_at, finished_at, transferred_to, survey_code) "
                      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                      reader.rows("SELECT id, service_day, category_id, number, code, issued_at, state, desk, "
                                  "request_token, called_at, finished_at, transferred_to, survey_code "
                                  "FROM tickets ORDER BY id")});
    tables.push_back({"calls", "INSERT INTO calls (id, service_day, code, desk, called_at) VALUES ($1, $2, $3, $4, $5)",
                      reader.rows("SELECT id, service_day, code, desk, called_at FROM calls ORDER BY id")});
    tables.push_back({"settings", "INSERT INTO settings (key, value) VALUES ($1, $2)",
                      reader.rows("SELECT key, value FROM settings ORDER BY key")});
    tables.push_back({"survey_days", "INSERT INTO survey_days (day, used_codes) VALUES ($1, $2::text[])",
                      reader.rows("SELECT service_day, '{' || group_concat(survey_code, ',') || '}' FROM "
                                  "(SELECT service_day, survey_code FROM tickets WHERE survey_used <> 0 AND "
                                  "survey_code IS NOT NULL ORDER BY service_day, survey_code) GROUP BY service_day")});
    tables.push_back(answersTable(source));
    tables.push_back(contactTable(source));
    const std::int64_t usedCodes =
        std::stoll(*reader.rows("SELECT count(*) FROM tickets WHERE survey_used <> 0 AND survey_code IS NOT NULL")[0][0]);

    // The service days' lock rows, and the id sequences past the copied ids; then the counts,
    // compared before the commit: a mismatch leaves the target empty.
    std::vector<TableCount> counts;
    target.importTables(tables,
                        "INSERT INTO service_days SELECT DISTINCT service_day FROM tickets;"
                        "SELECT setval(pg_get_serial_sequence('tickets', 'id'), COALESCE(max(id), 1), "
                        "max(id) IS NOT NULL) FROM tickets;"
                        "SELECT setval(pg_get_serial_sequence('calls', 'id'), COALESCE(max(id), 1), "
                        "max(id) IS NOT NULL) FROM calls;",
                        [&] {
                            for (const auto& table : tables)
                                if (table.name != "survey_days")
                                    counts.push_back({table.name, static_cast<std::int64_t>(table.rows.size()),
                                                      target.countRows(table.name)});
                            counts.push_back({"used survey codes", usedCodes,
                                              std::stoll(target.queryText(
                                                  "SELECT COALESCE(sum(cardinality(used_codes)), 0) FROM survey_days"))});
                            for (const auto& count : counts)
                                if (count.source != count.target)
                                    throw domain::StoreError(
                                        "migration to " + target.displayUrl() + " rolled back: " + count.table + " has " +
                                        std::to_string(count.source) + " rows in " + sqlitePath + " but " +
                                        std::to_string(count.target) + " were copied");
                        });
    return counts;
}

}  // namespace store
