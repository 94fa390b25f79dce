// Survey answers on a PostgreSQL site cannot be paired with the tickets they belong to by anything
// the site's own role can query: not by the transaction id that wrote a row (xmin), not by where
// a row lies in the table (ctid), not by the command that wrote it (cmin). During the day every
// answer rewrites the day's answers; the daily housekeeping (`kioskctl backup --daily`, the timer
// on every PC) rewrites each finished day once more, after its last ticket, and vacuums the old
// row versions away.
#include "kiosk/store/postgres_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <latch>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "postgres_test_server.hpp"
#include "support/process.hpp"

namespace {

using domain::LocalDate;
using domain::LocalDateTime;
using testing_support::TempDir;

const LocalDate kDay = *LocalDate::parse("2026-11-30");
// 30 answers: a table order that matched the order of storing by chance would have odds of 1 in 30!.
constexpr int kAnswers = 30;

// A login role like the README's "kiosk": owns the site's database, no other right. Dropped
// (after the database, which is declared after it) when the test ends.
class SiteRole {
public:
    explicit SiteRole(const std::string& serverUrl) : m_serverUrl(serverUrl) {
        static int counter = 0;
        m_name = "kiosk_site_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
        pg_test::query(m_serverUrl, "CREATE ROLE " + m_name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
    }
    ~SiteRole() {
        try {
            pg_test::query(m_serverUrl, "DROP ROLE IF EXISTS " + m_name);
        } catch (...) {
        }
    }
    SiteRole(const SiteRole&) = delete;
    SiteRole& operator=(const SiteRole&) = delete;
    const std::string& name() const { return m_name; }

private:
    std::string m_serverUrl;
    std::string m_name;
};

// The site's database, owned by the role, as the README sets it up.
struct SiteDatabase {
    SiteDatabase(const std::string& serverUrl, const SiteRole& role) : database(serverUrl), superUrl(database.url()) {
        pg_test::query(superUrl, "ALTER DATABASE " + database.name() + " OWNER TO " + role.name());
        pg_test::query(superUrl, "REVOKE ALL ON DATABASE " + database.name() + " FROM PUBLIC");
        // The same connection as the superuser's, logged in as the role (libpq: the last keyword wins).
        roleUrl = superUrl + " user='" + role.name() + "'";
        // kioskctl's config needs the postgresql:// form.
        const auto scheme = serverUrl.find("://");
        const auto path = serverUrl.find('/', scheme + 3);
        const auto query = serverUrl.find('?', path);
        std::string parameters = query == std::string::npos ? "?" : serverUrl.substr(query) + "&";
        const auto user = parameters.find("user=");
        if (user != std::string::npos) parameters.erase(user, parameters.find('&', user) + 1 - user);
        roleUri = serverUrl.substr(0, path + 1) + database.name() + parameters + "user=" + role.name();
    }
    pg_test::ScratchDatabase database;
    std::string superUrl;  // the test server's superuser, for what the role may not do
    std::string roleUrl;   // the site's role: what anyone holding the kiosk's password can run
    std::string roleUri;
};

domain::TicketChange change(const std::string& code, domain::TicketState from, domain::TicketState to) {
    domain::TicketChange c;
    c.serviceDay = kDay;
    c.code = code;
    c.from = {from};
    c.to = to;
    return c;
}

// Answer i carries i in its scores (base 5), so that its row says which answer it is.
domain::SurveyAnswer numberedAnswer(int i) {
    domain::SurveyAnswer answer;
    answer.overall = 1 + i % 5;
    answer.dimensions = {1 + i / 5 % 5, 1 + i / 25 % 5, std::nullopt, std::nullopt};
    return answer;
}

const char* kAnswerNumber = "(overall - 1) + 5 * (access - 1) + 25 * (professionalism - 1)";

// Call, serve and answer, one person after the other, as a day at the office goes.
void serveAndAnswer(store::PostgresStore& site, int people) {
    for (int i = 0; i < people; ++i) {
        domain::NewTicketRequest request;
        request.categoryId = "adulti";
        request.prefix = 'A';
        request.issuedAt = LocalDateTime{kDay, 9 * 3600 + i * 60};
        const domain::Ticket ticket = site.issueTicket(request);
        domain::TicketChange call = change(ticket.code, domain::TicketState::Waiting, domain::TicketState::Called);
        call.desk = "Stanza 1";
        call.calledAt = LocalDateTime{kDay, 10 * 3600 + i * 60};
        call.logCall = true;
        site.changeTicket(call);
        domain::TicketChange done = change(ticket.code, domain::TicketState::Called, domain::TicketState::Served);
        done.finishedAt = LocalDateTime{kDay, 10 * 3600 + i * 60 + 30};
        site.changeTicket(done);
        site.submitSurvey(kDay, ticket.surveyCode, numberedAnswer(i));
    }
}

std::vector<int> numbers(const std::string& commaSeparated) {
    std::vector<int> out;
    std::stringstream in(commaSeparated);
    for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
    return out;
}

// The day's answers as the site's role reads them in the order of `orderBy`.
std::vector<int> answersBy(const SiteDatabase& site, const std::string& orderBy) {
    return numbers(pg_test::query(site.roleUrl, std::string("SELECT string_agg((") + kAnswerNumber + ")::text, ',' ORDER BY " +
                                                    orderBy + ") FROM survey_answers WHERE day = '" + kDay.iso() + "'"));
}

std::vector<int> storingOrder() {
    std::vector<int> order(kAnswers);
    std::iota(order.begin(), order.end(), 0);
    return order;
}

// Neither the order of storing nor its reverse.
void expectShuffled(const std::vector<int>& order, const std::string& what) {
    std::vector<int> reversed = storingOrder();
    std::reverse(reversed.begin(), reversed.end());
    ASSERT_EQ(order.size(), static_cast<std::size_t>(kAnswers)) << what;
    EXPECT_NE(order, storingOrder()) << what << " follows the order in which the answers were stored";
    EXPECT_NE(order, reversed) << what << " follows the order in which the answers were stored, backwards";
}

std::string dayQuery(const std::string& select, const std::string& table, const std::string& dayColumn) {
    return "SELECT " + select + " FROM " + table + " WHERE " + dayColumn + " = '" + kDay.iso() + "'";
}

// What the role can see of the transactions: one xmin (and one cmin) for all the day's answers,
// newer than every ticket of the day when `afterTheTickets`.
void expectNoTransactionOrder(const SiteDatabase& site, bool afterTheTickets) {
    EXPECT_EQ(pg_test::query(site.roleUrl, dayQuery("count(DISTINCT xmin::text)", "survey_answers", "day")), "1")
        << "the answers of the day were written by different transactions, in the order of the serves";
    EXPECT_EQ(pg_test::query(site.roleUrl, dayQuery("count(DISTINCT cmin::text)", "survey_answers", "day")), "1");
    EXPECT_EQ(pg_test::query(site.roleUrl, dayQuery("count(*)", "survey_answers", "day")), std::to_string(kAnswers));
    if (!afterTheTickets) return;
    const long long answers =
        std::stoll(pg_test::query(site.roleUrl, dayQuery("min(xmin::text::bigint)", "survey_answers", "day")));
    const long long tickets =
        std::stoll(pg_test::query(site.roleUrl, dayQuery("max(xmin::text::bigint)", "tickets", "service_day")));
    EXPECT_GT(answers, tickets) << "ordered by xmin, the answers still sit among the tickets of the day";
}

}  // namespace

// The issue's finding: ordering tickets and answers by xmin put each answer right after its serve.
TEST(PostgresPrivacy, duringTheDayTheAnswersShareOneTransactionAndLieInNoOrderOfStoring) {
    PG_TEST_SERVER_OR_SKIP(server);
    const SiteRole role(*server.url);
    const SiteDatabase site(*server.url, role);
    {
        store::PostgresStore kiosk(site.roleUrl);
        serveAndAnswer(kiosk, kAnswers);
    }
    expectNoTransactionOrder(site, false);
    expectShuffled(answersBy(site, "ctid"), "the table order (ctid)");
    expectShuffled(answersBy(site, "key"), "the key order");
}

// Two PCs storing answers at the same moment (two kiosks, or staff typing in paper forms) take
// turns on the day's row: the last rewrite still covers every answer of the day.
TEST(PostgresPrivacy, answersStoredFromTwoPCsAtOnceStillShareOneTransaction) {
    PG_TEST_SERVER_OR_SKIP(server);
    const SiteRole role(*server.url);
    const SiteDatabase site(*server.url, role);
    store::PostgresStore pcs[2] = {store::PostgresStore(site.roleUrl), store::PostgresStore(site.roleUrl)};
    std::latch start(2);
    std::string errors[2];
    auto pc = [&](int index) {
        start.arrive_and_wait();
        try {
            for (int i = index; i < kAnswers; i += 2) pcs[index].submitSurvey(kDay, std::nullopt, numberedAnswer(i));
        } catch (const std::exception& e) {
            errors[index] = e.what();
        }
    };
    std::thread first(pc, 0), second(pc, 1);
    first.join();
    second.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    expectNoTransactionOrder(site, false);
}

TEST(PostgresPrivacy, afterTheDailyHousekeepingNoQueryOfTheSitesRolePairsAnAnswerWithItsTicket) {
    PG_TEST_SERVER_OR_SKIP(server);
    const SiteRole role(*server.url);
    const SiteDatabase site(*server.url, role);
    {
        store::PostgresStore kiosk(site.roleUrl);
        serveAndAnswer(kiosk, kAnswers);
    }
    TempDir dir;
    const std::string config = dir.file("site.toml");
    std::string text = testing_support::readFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml");
    const auto kiosk = text.find("\n[kiosk]\n");
    ASSERT_NE(kiosk, std::string::npos);
    text.insert(kiosk + 9, "store = \"" + site.roleUri + "\"\n");
    testing_support::writeFile(config, text);

    // The timer's run just after midnight: the day is over.
    const auto daily = testing_support::runProcess(
        KIOSKCTL_BIN, {"--config", config, "--now", kDay.plusDays(1).iso() + "T00:05", "backup", "--daily"});
    ASSERT_EQ(daily.exitCode, 0) << daily.err;
    EXPECT_NE(daily.out.find("survey answers of 1 day"), std::string::npos) << daily.out;

    expectNoTransactionOrder(site, true);
    expectShuffled(answersBy(site, "ctid"), "the table order (ctid)");
    expectShuffled(answersBy(site, "key"), "the key order");
    // Nothing the role can do reads the old row versions (pageinspect is the superuser's), and
    // VACUUM has reclaimed them: every row version left in the table's pages is a live one.
    pg_test::query(site.superUrl, "CREATE EXTENSION IF NOT EXISTS pageinspect");
    EXPECT_EQ(pg_test::query(site.superUrl,
                             "SELECT count(*) FROM generate_series(0, pg_relation_size('survey_answers') / "
                             "current_setting('block_size')::int - 1) AS block, "
                             "heap_page_items(get_raw_page('survey_answers', block::int)) WHERE lp_flags = 1 "
                             "AND t_xmin::text::bigint <> (SELECT min(xmin::text::bigint) FROM survey_answers)"),
              "0")
        << "old versions of the answers, with their transaction ids, are still in the table's pages";
    EXPECT_EQ(pg_test::query(site.roleUrl, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"), "false");

    // A second run (another PC's timer) finds nothing left to do and changes nothing.
    const std::string before = pg_test::query(site.roleUrl, dayQuery("min(xmin::text)", "survey_answers", "day"));
    const auto again = testing_support::runProcess(
        KIOSKCTL_BIN, {"--config", config, "--now", kDay.plusDays(1).iso() + "T00:09", "backup", "--daily"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("survey answers of 0 days"), std::string::npos) << again.out;
    EXPECT_EQ(pg_test::query(site.roleUrl, dayQuery("min(xmin::text)", "survey_answers", "day")), before);
}
