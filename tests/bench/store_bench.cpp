// Durable writes: a ticket taken through the domain and the store, next to the floor it cannot
// beat (one bare INSERT + COMMIT with the store's pragmas in the same directory), and a desk's
// call-next with a long queue.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "bench_env.hpp"
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
    long long taken = 0;
    for (auto _ : state) {
        queue.takeTicket("adulti", "bench-token-" + std::to_string(taken));
        if (++taken % kTicketsPerDay == 0) clock.advanceSeconds(kSecondsPerDay);
    }
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
    benchmark::RegisterBenchmark(kCallNextName, guarded(BM_CallNext))->Unit(benchmark::kMicrosecond)->UseRealTime();
}

}  // namespace bench
