// store::backupDatabase / restoreDatabase: copies taken while another connection writes are whole
// snapshots, a restore brings back exactly the tickets of the copy (also for a connection that
// had the file open all along), and a bad copy is refused without touching the database.
#include "kiosk/store/sqlite_backup.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <latch>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/store/sqlite_store.hpp"

namespace {

namespace fs = std::filesystem;
using domain::LocalDate;
using domain::StoreError;

using testing_support::TempDir;

using testing_support::readFile;
using testing_support::writeFile;

void exec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    const std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error(message);
}

const LocalDate kDay = LocalDate::parse("2026-11-30").value();

domain::NewTicketRequest adulti(int second) {
    domain::NewTicketRequest request;
    request.categoryId = "adulti";
    request.prefix = 'A';
    request.issuedAt = domain::LocalDateTime::parse("2026-11-30T09:00:00").value().plusSeconds(second);
    return request;
}

// Tickets of other days, in one transaction: pages for the copy to walk through.
void addHistory(const std::string& path, int tickets) {
    exec(path, "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " +
                   std::to_string(tickets) +
                   ") INSERT INTO tickets (service_day, category_id, number, code, issued_at) "
                   "SELECT date('2020-01-01', '+' || (i / 500) || ' days'), 'adulti', i % 500 + 1, "
                   "printf('A%03d', i % 500 + 1), date('2020-01-01', '+' || (i / 500) || ' days') || 'T09:00:00' "
                   "FROM n");
}

std::vector<std::string> codesOfDay(const std::string& path) {
    store::SqliteStore db(path);
    std::vector<std::string> codes;
    for (const auto& ticket : db.ticketsOfDay(kDay))
        codes.push_back(ticket.code + ":" + std::string(domain::toString(ticket.state)));
    return codes;
}

std::vector<int> numbersOfDay(const std::string& path) {
    store::SqliteStore db(path);
    std::vector<int> numbers;
    for (const auto& ticket : db.ticketsOfDay(kDay)) numbers.push_back(ticket.number);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

std::string errorOf(const auto& action) {
    try {
        action();
    } catch (const StoreError& e) {
        return e.what();
    }
    return "no StoreError thrown";
}

TEST(Backup, copiesTakenWhileAnotherConnectionIssuesTicketsAreWholeSnapshots) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore created(path); }
    addHistory(path, 20000);

    std::atomic<bool> stop{false};
    std::atomic<int> issued{0};
    std::latch writing(1);
    std::thread writer([&] {
        store::SqliteStore kiosk(path);
        for (int i = 0; !stop; ++i) {
            kiosk.issueTicket(adulti(i));
            if (issued.fetch_add(1) == 0) writing.count_down();
        }
    });
    writing.wait();

    constexpr int kCopies = 4;
    for (int c = 0; c < kCopies; ++c) {
        const auto copy = dir.file("copy" + std::to_string(c) + ".db");
        const int before = issued.load();
        const store::DatabaseCounts counts = store::backupDatabase(path, copy);
        const int after = issued.load();

        const store::DatabaseCounts inspected = store::inspectBackup(copy);  // integrity_check again
        EXPECT_EQ(inspected.tickets, counts.tickets);
        const std::vector<int> numbers = numbersOfDay(copy);
        // A snapshot: today's numbers gap-free from 1, as many as were issued at some moment
        // during the copy, plus the history untouched.
        std::vector<int> expected(numbers.size());
        std::iota(expected.begin(), expected.end(), 1);
        EXPECT_EQ(numbers, expected);
        EXPECT_GE(static_cast<int>(numbers.size()), before);
        EXPECT_LE(static_cast<int>(numbers.size()), after + 1);
        EXPECT_EQ(counts.tickets, 20000 + static_cast<std::int64_t>(numbers.size()));
        EXPECT_FALSE(fs::exists(copy + ".tmp"));
        EXPECT_FALSE(fs::exists(copy + "-wal"));
    }
    stop = true;
    writer.join();
    EXPECT_GT(issued.load(), kCopies) << "the writer must have been writing during the copies";
}

TEST(Backup, refusesToWriteOverTheDatabaseItself) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(path).issueTicket(adulti(0)); }
    const auto before = readFile(path);

    const auto message = errorOf([&] { store::backupDatabase(path, path); });

    EXPECT_NE(message.find("is the database itself"), std::string::npos) << message;
    EXPECT_EQ(readFile(path), before);
}

