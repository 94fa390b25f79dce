#include "kiosk/store/sqlite_store.hpp"

#include <gtest/gtest.h>

#include "raw_database.hpp"
#include "support/process.hpp"
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <latch>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using domain::LocalDate;
using domain::LocalDateTime;
using domain::NewTicketRequest;
using domain::StoreError;
using domain::Ticket;

using testing_support::TempDir;

LocalDateTime at(const char* iso) { return LocalDateTime::parse(iso).value(); }
LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }

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

using testing_support::readFile;
using testing_support::writeFile;

using testing_support::RawDatabase;

std::string storeErrorOf(const std::string& path) {
    try {
        store::SqliteStore refused(path);
    } catch (const StoreError& e) {
        return e.what();
    }
    return "no StoreError thrown";
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


// A forked child racing the parent: both get ready, then start on the same "go" byte, so the race
// is real without any sleep. The child body receives (readyFd, goFd, resultFd) and must _exit.
class ChildRace {
public:
    template <typename Body>
    explicit ChildRace(Body&& childBody) {
        if (pipe(m_ready) != 0 || pipe(m_go) != 0 || pipe(m_result) != 0) throw std::runtime_error("pipe failed");
        m_pid = fork();
        if (m_pid == -1) throw std::runtime_error("fork failed");
        if (m_pid == 0) {
            close(m_ready[0]);
            close(m_go[1]);
            close(m_result[0]);
            childBody(m_ready[1], m_go[0], m_result[1]);
            _exit(3);
        }
        closeFd(m_ready[1]);
        closeFd(m_go[0]);
        closeFd(m_result[1]);
    }
    ChildRace(const ChildRace&) = delete;
    ChildRace& operator=(const ChildRace&) = delete;
    ~ChildRace() {
        // A test that stopped early still reaps its child; nothing may throw from here.
        try {
            if (m_pid > 0) waitStatus();
        } catch (...) {
        }
    }

    // In the child: says it is ready, then waits for the parent's "go"; false if the parent is gone.
    static bool readyThenWaitForGo(int readyFd, int goFd) {
        const char ready = 'r';
        char go = 0;
        return write(readyFd, &ready, 1) == 1 && read(goFd, &go, 1) == 1;
    }

    // Waits until the child is ready, then lets both run at once; throws if the child is gone.
    void start() {
        char ready = 0;
        if (read(m_ready[0], &ready, 1) != 1) throw std::runtime_error("child never became ready");
        const char go = 'g';
        if (write(m_go[1], &go, 1) != 1) throw std::runtime_error("cannot signal the child");
    }
    // Unblocks a child still waiting for "go" (the parent failed before starting it).
    void release() { closeFd(m_go[1]); }
    // What the child wrote; reading to the end needs the child to exit.
    int resultFd() const { return m_result[0]; }
    // The child's wait status (see WIFEXITED); closes the parent's ends first.
    int waitStatus() {
        release();
        closeFd(m_ready[0]);
        int status = 0;
        const pid_t waited = waitpid(m_pid, &status, 0);
        m_pid = -1;
        closeFd(m_result[0]);
        if (waited == -1) throw std::runtime_error("waitpid failed");
        return status;
    }

private:
    static void closeFd(int& fd) {
        if (fd >= 0) close(fd);
        fd = -1;
    }
    int m_ready[2] = {-1, -1};
    int m_go[2] = {-1, -1};
    int m_result[2] = {-1, -1};
    pid_t m_pid = -1;
};

}  // namespace

TEST(SqliteStore, numbersAreConsecutiveWithinACategory) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    EXPECT_EQ(db.issueTicket(adulti()).code, "A001");
    const Ticket second = db.issueTicket(adulti());
    EXPECT_EQ(second.code, "A002");
    EXPECT_EQ(second.number, 2);
    EXPECT_EQ(db.nextNumber("adulti", day("2026-11-30")), 3);
}

TEST(SqliteStore, eachCategoryHasItsOwnSequence) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    EXPECT_EQ(db.issueTicket(adulti()).code, "A001");
    EXPECT_EQ(db.issueTicket(request("anziani", 'B', "2026-11-30T09:01:00")).code, "B001");
    EXPECT_EQ(db.issueTicket(adulti()).code, "A002");
    EXPECT_EQ(db.issueTicket(request("anziani", 'B', "2026-11-30T09:02:00")).code, "B002");
}

TEST(SqliteStore, numbersRestartEachServiceDay) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    db.issueTicket(adulti("2026-11-30T09:00:00"));
    db.issueTicket(adulti("2026-11-30T17:59:59"));
    const Ticket nextDay = db.issueTicket(adulti("2026-12-01T08:30:00"));

    EXPECT_EQ(nextDay.code, "A001");
    EXPECT_EQ(nextDay.serviceDay, day("2026-12-01"));
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 2u);
    EXPECT_EQ(db.ticketsOfDay(day("2026-12-01")).size(), 1u);
    EXPECT_EQ(db.nextNumber("adulti", day("2026-12-02")), 1);
}

TEST(SqliteStore, issuedTicketIsWaitingAndMatchesWhatIsStored) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    const Ticket issued = db.issueTicket(adulti("2026-11-30T10:15:42"));
    EXPECT_GT(issued.id, 0);
    EXPECT_EQ(issued.state, domain::TicketState::Waiting);
    EXPECT_EQ(issued.issuedAt, at("2026-11-30T10:15:42"));
    EXPECT_EQ(issued.categoryId, "adulti");
    EXPECT_FALSE(issued.desk.has_value());

    const auto stored = db.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, issued.id);
    EXPECT_EQ(stored[0].code, issued.code);
    EXPECT_EQ(stored[0].number, issued.number);
    EXPECT_EQ(stored[0].categoryId, issued.categoryId);
    EXPECT_EQ(stored[0].serviceDay, issued.serviceDay);
    EXPECT_EQ(stored[0].issuedAt, issued.issuedAt);
    EXPECT_EQ(stored[0].state, issued.state);
}

TEST(SqliteStore, sameRequestTokenReturnsTheSameTicketAndStoresOnlyOne) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    const Ticket first = db.issueTicket(adulti("2026-11-30T09:00:00", "tap-7f3a"));
    const Ticket again = db.issueTicket(adulti("2026-11-30T09:00:01", "tap-7f3a"));

    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(again.code, first.code);
    EXPECT_EQ(again.issuedAt, first.issuedAt);  // the first ticket is returned unchanged
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 1u);
    EXPECT_EQ(db.issueTicket(adulti("2026-11-30T09:00:02", "tap-other")).code, "A002");
}

TEST(SqliteStore, emptyRequestTokensNeverMergeTickets) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    EXPECT_EQ(db.issueTicket(adulti()).code, "A001");
    EXPECT_EQ(db.issueTicket(adulti()).code, "A002");
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 2u);
}

TEST(SqliteStore, nextNumberStoresNothing) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));

    EXPECT_EQ(db.nextNumber("adulti", day("2026-11-30")), 1);
    EXPECT_EQ(db.nextNumber("adulti", day("2026-11-30")), 1);
    EXPECT_TRUE(db.ticketsOfDay(day("2026-11-30")).empty());
    EXPECT_EQ(db.issueTicket(adulti()).code, "A001");
}

TEST(SqliteStore, ticketsOfDayAreInIssueOrder) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T09:00:00"));
    db.issueTicket(request("anziani", 'B', "2026-11-30T09:01:00"));
    db.issueTicket(adulti("2026-11-30T09:02:00"));
    db.issueTicket(adulti("2026-12-01T09:00:00"));

    const auto tickets = db.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(tickets.size(), 3u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(tickets[1].code, "B001");
    EXPECT_EQ(tickets[2].code, "A002");
    EXPECT_LT(tickets[0].id, tickets[1].id);
    EXPECT_LT(tickets[1].id, tickets[2].id);
}

