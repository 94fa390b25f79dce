#pragma once
// The checks SqliteStore makes on a file before it writes anything to it: is it readable at all,
// is it a ticket database (its schema), and are its pages intact. Internal to kiosk/store/.
#include <cstdint>
#include <string>

#include "kiosk/store/sqlite_store.hpp"

namespace store::detail {

// Files up to this size get a full PRAGMA quick_check on every open. Measured on this project's
// 2-core machine: 90 000 tickets (29 MB, ten years of a busy office) take 0.31 s with the file in
// the page cache and 0.77 s cold; 1 M tickets (340 MB) 4 s warm and 12 s cold, too long for every
// kioskctl command. Bigger files get the cheap checks only (readable, schema, version), and are
// checked in full by every backup (integrity_check on the copy).
constexpr std::int64_t kFullCheckMaxBytes = std::int64_t{32} << 20;

// What the reader should do about a damaged file, for every message that says so.
std::string restoreAdvice(const std::string& path);

// When path's -wal holds pages, closing db will not checkpoint them into the database until
// releaseCheckpointOnClose: a file we refuse must keep its bytes, including those in its -wal.
// (An empty -wal is left to SQLite, which removes it on close as usual.)
void holdCheckpointOnClose(sqlite3* db, const std::string& path);
void releaseCheckpointOnClose(sqlite3* db);

// Reads the schema: a file that is not SQLite at all, or whose first page is damaged, is
// refused with a StoreError naming the file and saying how to restore it.
void refuseUnreadableFile(sqlite3* db, const std::string& path);

// PRAGMA quick_check (files up to kFullCheckMaxBytes): refuses a file with damaged pages.
void refuseDamagedFile(sqlite3* db, const std::string& path);

// A read transaction: everything read until it ends comes from one snapshot of the file, and
// ending it writes nothing.
class ReadSnapshot {
public:
    ReadSnapshot(sqlite3* db, const std::string& path);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite3* m_db;
};

// How db's schema differs from reference's, whose tables, indexes, triggers and views (by name,
// and each table's columns) are those of a ticket database of the same user_version:
// "" when they are the same, else "it has foo; it lacks calls" for a message. Reads only.
// SQLite's own objects (sqlite_autoindex_*, sqlite_stat1 ...) are left out.
std::string schemaDifference(sqlite3* db, sqlite3* reference, const std::string& path);

// An in-memory database holding exactly what SqliteStore's migrations 1..version create
// (1 <= version <= SqliteStore::kSchemaVersion): the reference of schemaDifference. Defined in
// sqlite_store.cpp, next to the migrations.
Connection ticketSchemaOfVersion(int version);

}  // namespace store::detail
