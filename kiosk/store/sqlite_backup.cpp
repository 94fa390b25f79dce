#include "kiosk/store/sqlite_backup.hpp"
#include "kiosk/store/sqlite_errors.hpp"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/store/startup_check.hpp"

namespace store {
namespace {

namespace fs = std::filesystem;
using domain::StoreError;

constexpr int kBusyTimeoutMs = 5000;
// A backup or restore waits this long in all for kiosks to let go of a lock before giving up.
constexpr auto kLockPatience = std::chrono::seconds(30);
constexpr int kLockRetryPauseMs = 10;
// 1024 pages of 4 KiB: a read lock on the source is held for one step only.
constexpr int kPagesPerStep = 1024;
// A write by another process between two steps restarts the copy from the first page; after
// this many restarts the rest is copied in one step. In WAL mode that one long read blocks no
// writer: it only keeps the -wal from being checkpointed past it until the copy ends.
constexpr int kRestartsBeforeOneStep = 3;

using detail::Connection;

[[noreturn]] void fail(const std::string& what, sqlite3* db, int rc) {
    throw StoreError(what + ": " + detail::explainFailure(db, rc));
}

Connection open(const std::string& path, int flags, const std::string& what) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection db(raw);  // SQLite hands out a handle even on failure; it must still be closed
    if (rc != SQLITE_OK) fail(what + " " + path, db.get(), rc);
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}

Connection openExisting(const std::string& path, bool readOnly, const std::string& what) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) throw StoreError("there is no database file " + path);
    return open(path, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, what);
}

// One value of a one-row query; nullopt-free: throws on anything else.
std::string queryText(sqlite3* db, const char* sql, const std::string& what) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    std::string value;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(raw);
        if (rc == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(raw, 0);
            value = text ? reinterpret_cast<const char*>(text) : "";
        }
    }
    sqlite3_finalize(raw);
    if (rc != SQLITE_ROW) fail(what, db, rc);
    return value;
}

std::int64_t queryInteger(sqlite3* db, const char* sql, const std::string& what) {
    return std::stoll(queryText(db, sql, what));
}

bool hasTable(sqlite3* db, const std::string& table, const std::string& what) {
    const std::string sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'";
    return queryInteger(db, sql.c_str(), what) > 0;
}

DatabaseCounts countsOf(sqlite3* db, const std::string& path) {
    const std::string what = "counting the tickets in " + path;
    DatabaseCounts counts;
    if (hasTable(db, "tickets", what)) counts.tickets = queryInteger(db, "SELECT count(*) FROM tickets", what);
    if (hasTable(db, "survey_answers", what))
        counts.answers = queryInteger(db, "SELECT count(*) FROM survey_answers", what);
    std::error_code error;
    const auto bytes = fs::file_size(path, error);
    counts.bytes = error ? 0 : bytes;
    return counts;
}

void requireIntegrity(sqlite3* db, const std::string& path, const std::string& whatItIs) {
    // (1): the first problem is enough to refuse the file.
    const std::string verdict = queryText(db, "PRAGMA integrity_check(1)", "checking " + path);
    if (verdict != "ok") throw StoreError(whatItIs + " " + path + " is damaged (integrity_check: " + verdict + ")");
}

// Sleeps only while another process holds a lock we need, until the overall deadline.
bool mayRetry(int rc, std::chrono::steady_clock::time_point deadline) {
    const int primary = rc & 0xff;
    if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED) return false;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    sqlite3_sleep(kLockRetryPauseMs);
    return true;
}

// Copies every page of source's main database into destination's, as one destination transaction.
// pagesPerStep > 0 copies in steps, releasing the source's read lock between them.
void copyPages(sqlite3* source, sqlite3* destination, int pagesPerStep, const std::string& what) {
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup) fail(what, destination, sqlite3_errcode(destination));
    const auto deadline = std::chrono::steady_clock::now() + kLockPatience;
    int step = pagesPerStep;
    int restarts = 0;
    int lastRemaining = -1;
    int rc = SQLITE_OK;
    for (;;) {
        rc = sqlite3_backup_step(backup, step);
        if (rc == SQLITE_DONE) break;
        if (rc == SQLITE_OK) {
            const int remaining = sqlite3_backup_remaining(backup);
            if (lastRemaining >= 0 && remaining > lastRemaining && ++restarts >= kRestartsBeforeOneStep) step = -1;
            lastRemaining = remaining;
            continue;
        }
        if (!mayRetry(rc, deadline)) break;
    }
    const int finishRc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) fail(what, destination, rc);
    if (finishRc != SQLITE_OK) fail(what, destination, finishRc);
}

