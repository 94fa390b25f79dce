// kioskctl backup / restore / vacuum and the start-up checks, as a script or systemd timer runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <sys/stat.h>

#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::readFile;
using testing_support::runProcess;
using testing_support::TempDir;

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
// A Monday afternoon when Gorgonzola hands out numbers.
const std::string kOpen = "2026-11-30T15:30";

ProcessResult kioskctl(const std::string& db, std::vector<std::string> args, const std::string& now = kOpen,
                       const std::string& config = kConfig) {
    std::vector<std::string> all = {"--config", config, "--db", db, "--now", now};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Another program's file, written as that program would (no kiosk code involved).
void forge(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> namesIn(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Gorgonzola's config with its [backup] section replaced.
std::string configWithBackup(const TempDir& dir, const std::string& backupSection) {
    std::string text = readFile(kConfig);
    const std::string shipped = "[backup]\nenabled = true\nkeep = 14\n";
    const auto at = text.find(shipped);
    if (at == std::string::npos) throw std::runtime_error("the shipped [backup] section changed");
    text.replace(at, shipped.size(), backupSection);
    const std::string path = dir.file("office.toml");
    writeBytes(path, text);
    return path;
}

TEST(BackupCli, backupThenRestoreBringsBackTheTicketsAndKeepsTheReplacedDatabase) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);

    const ProcessResult backup = kioskctl(db, {"backup", dir.file("copy.db")});
    EXPECT_EQ(backup.exitCode, 0) << backup.err;
    EXPECT_TRUE(contains(backup.out, "backup written: " + dir.file("copy.db"))) << backup.out;
    EXPECT_TRUE(contains(backup.out, "tickets: 2\n")) << backup.out;
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);

    const ProcessResult restore = kioskctl(db, {"restore", dir.file("copy.db")}, "2026-11-30T16:05:09");
    EXPECT_EQ(restore.exitCode, 0) << restore.err;
    EXPECT_TRUE(contains(restore.out, "tickets: 2\n")) << restore.out;
    const auto kept = db + ".before-restore-20261130-160509";
    EXPECT_TRUE(contains(restore.out, "kept as " + kept)) << restore.out;
    EXPECT_TRUE(fs::exists(kept));

    const ProcessResult status = kioskctl(db, {"status", "--json"});
    EXPECT_TRUE(contains(status.out, "A002")) << status.out;
    EXPECT_FALSE(contains(status.out, "A003")) << status.out;
    // The next number follows the restored ones.
    EXPECT_EQ(kioskctl(db, {"take", "adulti"}).out.substr(0, 4), "A003");
    EXPECT_TRUE(contains(kioskctl(kept, {"status", "--json"}).out, "A003"));
}

// Issue #19: the copy used to be reported written, then vanished with the -wal it had replaced.
TEST(BackupCli, aBackupOntoTheDatabasesOwnFilesIsRefused) {
    TempDir dir;
    const auto db = dir.file("k.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    ASSERT_FALSE(fs::exists(db + "-wal"));
    const std::string before = readFile(db);

    for (const char* suffix : {"-wal", "-shm", "-journal", ""}) {
        const ProcessResult backup = kioskctl(db, {"backup", db + suffix});
        EXPECT_EQ(backup.exitCode, 4) << suffix << backup.out;
        EXPECT_TRUE(contains(backup.err, "is the database itself or one of its files")) << backup.err;
        EXPECT_FALSE(contains(backup.out, "backup written")) << backup.out;
    }
    EXPECT_EQ(readFile(db), before);
    EXPECT_EQ(namesIn(dir.path().string()), std::vector<std::string>{"k.db"});
    EXPECT_TRUE(contains(kioskctl(db, {"status", "--json"}).out, "A001"));
}

// Issue #19: the second restore of the same second used to replace the first one's safety copy.
TEST(BackupCli, twoRestoresWithinOneSecondKeepBothSafetyCopies) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    ASSERT_EQ(kioskctl(db, {"backup", dir.file("copy.db")}).exitCode, 0);
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);

    const ProcessResult first = kioskctl(db, {"restore", dir.file("copy.db")}, "2026-11-30T16:05:09");
    const ProcessResult second = kioskctl(db, {"restore", dir.file("copy.db")}, "2026-11-30T16:05:09");

    ASSERT_EQ(first.exitCode, 0) << first.err;
    ASSERT_EQ(second.exitCode, 0) << second.err;
    const auto kept = db + ".before-restore-20261130-160509";
    EXPECT_TRUE(contains(first.out, "kept as " + kept + "\n")) << first.out;
    EXPECT_TRUE(contains(second.out, "kept as " + kept + "-2\n")) << second.out;
    // The first copy still holds the three tickets the first restore replaced.
    EXPECT_TRUE(contains(kioskctl(kept, {"status", "--json"}).out, "A003"));
    EXPECT_FALSE(contains(kioskctl(kept + "-2", {"status", "--json"}).out, "A002"));
}

