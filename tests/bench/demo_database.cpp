#include "demo_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "bench_env.hpp"
#include "kiosk/store/demo_data.hpp"
#include "kiosk/store/sqlite_store.hpp"

namespace bench {
namespace fs = std::filesystem;
namespace {

// The volume: 5 years of about 200 000 tickets and 40 000 answers each. The smoke run
// keeps one year of a tiny office. The last day is fixed so every machine measures the same data.
constexpr int kYears = 5;
constexpr int kSmokeTicketsPerYear = 2'000;
constexpr domain::LocalDate kUntil{2025, 12, 31};
constexpr unsigned kSeed = 1;

// What `kioskctl generate-demo-data --years 5 --until 2025-12-31` writes, for the demo office.
void generate(const std::string& path, bool small) {
    store::DemoDataOptions generation;
    generation.years = small ? 1 : kYears;
    generation.until = kUntil;
    generation.seed = kSeed;
    if (small) generation.shape.ticketsPerYear = kSmokeTicketsPerYear;
    store::generateDemoData(path, demoOffice(), generation);
}

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

// Reads the extent of the data with a read-only connection: nothing the store offers counts rows.
void describe(DemoDatabase& data) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(data.path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, ConnectionCloser> db(raw);
    if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + data.path);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.get(),
                           "SELECT min(service_day), max(service_day), count(*), "
                           "(SELECT count(*) FROM survey_answers) FROM tickets",
                           -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot read " + data.path + ": " + sqlite3_errmsg(db.get()));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> finalizer(statement, sqlite3_finalize);
    if (sqlite3_step(statement) != SQLITE_ROW || sqlite3_column_type(statement, 0) == SQLITE_NULL)
        throw std::runtime_error(data.path + " holds no tickets");
    auto day = [&](int column) {
        auto parsed = domain::LocalDate::parse(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)));
        if (!parsed) throw std::runtime_error(data.path + ": unreadable service day");
        return *parsed;
    };
    data.firstDay = day(0);
    data.lastDay = day(1);
    data.tickets = sqlite3_column_int64(statement, 2);
    data.answers = sqlite3_column_int64(statement, 3);
    const bool lastYearComplete = data.lastDay.month == 12 && data.lastDay.day == 31;
    data.lastFullYear = lastYearComplete ? data.lastDay.year : data.lastDay.year - 1;
    // Data ending within a year holds no full year: report on the year it ends in.
    if (data.lastFullYear < data.firstDay.year) data.lastFullYear = data.lastDay.year;
}

}  // namespace

DemoDatabase demoDatabase() {
    const bool small = options().small;
    DemoDatabase data;
    // The smoke run's data takes a fraction of a second: written afresh each time, so it always
    // comes from the generator as built. The 5 years are cached under the schema version's name:
    // a new schema gets data written by the new generator.
    const std::string name = "demo-data-5-years-schema" + std::to_string(store::SqliteStore::kSchemaVersion) + ".db";
    data.path = small ? scratchDatabase("demo-data-small") : (fs::path(options().dataDir) / name).string();
    if (!fs::exists(data.path)) {
        fs::create_directories(options().dataDir);
        // Written aside and renamed: an interrupted generation is never taken for a finished one.
        const std::string partial = data.path + ".partial";
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(partial + suffix);
        std::fprintf(stderr, "kiosk-bench: generating %s (%s)...\n", data.path.c_str(),
                     small ? "1 year of a tiny office" : "5 years of demo data");
        const auto start = std::chrono::steady_clock::now();
        generate(partial, small);
        for (const char* suffix : {"", "-wal", "-shm"})
            if (fs::exists(partial + suffix)) fs::rename(partial + suffix, data.path + suffix);
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "kiosk-bench: generated in %.1f s\n", seconds);
    }
    describe(data);
    return data;
}

}  // namespace bench
