#pragma once
// Copies of the ticket database taken and put back with SQLite's online backup API, so that
// kiosks, the staff screen and the hall board may keep the file open and keep writing meanwhile.
// Every failure is a domain::StoreError naming the file and what to do.
#include <cstdint>
#include <string>

namespace store {

// What a database file holds, as printed after a backup or a restore.
struct DatabaseCounts {
    std::int64_t tickets = 0;
    std::int64_t answers = 0;  // survey answers
    std::uintmax_t bytes = 0;  // size of the file
};

// Copies the database at dbPath (live, possibly being written) into targetPath: the copy is
// written to targetPath + ".tmp", checked with PRAGMA integrity_check, synced to disk and only
// then renamed, so a file with the final name is always a whole, verified copy. The copy is a
// single self-contained file (rollback journal mode, no -wal). Refuses a targetPath that is the
// database or one of its -wal, -shm, -journal (by path, existing or not, and by identity).
DatabaseCounts backupDatabase(const std::string& dbPath, const std::string& targetPath);

// The copy, its temporary file and the folders made for it are readable by the user writing them
// only (0600 files, 0700 folders), whatever the umask: a copy holds the staff PIN's hash and the
// day's tickets and answers. Existing folders keep their mode.

// The folder of the daily copies, when it exists: made the user's only (0700), which also covers
// copies an older version left readable by everyone. Returns why it could not be (a file system
// without Unix modes, another owner), or "" when done.
std::string makeBackupFolderPrivate(const std::string& folder);

// Checks that path is a healthy database of this program with a schema this build understands
// (integrity_check ok, schema version 1..SqliteStore::kSchemaVersion); reads only.
DatabaseCounts inspectBackup(const std::string& path);

struct RestoreResult {
    DatabaseCounts restored;
    std::string previousCopy;  // where the database as it was before the restore was kept
};

// Replaces the contents of the database at dbPath with those of backupPath, after checking the
// backup (inspectBackup) and keeping the current contents in previousCopyPath, or in
// previousCopyPath-2, -3 ... when that name is taken: an existing copy is never replaced
// (RestoreResult::previousCopy says which). Programs that
// have dbPath open see the old contents up to one commit and the restored ones after it.
RestoreResult restoreDatabase(const std::string& dbPath, const std::string& backupPath,
                              const std::string& previousCopyPath);

// Moves the -wal's pages into the database and empties the -wal (PRAGMA wal_checkpoint(TRUNCATE)).
// Returns false when a reader kept part of the log in use (nothing wrong: the next one finishes).
bool checkpointDatabase(const std::string& dbPath);

// VACUUM: rewrites the file compactly. Besides returning free pages to the disk, it rewrites the
// survey answers' pages in key order, which removes the trace of the order in which answers were
// stored that b-tree pages may keep (see the README's Privacy section). Needs a moment with no
// writer, and free disk space about the database's size.
DatabaseCounts compactDatabase(const std::string& dbPath);

}  // namespace store