TEST(SqliteStore, ticketsPersistAfterReopening) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        store::SqliteStore db(path);
        db.issueTicket(adulti("2026-11-30T09:00:00", "tap-1"));
        db.issueTicket(adulti("2026-11-30T09:05:00"));
    }
    store::SqliteStore reopened(path);
    const auto tickets = reopened.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(tickets.size(), 2u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(tickets[1].issuedAt, at("2026-11-30T09:05:00"));
    EXPECT_EQ(reopened.issueTicket(adulti("2026-11-30T09:10:00", "tap-1")).id, tickets[0].id);
    EXPECT_EQ(reopened.issueTicket(adulti("2026-11-30T09:10:00")).code, "A003");
    EXPECT_EQ(reopened.path(), path);
}

TEST(SqliteStore, newFileGetsTheCurrentSchemaVersionInWalMode) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    { store::SqliteStore db(path); }

    RawDatabase raw(path);
    EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(store::SqliteStore::kSchemaVersion));
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.text("SELECT name FROM sqlite_schema WHERE name = 'tickets_request_token'"), "tickets_request_token");
}

TEST(SqliteStore, createsAMissingParentDirectory) {
    TempDir dir;
    const auto path = dir.file("var/lib/kiosk/tickets.db");

    store::SqliteStore db(path);
    db.issueTicket(adulti());
    EXPECT_TRUE(fs::exists(path));
}

namespace {

// What a future version of this program could leave behind.
void writeNewerDatabase(const std::string& path, const char* journalMode) {
    RawDatabase future(path);
    future.exec(std::string("PRAGMA journal_mode = ") + journalMode);
    future.exec("CREATE TABLE tickets (id INTEGER PRIMARY KEY, something_new TEXT)");
    future.exec("PRAGMA user_version = " + std::to_string(store::SqliteStore::kSchemaVersion + 1));
}

void expectNewerSchemaRefusedAndFileUntouched(const std::string& path) {
    const auto before = readFile(path);

    const auto message = storeErrorOf(path);

    EXPECT_NE(message.find("database schema version " + std::to_string(store::SqliteStore::kSchemaVersion + 1) +
                           " is newer than this program supports (" + std::to_string(store::SqliteStore::kSchemaVersion) +
                               "): update the program"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_EQ(readFile(path), before);
    EXPECT_FALSE(fs::exists(path + "-wal"));
}

}  // namespace

TEST(SqliteStore, newerSchemaVersionIsRefusedAndTheFileLeftUntouched) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    writeNewerDatabase(path, "DELETE");
    expectNewerSchemaRefusedAndFileUntouched(path);
}

TEST(SqliteStore, newerSchemaVersionInWalModeIsRefusedAndTheFileLeftUntouched) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    writeNewerDatabase(path, "WAL");
    expectNewerSchemaRefusedAndFileUntouched(path);
}

TEST(SqliteStore, nonSqliteFileIsRefusedAndLeftUntouched) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    const std::string notADatabase = "[kiosk]\ntitle = \"Segretariato sociale\"\n";
    writeFile(path, notADatabase);

    const auto message = storeErrorOf(path);

    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("not a"), std::string::npos) << message;
    EXPECT_EQ(readFile(path), notADatabase);
    EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST(SqliteStore, sqliteDatabaseOfAnotherProgramIsRefusedAndLeftUntouched) {
    TempDir dir;
    const auto path = dir.file("contacts.db");
    { RawDatabase(path).exec("CREATE TABLE contacts (name TEXT)"); }
    const auto before = readFile(path);

    const auto message = storeErrorOf(path);

    EXPECT_NE(message.find("another program"), std::string::npos) << message;
    EXPECT_EQ(readFile(path), before);
}

TEST(SqliteStore, categoriesSharingAPrefixAreRefusedWithoutStoringAnything) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti());

    try {
        db.issueTicket(request("anziani", 'A', "2026-11-30T09:01:00"));
        FAIL() << "a second A001 on the same day was accepted";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("prefix 'A'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 1u);
    EXPECT_EQ(db.issueTicket(adulti()).code, "A002");  // the failed transaction left nothing locked
}

TEST(SqliteStore, dataVersionChangesAfterAnotherConnectionCommits) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore staffScreen(path);
    store::SqliteStore kiosk(path);
    const auto before = staffScreen.dataVersion();
    EXPECT_EQ(staffScreen.dataVersion(), before);

    kiosk.issueTicket(adulti());

    EXPECT_NE(staffScreen.dataVersion(), before);
}

// SQLite semantics worth knowing for whoever polls it: our own writes do not bump it.
TEST(SqliteStore, dataVersionIgnoresCommitsOfTheSameConnection) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    const auto before = db.dataVersion();

    db.issueTicket(adulti());

    EXPECT_EQ(db.dataVersion(), before);
}

TEST(SqliteStore, twoThreadsWithTheirOwnConnectionsNeverShareANumber) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    constexpr int kPerThread = 200;
    std::latch bothOpen(2);
    std::vector<Ticket> issued[2];
    std::string errors[2];

    auto worker = [&](int index) {
        bool arrived = false;
        try {
            store::SqliteStore db(path);
            arrived = true;
            bothOpen.arrive_and_wait();
            for (int i = 0; i < kPerThread; ++i) issued[index].push_back(db.issueTicket(adulti()));
        } catch (const std::exception& e) {
            errors[index] = e.what();
            if (!arrived) bothOpen.count_down();  // never leave the other thread waiting
        }
    };
    std::thread first(worker, 0);
    std::thread second(worker, 1);
    first.join();
    second.join();

    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    std::vector<Ticket> all = issued[0];
    all.insert(all.end(), issued[1].begin(), issued[1].end());
    EXPECT_EQ(sortedNumbers(all), oneTo(2 * kPerThread));
    EXPECT_EQ(sortedNumbers(store::SqliteStore(path).ticketsOfDay(day("2026-11-30"))), oneTo(2 * kPerThread));
}

namespace {

constexpr int kTicketsPerProcess = 300;

// Runs in the forked child: only async-signal-safe exits, never back into GoogleTest.
[[noreturn]] void issueFromChildProcess(const std::string& path, int readyFd, int goFd) {
    try {
        store::SqliteStore db(path);
        if (!ChildRace::readyThenWaitForGo(readyFd, goFd)) _exit(1);
        int previous = 0;
        for (int i = 0; i < kTicketsPerProcess; ++i) {
            const int number = db.issueTicket(adulti()).number;
            if (number <= previous) _exit(2);
            previous = number;
        }
        _exit(0);
    } catch (...) {
        _exit(1);
    }
}

}  // namespace

