// The per-day aggregates of schema 5 (demand_cells, survey_score_counts) and 6 (interview_days):
// after any mix of writes through the store, behind its back, and after the migration's backfill,
// they say exactly what a full scan of the tickets and answers says. And the demo data generator's
// output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "domain/config.hpp"
#include "domain/demo_data.hpp"
#include "domain/survey.hpp"
#include "kiosk/store/demo_data.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "raw_database.hpp"
#include "support/process.hpp"

namespace {

using domain::DemandCell;
using domain::LocalDate;
using domain::LocalDateTime;
using domain::TicketState;
using testing_support::RawDatabase;
using testing_support::TempDir;

LocalDate day(const std::string& iso) { return *LocalDate::parse(iso); }
LocalDateTime at(const std::string& iso) { return *LocalDateTime::parse(iso); }

const LocalDate kFirst = day("2026-01-01");
const LocalDate kLast = day("2026-12-31");
const std::vector<std::string> kCategories = {"adulti", "anziani", "disabili"};

// What demandCells must say, counted the slow way: every ticket, one by one.
std::map<std::tuple<std::string, std::string, int>, DemandCell> demandByFullScan(const std::string& path) {
    RawDatabase raw(path);
    std::map<std::tuple<std::string, std::string, int>, DemandCell> cells;
    const auto days = raw.column("SELECT service_day FROM tickets ORDER BY id");
    const auto categories = raw.column("SELECT COALESCE(transferred_to, category_id) FROM tickets ORDER BY id");
    const auto issued = raw.column("SELECT issued_at FROM tickets ORDER BY id");
    const auto states = raw.column("SELECT state FROM tickets ORDER BY id");
    const auto called = raw.column("SELECT COALESCE(called_at, '') FROM tickets ORDER BY id");
    for (std::size_t i = 0; i < days.size(); ++i) {
        const LocalDateTime issuedAt = at(issued[i]);
        const int hour = issuedAt.secondOfDay / 3600;
        DemandCell& cell = cells[{days[i], categories[i], hour}];
        cell.serviceDay = day(days[i]);
        cell.categoryId = categories[i];
        cell.hour = hour;
        ++cell.tickets;
        if (states[i] == "served") ++cell.served;
        if (states[i] == "no-show") ++cell.noShow;
        if (!called[i].empty()) {
            ++cell.called;
            const double wait = std::max(0.0, static_cast<double>(at(called[i]).secondsSince(issuedAt)) / 60.0);
            cell.totalWaitMinutes += wait;
            cell.longestWaitMinutes = std::max(cell.longestWaitMinutes, wait);
        }
    }
    return cells;
}

void expectDemandAgreesWithFullScan(store::SqliteStore& db) {
    const auto expected = demandByFullScan(db.path());
    const auto cells = db.demandCells(day("2000-01-01"), day("2100-01-01"));
    ASSERT_EQ(cells.size(), expected.size());
    for (const auto& cell : cells) {
        const auto found = expected.find({cell.serviceDay.iso(), cell.categoryId, cell.hour});
        ASSERT_NE(found, expected.end()) << cell.serviceDay.iso() << ' ' << cell.categoryId << ' ' << cell.hour;
        const DemandCell& e = found->second;
        const std::string where = cell.serviceDay.iso() + " " + cell.categoryId + " " + std::to_string(cell.hour);
        EXPECT_EQ(cell.tickets, e.tickets) << where;
        EXPECT_EQ(cell.served, e.served) << where;
        EXPECT_EQ(cell.noShow, e.noShow) << where;
        EXPECT_EQ(cell.called, e.called) << where;
        EXPECT_NEAR(cell.totalWaitMinutes, e.totalWaitMinutes, 1e-6) << where;
        EXPECT_NEAR(cell.longestWaitMinutes, e.longestWaitMinutes, 1e-6) << where;
    }
}

void expectSurveyAgreesWithFullScan(store::SqliteStore& db, const LocalDate& from, const LocalDate& to) {
    const auto expected = domain::tallyByDay(db.surveyAnswers(from, to));
    const auto tallies = db.surveyTallies(from, to);
    ASSERT_EQ(tallies.size(), expected.size());
    for (std::size_t i = 0; i < tallies.size(); ++i) {
        EXPECT_EQ(tallies[i].day, expected[i].day);
        EXPECT_EQ(tallies[i].paper, expected[i].paper);
        EXPECT_EQ(tallies[i].tally.counts, expected[i].tally.counts) << tallies[i].day.iso();
        EXPECT_EQ(tallies[i].tally.paperAnswers, expected[i].tally.paperAnswers) << tallies[i].day.iso();
    }
}

// What interviewStats said before schema 6: every served ticket from `since` on, averaged.
domain::InterviewStats interviewsByFullScan(const std::string& path, const std::string& since) {
    RawDatabase raw(path);
    const std::string where = " FROM tickets WHERE state = 'served' AND service_day >= '" + since +
                              "' AND called_at IS NOT NULL AND finished_at IS NOT NULL AND finished_at >= called_at";
    return {static_cast<int>(raw.integer("SELECT COUNT(*)" + where)),
            std::stod(raw.text("SELECT COALESCE(AVG((julianday(finished_at) - julianday(called_at)) * 1440), 0)" +
                               where))};
}

void expectInterviewsAgreeWithFullScan(store::SqliteStore& db) {
    for (const std::string since : {"2000-01-01", "2026-03-01", "2026-07-15", "2026-12-01", "2027-01-01"}) {
        const domain::InterviewStats expected = interviewsByFullScan(db.path(), since);
        const domain::InterviewStats stats = db.interviewStats(day(since));
        EXPECT_EQ(stats.samples, expected.samples) << since;
        EXPECT_NEAR(stats.averageMinutes, expected.averageMinutes, 1e-6) << since;
    }
}

domain::SurveyAnswer randomAnswer(std::mt19937& random) {
    std::uniform_int_distribution<int> score(1, 5);
    domain::SurveyAnswer answer;
    answer.overall = score(random);
    for (auto& dimension : answer.dimensions)
        if (random() % 3 != 0) dimension = score(random);
    return answer;
}

// A few busy days of a random office: issues, calls, services, no-shows, requeues, transfers,
// and answers from the kiosk and on paper, all through the store as the programs make them.
void randomActivity(store::SqliteStore& db, unsigned seed, int days) {
    std::mt19937 random(seed);
    for (int d = 0; d < days; ++d) {
        const LocalDate date = kFirst.plusDays(static_cast<int>(random() % 360));
        std::vector<domain::Ticket> issued;
        int second = 9 * 3600 + static_cast<int>(random() % 3600);
        for (int i = 0; i < 25; ++i) {
            second += static_cast<int>(random() % 400);
            const std::size_t category = random() % kCategories.size();
            const char prefix = static_cast<char>('A' + category);  // one prefix per category
            domain::NewTicketRequest request{kCategories[category], prefix, {date, second}, ""};
            issued.push_back(db.issueTicket(request));
        }
        for (int step = 0; step < 60; ++step) {
            const domain::Ticket& t = issued[random() % issued.size()];
            const LocalDateTime now{date, std::min(86'399, second + step * 97 - static_cast<int>(random() % 9000))};
            domain::TicketChange change;
            change.serviceDay = date;
            change.code = t.code;
            switch (random() % 5) {
                case 0:
                    change.from = {TicketState::Waiting, TicketState::Called};
                    change.to = TicketState::Called;
                    change.desk = "Stanza 1";
                    change.calledAt = now;  // may be before the issue: a clock set back counts as no wait
                    change.logCall = true;
                    break;
                case 1:
                    change.from = {TicketState::Called};
                    change.to = TicketState::Served;
                    change.finishedAt = now;
                    break;
                case 2:
                    change.from = {TicketState::Called};
                    change.to = TicketState::NoShow;
                    change.finishedAt = now;
                    break;
                case 3:
                    change.from = {TicketState::Called, TicketState::NoShow};
                    change.to = TicketState::Waiting;
                    change.clearCall = true;
                    break;
                default:
                    change.from = {TicketState::Waiting};
                    change.to = TicketState::Waiting;
                    change.newCategoryId = kCategories[random() % kCategories.size()];
                    break;
            }
            try {
                db.changeTicket(change);
            } catch (const domain::TransitionError&) {
                // the ticket was not in a state that allows it: nothing changed
            }
        }
        for (const auto& t : db.ticketsOfDay(date)) {
            if (t.state != TicketState::Served || random() % 2 == 0) continue;
            db.submitSurvey(date, t.surveyCode, randomAnswer(random));
        }
        for (int paper = static_cast<int>(random() % 3); paper > 0; --paper)
            db.submitSurvey(date, std::nullopt, randomAnswer(random));
    }
}

TEST(StoreAggregates, agreeWithAFullScanAfterRandomActivityThroughTheStore) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    randomActivity(db, 7, 12);
    RawDatabase raw(db.path());
    ASSERT_GT(raw.integer("SELECT count(*) FROM survey_answers"), 10);
    ASSERT_GT(raw.integer("SELECT count(*) FROM tickets WHERE transferred_to IS NOT NULL"), 0);
    ASSERT_GT(interviewsByFullScan(db.path(), "2000-01-01").samples, 10);
    expectDemandAgreesWithFullScan(db);
    expectSurveyAgreesWithFullScan(db, kFirst, kLast);
    // A range cuts the days it names, no more.
    expectSurveyAgreesWithFullScan(db, day("2026-03-01"), day("2026-08-31"));
    expectInterviewsAgreeWithFullScan(db);
}

TEST(StoreAggregates, followChangesAndDeletesMadeBehindTheStoresBack) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    randomActivity(db, 11, 6);
    {
        RawDatabase raw(db.path());
        // The longest wait of a cell leaves it: the cell's longest must be counted again.
        raw.exec("DELETE FROM tickets WHERE id IN (SELECT id FROM tickets WHERE called_at IS NOT NULL "
                 "ORDER BY unixepoch(called_at) - unixepoch(issued_at) DESC LIMIT 3)");
        raw.exec("UPDATE tickets SET issued_at = substr(issued_at, 1, 11) || '08' || substr(issued_at, 14) "
                 "WHERE id % 4 = 0");
        raw.exec("UPDATE tickets SET called_at = NULL, state = 'waiting' WHERE id % 5 = 0");
        raw.exec("UPDATE tickets SET transferred_to = 'minori' WHERE id % 7 = 0");
        raw.exec("DELETE FROM tickets WHERE id % 6 = 0");
        raw.exec("DELETE FROM survey_answers WHERE overall = 3");
        raw.exec("UPDATE survey_answers SET access = NULL, overall = 5 WHERE overall = 1");
        // Interviews that stop counting, start counting, or change length.
        raw.exec("UPDATE tickets SET state = 'served' WHERE state = 'no-show'");
        raw.exec("UPDATE tickets SET finished_at = called_at WHERE state = 'served' AND id % 3 = 0");
        raw.exec("UPDATE tickets SET finished_at = NULL WHERE state = 'served' AND id % 3 = 1");
    }
    expectDemandAgreesWithFullScan(db);
    expectSurveyAgreesWithFullScan(db, kFirst, kLast);
    expectInterviewsAgreeWithFullScan(db);
    {
        RawDatabase raw(db.path());
        raw.exec("DELETE FROM tickets; DELETE FROM survey_answers");
        EXPECT_EQ(raw.integer("SELECT count(*) FROM demand_cells"), 0);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM survey_score_counts"), 0);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM interview_days"), 0);
    }
}

