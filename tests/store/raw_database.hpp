#pragma once
// Talks to a database file without SqliteStore, as another program (or an older or newer build
// of this one) would: tests forge and inspect files behind the store's back.
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace testing_support {

class RawDatabase {
public:
    explicit RawDatabase(const std::string& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    // The first column of every row, as text, in the order SQLite returns them.
    std::vector<std::string> column(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        std::vector<std::string> values;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            const auto* chars = sqlite3_column_text(statement, 0);
            values.emplace_back(chars ? reinterpret_cast<const char*>(chars) : "");
        }
        sqlite3_finalize(statement);
        return values;
    }
    // The first row's first column ("" / -1 when there is no row).
    std::string text(const std::string& sql) {
        auto values = column(sql);
        return values.empty() ? std::string() : values.front();
    }
    long long integer(const std::string& sql) {
        auto values = column(sql);
        return values.empty() ? -1 : std::stoll(values.front());
    }
    // EXPLAIN QUERY PLAN's detail column (the fourth), one line per step: which index a query uses.
    std::string queryPlan(const std::string& sql) {
        std::string joined;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        while (sqlite3_step(statement) == SQLITE_ROW)
            joined += std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3))) + "\n";
        sqlite3_finalize(statement);
        return joined;
    }
    // The last connection to close would move the -wal into the file and delete it: this one
    // leaves the -wal as a crashed or still running writer would.
    void leaveWalOnClose() { sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr); }

private:
    sqlite3* m_db = nullptr;
};

}  // namespace testing_support
