// SqliteStore's start-up checks: every file it refuses is named in the message, the message says
// how to restore, and the file and its -wal keep every byte.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>

#include "kiosk/store/sqlite_store.hpp"

namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "startup_check_test_XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::string randomBytes(std::size_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::string bytes(count, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(generator() & 0xff);
    return bytes;
}

// Talks to the file as another program, or another version of this one, would.
class RawDatabase {
public:
    explicit RawDatabase(const std::string& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    long long integer(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        long long value = -1;
        if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        return value;
    }
    // The last connection to close would move the -wal into the file and delete it: this one
    // leaves the -wal as a crashed or still running writer would.
    void leaveWalOnClose() { sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr); }

private:
    sqlite3* m_db = nullptr;
};

// A healthy ticket database of many pages, everything in the main file (no -wal left).
void writeHealthyDatabase(const std::string& path, int tickets) {
    { store::SqliteStore created(path); }
    {
        // One transaction instead of one synced commit per ticket: the test needs pages, not time.
        RawDatabase filler(path);
        filler.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " +
                    std::to_string(tickets) +
                    ") INSERT INTO tickets (service_day, category_id, number, code, issued_at) "
                    "SELECT date('2026-11-30', '+' || (i / 500) || ' days'), 'adulti', i % 500 + 1, "
                    "printf('A%03d', i % 500 + 1), date('2026-11-30', '+' || (i / 500) || ' days') || 'T09:00:00' "
                    "FROM n");
    }
    ASSERT_FALSE(fs::exists(path + "-wal"));
}

// The file and its -wal, as they are: what must not change.
struct FileBytes {
    std::string database;
    std::string wal;
    bool hadWal = false;
};

FileBytes bytesOf(const std::string& path) {
    return {readBytes(path), readBytes(path + "-wal"), fs::exists(path + "-wal")};
}

std::string refusalOf(const std::string& path) {
    try {
        store::SqliteStore refused(path);
    } catch (const domain::StoreError& e) {
        return e.what();
    }
    return "no StoreError thrown";
}

void expectRefusedUntouched(const std::string& path, const std::string& expectedWords, bool restoreAdvice = true) {
    const FileBytes before = bytesOf(path);

    const std::string message = refusalOf(path);

    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(expectedWords), std::string::npos) << message;
    if (restoreAdvice) {
        EXPECT_NE(message.find("not modified"), std::string::npos) << message;
        EXPECT_NE(message.find("kioskctl --db " + path + " restore BACKUP_FILE"), std::string::npos) << message;
    }
    const FileBytes after = bytesOf(path);
    EXPECT_TRUE(after.database == before.database) << "the database file changed";
    EXPECT_EQ(after.hadWal, before.hadWal);
    EXPECT_TRUE(after.wal == before.wal) << "the -wal changed";
}

constexpr int kManyPagesOfTickets = 3000;

TEST(StartupCheck, fileOfRandomBytesIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeBytes(path, randomBytes(64 * 1024, 7));

    expectRefusedUntouched(path, "is not an SQLite database");
}

TEST(StartupCheck, truncatedDatabaseIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    const std::string whole = readBytes(path);
    ASSERT_GT(whole.size(), 40u * 4096u);
    // As a copy cut short by a full disk or a pulled USB stick leaves it: whole pages missing.
    writeBytes(path, whole.substr(0, whole.size() / 2 / 4096 * 4096));

    expectRefusedUntouched(path, "is damaged");
}

TEST(StartupCheck, databaseWithAPageOfGarbageIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    std::string bytes = readBytes(path);
    const std::size_t pageSize = 4096;
    const std::size_t pages = bytes.size() / pageSize;
    ASSERT_GT(pages, 40u);
    // A page in the middle of the tickets: no check of the first pages alone would see it.
    bytes.replace((pages / 2) * pageSize, pageSize, randomBytes(pageSize, 11));
    writeBytes(path, bytes);

    expectRefusedUntouched(path, "is damaged");
}

TEST(StartupCheck, damagedFileWithPagesStillInItsWalKeepsBothFiles) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    std::string bytes = readBytes(path);
    bytes.replace((bytes.size() / 4096 / 2) * 4096, 4096, randomBytes(4096, 13));
    writeBytes(path, bytes);
    {
        // Committed pages not yet in the main file, which a checkpoint on close would write there.
        RawDatabase writer(path);
        writer.leaveWalOnClose();
        writer.exec("PRAGMA journal_mode = WAL");
        writer.exec("INSERT INTO settings (key, value) VALUES ('left', 'in the wal')");
    }
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "is damaged");
}

TEST(StartupCheck, newerSchemaWithPagesInItsWalIsRefusedAndBothFilesKeepTheirBytes) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, 10);
    {
        RawDatabase future(path);
        future.leaveWalOnClose();
        future.exec("PRAGMA user_version = " + std::to_string(store::SqliteStore::kSchemaVersion + 1));
    }
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "is newer than this program supports", false);
}

TEST(StartupCheck, databaseOfAnotherProgramWithPagesInItsWalIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("contacts.db");
    {
        RawDatabase other(path);
        other.leaveWalOnClose();
        other.exec("PRAGMA journal_mode = WAL");
        other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Rossi')");
    }
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "another program", false);
}

TEST(StartupCheck, healthyDatabaseWithPagesInItsWalOpensAndKeepsThem) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, 10);
    {
        RawDatabase writer(path);
        writer.leaveWalOnClose();
        writer.exec("INSERT INTO settings (key, value) VALUES ('kept', 'yes')");
    }

    store::SqliteStore db(path);

    EXPECT_EQ(db.setting("kept"), "yes");
    EXPECT_EQ(db.ticketsOfDay(domain::LocalDate::parse("2026-11-30").value()).size(), 10u);
}

}  // namespace