void syncPath(const std::string& path, int flags, const std::string& what) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw StoreError(what + ": cannot open " + path + ": " + std::generic_category().message(errno));
    const int rc = ::fsync(fd);
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0) throw StoreError(what + ": syncing " + path + " failed: " + std::generic_category().message(savedErrno));
}

std::string folderOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

// A copy holds the staff PIN's hash and the day's tickets and answers: the copy, its temporary
// file and any folder made for it are the kiosk user's alone (0600, 0700), whatever the umask.
constexpr mode_t kPrivateFile = 0600;
constexpr mode_t kPrivateFolder = 0700;

// The folders of `folder` that do not exist yet, made private; an existing folder (a USB stick's,
// say) is left as it is.
void createPrivateFolders(const fs::path& folder, const std::string& what) {
    std::error_code error;
    if (folder.empty() || fs::is_directory(folder, error)) return;
    createPrivateFolders(folder.parent_path(), what);
    if (::mkdir(folder.c_str(), kPrivateFolder) != 0) {
        if (errno == EEXIST) return;  // made meanwhile by someone else
        throw StoreError(what + ": cannot create the folder " + folder.string() + ": " +
                         std::generic_category().message(errno));
    }
    ::chmod(folder.c_str(), kPrivateFolder);  // the umask may have taken the owner's bits too
}

// Creates the empty file SQLite then opens as the copy: with the mode it keeps to the end (SQLite
// gives its -journal the same mode, and the rename keeps it).
void createPrivateFile(const std::string& path, const std::string& what) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFile);
    if (fd < 0) throw StoreError(what + ": cannot create " + path + ": " + std::generic_category().message(errno));
    const int rc = ::fchmod(fd, kPrivateFile);
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0)
        throw StoreError(what + ": cannot make " + path + " private: " + std::generic_category().message(savedErrno));
}

void removeIfPresent(const std::string& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code error;
    return fs::equivalent(a, b, error) && !error;
}

// A path as it will be once it exists: absolute, without "." or "..", symbolic links in the part
// that exists followed (SQLite puts a database's -wal next to the file its link points to).
fs::path resolved(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    const fs::path real = fs::weakly_canonical(absolute, error);
    return error ? absolute : real;
}

// The database file and the companions SQLite keeps beside it while it is in use.
constexpr std::array<const char*, 4> kDatabaseFileSuffixes{"", "-wal", "-shm", "-journal"};

// Whether writing `target`, or the .tmp (and its -journal) that a copy goes through, would write
// over the database at dbPath or one of its companions, be they there yet or not: by path, and
// by identity for a second name of the same file (a hard link).
bool overwritesDatabaseFiles(const std::string& dbPath, const std::string& target) {
    const fs::path database = resolved(dbPath);
    for (const std::string& written : {target, target + ".tmp", target + ".tmp-journal"}) {
        const fs::path writtenPath = resolved(written);
        for (const char* suffix : kDatabaseFileSuffixes) {
            const std::string own = dbPath + suffix;
            if (writtenPath == resolved(own) || writtenPath == fs::path(database.string() + suffix) ||
                sameFile(own, written))
                return true;
        }
    }
    return false;
}

// Thrown by a copy that must not replace anything when its name was taken meanwhile.
struct NameTaken {};

// rename() that never replaces an existing target: throws NameTaken instead.
void renameWithoutReplacing(const std::string& from, const std::string& to, std::error_code& error) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    if (errno == EEXIST) throw NameTaken{};
    if (errno != EINVAL && errno != ENOSYS) {
        error = std::error_code(errno, std::generic_category());
        return;
    }
    // A file system without RENAME_NOREPLACE: look first (only another restore in the same
    // second could slip in between).
    if (fs::exists(to)) throw NameTaken{};
    fs::rename(from, to, error);
}