// A file of schema 4 (this one's tables without the aggregates) gains them, filled from its data.
TEST(StoreAggregates, theMigrationToSchema5CountsTheTicketsAndAnswersAlreadyThere) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    std::map<std::tuple<std::string, std::string, int>, DemandCell> before;
    {
        store::SqliteStore db(path);
        randomActivity(db, 3, 8);
    }
    {
        RawDatabase raw(path);
        raw.exec("DROP TRIGGER demand_cells_insert; DROP TRIGGER demand_cells_update; DROP TRIGGER demand_cells_delete;"
                 "DROP TRIGGER survey_score_counts_insert; DROP TRIGGER survey_score_counts_update;"
                 "DROP TRIGGER survey_score_counts_delete; DROP TABLE demand_cells; DROP TABLE survey_score_counts;"
                 "DROP TRIGGER interview_days_insert; DROP TRIGGER interview_days_delete;"
                 "DROP TRIGGER interview_days_update_old; DROP TRIGGER interview_days_update_new;"
                 "DROP TABLE interview_days; DROP TABLE contact_tallies; PRAGMA user_version = 4");
    }
    store::SqliteStore db(path);
    RawDatabase raw(path);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), store::SqliteStore::kSchemaVersion);
    EXPECT_GT(raw.integer("SELECT count(*) FROM demand_cells"), 8);
    EXPECT_GT(raw.integer("SELECT count(*) FROM survey_score_counts"), 8);
    expectDemandAgreesWithFullScan(db);
    expectSurveyAgreesWithFullScan(db, kFirst, kLast);
    // And the triggers run from then on.
    db.issueTicket({"adulti", 'A', at("2026-12-30T10:00:00"), ""});
    std::mt19937 random(1);
    db.submitSurvey(day("2026-12-30"), std::nullopt, randomAnswer(random));
    expectDemandAgreesWithFullScan(db);
    expectSurveyAgreesWithFullScan(db, kFirst, kLast);
    expectInterviewsAgreeWithFullScan(db);
}

