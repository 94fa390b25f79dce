#include "domain/opening_hours.hpp"

#include <gtest/gtest.h>

#include <string>

using domain::Closure;
using domain::HoursConfig;
using domain::LocalDate;
using domain::LocalDateTime;
using domain::OpeningCalendar;
using domain::Session;

namespace {

LocalDate date(const char* iso) {
    auto d = LocalDate::parse(iso);
    EXPECT_TRUE(d) << iso;
    return d.value_or(LocalDate{});
}

LocalDateTime at(const char* iso) {
    auto t = LocalDateTime::parse(iso);
    EXPECT_TRUE(t) << iso;
    return t.value_or(LocalDateTime{});
}

constexpr int hm(int hours, int minutes) { return hours * 60 + minutes; }

// The Gorgonzola demo timetable from the charter: three weekly openings, one interview room.
HoursConfig gorgonzolaHours() {
    HoursConfig hours;
    hours.weekly = {
        {1, hm(15, 30), hm(17, 0), 1},
        {3, hm(16, 30), hm(18, 30), 1},
        {5, hm(9, 30), hm(11, 30), 1},
    };
    hours.patron = {6, 19, "Santi Gervaso e Protaso"};
    return hours;
}

std::string startOf(const std::optional<Session>& s) { return s ? s->start().iso() : "none"; }

class OpeningCalendarTest : public ::testing::Test {
protected:
    HoursConfig hours = gorgonzolaHours();
    OpeningCalendar calendar{hours};
};

}  // namespace

// --- Easter and national holidays -------------------------------------------------------------

TEST(Easter, matchesPublishedDatesAcrossYears) {
    EXPECT_EQ(domain::easterSunday(2000).iso(), "2000-04-23");
    EXPECT_EQ(domain::easterSunday(2024).iso(), "2024-03-31");
    EXPECT_EQ(domain::easterSunday(2025).iso(), "2025-04-20");
    EXPECT_EQ(domain::easterSunday(2026).iso(), "2026-04-05");
    EXPECT_EQ(domain::easterSunday(2027).iso(), "2027-03-28");
    EXPECT_EQ(domain::easterSunday(2038).iso(), "2038-04-25");
}

TEST(Easter, isAlwaysASunday) {
    for (int year = 1900; year <= 2100; ++year)
        EXPECT_EQ(domain::easterSunday(year).weekdayIso(), 7) << year;
}

TEST(NationalHoliday, namesEasterAndItsMondayInItalian) {
    EXPECT_EQ(domain::nationalHoliday(date("2026-04-05")), "Pasqua");
    EXPECT_EQ(domain::nationalHoliday(date("2026-04-06")), "Luned\u00ec dell'Angelo");
    EXPECT_EQ(domain::nationalHoliday(date("2027-03-29")), "Luned\u00ec dell'Angelo");
    EXPECT_FALSE(domain::nationalHoliday(date("2026-04-07")));
}

TEST(NationalHoliday, namesTheFixedHolidays) {
    EXPECT_EQ(domain::nationalHoliday(date("2026-01-01")), "Capodanno");
    EXPECT_EQ(domain::nationalHoliday(date("2026-01-06")), "Epifania");
    EXPECT_EQ(domain::nationalHoliday(date("2026-04-25")), "Festa della Liberazione");
    EXPECT_EQ(domain::nationalHoliday(date("2026-05-01")), "Festa del Lavoro");
    EXPECT_EQ(domain::nationalHoliday(date("2026-06-02")), "Festa della Repubblica");
    EXPECT_EQ(domain::nationalHoliday(date("2026-08-15")), "Ferragosto");
    EXPECT_EQ(domain::nationalHoliday(date("2026-11-01")), "Ognissanti");
    EXPECT_EQ(domain::nationalHoliday(date("2026-12-08")), "Immacolata Concezione");
    EXPECT_EQ(domain::nationalHoliday(date("2026-12-25")), "Natale");
    EXPECT_EQ(domain::nationalHoliday(date("2026-12-26")), "Santo Stefano");
}