// source -> target + ".tmp" -> checked -> synced -> renamed to target. With replaceLiveFiles,
// target's -wal and -shm are removed just before the rename: they belong to the file replaced.
// Without mayReplace an existing target is left as it is (NameTaken).
DatabaseCounts writeVerifiedCopy(sqlite3* source, const std::string& sourcePath, const std::string& target,
                                 bool replaceLiveFiles, bool mayReplace = true) {
    const std::string what = "copying " + sourcePath + " to " + target;
    const std::string temporary = target + ".tmp";
    std::error_code error;
    createPrivateFolders(folderOf(target), what);
    // A .tmp left by an interrupted copy is never a good copy: start again.
    removeIfPresent(temporary);
    removeIfPresent(temporary + "-journal");
    try {
        createPrivateFile(temporary, what);
        {
            Connection copy = open(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, what + ": creating");
            copyPages(source, copy.get(), kPagesPerStep, what);
        }
        // The copied first page still says WAL; a backup is one file, with no -wal beside it.
        Connection copy = open(temporary, SQLITE_OPEN_READWRITE, what + ": checking");
        if (queryText(copy.get(), "PRAGMA journal_mode = DELETE", what) != "delete")
            throw StoreError(what + ": the copy could not be made a single file");
        requireIntegrity(copy.get(), temporary, "the copy");
    } catch (...) {
        removeIfPresent(temporary);
        removeIfPresent(temporary + "-journal");
        throw;
    }
    syncPath(temporary, O_RDONLY, what);
    if (replaceLiveFiles) {
        removeIfPresent(target + "-wal");
        removeIfPresent(target + "-shm");
    }
    try {
        if (mayReplace)
            fs::rename(temporary, target, error);
        else
            renameWithoutReplacing(temporary, target, error);
    } catch (const NameTaken&) {
        removeIfPresent(temporary);
        throw;
    }
    if (error) {
        removeIfPresent(temporary);
        throw StoreError(what + ": renaming the finished copy failed: " + error.message());
    }
    syncPath(folderOf(target), O_RDONLY | O_DIRECTORY, what);
    Connection written = open(target, SQLITE_OPEN_READONLY, what + ": reading back");
    return countsOf(written.get(), target);
}

// The database as it is before a restore, as copyPath. A damaged one cannot go through SQLite:
// then its bytes, and its -wal's, are copied as they are, which is what someone recovering data
// wants. Never replaces an existing file: NameTaken.
void keepCurrentAs(const std::string& dbPath, const std::string& copyPath) {
    try {
        Connection source = openExisting(dbPath, false, "opening the database to back up");
        writeVerifiedCopy(source.get(), dbPath, copyPath, false, false);
        return;
    } catch (const StoreError&) {
    }
    std::error_code error;
    const auto ownerOnly = fs::perms::owner_read | fs::perms::owner_write;
    fs::copy_file(dbPath, copyPath, fs::copy_options::none, error);
    if (error == std::errc::file_exists) throw NameTaken{};
    if (!error) fs::permissions(copyPath, ownerOnly, error);
    if (!error && fs::exists(dbPath + "-wal")) {
        fs::copy_file(dbPath + "-wal", copyPath + "-wal", fs::copy_options::none, error);
        if (!error) fs::permissions(copyPath + "-wal", ownerOnly, error);
    }
    if (error)
        throw StoreError("keeping a copy of " + dbPath + " as " + copyPath + " failed: " + error.message() +
                         "; nothing was restored");
    syncPath(copyPath, O_RDONLY, "keeping a copy of " + dbPath);
}

// A name some copy already has, or is being written under.
bool nameTaken(const std::string& path) {
    std::error_code error;
    for (const char* suffix : {"", "-wal", ".tmp"})
        if (fs::exists(fs::symlink_status(path + suffix, error))) return true;
    return false;
}

// Keeps the database as it is before a restore under copyPath, or copyPath-2, -3 ... when that
// name is taken (two restores within the same second): an earlier copy is never replaced.
std::string keepCurrent(const std::string& dbPath, const std::string& copyPath) {
    constexpr int kNamesTried = 1000;
    for (int n = 1; n <= kNamesTried; ++n) {
        const std::string name = n == 1 ? copyPath : copyPath + "-" + std::to_string(n);
        if (nameTaken(name)) continue;
        try {
            keepCurrentAs(dbPath, name);
            return name;
        } catch (const NameTaken&) {
        }
    }
    throw StoreError("keeping a copy of " + dbPath + " failed: " + copyPath + " and the next " +
                     std::to_string(kNamesTried - 1) + " names after it are taken; nothing was restored");
}

bool readable(sqlite3* db) {
    const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    const int primary = rc & 0xff;
    return primary != SQLITE_NOTADB && primary != SQLITE_CORRUPT;
}

}  // namespace

DatabaseCounts backupDatabase(const std::string& dbPath, const std::string& targetPath) {
    if (overwritesDatabaseFiles(dbPath, targetPath))
        throw StoreError("the backup file " + targetPath +
                         " is the database itself or one of its files (-wal, -shm, -journal): choose another name");
    Connection source = openExisting(dbPath, false, "opening the database to back up");
    try {
        return writeVerifiedCopy(source.get(), dbPath, targetPath, false);
    } catch (const StoreError& e) {
        throw StoreError(std::string(e.what()) + ". If the database itself is damaged: " + detail::restoreAdvice(dbPath));
    }
}