TEST(BackupCli, dailyBackupWritesOneCopyADayAndKeepsTheNewestTwo) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    const auto folder = dir.file("copie");
    const auto config = configWithBackup(dir, "[backup]\ndirectory = \"" + folder + "\"\nkeep = 2\n");
    fs::create_directories(folder);
    writeBytes(folder + "/leggimi.txt", "non toccare");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}, kOpen, config).exitCode, 0);

    for (const char* day : {"2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"}) {
        const ProcessResult first = kioskctl(db, {"backup", "--daily"}, std::string(day) + "T08:00", config);
        EXPECT_EQ(first.exitCode, 0) << first.err;
        EXPECT_TRUE(contains(first.out, "daily copy written: " + folder + "/segretariato-" + day + ".db")) << first.out;
        const ProcessResult again = kioskctl(db, {"backup", "--daily"}, std::string(day) + "T18:00", config);
        EXPECT_EQ(again.exitCode, 0) << again.err;
        EXPECT_TRUE(contains(again.out, "already")) << again.out;
    }

    EXPECT_EQ(namesIn(folder), (std::vector<std::string>{"leggimi.txt", "segretariato-2026-12-02.db",
                                                         "segretariato-2026-12-03.db"}));
    EXPECT_EQ(readFile(folder + "/leggimi.txt"), "non toccare");
    const ProcessResult copy = kioskctl(folder + "/segretariato-2026-12-03.db", {"status", "--json"});
    EXPECT_TRUE(contains(copy.out, "A001")) << copy.out;
}

// Issue #19: with the PC's clock behind the newest copy, today's copy was written and deleted
// straight away as "old".
TEST(BackupCli, dailyBackupWithTheClockBehindTheNewestCopyKeepsTodaysCopy) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    const auto folder = dir.file("copie");
    const auto config = configWithBackup(dir, "[backup]\ndirectory = \"" + folder + "\"\nkeep = 2\n");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}, kOpen, config).exitCode, 0);
    for (const char* day : {"2027-01-15", "2027-01-16"})
        ASSERT_EQ(kioskctl(db, {"backup", "--daily"}, std::string(day) + "T08:00", config).exitCode, 0);

    const ProcessResult behind = kioskctl(db, {"backup", "--daily"}, "2026-12-01T08:00", config);

    EXPECT_EQ(behind.exitCode, 0) << behind.err;
    EXPECT_TRUE(contains(behind.out, "daily copy written: " + folder + "/segretariato-2026-12-01.db")) << behind.out;
    EXPECT_TRUE(contains(behind.out, "deleted old copy: " + folder + "/segretariato-2027-01-15.db")) << behind.out;
    EXPECT_TRUE(contains(behind.err, "check the PC's clock")) << behind.err;
    EXPECT_EQ(namesIn(folder), (std::vector<std::string>{"segretariato-2026-12-01.db", "segretariato-2027-01-16.db"}));
}