TEST(SqliteStore, twoProcessesNeverShareANumberAndLeaveNoGaps) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    ChildRace race([&](int readyFd, int goFd, int) { issueFromChildProcess(path, readyFd, goFd); });

    // Both processes open the brand-new file at the same time, so this also races the migration.
    std::vector<Ticket> parentTickets;
    std::string parentError;
    try {
        store::SqliteStore db(path);
        race.start();
        for (int i = 0; i < kTicketsPerProcess; ++i) parentTickets.push_back(db.issueTicket(adulti()));
    } catch (const std::exception& e) {
        parentError = e.what();
    }
    const int status = race.waitStatus();

    EXPECT_EQ(parentError, "");
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the child process failed to issue its tickets";
    EXPECT_EQ(parentTickets.size(), static_cast<std::size_t>(kTicketsPerProcess));

    const auto stored = store::SqliteStore(path).ticketsOfDay(day("2026-11-30"));
    EXPECT_EQ(sortedNumbers(stored), oneTo(2 * kTicketsPerProcess));
    std::set<std::string> codes;
    for (const auto& t : stored) codes.insert(t.code);
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(2 * kTicketsPerProcess));
    EXPECT_TRUE(codes.contains("A001"));
    EXPECT_TRUE(codes.contains("A600"));
    std::map<std::int64_t, std::string> storedCodes;
    for (const auto& t : stored) storedCodes[t.id] = t.code;
    for (const auto& t : parentTickets)  // what the parent was told is what was stored
        EXPECT_EQ(storedCodes[t.id], t.code);
}

// A database written by the first release (schema 1) is carried forward without losing a ticket.
TEST(SqliteStore, versionOneFileIsMigratedForwardKeepingItsTickets) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        RawDatabase v1(path);
        v1.exec(
            "CREATE TABLE tickets (id INTEGER PRIMARY KEY, service_day TEXT NOT NULL, category_id TEXT NOT NULL, "
            "number INTEGER NOT NULL, code TEXT NOT NULL, issued_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT "
            "'waiting' CHECK (state IN ('waiting', 'called', 'served', 'no-show')), desk TEXT, request_token TEXT, "
            "UNIQUE (service_day, category_id, number), UNIQUE (service_day, code));"
            "CREATE UNIQUE INDEX tickets_request_token ON tickets (request_token) WHERE request_token IS NOT NULL "
            "AND request_token <> '';"
            "CREATE INDEX tickets_day_state ON tickets (service_day, state);"
            "INSERT INTO tickets (service_day, category_id, number, code, issued_at) "
            "VALUES ('2026-11-30', 'adulti', 1, 'A001', '2026-11-30T15:30:00');"
            "PRAGMA user_version = 1;");
    }
    store::SqliteStore db(path);
    auto tickets = db.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(tickets.size(), 1u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(db.issueTicket(adulti("2026-11-30T15:40:00")).code, "A002");
    RawDatabase raw(path);
    EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(store::SqliteStore::kSchemaVersion));
}

TEST(SqliteStore, interviewStatsAverageServedTicketsOfTheRecentDaysOnly) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    for (const char* t : {"2026-11-30T15:30:00", "2026-11-30T15:31:00", "2026-11-30T15:32:00", "2026-11-30T15:33:00"})
        db.issueTicket(adulti(t));
    db.issueTicket(adulti("2026-10-01T15:30:00"));
    {
        RawDatabase raw(path);
        // 10 and 20 minutes served; a no-show and a waiting ticket do not count; an old day is excluded.
        raw.exec("UPDATE tickets SET state = 'served', called_at = '2026-11-30T15:40:00', "
                 "finished_at = '2026-11-30T15:50:00' WHERE code = 'A001' AND service_day = '2026-11-30';"
                 "UPDATE tickets SET state = 'served', called_at = '2026-11-30T15:50:00', "
                 "finished_at = '2026-11-30T16:10:00' WHERE code = 'A002' AND service_day = '2026-11-30';"
                 "UPDATE tickets SET state = 'no-show', called_at = '2026-11-30T16:10:00', "
                 "finished_at = '2026-11-30T16:12:00' WHERE code = 'A003';"
                 "UPDATE tickets SET state = 'served', called_at = '2026-10-01T15:40:00', "
                 "finished_at = '2026-10-01T17:40:00' WHERE service_day = '2026-10-01';");
    }
    domain::InterviewStats stats = db.interviewStats(day("2026-11-01"));
    EXPECT_EQ(stats.samples, 2);
    EXPECT_NEAR(stats.averageMinutes, 15.0, 0.01);
    EXPECT_EQ(db.interviewStats(day("2026-09-01")).samples, 3);
    EXPECT_EQ(db.interviewStats(day("2026-12-01")).samples, 0);
}

// ---- staff: calls, changes, settings (schema 3) ----

namespace {

using domain::CallNextRequest;
using domain::TicketChange;
using domain::TicketState;

CallNextRequest callNextAt(const std::string& desk, const char* when = "2026-11-30T15:40:00",
                           std::vector<std::string> priority = {}) {
    CallNextRequest r;
    r.serviceDay = day("2026-11-30");
    r.desk = desk;
    r.now = at(when);
    r.priorityCategoryIds = std::move(priority);
    return r;
}

TicketChange changeOf(const std::string& code, std::vector<TicketState> from, TicketState to) {
    TicketChange c;
    c.serviceDay = day("2026-11-30");
    c.code = code;
    c.from = std::move(from);
    c.to = to;
    return c;
}

TicketChange serveAt(const std::string& code, const char* when) {
    TicketChange c = changeOf(code, {TicketState::Called}, TicketState::Served);
    c.finishedAt = at(when);
    return c;
}

void issueMany(store::SqliteStore& db, int count) {
    for (int i = 0; i < count; ++i) db.issueTicket(adulti("2026-11-30T15:30:00"));
}

std::string transitionErrorOf(store::SqliteStore& db, const TicketChange& change) {
    try {
        db.changeTicket(change);
    } catch (const domain::TransitionError& e) {
        return e.what();
    }
    return "no TransitionError";
}

// Calls the next ticket until nobody is left; returns the ids in calling order.
std::vector<std::int64_t> callAllWaiting(store::SqliteStore& db, const std::string& desk) {
    std::vector<std::int64_t> ids;
    while (auto called = db.callNext(callNextAt(desk))) ids.push_back(called->id);
    return ids;
}

void expectEachOfOneToNOnce(std::vector<std::int64_t> ids, int n) {
    std::sort(ids.begin(), ids.end());
    std::vector<std::int64_t> expected(static_cast<std::size_t>(n));
    std::iota(expected.begin(), expected.end(), 1);
    EXPECT_EQ(ids, expected);
}

// Two threads, each with its own connection to the file, start their work at the same moment;
// returns what each one threw ("" when nothing).
std::array<std::string, 2> raceTwoConnections(const std::string& path,
                                              const std::function<void(store::SqliteStore&, int)>& work) {
    std::latch bothOpen(2);
    std::array<std::string, 2> errors;
    auto run = [&](int index) {
        bool arrived = false;
        try {
            store::SqliteStore db(path);
            arrived = true;
            bothOpen.arrive_and_wait();
            work(db, index);
        } catch (const std::exception& e) {
            errors[static_cast<std::size_t>(index)] = e.what();
            if (!arrived) bothOpen.count_down();
        }
    };
    std::thread first(run, 0);
    std::thread second(run, 1);
    first.join();
    second.join();
    return errors;
}

}  // namespace

// First come, first called: the first ticket issued goes first even when the PC's clock moved
// back between the two and gave the second an earlier time.
TEST(SqliteStoreStaff, callNextTakesTheFirstIssuedAndRecordsDeskAndTime) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(request("anziani", 'N', "2026-11-30T15:32:00"));
    db.issueTicket(adulti("2026-11-30T15:31:00"));

    const auto called = db.callNext(callNextAt("Stanza 2", "2026-11-30T15:40:00"));

    ASSERT_TRUE(called.has_value());
    EXPECT_EQ(called->code, "N001");
    EXPECT_EQ(called->state, TicketState::Called);
    EXPECT_EQ(called->desk, "Stanza 2");
    EXPECT_EQ(called->calledAt, at("2026-11-30T15:40:00"));
    const auto stored = db.ticketsOfDay(day("2026-11-30"));
    EXPECT_EQ(stored[0].state, TicketState::Called);
    EXPECT_EQ(stored[0].desk, "Stanza 2");
    EXPECT_EQ(stored[0].calledAt, at("2026-11-30T15:40:00"));
    EXPECT_EQ(stored[1].state, TicketState::Waiting);
}