// Every ticket as text, to compare a file before and after a migration.
std::vector<std::string> everyTicket(const std::string& path) {
    return RawDatabase(path).column(
        "SELECT printf('%d %s %s %s %d %s %s %s %s %s %s %s %d', id, service_day, category_id, code, number, "
        "issued_at, state, desk, request_token, called_at, finished_at, survey_code, survey_used) "
        "FROM tickets ORDER BY id");
}

// A file of schema 5 keeps every ticket and answer and gains the interview totals, which then
// teach the interview length the full scan of schema 5 taught, and keep following new services.
TEST(StoreAggregates, theMigrationToSchema6KeepsTheDataAndLearnsWhatTheFullScanLearned) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        store::SqliteStore db(path);
        randomActivity(db, 5, 16);
    }
    const std::vector<std::string> ticketsBefore = everyTicket(path);
    long long answersBefore = 0;
    {
        RawDatabase raw(path);
        raw.exec("DROP TRIGGER interview_days_insert; DROP TRIGGER interview_days_delete;"
                 "DROP TRIGGER interview_days_update_old; DROP TRIGGER interview_days_update_new;"
                 "DROP TABLE interview_days; DROP TABLE contact_tallies; PRAGMA user_version = 5");
        answersBefore = raw.integer("SELECT count(*) FROM survey_answers");
    }
    ASSERT_GT(interviewsByFullScan(path, "2000-01-01").samples, 5);
    store::SqliteStore db(path);
    RawDatabase raw(path);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), store::SqliteStore::kSchemaVersion);
    EXPECT_EQ(everyTicket(path), ticketsBefore);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM survey_answers"), answersBefore);
    EXPECT_GT(raw.integer("SELECT count(*) FROM interview_days"), 3);
    expectInterviewsAgreeWithFullScan(db);
    expectDemandAgreesWithFullScan(db);

    // A ticket served after the migration counts: 21 minutes on a day of its own.
    const domain::Ticket t = db.issueTicket({"adulti", 'A', at("2026-12-30T10:00:00"), ""});
    domain::TicketChange call;
    call.serviceDay = t.serviceDay;
    call.code = t.code;
    call.from = {TicketState::Waiting};
    call.to = TicketState::Called;
    call.desk = "Stanza 1";
    call.calledAt = at("2026-12-30T10:05:00");
    db.changeTicket(call);
    domain::TicketChange serve;
    serve.serviceDay = t.serviceDay;
    serve.code = t.code;
    serve.from = {TicketState::Called};
    serve.to = TicketState::Served;
    serve.finishedAt = at("2026-12-30T10:26:00");
    db.changeTicket(serve);
    const domain::InterviewStats thatDay = db.interviewStats(day("2026-12-30"));
    EXPECT_EQ(thatDay.samples, 1);
    EXPECT_NEAR(thatDay.averageMinutes, 21.0, 1e-9);
    expectInterviewsAgreeWithFullScan(db);
}

