// The storage contract (domain/ticket_store.hpp), one suite run against every store: SQLite and
// PostgreSQL. Each test gets a fresh database; "another connection" is a second store object on
// the same database, as another process or PC would hold.
#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <poll.h>

#include "postgres_test_server.hpp"
#include "support/process.hpp"

#include <algorithm>
#include <functional>
#include <latch>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using domain::LocalDate;
using domain::LocalDateTime;
using domain::NewTicketRequest;
using domain::StoreError;
using domain::SurveyAnswer;
using domain::SurveyRefusal;
using domain::Ticket;
using domain::TicketState;
using domain::TicketStore;

LocalDateTime at(const char* iso) { return LocalDateTime::parse(iso).value(); }
LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }
const LocalDate kToday = day("2026-11-30");

NewTicketRequest request(const std::string& category, char prefix, const char* when, const std::string& token = {}) {
    NewTicketRequest r;
    r.categoryId = category;
    r.prefix = prefix;
    r.issuedAt = at(when);
    r.requestToken = token;
    return r;
}

NewTicketRequest adulti(const char* when = "2026-11-30T09:00:00", const std::string& token = {}) {
    return request("adulti", 'A', when, token);
}

std::vector<int> sortedNumbers(const std::vector<Ticket>& tickets) {
    std::vector<int> numbers;
    for (const auto& t : tickets) numbers.push_back(t.number);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

std::vector<int> oneTo(int last) {
    std::vector<int> numbers(static_cast<std::size_t>(last));
    std::iota(numbers.begin(), numbers.end(), 1);
    return numbers;
}

domain::TicketChange change(const LocalDate& serviceDay, const std::string& code, std::vector<TicketState> from,
                            TicketState to) {
    domain::TicketChange c;
    c.serviceDay = serviceDay;
    c.code = code;
    c.from = std::move(from);
    c.to = to;
    return c;
}

// One fresh database of one kind of store; open() gives another connection to it.
class Backend {
public:
    virtual ~Backend() = default;
    virtual std::unique_ptr<TicketStore> open() = 0;
};

class SqliteBackend : public Backend {
public:
    std::unique_ptr<TicketStore> open() override { return std::make_unique<store::SqliteStore>(m_dir.file("t.db")); }

private:
    testing_support::TempDir m_dir;
};

class PostgresBackend : public Backend {
public:
    explicit PostgresBackend(const std::string& serverUrl) : m_database(serverUrl) {}
    std::unique_ptr<TicketStore> open() override { return std::make_unique<store::PostgresStore>(m_database.url()); }

private:
    pg_test::ScratchDatabase m_database;
};

class StoreContract : public testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "postgresql") {
            PG_TEST_SERVER_OR_SKIP(server);
            m_backend = std::make_unique<PostgresBackend>(*server.url);
        } else {
            m_backend = std::make_unique<SqliteBackend>();
        }
        m_store = m_backend->open();
    }
    void TearDown() override {
        m_store.reset();  // connections close before the database is dropped
        m_backend.reset();
    }

    TicketStore& db() { return *m_store; }
    std::unique_ptr<TicketStore> another() { return m_backend->open(); }

    Ticket serve(const Ticket& t) {
        domain::TicketChange call = change(t.serviceDay, t.code, {TicketState::Waiting}, TicketState::Called);
        call.desk = "Stanza 1";
        call.calledAt = at("2026-11-30T10:00:00");
        call.logCall = true;
        db().changeTicket(call);
        domain::TicketChange done = change(t.serviceDay, t.code, {TicketState::Called}, TicketState::Served);
        done.finishedAt = at("2026-11-30T10:20:00");
        return db().changeTicket(done);
    }

    std::optional<SurveyRefusal> refusalOf(const std::string& code, const SurveyAnswer& answer) {
        try {
            db().submitSurvey(kToday, code, answer);
        } catch (const domain::SurveyRefusedError& e) {
            return e.reason();
        }
        return std::nullopt;
    }

    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<TicketStore> m_store;
};

SurveyAnswer overall(int score) {
    SurveyAnswer answer;
    answer.overall = score;
    return answer;
}

