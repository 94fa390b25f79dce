// A multi-PC site on PostgreSQL (issue #11), each PC a process of its own: two kiosks and two
// desks never share a number nor call a ticket twice; a server killed mid-transaction loses no
// ticket a kiosk acknowledged; kioskctl migrate-to moves the demo database with equal counts and
// equal reports.
#include "kiosk/store/postgres_store.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "own_pg_server.hpp"
#include "postgres_test_server.hpp"
#include "support/process.hpp"

namespace {

using crash_support::ChildProcess;
using crash_support::describeStatus;
using testing_support::TempDir;

const domain::LocalDate kServiceDay = *domain::LocalDate::parse("2026-11-30");  // test_office.hpp's day

struct Lines {
    std::vector<std::string> codes;
    int lost = 0;
    std::string lostMessage;
};

bool isLost(const std::string& line) { return line.rfind("lost: ", 0) == 0; }

void add(Lines& lines, const std::string& line) {
    if (!isLost(line)) {
        lines.codes.push_back(line);
        return;
    }
    ++lines.lost;
    lines.lostMessage = line;
}

// Every line the child prints until its stdout closes.
Lines readAll(ChildProcess& child) {
    Lines lines;
    while (const auto line = child.readLine()) add(lines, *line);
    return lines;
}

// Reads codes until `count` more arrived; "lost" lines are counted too.
void readCodes(ChildProcess& child, Lines& into, std::size_t count) {
    const std::size_t target = into.codes.size() + count;
    while (into.codes.size() < target) {
        const auto line = child.readLine();
        ASSERT_TRUE(line.has_value()) << "the worker stopped early: " << child.errors();
        add(into, *line);
    }
}

void readUntilLost(ChildProcess& child, Lines& into) {
    for (;;) {
        const auto line = child.readLine();
        ASSERT_TRUE(line.has_value()) << "the worker stopped before noticing the lost server: " << child.errors();
        add(into, *line);
        if (isLost(*line)) return;
    }
}

void expectExitZero(ChildProcess& child) {
    const int status = child.wait();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << describeStatus(status) << ": " << child.errors();
}

std::vector<std::string> storedCodes(const std::string& url) {
    store::PostgresStore db(url);
    std::vector<std::string> codes;
    for (const auto& ticket : db.ticketsOfDay(kServiceDay)) codes.push_back(ticket.code);
    return codes;
}

// Each category's numbers are 1..n: no duplicate, no gap.
void expectGapFreeNumbering(const std::vector<std::string>& codes) {
    std::map<char, std::vector<int>> numbers;
    for (const auto& code : codes) numbers[code[0]].push_back(std::stoi(code.substr(1)));
    for (auto& [prefix, list] : numbers) {
        std::sort(list.begin(), list.end());
        for (std::size_t i = 0; i < list.size(); ++i)
            ASSERT_EQ(list[i], static_cast<int>(i) + 1) << "category " << prefix << ": duplicate or gap";
    }
}

// A URL (postgresql://...) of another database on the test server, for kioskctl's config.
std::string urlOf(const std::string& serverUrl, const std::string& database) {
    const auto scheme = serverUrl.find("://");
    const auto path = serverUrl.find('/', scheme + 3);
    const auto query = serverUrl.find('?', path);
    return serverUrl.substr(0, path + 1) + database + (query == std::string::npos ? "" : serverUrl.substr(query));
}

}  // namespace