// Issue #19: "backup k.db-wal" used to succeed, and the copy then vanished with the -wal.
TEST(Backup, refusesToWriteOverAnyFileOfTheDatabaseWhetherItExistsOrNot) {
    const std::string kRefused = "is the database itself or one of its files";
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    fs::create_directories(dir.file("other"));
    fs::create_symlink(dir.path(), dir.file("other/link"));
    std::vector<std::string> targets;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        targets.push_back(path + suffix);
        targets.push_back(dir.file("other/../kiosk.db") + suffix);
        targets.push_back(dir.file("other/link/kiosk.db") + suffix);
    }
    {
        store::SqliteStore kiosk(path);  // running: its -wal and -shm are there
        for (int i = 0; i < 3; ++i) kiosk.issueTicket(adulti(i));
        ASSERT_TRUE(fs::exists(path + "-wal"));
        for (const auto& target : targets)
            EXPECT_NE(errorOf([&] { store::backupDatabase(path, target); }).find(kRefused), std::string::npos) << target;
        EXPECT_EQ(kiosk.issueTicket(adulti(10)).code, "A004");
    }
    ASSERT_FALSE(fs::exists(path + "-wal"));  // closed: the -wal and -shm are gone, and still refused
    for (const auto& target : targets)
        EXPECT_NE(errorOf([&] { store::backupDatabase(path, target); }).find(kRefused), std::string::npos) << target;
    EXPECT_FALSE(fs::exists(path + "-wal"));
    EXPECT_FALSE(fs::exists(path + "-journal"));
    EXPECT_EQ(codesOfDay(path).size(), 4u);

    // A second name of the same file, and a copy whose temporary file would be the database.
    fs::create_hard_link(path, dir.file("hard.db"));
    EXPECT_NE(errorOf([&] { store::backupDatabase(path, dir.file("hard.db")); }).find("is the database itself"),
              std::string::npos);
    const auto tmpNamed = dir.file("copy.db.tmp");
    fs::copy_file(path, tmpNamed);
    EXPECT_NE(errorOf([&] { store::backupDatabase(tmpNamed, dir.file("copy.db")); }).find("is the database itself"),
              std::string::npos);
    EXPECT_EQ(codesOfDay(tmpNamed).size(), 4u);
    EXPECT_EQ(codesOfDay(path).size(), 4u);
}

TEST(Backup, ofAMissingDatabaseSaysSoAndWritesNothing) {
    TempDir dir;
    const auto message = errorOf([&] { store::backupDatabase(dir.file("none.db"), dir.file("copy.db")); });
    EXPECT_NE(message.find("there is no database file " + dir.file("none.db")), std::string::npos) << message;
    EXPECT_FALSE(fs::exists(dir.file("copy.db")));
}

// The process's umask set for one test, and put back.
class Umask {
public:
    explicit Umask(mode_t mask) : m_before(::umask(mask)) {}
    ~Umask() { ::umask(m_before); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

private:
    mode_t m_before;
};

// "600": the permission bits in octal, as ls and chmod write them.
std::string modeOf(const std::string& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    char text[8];
    std::snprintf(text, sizeof text, "%o", static_cast<unsigned>(info.st_mode & 07777));
    return text;
}

// A copy holds the staff PIN's hash and the day's tickets and answers: only its owner may read
// it, whatever the umask (0: the loosest). The copy is its temporary file renamed, never chmod-ed
// afterwards: its mode is the one it had while it was written.
TEST(Backup, theCopyAndTheFoldersMadeForItAreTheOwnersOnlyWhateverTheUmask) {
    const Umask loosest(0);
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(path).issueTicket(adulti(0)); }
    const std::string folderBefore = modeOf(dir.path().string());

    store::backupDatabase(path, dir.file("new/sub/copy.db"));

    EXPECT_EQ(modeOf(dir.file("new/sub/copy.db")), "600");
    EXPECT_EQ(modeOf(dir.file("new/sub")), "700");
    EXPECT_EQ(modeOf(dir.file("new")), "700");
    EXPECT_EQ(modeOf(dir.path().string()), folderBefore) << "a folder that was there is not ours to change";
    EXPECT_FALSE(fs::exists(dir.file("new/sub/copy.db.tmp")));
}

TEST(Backup, theDailyFolderIsMadeTheOwnersOnlyAlsoForOlderCopies) {
    const Umask loosest(0);
    TempDir dir;
    fs::create_directories(dir.file("backups"));
    ::chmod(dir.file("backups").c_str(), 0755);
    EXPECT_EQ(store::makeBackupFolderPrivate(dir.file("backups")), "");
    EXPECT_EQ(modeOf(dir.file("backups")), "700");
    EXPECT_EQ(store::makeBackupFolderPrivate(dir.file("none")), "");  // not there yet: made at the first copy
    EXPECT_FALSE(fs::exists(dir.file("none")));
}

