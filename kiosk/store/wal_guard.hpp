#pragma once
// The -wal one SqliteStore connection writes to, watched for an operator deleting it while the
// programs run. SQLite cannot see that: it goes on appending to the file it has open, which no
// longer has a name, and the committed transactions in it end with the last process holding it
// (as measured before this guard: a kiosk stopped with SIGTERM left a database without the
// tickets it had given, and every process that opened the file after the deletion refused it).
// Internal to kiosk/store/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;

namespace store::detail {

class WalGuard {
public:
    // Once the connection has opened its -wal (after its first read in WAL mode): remembers which
    // file it is. Without a -wal to look at, the guard never reports a loss.
    void watch(sqlite3* db, const std::string& dbPath);

    // Looks at the -wal's path (one stat()): gone, or another file, means lost, for good. The
    // first time, closing the connection stops checkpointing (its view of the log is no longer
    // the one on disk) and a copy into the database file is tried at once (save()).
    bool lost();
    // After a loss: copies every committed transaction from the -wal still open here into the
    // database file (wal_checkpoint(TRUNCATE), which waits up to the busy timeout for other
    // connections), until that has succeeded once. True once everything is in the database file.
    bool save();
    bool saved() const { return m_saved; }

    // Before a write: once lost, throws StoreError naming the action, the file and what to do.
    void refuseWriteIfLost(std::string_view action);
    // After a commit: when the -wal was lost meanwhile, the transaction just committed is copied
    // into the database file at once. Never throws: the commit has happened.
    void saveIfLost() noexcept;

    // What happened and where the given tickets are, for the log and messages.
    std::string describe() const;

private:
    sqlite3* m_db = nullptr;
    std::string m_dbPath;
    std::optional<std::pair<std::uint64_t, std::uint64_t>> m_identity;  // device, inode
    bool m_lost = false;
    bool m_saved = false;
    std::string m_saveError;
};

}  // namespace store::detail
