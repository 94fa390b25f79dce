#include "domain/reports.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

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

// ---- the period a report covers (issue #19) ----

namespace {

// A store that refuses to be asked for more than a century of figures: before the span was
// checked, 0001-01-01 to 9999-12-31 read everything and then built 120 000 months of scheda
// tables (100 s, 18 GB). The refusal must come first, without reading a row.
class CenturyStore : public testing_support::MemoryStore {
public:
    std::vector<DemandCell> demandCells(const LocalDate& from, const LocalDate& to) override {
        guard(from, to);
        return MemoryStore::demandCells(from, to);
    }
    std::vector<domain::DayScoreTally> surveyTallies(const LocalDate& from, const LocalDate& to) override {
        guard(from, to);
        return MemoryStore::surveyTallies(from, to);
    }
    std::vector<domain::ContactTally> contactTallies(const LocalDate& from, const LocalDate& to) override {
        guard(from, to);
        return MemoryStore::contactTallies(from, to);
    }

private:
    static void guard(const LocalDate& from, const LocalDate& to) {
        if (to.year - from.year > 100) throw std::runtime_error("asked for the figures of " + from.iso() + " to " + to.iso());
    }
};

}  // namespace

TEST(ReportSpan, centuriesAreRefusedBeforeAnyFigureIsRead) {
    CenturyStore store;
    try {
        domain::periodReport(store, twoCategories(), day("0001-01-01"), day("9999-12-31"), day("2026-11-30"));
        FAIL() << "a report of 9999 years was made";
    } catch (const std::length_error& error) {
        EXPECT_STREQ(error.what(), "0001-01-01 to 9999-12-31 is more than 50 years; a report covers at most 50 years, "
                                   "because it lists every month and quarter of its period: ask for a shorter one");
    }
    EXPECT_THROW(domain::schedaReport(store, twoCategories(), day("1000-01-01"), day("2999-12-31")), std::length_error);
}

TEST(ReportSpan, fiftyYearsAreTheLongestPeriodWhateverTheDay) {
    EXPECT_TRUE(domain::reportSpanAllowed(day("2000-01-01"), day("2049-12-31")));
    EXPECT_FALSE(domain::reportSpanAllowed(day("2000-01-01"), day("2050-01-01")));
    EXPECT_TRUE(domain::reportSpanAllowed(day("2024-02-29"), day("2074-02-28")));  // 2074 has no 29 February
    EXPECT_FALSE(domain::reportSpanAllowed(day("2024-02-29"), day("2074-03-01")));
    EXPECT_TRUE(domain::reportSpanAllowed(day("2026-11-30"), day("2026-11-30")));
    EXPECT_FALSE(domain::reportSpanAllowed(day("2026-11-30"), day("2026-11-29")));
    EXPECT_EQ(domain::reportSpanRefusal(day("2026-11-30"), day("2026-11-29")), "2026-11-29 is before 2026-11-30");
    EXPECT_EQ(domain::reportSpanRefusal(day("2000-01-01"), day("2049-12-31")), "");
}

// The longest report there can be: its size is the calendar's (600 months, 200 quarters), and
// every cell of it adds up to the few schede stored.
TEST(ReportSpan, theLongestReportHasAMonthAndAQuarterTableForEachAndNoMore) {
    CenturyStore store;
    domain::ContactRecord record;
    record.needAreaIds = {"housing"};
    for (int i = 0; i < 6; ++i) domain::recordContact(store, domain::SchedaConfig{}, day("2031-05-12"), "adulti", record);
    const auto report = domain::periodReport(store, twoCategories(), day("2000-01-01"), day("2049-12-31"), day("2026-11-30"));
    ASSERT_EQ(report.scheda.months.size(), 600u);
    ASSERT_EQ(report.scheda.quarters.size(), 200u);
    std::size_t cells = 0;
    int recorded = 0;
    const auto count = [&](const domain::SchedaPeriod& period) {
        for (const auto& table : period.tables)
            for (const auto& row : table.rows) cells += row.byCategory.size() + 1;
        recorded += period.recorded.total.count;
    };
    for (const auto& month : report.scheda.months) count(month);
    for (const auto& quarter : report.scheda.quarters) count(quarter);
    count(report.scheda.period);
    const std::size_t perPeriod = cells / 801;
    EXPECT_EQ(cells, 801 * perPeriod);
    EXPECT_LT(perPeriod, 100u);
    EXPECT_EQ(recorded, 3 * 6);  // the month, its quarter, the whole period
}