TEST(Restore, theSafetyCopyIsTheOwnersOnlyAlsoWhenTheDatabaseIsGarbage) {
    const Umask loosest(0);
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(path).issueTicket(adulti(0)); }
    store::backupDatabase(path, dir.file("copy.db"));
    store::restoreDatabase(path, dir.file("copy.db"), dir.file("kiosk.db.before"));
    EXPECT_EQ(modeOf(dir.file("kiosk.db.before")), "600");

    // Not a database: its bytes are copied as they are (keepCurrent's other way).
    writeFile(dir.file("garbage.db"), std::string(8192, 'x'));
    ::chmod(dir.file("garbage.db").c_str(), 0644);
    store::restoreDatabase(dir.file("garbage.db"), dir.file("copy.db"), dir.file("garbage.db.before"));
    EXPECT_EQ(readFile(dir.file("garbage.db.before")), std::string(8192, 'x'));
    EXPECT_EQ(modeOf(dir.file("garbage.db.before")), "600");
}

TEST(Restore, bringsBackExactlyTheTicketsOfTheCopyAlsoForAConnectionOpenAllAlong) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    store::SqliteStore runningKiosk(path);  // a kiosk that keeps the file open during the restore
    for (int i = 0; i < 5; ++i) runningKiosk.issueTicket(adulti(i));
    runningKiosk.setSetting("staff_pin", "before");
    store::backupDatabase(path, dir.file("copy.db"));
    const auto backedUp = codesOfDay(path);
    for (int i = 5; i < 9; ++i) runningKiosk.issueTicket(adulti(i));
    runningKiosk.setSetting("staff_pin", "after");
    const auto beforeRestore = codesOfDay(path);

    const store::RestoreResult result = store::restoreDatabase(path, dir.file("copy.db"), dir.file("kiosk.db.before"));

    EXPECT_EQ(result.restored.tickets, 5);
    EXPECT_EQ(codesOfDay(path), backedUp);
    EXPECT_EQ(codesOfDay(dir.file("kiosk.db.before")), beforeRestore);
    // The kiosk's own connection reads the restored database, and numbering goes on from it.
    EXPECT_EQ(runningKiosk.ticketsOfDay(kDay).size(), 5u);
    EXPECT_EQ(runningKiosk.setting("staff_pin"), "before");
    EXPECT_EQ(runningKiosk.issueTicket(adulti(100)).number, 6);
}

TEST(Restore, intoAFileThatIsNoDatabaseReplacesItAndKeepsItsBytes) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(dir.file("good.db")).issueTicket(adulti(0)); }
    store::backupDatabase(dir.file("good.db"), dir.file("copy.db"));
    const std::string garbage(8192, 'x');
    writeFile(path, garbage);

    store::restoreDatabase(path, dir.file("copy.db"), dir.file("kiosk.db.before"));

    EXPECT_EQ(codesOfDay(path), (std::vector<std::string>{"A001:waiting"}));
    EXPECT_EQ(readFile(dir.file("kiosk.db.before")), garbage);
}

// Issue #19: two restores within the same second used to write their safety copies under one
// name, and the second replaced the first, with the only copy of the tickets it kept.
TEST(Restore, neverReplacesAnEarlierSafetyCopy) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(dir.file("good.db")).issueTicket(adulti(0)); }
    store::backupDatabase(dir.file("good.db"), dir.file("copy.db"));
    {
        store::SqliteStore kiosk(path);
        for (int i = 0; i < 3; ++i) kiosk.issueTicket(adulti(i));
    }
    const auto kept = dir.file("kiosk.db.before");

    const auto first = store::restoreDatabase(path, dir.file("copy.db"), kept);
    const auto firstBytes = readFile(kept);
    const auto second = store::restoreDatabase(path, dir.file("copy.db"), kept);

    EXPECT_EQ(first.previousCopy, kept);
    EXPECT_EQ(second.previousCopy, kept + "-2");
    EXPECT_TRUE(readFile(kept) == firstBytes) << "the first safety copy changed";

    // A database SQLite cannot read is kept byte for byte, under a free name too.
    const std::string garbage(8192, 'x');
    writeFile(path, garbage);
    const auto third = store::restoreDatabase(path, dir.file("copy.db"), kept);
    EXPECT_EQ(third.previousCopy, kept + "-3");
    EXPECT_TRUE(readFile(kept + "-3") == garbage);
    EXPECT_TRUE(readFile(kept) == firstBytes) << "the first safety copy changed";

    EXPECT_EQ(codesOfDay(kept).size(), 3u);
    EXPECT_EQ(codesOfDay(kept + "-2").size(), 1u);
    EXPECT_EQ(codesOfDay(path).size(), 1u);
}

