#pragma once
// Writes domain::DemoDataGenerator's fictional years into a ticket database: for the demo, and
// for the benchmark of the reports (tests/bench). All of it in one transaction.
#include <cstdint>
#include <string>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"
#include "domain/demo_data.hpp"
#include "domain/ticket_store.hpp"

namespace store {

struct DemoDataCounts {
    domain::LocalDate from;
    domain::LocalDate to;
    int days = 0;  // service days with at least one opening
    std::int64_t tickets = 0;
    std::int64_t kioskAnswers = 0;
    std::int64_t paperAnswers = 0;
    std::int64_t schede = 0;  // schede di Segretariato counted (after served tickets)
};

// The database already holds tickets and replacing them was not asked for.
class DatabaseNotEmptyError : public domain::StoreError {
public:
    using domain::StoreError::StoreError;
};

struct DemoDataOptions {
    int years = 5;
    domain::LocalDate until;  // the last day generated
    unsigned seed = 1;
    // Delete the tickets, calls and survey answers already there first (settings such as the
    // staff PIN stay). Without it a database holding any ticket is refused untouched.
    bool replaceExisting = false;
    domain::DemoDataShape shape;
};

// Creates the database if needed (as SqliteStore does, schema included) and fills it. Survey
// answers go in exactly as SqliteStore::submitSurvey writes them (random key, day, scores, no
// ticket); the tickets answered for are marked used. Throws DatabaseNotEmptyError or StoreError.
DemoDataCounts generateDemoData(const std::string& dbPath, const domain::Config& config,
                                const DemoDataOptions& options);

// The same with the default shape: about 200 000 tickets and 40 000 answers a year.
DemoDataCounts generateDemoData(const std::string& dbPath, const domain::Config& config, int years,
                                domain::LocalDate until, unsigned seed);

}  // namespace store