TEST(SqliteStoreStaff, callNextPutsPriorityCategoriesFirstThenIssueOrder) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.issueTicket(request("disabili", 'D', "2026-11-30T15:35:00"));
    db.issueTicket(request("anziani", 'N', "2026-11-30T15:33:00"));
    db.issueTicket(request("disabili", 'D', "2026-11-30T15:34:00"));
    const std::vector<std::string> priority = {"anziani", "disabili"};

    std::vector<std::string> order;
    while (auto t = db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00", priority))) order.push_back(t->code);

    EXPECT_EQ(order, (std::vector<std::string>{"D001", "N001", "D002", "A001"}));
}

TEST(SqliteStoreStaff, callNextWithNobodyWaitingChangesNothing) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-12-01T15:30:00"));  // another day

    EXPECT_FALSE(db.callNext(callNextAt("Stanza 1")).has_value());
    EXPECT_TRUE(db.recentCalls(day("2026-11-30"), 10).empty());
    EXPECT_EQ(db.ticketsOfDay(day("2026-12-01"))[0].state, TicketState::Waiting);
}

TEST(SqliteStoreStaff, twoConnectionsInTwoThreadsNeverCallTheSameTicket) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    constexpr int kTickets = 500;
    {
        store::SqliteStore db(path);
        issueMany(db, kTickets);
    }
    std::vector<std::int64_t> called[2];
    const auto errors = raceTwoConnections(path, [&](store::SqliteStore& db, int index) {
        called[index] = callAllWaiting(db, "Stanza " + std::to_string(index + 1));
    });

    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    std::vector<std::int64_t> all = called[0];
    all.insert(all.end(), called[1].begin(), called[1].end());
    expectEachOfOneToNOnce(all, kTickets);
    store::SqliteStore db(path);
    EXPECT_EQ(db.recentCalls(day("2026-11-30"), 2 * kTickets).size(), static_cast<std::size_t>(kTickets));
}

namespace {

// Runs in the forked child: calls until nobody is left, then sends the called ids down the pipe.
[[noreturn]] void callFromChildProcess(const std::string& path, int readyFd, int goFd, int idsFd) {
    try {
        store::SqliteStore db(path);
        if (!ChildRace::readyThenWaitForGo(readyFd, goFd)) _exit(1);
        for (std::int64_t id : callAllWaiting(db, "Stanza 2"))
            if (write(idsFd, &id, sizeof id) != static_cast<ssize_t>(sizeof id)) _exit(1);
        _exit(0);
    } catch (...) {
        _exit(1);
    }
}

std::vector<std::int64_t> readIds(int fd) {
    std::vector<std::int64_t> ids;
    std::int64_t id = 0;
    while (read(fd, &id, sizeof id) == static_cast<ssize_t>(sizeof id)) ids.push_back(id);
    return ids;
}

}  // namespace

TEST(SqliteStoreStaff, twoProcessesCallingNextNeverCallOneTicketTwice) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    constexpr int kTickets = 500;
    {
        store::SqliteStore db(path);
        issueMany(db, kTickets);
    }
    ChildRace race([&](int readyFd, int goFd, int idsFd) { callFromChildProcess(path, readyFd, goFd, idsFd); });

    std::vector<std::int64_t> parentIds;
    std::string parentError;
    try {
        store::SqliteStore db(path);
        race.start();
        parentIds = callAllWaiting(db, "Stanza 1");
    } catch (const std::exception& e) {
        parentError = e.what();
    }
    race.release();
    // 500 ids are 4 KB: they fit in the pipe, so the child never blocks before we read.
    const std::vector<std::int64_t> childIds = readIds(race.resultFd());
    const int status = race.waitStatus();

    EXPECT_EQ(parentError, "");
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the child process failed to call its tickets";
    std::vector<std::int64_t> all = parentIds;
    all.insert(all.end(), childIds.begin(), childIds.end());
    expectEachOfOneToNOnce(all, kTickets);
    for (const auto& t : store::SqliteStore(path).ticketsOfDay(day("2026-11-30")))
        EXPECT_EQ(t.state, TicketState::Called) << t.code;
}

TEST(SqliteStoreStaff, changeTicketAppliesTheChangeAndReturnsTheTicketAfterIt) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00"));

    const Ticket served = db.changeTicket(serveAt("A001", "2026-11-30T15:55:00"));

    EXPECT_EQ(served.state, TicketState::Served);
    EXPECT_EQ(served.desk, "Stanza 1");
    EXPECT_EQ(served.calledAt, at("2026-11-30T15:40:00"));
    EXPECT_EQ(served.finishedAt, at("2026-11-30T15:55:00"));
    const Ticket stored = db.ticketsOfDay(day("2026-11-30"))[0];
    EXPECT_EQ(stored.state, TicketState::Served);
    EXPECT_EQ(stored.finishedAt, at("2026-11-30T15:55:00"));
    EXPECT_EQ(db.interviewStats(day("2026-11-01")).samples, 1);
    EXPECT_NEAR(db.interviewStats(day("2026-11-01")).averageMinutes, 15.0, 0.01);
}

TEST(SqliteStoreStaff, changeTicketRefusesAWrongStateNamingItAndChangesNothing) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00"));
    db.changeTicket(serveAt("A001", "2026-11-30T15:55:00"));
    TicketChange callAgain = changeOf("A001", {TicketState::Waiting}, TicketState::Called);
    callAgain.desk = "Stanza 2";
    callAgain.calledAt = at("2026-11-30T16:00:00");
    callAgain.logCall = true;

    EXPECT_EQ(transitionErrorOf(db, callAgain), "ticket A001 is served: it cannot become called");
    EXPECT_EQ(transitionErrorOf(db, serveAt("A001", "2026-11-30T16:05:00")), "ticket A001 is already served");

    const Ticket stored = db.ticketsOfDay(day("2026-11-30"))[0];
    EXPECT_EQ(stored.state, TicketState::Served);
    EXPECT_EQ(stored.desk, "Stanza 1");
    EXPECT_EQ(stored.finishedAt, at("2026-11-30T15:55:00"));
    EXPECT_EQ(db.recentCalls(day("2026-11-30"), 10).size(), 1u);            // only the first call
    EXPECT_EQ(db.issueTicket(adulti("2026-11-30T16:10:00")).code, "A002");  // nothing left locked
}

TEST(SqliteStoreStaff, changeTicketOnAnUnknownCodeNamesTheCodeAndTheDay) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-12-01T15:30:00"));  // A001 exists, but on another day
    try {
        db.changeTicket(serveAt("A001", "2026-11-30T16:00:00"));
        FAIL() << "an unknown ticket was changed";
    } catch (const domain::UnknownTicketError& e) {
        EXPECT_STREQ(e.what(), "no ticket A001 today (2026-11-30)");
    }
}

TEST(SqliteStoreStaff, aNoShowIsReportedInPlainWords) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.callNext(callNextAt("Stanza 1"));
    TicketChange noShow = changeOf("A001", {TicketState::Called}, TicketState::NoShow);
    noShow.finishedAt = at("2026-11-30T15:45:00");
    db.changeTicket(noShow);

    EXPECT_EQ(transitionErrorOf(db, serveAt("A001", "2026-11-30T15:50:00")),
              "ticket A001 is a no-show: it cannot become served");
}

