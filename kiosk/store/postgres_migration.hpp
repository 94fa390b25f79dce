#pragma once
// `kioskctl migrate-to URL`: a site's SQLite database copied into an empty PostgreSQL database,
// in one transaction, with the counts compared afterwards (issue #11).
#include <cstdint>
#include <string>
#include <vector>

#include "domain/ticket_store.hpp"

namespace store {

// The target already holds tickets, calls, settings, answers or counters: nothing was written.
class TargetNotEmptyError : public domain::StoreError {
public:
    using domain::StoreError::StoreError;
};

struct TableCount {
    std::string table;
    std::int64_t source = 0;  // rows in the SQLite file
    std::int64_t target = 0;  // rows in PostgreSQL after the copy
};

// Opens the SQLite file as SqliteStore does (refusing damaged or foreign files, updating an old
// schema), refuses a non-empty target, copies everything the reports and the queue read (tickets
// with their survey codes and which were used, calls, settings, survey answers, interview
// counters), and returns the per-table counts on both sides. Throws StoreError (or
// TargetNotEmptyError); a failure leaves the target as it was.
std::vector<TableCount> migrateSqliteToPostgres(const std::string& sqlitePath, const std::string& url);

}  // namespace store