TEST(NationalHoliday, leavesOrdinaryDaysAndPlainSundaysOut) {
    EXPECT_FALSE(domain::nationalHoliday(date("2026-11-30")));
    EXPECT_FALSE(domain::nationalHoliday(date("2026-11-29")));  // a Sunday
    EXPECT_FALSE(domain::nationalHoliday(date("2026-06-19")));  // patron days are local, not national
}

TEST(NationalHoliday, countsSanFrancescoOnlyFrom2026) {
    EXPECT_FALSE(domain::nationalHoliday(date("2025-10-04")));
    EXPECT_EQ(domain::nationalHoliday(date("2026-10-04")), "San Francesco d'Assisi");
    EXPECT_EQ(domain::nationalHoliday(date("2027-10-04")), "San Francesco d'Assisi");
}

// --- Closed days ------------------------------------------------------------------------------

TEST_F(OpeningCalendarTest, easterMondayCancelsTheMondaySession) {
    EXPECT_EQ(calendar.closedReason(date("2026-04-06")), "Luned\u00ec dell'Angelo");
    EXPECT_TRUE(calendar.sessionsOn(date("2026-04-06")).empty());
    EXPECT_FALSE(calendar.sessionAt(at("2026-04-06T16:00")));
    EXPECT_EQ(calendar.sessionsOn(date("2026-04-13")).size(), 1u);  // the following Monday is normal
}

TEST_F(OpeningCalendarTest, christmasFridayIsClosedAsNatale) {
    ASSERT_EQ(date("2026-12-25").weekdayIso(), 5);
    EXPECT_EQ(calendar.closedReason(date("2026-12-25")), "Natale");
    EXPECT_TRUE(calendar.sessionsOn(date("2026-12-25")).empty());
    EXPECT_FALSE(calendar.sessionAt(at("2026-12-25T10:00")));
}

TEST_F(OpeningCalendarTest, patronDayClosesWithTheSaintsName) {
    ASSERT_EQ(date("2026-06-19").weekdayIso(), 5);
    EXPECT_EQ(calendar.closedReason(date("2026-06-19")), "Santi Gervaso e Protaso (patrono)");
    EXPECT_TRUE(calendar.sessionsOn(date("2026-06-19")).empty());
    EXPECT_EQ(calendar.sessionsOn(date("2026-06-26")).size(), 1u);
}

TEST_F(OpeningCalendarTest, patronWithoutNameIsShownGenerically) {
    hours.patron.name.clear();
    EXPECT_EQ(calendar.closedReason(date("2026-06-19")), "Festa del patrono");
}

TEST_F(OpeningCalendarTest, noPatronConfiguredMeansNoPatronClosure) {
    hours.patron = {};
    EXPECT_FALSE(calendar.closedReason(date("2026-06-19")));
    EXPECT_EQ(calendar.sessionsOn(date("2026-06-19")).size(), 1u);
}

TEST_F(OpeningCalendarTest, configuredClosureRangeGivesItsReasonOnEveryDay) {
    hours.closures.push_back({date("2026-08-10"), date("2026-08-21"), "Chiusura estiva"});
    EXPECT_FALSE(calendar.closedReason(date("2026-08-09")));
    EXPECT_EQ(calendar.closedReason(date("2026-08-10")), "Chiusura estiva");
    EXPECT_EQ(calendar.closedReason(date("2026-08-21")), "Chiusura estiva");
    EXPECT_FALSE(calendar.closedReason(date("2026-08-22")));
    EXPECT_TRUE(calendar.sessionsOn(date("2026-08-12")).empty());  // a Wednesday
    EXPECT_EQ(calendar.sessionsOn(date("2026-08-24")).size(), 1u);  // Monday after the range
}

TEST_F(OpeningCalendarTest, configuredClosureReasonWinsOverHolidayName) {
    hours.closures.push_back({date("2026-08-10"), date("2026-08-21"), "Chiusura estiva"});
    EXPECT_EQ(calendar.closedReason(date("2026-08-15")), "Chiusura estiva");
}

// --- Extra openings ---------------------------------------------------------------------------

