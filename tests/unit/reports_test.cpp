#include "domain/reports.hpp"

#include <gtest/gtest.h>

#include "memory_store.hpp"

namespace {

using domain::DemandCell;
using domain::LocalDate;
using domain::LocalDateTime;

LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }
LocalDateTime at(const char* iso) { return LocalDateTime::parse(iso).value(); }

DemandCell cell(const char* on, const std::string& category, int hour, int tickets, int called = 0,
                double totalWait = 0, double longestWait = 0) {
    DemandCell c;
    c.serviceDay = day(on);
    c.categoryId = category;
    c.hour = hour;
    c.tickets = tickets;
    c.served = called;
    c.called = called;
    c.totalWaitMinutes = totalWait;
    c.longestWaitMinutes = longestWait;
    return c;
}

domain::Config twoCategories() {
    domain::Config config;
    config.categories = {{"anziani", "Anziani", 'N', ""}, {"adulti", "Adulti", 'A', ""}};
    return config;
}

}  // namespace

TEST(DemandReport, totalsAddUpAndTheAverageWaitIsOverCalledTicketsOnly) {
    const auto report = domain::demandReport(
        {cell("2026-11-30", "adulti", 15, 3, 2, 30, 20), cell("2026-11-30", "anziani", 16, 1, 1, 5, 5)},
        {"adulti", "anziani"});
    EXPECT_EQ(report.total.tickets, 4);
    EXPECT_EQ(report.total.served, 3);
    EXPECT_EQ(report.total.called, 3);
    EXPECT_DOUBLE_EQ(report.total.averageWaitMinutes().value(), 35.0 / 3);
    EXPECT_DOUBLE_EQ(report.total.longestWaitMinutes, 20);
}

TEST(DemandReport, nobodyCalledHasNoAverageWait) {
    const auto report = domain::demandReport({cell("2026-11-30", "adulti", 15, 3)}, {"adulti"});
    EXPECT_FALSE(report.total.averageWaitMinutes().has_value());
}

TEST(DemandReport, categoriesFollowTheConfigThenUnknownIdsByName) {
    const auto report = domain::demandReport({cell("2026-11-30", "zeta", 15, 1), cell("2026-11-30", "adulti", 15, 1),
                                              cell("2026-11-30", "anziani", 15, 1), cell("2026-11-30", "beta", 15, 1)},
                                             {"anziani", "adulti"});
    ASSERT_EQ(report.byCategory.size(), 4u);
    EXPECT_EQ(report.byCategory[0].categoryId, "anziani");
    EXPECT_EQ(report.byCategory[1].categoryId, "adulti");
    EXPECT_EQ(report.byCategory[2].categoryId, "beta");
    EXPECT_EQ(report.byCategory[3].categoryId, "zeta");
}

TEST(DemandReport, perDayAndCategoryMergesTheHoursInDayOrder) {
    const auto report = domain::demandReport({cell("2026-12-02", "adulti", 16, 2), cell("2026-11-30", "adulti", 15, 1),
                                              cell("2026-11-30", "adulti", 16, 4), cell("2026-11-30", "anziani", 15, 1)},
                                             {"adulti", "anziani"});
    ASSERT_EQ(report.byDayAndCategory.size(), 3u);
    EXPECT_EQ(report.byDayAndCategory[0].day, day("2026-11-30"));
    EXPECT_EQ(report.byDayAndCategory[0].categoryId, "adulti");
    EXPECT_EQ(report.byDayAndCategory[0].totals.tickets, 5);
    EXPECT_EQ(report.byDayAndCategory[1].categoryId, "anziani");
    EXPECT_EQ(report.byDayAndCategory[2].day, day("2026-12-02"));
}

TEST(DemandReport, arrivalsByWeekdayAndHourAddUpAcrossWeeks) {
    // 2026-11-30 and 2026-12-07 are Mondays, 2026-12-02 a Wednesday.
    const auto report = domain::demandReport({cell("2026-11-30", "adulti", 15, 2), cell("2026-12-07", "anziani", 15, 3),
                                              cell("2026-12-02", "adulti", 17, 1), cell("2026-11-30", "adulti", 16, 1)},
                                             {"adulti", "anziani"});
    ASSERT_EQ(report.byWeekdayAndHour.size(), 3u);
    EXPECT_EQ(report.byWeekdayAndHour[0].weekday, 1);
    EXPECT_EQ(report.byWeekdayAndHour[0].hour, 15);
    EXPECT_EQ(report.byWeekdayAndHour[0].tickets, 5);
    EXPECT_EQ(report.byWeekdayAndHour[1].hour, 16);
    EXPECT_EQ(report.byWeekdayAndHour[2].weekday, 3);
}

