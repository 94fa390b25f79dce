// What generate-demo-data produces (domain::DemoDataGenerator), and the survey figures counted
// from per-day tallies (domain::ScoreTally) as the store now hands them over (issue #8).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "domain/demo_data.hpp"
#include "domain/opening_hours.hpp"
#include "domain/reports.hpp"
#include "domain/survey.hpp"
#include "support/process.hpp"

namespace {

using domain::DemoDay;
using domain::LocalDate;
using domain::TicketState;

LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }

domain::Config gorgonzola() {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
    return domain::parseConfig(testing_support::readFile(path), path);
}

struct Totals {
    std::set<LocalDate> days;
    long tickets = 0;
    long served = 0;
    long noShow = 0;
    long waiting = 0;
    long kioskAnswers = 0;
    long paperAnswers = 0;
    long satisfied = 0;
    std::vector<long> perCategory = std::vector<long>(8, 0);
};

Totals generateYear(const domain::Config& config, unsigned seed, domain::DemoDataShape shape = {}) {
    domain::DemoDataGenerator generator(config, seed, shape);
    Totals totals;
    generator.generate(domain::demoPeriod(1, day("2026-11-29")), [&](const DemoDay& d) {
        totals.days.insert(d.date);
        for (const auto& t : d.tickets) {
            ++totals.tickets;
            ++totals.perCategory.at(t.category);
            totals.served += t.state == TicketState::Served;
            totals.noShow += t.state == TicketState::NoShow;
            totals.waiting += t.state == TicketState::Waiting;
            if (t.answer) {
                ++totals.kioskAnswers;
                totals.satisfied += t.answer->overall >= 4;
            }
        }
        for (const auto& a : d.paperAnswers) {
            ++totals.paperAnswers;
            totals.satisfied += a.overall >= 4;
        }
    });
    return totals;
}

TEST(DemoData, thePeriodEndsOnUntilAndStartsTheDayAfterTheSameDateYearsEarlier) {
    EXPECT_EQ(domain::demoPeriod(5, day("2026-11-29")).from, day("2021-11-30"));
    EXPECT_EQ(domain::demoPeriod(5, day("2026-11-29")).to, day("2026-11-29"));
    EXPECT_EQ(domain::demoPeriod(1, day("2028-02-29")).from, day("2027-03-02"));  // 2027-02-29 is 1 March
}

TEST(DemoData, aYearOfGorgonzolaHasTheBenchmarksVolumeOnlyOnItsOpenings) {
    const domain::Config config = gorgonzola();
    const domain::OpeningCalendar calendar(config.hours);
    domain::DemoDataGenerator generator(config, 42);
    long tickets = 0;
    long answers = 0;
    int days = 0;
    generator.generate(domain::demoPeriod(1, day("2026-11-29")), [&](const DemoDay& d) {
        ++days;
        const auto sessions = calendar.sessionsOn(d.date);
        ASSERT_FALSE(sessions.empty()) << d.date.iso() << " is not an opening";
        const int first = sessions.front().fromMinute - config.tickets.openBeforeMinutes;
        const int last = sessions.back().toMinute - config.tickets.cutoffMinutesBeforeClose;
        for (std::size_t i = 0; i < d.tickets.size(); ++i) {
            const auto& t = d.tickets[i];
            ASSERT_EQ(t.issuedAt.date, d.date);
            ASSERT_GE(t.issuedAt.minuteOfDay(), first) << t.issuedAt.iso();
            ASSERT_LT(t.issuedAt.minuteOfDay(), last) << t.issuedAt.iso();
            if (i > 0) {
                ASSERT_LE(d.tickets[i - 1].issuedAt, t.issuedAt) << "issue order";
            }
            if (t.calledAt) {
                ASSERT_GE(*t.calledAt, t.issuedAt);
            }
            if (t.finishedAt) {
                ASSERT_GE(*t.finishedAt, *t.calledAt);
            }
            ASSERT_EQ(t.calledAt.has_value(), t.state != TicketState::Waiting);
            if (t.answer) {
                ASSERT_EQ(t.state, TicketState::Served);
            }
            if (t.transferredTo) {
                ASSERT_NE(*t.transferredTo, t.category);
            }
        }
        tickets += static_cast<long>(d.tickets.size());
        answers += static_cast<long>(d.paperAnswers.size());
        for (const auto& t : d.tickets) answers += t.answer.has_value();
    });
    // Three openings a week, less Christmas, Easter Monday, 1 May, the patron's day ...
    EXPECT_GT(days, 140);
    EXPECT_LT(days, 157);
    EXPECT_NEAR(static_cast<double>(tickets), 200'000, 10'000);
    EXPECT_NEAR(static_cast<double>(answers), 40'000, 4'000);
}