TEST_F(OpeningCalendarTest, extraOpeningAddsASessionOnATuesday) {
    const LocalDate tuesday = date("2026-11-24");
    ASSERT_EQ(tuesday.weekdayIso(), 2);
    EXPECT_TRUE(calendar.sessionsOn(tuesday).empty());
    hours.extraOpenings.push_back({tuesday, hm(9, 0), hm(12, 0), 2, "Apertura straordinaria bandi"});
    auto sessions = calendar.sessionsOn(tuesday);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0], (Session{tuesday, hm(9, 0), hm(12, 0), 2}));
    EXPECT_TRUE(calendar.sessionAt(at("2026-11-24T10:00")));
    EXPECT_TRUE(calendar.sessionsOn(date("2026-12-01")).empty());  // only that date
}

TEST_F(OpeningCalendarTest, extraOpeningStillHappensOnAClosedDay) {
    hours.extraOpenings.push_back({date("2026-12-25"), hm(10, 0), hm(11, 0), 1, ""});
    ASSERT_TRUE(calendar.closedReason(date("2026-12-25")));
    auto sessions = calendar.sessionsOn(date("2026-12-25"));
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].fromMinute, hm(10, 0));  // the extra one, not the weekly 9:30
}

TEST_F(OpeningCalendarTest, sessionsOfADayComeInTimeOrder) {
    const LocalDate monday = date("2026-11-30");
    hours.extraOpenings.push_back({monday, hm(9, 0), hm(10, 0), 1, ""});
    auto sessions = calendar.sessionsOn(monday);
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[0].fromMinute, hm(9, 0));
    EXPECT_EQ(sessions[1].fromMinute, hm(15, 30));
}

// --- Open at an instant -----------------------------------------------------------------------

TEST_F(OpeningCalendarTest, sessionStartIsOpenAndSessionEndIsClosed) {
    auto open = calendar.sessionAt(at("2026-11-30T15:30:00"));
    ASSERT_TRUE(open);
    EXPECT_EQ(*open, (Session{date("2026-11-30"), hm(15, 30), hm(17, 0), 1}));
    EXPECT_FALSE(calendar.sessionAt(at("2026-11-30T15:29:59")));
    EXPECT_TRUE(calendar.sessionAt(at("2026-11-30T16:59:59")));
    EXPECT_FALSE(calendar.sessionAt(at("2026-11-30T17:00:00")));
}

// --- Current or next session ------------------------------------------------------------------

TEST_F(OpeningCalendarTest, onATuesdayTheNextSessionIsWednesdayAfternoon) {
    auto next = calendar.currentOrNextSession(at("2026-12-01T10:00"));
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, (Session{date("2026-12-02"), hm(16, 30), hm(18, 30), 1}));
}

TEST_F(OpeningCalendarTest, duringASessionTheCurrentOneIsReturned) {
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-12-04T11:29:59"))), "2026-12-04T09:30:00");
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-12-04T11:30:00"))), "2026-12-07T15:30:00");
}

TEST_F(OpeningCalendarTest, afterFridayMorningTheNextSessionIsMonday) {
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-12-04T12:00"))), "2026-12-07T15:30:00");
}

TEST_F(OpeningCalendarTest, christmasAndNewYearAreSkippedAcrossTheYearEnd) {
    // Friday 25 December: closed, so Monday 28 December.
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-12-25T08:00"))), "2026-12-28T15:30:00");
    // After Wednesday 30 December the Friday is 1 January: closed, so Monday 4 January.
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-12-30T18:30"))), "2027-01-04T15:30:00");
    // Wednesday 6 January is Epifania: from Monday evening the next is Friday 8 January.
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2027-01-04T17:00"))), "2027-01-08T09:30:00");
}

TEST_F(OpeningCalendarTest, nextSessionAfterSkipsTheOneAlreadyStarted) {
    EXPECT_EQ(startOf(calendar.nextSessionAfter(at("2026-11-30T15:30"))), "2026-12-02T16:30:00");
    EXPECT_EQ(startOf(calendar.nextSessionAfter(at("2026-11-30T15:29:59"))), "2026-11-30T15:30:00");
    EXPECT_EQ(startOf(calendar.nextSessionAfter(at("2026-12-23T17:00"))), "2026-12-28T15:30:00");
}