TEST(BackupCli, dailyBackupGoesNextToTheDatabaseByDefaultAndCanBeDisabled) {
    TempDir dir;
    const auto db = dir.file("dati/kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    EXPECT_EQ(kioskctl(db, {"backup", "--daily"}).exitCode, 0);
    EXPECT_TRUE(fs::exists(dir.file("dati/backups/segretariato-2026-11-30.db")));

    const auto off = configWithBackup(dir, "[backup]\nenabled = false\n");
    const ProcessResult disabled = kioskctl(db, {"backup", "--daily"}, "2026-12-01T08:00", off);
    EXPECT_EQ(disabled.exitCode, 0);
    EXPECT_TRUE(contains(disabled.out, "disabled")) << disabled.out;
    EXPECT_FALSE(fs::exists(dir.file("dati/backups/segretariato-2026-12-01.db")));
}

// "600": the permission bits in octal, as ls and chmod write them.
std::string modeOf(const std::string& path) {
    char text[8];
    std::snprintf(text, sizeof text, "%o", static_cast<unsigned>(fs::status(path).permissions()));
    return text;
}

// The timer's run under a umask that lets everyone read (Debian's default 022, here 0): the copies
// and their folder are the kiosk user's only, also the folder an older version made 0755.
TEST(BackupCli, dailyCopiesAndTheirFolderAreReadableByTheKioskUserOnly) {
    const mode_t before = ::umask(0);
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    fs::create_directories(dir.file("backups"));
    fs::permissions(dir.file("backups"), fs::perms(0755));
    writeBytes(dir.file("backups/segretariato-2026-11-29.db"), "an older copy");
    fs::permissions(dir.file("backups/segretariato-2026-11-29.db"), fs::perms(0644));

    const ProcessResult daily = kioskctl(db, {"backup", "--daily"});
    const ProcessResult single = kioskctl(db, {"backup", dir.file("usb/copy.db")});
    ::umask(before);
    ASSERT_EQ(daily.exitCode, 0) << daily.err;
    ASSERT_EQ(single.exitCode, 0) << single.err;
    EXPECT_EQ(modeOf(dir.file("backups")), "700");
    EXPECT_EQ(modeOf(dir.file("backups/segretariato-2026-11-30.db")), "600");
    EXPECT_EQ(modeOf(dir.file("usb")), "700");
    EXPECT_EQ(modeOf(dir.file("usb/copy.db")), "600");
}

TEST(BackupCli, restoreOfGarbageExitsFourAndLeavesTheDatabaseAlone) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    writeBytes(dir.file("copy.db"), std::string(5000, '?'));
    const std::string before = readFile(db);

    const ProcessResult restore = kioskctl(db, {"restore", dir.file("copy.db")});

    EXPECT_EQ(restore.exitCode, 4);
    EXPECT_TRUE(contains(restore.err, dir.file("copy.db"))) << restore.err;
    EXPECT_TRUE(contains(restore.err, "not a readable SQLite database")) << restore.err;
    EXPECT_EQ(readFile(db), before);
    EXPECT_EQ(namesIn(dir.path().string()).size(), 2u);  // kiosk.db and copy.db: nothing kept aside
}

TEST(BackupCli, aDamagedDatabaseStopsEveryCommandWithExitFourAndHowToRestore) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    std::mt19937 generator(3);
    std::string garbage(32768, '\0');
    for (auto& byte : garbage) byte = static_cast<char>(generator() & 0xff);
    writeBytes(db, garbage);

    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"status"}, {"take", "adulti"}, {"backup", dir.file("copy.db")}, {"vacuum"}}) {
        const ProcessResult result = kioskctl(db, command);
        EXPECT_EQ(result.exitCode, 4) << command.front();
        EXPECT_TRUE(contains(result.err, db)) << result.err;
        EXPECT_TRUE(contains(result.err, "kioskctl --db " + db + " restore BACKUP_FILE")) << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
    }
    EXPECT_EQ(readFile(db), garbage);
    EXPECT_FALSE(fs::exists(dir.file("copy.db")));
}

// Issue #19: a file of another program, whatever its user_version says, is refused by every
// command (doctor included) and keeps every byte.
TEST(BackupCli, aDatabaseOfAnotherProgramIsRefusedByEveryCommandAndKeepsItsBytes) {
    for (const char* version : {"-1", "1", "7"}) {
        TempDir dir;
        const auto db = dir.file("app.db");
        forge(db, std::string("create table foo(x); insert into foo values(1); pragma user_version=") + version + ";");
        const std::string before = readFile(db);

        for (const std::vector<std::string>& command :
             {std::vector<std::string>{"status"}, {"take", "adulti"}, {"doctor"}}) {
            const ProcessResult result = kioskctl(db, command);
            EXPECT_EQ(result.exitCode, command.front() == "doctor" ? 14 : 4) << version << " " << command.front();
            const std::string said = result.err + result.out;
            EXPECT_TRUE(contains(said, db + " is an SQLite database of another program")) << said;
            EXPECT_FALSE(contains(said, "A001")) << said;
        }
        EXPECT_EQ(readFile(db), before) << "user_version " << version;
        EXPECT_EQ(namesIn(dir.path().string()), std::vector<std::string>{"app.db"}) << "user_version " << version;
    }
}

TEST(BackupCli, usageMistakesExitTwo) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    EXPECT_EQ(kioskctl(db, {"backup"}).exitCode, 2);
    EXPECT_EQ(kioskctl(db, {"backup", "--daily", dir.file("x.db")}).exitCode, 2);
    EXPECT_EQ(runProcess(KIOSKCTL_BIN, {"--db", db, "backup", "--daily"}).exitCode, 2);
    EXPECT_EQ(kioskctl(db, {"restore"}).exitCode, 2);
}

TEST(BackupCli, vacuumKeepsEveryTicket) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}).exitCode, 0);
    const ProcessResult vacuum = kioskctl(db, {"vacuum"});
    EXPECT_EQ(vacuum.exitCode, 0) << vacuum.err;
    EXPECT_TRUE(contains(vacuum.out, "tickets: 1\n")) << vacuum.out;
    EXPECT_TRUE(contains(kioskctl(db, {"status", "--json"}).out, "A001"));
}

}  // namespace