TEST(PostgresSite, twoKiosksAndTwoDesksAsProcessesNeverShareANumberNorCallATicketTwice) {
    PG_TEST_SERVER_OR_SKIP(server);
    pg_test::ScratchDatabase database(*server.url);
    store::PostgresStore{database.url()};  // the schema, before four processes race to create it
    constexpr int kPerKiosk = 120;

    ChildProcess desk1(PG_SITE_WORKER, {"call", database.url(), "1"});
    ChildProcess desk2(PG_SITE_WORKER, {"call", database.url(), "2"});
    ASSERT_EQ(desk1.readLine(), "ready") << desk1.errors();
    ASSERT_EQ(desk2.readLine(), "ready") << desk2.errors();
    ChildProcess kiosk1(PG_SITE_WORKER, {"take", database.url(), std::to_string(kPerKiosk)});
    ChildProcess kiosk2(PG_SITE_WORKER, {"take", database.url(), std::to_string(kPerKiosk)});
    const Lines taken1 = readAll(kiosk1);
    const Lines taken2 = readAll(kiosk2);
    expectExitZero(kiosk1);
    expectExitZero(kiosk2);
    desk1.closeStdin();  // the desks empty the queue, then stop
    desk2.closeStdin();
    const Lines called1 = readAll(desk1);
    const Lines called2 = readAll(desk2);
    expectExitZero(desk1);
    expectExitZero(desk2);

    std::vector<std::string> taken = taken1.codes;
    taken.insert(taken.end(), taken2.codes.begin(), taken2.codes.end());
    ASSERT_EQ(taken.size(), 2u * kPerKiosk);
    EXPECT_EQ(std::set<std::string>(taken.begin(), taken.end()).size(), taken.size()) << "a number was given twice";
    expectGapFreeNumbering(taken);

    std::vector<std::string> called = called1.codes;
    called.insert(called.end(), called2.codes.begin(), called2.codes.end());
    EXPECT_EQ(std::set<std::string>(called.begin(), called.end()).size(), called.size()) << "a ticket was called twice";
    EXPECT_EQ(std::set<std::string>(called.begin(), called.end()), std::set<std::string>(taken.begin(), taken.end()));
    EXPECT_FALSE(called1.codes.empty());
    EXPECT_FALSE(called2.codes.empty());
}

TEST(PostgresSite, killingTheServerMidTransactionLosesNoAcknowledgedTicket) {
    PG_TEST_SERVER_OR_SKIP(fixtureServer);
    TempDir dir;
    // This server is the test's own, removed at the end: a plain database will do.
    pg_test::OwnServer server(dir.file("server.state"));
    const std::string serverUrl = server.url();
    ASSERT_FALSE(serverUrl.empty());
    const std::string url = pg_test::withDatabase(serverUrl, "site");
    store::PostgresStore{url};  // the schema, before the kiosks race

    ChildProcess kiosk1(PG_SITE_WORKER, {"take-on", url});
    ChildProcess kiosk2(PG_SITE_WORKER, {"take-on", url});
    Lines taken1, taken2;
    readCodes(kiosk1, taken1, 40);
    readCodes(kiosk2, taken2, 40);
    server.command("kill");  // both kiosks are mid-take: one of them holds the day's lock
    readUntilLost(kiosk1, taken1);
    readUntilLost(kiosk2, taken2);
    EXPECT_NE(taken1.lostMessage.find("collegamento al server interrotto"), std::string::npos) << taken1.lostMessage;
    server.command("restart");
    readCodes(kiosk1, taken1, 40);  // both reconnected by themselves
    readCodes(kiosk2, taken2, 40);
    kiosk1.closeStdin();
    kiosk2.closeStdin();
    const Lines rest1 = readAll(kiosk1);
    const Lines rest2 = readAll(kiosk2);
    expectExitZero(kiosk1);
    expectExitZero(kiosk2);

    std::vector<std::string> acknowledged = taken1.codes;
    acknowledged.insert(acknowledged.end(), taken2.codes.begin(), taken2.codes.end());
    acknowledged.insert(acknowledged.end(), rest1.codes.begin(), rest1.codes.end());
    acknowledged.insert(acknowledged.end(), rest2.codes.begin(), rest2.codes.end());
    const auto stored = storedCodes(url);
    const std::set<std::string> storedSet(stored.begin(), stored.end());
    for (const auto& code : acknowledged) EXPECT_TRUE(storedSet.count(code)) << code << " was acknowledged but lost";
    EXPECT_EQ(std::set<std::string>(acknowledged.begin(), acknowledged.end()).size(), acknowledged.size());
    expectGapFreeNumbering(stored);
}