TEST(OpeningCalendarEmpty, emptyTimetableHasNoSessionToCome) {
    HoursConfig none;
    OpeningCalendar calendar{none};
    EXPECT_FALSE(calendar.currentOrNextSession(at("2026-11-30T10:00")));
    EXPECT_FALSE(calendar.nextSessionAfter(at("2026-11-30T10:00")));
    EXPECT_FALSE(calendar.sessionAt(at("2026-11-30T10:00")));
    EXPECT_DOUBLE_EQ(calendar.weeklyHours(), 0.0);
}

TEST(OpeningCalendarEmpty, extraOpeningAloneIsFoundMonthsAhead) {
    HoursConfig onlyExtra;
    onlyExtra.extraOpenings.push_back({date("2027-05-10"), hm(9, 0), hm(12, 0), 1, ""});
    OpeningCalendar calendar{onlyExtra};
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-11-30T10:00"))), "2027-05-10T09:00:00");
}

// --- Closures to announce ---------------------------------------------------------------------

TEST_F(OpeningCalendarTest, closuresBetweenListsOnlyDaysTheWeekWouldOpen) {
    ASSERT_EQ(date("2026-12-08").weekdayIso(), 2);  // Immacolata on a Tuesday: nothing to announce
    auto closures = calendar.closuresBetween(date("2026-12-01"), date("2026-12-31"));
    ASSERT_EQ(closures.size(), 1u);
    EXPECT_EQ(closures[0].date, date("2026-12-25"));
    EXPECT_EQ(closures[0].reason, "Natale");
}

TEST_F(OpeningCalendarTest, closuresBetweenIncludesBothEndsAndConfiguredReasons) {
    hours.closures.push_back({date("2026-08-10"), date("2026-08-21"), "Chiusura estiva"});
    auto closures = calendar.closuresBetween(date("2026-08-10"), date("2026-08-21"));
    ASSERT_EQ(closures.size(), 6u);  // Mon, Wed, Fri of two weeks
    EXPECT_EQ(closures.front().date, date("2026-08-10"));
    EXPECT_EQ(closures.back().date, date("2026-08-21"));
    for (const Closure& c : closures) EXPECT_EQ(c.reason, "Chiusura estiva") << c.date.iso();
}

TEST_F(OpeningCalendarTest, closuresBetweenIsEmptyForAnOrdinaryWeek) {
    EXPECT_TRUE(calendar.closuresBetween(date("2026-11-30"), date("2026-12-06")).empty());
}

// --- Daylight-saving change -------------------------------------------------------------------

TEST_F(OpeningCalendarTest, sessionsKeepLocalTimesAroundDaylightSavingChanges) {
    ASSERT_EQ(date("2026-03-29").weekdayIso(), 7);
    ASSERT_EQ(date("2026-10-25").weekdayIso(), 7);
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-03-29T12:00"))), "2026-03-30T15:30:00");
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-10-25T12:00"))), "2026-10-26T15:30:00");
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-03-27T08:00"))), "2026-03-27T09:30:00");
    EXPECT_EQ(startOf(calendar.currentOrNextSession(at("2026-10-28T08:00"))), "2026-10-28T16:30:00");
    auto open = calendar.sessionAt(at("2026-03-30T15:45"));
    ASSERT_TRUE(open);
    EXPECT_EQ(open->fromMinute, hm(15, 30));
    EXPECT_EQ(open->toMinute, hm(17, 0));
    EXPECT_TRUE(calendar.sessionAt(at("2026-10-26T15:45")));
}

// --- Charter figures --------------------------------------------------------------------------

TEST_F(OpeningCalendarTest, weeklyFiguresMatchTheCharter) {
    EXPECT_DOUBLE_EQ(calendar.weeklyHours(), 5.5);
    EXPECT_EQ(calendar.afternoonOpenings(), 2);
}

TEST_F(OpeningCalendarTest, afternoonStartsAtOnePm) {
    hours.weekly.push_back({2, hm(13, 0), hm(14, 0), 1});
    hours.weekly.push_back({4, hm(12, 59), hm(14, 0), 1});
    EXPECT_EQ(calendar.afternoonOpenings(), 3);
}
