#include "kiosk/store/sqlite_errors.hpp"

#include <sqlite3.h>

#include <cerrno>

namespace store::detail {

std::string_view hintFor(int resultCode, int systemErrno) {
    constexpr std::string_view kDiskFull = "the disk is full; free some space and try again";
    // A full disk met outside a page write (growing the -shm file as a connection opens, a sync)
    // comes back as SQLITE_IOERR; the OS's errno still says what happened.
    if ((resultCode & 0xff) == SQLITE_IOERR && systemErrno == ENOSPC) return kDiskFull;
    switch (resultCode & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "another program (kiosk, staff screen or kioskctl) kept the database locked for more "
                   "than 5 seconds; try again, and if it keeps happening look for a stuck process";
        case SQLITE_FULL: return kDiskFull;
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            return "check that the file and its directory exist and are writable by this user";
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return "the file is not a ticket database or is damaged; it was not modified: check the "
                   "configured path or restore a backup";
        case SQLITE_IOERR: return "the disk reported an input/output error; check the disk";
        default: return "unexpected database error";
    }
}

std::string explainFailure(sqlite3* db, int resultCode) {
    std::string text{hintFor(resultCode, db ? sqlite3_system_errno(db) : 0)};
    text += " (SQLite: ";
    text += db ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode);
    text += ")";
    return text;
}

}  // namespace store::detail