std::string storeErrorOf(const std::string& url) {
    try {
        store::PostgresStore refused(url);
    } catch (const domain::StoreError& e) {
        return e.what();
    }
    return "no StoreError thrown";
}

// As on SQLite: the schema is versioned; a newer one, or another program's tables, are refused
// and left as they are; a malformed URL is said to be one, not a lost connection.
TEST(PostgresSite, newerSchemasForeignDatabasesAndMalformedUrlsAreRefusedUntouched) {
    PG_TEST_SERVER_OR_SKIP(server);
    pg_test::ScratchDatabase current(*server.url);
    store::PostgresStore{current.url()};
    EXPECT_EQ(pg_test::query(current.url(), "SELECT max(version) FROM schema_version"),
              std::to_string(store::PostgresStore::kSchemaVersion));
    store::PostgresStore{current.url()};  // opening again changes nothing
    EXPECT_EQ(pg_test::query(current.url(), "SELECT count(*) FROM schema_version"), "1");

    pg_test::query(current.url(), "UPDATE schema_version SET version = 99");
    const std::string newer = storeErrorOf(current.url());
    EXPECT_NE(newer.find("schema version 99 is newer than this program supports"), std::string::npos) << newer;

    pg_test::ScratchDatabase foreign(*server.url);
    pg_test::query(foreign.url(), "CREATE TABLE invoices (id integer)");
    const std::string refused = storeErrorOf(foreign.url());
    EXPECT_NE(refused.find("tables of another program"), std::string::npos) << refused;
    EXPECT_EQ(pg_test::query(foreign.url(), "SELECT count(*) FROM information_schema.tables "
                                            "WHERE table_schema = 'public'"),
              "1");

    const std::string malformed = storeErrorOf("postgresql://kiosk@server/db?nonsense=1");
    EXPECT_NE(malformed.find("is not valid"), std::string::npos) << malformed;
    EXPECT_EQ(malformed.find("collegamento"), std::string::npos) << malformed;
}

// What wakes the screens of the other PCs: the connection's socket turns readable when another
// connection commits, and dataVersion() then changes; a connection's own commit changes nothing.
TEST(PostgresSite, theNotificationSocketWakesOnAnotherConnectionsCommit) {
    PG_TEST_SERVER_OR_SKIP(server);
    pg_test::ScratchDatabase database(*server.url);
    store::PostgresStore board(database.url());
    store::PostgresStore kiosk(database.url());
    const auto before = board.dataVersion();
    ASSERT_GE(board.notificationSocket(), 0);
    domain::NewTicketRequest request;
    request.categoryId = "adulti";
    request.issuedAt = *domain::LocalDateTime::parse("2026-11-30T10:00");
    kiosk.issueTicket(request);
    pollfd readable{board.notificationSocket(), POLLIN, 0};
    ASSERT_EQ(poll(&readable, 1, 30000), 1) << "no notification within 30 s";  // a failure guard only
    EXPECT_NE(board.dataVersion(), before);
    const auto seen = kiosk.dataVersion();
    kiosk.setSetting("x", "y");
    EXPECT_EQ(kiosk.dataVersion(), seen);
}