TEST(SqliteStoreStaff, recallKeepsTheFirstCallTimeButLogsANewCall) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00"));
    TicketChange recall = changeOf("A001", {TicketState::Called}, TicketState::Called);
    recall.desk = "Stanza 1";
    recall.calledAt = at("2026-11-30T15:43:00");
    recall.logCall = true;

    const Ticket recalled = db.changeTicket(recall);

    EXPECT_EQ(recalled.calledAt, at("2026-11-30T15:40:00"));
    const auto calls = db.recentCalls(day("2026-11-30"), 10);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].calledAt, at("2026-11-30T15:43:00"));
    EXPECT_EQ(calls[1].calledAt, at("2026-11-30T15:40:00"));
}

TEST(SqliteStoreStaff, requeueForgetsDeskCallAndEnd) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    db.callNext(callNextAt("Stanza 1"));
    TicketChange requeue = changeOf("A001", {TicketState::Called, TicketState::NoShow}, TicketState::Waiting);
    requeue.clearCall = true;

    const Ticket back = db.changeTicket(requeue);

    EXPECT_EQ(back.state, TicketState::Waiting);
    EXPECT_FALSE(back.desk.has_value());
    EXPECT_FALSE(back.calledAt.has_value());
    EXPECT_FALSE(back.finishedAt.has_value());
    EXPECT_EQ(db.callNext(callNextAt("Stanza 2"))->code, "A001");
}

// The citizen holds the paper: A001 stays A001 in its new category, and both categories keep numbering.
TEST(SqliteStoreStaff, transferKeepsTheCodeAndBothCategoriesKeepNumbering) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));                   // A001
    db.issueTicket(request("anziani", 'N', "2026-11-30T15:31:00"));  // N001
    TicketChange transfer = changeOf("A001", {TicketState::Waiting, TicketState::Called}, TicketState::Waiting);
    transfer.clearCall = true;
    transfer.newCategoryId = "anziani";

    const Ticket moved = db.changeTicket(transfer);

    EXPECT_EQ(moved.code, "A001");
    EXPECT_EQ(moved.number, 1);
    EXPECT_EQ(moved.categoryId, "anziani");
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30"))[0].categoryId, "anziani");
    EXPECT_EQ(db.nextNumber("adulti", day("2026-11-30")), 2);
    EXPECT_EQ(db.issueTicket(adulti("2026-11-30T15:35:00")).code, "A002");
    EXPECT_EQ(db.issueTicket(request("anziani", 'N', "2026-11-30T15:36:00")).code, "N002");
    const auto first = db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00", {"anziani"}));
    EXPECT_EQ(first->code, "A001");  // a priority category's ticket now, and the oldest of it
}

TEST(SqliteStoreStaff, recentCallsAreNewestFirstLimitedAndOfThatDayOnly) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    issueMany(db, 3);
    db.issueTicket(adulti("2026-12-02T16:30:00"));
    db.callNext(callNextAt("Stanza 1", "2026-11-30T15:40:00"));
    db.callNext(callNextAt("Stanza 2", "2026-11-30T15:41:00"));
    db.callNext(callNextAt("Stanza 1", "2026-11-30T15:42:00"));

    const auto calls = db.recentCalls(day("2026-11-30"), 2);

    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].code, "A003");
    EXPECT_EQ(calls[0].desk, "Stanza 1");
    EXPECT_EQ(calls[0].calledAt, at("2026-11-30T15:42:00"));
    EXPECT_EQ(calls[1].code, "A002");
    EXPECT_GT(calls[0].id, calls[1].id);
    EXPECT_TRUE(db.recentCalls(day("2026-12-02"), 5).empty());
    EXPECT_TRUE(db.recentCalls(day("2026-11-30"), 0).empty());
}

TEST(SqliteStoreStaff, settingsRoundTripAndOverwrite) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        store::SqliteStore db(path);
        EXPECT_FALSE(db.setting("staff_pin_hash").has_value());
        db.setSetting("staff_pin_hash", "first");
        db.setSetting("staff_pin_hash", "second");
        db.setSetting("other", "");
    }
    store::SqliteStore reopened(path);
    EXPECT_EQ(reopened.setting("staff_pin_hash"), "second");
    EXPECT_EQ(reopened.setting("other"), "");
}

TEST(SqliteStoreStaff, aSettingWrittenByAnotherConnectionIsSeen) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore console(path);
    store::SqliteStore ctl(path);
    EXPECT_FALSE(console.setting("k").has_value());
    ctl.setSetting("k", "v");
    EXPECT_EQ(console.setting("k"), "v");
}

// A database of the second release (schema 2) keeps its tickets, calls included, and gains the staff tables.
TEST(SqliteStoreStaff, versionTwoFileIsMigratedForwardKeepingItsTickets) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        RawDatabase v2(path);
        v2.exec(
            "CREATE TABLE tickets (id INTEGER PRIMARY KEY, service_day TEXT NOT NULL, category_id TEXT NOT NULL, "
            "number INTEGER NOT NULL, code TEXT NOT NULL, issued_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT "
            "'waiting' CHECK (state IN ('waiting', 'called', 'served', 'no-show')), desk TEXT, request_token TEXT, "
            "UNIQUE (service_day, category_id, number), UNIQUE (service_day, code));"
            "CREATE UNIQUE INDEX tickets_request_token ON tickets (request_token) WHERE request_token IS NOT NULL "
            "AND request_token <> '';"
            "CREATE INDEX tickets_day_state ON tickets (service_day, state);"
            "ALTER TABLE tickets ADD COLUMN called_at TEXT;"
            "ALTER TABLE tickets ADD COLUMN finished_at TEXT;"
            "INSERT INTO tickets (service_day, category_id, number, code, issued_at, state, desk, called_at, "
            "finished_at) VALUES ('2026-11-30', 'adulti', 1, 'A001', '2026-11-30T15:30:00', 'served', 'Stanza 1', "
            "'2026-11-30T15:40:00', '2026-11-30T15:55:00');"
            "INSERT INTO tickets (service_day, category_id, number, code, issued_at) "
            "VALUES ('2026-11-30', 'adulti', 2, 'A002', '2026-11-30T15:31:00');"
            "PRAGMA user_version = 2;");
    }
    store::SqliteStore db(path);
    const auto tickets = db.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(tickets.size(), 2u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(tickets[0].categoryId, "adulti");
    EXPECT_EQ(tickets[0].state, TicketState::Served);
    EXPECT_EQ(tickets[0].desk, "Stanza 1");
    EXPECT_EQ(tickets[0].calledAt, at("2026-11-30T15:40:00"));
    EXPECT_EQ(tickets[0].finishedAt, at("2026-11-30T15:55:00"));
    EXPECT_EQ(db.callNext(callNextAt("Stanza 2"))->code, "A002");
    EXPECT_EQ(db.issueTicket(adulti("2026-11-30T15:45:00")).code, "A003");
    db.setSetting("k", "v");
    EXPECT_EQ(db.setting("k"), "v");
    RawDatabase raw(path);
    EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(store::SqliteStore::kSchemaVersion));
}

// ---- the satisfaction survey (schema 4) ----

