#include "domain/civil_time.hpp"

#include <gtest/gtest.h>

using domain::LocalDate;
using domain::LocalDateTime;

TEST(CivilTime, parsesAndPrintsIsoDates) {
    auto d = LocalDate::parse("2026-11-30");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->iso(), "2026-11-30");
    EXPECT_FALSE(LocalDate::parse("2026-02-30"));
    EXPECT_FALSE(LocalDate::parse("30/11/2026"));
}

TEST(CivilTime, knowsTheWeekday) {
    EXPECT_EQ(LocalDate::parse("2026-11-30")->weekdayIso(), 1);  // a Monday
    EXPECT_EQ(LocalDate::parse("2026-12-25")->weekdayIso(), 5);  // a Friday
    EXPECT_EQ(LocalDate::parse("2026-11-29")->weekdayIso(), 7);
}

TEST(CivilTime, addsDaysAcrossMonthsAndLeapYears) {
    EXPECT_EQ(LocalDate::parse("2028-02-28")->plusDays(1).iso(), "2028-02-29");
    EXPECT_EQ(LocalDate::parse("2026-12-31")->plusDays(1).iso(), "2027-01-01");
    EXPECT_EQ(LocalDate::parse("2027-01-01")->plusDays(-1).iso(), "2026-12-31");
}

TEST(CivilTime, parsesLocalTimesWithOrWithoutSeconds) {
    auto t = LocalDateTime::parse("2026-11-30T15:45");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->iso(), "2026-11-30T15:45:00");
    EXPECT_EQ(t->hhmm(), "15:45");
    EXPECT_EQ(LocalDateTime::parse("2026-11-30T15:45:09")->secondOfDay, 15 * 3600 + 45 * 60 + 9);
    EXPECT_FALSE(LocalDateTime::parse("2026-11-30T25:00"));
    EXPECT_FALSE(LocalDateTime::parse("2026-11-30"));
}

TEST(CivilTime, secondsCrossMidnight) {
    auto t = *LocalDateTime::parse("2026-11-30T23:59:30");
    auto later = t.plusSeconds(45);
    EXPECT_EQ(later.iso(), "2026-12-01T00:00:15");
    EXPECT_EQ(later.secondsSince(t), 45);
    EXPECT_EQ(t.plusSeconds(-86400).iso(), "2026-11-29T23:59:30");
}
