#pragma once
// One wording for SQLite failures across the store, its start-up checks and its backups: what
// the person at the kiosk or the technician can do about it, then SQLite's own text.
#include <string>
#include <string_view>

struct sqlite3;

namespace store::detail {

// The advice for a result code; systemErrno (sqlite3_system_errno) refines an SQLITE_IOERR.
std::string_view hintFor(int resultCode, int systemErrno);

// "<hint> (SQLite: <message>)" for a failure on db (which may be null: then rc's text).
std::string explainFailure(sqlite3* db, int resultCode);

}  // namespace store::detail