// A restore refused: the message says why, the database keeps every byte, nothing is kept aside.
void expectRestoreRefused(const std::string& backup, const std::string& expectedWords) {
    const fs::path folder = fs::path(backup).parent_path();
    const std::string path = (folder / "kiosk.db").string();
    { store::SqliteStore(path).issueTicket(adulti(0)); }
    const auto before = readFile(path);

    const auto message = errorOf([&] { store::restoreDatabase(path, backup, path + ".before"); });

    EXPECT_NE(message.find(backup), std::string::npos) << message;
    EXPECT_NE(message.find(expectedWords), std::string::npos) << message;
    EXPECT_EQ(readFile(path), before);
    EXPECT_FALSE(fs::exists(path + ".before"));
}

TEST(Restore, refusesAFileOfGarbage) {
    TempDir dir;
    writeFile(dir.file("copy.db"), std::string(10000, '\x5a'));
    expectRestoreRefused(dir.file("copy.db"), "is not a readable SQLite database");
}

TEST(Restore, refusesACopyOfANewerSchema) {
    TempDir dir;
    { store::SqliteStore(dir.file("copy.db")).issueTicket(adulti(0)); }
    exec(dir.file("copy.db"), "PRAGMA user_version = " + std::to_string(store::SqliteStore::kSchemaVersion + 1));
    expectRestoreRefused(dir.file("copy.db"), "newer version of this program");
}

TEST(Restore, refusesAnotherProgramsDatabase) {
    TempDir dir;
    exec(dir.file("copy.db"), "CREATE TABLE contacts (name TEXT)");
    expectRestoreRefused(dir.file("copy.db"), "not a ticket database of this program");
}

// Issue #19: a user_version of ours is not enough; the check is made before anything is kept aside or written.
TEST(Restore, refusesAnotherProgramsDatabaseThatClaimsATicketSchemaVersion) {
    TempDir dir;
    exec(dir.file("copy.db"), "CREATE TABLE tickets (name TEXT); PRAGMA user_version = 3");
    expectRestoreRefused(dir.file("copy.db"), "not a ticket database of this program (it lacks");
}

TEST(Restore, refusesADamagedCopy) {
    TempDir dir;
    { store::SqliteStore created(dir.file("copy.db")); }
    addHistory(dir.file("copy.db"), 3000);
    std::string bytes = readFile(dir.file("copy.db"));
    bytes.replace(bytes.size() / 4096 / 2 * 4096, 4096, std::string(4096, '\x33'));
    writeFile(dir.file("copy.db"), bytes);
    expectRestoreRefused(dir.file("copy.db"), "is damaged");
}

TEST(Restore, aCopyOfAnOlderSchemaIsBroughtUpToDate) {
    TempDir dir;
    { store::SqliteStore(dir.file("old.db")).issueTicket(adulti(0)); }
    // What version 3 had: no survey columns and no answers table (nor the aggregates of versions 5 and 6, nor the scheda counters of 7).
    exec(dir.file("old.db"),
         "DROP TRIGGER interview_days_insert; DROP TRIGGER interview_days_delete; "
         "DROP TRIGGER interview_days_update_old; DROP TRIGGER interview_days_update_new; DROP TABLE interview_days; "
         "DROP TRIGGER demand_cells_insert; DROP TRIGGER demand_cells_update; DROP TRIGGER demand_cells_delete; "
         "DROP TABLE demand_cells; DROP TABLE survey_score_counts; DROP TABLE contact_tallies; "
         "DROP INDEX tickets_demand; DROP INDEX tickets_survey_code; DROP TABLE survey_answers; "
         "ALTER TABLE tickets DROP COLUMN survey_used; ALTER TABLE tickets DROP COLUMN survey_code; "
         "PRAGMA user_version = 3");
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore(path).issueTicket(adulti(1)); }

    store::restoreDatabase(path, dir.file("old.db"), path + ".before");

    store::SqliteStore restored(path);
    EXPECT_EQ(restored.ticketsOfDay(kDay).size(), 1u);
    EXPECT_FALSE(restored.issueTicket(adulti(2)).surveyCode.empty());
}

}  // namespace