TEST(PeriodReport, readsTheStoreAndSplitsKioskAndPaper) {
    testing_support::MemoryStore store;
    domain::NewTicketRequest r;
    r.categoryId = "adulti";
    r.prefix = 'A';
    r.issuedAt = at("2026-11-30T15:30:00");
    for (int i = 0; i < 6; ++i) {
        const domain::Ticket t = store.issueTicket(r);
        auto& stored = store.tickets()[static_cast<std::size_t>(t.id - 1)];
        stored.state = domain::TicketState::Served;
        stored.calledAt = at("2026-11-30T15:40:00");
        domain::SurveyAnswer answer;
        answer.overall = 5;
        store.submitSurvey(day("2026-11-30"), t.surveyCode, answer);
    }
    domain::SurveyAnswer paper;
    paper.overall = 1;
    store.submitSurvey(day("2026-11-30"), std::nullopt, paper);

    const auto report =
        domain::periodReport(store, twoCategories(), day("2026-11-01"), day("2026-11-30"), day("2026-12-01"));
    EXPECT_FALSE(report.todayLeftOut);
    EXPECT_EQ(report.satisfactionTo, day("2026-11-30"));
    EXPECT_EQ(report.demand.total.tickets, 6);
    EXPECT_DOUBLE_EQ(report.demand.total.averageWaitMinutes().value(), 10.0);
    EXPECT_EQ(report.satisfaction.kiosk.answers, 6);
    EXPECT_EQ(report.satisfaction.kiosk.satisfied, 6);
    EXPECT_EQ(report.satisfaction.paper.answers, 1);
    EXPECT_EQ(report.satisfaction.paper.satisfied, 0);  // one answer: withheld
    EXPECT_EQ(report.satisfaction.all.answers, 7);
    EXPECT_EQ(report.satisfaction.all.paperAnswers, 1);
    EXPECT_EQ(report.satisfaction.all.satisfied, 6);
}

TEST(PeriodReport, theYearRunsFromJanuaryToDecember) {
    testing_support::MemoryStore store;
    const auto report = domain::yearReport(store, twoCategories(), 2026, day("2027-01-10"));
    EXPECT_EQ(report.from, day("2026-01-01"));
    EXPECT_EQ(report.to, day("2026-12-31"));
    EXPECT_EQ(report.rules.targetPercent, 70);
}

// A worker who has just served someone must not read that person's answer by comparing two
// reports: a range that reaches today counts the answers up to yesterday, and says so.
TEST(PeriodReport, aRangeThatReachesTodayLeavesTodaysAnswersOut) {
    testing_support::MemoryStore store;
    domain::SurveyAnswer three;
    three.overall = 3;
    for (int i = 0; i < 5; ++i) store.submitSurvey(day("2026-11-27"), std::nullopt, three);
    domain::NewTicketRequest r;
    r.categoryId = "adulti";
    r.prefix = 'A';
    r.issuedAt = at("2026-11-30T15:30:00");
    const domain::Ticket t = store.issueTicket(r);
    store.tickets()[static_cast<std::size_t>(t.id - 1)].state = domain::TicketState::Served;
    domain::SurveyAnswer one;
    one.overall = 1;
    store.submitSurvey(day("2026-11-30"), t.surveyCode, one);

    const auto today = domain::periodReport(store, twoCategories(), day("2026-11-01"), day("2026-12-31"), day("2026-11-30"));
    EXPECT_TRUE(today.todayLeftOut);
    EXPECT_EQ(today.satisfactionTo, day("2026-11-29"));
    EXPECT_EQ(today.satisfaction.all.answers, 5);
    EXPECT_EQ(today.satisfaction.kiosk.answers, 0);
    EXPECT_EQ(today.to, day("2026-12-31"));
    EXPECT_EQ(today.demand.total.tickets, 1);  // the queue of today is no survey answer
    const auto onlyToday = domain::periodReport(store, twoCategories(), day("2026-11-30"), day("2026-11-30"), day("2026-11-30"));
    EXPECT_TRUE(onlyToday.todayLeftOut);
    EXPECT_EQ(onlyToday.satisfaction.all.answers, 0);
    EXPECT_EQ(domain::yearReport(store, twoCategories(), 2026, day("2026-11-30")).satisfaction.all.answers, 5);

    const auto tomorrow = domain::periodReport(store, twoCategories(), day("2026-11-01"), day("2026-11-30"), day("2026-12-01"));
    EXPECT_FALSE(tomorrow.todayLeftOut);
    EXPECT_EQ(tomorrow.satisfaction.all.answers, 6);
}
