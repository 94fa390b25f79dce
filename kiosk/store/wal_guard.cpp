#include "kiosk/store/wal_guard.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>

#include "domain/ticket_store.hpp"
#include "kiosk/store/sqlite_errors.hpp"

namespace store::detail {

namespace {

std::optional<std::pair<std::uint64_t, std::uint64_t>> identityOf(const std::string& path, bool& missing) {
    struct stat info {};
    missing = false;
    if (::stat(path.c_str(), &info) == 0)
        return std::make_pair(static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino));
    missing = errno == ENOENT;
    return std::nullopt;
}

}  // namespace

void WalGuard::watch(sqlite3* db, const std::string& dbPath) {
    m_db = db;
    m_dbPath = dbPath;
    bool missing = false;
    m_identity = identityOf(dbPath + "-wal", missing);
}

bool WalGuard::lost() {
    if (m_lost) return true;
    if (!m_identity) return false;
    bool missing = false;
    const auto now = identityOf(m_dbPath + "-wal", missing);
    // A stat() that fails for another reason (permissions changed) tells nothing either way.
    if (!missing && (!now || *now == *m_identity)) return false;
    m_lost = true;
    // Closing would otherwise checkpoint from this connection's log into the file, and after
    // another program has started a new -wal that log is no longer the one the -shm describes.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    save();
    return true;
}

bool WalGuard::save() {
    if (!m_lost || m_saved) return m_saved;
    // TRUNCATE and not PASSIVE: every frame, including other processes' (they share the file
    // this one has open), must reach the database file; and an emptied log cannot hand a stale
    // page to any connection still holding it.
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    m_saved = rc == SQLITE_OK;
    m_saveError = m_saved ? std::string() : explainFailure(m_db, rc);
    return m_saved;
}

void WalGuard::refuseWriteIfLost(std::string_view action) {
    if (!lost()) return;
    save();
    throw domain::StoreError(std::string(action) + " refused: " + describe());
}

void WalGuard::saveIfLost() noexcept {
    if (lost()) save();
}

std::string WalGuard::describe() const {
    std::string text =
        "the ticket database's write-ahead log " + m_dbPath + "-wal was deleted while this program had it open; ";
    if (m_saved)
        text += "every ticket given so far was copied into " + m_dbPath +
                ". Nothing more is written: stop every kiosk program using " + m_dbPath + " and start them again";
    else
        text += "the tickets given so far are not yet in " + m_dbPath + " (copying them failed: " + m_saveError +
                "; it is tried again): do not switch the PC off or stop the kiosk programs";
    return text;
}

}  // namespace store::detail
