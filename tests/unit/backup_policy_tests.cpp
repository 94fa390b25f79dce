// Which daily copies are written and deleted: names in, names out.
#include "domain/backup_policy.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using domain::LocalDate;
using domain::planDailyBackup;
using Names = std::vector<std::string>;

LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }

TEST(BackupPolicy, namesCarryTheDay) {
    EXPECT_EQ(domain::dailyBackupName(day("2026-03-07")), "segretariato-2026-03-07.db");
    EXPECT_EQ(domain::dailyBackupDay("segretariato-2026-03-07.db"), day("2026-03-07"));
}

TEST(BackupPolicy, otherNamesAreNotDailyCopies) {
    for (const char* name : {"segretariato-2026-03-07.db.tmp", "segretariato-2026-3-07.db", "segretariato-2026-02-30.db",
                             "Segretariato-2026-03-07.db", "segretariato-2026-03-07.db-wal", "kiosk.db",
                             "segretariato-2026-03-07.sqlite", "xsegretariato-2026-03-07.db", ""})
        EXPECT_FALSE(domain::dailyBackupDay(name)) << name;
}

TEST(BackupPolicy, firstRunCreatesTodaysCopyAndDeletesNothing) {
    const auto plan = planDailyBackup({}, 14, day("2026-11-30"));
    EXPECT_EQ(plan.create, "segretariato-2026-11-30.db");
    EXPECT_TRUE(plan.remove.empty());
}

TEST(BackupPolicy, todaysCopyPresentMeansNothingToDo) {
    const auto plan = planDailyBackup({"segretariato-2026-11-29.db", "segretariato-2026-11-30.db"}, 14, day("2026-11-30"));
    EXPECT_FALSE(plan.create);
    EXPECT_TRUE(plan.remove.empty());
}

TEST(BackupPolicy, beyondKeepTheOldestGoOldestFirstTodaysIncluded) {
    const Names existing = {"segretariato-2026-11-27.db", "segretariato-2026-11-25.db", "segretariato-2026-11-29.db",
                            "segretariato-2026-11-26.db"};
    const auto plan = planDailyBackup(existing, 3, day("2026-11-30"));
    EXPECT_EQ(plan.create, "segretariato-2026-11-30.db");
    EXPECT_EQ(plan.remove, (Names{"segretariato-2026-11-25.db", "segretariato-2026-11-26.db"}));
}

TEST(BackupPolicy, keepOneLeavesOnlyTodays) {
    const auto plan = planDailyBackup({"segretariato-2026-11-29.db"}, 1, day("2026-11-30"));
    EXPECT_EQ(plan.create, "segretariato-2026-11-30.db");
    EXPECT_EQ(plan.remove, (Names{"segretariato-2026-11-29.db"}));
}

TEST(BackupPolicy, otherFilesInTheFolderAreNeverDeleted) {
    const Names existing = {"segretariato-2026-11-28.db", "segretariato-2026-11-29.db", "note.txt",
                            "segretariato-2026-11-01.db.tmp", "kiosk.db.before-restore-20261101-101500"};
    const auto plan = planDailyBackup(existing, 1, day("2026-11-30"));
    EXPECT_EQ(plan.remove, (Names{"segretariato-2026-11-28.db", "segretariato-2026-11-29.db"}));
}

TEST(BackupPolicy, aCopyDatedInTheFutureCountsAsOneOfTheNewest) {
    // The PC's clock said December for a while: that copy is kept, the oldest goes.
    const Names existing = {"segretariato-2026-12-15.db", "segretariato-2026-11-28.db", "segretariato-2026-11-29.db"};
    const auto plan = planDailyBackup(existing, 3, day("2026-11-30"));
    EXPECT_EQ(plan.create, "segretariato-2026-11-30.db");
    EXPECT_EQ(plan.remove, (Names{"segretariato-2026-11-28.db"}));
}

// Issue #19: with the PC's clock behind the newest copy, today's copy was the "oldest" and was
// deleted as soon as written. It stays; the others are aged by the dates in their names.
TEST(BackupPolicy, withTheClockBehindTheNewestCopyTodaysCopyStaysAndTheOldestOtherGoes) {
    const Names existing = {"segretariato-2027-01-15.db", "segretariato-2027-01-14.db", "segretariato-2027-01-16.db"};
    const auto plan = planDailyBackup(existing, 3, day("2026-12-01"));
    EXPECT_EQ(plan.create, "segretariato-2026-12-01.db");
    EXPECT_EQ(plan.remove, (Names{"segretariato-2027-01-14.db"}));
    EXPECT_EQ(plan.newestAfterToday, day("2027-01-16"));

    const auto keepOne = planDailyBackup(existing, 1, day("2026-12-01"));
    EXPECT_EQ(keepOne.remove,
              (Names{"segretariato-2027-01-14.db", "segretariato-2027-01-15.db", "segretariato-2027-01-16.db"}));
}

TEST(BackupPolicy, todaysCopyIsNeverAmongTheOnesToDelete) {
    // Already written today, with the clock behind: a plan still never names it.
    const Names existing = {"segretariato-2027-01-16.db", "segretariato-2026-12-01.db"};
    const auto plan = planDailyBackup(existing, 1, day("2026-12-01"));
    EXPECT_FALSE(plan.create);
    EXPECT_EQ(plan.remove, (Names{"segretariato-2027-01-16.db"}));
    EXPECT_FALSE(planDailyBackup({"segretariato-2026-11-29.db"}, 3, day("2026-11-30")).newestAfterToday);
}

TEST(BackupPolicy, aKeepBelowOneStillKeepsTodaysCopy) {
    const auto plan = planDailyBackup({}, 0, day("2026-11-30"));
    EXPECT_EQ(plan.create, "segretariato-2026-11-30.db");
    EXPECT_TRUE(plan.remove.empty());
}

}  // namespace