namespace {

using domain::SurveyAnswer;
using domain::SurveyRefusal;

SurveyAnswer overall(int score) {
    SurveyAnswer answer;
    answer.overall = score;
    return answer;
}

// Issues `count` tickets of 2026-11-30 and marks them served, as the staff would.
std::vector<Ticket> servedTickets(store::SqliteStore& db, int count) {
    std::vector<Ticket> tickets;
    for (int i = 0; i < count; ++i) {
        const Ticket t = db.issueTicket(adulti("2026-11-30T15:30:00"));
        TicketChange call = changeOf(t.code, {TicketState::Waiting}, TicketState::Called);
        call.desk = "Stanza 1";
        call.calledAt = at("2026-11-30T15:40:00");
        db.changeTicket(call);
        tickets.push_back(db.changeTicket(serveAt(t.code, "2026-11-30T15:50:00")));
    }
    return tickets;
}

std::optional<SurveyRefusal> refusalOf(store::SqliteStore& db, const LocalDate& today, const std::string& code,
                                       const SurveyAnswer& answer = overall(4)) {
    try {
        db.submitSurvey(today, code, answer);
    } catch (const domain::SurveyRefusedError& e) {
        return e.reason();
    }
    return std::nullopt;
}

std::string answerCount(const std::string& path) { return RawDatabase(path).text("SELECT count(*) FROM survey_answers"); }

}  // namespace

TEST(SqliteStoreSurvey, codesAreSixDigitsDistinctWithinADayAndNotAFunctionOfTheNumber) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    std::vector<std::string> codes;
    for (int i = 0; i < 200; ++i) codes.push_back(db.issueTicket(adulti()).surveyCode);
    for (const auto& code : codes) EXPECT_EQ(domain::normalizeSurveyCode(code), code);
    EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
    // Codes following the number would rise (or fall) with it; random ones do both, often.
    int rises = 0;
    int falls = 0;
    for (std::size_t i = 1; i < codes.size(); ++i) (codes[i] > codes[i - 1] ? rises : falls)++;
    EXPECT_GT(rises, 50);
    EXPECT_GT(falls, 50);
    const auto stored = db.ticketsOfDay(day("2026-11-30"));
    for (std::size_t i = 0; i < stored.size(); ++i) EXPECT_EQ(stored[i].surveyCode, codes[i]);
}

TEST(SqliteStoreSurvey, aServedTicketAnswersOnceAndTheAnswerIsStoredForTheDay) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    const Ticket t = servedTickets(db, 1)[0];
    SurveyAnswer answer = overall(5);
    answer.dimensions = {4, std::nullopt, 2, 5};
    db.submitSurvey(day("2026-11-30"), t.surveyCode, answer);
    EXPECT_EQ(refusalOf(db, day("2026-11-30"), t.surveyCode), SurveyRefusal::AlreadyUsed);
    const auto answers = db.surveyAnswers(day("2026-11-30"), day("2026-11-30"));
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].day, day("2026-11-30"));
    EXPECT_EQ(answers[0].answer.overall, 5);
    EXPECT_EQ(answers[0].answer.dimensions, answer.dimensions);
    EXPECT_FALSE(answers[0].answer.paper);
    EXPECT_EQ(answerCount(path), "1");
}

TEST(SqliteStoreSurvey, refusalsStoreNothing) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    const Ticket waiting = db.issueTicket(adulti());
    const Ticket served = servedTickets(db, 1)[0];
    EXPECT_EQ(refusalOf(db, day("2026-11-30"), waiting.surveyCode), SurveyRefusal::NotServed);
    EXPECT_EQ(refusalOf(db, day("2026-11-30"), served.surveyCode, overall(6)), SurveyRefusal::BadScore);
    std::string unknown = "000000";
    while (unknown == waiting.surveyCode || unknown == served.surveyCode) unknown[5]++;
    EXPECT_EQ(refusalOf(db, day("2026-11-30"), unknown), SurveyRefusal::UnknownCode);
    EXPECT_EQ(answerCount(path), "0");
    RawDatabase raw(path);
    EXPECT_EQ(raw.text("SELECT sum(survey_used) FROM tickets"), "0");
    EXPECT_EQ(refusalOf(db, day("2026-11-30"), served.surveyCode), std::nullopt);  // still usable
}

TEST(SqliteStoreSurvey, checkingACodeRefusesLikeSubmittingAndChangesNothing) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    const Ticket waiting = db.issueTicket(adulti());
    const Ticket served = servedTickets(db, 1)[0];
    EXPECT_NO_THROW(db.checkSurveyCode(day("2026-11-30"), served.surveyCode));
    EXPECT_THROW(db.checkSurveyCode(day("2026-11-30"), waiting.surveyCode), domain::SurveyRefusedError);
    EXPECT_THROW(db.checkSurveyCode(day("2026-12-01"), served.surveyCode), domain::SurveyRefusedError);
    EXPECT_EQ(RawDatabase(path).text("SELECT sum(survey_used) FROM tickets"), "0");
    db.submitSurvey(day("2026-11-30"), served.surveyCode, overall(4));
    try {
        db.checkSurveyCode(day("2026-11-30"), served.surveyCode);
        ADD_FAILURE() << "a used code passed the check";
    } catch (const domain::SurveyRefusedError& e) {
        EXPECT_EQ(e.reason(), SurveyRefusal::AlreadyUsed);
    }
}

TEST(SqliteStoreSurvey, aCodeFromYesterdayIsUnknownToday) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    const Ticket yesterday = servedTickets(db, 1)[0];
    EXPECT_EQ(refusalOf(db, day("2026-12-01"), yesterday.surveyCode), SurveyRefusal::UnknownCode);
    EXPECT_EQ(answerCount(path), "0");
}

TEST(SqliteStoreSurvey, paperFormsHaveNoCodeAndAreMarkedAsPaper) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.submitSurvey(day("2026-11-30"), std::nullopt, overall(3));
    const auto answers = db.surveyAnswers(day("2026-11-01"), day("2026-11-30"));
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_TRUE(answers[0].answer.paper);
    EXPECT_THROW(db.submitSurvey(day("2026-11-30"), std::nullopt, overall(0)), domain::SurveyRefusedError);
}

TEST(SqliteStoreSurvey, answersAreReadByDayRangeInDayOrder) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    for (const char* d : {"2026-12-01", "2026-11-29", "2026-11-30", "2026-10-31"})
        db.submitSurvey(day(d), std::nullopt, overall(4));
    const auto answers = db.surveyAnswers(day("2026-11-01"), day("2026-12-01"));
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_EQ(answers[0].day, day("2026-11-29"));
    EXPECT_EQ(answers[2].day, day("2026-12-01"));
}

// What a curious reader of the file could use to match an answer with a ticket must not be there.
TEST(SqliteStoreSurvey, storedAnswersCarryNoTicketNoTimeAndNoInsertionOrder) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    constexpr int kAnswers = 40;
    const auto tickets = servedTickets(db, kAnswers);
    // Answer i is recognisable by its scores: (access, professionalism, privacy) spell i in base 5.
    for (int i = 0; i < kAnswers; ++i) {
        SurveyAnswer answer = overall(3);
        answer.dimensions = {i % 5 + 1, i / 5 % 5 + 1, i / 25 + 1, std::nullopt};
        db.submitSurvey(day("2026-11-30"), tickets[static_cast<std::size_t>(i)].surveyCode, answer);
    }
    RawDatabase raw(path);
    EXPECT_EQ(raw.column("SELECT name FROM pragma_table_info('survey_answers') ORDER BY cid"),
              (std::vector<std::string>{"key", "day", "overall", "access", "professionalism", "privacy", "waiting",
                                        "paper"}));
    EXPECT_EQ(raw.text("SELECT count(*) FROM survey_answers WHERE length(day) <> 10 OR day <> '2026-11-30'"), "0");
    EXPECT_EQ(raw.text("SELECT count(*) FROM survey_answers WHERE typeof(key) <> 'blob' OR length(key) <> 16"), "0");
    EXPECT_EQ(raw.text("SELECT count(DISTINCT key) FROM survey_answers"), std::to_string(kAnswers));
    // No rowid to betray the order of insertion.
    EXPECT_THROW(raw.text("SELECT rowid FROM survey_answers"), std::runtime_error);

    std::vector<int> rowOrder;
    for (const auto& encoded :
         raw.column("SELECT (access - 1) + (professionalism - 1) * 5 + (privacy - 1) * 25 FROM survey_answers"))
        rowOrder.push_back(std::stoi(encoded));
    std::vector<int> insertionOrder(kAnswers);
    std::iota(insertionOrder.begin(), insertionOrder.end(), 0);
    ASSERT_EQ(rowOrder.size(), insertionOrder.size());
    EXPECT_NE(rowOrder, insertionOrder);
    std::vector<int> reversed(insertionOrder.rbegin(), insertionOrder.rend());
    EXPECT_NE(rowOrder, reversed);
    // The rows come in the order of their random keys.
    EXPECT_EQ(raw.column("SELECT hex(key) FROM survey_answers"),
              raw.column("SELECT hex(key) FROM survey_answers ORDER BY key"));
    // The tickets only know that their one survey was used.
    EXPECT_EQ(raw.text("SELECT sum(survey_used) FROM tickets"), std::to_string(kAnswers));
}