// Two connections of their own in two threads, started together; returns each one's error.
std::array<std::string, 2> raceTwo(const std::function<std::unique_ptr<TicketStore>()>& open,
                                   const std::function<void(TicketStore&, int)>& body) {
    std::latch bothOpen(2);
    std::array<std::string, 2> errors;
    auto worker = [&](int index) {
        bool arrived = false;
        try {
            auto connection = open();
            arrived = true;
            bothOpen.arrive_and_wait();
            body(*connection, index);
        } catch (const std::exception& e) {
            errors[static_cast<std::size_t>(index)] = e.what();
            if (!arrived) bothOpen.count_down();
        }
    };
    std::thread first(worker, 0);
    std::thread second(worker, 1);
    first.join();
    second.join();
    return errors;
}

struct QueueFull {};

// SQLite's data_version is current at once; a PostgreSQL notification travels on its own: wait
// until it reached the other connection's socket (the deadline is a failure guard only).
void waitForNews(TicketStore& store) {
    auto* server = dynamic_cast<store::PostgresStore*>(&store);
    if (!server) return;
    pollfd readable{server->notificationSocket(), POLLIN, 0};
    ASSERT_EQ(poll(&readable, 1, 30000), 1) << "no notification within 30 s";
}


}  // namespace

TEST_P(StoreContract, numbersAreConsecutivePerCategoryAndRestartEachDay) {
    EXPECT_EQ(db().issueTicket(adulti()).code, "A001");
    EXPECT_EQ(db().issueTicket(request("anziani", 'N', "2026-11-30T09:01:00")).code, "N001");
    EXPECT_EQ(db().issueTicket(adulti()).code, "A002");
    EXPECT_EQ(db().issueTicket(adulti("2026-12-01T08:00:00")).code, "A001");
    EXPECT_EQ(db().nextNumber("adulti", kToday), 3);
    EXPECT_EQ(db().nextNumber("adulti", kToday), 3);  // asking stores nothing
    EXPECT_EQ(db().nextNumber("famiglie", kToday), 1);
}

TEST_P(StoreContract, anIssuedTicketIsWaitingAndReadBackTheSame) {
    const Ticket issued = db().issueTicket(adulti("2026-11-30T09:15:42"));
    const auto stored = another()->ticketsOfDay(kToday);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, issued.id);
    EXPECT_EQ(stored[0].code, "A001");
    EXPECT_EQ(stored[0].categoryId, "adulti");
    EXPECT_EQ(stored[0].state, TicketState::Waiting);
    EXPECT_EQ(stored[0].issuedAt, at("2026-11-30T09:15:42"));
    EXPECT_EQ(stored[0].surveyCode, issued.surveyCode);
    EXPECT_EQ(domain::normalizeSurveyCode(issued.surveyCode), issued.surveyCode);
    EXPECT_FALSE(stored[0].desk.has_value());
    EXPECT_FALSE(stored[0].calledAt.has_value());
}

TEST_P(StoreContract, aRepeatedRequestTokenReturnsTheSameTicketAndEmptyTokensNeverMerge) {
    const Ticket first = db().issueTicket(adulti("2026-11-30T09:00:00", "tap-1"));
    const Ticket again = another()->issueTicket(adulti("2026-11-30T09:00:01", "tap-1"));
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(again.code, first.code);
    EXPECT_EQ(db().findByRequestToken("tap-1")->code, "A001");
    EXPECT_FALSE(db().findByRequestToken("tap-2").has_value());
    db().issueTicket(adulti());
    db().issueTicket(adulti());
    EXPECT_EQ(db().ticketsOfDay(kToday).size(), 3u);
}