TEST(DemoData, holidaysAndClosuresHaveNoTickets) {
    domain::Config config = gorgonzola();
    config.hours.closures.push_back({day("2026-08-03"), day("2026-08-28"), "Chiusura estiva"});
    std::set<LocalDate> days = generateYear(config, 3, {}).days;
    EXPECT_EQ(days.count(day("2026-01-09")), 1u) << "a Friday the office opens";
    EXPECT_EQ(days.count(day("2025-12-08")), 0u) << "Immacolata, a Monday";
    EXPECT_EQ(days.count(day("2026-04-06")), 0u) << "Easter Monday";
    EXPECT_EQ(days.count(day("2026-06-19")), 0u) << "the patron saint, a Friday";
    for (LocalDate d = day("2026-08-03"); d <= day("2026-08-28"); d = d.plusDays(1)) EXPECT_EQ(days.count(d), 0u);
    EXPECT_EQ(days.count(day("2026-07-31")), 1u);
}

TEST(DemoData, mostAreServedSomeMissTheirCallAndAroundSeventyPercentAreSatisfied) {
    domain::DemoDataShape shape;
    shape.ticketsPerYear = 50'000;
    const Totals totals = generateYear(gorgonzola(), 9, shape);
    const double n = static_cast<double>(totals.tickets);
    EXPECT_NEAR(static_cast<double>(totals.served) / n, 0.89, 0.02);
    EXPECT_NEAR(static_cast<double>(totals.noShow) / n, 0.07, 0.01);
    EXPECT_NEAR(static_cast<double>(totals.waiting) / n, 0.04, 0.01);
    EXPECT_NEAR(static_cast<double>(totals.kioskAnswers) / static_cast<double>(totals.served), 0.20, 0.01);
    EXPECT_GT(totals.paperAnswers, 0);
    const long answers = totals.kioskAnswers + totals.paperAnswers;
    EXPECT_NEAR(static_cast<double>(totals.satisfied) / static_cast<double>(answers), 0.70, 0.03);
    // Weighted by config order: adulti 4, anziani 3, disabili 2, minori-famiglie 1.
    EXPECT_GT(totals.perCategory[0], totals.perCategory[1]);
    EXPECT_GT(totals.perCategory[1], totals.perCategory[2]);
    EXPECT_GT(totals.perCategory[2], totals.perCategory[3]);
}

TEST(DemoData, theSameSeedGivesTheSameDaysAndAnotherSeedOthers) {
    domain::DemoDataShape shape;
    shape.ticketsPerYear = 5'000;
    const auto first = generateYear(gorgonzola(), 1, shape);
    const auto again = generateYear(gorgonzola(), 1, shape);
    const auto other = generateYear(gorgonzola(), 2, shape);
    EXPECT_EQ(first.tickets, again.tickets);
    EXPECT_EQ(first.satisfied, again.satisfied);
    EXPECT_NE(first.tickets, other.tickets);
}

// The figures from per-day tallies are those of the answers one by one, kiosk and paper apart.
TEST(ScoreTally, figuresFromDayTalliesMatchTheAnswersCountedOneByOne) {
    std::mt19937 random(4);
    std::uniform_int_distribution<int> score(1, 5);
    std::vector<domain::StoredAnswer> answers;
    for (int i = 0; i < 400; ++i) {
        domain::StoredAnswer a;
        a.day = day("2026-01-01").plusDays(static_cast<int>(random() % 200));
        a.answer.overall = score(random);
        a.answer.paper = random() % 5 == 0;
        for (auto& d : a.answer.dimensions)
            if (random() % 4 != 0) d = score(random);
        answers.push_back(a);
    }
    const domain::SurveyRules rules{4, 70, 5};
    int satisfied = 0;
    int paper = 0;
    int accessCount = 0;
    int accessSum = 0;
    for (const auto& a : answers) {
        satisfied += a.answer.overall >= 4;
        paper += a.answer.paper;
        if (a.answer.dimensions[0]) {
            ++accessCount;
            accessSum += *a.answer.dimensions[0];
        }
    }
    const auto days = domain::tallyByDay(answers);
    const auto report = domain::satisfactionReport(days, rules);
    EXPECT_EQ(report.all.answers, 400);
    EXPECT_EQ(report.all.satisfied, satisfied);
    EXPECT_EQ(report.all.paperAnswers, paper);
    EXPECT_EQ(report.paper.answers, paper);
    EXPECT_EQ(report.kiosk.answers + report.paper.answers, 400);
    EXPECT_DOUBLE_EQ(*report.all.dimensionAverages[0], static_cast<double>(accessSum) / accessCount);
    const auto trend = domain::monthlyTrendOfTallies(days, rules, day("2026-01-01"), day("2026-07-31"));
    ASSERT_EQ(trend.size(), 7u);
    int total = 0;
    for (const auto& month : trend) total += month.figures.answers;
    EXPECT_EQ(total, static_cast<int>(std::count_if(answers.begin(), answers.end(), [](const auto& a) {
                  return a.day <= day("2026-07-31");
              })));
}

}  // namespace
