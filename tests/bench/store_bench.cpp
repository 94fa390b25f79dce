// Durable writes: a ticket taken through the domain and the store, next to the floor it cannot
// beat (one bare INSERT + COMMIT with the store's pragmas in the same directory), and a desk's
// call-next with a long queue.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "bench_env.hpp"
#include "demo_database.hpp"
#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "benchmarks.hpp"

namespace bench {
namespace {

// A service day never holds more tickets than this: the store reads the whole day for the queue
// snapshot, so an ever-growing day would measure a day no office ever has.
constexpr int kTicketsPerDay = 100;
constexpr long long kSecondsPerDay = 24 * 60 * 60;

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string("bare commit: ") + what + ": " + sqlite3_errmsg(db));
}

Statement prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    check(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr), sql);
    return Statement(raw);
}

void step(sqlite3* db, sqlite3_stmt* statement, const char* what) {
    check(db, sqlite3_step(statement), what);
    sqlite3_reset(statement);
}

// The pragmas of SqliteStore::configureConnection and switchToWriteAheadLog, copied (they are
// private there): keep both lists equal, or the ratio compares different durability.
Connection openLikeTheStore(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Connection db(raw);
    check(db.get(), rc, "opening");
    sqlite3_busy_timeout(db.get(), 5000);
    check(db.get(),
          sqlite3_exec(db.get(),
                       "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 4194304; "
                       "PRAGMA journal_mode = WAL",
                       nullptr, nullptr, nullptr),
          "pragmas");
    return db;
}

// The always-open office still closes on national holidays (8 December, 1 January ...): a take
// there is refused, so the days the benchmarks move to skip them.
void moveToAnOpenDay(domain::FixedClock& clock, const domain::QueueService& queue) {
    while (queue.calendar().sessionsOn(clock.now().date).empty()) clock.advanceSeconds(kSecondsPerDay);
}

void nextDay(domain::FixedClock& clock, const domain::QueueService& queue) {
    clock.advanceSeconds(kSecondsPerDay);
    moveToAnOpenDay(clock, queue);
}

void BM_BareInsertCommit(benchmark::State& state) {
    Connection db = openLikeTheStore(scratchDatabase("bare-commit"));
    check(db.get(),
          sqlite3_exec(db.get(),
                       "CREATE TABLE bare (id INTEGER PRIMARY KEY, service_day TEXT NOT NULL, code TEXT NOT NULL, "
                       "issued_at TEXT NOT NULL)",
                       nullptr, nullptr, nullptr),
          "creating the table");
    Statement begin = prepare(db.get(), "BEGIN IMMEDIATE");
    Statement insert = prepare(db.get(),
                               "INSERT INTO bare (service_day, code, issued_at) "
                               "VALUES ('2026-11-30', 'A123', '2026-11-30T12:00:00')");
    Statement commit = prepare(db.get(), "COMMIT");
    for (auto _ : state) {
        step(db.get(), begin.get(), "BEGIN");
        step(db.get(), insert.get(), "INSERT");
        step(db.get(), commit.get(), "COMMIT");
    }
}

// As the citizen kiosk does it: QueueService::takeTicket with a fresh request token, i.e. the
// hours and queue check, the token look-up, the numbered insert in BEGIN IMMEDIATE, the durable
// COMMIT, and the snapshot that tells the citizen how many are ahead.
void BM_TakeTicket(benchmark::State& state) {
    const domain::Config config = alwaysOpenOffice();
    store::SqliteStore store(scratchDatabase("take-ticket"));
    domain::FixedClock clock(benchNow());
    domain::QueueService queue(config, store, clock);
    moveToAnOpenDay(clock, queue);
    long long taken = 0;
    for (auto _ : state) {
        queue.takeTicket("adulti", "bench-token-" + std::to_string(taken));
        if (++taken % kTicketsPerDay == 0) nextDay(clock, queue);
    }
}

void flushToDisk(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot flush " + path + " to disk");
    }
    ::close(fd);
}

// The same take on a copy of the 5 years of demo data, the day after its last: the token look-up,
// the queue and the learned interview length then search a million tickets' indexes, and the
// last weeks are full of served tickets to learn from. The learned length (18 minutes) is read at
// every take but not used, or the always-open office would find its queue full after 40 tickets.
void BM_TakeTicketOnYears(benchmark::State& state) {
    domain::Config config = alwaysOpenOffice();
    config.tickets.minSamplesToLearn = INT_MAX;
    const DemoDatabase data = demoDatabase();
    const std::string copy = scratchDatabase("take-ticket-years");
    for (const char* suffix : {"", "-wal"})
        if (std::filesystem::exists(data.path + suffix)) {
            std::filesystem::copy_file(data.path + suffix, copy + suffix);
            // On disk before the timing starts: the first commit must not flush 350 MB of copy.
            flushToDisk(copy + suffix);
        }
    store::SqliteStore store(copy);
    domain::FixedClock clock(domain::LocalDateTime{data.lastDay.plusDays(1), 12 * 3600});
    domain::QueueService queue(config, store, clock);
    moveToAnOpenDay(clock, queue);
    long long taken = 0;
    for (auto _ : state) {
        queue.takeTicket("adulti", "bench-token-" + std::to_string(taken));
        if (++taken % kTicketsPerDay == 0) nextDay(clock, queue);
    }
    state.counters["tickets"] = static_cast<double>(data.tickets);
}

// Takes `count` tickets today through the store (each its own durable commit, as at the kiosk).
void fillQueue(store::SqliteStore& store, const domain::Clock& clock, int count) {
    for (int i = 0; i < count; ++i) store.issueTicket({"adulti", 'A', clock.now(), {}});
}

// Every timed call sees exactly waitingForCallNext() tickets waiting: the ticket it called is
// replaced, outside the timing, by a new one at the back of the queue.
void BM_CallNext(benchmark::State& state) {
    const domain::Config config = alwaysOpenOffice();
    store::SqliteStore store(scratchDatabase("call-next"));
    domain::FixedClock clock(benchNow());
    domain::StaffService staff(config, store, clock);
    fillQueue(store, clock, waitingForCallNext());
    for (auto _ : state) {
        auto called = staff.callNext(1);
        if (!called) {
            state.SkipWithError("nobody waiting");
            break;
        }
        state.PauseTiming();
        fillQueue(store, clock, 1);
        state.ResumeTiming();
    }
    state.counters["waiting"] = waitingForCallNext();
}

}  // namespace

void registerStoreBenchmarks() {
    benchmark::RegisterBenchmark(kBareCommitName, guarded(BM_BareInsertCommit))->Unit(benchmark::kMicrosecond)->UseRealTime();
    benchmark::RegisterBenchmark(kTakeTicketName, guarded(BM_TakeTicket))->Unit(benchmark::kMicrosecond)->UseRealTime();
    benchmark::RegisterBenchmark(kTakeTicketYearsName, guarded(BM_TakeTicketOnYears))
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(kCallNextName, guarded(BM_CallNext))->Unit(benchmark::kMicrosecond)->UseRealTime();
}

}  // namespace bench
