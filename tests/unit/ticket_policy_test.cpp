#include "domain/ticket_policy.hpp"

#include <gtest/gtest.h>

using namespace domain;

namespace {

struct PolicyFixture : ::testing::Test {
    HoursConfig hours = [] {
        HoursConfig h;
        h.weekly = {{1, 930, 1020, 1}, {3, 990, 1110, 2}, {5, 570, 690, 1}};
        return h;
    }();
    OpeningCalendar calendar{hours};
    TicketRules rules;  // 15 minutes before opening, cut-off 15 minutes before closing, 20-minute interviews

    IssueDecision at(const char* iso, int waiting = 0, double interview = 20.0) {
        return decideIssue(calendar, rules, *LocalDateTime::parse(iso), waiting, interview);
    }
};

}  // namespace

TEST_F(PolicyFixture, numbersStartFifteenMinutesBeforeOpening) {
    EXPECT_EQ(at("2026-11-30T15:14").refusal, Refusal::NotYetOpen);
    EXPECT_EQ(at("2026-11-30T15:14").ticketsFrom.hhmm(), "15:15");
    EXPECT_TRUE(at("2026-11-30T15:15").allowed());
}

TEST_F(PolicyFixture, noNumbersAfterTheCutoff) {
    // Short interviews, so that the cut-off and not the queue is what stops the numbers.
    EXPECT_TRUE(at("2026-11-30T16:44", 0, 5.0).allowed());
    IssueDecision d = at("2026-11-30T16:45", 0, 5.0);
    EXPECT_EQ(d.refusal, Refusal::AfterCutoff);
    ASSERT_TRUE(d.nextOpening);
    EXPECT_EQ(d.nextOpening->start().iso(), "2026-12-02T16:30:00");
}

TEST_F(PolicyFixture, noNumberWhenEvenOneInterviewNoLongerFitsBeforeClosing) {
    // 16:41 + 20 minutes is past 17:00: better no number than a number that will not be called.
    EXPECT_TRUE(at("2026-11-30T16:40").allowed());
    EXPECT_EQ(at("2026-11-30T16:41").refusal, Refusal::QueueFull);
}

TEST_F(PolicyFixture, queueThatFillsTheSessionStopsTheNumbers) {
    // Monday 15:30-17:00 is 90 minutes: four 20-minute interviews fit, a fifth does not.
    EXPECT_TRUE(at("2026-11-30T15:20", 3).allowed());
    EXPECT_EQ(at("2026-11-30T15:20", 4).refusal, Refusal::QueueFull);
}

TEST_F(PolicyFixture, twoDesksServeTwiceAsMany) {
    // Wednesday 16:30-18:30 with two desks: 120 minutes x 2 = twelve 20-minute interviews.
    EXPECT_TRUE(at("2026-12-02T16:30", 11).allowed());
    EXPECT_EQ(at("2026-12-02T16:30", 12).refusal, Refusal::QueueFull);
}

TEST_F(PolicyFixture, closedDayPointsToTheNextOpening) {
    IssueDecision d = at("2026-12-01T09:00");
    EXPECT_EQ(d.refusal, Refusal::ClosedToday);
    EXPECT_EQ(d.nextOpening->start().iso(), "2026-12-02T16:30:00");
}

TEST_F(PolicyFixture, christmasIsClosedWithItsName) {
    IssueDecision d = at("2026-12-25T10:00");  // a Friday
    EXPECT_EQ(d.refusal, Refusal::ClosedToday);
    EXPECT_EQ(d.closedReason, std::optional<std::string>("Natale"));
    EXPECT_EQ(d.nextOpening->start().iso(), "2026-12-28T15:30:00");
}

TEST_F(PolicyFixture, emptyTimetableRefusesWithoutANextOpening) {
    HoursConfig none;
    OpeningCalendar empty(none);
    IssueDecision d = decideIssue(empty, rules, *LocalDateTime::parse("2026-11-30T15:45"), 0, 20.0);
    EXPECT_EQ(d.refusal, Refusal::NoOpeningPlanned);
    EXPECT_FALSE(d.nextOpening);
}

TEST(WaitEstimate, roundsUpToFiveMinutesAndNeverPromisesLessThanFive) {
    EXPECT_EQ(roundedWaitMinutes(0), 5);
    EXPECT_EQ(roundedWaitMinutes(5), 5);
    EXPECT_EQ(roundedWaitMinutes(5.1), 10);
    EXPECT_EQ(roundedWaitMinutes(41), 45);
}

TEST(WaitEstimate, interviewsAheadAreSharedAmongDesks) {
    Session s{*LocalDate::parse("2026-12-02"), 990, 1110, 2};
    EXPECT_DOUBLE_EQ(expectedWaitMinutes(s, *LocalDateTime::parse("2026-12-02T16:40"), 4, 20.0), 40.0);
    EXPECT_DOUBLE_EQ(expectedWaitMinutes(s, *LocalDateTime::parse("2026-12-02T16:20"), 0, 20.0), 10.0);
}

TEST(RefusalText, saysWhyAndWhenTheNextOpeningIs) {
    Texts t;
    t.set("refusal.queue_full", "Oggi i numeri sono esauriti.");
    t.set("refusal.next_opening", "Prossima apertura: {when}.");
    t.set("calendar.weekday_3", "mercoledì");
    t.set("calendar.month_12", "dicembre");
    IssueDecision d;
    d.refusal = Refusal::QueueFull;
    d.nextOpening = Session{*LocalDate::parse("2026-12-02"), 990, 1110, 1};
    EXPECT_EQ(refusalText(t, d), "Oggi i numeri sono esauriti. Prossima apertura: mercoledì 2 dicembre, 16:30.");
}
