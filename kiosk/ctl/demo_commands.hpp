#pragma once
// kioskctl generate-demo-data: years of fictional activity for the demo and the benchmarks. The
// store writes it (kiosk/store/demo_data.hpp); this parses and prints what was written.
#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "domain/civil_time.hpp"
#include "domain/demo_data.hpp"

namespace ctl {

struct DemoDataCommandOptions {
    int years = 0;
    unsigned seed = 1;
    int ticketsPerYear = domain::DemoDataShape{}.ticketsPerYear;
    std::string until;   // YYYY-MM-DD; empty: yesterday by the clock (--now)
    bool force = false;  // delete the tickets, calls and answers already in the database
};

CLI::App* addDemoDataCommand(CLI::App& app, DemoDataCommandOptions& options);

// What the command needs from kioskctl's global options.
struct DemoDataContext {
    std::string dbPath;
    std::string configPath;
    domain::LocalDateTime now;
};

// Prints the counts and the time taken. Throws domain::StoreError (exit 4, also for a database
// that already holds tickets without --force) and domain::ConfigError (exit 3).
int runDemoDataCommand(const DemoDataCommandOptions& options, const DemoDataContext& context, std::ostream& out,
                       std::ostream& err);

}  // namespace ctl