std::string makeBackupFolderPrivate(const std::string& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return "";
    if ((info.st_mode & 07777) == kPrivateFolder) return "";
    if (::chmod(folder.c_str(), kPrivateFolder) == 0) return "";
    return "the backup folder " + folder + " stays readable by others: " + std::generic_category().message(errno);
}

DatabaseCounts inspectBackup(const std::string& path) {
    Connection db = openExisting(path, true, "opening the backup");
    const std::string what = "reading the backup " + path;
    const int rc = sqlite3_exec(db.get(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        throw StoreError("the file " + path + " is not a readable SQLite database (SQLite: " + sqlite3_errmsg(db.get()) +
                         "): it is not a backup of the ticket database");
    if (rc != SQLITE_OK) fail(what, db.get(), rc);
    const auto version = queryInteger(db.get(), "PRAGMA user_version", what);
    if (version > SqliteStore::kSchemaVersion)
        throw StoreError("the backup " + path + " was written by a newer version of this program (schema " +
                         std::to_string(version) + ", this one understands up to " +
                         std::to_string(SqliteStore::kSchemaVersion) + "): restore it with that version's kioskctl");
    if (version < 1 || !hasTable(db.get(), "tickets", what))
        throw StoreError("the file " + path + " is an SQLite database but not a ticket database of this program");
    // The same test as every start's, before the restore writes anything.
    const std::string difference =
        detail::schemaDifference(db.get(), detail::ticketSchemaOfVersion(static_cast<int>(version)).get(), path);
    if (!difference.empty())
        throw StoreError("the file " + path + " is an SQLite database but not a ticket database of this program (" +
                         difference + ")");
    requireIntegrity(db.get(), path, "the backup");
    return countsOf(db.get(), path);
}

// Why the backup API and not a file copy: the API writes the destination through the live
// database's own locking and journal. With the kiosks' file in WAL mode the restored pages go to
// the -wal and become visible at one commit, so a kiosk that has the file open sees the old
// database until then and the restored one after it, and its cached pages are dropped as after
// any other process's commit. Copying a file over an open database would leave every open
// connection with a -wal and -shm that describe another file: a sure way to corrupt it.
RestoreResult restoreDatabase(const std::string& dbPath, const std::string& backupPath,
                              const std::string& previousCopyPath) {
    if (sameFile(dbPath, backupPath)) throw StoreError("the backup " + backupPath + " is the database itself");
    inspectBackup(backupPath);
    RestoreResult result;
    Connection backup = openExisting(backupPath, true, "opening the backup");
    std::error_code error;
    if (!fs::exists(dbPath, error)) {
        writeVerifiedCopy(backup.get(), backupPath, dbPath, true);
    } else {
        result.previousCopy = keepCurrent(dbPath, previousCopyPath);
        Connection live = open(dbPath, SQLITE_OPEN_READWRITE, "opening the database to restore into");
        if (readable(live.get())) {
            // -1: every page in one step, hence one transaction on the live database.
            copyPages(backup.get(), live.get(), -1, "restoring " + backupPath + " into " + dbPath);
        } else {
            // Not a database SQLite can read: no kiosk can be using it (they refuse it at start),
            // so the file is replaced whole.
            live.reset();
            writeVerifiedCopy(backup.get(), backupPath, dbPath, true);
        }
    }
    backup.reset();
    // Brings a backup of an older schema up to date, and checks the result as every start does.
    { SqliteStore migrated(dbPath); }
    Connection restored = openExisting(dbPath, true, "reading the restored database");
    result.restored = countsOf(restored.get(), dbPath);
    return result;
}

bool checkpointDatabase(const std::string& dbPath) {
    Connection db = openExisting(dbPath, false, "opening the database to checkpoint");
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc == SQLITE_OK) return true;
    if ((rc & 0xff) == SQLITE_BUSY) return false;
    fail("checkpointing " + dbPath, db.get(), rc);
}

DatabaseCounts compactDatabase(const std::string& dbPath) {
    // Through SqliteStore first: a damaged file is refused, not rewritten.
    { SqliteStore checked(dbPath); }
    Connection db = openExisting(dbPath, false, "opening the database to compact");
    const auto deadline = std::chrono::steady_clock::now() + kLockPatience;
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_exec(db.get(), "VACUUM", nullptr, nullptr, nullptr);
    } while (rc != SQLITE_OK && mayRetry(rc, deadline));
    if (rc != SQLITE_OK) fail("compacting " + dbPath, db.get(), rc);
    return countsOf(db.get(), dbPath);
}

}  // namespace store