// The survey counts, like the answers, name only a day, a source and scores.
TEST(StoreAggregates, theSurveyCountsHoldNoTicketCodeOrTime) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    RawDatabase raw(db.path());
    const auto columns = raw.column("SELECT name FROM pragma_table_info('survey_score_counts') ORDER BY cid");
    EXPECT_EQ(columns, (std::vector<std::string>{"day", "paper", "question", "score_1", "score_2", "score_3", "score_4", "score_5"}));
    EXPECT_EQ(raw.integer("SELECT count(*) FROM pragma_table_list WHERE name = 'survey_score_counts' AND wr = 1"), 1)
        << "keyed by day and question (WITHOUT ROWID): no row id grows with each answer";
}

domain::Config demoConfig() {
    domain::Config config;
    for (const auto& [id, prefix] : std::vector<std::pair<std::string, char>>{{"adulti", 'A'}, {"anziani", 'N'}})
        config.categories.push_back({id, id, prefix, ""});
    config.hours.weekly = {{1, 15 * 60 + 30, 17 * 60, 1}, {5, 9 * 60 + 30, 11 * 60 + 30, 1}};
    config.staff.rooms = {"Stanza 1", "Stanza 2"};
    return config;
}

store::DemoDataOptions smallDemo() {
    store::DemoDataOptions options;
    options.years = 1;
    options.until = day("2026-11-29");
    options.seed = 5;
    options.shape.ticketsPerYear = 3000;
    return options;
}

