#pragma once
// A plain SQLite connection for checks: reads the ticket database as a third program would,
// behind SqliteStore's back.
#include <map>
#include <string>
#include <vector>

struct sqlite3;

namespace crash_support {

class Inspector {
public:
    explicit Inspector(const std::string& path);  // read-only; throws if the file cannot be opened
    ~Inspector();
    Inspector(const Inspector&) = delete;
    Inspector& operator=(const Inspector&) = delete;

    // Every row of a query, each as its columns' text ("NULL" for SQL NULL); throws on errors.
    std::vector<std::vector<std::string>> rows(const std::string& sql);
    // The first column of the first row ("" when there is no row).
    std::string value(const std::string& sql);
    // PRAGMA integrity_check's verdict: "ok" for a sound file.
    std::string integrity();
    // code -> state of the tickets of one service day ("2026-11-30").
    std::map<std::string, std::string> stateByCode(const std::string& serviceDay);

private:
    sqlite3* m_db = nullptr;
};

}  // namespace crash_support