TEST_P(StoreContract, ticketsOfDayAreInIssueOrderAndOfThatDayOnly) {
    db().issueTicket(adulti("2026-11-30T10:00:00"));
    db().issueTicket(request("anziani", 'N', "2026-11-30T09:00:00"));  // clock moved back: still second
    db().issueTicket(adulti("2026-12-01T09:00:00"));
    const auto tickets = db().ticketsOfDay(kToday);
    ASSERT_EQ(tickets.size(), 2u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(tickets[1].code, "N001");
}

TEST_P(StoreContract, categoriesSharingAPrefixAreRefusedWithoutStoringAnything) {
    db().issueTicket(adulti());
    try {
        db().issueTicket(request("anziani", 'A', "2026-11-30T09:00:00"));
        FAIL() << "no StoreError";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("prefix 'A'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(db().ticketsOfDay(kToday).size(), 1u);
    EXPECT_EQ(db().issueTicket(adulti()).code, "A002");  // the connection is usable afterwards
}

TEST_P(StoreContract, dataVersionChangesOnAnotherConnectionsCommitOnly) {
    auto other = another();
    const auto before = db().dataVersion();
    db().issueTicket(adulti());
    EXPECT_EQ(db().dataVersion(), before);
    const auto seen = other->dataVersion();
    db().issueTicket(adulti());
    waitForNews(*other);
    EXPECT_NE(other->dataVersion(), seen);
}

TEST_P(StoreContract, twoConnectionsIssuingAtOnceNeverShareANumberNorLeaveGaps) {
    constexpr int kEach = 60;
    std::vector<Ticket> issued[2];
    const auto errors = raceTwo([&] { return another(); }, [&](TicketStore& s, int index) {
        for (int i = 0; i < kEach; ++i) issued[index].push_back(s.issueTicket(adulti()));
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    std::vector<Ticket> all = issued[0];
    all.insert(all.end(), issued[1].begin(), issued[1].end());
    EXPECT_EQ(sortedNumbers(all), oneTo(2 * kEach));
    EXPECT_EQ(sortedNumbers(db().ticketsOfDay(kToday)), oneTo(2 * kEach));
}

TEST_P(StoreContract, callNextTakesPriorityCategoriesFirstThenIssueOrderAndLogsTheCall) {
    db().issueTicket(adulti("2026-11-30T09:00:00"));
    db().issueTicket(request("anziani", 'N', "2026-11-30T09:05:00"));
    domain::CallNextRequest call{kToday, "Stanza 2", at("2026-11-30T09:30:00"), {"anziani"}};
    const auto first = db().callNext(call);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->code, "N001");
    EXPECT_EQ(first->state, TicketState::Called);
    EXPECT_EQ(first->desk, "Stanza 2");
    EXPECT_EQ(first->calledAt, at("2026-11-30T09:30:00"));
    EXPECT_EQ(db().callNext(call)->code, "A001");
    EXPECT_FALSE(db().callNext(call).has_value());
    const auto calls = another()->recentCalls(kToday, 10);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].code, "A001");  // newest first
    EXPECT_EQ(calls[1].code, "N001");
    EXPECT_GT(calls[0].id, calls[1].id);
    EXPECT_EQ(calls[0].desk, "Stanza 2");
}

TEST_P(StoreContract, twoDesksCallingAtOnceNeverCallOneTicketTwice) {
    constexpr int kTickets = 80;
    for (int i = 0; i < kTickets; ++i) db().issueTicket(adulti());
    std::vector<std::string> called[2];
    const auto errors = raceTwo([&] { return another(); }, [&](TicketStore& s, int index) {
        const domain::CallNextRequest call{kToday, "Stanza " + std::to_string(index), at("2026-11-30T10:00:00"), {}};
        while (const auto t = s.callNext(call)) called[index].push_back(t->code);
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    std::set<std::string> all(called[0].begin(), called[0].end());
    all.insert(called[1].begin(), called[1].end());
    EXPECT_EQ(all.size(), called[0].size() + called[1].size()) << "a ticket was called twice";
    EXPECT_EQ(all.size(), static_cast<std::size_t>(kTickets));
    EXPECT_EQ(db().recentCalls(kToday, 1000).size(), static_cast<std::size_t>(kTickets));
}

TEST_P(StoreContract, changeTicketRefusesAWrongStateOrUnknownCodeNamingThemAndChangesNothing) {
    const Ticket t = db().issueTicket(adulti());
    serve(t);
    domain::TicketChange recall = change(kToday, "A001", {TicketState::Called}, TicketState::Called);
    try {
        db().changeTicket(recall);
        FAIL() << "no TransitionError";
    } catch (const domain::TransitionError& e) {
        EXPECT_STREQ(e.what(), "ticket A001 is served: it cannot become called");
    }
    domain::TicketChange noShow = change(kToday, "A001", {TicketState::Called}, TicketState::Served);
    try {
        db().changeTicket(noShow);
        FAIL() << "no TransitionError";
    } catch (const domain::TransitionError& e) {
        EXPECT_STREQ(e.what(), "ticket A001 is already served");
    }
    domain::TicketChange unknown = change(kToday, "A099", {TicketState::Waiting}, TicketState::Called);
    try {
        db().changeTicket(unknown);
        FAIL() << "no UnknownTicketError";
    } catch (const domain::UnknownTicketError& e) {
        EXPECT_STREQ(e.what(), "no ticket A099 today (2026-11-30)");
    }
    EXPECT_EQ(db().ticketsOfDay(kToday)[0].state, TicketState::Served);
    EXPECT_EQ(db().recentCalls(kToday, 10).size(), 1u);
}

TEST_P(StoreContract, aNoShowIsNamedInPlainWords) {
    db().issueTicket(adulti());
    domain::TicketChange gone = change(kToday, "A001", {TicketState::Waiting}, TicketState::NoShow);
    gone.finishedAt = at("2026-11-30T09:30:00");
    db().changeTicket(gone);
    try {
        db().changeTicket(change(kToday, "A001", {TicketState::Waiting}, TicketState::Called));
        FAIL() << "no TransitionError";
    } catch (const domain::TransitionError& e) {
        EXPECT_STREQ(e.what(), "ticket A001 is a no-show: it cannot become called");
    }
}

TEST_P(StoreContract, recallKeepsTheFirstCallTimeRequeueForgetsItTransferKeepsTheCode) {
    db().issueTicket(adulti());
    db().callNext({kToday, "Stanza 1", at("2026-11-30T09:10:00"), {}});
    domain::TicketChange recall = change(kToday, "A001", {TicketState::Called}, TicketState::Called);
    recall.desk = "Stanza 3";
    recall.calledAt = at("2026-11-30T09:20:00");
    recall.logCall = true;
    const Ticket recalled = db().changeTicket(recall);
    EXPECT_EQ(recalled.calledAt, at("2026-11-30T09:10:00"));
    EXPECT_EQ(recalled.desk, "Stanza 3");
    EXPECT_EQ(db().recentCalls(kToday, 10).size(), 2u);
    EXPECT_EQ(db().recentCalls(kToday, 10)[0].calledAt, at("2026-11-30T09:20:00"));

    domain::TicketChange requeue = change(kToday, "A001", {TicketState::Called}, TicketState::Waiting);
    requeue.clearCall = true;
    const Ticket back = db().changeTicket(requeue);
    EXPECT_FALSE(back.desk.has_value());
    EXPECT_FALSE(back.calledAt.has_value());
    EXPECT_FALSE(back.finishedAt.has_value());

    domain::TicketChange transfer = change(kToday, "A001", {TicketState::Waiting}, TicketState::Waiting);
    transfer.newCategoryId = "anziani";
    const Ticket moved = db().changeTicket(transfer);
    EXPECT_EQ(moved.code, "A001");
    EXPECT_EQ(moved.categoryId, "anziani");
    EXPECT_EQ(db().issueTicket(adulti()).code, "A002");  // numbering follows the issued category
    EXPECT_EQ(db().issueTicket(request("anziani", 'N', "2026-11-30T09:00:00")).code, "N001");
}

TEST_P(StoreContract, recentCallsAreLimitedAndOfThatDayOnly) {
    for (int i = 0; i < 4; ++i) db().issueTicket(adulti());
    db().issueTicket(adulti("2026-12-01T09:00:00"));
    for (int i = 0; i < 4; ++i) db().callNext({kToday, "Stanza 1", at("2026-11-30T10:00:00"), {}});
    db().callNext({day("2026-12-01"), "Stanza 1", at("2026-12-01T10:00:00"), {}});
    EXPECT_EQ(db().recentCalls(kToday, 3).size(), 3u);
    EXPECT_EQ(db().recentCalls(kToday, 10).size(), 4u);
    EXPECT_EQ(db().recentCalls(kToday, 0).size(), 0u);
    EXPECT_EQ(db().recentCalls(kToday, 3)[0].code, "A004");
}

TEST_P(StoreContract, settingsRoundTripOverwriteAndAreSeenByAnotherConnection) {
    EXPECT_FALSE(db().setting("pin").has_value());
    db().setSetting("pin", "hash-1");
    db().setSetting("pin", "hash-2");
    EXPECT_EQ(another()->setting("pin"), "hash-2");
}

TEST_P(StoreContract, aServedTicketAnswersOnceAndRefusalsStoreNothing) {
    const Ticket waiting = db().issueTicket(adulti());
    const Ticket served = serve(db().issueTicket(adulti()));
    EXPECT_EQ(refusalOf(waiting.surveyCode, overall(4)), SurveyRefusal::NotServed);
    EXPECT_EQ(refusalOf(served.surveyCode, overall(6)), SurveyRefusal::BadScore);
    std::string unknown = "000000";
    while (unknown == waiting.surveyCode || unknown == served.surveyCode) unknown[5]++;
    EXPECT_EQ(refusalOf(unknown, overall(4)), SurveyRefusal::UnknownCode);
    EXPECT_TRUE(db().surveyAnswers(kToday, kToday).empty());

    EXPECT_NO_THROW(db().checkSurveyCode(kToday, served.surveyCode));
    SurveyAnswer answer = overall(5);
    answer.dimensions = {4, std::nullopt, 2, 5};
    db().submitSurvey(kToday, served.surveyCode, answer);
    EXPECT_EQ(refusalOf(served.surveyCode, overall(3)), SurveyRefusal::AlreadyUsed);
    EXPECT_THROW(db().checkSurveyCode(kToday, served.surveyCode), domain::SurveyRefusedError);
    EXPECT_THROW(db().checkSurveyCode(day("2026-12-01"), served.surveyCode), domain::SurveyRefusedError);
    const auto answers = another()->surveyAnswers(kToday, kToday);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].day, kToday);
    EXPECT_EQ(answers[0].answer.overall, 5);
    EXPECT_EQ(answers[0].answer.dimensions, answer.dimensions);
    EXPECT_FALSE(answers[0].answer.paper);
}

TEST_P(StoreContract, paperAnswersAreReadByDayRangeAndTalliedPerDayAndSource) {
    db().submitSurvey(day("2026-11-29"), std::nullopt, overall(2));
    db().submitSurvey(kToday, std::nullopt, overall(5));
    db().submitSurvey(kToday, std::nullopt, overall(4));
    db().submitSurvey(day("2026-12-02"), std::nullopt, overall(1));
    const Ticket served = serve(db().issueTicket(adulti()));
    db().submitSurvey(kToday, served.surveyCode, overall(3));
    const auto answers = db().surveyAnswers(kToday, day("2026-12-01"));
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_EQ(std::count_if(answers.begin(), answers.end(), [](auto& a) { return a.answer.paper; }), 2);
    const auto tallies = db().surveyTallies(day("2026-11-29"), kToday);
    EXPECT_EQ(tallies.size(), 3u);  // 29 paper, 30 kiosk, 30 paper
    int counted = 0;
    for (const auto& t : tallies) counted += t.tally.answers();
    EXPECT_EQ(counted, 4);
    const auto expected = domain::tallyByDay(db().surveyAnswers(day("2026-11-29"), kToday));
    ASSERT_EQ(expected.size(), tallies.size());
    for (std::size_t i = 0; i < tallies.size(); ++i) {
        EXPECT_EQ(tallies[i].day, expected[i].day);
        EXPECT_EQ(tallies[i].paper, expected[i].paper);
        EXPECT_EQ(tallies[i].tally.counts, expected[i].tally.counts);
        EXPECT_EQ(tallies[i].tally.paperAnswers, expected[i].tally.paperAnswers);
    }
}

TEST_P(StoreContract, twoConnectionsAnsweringWithTheSameCodesStoreEachAnswerOnce) {
    std::vector<std::string> codes;
    for (int i = 0; i < 20; ++i) codes.push_back(serve(db().issueTicket(adulti())).surveyCode);
    int stored[2] = {0, 0};
    const auto errors = raceTwo([&] { return another(); }, [&](TicketStore& s, int index) {
        for (const auto& code : codes) {
            try {
                s.submitSurvey(kToday, code, overall(4));
                ++stored[index];
            } catch (const domain::SurveyRefusedError&) {
            }
        }
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(stored[0] + stored[1], 20);
    EXPECT_EQ(db().surveyAnswers(kToday, kToday).size(), 20u);
}

// On PostgreSQL every answer rewrites the day's answers (see PostgresStore::rewriteAnswersOfDay):
// two PCs storing paper and kiosk answers at once must neither lose nor double one.
TEST_P(StoreContract, twoConnectionsStoringAnswersAtOnceKeepEachAnswerOnce) {
    std::vector<std::string> codes;
    for (int i = 0; i < 15; ++i) codes.push_back(serve(db().issueTicket(adulti())).surveyCode);
    const auto errors = raceTwo([&] { return another(); }, [&](TicketStore& s, int index) {
        for (int i = 0; i < 15; ++i) {
            if (index == 0) s.submitSurvey(kToday, codes[static_cast<std::size_t>(i)], overall(5));
            s.submitSurvey(kToday, std::nullopt, overall(1 + index));
        }
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    const auto answers = db().surveyAnswers(kToday, kToday);
    EXPECT_EQ(answers.size(), 45u);
    for (int score : {1, 2, 5})
        EXPECT_EQ(std::count_if(answers.begin(), answers.end(), [&](auto& a) { return a.answer.overall == score; }), 15)
            << "score " << score;
}

TEST_P(StoreContract, interviewStatsAverageTheServedTicketsSinceADay) {
    serve(db().issueTicket(adulti()));  // 20 minutes
    const Ticket t = db().issueTicket(adulti());
    db().callNext({kToday, "Stanza 1", at("2026-11-30T11:00:00"), {}});
    domain::TicketChange done = change(kToday, t.code, {TicketState::Called}, TicketState::Served);
    done.finishedAt = at("2026-11-30T11:10:00");
    db().changeTicket(done);
    db().issueTicket(adulti());  // waiting: not counted
    const auto stats = db().interviewStats(day("2026-11-01"));
    EXPECT_EQ(stats.samples, 2);
    EXPECT_NEAR(stats.averageMinutes, 15.0, 1e-6);
    EXPECT_EQ(db().interviewStats(day("2026-12-01")).samples, 0);
    EXPECT_EQ(db().interviewStats(day("2026-12-01")).averageMinutes, 0.0);
}

TEST_P(StoreContract, demandCellsCountPerDayCategoryAndHourWithTheWaits) {
    db().issueTicket(adulti("2026-11-30T15:30:00"));                   // A001: waits 10, served
    db().issueTicket(adulti("2026-11-30T15:50:00"));                   // A002: waits 30, no-show
    db().issueTicket(adulti("2026-11-30T16:05:00"));                   // A003: never called
    db().issueTicket(request("anziani", 'N', "2026-11-30T15:35:00"));  // N001: moved to adulti
    db().issueTicket(adulti("2026-12-02T16:40:00"));
    db().issueTicket(adulti("2026-12-09T16:40:00"));  // outside the range
    domain::TicketChange call = change(kToday, "A001", {TicketState::Waiting}, TicketState::Called);
    call.desk = "Stanza 1";
    call.calledAt = at("2026-11-30T15:40:00");
    db().changeTicket(call);
    domain::TicketChange done = change(kToday, "A001", {TicketState::Called}, TicketState::Served);
    done.finishedAt = at("2026-11-30T15:55:00");
    db().changeTicket(done);
    call.code = "A002";
    call.calledAt = at("2026-11-30T16:20:00");
    db().changeTicket(call);
    db().changeTicket(change(kToday, "A002", {TicketState::Called}, TicketState::NoShow));
    domain::TicketChange transfer = change(kToday, "N001", {TicketState::Waiting}, TicketState::Waiting);
    transfer.newCategoryId = "adulti";
    db().changeTicket(transfer);

    const auto cells = db().demandCells(kToday, day("2026-12-02"));
    ASSERT_EQ(cells.size(), 3u);
    EXPECT_EQ(cells[0].categoryId, "adulti");
    EXPECT_EQ(cells[0].hour, 15);
    EXPECT_EQ(cells[0].tickets, 3);
    EXPECT_EQ(cells[0].served, 1);
    EXPECT_EQ(cells[0].noShow, 1);
    EXPECT_EQ(cells[0].called, 2);
    EXPECT_NEAR(cells[0].totalWaitMinutes, 40.0, 1e-6);
    EXPECT_NEAR(cells[0].longestWaitMinutes, 30.0, 1e-6);
    EXPECT_EQ(cells[1].hour, 16);
    EXPECT_EQ(cells[1].tickets, 1);
    EXPECT_EQ(cells[1].called, 0);
    EXPECT_EQ(cells[2].serviceDay, day("2026-12-02"));
}

TEST_P(StoreContract, admitSeesTheWaitingCategoriesAfterTransfersAndARefusalStoresNothing) {
    db().issueTicket(adulti());
    db().issueTicket(request("anziani", 'N', "2026-11-30T09:01:00"));
    db().issueTicket(adulti());
    db().callNext({kToday, "Stanza 1", at("2026-11-30T09:30:00"), {}});  // A001 leaves the queue
    domain::TicketChange transfer = change(kToday, "N001", {TicketState::Waiting}, TicketState::Waiting);
    transfer.newCategoryId = "famiglie";
    db().changeTicket(transfer);
    std::vector<std::string> seen;
    db().issueTicketIfAdmitted(adulti(), [&](const std::vector<std::string>& waiting) { seen = waiting; });
    EXPECT_EQ(seen, (std::vector<std::string>{"famiglie", "adulti"}));
    EXPECT_THROW(db().issueTicketIfAdmitted(adulti(), [](const auto&) { throw QueueFull(); }), QueueFull);
    EXPECT_EQ(db().ticketsOfDay(kToday).size(), 4u);
    EXPECT_EQ(another()->issueTicket(adulti()).code, "A004");  // nothing was left locked
}

TEST_P(StoreContract, aRepeatedTokenReturnsItsTicketWithoutAskingAdmissionAgain) {
    const Ticket first = db().issueTicketIfAdmitted(adulti("2026-11-30T09:00:00", "tap"), [](const auto&) {});
    const Ticket again = db().issueTicketIfAdmitted(adulti("2026-11-30T09:00:00", "tap"),
                                                    [](const auto&) { throw QueueFull(); });
    EXPECT_EQ(again.id, first.id);
}

TEST_P(StoreContract, twoConnectionsRacingForTheLastPlacesNeverOverfillTheQueue) {
    static constexpr int kLimit = 10;
    int issued[2] = {0, 0};
    const auto errors = raceTwo([&] { return another(); }, [&](TicketStore& s, int index) {
        for (int i = 0; i < kLimit; ++i) {
            try {
                s.issueTicketIfAdmitted(adulti(), [](const std::vector<std::string>& waiting) {
                    if (static_cast<int>(waiting.size()) >= kLimit) throw QueueFull();
                });
                ++issued[index];
            } catch (const QueueFull&) {
            }
        }
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(issued[0] + issued[1], kLimit);
    EXPECT_EQ(db().ticketsOfDay(kToday).size(), static_cast<std::size_t>(kLimit));
}

TEST_P(StoreContract, contactTalliesCountEachKeyPerDayAndCategoryAllOrNothing) {
    db().addContactTallies(kToday, "adulti", {{"need", "housing"}, {"contact", "first"}});
    another()->addContactTallies(kToday, "adulti", {{"need", "housing"}, {"need", "housing"}});
    db().addContactTallies(day("2026-12-01"), "anziani", {{"answer", "referral"}});
    db().addContactTallies(day("2026-12-05"), "anziani", {{"answer", "referral"}});
    const auto tallies = db().contactTallies(kToday, day("2026-12-01"));
    ASSERT_EQ(tallies.size(), 3u);
    EXPECT_EQ(tallies[0].facet, "contact");
    EXPECT_EQ(tallies[0].count, 1);
    EXPECT_EQ(tallies[1].facet, "need");
    EXPECT_EQ(tallies[1].value, "housing");
    EXPECT_EQ(tallies[1].count, 3);
    EXPECT_EQ(tallies[2].serviceDay, day("2026-12-01"));
    EXPECT_EQ(tallies[2].categoryId, "anziani");
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreContract, testing::Values("sqlite", "postgresql"),
                         [](const testing::TestParamInfo<std::string>& store) { return store.param; });