TEST(DemoDataStore, writesWhatItCountsWithAnswersAsTheKioskStoresThem) {
    TempDir dir;
    const auto path = dir.file("demo.db");
    const domain::Config config = demoConfig();
    const store::DemoDataCounts counts = store::generateDemoData(path, config, smallDemo());
    EXPECT_EQ(counts.from, day("2025-11-30"));
    EXPECT_EQ(counts.to, day("2026-11-29"));
    EXPECT_NEAR(static_cast<double>(counts.tickets), 3000, 300);
    RawDatabase raw(path);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets"), counts.tickets);
    EXPECT_EQ(raw.integer("SELECT count(DISTINCT service_day) FROM tickets"), counts.days);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM survey_answers WHERE paper = 0"), counts.kioskAnswers);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM survey_answers WHERE paper = 1"), counts.paperAnswers);
    // Every kiosk answer used up a served ticket's code, and only served tickets answered.
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets WHERE survey_used = 1"), counts.kioskAnswers);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets WHERE survey_used = 1 AND state <> 'served'"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM survey_answers WHERE length(key) <> 16"), 0);
    // Codes are unique within their day, as the UNIQUE index wants, and numbering is gap-free.
    EXPECT_EQ(raw.integer("SELECT count(*) FROM (SELECT service_day, category_id, max(number) AS top, count(*) AS n "
                          "FROM tickets GROUP BY 1, 2) WHERE top <> n"),
              0);
    store::SqliteStore db(path);
    expectDemandAgreesWithFullScan(db);
    expectSurveyAgreesWithFullScan(db, counts.from, counts.to);
    expectInterviewsAgreeWithFullScan(db);
}

TEST(DemoDataStore, refusesADatabaseWithTicketsUntouchedUnlessAskedToReplaceThem) {
    TempDir dir;
    const auto path = dir.file("demo.db");
    {
        store::SqliteStore db(path);
        db.issueTicket({"adulti", 'A', at("2026-11-30T15:30:00"), ""});
        db.setSetting("staff_pin", "hash");
    }
    EXPECT_THROW(store::generateDemoData(path, demoConfig(), smallDemo()), store::DatabaseNotEmptyError);
    RawDatabase raw(path);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets"), 1);

    store::DemoDataOptions replace = smallDemo();
    replace.replaceExisting = true;
    const auto counts = store::generateDemoData(path, demoConfig(), replace);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets"), counts.tickets);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM tickets WHERE service_day = '2026-11-30'"), 0);
    EXPECT_EQ(raw.text("SELECT value FROM settings WHERE key = 'staff_pin'"), "hash");
    store::SqliteStore db(path);
    expectDemandAgreesWithFullScan(db);
}

}  // namespace

namespace {

std::string queryPlan(const std::string& path, const std::string& sql) {
    return testing_support::RawDatabase(path).queryPlan(sql);
}

// The reads walk a key range; the triggers' recount of one cell's longest wait walks one range of
// tickets_demand (the expressions repeat the index's word for word), never the whole table.
TEST(StoreAggregates, readsAndRecountsUseKeyRangesNotScans) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    { store::SqliteStore db(path); }
    const std::string recount = queryPlan(
        path, "SELECT COALESCE(MAX(max(0, unixepoch(called_at) - unixepoch(issued_at))), 0) FROM tickets "
              "WHERE service_day = '2026-11-30' AND COALESCE(transferred_to, category_id) = 'adulti' "
              "AND CAST(substr(issued_at, 12, 2) AS INTEGER) = 15");
    EXPECT_NE(recount.find("tickets_demand (service_day=? AND <expr>=? AND <expr>=?)"), std::string::npos) << recount;
    const std::string cells = queryPlan(path, "SELECT * FROM demand_cells WHERE service_day BETWEEN '2026-01-01' "
                                              "AND '2026-12-31' ORDER BY 1, 2, 3");
    EXPECT_NE(cells.find("USING PRIMARY KEY"), std::string::npos) << cells;
    EXPECT_EQ(cells.find("TEMP B-TREE"), std::string::npos) << cells;
    const std::string scores = queryPlan(path, "SELECT * FROM survey_score_counts WHERE day BETWEEN '2026-01-01' "
                                               "AND '2026-12-31' ORDER BY day, paper");
    EXPECT_NE(scores.find("USING PRIMARY KEY"), std::string::npos) << scores;
    EXPECT_EQ(scores.find("TEMP B-TREE"), std::string::npos) << scores;
}

}  // namespace
