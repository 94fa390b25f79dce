// SqliteStore's start-up checks: every file it refuses is named in the message, the message says
// how to restore, and the file and its -wal keep every byte.
#include <gtest/gtest.h>

#include "raw_database.hpp"
#include "support/process.hpp"
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

using testing_support::TempDir;

using testing_support::readFile;
using testing_support::writeFile;

std::string randomBytes(std::size_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::string bytes(count, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(generator() & 0xff);
    return bytes;
}

using testing_support::RawDatabase;

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
    return {readFile(path), readFile(path + "-wal"), fs::exists(path + "-wal")};
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
    writeFile(path, randomBytes(64 * 1024, 7));

    expectRefusedUntouched(path, "is not an SQLite database");
}

TEST(StartupCheck, truncatedDatabaseIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    const std::string whole = readFile(path);
    ASSERT_GT(whole.size(), 40u * 4096u);
    // As a copy cut short by a full disk or a pulled USB stick leaves it: whole pages missing.
    writeFile(path, whole.substr(0, whole.size() / 2 / 4096 * 4096));

    expectRefusedUntouched(path, "is damaged");
}

TEST(StartupCheck, databaseWithAPageOfGarbageIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    std::string bytes = readFile(path);
    const std::size_t pageSize = 4096;
    const std::size_t pages = bytes.size() / pageSize;
    ASSERT_GT(pages, 40u);
    // A page in the middle of the tickets: no check of the first pages alone would see it.
    bytes.replace((pages / 2) * pageSize, pageSize, randomBytes(pageSize, 11));
    writeFile(path, bytes);

    expectRefusedUntouched(path, "is damaged");
}

// Committed pages not yet in the main file, as a crashed or still running writer leaves them: a
// checkpoint on close would write them there.
static void commitLeavingWal(const std::string& path, const std::string& sql) {
    RawDatabase writer(path);
    writer.leaveWalOnClose();
    writer.exec(sql);
}

TEST(StartupCheck, damagedFileWithPagesStillInItsWalKeepsBothFiles) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, kManyPagesOfTickets);
    std::string bytes = readFile(path);
    bytes.replace((bytes.size() / 4096 / 2) * 4096, 4096, randomBytes(4096, 13));
    writeFile(path, bytes);
    commitLeavingWal(path, "PRAGMA journal_mode = WAL; INSERT INTO settings (key, value) VALUES ('left', 'in the wal')");
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "is damaged");
}

TEST(StartupCheck, newerSchemaWithPagesInItsWalIsRefusedAndBothFilesKeepTheirBytes) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    writeHealthyDatabase(path, 10);
    commitLeavingWal(path, "PRAGMA user_version = " + std::to_string(store::SqliteStore::kSchemaVersion + 1));
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "is newer than this program supports", false);
}

TEST(StartupCheck, databaseOfAnotherProgramWithPagesInItsWalIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir.file("contacts.db");
    commitLeavingWal(path, "PRAGMA journal_mode = WAL; CREATE TABLE contacts (name TEXT); "
                           "INSERT INTO contacts VALUES ('Rossi')");
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);

    expectRefusedUntouched(path, "another program", false);
}

// Issue #19: a version this program never writes, and any file with tables, is not ours.
TEST(StartupCheck, databaseOfAnotherProgramWithANegativeVersionIsRefusedUntouched) {
    TempDir dir;
    const auto withTables = dir.file("app.db");
    RawDatabase(withTables).exec("CREATE TABLE foo (x); INSERT INTO foo VALUES (1); PRAGMA user_version = -1");
    expectRefusedUntouched(withTables, "another program", false);
    EXPECT_EQ(RawDatabase(withTables).integer("SELECT count(*) FROM sqlite_schema"), 1);

    const auto empty = dir.file("empty.db");
    RawDatabase(empty).exec("PRAGMA user_version = -7");
    expectRefusedUntouched(empty, "another program", false);

    // A version above ours without a tickets table is not a newer ticket database either.
    const auto high = dir.file("high.db");
    RawDatabase(high).exec("CREATE TABLE foo (x); PRAGMA user_version = 99");
    expectRefusedUntouched(high, "another program", false);
}

// A rollback-journal file that says 1..7 but holds another program's tables: refused before the
// switch to WAL (bytes 18-19 of the header) or a migration, in plain words.
TEST(StartupCheck, databaseOfAnotherProgramClaimingATicketSchemaVersionIsRefusedUntouched) {
    for (int version = 1; version <= store::SqliteStore::kSchemaVersion; ++version) {
        SCOPED_TRACE("user_version " + std::to_string(version));
        TempDir dir;
        const auto path = dir.file("app.db");
        RawDatabase(path).exec("CREATE TABLE foo (x); INSERT INTO foo VALUES (1); PRAGMA user_version = " +
                               std::to_string(version));
        expectRefusedUntouched(path, "another program", false);
        const std::string message = refusalOf(path);
        EXPECT_NE(message.find("it has table foo"), std::string::npos) << message;
        EXPECT_EQ(message.find("preparing"), std::string::npos) << message;
        EXPECT_EQ(message.find("SQLite:"), std::string::npos) << message;
    }
}

// Our tables with someone else's beside them, or one of ours missing: not a file to write into.
TEST(StartupCheck, ticketDatabaseWithATableAddedOrDroppedIsRefusedUntouched) {
    TempDir dir;
    const auto added = dir.file("added.db");
    writeHealthyDatabase(added, 10);
    RawDatabase(added).exec("CREATE TABLE contacts (name TEXT)");
    expectRefusedUntouched(added, "it has table contacts", false);

    const auto dropped = dir.file("dropped.db");
    writeHealthyDatabase(dropped, 10);
    RawDatabase(dropped).exec("DROP TABLE calls");
    expectRefusedUntouched(dropped, "it lacks index calls_day on calls, table calls", false);

    const auto column = dir.file("column.db");
    writeHealthyDatabase(column, 10);
    RawDatabase(column).exec("ALTER TABLE settings ADD COLUMN note TEXT");
    expectRefusedUntouched(column, "its table settings has the columns note", false);
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