TEST(PostgresSite, migrateToMovesTheDemoDatabaseWithEqualCountsAndReports) {
    PG_TEST_SERVER_OR_SKIP(server);
    TempDir dir;
    pg_test::ScratchDatabase database(*server.url);
    const std::string url = urlOf(*server.url, database.name());
    const std::string config = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
    const std::string db = dir.file("demo.db");
    const auto generated = testing_support::runProcess(
        KIOSKCTL_BIN, {"--config", config, "--db", db, "--now", "2026-11-30T10:00", "generate-demo-data", "--years",
                       "1", "--tickets-per-year", "3000"});
    ASSERT_EQ(generated.exitCode, 0) << generated.err;
    const auto pin = testing_support::runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", "2468"});
    ASSERT_EQ(pin.exitCode, 0) << pin.err;

    const auto moved = testing_support::runProcess(KIOSKCTL_BIN, {"--db", db, "migrate-to", url});
    ASSERT_EQ(moved.exitCode, 0) << moved.err;
    EXPECT_NE(moved.out.find("counts match"), std::string::npos) << moved.out;
    for (const char* table : {"tickets", "survey_answers", "settings", "used survey codes"}) {
        const auto at = moved.out.find(std::string("  ") + table + " ");
        ASSERT_NE(at, std::string::npos) << table << " missing from:\n" << moved.out;
        const std::string line = moved.out.substr(at, moved.out.find('\n', at) - at);
        std::istringstream words(line.substr(line.rfind("  ", line.find("->") - 2)));
        long source = -1, target = -2;
        std::string arrow;
        words >> source >> arrow >> target;
        EXPECT_EQ(source, target) << line;
        EXPECT_GT(source, 0) << line;
    }

    // The same report from the file and from the server.
    std::string siteConfig = testing_support::readFile(config);
    const auto kiosk = siteConfig.find("\n[kiosk]\n");
    ASSERT_NE(kiosk, std::string::npos);
    siteConfig.insert(kiosk + 9, "store = \"" + url + "\"\n");
    const std::string pgConfig = dir.file("site.toml");
    testing_support::writeFile(pgConfig, siteConfig);
    const std::vector<std::string> report{"--now", "2026-11-30T10:00", "report", "--from", "2025-11-01",
                                          "--to", "2026-11-30", "--format", "json"};
    std::vector<std::string> fromFile{"--config", config, "--db", db};
    std::vector<std::string> fromServer{"--config", pgConfig, "--db", dir.file("unused.db")};
    fromFile.insert(fromFile.end(), report.begin(), report.end());
    fromServer.insert(fromServer.end(), report.begin(), report.end());
    const auto fileReport = testing_support::runProcess(KIOSKCTL_BIN, fromFile);
    const auto serverReport = testing_support::runProcess(KIOSKCTL_BIN, fromServer);
    ASSERT_EQ(fileReport.exitCode, 0) << fileReport.err;
    ASSERT_EQ(serverReport.exitCode, 0) << serverReport.err;
    EXPECT_GT(fileReport.out.size(), 100u);
    EXPECT_EQ(serverReport.out, fileReport.out);
    EXPECT_FALSE(std::filesystem::exists(dir.file("unused.db"))) << "the PostgreSQL site opened an SQLite file";

    // Commands on the SQLite file itself say what to do instead; the daily timer has nothing to do.
    const auto backup = testing_support::runProcess(KIOSKCTL_BIN, {"--config", pgConfig, "--db", db, "backup"});
    EXPECT_EQ(backup.exitCode, 2);
    EXPECT_NE(backup.err.find("pg_dump"), std::string::npos) << backup.err;
    const auto daily =
        testing_support::runProcess(KIOSKCTL_BIN, {"--config", pgConfig, "--db", db, "backup", "--daily"});
    EXPECT_EQ(daily.exitCode, 0) << daily.err;
    const auto demo = testing_support::runProcess(
        KIOSKCTL_BIN, {"--config", pgConfig, "--db", dir.file("other.db"), "generate-demo-data", "--years", "1"});
    EXPECT_EQ(demo.exitCode, 2);
    EXPECT_NE(demo.err.find("migrate-to"), std::string::npos) << demo.err;

    // A second copy would mix two sites: refused, and nothing written.
    const std::string ticketsBefore = pg_test::query(database.url(), "SELECT count(*) FROM tickets");
    const auto again = testing_support::runProcess(KIOSKCTL_BIN, {"--db", db, "migrate-to", url});
    EXPECT_EQ(again.exitCode, 4);
    EXPECT_NE(again.err.find("already holds"), std::string::npos) << again.err;
    EXPECT_EQ(pg_test::query(database.url(), "SELECT count(*) FROM tickets"), ticketsBefore);
}