namespace {

constexpr int kSharedCodes = 40;

// Runs in the forked child: answers with every code, then sends how many were accepted.
[[noreturn]] void answerFromChildProcess(const std::string& path, const std::vector<std::string>& codes, int readyFd,
                                         int goFd, int countFd) {
    try {
        store::SqliteStore db(path);
        if (!ChildRace::readyThenWaitForGo(readyFd, goFd)) _exit(1);
        int accepted = 0;
        for (const auto& code : codes)
            if (!refusalOf(db, day("2026-11-30"), code)) ++accepted;
        if (write(countFd, &accepted, sizeof accepted) != static_cast<ssize_t>(sizeof accepted)) _exit(1);
        _exit(0);
    } catch (...) {
        _exit(1);
    }
}

}  // namespace

TEST(SqliteStoreSurvey, twoProcessesAnsweringWithTheSameCodesStoreEachAnswerOnce) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    std::vector<std::string> codes;
    {
        store::SqliteStore db(path);
        for (const auto& t : servedTickets(db, kSharedCodes)) codes.push_back(t.surveyCode);
    }
    ChildRace race(
        [&](int readyFd, int goFd, int countFd) { answerFromChildProcess(path, codes, readyFd, goFd, countFd); });

    int parentAccepted = 0;
    std::string parentError;
    try {
        store::SqliteStore db(path);
        race.start();
        for (const auto& code : codes) {
            const auto refusal = refusalOf(db, day("2026-11-30"), code);
            if (!refusal) ++parentAccepted;
            else if (*refusal != SurveyRefusal::AlreadyUsed) parentError = "unexpected refusal";
        }
    } catch (const std::exception& e) {
        parentError = e.what();
    }
    race.release();
    int childAccepted = -1;
    const bool childReported = read(race.resultFd(), &childAccepted, sizeof childAccepted) ==
                               static_cast<ssize_t>(sizeof childAccepted);
    const int status = race.waitStatus();

    EXPECT_EQ(parentError, "");
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the child process failed";
    ASSERT_TRUE(childReported);
    EXPECT_EQ(parentAccepted + childAccepted, kSharedCodes);
    EXPECT_EQ(answerCount(path), std::to_string(kSharedCodes));
    EXPECT_EQ(RawDatabase(path).text("SELECT count(*) FROM tickets WHERE survey_used = 1"),
              std::to_string(kSharedCodes));
}

// A database of the third release (schema 3) keeps its tickets, without codes, and gains the survey.
TEST(SqliteStoreSurvey, versionThreeFileIsMigratedForwardKeepingItsTickets) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    {
        RawDatabase v3(path);
        v3.exec(
            "CREATE TABLE tickets (id INTEGER PRIMARY KEY, service_day TEXT NOT NULL, category_id TEXT NOT NULL, "
            "number INTEGER NOT NULL, code TEXT NOT NULL, issued_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT "
            "'waiting' CHECK (state IN ('waiting', 'called', 'served', 'no-show')), desk TEXT, request_token TEXT, "
            "UNIQUE (service_day, category_id, number), UNIQUE (service_day, code));"
            "CREATE UNIQUE INDEX tickets_request_token ON tickets (request_token) WHERE request_token IS NOT NULL "
            "AND request_token <> '';"
            "CREATE INDEX tickets_day_state ON tickets (service_day, state);"
            "ALTER TABLE tickets ADD COLUMN called_at TEXT;"
            "ALTER TABLE tickets ADD COLUMN finished_at TEXT;"
            "ALTER TABLE tickets ADD COLUMN transferred_to TEXT;"
            "CREATE TABLE calls (id INTEGER PRIMARY KEY, service_day TEXT NOT NULL, code TEXT NOT NULL, "
            "desk TEXT NOT NULL, called_at TEXT NOT NULL);"
            "CREATE INDEX calls_day ON calls (service_day, id);"
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO tickets (service_day, category_id, number, code, issued_at, state, desk, called_at, "
            "finished_at) VALUES ('2026-11-30', 'adulti', 1, 'A001', '2026-11-30T15:30:00', 'served', 'Stanza 1', "
            "'2026-11-30T15:40:00', '2026-11-30T15:55:00');"
            "INSERT INTO tickets (service_day, category_id, number, code, issued_at, transferred_to) "
            "VALUES ('2026-11-30', 'adulti', 2, 'A002', '2026-11-30T15:31:00', 'anziani');"
            "INSERT INTO settings (key, value) VALUES ('k', 'v');"
            "PRAGMA user_version = 3;");
    }
    store::SqliteStore db(path);
    const auto tickets = db.ticketsOfDay(day("2026-11-30"));
    ASSERT_EQ(tickets.size(), 2u);
    EXPECT_EQ(tickets[0].code, "A001");
    EXPECT_EQ(tickets[0].state, TicketState::Served);
    EXPECT_EQ(tickets[0].surveyCode, "");  // issued before codes existed: nothing to answer with
    EXPECT_EQ(tickets[1].categoryId, "anziani");
    EXPECT_EQ(db.setting("k"), "v");
    const Ticket fresh = db.issueTicket(adulti("2026-11-30T15:45:00"));
    EXPECT_EQ(fresh.code, "A003");
    EXPECT_EQ(fresh.surveyCode.size(), 6u);
    db.submitSurvey(day("2026-11-30"), std::nullopt, overall(5));
    EXPECT_EQ(db.surveyAnswers(day("2026-11-30"), day("2026-11-30")).size(), 1u);
    RawDatabase raw(path);
    EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(store::SqliteStore::kSchemaVersion));
}

TEST(SqliteStoreReports, demandCellsCountPerDayCategoryAndHourWithTheWaits) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    db.issueTicket(adulti("2026-11-30T15:30:00"));                      // A001: waits 10, served
    db.issueTicket(adulti("2026-11-30T15:50:00"));                      // A002: waits 30, no-show
    db.issueTicket(adulti("2026-11-30T16:05:00"));                      // A003: never called
    db.issueTicket(request("anziani", 'N', "2026-11-30T15:35:00"));     // N001: moved to adulti
    db.issueTicket(adulti("2026-12-02T16:40:00"));                      // another day
    db.issueTicket(adulti("2026-12-09T16:40:00"));                      // outside the range
    {
        RawDatabase raw(path);
        raw.exec("UPDATE tickets SET state = 'served', called_at = '2026-11-30T15:40:00' WHERE code = 'A001' "
                 "AND service_day = '2026-11-30';"
                 "UPDATE tickets SET state = 'no-show', called_at = '2026-11-30T16:20:00' WHERE code = 'A002';"
                 "UPDATE tickets SET transferred_to = 'adulti' WHERE code = 'N001';");
    }
    const auto cells = db.demandCells(day("2026-11-30"), day("2026-12-02"));
    ASSERT_EQ(cells.size(), 3u);
    EXPECT_EQ(cells[0].serviceDay, day("2026-11-30"));
    EXPECT_EQ(cells[0].categoryId, "adulti");
    EXPECT_EQ(cells[0].hour, 15);
    EXPECT_EQ(cells[0].tickets, 3);  // A001, A002 and the transferred N001
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

