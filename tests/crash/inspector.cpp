#include "inspector.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace crash_support {

Inspector::Inspector(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string why = sqlite3_errmsg(m_db);
        sqlite3_close_v2(m_db);
        throw std::runtime_error("cannot open " + path + ": " + why);
    }
    sqlite3_busy_timeout(m_db, 5000);
}

Inspector::~Inspector() { sqlite3_close_v2(m_db); }

std::vector<std::vector<std::string>> Inspector::rows(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error(sql + ": " + sqlite3_errmsg(m_db));
    std::vector<std::vector<std::string>> result;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = sqlite3_column_text(statement, c);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        result.push_back(row);
    }
    const std::string error = sqlite3_errmsg(m_db);
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + error);
    return result;
}

std::string Inspector::value(const std::string& sql) {
    const auto all = rows(sql);
    return all.empty() || all[0].empty() ? "" : all[0][0];
}

std::string Inspector::integrity() {
    std::string verdict;
    for (const auto& row : rows("PRAGMA integrity_check")) verdict += (verdict.empty() ? "" : "; ") + row[0];
    return verdict;
}

std::map<std::string, std::string> Inspector::stateByCode(const std::string& serviceDay) {
    std::map<std::string, std::string> states;
    for (const auto& row : rows("SELECT code, state FROM tickets WHERE service_day = '" + serviceDay + "'"))
        states[row[0]] = row[1];
    return states;
}

}  // namespace crash_support