TEST(SqliteStoreReports, reportQueriesUseTheirIndexes) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    { store::SqliteStore db(path); }
    // EXPLAIN QUERY PLAN's detail is its fourth column. The queries repeat the store's word for word.
    const auto detail = [&](const std::string& sql) { return RawDatabase(path).queryPlan(sql); };
    EXPECT_NE(detail("SELECT day, overall, access, professionalism, privacy, waiting, paper FROM survey_answers "
                     "WHERE day BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY day")
                  .find("USING INDEX survey_answers_day"),
              std::string::npos);
    const std::string demand = detail(
        "SELECT service_day, COALESCE(transferred_to, category_id), CAST(substr(issued_at, 12, 2) AS INTEGER), "
        "COUNT(*), SUM(state = 'served'), SUM(state = 'no-show'), COUNT(called_at), "
        "COALESCE(SUM(max(0, julianday(called_at) - julianday(issued_at))), 0) * 1440, "
        "COALESCE(MAX(max(0, julianday(called_at) - julianday(issued_at))), 0) * 1440 "
        "FROM tickets WHERE service_day BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    EXPECT_NE(demand.find("USING INDEX tickets_demand"), std::string::npos) << demand;
    EXPECT_EQ(demand.find("TEMP B-TREE"), std::string::npos) << demand;
}

// ---- a take's one read of the queue, under the write lock ----

namespace {

// An admission that records what it was shown and lets every ticket in.
struct RecordingAdmission {
    std::vector<std::vector<std::string>> shown;
    domain::Admission admit() {
        return [this](const std::vector<std::string>& waiting) { shown.push_back(waiting); };
    }
};

struct QueueFullError : std::runtime_error {
    QueueFullError() : std::runtime_error("queue full") {}
};

}  // namespace

TEST(SqliteStoreAdmission, admitSeesTheDaysWaitingCategoriesInIssueOrderAfterTransfers) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    db.issueTicket(adulti("2026-11-30T15:30:00"));                   // A001: called below
    db.issueTicket(request("anziani", 'N', "2026-11-30T15:31:00"));  // N001
    db.issueTicket(adulti("2026-11-30T15:32:00"));                   // A002: moved to disabili
    db.issueTicket(adulti("2026-12-01T15:30:00"));                   // another day
    db.callNext(callNextAt("Stanza 1"));
    TicketChange transfer = changeOf("A002", {TicketState::Waiting}, TicketState::Waiting);
    transfer.newCategoryId = "disabili";
    db.changeTicket(transfer);

    RecordingAdmission admission;
    const Ticket issued = db.issueTicketIfAdmitted(adulti("2026-11-30T15:40:00"), admission.admit());
    ASSERT_EQ(admission.shown.size(), 1u);
    EXPECT_EQ(admission.shown[0], (std::vector<std::string>{"anziani", "disabili"}));
    EXPECT_EQ(issued.code, "A003");
}

TEST(SqliteStoreAdmission, aRefusalStoresNothingAndLeavesNothingLocked) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    store::SqliteStore db(path);
    db.issueTicket(adulti("2026-11-30T15:30:00"));
    const auto refuse = [](const std::vector<std::string>&) { throw QueueFullError(); };
    EXPECT_THROW(db.issueTicketIfAdmitted(adulti("2026-11-30T15:31:00", "tap-1"), refuse), QueueFullError);
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 1u);
    store::SqliteStore other(path);  // another kiosk can write at once
    EXPECT_EQ(other.issueTicket(adulti("2026-11-30T15:32:00", "tap-1")).code, "A002");
}

TEST(SqliteStoreAdmission, aRepeatedTokenReturnsItsTicketWithoutAskingAgain) {
    TempDir dir;
    store::SqliteStore db(dir.file("tickets.db"));
    RecordingAdmission admission;
    const Ticket first = db.issueTicketIfAdmitted(adulti("2026-11-30T15:30:00", "tap-7"), admission.admit());
    const auto refuse = [](const std::vector<std::string>&) { throw QueueFullError(); };
    EXPECT_EQ(db.issueTicketIfAdmitted(adulti("2026-11-30T15:31:00", "tap-7"), refuse).id, first.id);
    EXPECT_EQ(admission.shown.size(), 1u);
    EXPECT_EQ(db.ticketsOfDay(day("2026-11-30")).size(), 1u);
}

// The decision and the insert are one transaction: kiosks racing for the last places of a queue
// of ten never issue an eleventh ticket.
TEST(SqliteStoreAdmission, twoConnectionsRacingForTheLastPlacesNeverOverfillTheQueue) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    constexpr int kQueueLimit = 10;
    const auto admitWhileRoom = [](const std::vector<std::string>& waiting) {
        if (static_cast<int>(waiting.size()) >= kQueueLimit) throw QueueFullError();
    };
    int issued[2] = {0, 0};
    const auto errors = raceTwoConnections(path, [&](store::SqliteStore& db, int index) {
        for (int i = 0; i < kQueueLimit; ++i) {
            try {
                db.issueTicketIfAdmitted(adulti(), admitWhileRoom);
                ++issued[index];
            } catch (const QueueFullError&) {
            }
        }
    });
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(issued[0] + issued[1], kQueueLimit);
    EXPECT_EQ(store::SqliteStore(path).ticketsOfDay(day("2026-11-30")).size(), static_cast<std::size_t>(kQueueLimit));
}

// The statements of a take repeat the store's word for word: each walks an index, none reads
// every ticket (a request token look-up without the partial index's condition scanned a million
// tickets on 5 years of data, at every take).
TEST(SqliteStoreAdmission, aTakesStatementsUseIndexesNotScans) {
    TempDir dir;
    const auto path = dir.file("tickets.db");
    { store::SqliteStore db(path); }
    RawDatabase raw(path);
    const std::string token =
        raw.queryPlan("SELECT id FROM tickets WHERE request_token = 'tap-1' AND request_token <> ''");
    EXPECT_NE(token.find("INDEX tickets_request_token (request_token=?)"), std::string::npos) << token;
    const std::string waiting = raw.queryPlan("SELECT COALESCE(transferred_to, category_id) FROM tickets "
                                              "WHERE service_day = '2026-11-30' AND state = 'waiting' ORDER BY id");
    EXPECT_NE(waiting.find("USING INDEX tickets_day_state"), std::string::npos) << waiting;
    EXPECT_EQ(waiting.find("TEMP B-TREE"), std::string::npos) << waiting;
    const std::string interviews = raw.queryPlan(
        "SELECT COALESCE(SUM(interviews), 0), COALESCE(SUM(interview_seconds) / 60.0 / SUM(interviews), 0) "
        "FROM interview_days WHERE service_day >= '2026-10-05'");
    EXPECT_NE(interviews.find("USING PRIMARY KEY (service_day>?)"), std::string::npos) << interviews;
}
